/**
 * The index options the stand-in keeps besides compression and IGNORE_DUP_KEY (ddl-storage.ts):
 * FILLFACTOR, PAD_INDEX, ALLOW_ROW_LOCKS, ALLOW_PAGE_LOCKS, OPTIMIZE_FOR_SEQUENTIAL_KEY and
 * STATISTICS_NORECOMPUTE, as CREATE INDEX, a key's WITH (...), ALTER INDEX ... REBUILD WITH and
 * ALTER INDEX ... SET take them.
 *
 * Sources: create-index-transact-sql (each option; FILLFACTOR "must be an integer value from 1
 * to 100"; "Fill-factor values 0 and 100 are the same in all respects"), set-index-options
 * ("The following options are immediately applied to the index by using the SET clause in the
 * ALTER INDEX statement: ALLOW_PAGE_LOCKS, ALLOW_ROW_LOCKS, OPTIMIZE_FOR_SEQUENTIAL_KEY,
 * IGNORE_DUP_KEY, and STATISTICS_NORECOMPUTE"; PAD_INDEX and FILLFACTOR only when the index is
 * rebuilt), sys-indexes-transact-sql (fill_factor 0 when none was given, is_padded,
 * allow_row_locks, allow_page_locks, optimize_for_sequential_key), sys-stats-transact-sql
 * (no_recompute). Error numbers and wording here are inferred and marked so.
 */
import type { DdlOption } from './editions';
import type { Index } from './catalog';
import { SqlError } from './errors';

/** The options an Index keeps here. */
export type IndexWith = Pick<Index, 'fillFactor' | 'padded' | 'noRowLocks' | 'noPageLocks' | 'sequentialKey' | 'noRecompute'>;

const FLAGS: readonly { option: string; key: keyof IndexWith; when: 'ON' | 'OFF'; set: boolean }[] = [
  { option: 'PAD_INDEX', key: 'padded', when: 'ON', set: false },
  { option: 'ALLOW_ROW_LOCKS', key: 'noRowLocks', when: 'OFF', set: true },
  { option: 'ALLOW_PAGE_LOCKS', key: 'noPageLocks', when: 'OFF', set: true },
  { option: 'OPTIMIZE_FOR_SEQUENTIAL_KEY', key: 'sequentialKey', when: 'ON', set: true },
  { option: 'STATISTICS_NORECOMPUTE', key: 'noRecompute', when: 'ON', set: true },
];

function find(options: readonly DdlOption[] | undefined, name: string): string | undefined {
  return options?.find((o) => o.name.toUpperCase() === name)?.value.toUpperCase();
}

/**
 * Applies the options a statement gives to `ix` (a new index, or one rebuilt or SET): those not
 * given keep their value, as a rebuild keeps the stored fill factor. `set`: ALTER INDEX ... SET,
 * which takes no FILLFACTOR or PAD_INDEX.
 */
export function applyIndexWith(ix: IndexWith, options: readonly DdlOption[] | undefined, set = false): void {
  const ff = find(options, 'FILLFACTOR');
  if (ff !== undefined) {
    // Inferred number and wording.
    if (set) throw new SqlError(1915, 16, 1, 'Cannot alter a nonclustered index that has FILLFACTOR set in the SET clause; use ALTER INDEX REBUILD.');
    const n = Number(ff);
    // Inferred number and wording ("an integer value from 1 to 100").
    if (!Number.isInteger(n) || n < 1 || n > 100) throw new SqlError(1025, 16, 1, `Invalid FILLFACTOR value ${ff}: it must be from 1 through 100.`);
    // sys.indexes keeps what was given (100 stays 100; 0 only when none was).
    ix.fillFactor = n;
  }
  for (const f of FLAGS) {
    const v = find(options, f.option);
    if (v === undefined) continue;
    if (set && !f.set) throw new SqlError(1915, 16, 1, `Cannot set ${f.option} with ALTER INDEX SET; use ALTER INDEX REBUILD.`);
    if (v === f.when) ix[f.key] = true as never; else delete ix[f.key];
  }
}

/** The options of a new index, defaults left out. */
export function newIndexWith(options: readonly DdlOption[] | undefined): IndexWith {
  const out: IndexWith = {};
  applyIndexWith(out, options);
  return out;
}
