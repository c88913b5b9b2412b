import type sql from 'mssql';
import { connectionFailure } from './read-errors';

/** A driver connection, as mssql hands it to `beforeConnect`. */
type DriverConnection = Parameters<NonNullable<sql.config['beforeConnect']>>[0];

/**
 * Turns Nagle's algorithm off on a connection's socket once it is open. tedious writes a request
 * of several TDS packets (a catalog query, a long batch) as several socket writes and leaves
 * Nagle on: the last, partial packet then waits for the server's ACK of the first, which the
 * server delays (40 ms on Linux, up to 200 ms on Windows) since it has nothing to send before the
 * whole request is in. Measured over loopback: a 40-45 ms stall per such request, a third of an
 * e2e suite's wall time. https://nodejs.org/api/net.html#socketsetnodelaynodelay
 */
export function sendPacketsAtOnce(connection: DriverConnection): void {
  connection.once('connect', (error?: Error) => { if (error === undefined) connection.socket?.setNoDelay(true); });
}

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
      sendPacketsAtOnce(connection);
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
