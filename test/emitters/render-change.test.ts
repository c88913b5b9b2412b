import type { Change, ChangeKind } from '../../src/differ/changes';
import { renderChange } from '../../src/emitters/tsql/render-change';
import { expectValidTsql } from '../support/tsql-grammar';
import { ck, df, fk, ix, TENANTS, USERS } from './fixtures';
import { KIND_EXAMPLES } from './kinds';

const kinds = Object.keys(KIND_EXAMPLES) as ChangeKind[];

describe('one renderer per change kind', () => {
  it.each(kinds)('%s', (kind) => {
    const { change, sql } = KIND_EXAMPLES[kind];
    expect(renderChange(change)).toEqual(sql);
  });

  it('every example is T-SQL the grammar accepts, apart from its documented gaps', () => {
    const script = kinds.flatMap((k) => KIND_EXAMPLES[k].sql).join('\nGO\n');
    expect(expectValidTsql(script).gapsUsed).toEqual(['nocheck-constraint', 'with-check-check-constraint']);
  });

  it('throws on a kind it does not know instead of rendering nothing', () => {
    expect(() => renderChange({ kind: 'createView', name: 'v' } as unknown as Change)).toThrow(/no renderer for change kind "createView"/);
  });

  it('renames an index table-qualified and a constraint schema-qualified', () => {
    expect(renderChange({ kind: 'renameConstraint', table: USERS, objectType: 'INDEX', from: 'ix_old', to: 'ix_users_new' }))
      .toEqual(["EXEC sp_rename N'[dbo].[users].[ix_old]', N'ix_users_new', N'INDEX';"]);
  });

  it('recreates an untrusted or disabled constraint as it was (a down script)', () => {
    expect(renderChange({ kind: 'addCheck', table: USERS, constraint: ck('ck_a', '[a]>(0)', { trusted: false, enabled: false }) })).toEqual([
      'ALTER TABLE [dbo].[users] WITH NOCHECK ADD CONSTRAINT [ck_a] CHECK ([a]>(0));',
      'ALTER TABLE [dbo].[users] NOCHECK CONSTRAINT [ck_a];',
    ]);
    expect(renderChange({ kind: 'addForeignKey', table: USERS, constraint: fk('fk_a', ['tenant_id'], TENANTS, ['id'], { trusted: false }) }))
      .toEqual(['ALTER TABLE [dbo].[users] WITH NOCHECK ADD CONSTRAINT [fk_a] FOREIGN KEY ([tenant_id]) REFERENCES [dbo].[tenants] ([id]);']);
  });

  it('adds a negative default as SQL Server takes it (a known grammar gap, not a product bug)', () => {
    const sql = renderChange({ kind: 'addDefault', table: USERS, constraint: df('df_users_delta', 'delta', '((-1))') });
    expect(sql).toEqual(['ALTER TABLE [dbo].[users] ADD CONSTRAINT [df_users_delta] DEFAULT (-1) FOR [delta];']);
    expect(expectValidTsql(sql.join('\n')).gapsUsed).toEqual(['add-default-for-literal']);
  });

  it('refuses an in-place change SQL Server cannot make', () => {
    const from = KIND_EXAMPLES.alterColumn.change;
    if (from.kind !== 'alterColumn') throw new Error('fixture');
    expect(() => renderChange({ ...from, to: { ...from.to, identity: { seed: '1', increment: '1' } } })).toThrow(/identity/);
    expect(() => renderChange({ kind: 'createIndex', table: USERS, index: ix('ix_c', ['a'], { clustered: true, include: ['b'] }) })).toThrow(/INCLUDE/);
  });
});
