/** One schema change over the wire, there and back: what suites that flip an option run per step. */
import type { ComparableCatalog } from './catalog-compare';
import type { LiveSuite } from './live-suite';
import { expectExit } from './project';
import { runLikeSqlcmd } from './sqlcmd';
import { expectCleanRun } from '../lifecycle-suite';

const FAST = ['--no-type-check'];

/** The catalogs around a change and the scripts that made and undid it. */
export interface MigratedAndBack {
  readonly before: ComparableCatalog;
  readonly after: ComparableCatalog;
  readonly up: string;
  readonly down: string;
}

/**
 * Applies the project's current schema, expects an empty plan after, runs the DOWN script (made
 * before the apply) as sqlcmd would and expects the catalog as before, then applies again and
 * expects the catalog as after.
 */
export async function migrateAndBack(suite: LiveSuite): Promise<MigratedAndBack> {
  const before = await suite.snapshot();
  const down = await suite.project.run(['emit-sql', '--down', ...suite.db(), ...FAST]);
  expectExit(down, 0);
  const up = await suite.project.run(['emit-sql', ...suite.db(), ...FAST]);
  expectExit(await suite.project.run(['apply', ...suite.db(), '--auto-approve', ...FAST]), 0);
  await suite.planIsEmpty();
  const after = await suite.snapshot();
  expect(after).not.toEqual(before);
  expectCleanRun(await runLikeSqlcmd(suite.target.url, down.stdout));
  expect(await suite.snapshot()).toEqual(before);
  expectExit(await suite.project.run(['apply', ...suite.db(), '--auto-approve', ...FAST]), 0);
  expect(await suite.snapshot()).toEqual(after);
  return { before, after, up: up.stdout, down: down.stdout };
}
