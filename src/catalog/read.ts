/**
 * Reading a live catalog: one connection, one batch of set-based queries bracketed by a
 * fingerprint of sys.objects. SQL Server does not version its metadata, so if the fingerprint
 * moved during the batch we read once more, and if it moved again we stop (design.md).
 */
import sql from 'mssql';
import { describeTarget, redactConfig } from './connection';
import { connectPool } from './connect';
import { CATALOG_BATCH, FINGERPRINT_QUERY } from './queries';
import { rowsToSnapshotObject, type Rows } from './read-rows';
import { SnapshotError, validateSnapshot, type CatalogSnapshot } from './snapshot';

/** Runs one batch and returns its result sets in order (a session, a pool, or a test double). */
export type CatalogQuery = (text: string) => Promise<readonly Rows[]>;

/** Why a catalog read failed. */
export type CatalogReadFailure =
  | 'login-failed'
  | 'database-missing'
  | 'unreachable'
  | 'connection'
  | 'query'
  | 'invalid-rows'
  | 'schema-changing';

/** A catalog read that failed; the message is one line, prefixed `catalog: `, and never holds a secret. */
export class CatalogReadError extends Error {
  constructor(readonly failure: CatalogReadFailure, message: string, options?: { cause?: unknown }) {
    super(`catalog: ${message}`, options);
    this.name = 'CatalogReadError';
  }
}

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

const LOGIN_FAILED = 18456;
const CANNOT_OPEN_DATABASE = 4060;

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function errorMessage(error: unknown): string {
  const original = (error as { originalError?: unknown } | null)?.originalError;
  const inner = original instanceof Error ? original : error;
  const message = inner instanceof Error ? inner.message : String(inner);
  return message.replace(/\s+/g, ' ').trim();
}

/** Maps a driver connection failure to one line that says which kind of failure it is. */
export function connectionFailure(error: unknown, serverErrors: readonly number[], target: sql.config): CatalogReadError {
  const where = describeTarget(target);
  const message = redactConfig(errorMessage(error), target);
  const code = errorCode(error);
  // A missing database sends 4060 and then 18456; check 4060 first.
  if (serverErrors.includes(CANNOT_OPEN_DATABASE) || /cannot open database/i.test(message)) {
    return new CatalogReadError('database-missing', `cannot open the database of ${where}: it does not exist or the login cannot use it (SQL Server error 4060)`, { cause: error });
  }
  if (serverErrors.includes(LOGIN_FAILED) || (code === 'ELOGIN' && /login failed/i.test(message))) {
    return new CatalogReadError('login-failed', `login failed for ${where}: wrong user name or password, or the login is disabled (SQL Server error 18456)`, { cause: error });
  }
  if (code === 'ESOCKET' || code === 'ETIMEOUT') {
    return new CatalogReadError('unreachable', `cannot reach the server of ${where}: ${message}`, { cause: error });
  }
  return new CatalogReadError('connection', `cannot connect to ${where}: ${message}`, { cause: error });
}

function queryFailure(error: unknown, target: sql.config): CatalogReadError {
  if (error instanceof CatalogReadError) return error;
  const number = (error as { number?: unknown } | null)?.number;
  const suffix = typeof number === 'number' ? ` (SQL Server error ${number})` : '';
  const code = errorCode(error);
  const failure: CatalogReadFailure = code === 'ESOCKET' || code === 'ECONNCLOSED' ? 'connection' : 'query';
  return new CatalogReadError(failure, `reading the catalog of ${describeTarget(target)} failed: ${redactConfig(errorMessage(error), target)}${suffix}`, { cause: error });
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
