/**
 * `migrate new` plans while TypeScript's check runs (app/migrate-new.ts). When the check's
 * verdict is a type error, the command answers with it as soon as it comes: the planning stops
 * between its steps instead of rendering a migration nobody will see, and nothing is written.
 *
 * The check is made to answer at once (a stand-in for a check that ends while a large schema is
 * still being planned), and the emitters count the scripts rendered.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Project } from '../../src/app/project';
import type * as CompileStartModule from '../../src/app/compile-start';
import type * as EmittersModule from '../../src/emitters';
import { itemsProject } from '../support/items-project';

const rendered: string[] = [];

jest.mock('../../src/emitters', () => {
  const actual = jest.requireActual<typeof EmittersModule>('../../src/emitters');
  return {
    ...actual,
    renderScript: (...args: Parameters<typeof actual.renderScript>) => {
      rendered.push(args[1].direction);
      return actual.renderScript(...args);
    },
  };
});

jest.mock('../../src/app/compile-start', () => {
  const actual = jest.requireActual<typeof CompileStartModule>('../../src/app/compile-start');
  const { startCompileWith } = jest.requireActual<typeof import('../../src/compiler/compile-start')>('../../src/compiler/compile-start');
  return {
    ...actual,
    // A native check whose verdict is ready at once: a type error on the items table's `code`.
    startProjectCompile: (project: Project, typeCheck: boolean) => startCompileWith(project.schemaDir, actual.compileOptionsOf(project, typeCheck), (files) => ({
      result: async () => [{ file: files[0], line: 9, column: 3, code: 2322, message: "Type 'number' is not assignable to type 'string'." }],
      discard: () => undefined,
    })),
  };
});

// Loaded after the mocks are in place.
import { migrateNew } from '../../src/app/migrate-new';

describe('migrate new with a type error', () => {
  let cwd = '';
  beforeEach(() => { cwd = itemsProject('number'); rendered.length = 0; });
  afterEach(() => fs.rmSync(cwd, { recursive: true, force: true }));

  it('answers with the type error without rendering the migration, and writes nothing', async () => {
    const reported: string[] = [];
    const ctx = { cwd, env: {}, report: (ds: readonly { code: string }[]) => { reported.push(...ds.map((d) => d.code)); } };
    const run = migrateNew(ctx, { name: 'init', allowDrop: false, allowDataLoss: false, emptyFile: false, typeCheck: true });
    await expect(run).rejects.toThrow(/^schema has errors \(1 error/);
    expect(reported).toContain('SC1000');
    expect(rendered).toEqual([]);
    expect(fs.existsSync(path.join(cwd, 'migrations'))).toBe(false);
  });
});
