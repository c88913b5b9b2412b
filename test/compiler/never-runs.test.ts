/**
 * design.md: the compiler reads schema files with the TypeScript checker and never executes
 * them. A schema file with top-level side effects (it writes a file, sets a global, throws, or
 * would end the process) must leave no trace when it is compiled, checked or planned.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { compileSchema } from '../../src/compiler';
import { schemac } from '../cli/run-cli';

const GLOBAL_FLAG = '__schemacSchemaFileRan';

/** A valid schema file whose every top-level statement, static initializer and decorator argument has a side effect. */
function hostileSchema(marker: string): string {
  // Node's types are not in a schema project's scope: the file declares what it uses, so it type checks clean.
  return `import { Column, Table } from 'schemac';

declare function require(name: 'fs'): { writeFileSync(file: string, text: string): void; appendFileSync(file: string, text: string): void; existsSync(file: string): boolean };
declare const process: { exit(code: number): never };

require('fs').writeFileSync(${JSON.stringify(marker)}, 'the schema file ran at import');
(globalThis as Record<string, unknown>)[${JSON.stringify(GLOBAL_FLAG)}] = true;
if (require('fs').existsSync(${JSON.stringify(marker)})) process.exit(42);
throw new Error('a schema file must never run');

@Table('widgets')
export class Widget {
  static readonly touched = require('fs').appendFileSync(${JSON.stringify(marker)}, 'static initializer ran');

  @Column.int({ primaryKey: { name: 'pk_widgets', clustered: true } })
  id!: number;
}
`;
}

describe('a schema file with top-level side effects', () => {
  let dir: string;
  let marker: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schemac-never-runs-'));
    marker = path.join(dir, 'ran.txt');
    fs.mkdirSync(path.join(dir, 'schema'));
    fs.writeFileSync(path.join(dir, 'schema', 'widgets.schema.ts'), hostileSchema(marker));
    delete (globalThis as Record<string, unknown>)[GLOBAL_FLAG];
  });

  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is compiled, type check included, without running: no file written, no global set, no throw', () => {
    const result = compileSchema(path.join(dir, 'schema'), { typeCheck: true });
    // The compile read the file (it found the table), so "no trace" is not "never looked at".
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.database.tables.map((t) => t.name)).toEqual(['widgets']);
    expect(fs.existsSync(marker)).toBe(false);
    expect((globalThis as Record<string, unknown>)[GLOBAL_FLAG]).toBeUndefined();
  });

  it('is checked and planned by the CLI without running', async () => {
    const check = await schemac(['check'], { cwd: dir });
    const plan = await schemac(['plan', '--empty'], { cwd: dir });
    expect([check.code, plan.code]).toEqual([0, 0]);
    expect(plan.stdout).toContain('widgets');
    expect(fs.existsSync(marker)).toBe(false);
    expect((globalThis as Record<string, unknown>)[GLOBAL_FLAG]).toBeUndefined();
  });
});
