/**
 * Which columns of the sys.* views each SQL Server version has, and binding their references when
 * a batch is compiled.
 *
 * SQL Server adds columns to its catalog views from version to version; a server reporting an
 * older version has no such column, and naming it is Msg 207. Azure SQL Database and Managed
 * Instance (SERVERPROPERTY('EngineEdition') 5 and 8) report version 12 but run the newest engine:
 * "Azure SQL Database version 12 is newer than SQL Server version 16"
 * (https://learn.microsoft.com/sql/t-sql/functions/serverproperty-transact-sql), so they have every column.
 *
 * First major version of each column a later version added, for the views the stand-in keeps (a
 * column not listed is older than SQL Server 2016, 13.x, or has no "Applies to" newer than that).
 * Sources: each view's page under https://learn.microsoft.com/sql/relational-databases/system-catalog-views/,
 * "Applies to" of the column.
 *
 * | view                 | column                                                             | first |
 * |----------------------|--------------------------------------------------------------------|-------|
 * | sys.tables           | durability, durability_desc, is_memory_optimized                   | 12 (sys-tables-transact-sql) |
 * | sys.tables           | temporal_type, temporal_type_desc, history_table_id, is_external   | 13 (sys-tables-transact-sql) |
 * | sys.tables           | is_node, is_edge                                                   | 14 (sys-tables-transact-sql) |
 * | sys.tables           | history_retention_period, _unit, _unit_desc                        | 14 (inferred: the page first said Azure SQL Database only; retention policy is SQL Server 2017's, temporal-tables-retention-policy) |
 * | sys.tables           | ledger_type, ledger_type_desc, ledger_view_id, is_dropped_ledger_table | 16 (sys-tables-transact-sql) |
 * | sys.columns (1)      | generated_always_type(_desc), encryption_*, column_encryption_key_*, is_hidden, is_masked | 13 (sys-columns-transact-sql) |
 * | sys.columns (1)      | graph_type, graph_type_desc                                        | 14 (inferred: the page gives none; graph tables are SQL Server 2017's) |
 * | sys.columns (1)      | ledger_view_column_type(_desc), is_dropped_ledger_column           | 16 (sys-columns-transact-sql) |
 * | sys.views            | ledger_view_type(_desc), is_dropped_ledger_view                    | 16 (sys-views-transact-sql) |
 * | sys.indexes (2)      | compression_delay                                                  | 13 (sys-indexes-transact-sql) |
 * | sys.indexes (2)      | suppress_dup_key_messages                                          | 14 (sys-indexes-transact-sql) |
 * | sys.indexes (2)      | auto_created, optimize_for_sequential_key                          | 15 (sys-indexes-transact-sql; auto_created inferred, the page's older revision named Azure SQL Database only) |
 * | sys.index_columns    | column_store_order_ordinal                                         | 16 (inferred: ordered clustered columnstore indexes are SQL Server 2022's; the page gives none) |
 * | sys.partitions       | xml_compression, xml_compression_desc                              | 16 (sys-partitions-transact-sql) |
 * | sys.stats            | is_incremental                                                     | 12 (sys-stats-transact-sql) |
 * | sys.key_constraints  | is_enforced                                                        | 16 (inferred: absent from the SQL Server 2016-2019 pages) |
 *
 * (1) and the views that repeat sys.columns' columns: sys.all_columns, sys.masked_columns,
 * sys.identity_columns, sys.computed_columns. (2) and sys.hash_indexes, sys.xml_indexes, sys.spatial_indexes.
 */
import type { Expr, FromItem, Statement } from './ast';
import { SqlError, err } from './errors';
import type { SystemView } from './system-views';
import { SYSTEM_VIEWS } from './system-views';

const SYS_COLUMNS: Record<string, number> = {
  generated_always_type: 13, generated_always_type_desc: 13, encryption_type: 13, encryption_type_desc: 13, encryption_algorithm_name: 13,
  column_encryption_key_id: 13, column_encryption_key_database_name: 13, is_hidden: 13, is_masked: 13,
  graph_type: 14, graph_type_desc: 14,
  ledger_view_column_type: 16, ledger_view_column_type_desc: 16, is_dropped_ledger_column: 16,
};
const SYS_INDEXES: Record<string, number> = { compression_delay: 13, suppress_dup_key_messages: 14, auto_created: 15, optimize_for_sequential_key: 15 };

/** View (lower-case schema.name) -> column -> the first major version that has it. */
export const COLUMN_SINCE: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  'sys.tables': {
    durability: 12, durability_desc: 12, is_memory_optimized: 12,
    temporal_type: 13, temporal_type_desc: 13, history_table_id: 13, is_external: 13,
    is_node: 14, is_edge: 14, history_retention_period: 14, history_retention_period_unit: 14, history_retention_period_unit_desc: 14,
    ledger_type: 16, ledger_type_desc: 16, ledger_view_id: 16, is_dropped_ledger_table: 16,
  },
  'sys.columns': SYS_COLUMNS, 'sys.all_columns': SYS_COLUMNS, 'sys.masked_columns': SYS_COLUMNS, 'sys.identity_columns': SYS_COLUMNS, 'sys.computed_columns': SYS_COLUMNS,
  'sys.views': { ledger_view_type: 16, ledger_view_type_desc: 16, is_dropped_ledger_view: 16 },
  'sys.indexes': SYS_INDEXES, 'sys.hash_indexes': SYS_INDEXES, 'sys.xml_indexes': SYS_INDEXES, 'sys.spatial_indexes': SYS_INDEXES,
  'sys.index_columns': { column_store_order_ordinal: 16 },
  'sys.partitions': { xml_compression: 16, xml_compression_desc: 16 },
  'sys.stats': { is_incremental: 12 },
  'sys.key_constraints': { is_enforced: 16 },
};

/** Azure SQL Database (5) and Managed Instance (8): the newest engine, whatever version they report. */
const NEWEST_ENGINE_EDITIONS: ReadonlySet<number> = new Set([5, 8]);

/** The major version whose catalog a server has: its ProductMajorVersion, or the newest for Azure SQL. */
export function catalogMajor(productVersion: string, engineEdition: number): number {
  return NEWEST_ENGINE_EDITIONS.has(engineEdition) ? Number.POSITIVE_INFINITY : Number(productVersion.split('.')[0]);
}

/** The columns of view `key` (lower-case schema.name) that a server of catalog version `major` lacks. */
export function columnsMissingAt(key: string, major: number): ReadonlySet<string> {
  const cacheKey = `${key}@${major}`;
  let missing = missingCache.get(cacheKey);
  if (missing === undefined) {
    missing = new Set(Object.entries(COLUMN_SINCE[key] ?? {}).filter(([, v]) => v > major).map(([name]) => name));
    missingCache.set(cacheKey, missing);
  }
  return missing;
}
const missingCache = new Map<string, ReadonlySet<string>>();

const cache = new Map<string, SystemView>();

/** A system view as a server of catalog version `major` has it: without the columns added later. */
export function viewAtVersion(key: string, view: SystemView, major: number): SystemView {
  const missing = columnsMissingAt(key, major);
  if (missing.size === 0) return view;
  const cacheKey = `${key}@${major}`;
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  const keep = view.columns.flatMap((c, i) => (missing.has(c.name.toLowerCase()) ? [] : [i]));
  const narrowed: SystemView = { columns: keep.map((i) => view.columns[i]!), rows: (db, all) => view.rows(db, all).map((r) => keep.map((i) => r[i]!)) };
  cache.set(cacheKey, narrowed);
  return narrowed;
}

/**
 * Binding a batch's references to the columns of system views when the batch is compiled, before
 * any statement runs. SQL Server compiles the whole batch first; deferred name resolution spares
 * only objects that do not exist ("Deferred name resolution can only be used when you reference
 * nonexistent table objects ... when you reference an existing table ... you cannot list
 * nonexistent columns for that table", https://learn.microsoft.com/previous-versions/sql/sql-server-2008/ms190686(v=sql.100)),
 * so a column a system view lacks at this version is Msg 207 for the whole batch, in an IF branch
 * that would never run too. Text run by EXEC(N'...') or sp_executesql is its own batch, compiled
 * when it runs, and is not looked into here. Kept narrow: only the columns COLUMN_SINCE knows to
 * be missing at this version (the stand-in's views do not list every column real servers have,
 * so other unknown names are left to the statement when it runs), and user tables keep deferred
 * resolution. A view's SELECT is checked with its CREATE VIEW; a procedure's body when it runs
 * (session.ts runProcedure; SQL Server refuses it already at CREATE PROCEDURE, where the stand-in
 * does not parse the body).
 */
export function checkSystemViewColumns(statements: readonly Statement[], major: number): void {
  for (const s of statements) checkStatement(s, major);
}

function checkStatement(s: Statement, major: number): void {
  switch (s.k) {
    case 'if': checkUnit(s.cond, s.line, major); checkStatement(s.then, major); if (s.els) checkStatement(s.els, major); return;
    case 'while': checkUnit(s.cond, s.line, major); checkStatement(s.body, major); return;
    case 'block': checkSystemViewColumns(s.body, major); return;
    case 'tryCatch': checkSystemViewColumns(s.body, major); checkSystemViewColumns(s.handler, major); return;
    // A view's SELECT is bound when the view is created (its columns must exist then).
    case 'createModule': if (s.module.select) checkUnit(s.module.select, s.line, major); return;
    case 'exec': return;
    default: checkUnit(s, s.line, major);
  }
}

/** Every FROM item and column reference of one statement (or condition), subqueries included. */
function gather(node: unknown, items: FromItem[], cols: Extract<Expr, { k: 'col' }>[], aliases: Set<string>): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) { for (const x of node) gather(x, items, cols, aliases); return; }
  const o = node as { k?: string; parts?: unknown; alias?: unknown; expr?: unknown };
  if (o.k === 'table' || o.k === 'tvf' || o.k === 'derived') items.push(o as FromItem);
  if (o.k === 'col' && Array.isArray(o.parts)) cols.push(o as Extract<Expr, { k: 'col' }>);
  // A select item's alias: ORDER BY may name it bare.
  if (o.expr !== undefined && typeof o.alias === 'string') aliases.add(o.alias.toLowerCase());
  for (const v of Object.values(node)) if (typeof v === 'object') gather(v, items, cols, aliases);
}

function checkUnit(node: unknown, line: number, major: number): void {
  const items: FromItem[] = [];
  const cols: Extract<Expr, { k: 'col' }>[] = [];
  const aliases = new Set<string>();
  gather(node, items, cols, aliases);
  // What each qualifier names: a system view's missing columns, or null when it is (also) something else.
  const byQualifier = new Map<string, ReadonlySet<string> | null>();
  let onlySystemViews = items.length > 0;
  const unqualifiedMissing = new Set<string>();
  for (const item of items) {
    if (item.k === 'join' || item.k === 'apply') continue;
    const name = item.k === 'derived' ? [item.alias] : item.name;
    const qualifier = (item.alias ?? name[name.length - 1]!).toLowerCase();
    const key = item.k === 'table' && name.length >= 2 ? `${name[name.length - 2]!.toLowerCase()}.${name[name.length - 1]!.toLowerCase()}` : undefined;
    const view = key !== undefined && key.startsWith('sys.') ? SYSTEM_VIEWS[key] : undefined;
    if (view === undefined) { onlySystemViews = false; byQualifier.set(qualifier, null); continue; }
    const missing = columnsMissingAt(key!, major);
    for (const m of missing) unqualifiedMissing.add(m);
    const seen = byQualifier.get(qualifier);
    byQualifier.set(qualifier, seen === undefined || seen === missing ? missing : null);
  }
  for (const col of cols) {
    const column = col.parts[col.parts.length - 1]!.toLowerCase();
    let missing: ReadonlySet<string> | null | undefined;
    if (col.parts.length >= 2) missing = byQualifier.get(col.parts[col.parts.length - 2]!.toLowerCase());
    // A bare name binds to the system views only when nothing else in the statement could own it.
    else if (onlySystemViews && !aliases.has(column)) missing = unqualifiedMissing;
    if (missing?.has(column)) throw new SqlError(207, 16, 1, err.invalidColumn(col.parts[col.parts.length - 1]!).message, 'compile', [], line);
  }
}
