/**
 * CREATE STATISTICS objects of the catalog (the optional `stats` and `stats_columns` arrays) as
 * each table's `statistics`. They are never declared in schema files; the differ only needs them
 * to drop and re-create one around a column change SQL Server refuses while it exists.
 * https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-stats-transact-sql
 */
import type { UserStatistics } from '../model';
import type { CatalogSnapshot } from './snapshot-types';
import { appendTo } from '../util/group-by';

/** Statistics by table object_id, in stats_id order; empty when the snapshot has none. */
export function readStatistics(s: CatalogSnapshot, columnName: (objectId: number, columnId: number) => string): ReadonlyMap<number, readonly UserStatistics[]> {
  const out = new Map<number, UserStatistics[]>();
  if (s.stats === undefined || s.stats.length === 0) return out;
  const columns = new Map<string, { id: number; name: string }[]>();
  for (const c of s.stats_columns ?? []) appendTo(columns, `${c.object_id}:${c.stats_id}`, { id: c.stats_column_id, name: columnName(c.object_id, c.column_id) });
  for (const r of [...s.stats].sort((a, b) => a.object_id - b.object_id || a.stats_id - b.stats_id)) {
    const cols = [...(columns.get(`${r.object_id}:${r.stats_id}`) ?? [])].sort((a, b) => a.id - b.id).map((c) => c.name);
    appendTo(out, r.object_id, { name: r.name, columns: cols, filter: r.filter_definition, noRecompute: r.no_recompute, incremental: r.is_incremental });
  }
  return out;
}
