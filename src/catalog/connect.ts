import type sql from 'mssql';
import { connectionFailure } from './read-errors';

/**
 * Opens an mssql pool and connects it, turning a failure into one line that says which it is
 * (login failed, database missing, server unreachable) without the password. Used by the
 * catalog reader and by apply, so both explain a bad connection the same way.
 */
export async function connectPool(config: sql.config, settings: { requestTimeout: number; pool: sql.PoolOpts<sql.Connection> }): Promise<sql.ConnectionPool> {
  // The driver loads on the first connection, not with this module: commands that never connect
  // (emit-sql --empty, plan --catalog) would otherwise spend about half a second of CPU loading it.
  const { ConnectionPool } = await import('mssql');
  const serverErrors: number[] = [];
  const pool = new ConnectionPool({
    ...config,
    requestTimeout: settings.requestTimeout,
    pool: settings.pool,
    beforeConnect: (connection) => {
      config.beforeConnect?.(connection);
      // tedious keeps only the last login error (18456 follows 4060): collect every number.
      connection.on('errorMessage', (token) => serverErrors.push(token.number));
    },
  });
  // Failures reach callers through the promises; an 'error' event nobody listens to (a dropped
  // connection also emits one) would instead end the process with a stack trace.
  pool.on('error', () => undefined);
  try {
    await pool.connect();
  } catch (error) {
    await pool.close().catch(() => undefined);
    throw connectionFailure(error, serverErrors, config);
  }
  return pool;
}
