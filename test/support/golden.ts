/**
 * Golden files: test/fixtures/golden/<name>. A missing or different file fails the test; run
 * with UPDATE_GOLDEN=1 to (re)write them, then review the diff line by line before committing.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import { dirname, join } from 'path';

const GOLDEN_DIR = join(__dirname, '..', 'fixtures', 'golden');

/** Asserts `actual` equals the golden file `name` (or writes it under UPDATE_GOLDEN=1). */
export function expectGolden(name: string, actual: string): void {
  const path = join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path)) throw new Error(`golden file ${name} is missing; run with UPDATE_GOLDEN=1 and review it`);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}
