/**
 * How a catalog connection or read fails: one line per failure kind, never holding a secret.
 * Its own module so that connecting (connect.ts) and reading (read.ts) both use it without
 * depending on each other.
 */
import type sql from 'mssql';
import { describeTarget, redactConfig } from './connection';

/** Why a catalog read failed. */
export type CatalogReadFailure =
  | 'login-failed'
  | 'database-missing'
  | 'unreachable'
  | 'connection'
  | 'query'
  | 'invalid-rows'
  | 'schema-changing'
  /** The caller let go of the read (its result was no longer wanted). */
  | 'abandoned';

/** A catalog read that failed; the message is one line, prefixed `catalog: `, and never holds a secret. */
export class CatalogReadError extends Error {
  constructor(readonly failure: CatalogReadFailure, message: string, options?: { cause?: unknown }) {
    super(`catalog: ${message}`, options);
    this.name = 'CatalogReadError';
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

/** Maps a failure while querying the catalog to a CatalogReadError whose message holds no secret. */
export function queryFailure(error: unknown, target: sql.config): CatalogReadError {
  if (error instanceof CatalogReadError) return error;
  const number = (error as { number?: unknown } | null)?.number;
  const suffix = typeof number === 'number' ? ` (SQL Server error ${number})` : '';
  const code = errorCode(error);
  const failure: CatalogReadFailure = code === 'ESOCKET' || code === 'ECONNCLOSED' ? 'connection' : 'query';
  return new CatalogReadError(failure, `reading the catalog of ${describeTarget(target)} failed: ${redactConfig(errorMessage(error), target)}${suffix}`, { cause: error });
}
