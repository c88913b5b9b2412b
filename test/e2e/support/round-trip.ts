/**
 * The pull round trip of the option and placement suites: pull the database to a fresh project
 * that plans nothing against it (their apply / down / apply round is migrate-and-back.ts).
 */
import { expectExit, shown, tempProject } from './project';
import type { LiveSuite } from './live-suite';

const FAST = ['--no-type-check'];

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
