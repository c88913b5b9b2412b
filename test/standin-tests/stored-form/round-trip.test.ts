/**
 * Hundreds of generated conditions (seeded, so a failure reproduces): storing the stored text
 * again must change nothing, and the stored text must mean what the written text meant; the
 * second check catches a printer that drops a parenthesis the meaning depends on.
 */
import { storedForm } from '../../standin/engine/stored-form';
import { parseExpression } from '../../standin/engine/stored-form/parser';
import { COLUMNS, ConditionWriter, Random, truth } from './random-expressions';

const SEEDS = 400;
const VALUES = [null, -2, -1, 0, 1, 2, 3];

function generated(seed: number): string {
  return new ConditionWriter(new Random(seed)).condition(4);
}

describe('generated conditions', () => {
  it('are stored as a fixed point: storing the stored text returns it unchanged', () => {
    const moved: { seed: number; written: string; stored: string; again: string }[] = [];
    for (let seed = 1; seed <= SEEDS; seed++) {
      const written = generated(seed);
      const stored = storedForm('check', written);
      const again = storedForm('check', stored);
      if (again !== stored) moved.push({ seed, written, stored, again });
    }
    expect(moved).toEqual([]);
  });

  it('mean the same before and after storing, row by row', () => {
    const changed: { seed: number; written: string; row: object; before: unknown; after: unknown }[] = [];
    for (let seed = 1; seed <= SEEDS; seed++) {
      const written = generated(seed);
      const before = parseExpression(written).root;
      const after = parseExpression(storedForm('check', written)).root;
      const random = new Random(seed * 7919);
      for (let i = 0; i < 12; i++) {
        const row = Object.fromEntries(COLUMNS.map((c) => [c, random.pick(VALUES)]));
        const [b, a] = [truth(before, row), truth(after, row)];
        if (a !== b) changed.push({ seed, written, row, before: b, after: a });
      }
    }
    expect(changed).toEqual([]);
  });

  it('leave no layout behind: no line breaks, tabs or doubled spaces outside CASE', () => {
    for (let seed = 1; seed <= SEEDS; seed++) {
      const stored = storedForm('check', generated(seed));
      expect(stored).not.toMatch(/[\n\t]/);
      // The one doubled space SQL Server prints is before `end` of a CASE with no ELSE.
      expect(stored.replace(/  end/g, ' end')).not.toMatch(/ {2}/);
    }
  });

  it('generate every construct the printer handles', () => {
    const all = Array.from({ length: SEEDS }, (_, i) => storedForm('check', generated(i + 1))).join('\n');
    for (const piece of [' OR (', ' AND (', 'NOT (', 'NOT [', ' IS NOT NULL', 'case when', 'case [', '  end', 'coalesce(', 'isnull(', '(-[', '<>', '>=', '<=', '))-(']) {
      expect(all).toContain(piece);
    }
  });
});
