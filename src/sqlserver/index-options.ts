/**
 * SQL Server's rules for the index options schemac manages besides IGNORE_DUP_KEY and
 * DATA_COMPRESSION (those are in storage.ts): FILLFACTOR, PAD_INDEX, ALLOW_ROW_LOCKS,
 * ALLOW_PAGE_LOCKS, OPTIMIZE_FOR_SEQUENTIAL_KEY and STATISTICS_NORECOMPUTE.
 *
 * Sources: CREATE INDEX (each option, its default, FILLFACTOR "an integer value from 1 to 100",
 * OPTIMIZE_FOR_SEQUENTIAL_KEY from SQL Server 2019 (15.x)):
 * https://learn.microsoft.com/sql/t-sql/statements/create-index-transact-sql;
 * "Fill factor values 0 and 100 are identical in all respects" (the server option):
 * https://learn.microsoft.com/previous-versions/sql/sql-server-2005/ms191005(v=sql.90);
 * "Set index options": ALLOW_PAGE_LOCKS, ALLOW_ROW_LOCKS, OPTIMIZE_FOR_SEQUENTIAL_KEY,
 * IGNORE_DUP_KEY and STATISTICS_NORECOMPUTE are applied at once by ALTER INDEX ... SET; PAD_INDEX
 * and FILLFACTOR only when the index is rebuilt (ALTER INDEX ... REBUILD or DROP_EXISTING):
 * https://learn.microsoft.com/sql/relational-databases/indexes/set-index-options;
 * sys.indexes (fill_factor, is_padded, allow_row_locks, allow_page_locks,
 * optimize_for_sequential_key) and sys.stats (no_recompute, stats_id = index_id for an index's
 * statistics): https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-indexes-transact-sql,
 * https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-stats-transact-sql.
 *
 * The server-wide 'fill factor (%)' (sys.configurations) is not read: an index created without
 * FILLFACTOR stores 0 whatever it is, so the model compares what the index records.
 */
import type { IndexOptions } from '../model';

/** An option the model keeps. */
export type IndexOptionKey = keyof IndexOptions;

/** How an existing index takes a new value: ALTER INDEX ... SET (at once) or only by a rebuild. */
export type IndexOptionChange = 'set' | 'rebuild';

/** Every option, in the order SQL Server's syntax lists them, with how it changes. */
export const INDEX_OPTION_CHANGE: Readonly<Record<IndexOptionKey, IndexOptionChange>> = {
  padIndex: 'rebuild',
  fillFactor: 'rebuild',
  statisticsNoRecompute: 'set',
  allowRowLocks: 'set',
  allowPageLocks: 'set',
  optimizeForSequentialKey: 'set',
};

/** The option keys, in syntax order. */
export const INDEX_OPTION_KEYS = Object.keys(INDEX_OPTION_CHANGE) as readonly IndexOptionKey[];

/** Why a FILLFACTOR value is refused, or null. */
export function fillFactorProblem(value: number): string | null {
  return Number.isInteger(value) && value >= 1 && value <= 100 ? null : `FILLFACTOR must be a whole number from 1 to 100 (got ${value})`;
}

/** The values as sys.indexes / sys.stats record them (bit columns may be null on old rows). */
export interface RecordedIndexOptions {
  readonly fillFactor?: number | null;
  readonly padded?: boolean | null;
  readonly allowRowLocks?: boolean | null;
  readonly allowPageLocks?: boolean | null;
  readonly optimizeForSequentialKey?: boolean | null;
  readonly noRecompute?: boolean | null;
}

/**
 * The model's spelling: each option left out at its default (fill factor 0 and 100 alike, locks
 * allowed, the rest OFF), so a compiled index and a catalog one compare equal.
 */
export function storedIndexOptions(r: RecordedIndexOptions): IndexOptions {
  const out: { -readonly [K in IndexOptionKey]?: IndexOptions[K] } = {};
  if (r.fillFactor !== undefined && r.fillFactor !== null && r.fillFactor !== 0 && r.fillFactor !== 100) out.fillFactor = r.fillFactor;
  if (r.padded === true) out.padIndex = true;
  if (r.noRecompute === true) out.statisticsNoRecompute = true;
  if (r.allowRowLocks === false) out.allowRowLocks = false;
  if (r.allowPageLocks === false) out.allowPageLocks = false;
  if (r.optimizeForSequentialKey === true) out.optimizeForSequentialKey = true;
  return out;
}

/** The options of an index or key alone (what a spread of it would copy). */
export function indexOptionsOf(o: IndexOptions): IndexOptions {
  const out: { -readonly [K in IndexOptionKey]?: IndexOptions[K] } = {};
  for (const k of INDEX_OPTION_KEYS) if (o[k] !== undefined) (out as Record<string, unknown>)[k] = o[k];
  return out;
}

/** The options that differ between two indexes (or keys) and change the given way. */
export function changedIndexOptions(from: IndexOptions, to: IndexOptions, how: IndexOptionChange): IndexOptionKey[] {
  return INDEX_OPTION_KEYS.filter((k) => INDEX_OPTION_CHANGE[k] === how && from[k] !== to[k]);
}

/** An option's effective value: the number for FILLFACTOR (0: the default), ON/OFF as a boolean otherwise. */
export function effectiveIndexOption(o: IndexOptions, k: IndexOptionKey): number | boolean {
  switch (k) {
    case 'fillFactor': return o.fillFactor ?? 0;
    case 'allowRowLocks': return o.allowRowLocks ?? true;
    case 'allowPageLocks': return o.allowPageLocks ?? true;
    default: return o[k] ?? false;
  }
}
