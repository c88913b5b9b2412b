/**
 * The setup every over-the-wire suite repeats: start its target (the stand-in, or a real server),
 * make a temp project, drop the suite's tables (and schemac's history) before each test, and
 * clean up after. Call it inside a `describe`; it registers the hooks and gives accessors that
 * are valid once the suite runs.
 */
import { comparable, snapshotOf, type ComparableCatalog } from './catalog-compare';
import { expectExit, shown, tempProject, type TempProject } from './project';
import { execAll } from './sqlcmd';
import type { LiveTarget, TargetSpec } from '../real-server';

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
