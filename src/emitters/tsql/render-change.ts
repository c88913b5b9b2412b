import type { Change, ChangeKind, TableRef } from '../../differ/changes';
import type { AliasTypeDef, Table } from '../../model';
import { typeText } from '../../sqlserver/types';
import { constraintName, indexOptionClause, placementClause, renderCheckConstraint, renderCreateIndex, renderForeignKeyConstraint, renderKeyConstraint, renderMemoryIndex, withOptions, xmlCompressionOption } from './clauses';
import { changedIndexOptions } from '../../sqlserver/index-options';
import { maskedWithClause, renderAlterColumnBody, renderColumnDefinition } from './column';
import { parenthesized } from './expression';
import { batchedBackfill, onlineOption, resumableOptions } from './online';
import { renderAlterSequence, renderCreateSequence, renderDropSequence, renderRecreateSequence } from './sequence';
import { renderCreateModule, renderDropModule, renderRefreshModule } from './module';
import { renderCreateSecurityPolicy, renderDropSecurityPolicy } from './security-policy';
import { renderNewTableDescriptions, renderSetDescription } from './description';
import { renderGrants } from './permissions';
import { dropVersionedTable, periodClause, periodColumns, TEMPORAL_RENDERERS, versioningOn } from './temporal';
import { nLiteral, quoteIdent, quoteQualified } from '../../sqlserver/literals';
import { GRAPH_RENDERERS, tableHead } from './graph';
import { ledgerTableOptions } from './ledger';
import type { NameKey } from '../../sqlserver/names';
import type { LockEscalation } from '../../sqlserver/lock-escalation';
import { disableChangeTracking, enableChangeTracking } from './change-tracking';

type ChangeOf<K extends ChangeKind> = Extract<Change, { kind: K }>;
type Renderers = { readonly [K in ChangeKind]: (change: ChangeOf<K>, key: NameKey) => string[] };

const tableName = (t: TableRef): string => quoteQualified(t.schema, t.name);
const alterTable = (t: TableRef): string => `ALTER TABLE ${tableName(t)}`;
/** `online`: a clustered key dropped WITH (ONLINE = ON) (<drop_clustered_constraint_option>). */
const dropConstraint = (t: TableRef, name: string, online?: boolean): string[] => [`${alterTable(t)} DROP CONSTRAINT ${quoteIdent(name)}${online === true ? ' WITH (ONLINE = ON)' : ''};`];

/**
 * How a check or foreign key is added so that the catalog ends as the model says. New
 * constraints are checked by default, so a trusted one is a plain ADD (no WITH CHECK); an
 * untrusted one (recreated by a down script) is added WITH NOCHECK, and a disabled one is then
 * disabled again.
 */
function addValidated(t: TableRef, clause: string, trusted: boolean, enabled: boolean, name: string): string[] {
  const add = `${alterTable(t)} ${trusted ? '' : 'WITH NOCHECK '}ADD ${clause};`;
  return enabled ? [add] : [add, `${alterTable(t)} NOCHECK CONSTRAINT ${quoteIdent(name)};`];
}

/**
 * Whether a check or foreign key is added under its name: always, except one SQL Server is to name
 * again (AddDefault's `systemNamed`), unless it must be disabled after, which takes its name.
 */
function named(c: { readonly systemNamed?: true; readonly constraint: { readonly enabled: boolean } }): boolean {
  return c.systemNamed !== true || !c.constraint.enabled;
}

/** CREATE TABLE with columns, their named defaults inline, then keys and checks (rule 7: a new table's PK lives in its CREATE). */
/** The transient clustered index a heap move builds and drops (MoveHeap). */
const HEAP_MOVE_INDEX = 'schemac_heap_move';

/** ALTER TABLE ... SET (LOCK_ESCALATION = ...) (alter-table-transact-sql). */
function lockEscalationStatement(table: TableRef, to: LockEscalation): string {
  return `${alterTable(table)} SET (LOCK_ESCALATION = ${to});`;
}

/** `unnameSystem`: constraints SQL Server named are created unnamed (CreateTable's `systemNamed`). */
function createTable(table: Table, key: NameKey, unnameSystem: boolean): string {
  const keepName = (c: { readonly isSystemNamed: boolean }): boolean => !(unnameSystem && c.isSystemNamed);
  // Keyed as the database compares names: a case-sensitive database may hold both Code and code.
  const defaults = new Map(table.defaults.map((d) => [key(d.column), d]));
  const lines = table.columns.map((column) => {
    const df = defaults.get(key(column.name)) ?? null;
    defaults.delete(key(column.name));
    return renderColumnDefinition(column, df, df === null || keepName(df));
  });
  for (const orphan of defaults.values()) {
    throw new Error(`schemac: default ${orphan.name} is for column ${orphan.column}, which ${table.name} does not have`);
  }
  if (table.primaryKey !== null) lines.push(renderKeyConstraint('PRIMARY KEY', table.primaryKey, [], keepName(table.primaryKey)));
  for (const uq of table.uniqueConstraints) lines.push(renderKeyConstraint('UNIQUE', uq, [], keepName(uq)));
  for (const ck of table.checks) if (ck.trusted) lines.push(renderCheckConstraint(ck, keepName(ck)));
  const period = periodColumns(table.columns);
  if (period !== null) lines.push(periodClause(period.start.name, period.end.name));
  // A memory-optimized table's indexes are part of its CREATE TABLE (it needs at least one).
  if (table.memoryOptimized !== undefined) for (const ix of table.indexes) lines.push(renderMemoryIndex(ix));
  // A new table has no history yet: SQL Server creates the history table it names.
  const options = [
    ...(table.memoryOptimized !== undefined ? ['MEMORY_OPTIMIZED = ON', `DURABILITY = ${table.memoryOptimized.durability}`] : []),
    ...(table.versioning !== undefined ? [versioningOn(table.versioning, false)] : []),
    ...ledgerTableOptions(table),
    ...(table.dataCompression !== undefined ? [`DATA_COMPRESSION = ${table.dataCompression}`] : []),
    ...(table.xmlCompression === true ? [xmlCompressionOption(true)] : []),
  ];
  const tableOptions = options.length > 0 ? `\nWITH (${options.join(', ')})` : '';
  // ON comes before WITH in CREATE TABLE (create-table-transact-sql).
  // AS NODE | AS EDGE follows the column list, before ON (create-table-sql-graph).
  return `${tableHead(table, lines)}${placementClause(table.dataSpace)}${tableOptions};`;
}

/** sp_rename's first argument is itself a (bracket-quoted) name inside an N'' literal. */
function spRename(objectName: string, newName: string, objectType: 'COLUMN' | 'INDEX' | 'OBJECT'): string {
  return `EXEC sp_rename ${nLiteral(objectName)}, ${nLiteral(newName)}, ${nLiteral(objectType)};`;
}

/**
 * CREATE TYPE s.n FROM base NULL | NOT NULL; the nullability is always written (SQL Server's
 * default is NULL: https://learn.microsoft.com/sql/t-sql/statements/create-type-transact-sql).
 */
function createType(a: AliasTypeDef): string {
  return `CREATE TYPE ${quoteQualified(a.schema, a.name)} FROM ${typeText(a.base)} ${a.nullable ? 'NULL' : 'NOT NULL'};`;
}

const RENDERERS: Renderers = {
  createType: (c) => [createType(c.type)],
  dropType: (c) => [`DROP TYPE ${quoteQualified(c.type.schema, c.type.name)};`],
  // No ALTER TYPE exists: "To modify a user-defined type, you must drop the type ... and then re-create it".
  redefineType: (c) => [`DROP TYPE ${quoteQualified(c.from.schema, c.from.name)};`, createType(c.to)],
  // CREATE SCHEMA must be alone in its batch; through EXEC it is a batch of its own.
  createSchema: (c) => [`EXEC(${nLiteral(`CREATE SCHEMA ${quoteIdent(c.schema)}`)});`],
  dropSchema: (c) => [`DROP SCHEMA ${quoteIdent(c.schema)};`],
  // A new table's descriptions are part of its step: DROP TABLE (the inverse) removes them too.
  // LOCK_ESCALATION and change tracking have no CREATE TABLE form: set right after, in the same
  // step (the primary key is in the CREATE; DROP TABLE, the inverse, drops the tracking too).
  createTable: (c, key) => [
    createTable(c.table, key, c.systemNamed === true),
    // A check inside CREATE TABLE starts trusted; one not trusted (validate: false, disabled, or
    // so in the catalog a down script re-creates) is added after it, as on any table, so the
    // catalog ends as the model says.
    ...c.table.checks.filter((ck) => !ck.trusted).flatMap((ck) => addValidated(c.table, renderCheckConstraint(ck, named({ constraint: ck, ...(c.systemNamed === true && ck.isSystemNamed ? { systemNamed: true } : {}) })), ck.trusted, ck.enabled, ck.name)),
    ...(c.table.lockEscalation !== undefined ? [lockEscalationStatement(c.table, c.table.lockEscalation)] : []),
    ...(c.table.changeTracking !== undefined ? [enableChangeTracking(c.table, c.table.changeTracking)] : []),
    ...renderNewTableDescriptions(c.table),
  ],
  dropTable: (c) => dropVersionedTable(c.table),
  renameTable: (c) => [spRename(quoteQualified(c.schema, c.from), c.to, 'OBJECT')],
  // OBJECT:: is the default class; written out so the statement reads as what it moves.
  // https://learn.microsoft.com/sql/t-sql/statements/alter-schema-transact-sql
  // The move drops the table's permissions: they are granted again at once, when they were read.
  transferTable: (c) => [`ALTER SCHEMA ${quoteIdent(c.to)} TRANSFER OBJECT::${quoteQualified(c.from, c.name)};`, ...renderGrants(c.to, c.name, c.permissions ?? [])],
  addColumn: (c) => [
    `${alterTable(c.table)} ADD ${renderColumnDefinition(c.column, c.default ?? null)};`,
    ...(c.column.description !== undefined ? [renderSetDescription({ table: c.table, column: c.column.name }, null, c.column.description)] : []),
    // A column re-created in place of one with column-level permissions gets them back.
    ...renderGrants(c.table.schema, c.table.name, c.permissions ?? []),
  ],
  dropColumn: (c) => [
    ...(c.default !== undefined ? dropConstraint(c.table, c.default.name) : []),
    `${alterTable(c.table)} DROP COLUMN ${quoteIdent(c.column.name)};`,
  ],
  renameColumn: (c) => [spRename(`${tableName(c.table)}.${quoteIdent(c.from)}`, c.to, 'COLUMN')],
  alterColumn: (c) => {
    if (c.from.computed !== null || c.to.computed !== null) {
      throw new Error(`schemac: computed column ${c.to.name} cannot be altered in place`);
    }
    // NOT FOR REPLICATION is a separate statement (setNotForReplication); seed and increment never alter.
    if (c.from.identity?.seed !== c.to.identity?.seed || c.from.identity?.increment !== c.to.identity?.increment) {
      throw new Error(`schemac: the identity of ${c.to.name} cannot change through ALTER COLUMN`);
    }
    const around = c.around ?? [];
    // A memory-optimized table's indexes go and come back through ALTER TABLE (altering-memory-optimized-tables).
    const memory = c.memoryOptimized === true;
    const drops = around.map((a) => (a.kind === 'index'
      ? (memory ? `${alterTable(c.table)} DROP INDEX ${quoteIdent(a.index.name)};` : `DROP INDEX ${quoteIdent(a.index.name)} ON ${tableName(c.table)};`)
      : `${alterTable(c.table)} DROP CONSTRAINT ${quoteIdent(a.constraint.name)};`));
    const creates = around.map((a) => (a.kind === 'index'
      ? (memory ? `${alterTable(c.table)} ADD ${renderMemoryIndex(a.index)};` : renderCreateIndex(c.table.schema, c.table.name, a.index))
      : `${alterTable(c.table)} ADD ${renderKeyConstraint('UNIQUE', a.constraint)};`));
    return [...drops, `${alterTable(c.table)} ALTER COLUMN ${renderAlterColumnBody(c.to)}${withOptions(c.online === true ? ['ONLINE = ON'] : [])};`, ...creates];
  },
  backfillColumn: (c) => {
    if (c.batchRows !== undefined) return [batchedBackfill(c.table, c.column, c.expression, c.batchRows)];
    const col = quoteIdent(c.column);
    return [`UPDATE ${tableName(c.table)} SET ${col} = ${parenthesized(c.expression)} WHERE ${col} IS NULL;`];
  },
  addDefault: (c) => [
    `${alterTable(c.table)} ADD ${constraintName(c.constraint.name, c.systemNamed !== true)}DEFAULT ${parenthesized(c.constraint.expression)} FOR ${quoteIdent(c.constraint.column)};`,
  ],
  dropDefault: (c) => dropConstraint(c.table, c.constraint.name),
  addCheck: (c) => addValidated(c.table, renderCheckConstraint(c.constraint, named(c)), c.constraint.trusted, c.constraint.enabled, c.constraint.name),
  dropCheck: (c) => dropConstraint(c.table, c.constraint.name),
  // A key's index takes ONLINE = ON in ALTER TABLE ADD CONSTRAINT (alter-table index_option).
  addPrimaryKey: (c) => [`${alterTable(c.table)} ADD ${renderKeyConstraint('PRIMARY KEY', c.constraint, c.online !== undefined ? ['ONLINE = ON'] : [], c.systemNamed !== true)};`],
  dropPrimaryKey: (c) => dropConstraint(c.table, c.constraint.name, c.online),
  addUnique: (c) => [`${alterTable(c.table)} ADD ${renderKeyConstraint('UNIQUE', c.constraint, c.online !== undefined ? ['ONLINE = ON'] : [], c.systemNamed !== true)};`],
  dropUnique: (c) => dropConstraint(c.table, c.constraint.name, c.online),
  // --resumable: after ONLINE = ON, RESUMABLE = ON (the build then runs after COMMIT: script.ts).
  // A memory-optimized table takes indexes only through ALTER TABLE (altering-memory-optimized-tables).
  createIndex: (c) => (c.memoryOptimized === true ? [`${alterTable(c.table)} ADD ${renderMemoryIndex(c.index)};`] : [renderCreateIndex(c.table.schema, c.table.name, c.index, [
    ...(c.online !== undefined ? [onlineOption(c.online)] : []), ...(c.resumable !== undefined ? resumableOptions(c.resumable) : []),
  ])]),
  // DROP_EXISTING fails (7999) unless the index exists: the one statement replaces it in place.
  // It cannot turn a clustered index nonclustered (create-index-transact-sql, DROP_EXISTING), which
  // only the down script of an index made clustered asks: that is DROP INDEX, then CREATE INDEX.
  redefineIndex: (c) => (c.from.clustered && !c.to.clustered
    ? [`DROP INDEX ${quoteIdent(c.from.name)} ON ${tableName(c.table)}${c.online !== undefined ? ' WITH (ONLINE = ON)' : ''};`,
      renderCreateIndex(c.table.schema, c.table.name, c.to, c.online !== undefined ? [onlineOption(c.online)] : [])]
    : [renderCreateIndex(c.table.schema, c.table.name, c.to, ['DROP_EXISTING = ON', ...(c.online !== undefined ? [onlineOption(c.online)] : [])])]),
  dropIndex: (c) => (c.memoryOptimized === true ? [`${alterTable(c.table)} DROP INDEX ${quoteIdent(c.index.name)};`] : [`DROP INDEX ${quoteIdent(c.index.name)} ON ${tableName(c.table)}${c.online === true ? ' WITH (ONLINE = ON)' : ''};`]),
  addForeignKey: (c) => addValidated(c.table, renderForeignKeyConstraint(c.constraint, named(c)), c.constraint.trusted, c.constraint.enabled, c.constraint.name),
  dropForeignKey: (c) => dropConstraint(c.table, c.constraint.name),
  ...GRAPH_RENDERERS,
  renameConstraint: (c) => (c.objectType === 'INDEX'
    ? [spRename(`${tableName(c.table)}.${quoteIdent(c.from)}`, c.to, 'INDEX')]
    // Constraints live in the schema's namespace, so sp_rename names them schema-qualified.
    : [spRename(`${quoteIdent(c.table.schema)}.${quoteIdent(c.from)}`, c.to, 'OBJECT')]),
  // ALTER TABLE ... REBUILD rewrites the heap or clustered index (and a heap's nonclustered
  // indexes); ALTER INDEX ... REBUILD one index (alter-table / alter-index-transact-sql).
  // XML_COMPRESSION is a REBUILD option of both as well (SQL Server 2022+), so one rebuild changes both.
  rebuildCompression: (c) => {
    const options = withOptions([
      ...(c.from !== c.to || c.xml === undefined ? [`DATA_COMPRESSION = ${c.to}`] : []), ...(c.xml !== undefined ? [xmlCompressionOption(c.xml.to)] : []),
      ...(c.online !== undefined ? [onlineOption(c.online)] : []),
    ]);
    return [c.index === null
      ? `${alterTable(c.table)} REBUILD${options};`
      : `ALTER INDEX ${quoteIdent(c.index.name)} ON ${tableName(c.table)} REBUILD${options};`];
  },
  // ALTER INDEX ... SET (IGNORE_DUP_KEY = ...) changes the option without a rebuild (alter-index-transact-sql).
  // The only index change a memory-optimized table takes in place (altering-memory-optimized-tables).
  alterBucketCount: (c) => [`${alterTable(c.table)} ALTER INDEX ${quoteIdent(c.index)} REBUILD WITH (BUCKET_COUNT = ${c.to});`],
  setLockEscalation: (c) => [lockEscalationStatement(c.table, c.to)],
  enableChangeTracking: (c) => [enableChangeTracking(c.table, c.tracking)],
  disableChangeTracking: (c) => [disableChangeTracking(c.table)],
  // No statement moves a heap: a clustered index built in the target place and dropped again
  // (without MOVE TO) leaves the rows there. ON [default] names the default filegroup.
  moveHeap: (c) => [
    `CREATE CLUSTERED INDEX ${quoteIdent(HEAP_MOVE_INDEX)} ON ${tableName(c.table)} (${quoteIdent(c.key)})${withOptions([
      ...(c.compression !== undefined && c.compression !== 'NONE' ? [`DATA_COMPRESSION = ${c.compression}`] : []), ...(c.xmlCompression === true ? [xmlCompressionOption(true)] : []),
      ...(c.online !== undefined ? [onlineOption(c.online)] : []),
    ])}${c.to === null ? ' ON [default]' : placementClause(c.to)};`,
    `DROP INDEX ${quoteIdent(HEAP_MOVE_INDEX)} ON ${tableName(c.table)}${c.online !== undefined ? ' WITH (ONLINE = ON)' : ''};`,
  ],
  setIgnoreDupKey: (c) => [`ALTER INDEX ${quoteIdent(c.index)} ON ${tableName(c.table)} SET (IGNORE_DUP_KEY = ${c.to ? 'ON' : 'OFF'});`],
  // FILLFACTOR and PAD_INDEX take effect when the index is built: ALTER INDEX ... REBUILD WITH
  // (alter-index-transact-sql, set-index-options); online where the production pass allows it.
  // DATA_COMPRESSION is a rebuild option of ALTER INDEX too (alter-index-transact-sql <rebuild_index_option>),
  // so a compression change of the same index rides in the one rebuild.
  rebuildIndexOptions: (c) => [`ALTER INDEX ${quoteIdent(c.index.name)} ON ${tableName(c.table)} REBUILD${withOptions([
    ...changedIndexOptions(c.from, c.to, 'rebuild').map((k) => indexOptionClause(c.to, k)),
    ...(c.compression !== undefined ? [`DATA_COMPRESSION = ${c.compression.to}`] : []), ...(c.xmlCompression !== undefined ? [xmlCompressionOption(c.xmlCompression.to)] : []),
    ...(c.online !== undefined ? [onlineOption(c.online)] : []),
  ])};`],
  // ALTER INDEX ... SET applies these at once, without a rebuild (set-index-options).
  setIndexOptions: (c) => [`ALTER INDEX ${quoteIdent(c.index)} ON ${tableName(c.table)} SET (${changedIndexOptions(c.from, c.to, 'set').map((k) => indexOptionClause(c.to, k)).join(', ')});`],
  setSparse: (c) => [`${alterTable(c.table)} ALTER COLUMN ${quoteIdent(c.column)} ${c.sparse ? 'ADD' : 'DROP'} SPARSE;`],
  // alter-table-transact-sql: "ALTER COLUMN column_name { ADD | DROP } NOT FOR REPLICATION" (identity columns only).
  setRowGuidCol: (c) => [`${alterTable(c.table)} ALTER COLUMN ${quoteIdent(c.column)} ${c.rowguidcol ? 'ADD' : 'DROP'} ROWGUIDCOL;`],
  setNotForReplication: (c) => [`${alterTable(c.table)} ALTER COLUMN ${quoteIdent(c.column)} ${c.notForReplication ? 'ADD' : 'DROP'} NOT FOR REPLICATION;`],
  // alter-table-transact-sql: "ALTER COLUMN column_name { ADD | DROP } MASKED [ WITH ( FUNCTION = ' mask_function ') ]";
  // ADD also edits the mask of a masked column (dynamic-data-masking.md, "Adding or Editing a Mask on an Existing Column").
  setMask: (c) => [`${alterTable(c.table)} ALTER COLUMN ${quoteIdent(c.column)} ${c.to === null ? 'DROP MASKED' : `ADD ${maskedWithClause(c.to)}`};`],
  revalidateConstraint: (c) => [`${alterTable(c.table)} WITH CHECK CHECK CONSTRAINT ${quoteIdent(c.name)};`],
  // Disabling marks the constraint untrusted; re-enabling WITH NOCHECK leaves it enabled but untrusted.
  setDescription: (c) => [renderSetDescription(c, c.from, c.to)],
  untrustConstraint: (c) => [
    `${alterTable(c.table)} NOCHECK CONSTRAINT ${quoteIdent(c.name)};`,
    `${alterTable(c.table)} WITH NOCHECK CHECK CONSTRAINT ${quoteIdent(c.name)};`,
  ],
  disableConstraint: (c) => [`${alterTable(c.table)} NOCHECK CONSTRAINT ${quoteIdent(c.name)};`],
  // WITH NOCHECK is what a re-enable assumes; written out so the script says the rows are not checked.
  enableConstraint: (c) => [`${alterTable(c.table)} WITH NOCHECK CHECK CONSTRAINT ${quoteIdent(c.name)};`],
  ...TEMPORAL_RENDERERS,
  createSequence: (c) => [renderCreateSequence(c.sequence)],
  dropSequence: (c) => [renderDropSequence(c.sequence)],
  alterSequence: (c) => [renderAlterSequence(c.from, c.to)],
  recreateSequence: (c) => [renderRecreateSequence(c.from, c.to)],
  dropModule: (c) => renderDropModule(c.module),
  dropSecurityPolicy: (c) => renderDropSecurityPolicy(c.policy),
  createSecurityPolicy: (c) => renderCreateSecurityPolicy(c.policy),
  // DROP STATISTICS table.statistics_name (drop-statistics-transact-sql).
  dropStatistics: (c) => [`DROP STATISTICS ${tableName(c.table)}.${quoteIdent(c.statistics.name)};`],
  // CREATE STATISTICS s ON t (c, ...) [WHERE filter] [WITH NORECOMPUTE, INCREMENTAL = ON]: the
  // default sample (create-statistics-transact-sql); the filter text is the stored one.
  createStatistics: (c) => {
    const s = c.statistics;
    const options = [...(s.noRecompute ? ['NORECOMPUTE'] : []), ...(s.incremental ? ['INCREMENTAL = ON'] : [])];
    return [`CREATE STATISTICS ${quoteIdent(s.name)} ON ${tableName(c.table)} (${s.columns.map(quoteIdent).join(', ')})${s.filter === null ? '' : ` WHERE ${s.filter}`}${options.length > 0 ? ` WITH ${options.join(', ')}` : ''};`];
  },
  // EXEC sp_unbindefault | sp_unbindrule N'[schema].[table].[column]' and EXEC sp_bindefault |
  // sp_bindrule N'[schema].[name]', N'[schema].[table].[column]': a three-part name resolves as
  // schema, table and column, and brackets delimit each part (sp-bindefault-transact-sql,
  // sp-unbindefault-transact-sql, sp-bindrule-transact-sql, sp-unbindrule-transact-sql).
  unbindColumn: (c) => [`EXEC ${c.what === 'default' ? 'sp_unbindefault' : 'sp_unbindrule'} ${nLiteral(`${tableName(c.table)}.${quoteIdent(c.column)}`)};`],
  bindColumn: (c) => [`EXEC ${c.what === 'default' ? 'sp_bindefault' : 'sp_bindrule'} ${nLiteral(quoteQualified(c.object.schema, c.object.name))}, ${nLiteral(`${tableName(c.table)}.${quoteIdent(c.column)}`)};`],
  // An alias type by its two-part name, which resolves as a type when no table and column have it
  // (sp-bindefault-transact-sql); 'futureonly' leaves the columns of the type as they are.
  unbindType: (c) => [`EXEC ${c.what === 'default' ? 'sp_unbindefault' : 'sp_unbindrule'} ${nLiteral(quoteQualified(c.type.schema, c.type.name))}, 'futureonly';`],
  bindType: (c) => [`EXEC ${c.what === 'default' ? 'sp_bindefault' : 'sp_bindrule'} ${nLiteral(quoteQualified(c.object.schema, c.object.name))}, ${nLiteral(quoteQualified(c.type.schema, c.type.name))}, 'futureonly';`],
  createModule: (c) => renderCreateModule(c.module),
  refreshModule: (c) => renderRefreshModule(c.module),
};

/**
 * The T-SQL statements of one change, each a complete statement ending in `;`. Dispatch is a
 * Record over every kind, so a new kind fails to compile here; a value that is not a known kind
 * at run time throws instead of rendering as nothing. `key` compares names as the database does.
 */
export function renderChange(change: Change, key: NameKey): string[] {
  const render = (RENDERERS as Record<string, ((c: Change, key: NameKey) => string[]) | undefined>)[change.kind];
  if (render === undefined) throw new Error(`schemac: no renderer for change kind ${JSON.stringify(change.kind)}`);
  return render(change, key);
}
