/**
 * The files pull writes for brownfield.json, compared with reviewed golden copies in
 * test/pull/golden/ (named *.golden so tsc does not type-check them as part of the project).
 * A missing or different file fails; UPDATE_GOLDEN=1 rewrites them, then review the diff.
 */
import * as fs from 'fs';
import * as path from 'path';
import { pullSchema } from '../../src/emitters/typescript';
import { brownfieldSnapshot, modelOf } from './support';

const goldenDir = path.join(__dirname, 'golden');

describe('pull of brownfield.json', () => {
  const { files } = pullSchema(modelOf(brownfieldSnapshot()));

  // No mixin: the columns the two tables share do not lead either (id differs), and a mixin's
  // columns come first in its tables, so extracting them would reorder each table's columns.
  test('writes one file per table, and nothing else', () => {
    const expected = fs.readdirSync(goldenDir).filter((f) => f.endsWith('.golden')).map((f) => f.slice(0, -'.golden'.length)).sort();
    if (process.env.UPDATE_GOLDEN === '1') return;
    expect(files.map((f) => f.path)).toEqual(expected);
  });

  test.each(['tenants.schema.ts', 'users.schema.ts'])('%s matches its golden copy', (name) => {
    const file = files.find((f) => f.path === name);
    expect(file).toBeDefined();
    const golden = path.join(goldenDir, `${name}.golden`);
    if (process.env.UPDATE_GOLDEN === '1') {
      fs.writeFileSync(golden, file?.text ?? '');
      return;
    }
    expect(file?.text).toBe(fs.readFileSync(golden, 'utf8'));
  });

  test('is deterministic: a second pull of the same model writes the same bytes', () => {
    expect(pullSchema(modelOf(brownfieldSnapshot())).files).toEqual(files);
  });
});
