/** The stand-in's SQL engine: createEngine() gives the Engine the TDS layer logs in to. */
import type { Engine, LoginResult } from '../engine-interface';
import type { Database } from './catalog';
import { newDatabase } from './catalog';
import { EngineSession } from './session';
import type { EngineState } from './session';
import { AppLocks } from './app-locks';

/** Options of the stand-in engine. */
export interface EngineOptions {
  /** The sa password. */
  readonly password: string;
  /** User databases to create (default ['app']); master always exists. */
  readonly databases?: readonly string[];
  /** What @@VERSION and SERVERPROPERTY('ProductVersion') report. */
  readonly productVersion?: string;
}

/** Creates an engine with empty user databases. */
export function createEngine(options: EngineOptions): Engine {
  const dbs = new Map<string, Database>();
  const names = ['master', ...(options.databases ?? ['app']).filter((n) => n.toLowerCase() !== 'master')];
  names.forEach((n, i) => dbs.set(n.toLowerCase(), newDatabase(i === 0 ? 1 : i + 4, n)));
  const state: EngineState = {
    productVersion: options.productVersion ?? '16.0.4135.4',
    get: (n) => dbs.get(n.toLowerCase()),
    set: (n, db) => { dbs.set(n.toLowerCase(), db); },
    all: () => [...dbs.values()].sort((a, b) => a.id - b.id),
    appLocks: new AppLocks(),
  };
  let nextSpid = 51;
  return {
    productVersion: state.productVersion,
    login(user: string, password: string, database: string | null): LoginResult {
      if (user.toLowerCase() !== 'sa' || password !== options.password) {
        return { ok: false, error: { kind: 'error', number: 18456, state: 1, class: 14, message: `Login failed for user '${user}'.`, line: 1 } };
      }
      const db = database === null || database === '' ? state.get('master') : state.get(database);
      if (!db) {
        return { ok: false, error: { kind: 'error', number: 4060, state: 1, class: 11, message: `Cannot open database "${database}" requested by the login. The login failed.`, line: 1 } };
      }
      return { ok: true, session: new EngineSession(nextSpid++, state, db.name), database: db.name };
    },
  };
}
