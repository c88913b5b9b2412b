import type { Change, ChangeKind } from '../../src/differ/changes';
import { renderScript, statementsForDriver } from '../../src/emitters/tsql/script';
import { renderChange as renderWithKey } from '../../src/emitters/tsql/render-change';
import { DEFAULT_COLLATION, nameKeyFor } from '../../src/sqlserver/names';
import { expectValidTsql } from '../support/tsql-grammar';
import type { Table } from '../../src/model';
import { ck, col, df, fk, ix, t, TENANTS, USERS } from './fixtures';
import { KIND_EXAMPLES } from './kinds';

const kinds = Object.keys(KIND_EXAMPLES) as ChangeKind[];
const renderChange = (change: Change): string[] => renderWithKey(change, nameKeyFor(DEFAULT_COLLATION));

describe('one renderer per change kind', () => {
  it.each(kinds)('%s', (kind) => {
    const { change, sql } = KIND_EXAMPLES[kind];
    expect(renderChange(change)).toEqual(sql);
  });

  it('every example is T-SQL the grammar accepts, apart from its documented gaps', () => {
    const script = kinds.flatMap((k) => KIND_EXAMPLES[k].sql).join('\nGO\n');
    expect(expectValidTsql(script).gapsUsed).toEqual([
      'alter-column-masked', 'alter-column-not-for-replication', 'alter-column-rowguidcol', 'alter-column-sparse', 'alter-index', 'alter-table-alter-index', 'change-tracking', 'create-statistics-options', 'create-type-not-null', 'fillfactor-option', 'graph-edge-constraint', 'nocheck-constraint', 'on-partition-scheme',
      'temporal-add-period', 'temporal-alter-column-hidden',
      'temporal-drop-period', 'temporal-set-system-versioning', 'with-check-check-constraint',
    ]);
  });

  it('drops a clustered index or key WITH (ONLINE = ON) when the production pass says so (documented grammar gaps)', () => {
    const cx = ix('cx_users_id', ['id'], { clustered: true });
    const index = renderChange({ kind: 'dropIndex', table: USERS, index: cx, online: true });
    const pk = renderChange({ ...(KIND_EXAMPLES.dropPrimaryKey.change as Extract<Change, { kind: 'dropPrimaryKey' }>), online: true });
    expect([...index, ...pk]).toEqual([
      'DROP INDEX [cx_users_id] ON [dbo].[users] WITH (ONLINE = ON);',
      'ALTER TABLE [dbo].[users] DROP CONSTRAINT [pk_users] WITH (ONLINE = ON);',
    ]);
    expect(expectValidTsql([...index, ...pk].join('\nGO\n')).gapsUsed).toEqual(['drop-constraint-with', 'drop-index-with']);
    expect(renderChange({ kind: 'dropIndex', table: USERS, index: cx })).toEqual(['DROP INDEX [cx_users_id] ON [dbo].[users];']);
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

describe('names compare as the database collation does', () => {
  const table = (names: readonly string[]): Table => ({
    schema: 'dbo', name: 'codes', columns: names.map((n) => col(n, t.varchar(10))),
    primaryKey: null, uniqueConstraints: [], indexes: [], checks: [], foreignKeys: [],
    defaults: [df('df_codes_Code', 'Code', "('UPPER')"), df('df_codes_code', 'code', "('lower')")],
  });

  it('gives each of Code and code its own default in a case-sensitive database', () => {
    const [sql] = renderWithKey({ kind: 'createTable', table: table(['code', 'Code']) }, nameKeyFor('Latin1_General_CS_AS'));
    expect(sql).toContain("[code] varchar(10) NOT NULL CONSTRAINT [df_codes_code] DEFAULT ('lower')");
    expect(sql).toContain("[Code] varchar(10) NOT NULL CONSTRAINT [df_codes_Code] DEFAULT ('UPPER')");
    expectValidTsql(sql ?? '');
  });

  it('matches a default to its column whatever the case under a case-insensitive collation', () => {
    const ci: Table = { ...table(['Code']), defaults: [df('df_codes_code', 'code', "('x')")] };
    const [sql] = renderWithKey({ kind: 'createTable', table: ci }, nameKeyFor(DEFAULT_COLLATION));
    expect(sql).toContain("[Code] varchar(10) NOT NULL CONSTRAINT [df_codes_code] DEFAULT ('x')");
  });

  it('renders a plan with the collation it was made under', () => {
    const change = { kind: 'createTable', table: table(['code', 'Code']) } as const;
    const plan = { steps: [{ change, hazards: [], inverse: null }], skipped: [], collation: 'Latin1_General_100_BIN2' };
    const [create] = statementsForDriver(plan, 'up');
    expect(create?.sql).toContain("[Code] varchar(10) NOT NULL CONSTRAINT [df_codes_Code] DEFAULT ('UPPER')");
    expect(renderScript(plan, { direction: 'up', databaseName: null }).text).toContain("CONSTRAINT [df_codes_code] DEFAULT ('lower')");
  });
});
