/**
 * The lock-impact table, driven by one example change of every kind (test/emitters/kinds.ts, a
 * Record over every kind, so a new kind must be added there and here): the rule each step gets
 * on a small and on a large existing table, on an Enterprise-class and on a Standard server.
 */
import { planForProduction, blocksLargeTable, DEFAULT_PRODUCTION, type ProductionOptions } from '../../src/differ/lock-impact';
import type { Change, ChangeKind, Plan } from '../../src/differ/changes';
import type { Database, Table } from '../../src/model';
import { LOCK_RULES, type LockRuleId } from '../../src/sqlserver/lock-impact';
import { KIND_EXAMPLES } from '../emitters/kinds';
import { col, df, ix, step, t } from '../emitters/fixtures';
import { isRuntimeConstantDefault } from '../../src/sqlserver/not-null-add';
import { makeExpression } from '../../src/expr';
import { defaultNameKey } from '../../src/sqlserver/names';
import { invert } from '../../src/differ/inverse';

const SMALL = 10;
const LARGE = 5_000_000;
const ENTERPRISE = { engineEdition: 3, edition: 'Enterprise Edition (64-bit)', majorVersion: 16 };
const STANDARD = { engineEdition: 2, edition: 'Standard Edition (64-bit)', majorVersion: 16 };

/** Expected rule per kind: [small on Enterprise, small on Standard, large on Enterprise, large on Standard]. */
const EXPECTED: Record<ChangeKind, readonly [LockRuleId, LockRuleId, LockRuleId, LockRuleId]> = {
  createSchema: ['schema-ddl', 'schema-ddl', 'schema-ddl', 'schema-ddl'],
  createType: ['type-ddl', 'type-ddl', 'type-ddl', 'type-ddl'],
  dropType: ['type-ddl', 'type-ddl', 'type-ddl', 'type-ddl'],
  redefineType: ['type-ddl', 'type-ddl', 'type-ddl', 'type-ddl'],
  dropSchema: ['schema-ddl', 'schema-ddl', 'schema-ddl', 'schema-ddl'],
  createTable: ['create-table', 'create-table', 'create-table', 'create-table'],
  dropTable: ['drop-table', 'drop-table', 'drop-table', 'drop-table'],
  renameTable: ['rename', 'rename', 'rename', 'rename'],
  transferTable: ['transfer', 'transfer', 'transfer', 'transfer'],
  addColumn: ['add-nullable-column', 'add-nullable-column', 'add-nullable-column', 'add-nullable-column'],
  dropColumn: ['drop-column', 'drop-column', 'drop-column', 'drop-column'],
  renameColumn: ['rename', 'rename', 'rename', 'rename'],
  alterColumn: ['alter-column-online', 'alter-column-rewrite', 'alter-column-online', 'alter-column-rewrite'],
  backfillColumn: ['backfill', 'backfill', 'backfill-batched', 'backfill-batched'],
  addDefault: ['constraint-metadata', 'constraint-metadata', 'constraint-metadata', 'constraint-metadata'],
  dropDefault: ['constraint-metadata', 'constraint-metadata', 'constraint-metadata', 'constraint-metadata'],
  addCheck: ['constraint-validate', 'constraint-validate', 'constraint-validate', 'constraint-validate'],
  dropCheck: ['constraint-metadata', 'constraint-metadata', 'constraint-metadata', 'constraint-metadata'],
  addPrimaryKey: ['index-build-online', 'index-build-offline', 'index-build-online', 'index-build-offline'],
  dropPrimaryKey: ['drop-index', 'drop-index', 'drop-index', 'drop-index'],
  addUnique: ['index-build-online', 'index-build-offline', 'index-build-online', 'index-build-offline'],
  dropUnique: ['drop-index', 'drop-index', 'drop-index', 'drop-index'],
  createIndex: ['index-build-online', 'index-build-offline', 'index-build-online', 'index-build-offline'],
  redefineIndex: ['index-build-online', 'index-build-offline', 'index-build-online', 'index-build-offline'],
  dropIndex: ['drop-index', 'drop-index', 'drop-index', 'drop-index'],
  addForeignKey: ['constraint-validate', 'constraint-validate', 'constraint-validate', 'constraint-validate'],
  dropForeignKey: ['constraint-metadata', 'constraint-metadata', 'constraint-metadata', 'constraint-metadata'],
  addEdgeConstraint: ['constraint-validate', 'constraint-validate', 'constraint-validate', 'constraint-validate'],
  dropEdgeConstraint: ['constraint-metadata', 'constraint-metadata', 'constraint-metadata', 'constraint-metadata'],
  renameConstraint: ['rename', 'rename', 'rename', 'rename'],
  revalidateConstraint: ['constraint-validate', 'constraint-validate', 'constraint-validate', 'constraint-validate'],
  untrustConstraint: ['constraint-metadata', 'constraint-metadata', 'constraint-metadata', 'constraint-metadata'],
  disableConstraint: ['constraint-metadata', 'constraint-metadata', 'constraint-metadata', 'constraint-metadata'],
  enableConstraint: ['constraint-nocheck', 'constraint-nocheck', 'constraint-nocheck', 'constraint-nocheck'],
  createSequence: ['sequence-ddl', 'sequence-ddl', 'sequence-ddl', 'sequence-ddl'],
  dropSequence: ['sequence-ddl', 'sequence-ddl', 'sequence-ddl', 'sequence-ddl'],
  alterSequence: ['sequence-ddl', 'sequence-ddl', 'sequence-ddl', 'sequence-ddl'],
  recreateSequence: ['sequence-ddl', 'sequence-ddl', 'sequence-ddl', 'sequence-ddl'],
  rebuildCompression: ['clustered-rebuild-online', 'clustered-rebuild-offline', 'clustered-rebuild-online', 'clustered-rebuild-offline'],
  alterBucketCount: ['memory-optimized-alter', 'memory-optimized-alter', 'memory-optimized-alter', 'memory-optimized-alter'],
  setIgnoreDupKey: ['index-option-metadata', 'index-option-metadata', 'index-option-metadata', 'index-option-metadata'],
  rebuildIndexOptions: ['index-build-online', 'index-build-offline', 'index-build-online', 'index-build-offline'],
  setIndexOptions: ['index-option-metadata', 'index-option-metadata', 'index-option-metadata', 'index-option-metadata'],
  setSparse: ['sparse-change', 'sparse-change', 'sparse-change', 'sparse-change'],
  setNotForReplication: ['identity-replication', 'identity-replication', 'identity-replication', 'identity-replication'],
  moveHeap: ['clustered-rebuild-online', 'clustered-rebuild-offline', 'clustered-rebuild-online', 'clustered-rebuild-offline'],
  setLockEscalation: ['table-option-metadata', 'table-option-metadata', 'table-option-metadata', 'table-option-metadata'],
  enableChangeTracking: ['change-tracking-toggle', 'change-tracking-toggle', 'change-tracking-toggle', 'change-tracking-toggle'],
  disableChangeTracking: ['change-tracking-toggle', 'change-tracking-toggle', 'change-tracking-toggle', 'change-tracking-toggle'],
  setRowGuidCol: ['alter-column-metadata', 'alter-column-metadata', 'alter-column-metadata', 'alter-column-metadata'],
  setMask: ['alter-column-metadata', 'alter-column-metadata', 'alter-column-metadata', 'alter-column-metadata'],
  dropModule: ['module-ddl', 'module-ddl', 'module-ddl', 'module-ddl'],
  createModule: ['module-ddl', 'module-ddl', 'module-ddl', 'module-ddl'],
  dropSecurityPolicy: ['module-ddl', 'module-ddl', 'module-ddl', 'module-ddl'],
  createSecurityPolicy: ['module-ddl', 'module-ddl', 'module-ddl', 'module-ddl'],
  refreshModule: ['module-refresh', 'module-refresh', 'module-refresh', 'module-refresh'],
  unbindColumn: ['bind-default-rule', 'bind-default-rule', 'bind-default-rule', 'bind-default-rule'],
  unbindType: ['bind-default-rule', 'bind-default-rule', 'bind-default-rule', 'bind-default-rule'],
  bindType: ['bind-default-rule', 'bind-default-rule', 'bind-default-rule', 'bind-default-rule'],
  bindColumn: ['bind-default-rule', 'bind-default-rule', 'bind-default-rule', 'bind-default-rule'],
  dropStatistics: ['drop-statistics', 'drop-statistics', 'drop-statistics', 'drop-statistics'],
  createStatistics: ['create-statistics', 'create-statistics', 'create-statistics', 'create-statistics'],
  setDescription: ['extended-property', 'extended-property', 'extended-property', 'extended-property'],
  addPeriod: ['add-period-columns', 'add-period-columns', 'add-period-columns', 'add-period-columns'],
  dropPeriod: ['temporal-metadata', 'temporal-metadata', 'temporal-metadata', 'temporal-metadata'],
  enableVersioning: ['versioning-consistency-check', 'versioning-consistency-check', 'versioning-consistency-check', 'versioning-consistency-check'],
  disableVersioning: ['versioning-switch', 'versioning-switch', 'versioning-switch', 'versioning-switch'],
  alterRetention: ['temporal-metadata', 'temporal-metadata', 'temporal-metadata', 'temporal-metadata'],
  alterPeriodHidden: ['temporal-metadata', 'temporal-metadata', 'temporal-metadata', 'temporal-metadata'],
};

function tableRef(c: Change): { schema: string; name: string } | null {
  switch (c.kind) {
    case 'createSchema': case 'dropSchema': case 'createTable': case 'createType': case 'dropType': case 'redefineType': case 'unbindType': case 'bindType': return null;
    case 'createSequence': case 'dropSequence': case 'alterSequence': case 'recreateSequence': return null;
    case 'dropTable': return c.table;
    case 'renameTable': return { schema: c.schema, name: c.from };
    case 'transferTable': return { schema: c.from, name: c.name };
    case 'dropModule': case 'createModule': case 'refreshModule': return null;
    case 'dropSecurityPolicy': case 'createSecurityPolicy': return null;
    default: return c.table;
  }
}

function emptyTable(ref: { schema: string; name: string }, rows: number): Table {
  return { schema: ref.schema, name: ref.name, columns: [], primaryKey: null, uniqueConstraints: [], indexes: [], checks: [], defaults: [], foreignKeys: [], rowCount: rows };
}

function planned(change: Change, rows: number, server: Database['server'], options: ProductionOptions = DEFAULT_PRODUCTION): Plan {
  const ref = tableRef(change);
  const current: Database = { name: 'app', collation: 'SQL_Latin1_General_CP1_CI_AS', schemas: ['dbo', 'sales'], tables: ref ? [emptyTable(ref, rows)] : [], server };
  return planForProduction({ steps: [step(change, null)], skipped: [] }, current, { ...options, largeTableRows: 1_000_000 });
}

describe('lock impact', () => {
  const cases = Object.entries(EXPECTED) as [ChangeKind, readonly LockRuleId[]][];

  it.each(cases)('%s: its rule on small and large tables, Enterprise and Standard', (kind, expected) => {
    const change = KIND_EXAMPLES[kind].change;
    const got = [[SMALL, ENTERPRISE], [SMALL, STANDARD], [LARGE, ENTERPRISE], [LARGE, STANDARD]]
      .map(([rows, server]) => planned(change, rows as number, server as Database['server']).steps[0]?.impact?.rule);
    expect(got).toEqual(expected);
  });

  it('gives every rule a class, a lock, a reason and a public source', () => {
    for (const [id, rule] of Object.entries(LOCK_RULES)) {
      expect([id, rule.reason.length > 10, /^https:\/\/learn\.microsoft\.com\//.test(rule.source)]).toEqual([id, true, true]);
    }
  });

  it('reports rows, MB and batches of the table a step scales with, and nothing for metadata-only steps', () => {
    const backfill = planned(KIND_EXAMPLES.backfillColumn.change, LARGE, ENTERPRISE, { ...DEFAULT_PRODUCTION, backfillBatchRows: 10_000 }).steps[0];
    expect(backfill?.impact).toMatchObject({ class: 'size-of-data', lock: 'X', rows: LARGE, batches: 500, online: null });
    expect(backfill?.change).toMatchObject({ kind: 'backfillColumn', batchRows: 10_000 });
    const rename = planned(KIND_EXAMPLES.renameColumn.change, LARGE, ENTERPRISE).steps[0];
    expect(rename?.impact).toMatchObject({ class: 'metadata-only', rows: null, mb: null, batches: null });
  });

  it('builds online only where the edition allows it, says why not elsewhere, and honours --online=off', () => {
    const build = KIND_EXAMPLES.createIndex.change;
    expect(planned(build, LARGE, ENTERPRISE).steps[0]?.change).toMatchObject({ online: { lowPriorityWaitMinutes: null } });
    const standard = planned(build, LARGE, STANDARD).steps[0];
    expect(standard?.change).not.toHaveProperty('online');
    expect(standard?.impact?.offlineReason).toBe('Standard edition has no online index operations');
    const off = planned(build, LARGE, ENTERPRISE, { ...DEFAULT_PRODUCTION, online: 'off' }).steps[0];
    expect([off?.impact?.online, off?.change]).toEqual([false, build]);
    const unknown = planned(build, LARGE, undefined).steps[0];
    expect(unknown?.impact?.offlineReason).toBe('edition unknown: planned without a server');
    // SQL Server 2019 Enterprise: online, but no WAIT_AT_LOW_PRIORITY on CREATE INDEX.
    const v15 = planned(build, LARGE, { ...ENTERPRISE, majorVersion: 15 }, { ...DEFAULT_PRODUCTION, lowPriorityWaitMinutes: 5 }).steps[0];
    expect(v15?.change).toMatchObject({ online: { lowPriorityWaitMinutes: null } });
    const v16 = planned(build, LARGE, ENTERPRISE, { ...DEFAULT_PRODUCTION, lowPriorityWaitMinutes: 5 }).steps[0];
    expect(v16?.change).toMatchObject({ online: { lowPriorityWaitMinutes: 5 } });
  });

  it('treats a clustered build over rows as a table rebuild, and an index on a new table as free', () => {
    const clustered = { kind: 'createIndex' as const, table: { schema: 'dbo', name: 'users' }, index: ix('cx_users_id', ['id'], { clustered: true }) };
    expect(planned(clustered, LARGE, STANDARD).steps[0]?.impact).toMatchObject({ class: 'table-rebuild', lock: 'Sch-M', online: false });
    expect(planned(clustered, LARGE, ENTERPRISE).steps[0]?.impact).toMatchObject({ class: 'table-rebuild', lock: 'Sch-S', online: true });
    expect(planned(clustered, 0, STANDARD).steps[0]?.impact).toMatchObject({ rule: 'index-build-new-table', class: 'metadata-only' });
  });

  it('drops a clustered index or key online where the edition allows it, offline (saying why) elsewhere; a nonclustered drop has no online form', () => {
    const users = { schema: 'dbo', name: 'users' };
    const drops: Change[] = [
      { kind: 'dropIndex', table: users, index: ix('cx_users_id', ['id'], { clustered: true }) },
      { kind: 'dropPrimaryKey', table: users, constraint: { ...(KIND_EXAMPLES.dropPrimaryKey.change as Extract<Change, { kind: 'dropPrimaryKey' }>).constraint, clustered: true } },
      { kind: 'dropUnique', table: users, constraint: { ...(KIND_EXAMPLES.dropUnique.change as Extract<Change, { kind: 'dropUnique' }>).constraint, clustered: true } },
    ];
    for (const drop of drops) {
      const online = planned(drop, LARGE, ENTERPRISE).steps[0];
      expect(online?.impact).toMatchObject({ rule: 'clustered-drop-online', class: 'table-rebuild', lock: 'Sch-S', online: true, rows: LARGE });
      expect(online?.change).toEqual({ ...drop, online: true });
      // The down script's re-creation is built online too.
      const current: Database = { name: 'app', collation: 'SQL_Latin1_General_CP1_CI_AS', schemas: ['dbo'], tables: [emptyTable(users, LARGE)], server: ENTERPRISE };
      expect(planForProduction({ steps: [step(drop, invert(drop))], skipped: [] }, current).steps[0]?.inverse).toMatchObject({ online: { lowPriorityWaitMinutes: null } });
      const standard = planned(drop, LARGE, STANDARD).steps[0];
      expect(standard?.impact).toMatchObject({ rule: 'clustered-rebuild-offline', lock: 'Sch-M', online: false, offlineReason: 'Standard edition has no online index operations' });
      expect(standard?.change).toEqual(drop);
      expect(planned(drop, LARGE, ENTERPRISE, { ...DEFAULT_PRODUCTION, online: 'off' }).steps[0]?.impact)
        .toMatchObject({ online: false, offlineReason: 'online operations are turned off (--online off)' });
      expect(planned(drop, 0, ENTERPRISE).steps[0]?.impact).toMatchObject({ rule: 'drop-index', online: null });
    }
    // Nonclustered: DROP INDEX takes ONLINE only for a clustered index.
    expect(planned(KIND_EXAMPLES.dropIndex.change, LARGE, ENTERPRISE).steps[0]).toMatchObject({ change: KIND_EXAMPLES.dropIndex.change, impact: { rule: 'drop-index', online: null } });
  });

  it('keeps a clustered drop offline over text, ntext and image (and, before SQL Server 2012, MAX and xml) columns', () => {
    const ref = { schema: 'dbo', name: 'users' };
    const drop: Change = { kind: 'dropIndex', table: ref, index: ix('cx_users_id', ['id'], { clustered: true }) };
    const over = (server: Database['server'], ...columns: Table['columns']) => {
      const current: Database = { name: 'app', collation: 'SQL_Latin1_General_CP1_CI_AS', schemas: ['dbo'], tables: [{ ...emptyTable(ref, LARGE), columns }], server };
      return planForProduction({ steps: [step(drop, null)], skipped: [] }, current, DEFAULT_PRODUCTION).steps[0]?.impact;
    };
    expect(over(ENTERPRISE, col('id', t.int), col('body', t.varchar('max')))).toMatchObject({ online: true });
    expect(over(ENTERPRISE, col('id', t.int), col('body', { name: 'ntext' }))).toMatchObject({ online: false, offlineReason: 'the table has body ntext: a clustered index on it is dropped offline' });
    expect(over({ ...ENTERPRISE, majorVersion: 10 }, col('id', t.int), col('body', t.varchar('max')))).toMatchObject({ online: false, offlineReason: 'the table has body varchar(max): a clustered index on it is dropped offline' });
    const columnstore: Change = { kind: 'dropIndex', table: ref, index: { ...ix('cci_users', [], { clustered: true }), columnstore: true } };
    expect(planned(columnstore, LARGE, ENTERPRISE).steps[0]?.impact).toMatchObject({ online: false, offlineReason: 'a columnstore index is dropped offline' });
  });

  it('keeps widening a variable-length column metadata-only, and a NOT NULL -> NULL change never online', () => {
    const ref = { schema: 'dbo', name: 'users' };
    const widen: Change = { kind: 'alterColumn', table: ref, from: col('email', t.varchar(40)), to: col('email', t.varchar(64)) };
    expect(planned(widen, LARGE, STANDARD).steps[0]?.impact?.rule).toBe('alter-column-metadata');
    const retype: Change = { kind: 'alterColumn', table: ref, from: col('n', t.int), to: col('n', t.bigint, { nullable: true }) };
    expect(planned(retype, LARGE, ENTERPRISE).steps[0]?.impact).toMatchObject({ rule: 'alter-column-rewrite', online: false });
  });

  it('keeps ALTER COLUMN offline, saying why, where the table or the types rule out ONLINE = ON (alter-table-transact-sql)', () => {
    const ref = { schema: 'dbo', name: 'users' };
    const retype = (from: Table['columns'][number], to: Table['columns'][number], table: Partial<Table> = {}) => {
      const columns = [col('id', t.int), from, ...(table.columns ?? [])];
      const current: Database = { name: 'app', collation: 'SQL_Latin1_General_CP1_CI_AS', schemas: ['dbo'], tables: [{ ...emptyTable(ref, LARGE), ...table, columns }], server: ENTERPRISE };
      const change: Change = { kind: 'alterColumn', table: ref, from, to };
      return planForProduction({ steps: [step(change, null)], skipped: [] }, current, DEFAULT_PRODUCTION).steps[0];
    };
    const n = col('n', t.int);
    const big = col('n', t.bigint);
    expect(retype(n, big)?.impact).toMatchObject({ rule: 'alter-column-online', online: true });
    expect(retype(n, big)?.change).toMatchObject({ online: true });
    // Legacy LOB anywhere in the table (the column altered or another), FILESTREAM, columnstore.
    const notes = col('notes', { name: 'ntext' });
    expect(retype(notes, col('notes', t.nvarchar('max')))?.impact).toMatchObject({ online: false, offlineReason: 'the table has notes ntext: legacy LOB columns keep ALTER COLUMN offline' });
    const offline = retype(n, big, { columns: [col('photo', { name: 'image' }, { nullable: true })] });
    expect(offline?.impact).toMatchObject({ rule: 'alter-column-rewrite', online: false, offlineReason: 'the table has photo image: legacy LOB columns keep ALTER COLUMN offline' });
    expect(offline?.change).not.toHaveProperty('online');
    expect(retype(n, big, { opaque: [{ kind: 'column', name: 'doc', columns: ['doc'], reason: 'it is a FILESTREAM column', filestream: true }] })?.impact)
      .toMatchObject({ online: false, offlineReason: 'the table has FILESTREAM column doc' });
    expect(retype(n, big, { indexes: [{ ...ix('ncci_users', ['n']), columnstore: true }] })?.impact).toMatchObject({ online: false, offlineReason: 'the table has columnstore index ncci_users' });
    // Change tracking, system versioning, CLR types.
    expect(retype(n, big, { changeTracking: { trackColumnsUpdated: false } })?.impact).toMatchObject({ online: false, offlineReason: 'the table has change tracking enabled' });
    expect(retype(n, big, { versioning: { historySchema: 'dbo', historyTable: 'users_history', retention: { unit: 'INFINITE' } } })?.impact)
      .toMatchObject({ online: false, offlineReason: 'ONLINE = ON has no effect on a system-versioned temporal table' });
    expect(retype(col('path', t.varchar(400)), col('path', { name: 'hierarchyid' }))?.impact).toMatchObject({ online: false, offlineReason: 'hierarchyid is a CLR type, which online ALTER COLUMN does not alter from or to' });
  });

  it('an ADD NOT NULL with its DEFAULT is metadata-only on Enterprise 2012+ and Azure for a runtime constant, else it writes every row', () => {
    const ref = { schema: 'dbo', name: 'users' };
    const add = (type = t.int, text = '0'): Change => ({ kind: 'addColumn', table: ref, column: col('n', type), default: df('df_users_n', 'n', text) });
    const rule = (c: Change, server: Database['server'], rows = LARGE) => planned(c, rows, server).steps[0]?.impact?.rule;
    expect(rule(add(), ENTERPRISE)).toBe('add-not-null-default-metadata');
    expect(rule(add(), { engineEdition: 5, edition: 'SQL Azure', majorVersion: 12 })).toBe('add-not-null-default-metadata');
    expect(rule(add(t.datetime, 'getdate()'), ENTERPRISE)).toBe('add-not-null-default-metadata');
    expect(rule(add(), STANDARD)).toBe('add-not-null-default-rewrite');
    expect(rule(add(), { ...ENTERPRISE, majorVersion: 10 })).toBe('add-not-null-default-rewrite');
    expect(rule(add(), undefined)).toBe('add-not-null-default-rewrite');
    expect(rule(add(t.uuid, 'newid()'), ENTERPRISE)).toBe('add-not-null-default-rewrite');
    expect(rule(add(t.varchar('max'), "''"), ENTERPRISE)).toBe('add-not-null-default-rewrite');
    expect(rule(add(), STANDARD, 0)).toBe('add-nullable-column');
    expect(planned(add(), LARGE, STANDARD).steps[0]?.impact).toMatchObject({ class: 'size-of-data', lock: 'Sch-M', rows: LARGE });
  });

  it('tells runtime-constant defaults from per-row ones', () => {
    const constant = (text: string) => isRuntimeConstantDefault(makeExpression(text, defaultNameKey).expression);
    expect(["'active'", '((0))', '(getdate())', 'SYSUTCDATETIME()', "N'newid()'", 'CURRENT_TIMESTAMP'].map(constant)).toEqual([true, true, true, true, true, true]);
    expect(['(newid())', 'NEWSEQUENTIALID()', '[dbo].[next_code]()', 'NEXT VALUE FOR dbo.seq', 'CONVERT(varchar(36), NEWID())'].map(constant)).toEqual([false, false, false, false, false]);
  });

  it('--online=require refuses offline work on large tables and on tables of unknown size, never metadata-only steps', () => {
    const require: ProductionOptions = { ...DEFAULT_PRODUCTION, online: 'require', largeTableRows: 1_000_000 };
    const offline = planned(KIND_EXAMPLES.createIndex.change, LARGE, STANDARD, require).steps[0];
    const online = planned(KIND_EXAMPLES.createIndex.change, LARGE, ENTERPRISE, require).steps[0];
    const small = planned(KIND_EXAMPLES.createIndex.change, SMALL, STANDARD, require).steps[0];
    const rename = planned(KIND_EXAMPLES.renameColumn.change, LARGE, STANDARD, require).steps[0];
    expect([offline, online, small, rename].map((s) => (s === undefined ? null : blocksLargeTable(s, require)))).toEqual([true, false, false, false]);
    // A clustered drop: refused offline (table-rebuild, Sch-M), allowed once it runs online.
    const drop: Change = { kind: 'dropIndex', table: { schema: 'dbo', name: 'users' }, index: ix('cx_users_id', ['id'], { clustered: true }) };
    const dropped = [STANDARD, ENTERPRISE].map((server) => planned(drop, LARGE, server, require).steps[0]);
    expect(dropped.map((s) => (s === undefined ? null : blocksLargeTable(s, require)))).toEqual([true, false]);
  });
});
