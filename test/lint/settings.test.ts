import { lint, withoutSuperseded } from '../../src/lint';
import type { Diagnostic } from '../../src/model';
import { df, pk } from '../support/model-builders';
import { cleanDb, placed, withTable } from './lint-models';

/** tenants with a clustered GUID primary key and no other clustered index. */
function guidClustered(defaultText: string) {
  return withTable('tenants', (t) => ({
    ...t,
    primaryKey: placed(pk('pk_tenants', ['id']), 3, 3),
    defaults: [df('df_tenants_id', 'id', defaultText)],
    indexes: t.indexes.filter((i) => !i.clustered),
  }));
}

const levels = (ds: readonly Diagnostic[]): string[] => ds.map((d) => `${d.code}:${d.severity}`);

describe('lint settings', () => {
  it('run each rule at its default severity when the rule is not listed', () => {
    expect(levels(lint(guidClustered('NEWID()')))).toEqual(['guid-clustered-key:warning']);
  });

  it('re-level a rule', () => {
    expect(levels(lint(guidClustered('NEWID()'), { rules: { 'guid-clustered-key': 'error' } }))).toEqual(['guid-clustered-key:error']);
    expect(levels(lint(guidClustered('NEWID()'), { rules: { 'guid-clustered-key': 'info' } }))).toEqual(['guid-clustered-key:info']);
  });

  it('turn a rule off without touching the others', () => {
    const db = withTable('tenants', (t) => ({
      ...guidClustered('NEWID()').tables[0]!,
      columns: t.columns.map((c) => (c.name === 'created_at' ? { ...c, type: { name: 'datetime' as const } } : c)),
    }));
    expect(levels(lint(db))).toEqual(['guid-clustered-key:warning', 'datetime-not-datetime2:info']);
    expect(levels(lint(db, { rules: { 'guid-clustered-key': 'off' } }))).toEqual(['datetime-not-datetime2:info']);
    expect(levels(lint(db, { rules: { 'datetime-not-datetime2': 'off', 'guid-clustered-key': 'off' } }))).toEqual([]);
  });

  it('keep a mild finding at info when the rule is raised, and drop it when the rule is off', () => {
    const db = guidClustered('(newsequentialid())');
    expect(levels(lint(db, { rules: { 'guid-clustered-key': 'error' } }))).toEqual(['guid-clustered-key:info']);
    expect(lint(db, { rules: { 'guid-clustered-key': 'off' } })).toEqual([]);
  });

  it('ignore rule ids lint does not know (the config validator rejects them)', () => {
    expect(lint(cleanDb(), { rules: { 'no-such-rule': 'error' } })).toEqual([]);
  });
});

describe('withoutSuperseded', () => {
  it('drops the compiler key-width warning that index-key-too-wide reports, and keeps the rest', () => {
    const compiler: Diagnostic[] = [
      { code: 'SC1505', severity: 'warning', message: 'index ix has a key of up to 2000 bytes' },
      { code: 'SC1701', severity: 'warning', message: 'cannot parse' },
    ];
    expect(withoutSuperseded(compiler).map((d) => d.code)).toEqual(['SC1701']);
  });
});
