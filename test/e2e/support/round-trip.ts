/**
 * The round trips the option and placement suites run after each schema edit: apply and plan
 * nothing, the DOWN script back to exactly before, apply again; and pull to a fresh project that
 * plans nothing against the same database.
 */
import type { ComparableCatalog } from './catalog-compare';
import { expectExit, shown, tempProject } from './project';
import { runLikeSqlcmd } from './sqlcmd';
import { expectCleanRun } from '../lifecycle-suite';
import type { LiveSuite } from './live-suite';

const FAST = ['--no-type-check'];

/** Applies the edited schema, checks the plan is empty, runs DOWN back to before, applies again. */
export async function applyDownApply(suite: LiveSuite): Promise<{ after: ComparableCatalog; up: string }> {
  const run = (...args: string[]) => suite.project.run([...args, ...suite.db(), ...FAST]);
  const before = await suite.snapshot();
  const down = await run('emit-sql', '--down');
  expectExit(down, 0);
  const up = await run('emit-sql');
  expectExit(await run('apply', '--auto-approve'), 0);
  await suite.planIsEmpty();
  const after = await suite.snapshot();
  expect(after).not.toEqual(before);
  expectCleanRun(await runLikeSqlcmd(suite.target.url, down.stdout));
  expect(await suite.snapshot()).toEqual(before);
  expectExit(await run('apply', '--auto-approve'), 0);
  expect(await suite.snapshot()).toEqual(after);
  return { after, up: up.stdout };
}

/** Pulls the database into a fresh project, hands `check` the named file's text, and fails unless it plans nothing. */
export async function pullPlansNothing(suite: LiveSuite, file: string, check: (text: string) => void): Promise<void> {
  const pulled = tempProject(false);
  try {
    expectExit(await pulled.run(['pull', ...suite.db(), '--out', 'schema']), 0);
    check(pulled.read(file));
    const plan = await pulled.run(['plan', ...suite.db(), '--detailed-exitcode', ...FAST]);
    if (plan.code !== 0) throw new Error(`plan after pull is not empty: ${shown(plan)}`);
  } finally {
    pulled.remove();
  }
}
