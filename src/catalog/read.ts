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
 * CatalogReadErrors: login failed, database missing, server unreachable, schema changing. When
 * `abandoned` aborts (nobody wants the result any more), the connection is closed at once, while
 * it is being made or in the middle of a query, and the read fails as 'abandoned'.
 */
export async function readCatalog(config: sql.config, abandoned?: AbortSignal): Promise<CatalogSnapshot> {
  const where = describeTarget(config);
  const abandonedError = (): CatalogReadError => new CatalogReadError('abandoned', `the catalog read from ${where} was abandoned`);
  // A function, not a narrowed read: the signal aborts while this runs.
  const isAbandoned = (): boolean => abandoned?.aborted === true;
  if (isAbandoned()) throw abandonedError();
  // The driver's own connection, closed directly: the pool's close waits for a running query,
  // and refuses while the pool is still connecting.
  let opened: { close(): void } | null = null;
  const letGo = (): void => opened?.close();
  abandoned?.addEventListener('abort', letGo, { once: true });
  const tracked: sql.config = {
    ...config,
    beforeConnect: (connection) => {
      config.beforeConnect?.(connection);
      opened = connection;
      if (isAbandoned()) letGo();
    },
  };
  let pool: sql.ConnectionPool | null = null;
  try {
    // Thousands of tables take a while; the driver's 15 s default would cut a large read short.
    pool = await connectPool(tracked, { requestTimeout: config.requestTimeout ?? 300_000, pool: { max: 1, min: 0 } });
    const connected = pool;
    const query: CatalogQuery = async (text) => {
      const result = await connected.request().query(text);
      return (result.recordsets as unknown as Rows[]) ?? [];
    };
    return await readCatalogWith(query, where);
  } catch (error) {
    if (isAbandoned()) throw abandonedError();
    throw queryFailure(error, config);
  } finally {
    abandoned?.removeEventListener('abort', letGo);
    await pool?.close().catch(() => undefined);
  }
}
