/** Test helpers: the real engine behind the stand-in's TDS listener, driven by the real mssql driver. */
import sql from 'mssql';
import { sendPacketsAtOnce } from '../../../src/catalog/connect';
import { startStandin, type RunningStandin } from '../../standin/server';
import { createEngine, type EngineOptions, type StandinEngine } from '../../standin/engine';

/** The sa password of these stand-ins. */
export const PASSWORD = 'Wire#Passw0rd';

/** One stand-in with the real engine, and the pools a test opened on it. */
export interface WireHarness {
  readonly engine: StandinEngine;
  readonly standin: RunningStandin;
  /** Opens a pool of one connection (so session state carries across requests). */
  connect(overrides?: Partial<sql.config>): Promise<sql.ConnectionPool>;
  close(): Promise<void>;
}

/** Starts a stand-in on port 0 over a fresh engine. */
export async function startWire(options: Partial<EngineOptions> = {}): Promise<WireHarness> {
  const engine = createEngine({ password: PASSWORD, ...options });
  const standin = await startStandin({ engine });
  const pools: sql.ConnectionPool[] = [];
  return {
    engine,
    standin,
    async connect(overrides = {}) {
      const pool = new sql.ConnectionPool({
        server: '127.0.0.1', port: standin.port, user: 'sa', password: PASSWORD, database: 'app',
        pool: { min: 0, max: 1 }, connectionTimeout: 5000, requestTimeout: 10000, beforeConnect: sendPacketsAtOnce,
        ...overrides, options: { encrypt: false, ...overrides.options },
      });
      pool.on('error', () => undefined);
      pools.push(pool);
      await pool.connect();
      return pool;
    },
    async close() {
      await Promise.all(pools.map((p) => p.close().catch(() => undefined)));
      await standin.close();
    },
  };
}

/** The error a request failed with (number, class, message), or null when it succeeded. */
export async function failure(p: Promise<unknown>): Promise<{ number?: number; class?: number; state?: number; message: string; code?: string } | null> {
  try { await p; return null; } catch (e) { return e as { number?: number; message: string }; }
}

/** Milliseconds a promise took to settle. */
export async function timed<T>(p: Promise<T>): Promise<{ value: T; ms: number }> {
  const start = Date.now();
  const value = await p;
  return { value, ms: Date.now() - start };
}

/** Resolves after ms milliseconds. */
export const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** First column of the first row of a query. */
export async function scalar(pool: sql.ConnectionPool, text: string): Promise<unknown> {
  const r = await pool.request().query(text);
  const row = r.recordset[0] as Record<string, unknown> | undefined;
  return row ? Object.values(row)[0] : undefined;
}
