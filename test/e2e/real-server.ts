/**
 * Where the end-to-end suites run: always on the SQL Server stand-in, and also on a real SQL
 * Server when SCHEMAC_TEST_DATABASE_URL names one (design.md, testing layer 3). On a real server
 * each run gets its own database, `schemac_test_<random>`, created through master and dropped
 * after; fault injection exists only on the stand-in, so fault tests skip there.
 */
import { randomBytes } from 'crypto';
import { createEngine, type EngineFaults, type StandinEngine, type StatementRecord } from '../standin/engine';
import { startStandin, type RunningStandin } from '../standin/server';
import { execAll } from './support/sqlcmd';

/** The environment variable that turns the real-server target on. */
export const REAL_SERVER_ENV = 'SCHEMAC_TEST_DATABASE_URL';

/** The stand-in's sa password: distinctive, so a test can prove it never leaks into output. */
export const STANDIN_PASSWORD = 'Xq9!pw-Secret';

/** How to reach a real server for one run: master to create and drop, and the run's own database. */
export interface RealServerPlan {
  readonly databaseName: string;
  /** The given URL pointed at master. */
  readonly masterUrl: string;
  /** The given URL pointed at the run's database. */
  readonly databaseUrl: string;
}

/**
 * Builds the URLs of a run from SCHEMAC_TEST_DATABASE_URL: an mssql:// URL (its path, if any,
 * is replaced) or an ADO.NET string (its Database / Initial Catalog is replaced or added).
 */
export function planRealServer(given: string, suffix: string = randomBytes(4).toString('hex')): RealServerPlan {
  if (!/^[a-z0-9_]+$/i.test(suffix)) throw new Error(`database suffix must be letters, digits or _: ${suffix}`);
  const databaseName = `schemac_test_${suffix}`;
  return { databaseName, masterUrl: withDatabase(given, 'master'), databaseUrl: withDatabase(given, databaseName) };
}

function withDatabase(given: string, database: string): string {
  const text = given.trim();
  if (/^(mssql|sqlserver):\/\//i.test(text)) {
    const url = new URL(text);
    url.pathname = `/${encodeURIComponent(database)}`;
    return url.toString();
  }
  const parts = text.split(';').filter((p) => p.trim() !== '' && !/^\s*(database|initial catalog)\s*=/i.test(p));
  return [...parts, `Database=${database}`].join(';');
}

/** A target the suites can run on. */
export interface TargetSpec {
  readonly name: string;
  /** Whether stand-in faults (protocol and SQL) can be injected. */
  readonly faults: boolean;
  start(): Promise<LiveTarget>;
}

/** A started target: a database URL for the CLI, and the stand-in's switches when it is one. */
export interface LiveTarget {
  readonly url: string;
  /** The sa password in `url` (to prove it never appears in output). */
  readonly password: string;
  readonly standin: {
    readonly server: RunningStandin;
    /** The engine itself, for the stand-in-only switches (edition, version, faults a suite sets directly). */
    readonly engine: StandinEngine;
    /** The engine's SQL-level faults (fail or delay a statement; see test/standin/engine/faults.ts). */
    setSqlFaults(faults: EngineFaults): void;
    /** Starts recording each statement with its session's SET options and @@TRANCOUNT (test/standin/engine/statement-log.ts). */
    recordStatements(): { readonly records: readonly StatementRecord[]; stop(): void };
  } | null;
  stop(): Promise<void>;
}

/** The stand-in target: one listener on a free port, database 'app'. */
export const standinTarget: TargetSpec = {
  name: 'stand-in',
  faults: true,
  async start() {
    const engine = createEngine({ password: STANDIN_PASSWORD, databases: ['app'] });
    const server = await startStandin({ engine });
    return {
      url: `mssql://sa:${encodeURIComponent(STANDIN_PASSWORD)}@127.0.0.1:${server.port}/app?encrypt=false`,
      password: STANDIN_PASSWORD,
      standin: { server, engine, setSqlFaults: (faults) => engine.setFaults(faults), recordStatements: () => engine.recordStatements() },
      stop: () => server.close(),
    };
  },
};

/** The real-server target for a given SCHEMAC_TEST_DATABASE_URL. */
export function realServerTarget(given: string): TargetSpec {
  return {
    name: 'real server',
    faults: false,
    async start() {
      const plan = planRealServer(given);
      await execAll(plan.masterUrl, [`CREATE DATABASE [${plan.databaseName}];`]);
      let password = '';
      try {
        password = decodeURIComponent(new URL(given).password);
      } catch {
        password = /(?:^|;)\s*(?:password|pwd)\s*=\s*([^;]*)/i.exec(given)?.[1] ?? '';
      }
      return {
        url: plan.databaseUrl,
        password,
        standin: null,
        stop: () => execAll(plan.masterUrl, [
          `ALTER DATABASE [${plan.databaseName}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE;`,
          `DROP DATABASE [${plan.databaseName}];`,
        ]),
      };
    },
  };
}

/** The targets of this run: the stand-in, plus the real server when the variable is set (and not blank). */
export function e2eTargets(env: Readonly<Record<string, string | undefined>> = process.env): TargetSpec[] {
  const given = env[REAL_SERVER_ENV];
  return given !== undefined && given.trim() !== '' ? [standinTarget, realServerTarget(given)] : [standinTarget];
}
