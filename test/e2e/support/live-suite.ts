/**
 * The setup every over-the-wire suite repeats: start its target (the stand-in, or a real server),
 * make a temp project, drop the suite's tables (and schemac's history) before each test, and
 * clean up after. Call it inside a `describe`; it registers the hooks and gives accessors that
 * are valid once the suite runs.
 */
import { comparable, snapshotOf, type ComparableCatalog } from './catalog-compare';
import { expectExit, shown, tempProject, type TempProject } from './project';
import { execAll } from './sqlcmd';
import { standinTarget, type LiveTarget, type TargetSpec } from '../real-server';
import type { StandinEngine } from '../../standin/engine';

/** What a suite says about its fixture. */
export interface LiveSuiteOptions {
  /** Copy the repository's example schema into the project. */
  readonly example: boolean;
  /** Tables dropped before each test, `schema.name`, in an order their foreign keys allow. */
  readonly dropTables: readonly string[];
  /** Also drop schemac's history table before each test. */
  readonly dropHistory?: boolean;
  /** Runs before the tables are dropped (reset faults first, so the drops run clean; write the starting schema files). */
  readonly beforeEach?: (suite: LiveSuite) => void | Promise<void>;
}

/** The running suite's target and project. */
export interface LiveSuite {
  readonly target: LiveTarget;
  readonly project: TempProject;
  /** `--database <url>` for CLI arguments. */
  db(): string[];
  /** The database's catalog, in the form tests compare. */
  snapshot(): Promise<ComparableCatalog>;
  /** Fails unless `plan` (without the type check, plus `flags`) finds nothing to do. */
  planIsEmpty(flags?: readonly string[]): Promise<void>;
}

/** `IF OBJECT_ID(...) IS NOT NULL DROP TABLE ...` for `schema.name`. */
export function dropTableIfExists(qualified: string): string {
  const [schema, name] = qualified.split('.') as [string, string];
  return `IF OBJECT_ID(N'[${schema}].[${name}]', N'U') IS NOT NULL DROP TABLE [${schema}].[${name}];`;
}

/** Registers beforeAll / beforeEach / afterAll for one target and returns the suite's accessors. */
export function liveSuite(spec: TargetSpec, options: LiveSuiteOptions): LiveSuite {
  let target: LiveTarget | undefined;
  let project: TempProject | undefined;
  const suite: LiveSuite = {
    get target(): LiveTarget { if (target === undefined) throw new Error('live suite: the target is not started yet'); return target; },
    get project(): TempProject { if (project === undefined) throw new Error('live suite: the project is not made yet'); return project; },
    db: () => ['--database', suite.target.url],
    snapshot: async () => {
      const r = await suite.project.run(['snapshot', ...suite.db()]);
      expectExit(r, 0);
      return comparable(snapshotOf(r));
    },
    planIsEmpty: async (flags = []) => {
      const plan = await suite.project.run(['plan', ...suite.db(), '--detailed-exitcode', '--no-type-check', ...flags]);
      if (plan.code !== 0) throw new Error(`the plan is not empty: ${shown(plan)}`);
    },
  };
  beforeAll(async () => {
    target = await spec.start();
    project = tempProject(options.example);
  }, 120_000);
  beforeEach(async () => {
    await options.beforeEach?.(suite);
    const tables = [...options.dropTables, ...(options.dropHistory === true ? ['schemac.applied_plans'] : [])];
    if (tables.length > 0) await execAll(suite.target.url, tables.map(dropTableIfExists));
  });
  afterAll(async () => {
    project?.remove();
    await target?.stop();
  });
  return suite;
}

/** A stand-in-only suite: liveSuite's accessors, plus the engine for what only the stand-in can switch. */
export interface StandinSuite extends LiveSuite {
  /** The stand-in's engine (edition, version, faults), for the switches a test makes itself. */
  readonly engine: StandinEngine;
}

/** What a stand-in-only suite says about its fixture. */
export interface StandinSuiteOptions extends Omit<LiveSuiteOptions, 'beforeEach'> {
  /** Runs after the engine is reset and before the tables are dropped (reset more switches, end what would block the drops). */
  readonly beforeEach?: (suite: StandinSuite) => void | Promise<void>;
}

/**
 * liveSuite on the stand-in alone, for suites about what only the stand-in can switch (edition,
 * faults): before each test the engine's faults are cleared and its edition is Developer, so no
 * test starts with another's switches.
 */
export function standinSuite(options: StandinSuiteOptions): StandinSuite {
  const live = liveSuite(standinTarget, {
    ...options,
    beforeEach: async () => {
      suite.engine.setFaults({});
      suite.engine.setEdition('developer');
      await options.beforeEach?.(suite);
    },
  });
  const suite: StandinSuite = {
    get target(): LiveTarget { return live.target; },
    get project(): TempProject { return live.project; },
    get engine(): StandinEngine {
      const standin = live.target.standin;
      if (standin === null) throw new Error('this suite runs on the stand-in only');
      return standin.engine;
    },
    db: live.db,
    snapshot: live.snapshot,
    planIsEmpty: live.planIsEmpty,
  };
  return suite;
}
