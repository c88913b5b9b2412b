/** Starts the stand-in over a fake engine and connects the real mssql driver to it. */
import sql from 'mssql';
import { sendPacketsAtOnce } from '../../../src/catalog/connect';
import { startStandin, type RunningStandin } from '../../standin/server';
import type { ProtocolFaults } from '../../standin/tds/faults';
import { createFakeEngine, type FakeEngine } from './fake-engine';

/** Password of the fake engine's 'sa' login. */
export const PASSWORD = 'Fake!Passw0rd';

/** A stand-in over a fake engine. */
export interface Harness {
  readonly engine: FakeEngine;
  readonly standin: RunningStandin;
  /** mssql config for this stand-in (encrypt off), with overrides. */
  config(overrides?: Partial<sql.config>): sql.config;
  /** 'error' events of the pools (tedious reports late socket errors there after a dropped connection). */
  readonly poolErrors: Error[];
  /** Opens a pool and remembers it for close(). */
  connect(overrides?: Partial<sql.config>): Promise<sql.ConnectionPool>;
  close(): Promise<void>;
}

/** Starts a stand-in with a fresh fake engine. */
export async function startHarness(faults?: ProtocolFaults): Promise<Harness> {
  const engine = createFakeEngine(PASSWORD);
  const standin = await startStandin({ engine, faults });
  const pools: sql.ConnectionPool[] = [];
  const poolErrors: Error[] = [];
  const config = (overrides: Partial<sql.config> = {}): sql.config => ({
    server: '127.0.0.1',
    port: standin.port,
    user: 'sa',
    password: PASSWORD,
    database: 'app',
    pool: { min: 0, max: 1 },
    connectionTimeout: 5000,
    requestTimeout: 5000,
    beforeConnect: sendPacketsAtOnce,
    ...overrides,
    options: { encrypt: false, ...overrides.options },
  });
  return {
    engine,
    standin,
    config,
    poolErrors,
    async connect(overrides) {
      const pool = new sql.ConnectionPool(config(overrides));
      pool.on('error', (e: Error) => poolErrors.push(e));
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
