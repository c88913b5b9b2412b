/**
 * CREATE / DROP / UPDATE STATISTICS on user tables (create-statistics-transact-sql.md,
 * drop-statistics-transact-sql.md, update-statistics-transact-sql.md). The stand-in keeps no
 * histogram: a statistics object is its name, columns, filter and options, as sys.stats and
 * sys.stats_columns report them, and what it blocks (ALTER / DROP COLUMN, ddl.ts).
 */
import type { Name, StatementBody, StatisticsOption } from './ast';
import type { Column, Table, UserStatistics } from './catalog';
import { findColumn, findTable, sameName } from './catalog';
import type { DdlContext } from './ddl-constraints';
import { nextIndexId, stored, tableOrFail } from './ddl-constraints';
import { SqlError, err } from './errors';
import { typeOf } from './eval';
import { qualified, rowScope } from './integrity';
import { wrongFilteredIndexOptions } from './set-options';

type CreateStatistics = Extract<StatementBody, { k: 'createStatistics' }>;

/** "Each statistics object can contain up to 32 columns" (create-statistics-transact-sql.md, Limitations). */
const MAX_COLUMNS = 32;

function missingTable(name: Name): () => SqlError {
  return () => new SqlError(1088, 16, 12, `Cannot find the object "${name.join('.')}" because it does not exist or you do not have permissions.`);
}

/** The options both statements share; combining sample options is refused (number and wording inferred). */
function checkOptions(options: readonly StatisticsOption[]): { noRecompute: boolean; incremental: boolean | undefined } {
  const sampling = options.filter((o) => o.name === 'FULLSCAN' || o.name === 'SAMPLE' || o.name === 'RESAMPLE');
  if (sampling.length > 1) throw new SqlError(1052, 16, 1, 'Conflicting UPDATE STATISTICS options: FULLSCAN, SAMPLE and RESAMPLE cannot be combined.');
  const incremental = options.find((o) => o.name === 'INCREMENTAL');
  return { noRecompute: options.some((o) => o.name === 'NORECOMPUTE'), incremental: incremental === undefined ? undefined : incremental.value === 'ON' };
}

/** CREATE STATISTICS. */
export function createStatistics(ctx: DdlContext, s: CreateStatistics): void {
  const t = tableOrFail(ctx, s.table, missingTable(s.table));
  const where = qualified(ctx.db, t);
  if (t.indexes.some((i) => i.name !== null && sameName(i.name, s.name)) || t.stats?.some((x) => sameName(x.name, s.name))) throw err.indexExists(s.name, where);
  // Msg 1904 (wording inferred from its index form).
  if (s.columns.length > MAX_COLUMNS) throw new SqlError(1904, 16, 1, `The statistics on table '${where}' has ${s.columns.length} column names in statistics key list. The maximum limit for statistics key column list is ${MAX_COLUMNS}.`);
  const columns: Column[] = s.columns.map((n) => findColumn(t, n) ?? (() => { throw err.invalidColumn(n); })());
  const seen = new Set<number>();
  for (const c of columns) {
    // Msg 1909 as CREATE INDEX words it, with "statistics" (inferred).
    if (seen.has(c.columnId)) throw new SqlError(1909, 16, 1, `Cannot use duplicate column names in statistics. Column name '${c.name}' listed more than once.`);
    seen.add(c.columnId);
  }
  const { noRecompute, incremental } = checkOptions(s.options);
  // INCREMENTAL = ON needs a partitioned table; the stand-in has none (create-statistics-transact-sql.md).
  if (incremental === true) throw new SqlError(9108, 16, 1, `This type of statistics is not supported to be incremental.`);
  let filter: UserStatistics['filter'];
  if (s.filter) {
    // Filtered statistics need the same SET options as filtered indexes (create-statistics-transact-sql.md, Remarks).
    const wrong = wrongFilteredIndexOptions(ctx.host);
    if (wrong !== null) throw err.badSetOptions('CREATE STATISTICS', wrong);
    typeOf(s.filter.expr, rowScope(t, [], ctx.host), ctx.host);
    filter = { definition: stored('filter', s.filter.text), expr: s.filter.expr };
  }
  const stat: UserStatistics = { statsId: nextIndexId(t), name: s.name, columns: columns.map((c) => c.columnId), noRecompute, incremental: false, ...(filter ? { filter } : {}) };
  (t.stats ??= []).push(stat);
  t.modified = ctx.now;
}

/** DROP STATISTICS t.s: Msg 3701 when the table or the statistics is not there; an index's statistics cannot be dropped (Msg 3739). */
export function dropStatistics(ctx: DdlContext, table: Name, name: string): void {
  const shown = [...table, name].join('.');
  const t = findTable(ctx.db, table.length >= 2 ? table[table.length - 2] : 'dbo', table[table.length - 1]);
  const stat = t?.stats?.find((x) => sameName(x.name, name));
  if (t !== undefined && stat === undefined && t.indexes.some((i) => i.name !== null && sameName(i.name, name))) {
    throw new SqlError(3739, 11, 1, `Cannot DROP the index '${shown}' because it is not a statistics collection.`);
  }
  if (t === undefined || stat === undefined) throw new SqlError(3701, 11, 1, `Cannot drop the statistics '${shown}', because it does not exist or you do not have permission.`);
  t.stats = (t.stats ?? []).filter((x) => x !== stat);
  t.modified = ctx.now;
}

/** UPDATE STATISTICS: checks the names; the stand-in keeps no histogram to refresh. */
export function updateStatistics(ctx: DdlContext, table: Name, names: readonly string[], options: readonly StatisticsOption[]): void {
  const t = tableOrFail(ctx, table, () => err.invalidObject(table.join('.')));
  checkOptions(options);
  for (const n of names) {
    const known = t.stats?.some((x) => sameName(x.name, n)) || t.indexes.some((i) => i.name !== null && sameName(i.name, n));
    if (!known) throw new SqlError(2767, 16, 1, `Could not locate statistics '${n}' in the system catalogs.`);
  }
}

/** The statistics of `t` that name `col` as a key column or in their filter. */
export function statisticsOn(t: Table, col: Column, mentions: (e: unknown, col: string) => boolean): UserStatistics[] {
  return (t.stats ?? []).filter((x) => x.columns.includes(col.columnId) || (x.filter !== undefined && mentions(x.filter.expr, col.name)));
}
