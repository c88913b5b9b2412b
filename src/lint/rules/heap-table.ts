/**
 * heap-table: a table with no clustered index is a heap. Heaps leave forwarded records behind
 * updates and do not give space back after deletes; most OLTP tables want a narrow,
 * ever-increasing clustered key (schemac's own mixins cluster on an identity index_id). An edge
 * table is left alone: the key it wants is ($from_id, $to_id) (graph-edge-constraints, "Indexes on
 * edge constraints"), pseudo-columns a schema file cannot declare. So is a memory-optimized table:
 * it has no pages and takes no clustered rowstore index (its indexes are hash or nonclustered). So is
 * an append-only ledger table: SQL Server refuses UPDATE and DELETE on it (ledger-append-only-ledger-tables),
 * so neither reason applies.
 */
import type { LintRule } from '../rule';
import { keyedObjects, qualified } from '../model-facts';

/** A table without a clustered index. */
export const heapTable: LintRule = {
  id: 'heap-table',
  defaultSeverity: 'warning',
  description: 'a table without a clustered index (a heap)',
  check: (db) => db.tables
    .filter((t) => t.graph !== 'edge' && t.memoryOptimized === undefined && t.ledger?.kind !== 'append-only' && !keyedObjects(t).some((k) => k.clustered))
    .map((t) => ({
      message: `table ${qualified(t)} has no clustered index, so it is a heap (forwarded records after updates, space not reclaimed after deletes); make one index clustered, ideally on a narrow, ever-increasing column such as an identity`,
      source: t.source,
    })),
};
