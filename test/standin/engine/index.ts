/** The stand-in's SQL engine: createEngine() gives the Engine the TDS layer logs in to. */
import type { Engine, LoginResult } from '../engine-interface';
import type { Database } from './catalog';
import { newDatabase } from './catalog';
import { EngineSession } from './session';
import type { EngineState } from './session';
import { AppLocks } from './app-locks';
import { ObjectLocks } from './object-locks';
import { Waiters } from './waiters';
import { FaultState } from './faults';
import type { EngineFaults } from './faults';
import { EDITIONS, type RecordedOptions, type StandinEdition } from './editions';
import { StatementLog, type StatementRecord } from './statement-log';

export type { EngineFaults, StatementFailure, StatementDelay, StatementSelector } from './faults';
export type { StatementRecord } from './statement-log';
export type { StandinEdition, RecordedOptions, DdlOption } from './editions';

/** Options of the stand-in engine. */
export interface EngineOptions {
  /** The sa password. */
  readonly password: string;
  /** User databases to create (default ['app']); master always exists. */
  readonly databases?: readonly string[];
  /** What @@VERSION and SERVERPROPERTY('ProductVersion') report (a fault's productVersion overrides it). */
  readonly productVersion?: string;
  /** Engine-level faults from the start (see faults.ts for the statement counting rule). */
  readonly faults?: EngineFaults;
  /** What SERVERPROPERTY('Edition'/'EngineEdition') report and whether ONLINE = ON works (default developer). */
  readonly edition?: StandinEdition;
}

/** The engine, with the test controls the protocol layer does not need. */
export interface StandinEngine extends Engine {
  /** Replaces the engine faults and restarts the statement count. */
  setFaults(faults: EngineFaults): void;
  /** Statements counted (per the faults' counting rule) since the faults were last set. */
  readonly statementsCounted: number;
  /** Chooses the edition from now on (SERVERPROPERTY, online operations). */
  setEdition(edition: StandinEdition): void;
  /** Grants or denies VIEW DATABASE STATE to every login from now on (default granted). */
  setViewDatabaseState(allowed: boolean): void;
  /** The WITH (...) options of every index build and column alter run so far, in order. */
  readonly recordedOptions: readonly RecordedOptions[];
  /**
   * Starts recording every statement any session runs, with the session's SET options and
   * @@TRANCOUNT when it started (see statement-log.ts); returns the live list of records and a
   * stop function. A new recording replaces the previous one.
   */
  recordStatements(): { readonly records: readonly StatementRecord[]; stop(): void };
}

const AZURE_VERSION = '12.0.2000.8';
// @@VERSION's first line on Azure SQL Database (inferred from the version-12 number above; build dates vary).
const AZURE_VERSION_TEXT = `Microsoft SQL Azure (RTM) - ${AZURE_VERSION} \n\tStand-in for tests \n\tCopyright (C) 2022 Microsoft Corporation\n`;

/** Creates an engine with empty user databases. */
export function createEngine(options: EngineOptions): StandinEngine {
  const dbs = new Map<string, Database>();
  const names = ['master', ...(options.databases ?? ['app']).filter((n) => n.toLowerCase() !== 'master')];
  names.forEach((n, i) => dbs.set(n.toLowerCase(), newDatabase(i === 0 ? 1 : i + 4, n)));
  const baseVersion = options.productVersion ?? '16.0.4135.4';
  const faults = new FaultState(options.faults);
  const waiters = new Waiters();
  let edition: StandinEdition = options.edition ?? 'developer';
  let viewDatabaseState = true;
  const recorded: RecordedOptions[] = [];
  const statementLog = new StatementLog();
  const state: EngineState = {
    get edition() { return EDITIONS[edition]; },
    get viewDatabaseState() { return viewDatabaseState; },
    recordOptions: (r) => { recorded.push(r); },
    // Azure SQL Database reports version 12 (12.0.2000.8), its engine the newest (serverproperty-transact-sql:
    // "Azure SQL Database version 12 is newer than SQL Server version 16"); an explicit productVersion wins.
    get productVersion() { return faults.productVersion ?? (edition === 'azure' && options.productVersion === undefined ? AZURE_VERSION : baseVersion); },
    get versionText() { return faults.versionText ?? (edition === 'azure' && faults.productVersion === undefined && options.productVersion === undefined ? AZURE_VERSION_TEXT : undefined); },
    get: (n) => dbs.get(n.toLowerCase()),
    set: (n, db) => { dbs.set(n.toLowerCase(), db); },
    remove: (n) => { dbs.delete(n.toLowerCase()); },
    all: () => [...dbs.values()].sort((a, b) => a.id - b.id),
    appLocks: new AppLocks(waiters),
    locks: new ObjectLocks(waiters),
    waiters,
    faults,
    statementLog,
  };
  let nextSpid = 51;
  return {
    get productVersion() { return state.productVersion; },
    get statementsCounted() { return faults.statementsCounted; },
    setFaults: (next) => faults.set(next),
    setEdition: (next) => { edition = next; },
    setViewDatabaseState: (allowed) => { viewDatabaseState = allowed; },
    get recordedOptions() { return [...recorded]; },
    recordStatements: () => {
      const records = statementLog.start();
      return { records, stop: () => statementLog.stop(records) };
    },
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
