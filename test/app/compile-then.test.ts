/**
 * compileThen (src/app/compile.ts): work on the model may start before TypeScript's verdict, but
 * nothing of it shows unless the schema compiles; without `overlap` it starts only after.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { compileThen } from '../../src/app/compile';
import { startProjectCompile } from '../../src/app/compile-start';
import type { AppContext } from '../../src/app/context';
import { startPlan, untilCompiled } from '../../src/app/plan';
import { loadProject } from '../../src/app/project';
import { itemsProject } from '../support/items-project';
import { runningTscChildren, tscChildrenAfter } from '../support/tsc-children';
import type { Diagnostic } from '../../src/model';

const workNote: Diagnostic = { code: 'SC3001', severity: 'warning', message: 'from the work' };

describe('compileThen', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
  const setUp = (codeType: 'string' | 'number') => {
    const cwd = itemsProject(codeType);
    dirs.push(cwd);
    const reported: Diagnostic[] = [];
    const ctx: AppContext = { cwd, env: {}, report: (ds) => { reported.push(...ds); } };
    return { ctx, reported, project: loadProject(cwd, {}) };
  };

  it('with overlap, starts the work on the model before the verdict, and shows its reports after the compile', async () => {
    const { ctx, reported, project } = setUp('string');
    let started = false;
    const result = await compileThen(ctx, project, startProjectCompile(project, true), async (desired, held) => {
      started = true;
      held.report([workNote]);
      return desired.tables.map((t) => t.name);
    }, { overlap: true });
    expect(started).toBe(true);
    expect(result).toEqual(['items']);
    // The compile's finding (the table is a heap) first, then what the work reported.
    expect(reported.map((d) => d.code)).toEqual(['heap-table', 'SC3001']);
  });

  it('with overlap and a type error: the work ran, but neither its reports nor its failure show', async () => {
    const { ctx, reported, project } = setUp('number');
    let started = false;
    const run = compileThen(ctx, project, startProjectCompile(project, true), async (_desired, held) => {
      started = true;
      held.report([workNote]);
      throw new Error('the work failed');
    }, { overlap: true });
    await expect(run).rejects.toThrow(/^schema has errors \(1 error/);
    expect(started).toBe(true);
    expect(reported.map((d) => d.code)).toEqual(['SC1000']);
  });

  it('without overlap and a type error, the work never starts', async () => {
    const { ctx, reported, project } = setUp('number');
    const work = jest.fn(async () => 'planned');
    await expect(compileThen(ctx, project, startProjectCompile(project, true), work, { overlap: false })).rejects.toThrow(/^schema has errors/);
    expect(work).not.toHaveBeenCalled();
    expect(reported.map((d) => d.code)).toEqual(['SC1000']);
  });
});

describe('a plan started before the compiler loads (plan.ts)', () => {
  (process.platform === 'linux' ? it : it.skip)('ends its type check when it fails before the compile takes the check over', async () => {
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'schemac-plan-start-'));
    try {
      // Enough tables that tsc is still running when the failure comes (about half a second of it).
      fs.mkdirSync(path.join(cwd, 'schema'));
      for (let i = 0; i < 300; i++) {
        fs.writeFileSync(path.join(cwd, 'schema', `t${i}.schema.ts`),
          `import { Column, Table } from 'schemac';\n@Table('t${i}')\nexport class T${i} {\n  @Column.int({ primaryKey: true }) id!: number;\n}\n`);
      }
      const ctx: AppContext = { cwd, env: {}, report: () => undefined };
      const started = startPlan(ctx, { allowDrop: false, typeCheck: true, empty: true });
      expect(started.compile.native).not.toBeNull();
      expect(runningTscChildren().length).toBe(1);
      await expect(untilCompiled(started, async () => { throw new Error('failed before compiling'); })).rejects.toThrow('failed before compiling');
      // Killed (SIGKILL), so gone within moments; a tsc left running would still be listed.
      expect(await tscChildrenAfter(5_000)).toEqual([]);
      // Once the compile has ended the check, ending it again does nothing.
      started.compile.discard();
    } finally {
      fs.rmSync(cwd, { recursive: true, force: true });
    }
  });
});
