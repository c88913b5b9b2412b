/**
 * The catalog batch's result sets to a snapshot document. The aliases in queries.ts already
 * name every property as the format does; this only fixes what the driver hands back in another
 * JavaScript type (bigint and sql_variant values arrive as strings).
 */
import { CATALOG_QUERIES, type CatalogQueryName } from './queries';
import { OPTIONAL_ROW_ARRAYS } from './snapshot-spec';
import { SNAPSHOT_FORMAT, type OptionalRowArrayName } from './snapshot-types';

/** One result set as the driver returns it. */
export type Rows = readonly Readonly<Record<string, unknown>>[];

/** A decimal string within 2^53 becomes a number, as the format writes it; larger ones stay text. */
export function numberIfSafe(value: unknown): unknown {
  if (typeof value === 'bigint') value = value.toString();
  if (typeof value !== 'string' || !/^\s*[-+]?\d+\s*$/.test(value)) return value;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : BigInt(value.trim()).toString();
}

function withNumbers(rows: Rows, properties: readonly string[]): Record<string, unknown>[] {
  return rows.map((row) => {
    const out: Record<string, unknown> = { ...row };
    for (const p of properties) if (p in out) out[p] = numberIfSafe(out[p]);
    return out;
  });
}

/**
 * Assembles an (unvalidated) snapshot object from the batch's result sets, given in
 * CATALOG_QUERIES order. Throws when the server returned a different number of result sets.
 */
export function rowsToSnapshotObject(recordsets: readonly Rows[]): Record<string, unknown> {
  if (recordsets.length !== CATALOG_QUERIES.length) {
    throw new Error(`the catalog batch returned ${recordsets.length} result sets, expected ${CATALOG_QUERIES.length}`);
  }
  const sets = new Map<CatalogQueryName, Rows>(CATALOG_QUERIES.map((q, i) => [q.name, recordsets[i] ?? []]));
  const get = (name: CatalogQueryName): Rows => sets.get(name) ?? [];
  const info = get('database')[0] ?? {};
  const doc: Record<string, unknown> = {
    format: SNAPSHOT_FORMAT,
    database: info.database,
    server_version: info.server_version,
    database_collation: info.database_collation ?? null,
    // Older readers' rows (and test doubles) may lack the server properties: leave them out then.
    ...(info.engine_edition !== undefined ? { engine_edition: numberIfSafe(info.engine_edition) } : {}),
    ...(info.edition !== undefined ? { edition: info.edition } : {}),
    ...(info.product_major_version !== undefined ? { product_major_version: numberIfSafe(info.product_major_version) } : {}),
    // A bit may arrive as a number from some drivers.
    ...(info.change_tracking_on !== undefined && info.change_tracking_on !== null ? { change_tracking_on: info.change_tracking_on === true || info.change_tracking_on === 1 } : {}),
    schemas: get('schemas').map((r) => r.name),
  };
  for (const q of CATALOG_QUERIES) {
    if (q.name === 'database' || q.name === 'schemas') continue;
    // Optional arrays are written only when they hold rows, so a database without such
    // objects snapshots exactly as before they were read.
    if (OPTIONAL_ROW_ARRAYS.includes(q.name as OptionalRowArrayName) && get(q.name).length === 0) continue;
    doc[q.name] = q.name === 'columns' ? withNumbers(get(q.name), ['seed_value', 'increment_value'])
      : q.name === 'row_counts' ? withNumbers(get(q.name), ['rows', 'used_pages'])
      : q.name === 'sequences' ? withNumbers(get(q.name), ['start_value', 'increment', 'minimum_value', 'maximum_value'])
      : get(q.name).map((row) => ({ ...row }));
  }
  return doc;
}
