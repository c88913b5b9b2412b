/**
 * Other tools' SQL Server test corpora and public sample databases (test/fixtures/corpus/cases.ts)
 * over the wire, against one stand-in: for every case, pull then plan finds nothing to do; for a
 * pair, the plan from `current` to `desired` runs as sqlcmd runs it and a plan made after it is
 * empty. Cases run in one test so the stand-in starts once; the failures are listed together.
 */
import * as fs from 'fs';
import { CORPUS } from '../fixtures/corpus/cases';
import { runCase, scratchDir, startCorpusStandin } from './harness';

test('corpus cases pull, plan and migrate to an empty plan', async () => {
  const { pool, stop } = await startCorpusStandin();
  const scratch = scratchDir();
  try {
    const failures: string[] = [];
    for (const [index, c] of CORPUS.entries()) {
      if (c.pending !== undefined) continue;
      const outcome = await runCase(c, index, pool, scratch);
      if (outcome.failure !== null) failures.push(`${c.name} (${c.source}): ${outcome.failure}`);
    }
    expect(failures).toEqual([]);
  } finally {
    await stop();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}, 120_000);

test('every case names its source, and a pending one says why', () => {
  expect(CORPUS.filter((c) => !/^[\w.-]+\/[\w.-]+ \S/.test(c.source)).map((c) => c.name)).toEqual([]);
  expect(new Set(CORPUS.map((c) => c.name)).size).toBe(CORPUS.length);
  expect(CORPUS.filter((c) => c.current === undefined && c.desired === undefined && c.pending === undefined).map((c) => c.name)).toEqual([]);
});
