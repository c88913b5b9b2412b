/**
 * Reading a live catalog: one connection, one batch of set-based queries bracketed by a
 * fingerprint of sys.objects. SQL Server does not version its metadata, so if the fingerprint
 * moved during the batch we read once more, and if it moved again we stop (design.md).
 */
import sql from 'mssql';
import { describeTarget } from './connection';
import { connectPool } from './connect';
import { CatalogReadError, queryFailure } from './read-errors';
import { CATALOG_BATCH, FINGERPRINT_QUERY } from './queries';
import { rowsToSnapshotObject, type Rows } from './read-rows';
import { SnapshotError, validateSnapshot, type CatalogSnapshot } from './snapshot';

export { CatalogReadError, type CatalogReadFailure } from './read-errors';

/** Runs one batch and returns its result sets in order (a session, a pool, or a test double). */
export type CatalogQuery = (text: string) => Promise<readonly Rows[]>;

async function fingerprint(query: CatalogQuery): Promise<string> {
  const [rows] = await query(FINGERPRINT_QUERY);
  const row = rows?.[0];
  if (row === undefined) throw new CatalogReadError('invalid-rows', 'the sys.objects fingerprint query returned no row');
  const last = row.last_modified;
  return `${String(row.object_count)}|${last instanceof Date ? last.toISOString() : String(last)}`;
}

/**
 * Reads the catalog through `query`: fingerprint, batch, fingerprint; if the fingerprint moved,
 * the batch once more. `source` names the database in messages (never a secret).
 */
export async function readCatalogWith(query: CatalogQuery, source: string): Promise<CatalogSnapshot> {
  let before = await fingerprint(query);
  for (let attempt = 1; ; attempt++) {
    const recordsets = await query(CATALOG_BATCH);
    const after = await fingerprint(query);
    if (after === before) {
      try {
        return validateSnapshot(rowsToSnapshotObject(recordsets), source);
      } catch (error) {
        const reason = error instanceof SnapshotError ? error.detail : error instanceof Error ? error.message : String(error);
        throw new CatalogReadError('invalid-rows', `the catalog read from ${source} is not what schemac expects: ${reason}`, { cause: error });
      }
    }
    if (attempt === 2) {
      throw new CatalogReadError('schema-changing', `the schema is changing under us: sys.objects changed during two catalog reads of ${source} in a row; try again when no migration or deployment is running`);
    }
    before = after;
  }
}

/**
 * Connects with `config` (one connection), reads the whole catalog and disconnects. Failures are
 * CatalogReadErrors: login failed, database missing, server unreachable, schema changing.
 */
export async function readCatalog(config: sql.config): Promise<CatalogSnapshot> {
  // Thousands of tables take a while; the driver's 15 s default would cut a large read short.
  const pool = await connectPool(config, { requestTimeout: config.requestTimeout ?? 300_000, pool: { max: 1, min: 0 } });
  try {
    const query: CatalogQuery = async (text) => {
      const result = await pool.request().query(text);
      return (result.recordsets as unknown as Rows[]) ?? [];
    };
    return await readCatalogWith(query, describeTarget(config));
  } catch (error) {
    throw queryFailure(error, config);
  } finally {
    await pool.close().catch(() => undefined);
  }
}
