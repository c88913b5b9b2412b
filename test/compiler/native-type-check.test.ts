/**
 * The native type check (TypeScript 7 in a child process) and the in-process one (ts-morph's
 * TypeScript 5) report the same TypeScript errors: same codes, same files, lines and columns,
 * on fixtures with chained messages, an imported helper's error and text outside ASCII before an
 * error; a syntax error (which tsc reports alone) the same way; and nothing on clean schemas.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { compileSchema, compileSchemaAsync, compileSchemaStaged, startCompile } from '../../src/compiler';
import { runningTscChildren } from '../support/tsc-children';
import { nativeCompilerPath, startNativeTypeCheck, startNativeTypeCheckInThread } from '../../src/compiler/native-type-check';
import { apiEntry } from '../../src/compiler/schema-files';
import type { Diagnostic } from '../../src/model';

const fixtures = path.resolve(__dirname, '../fixtures');

/** Schema files with TypeScript errors, written to a temp folder (in the repository they would fail its own tsc). */
const TYPE_ERROR_FILES: Record<string, string> = {
  'field-types.schema.ts': `// TypeScript errors in decorators and fields: a decorator whose column type does not match the
// field (a chained message), an argument of the wrong type, and an initializer of the wrong type.
import { Column, Index, Table } from 'schemac';
import { limit } from './helpers';

@Table('orders')
@Index('ix_orders_code', ['code', 'nope'])
export class Order {
  @Column.int({ identity: [1, 1], primaryKey: true })
  id!: number;

  @Column.varchar(50)
  code!: number;

  @Column.varchar('fifty')
  label!: string;

  @Column.int({ default: limit })
  quantity: string = 5;
}
`,
  'helpers.ts': `// A plain module the schema imports: its own type error is reported too.
export const limit: number = 'ten';
`,
  'unicode.schema.ts': `// Text before the errors is outside ASCII (é, 日本, an emoji 😀), so columns count UTF-16 units.
import { Column, Table } from 'schemac';

@Table('notes')
export class Note {
  @Column.int({ identity: [1, 1], primaryKey: true }) id!: number;
  /* café 日本 😀 */ @Column.nvarchar(100) title!: boolean; /* 😀 */ @Column.bit() flag!: string;
}

const wrong: string = 42; /* é */ const alsoWrong: number = '😀';
`,
};

/** A file with a syntax error beside one with type errors: tsc would report only the syntax error, so this compile checks in-process. */
const SYNTAX_ERROR_FILES: Record<string, string> = {
  'syntax.schema.ts': `// A syntax error: a missing closing parenthesis.
import { Column, Table } from 'schemac';

@Table('broken')
export class Broken {
  @Column.int({ identity: [1, 1], primaryKey: true } id!: number;
}
`,
  'field-types.schema.ts': TYPE_ERROR_FILES['field-types.schema.ts']!,
  'helpers.ts': TYPE_ERROR_FILES['helpers.ts']!,
};

/** Writes files to a fresh temp folder. */
function folderWith(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schemac-type-errors-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

const repoRoot = path.resolve(__dirname, '../..');

/** The TypeScript diagnostics as "TSnnnn file:line:col", in reported order. */
function typeScriptErrors(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics
    .filter((d) => d.code === 'SC1000')
    .map((d) => `${/^TS\d+/.exec(d.message)?.[0] ?? d.message} ${path.basename(d.source?.file ?? '?')}:${d.source?.line}:${d.source?.column}`);
}

describe('native and in-process type checks', () => {
  let dir: string;
  let syntaxDir: string;
  beforeAll(() => {
    dir = folderWith(TYPE_ERROR_FILES);
    syntaxDir = folderWith(SYNTAX_ERROR_FILES);
  });
  afterAll(() => {
    for (const d of [dir, syntaxDir]) fs.rmSync(d, { recursive: true, force: true });
  });

  it('the native compiler is installed on this platform', () => {
    // typescript@7 ships binaries for these; elsewhere the in-process check is the fallback.
    const supported = ['linux', 'darwin', 'win32'].includes(process.platform) && ['x64', 'arm64'].includes(process.arch);
    if (supported && nativeCompilerPath() === null) {
      throw new Error(`@typescript/typescript-${process.platform}-${process.arch} is not installed: run npm install (package.json lists it as an optional dependency)`);
    }
  });

  it('report the same codes at the same positions on the type-error fixtures', () => {
    const inProcess = typeScriptErrors(compileSchema(dir, { typeChecker: 'in-process' }).diagnostics);
    // The native check itself, not a fallback: it ran and answered.
    const files = Object.keys(TYPE_ERROR_FILES).filter((f) => f.endsWith('.schema.ts')).map((f) => path.join(dir, f));
    const direct = startNativeTypeCheck(files, apiEntry())?.wait();
    expect(direct).not.toBeNull();
    const directErrors = (direct ?? []).map((d) => `TS${d.code} ${path.basename(d.file)}:${d.line}:${d.column}`);
    expect([...directErrors].sort()).toEqual([...inProcess].sort());
    // And through compileSchema, as the CLI runs it.
    expect(typeScriptErrors(compileSchema(dir, { typeChecker: 'native' }).diagnostics)).toEqual(inProcess);
    // Every fixture file contributes, so a check that reports nothing cannot pass.
    for (const file of Object.keys(TYPE_ERROR_FILES)) expect(inProcess.some((d) => d.includes(` ${file}:`))).toBe(true);
    expect(inProcess).toContain('TS2322 helpers.ts:2:14');
  });

  it('report a syntax error and the other files\' type errors alike', () => {
    const native = typeScriptErrors(compileSchema(syntaxDir, { typeChecker: 'native' }).diagnostics);
    expect(native).toEqual(typeScriptErrors(compileSchema(syntaxDir, { typeChecker: 'in-process' }).diagnostics));
    expect(native).toContain('TS1005 syntax.schema.ts:6:54');
    expect(native).toContain('TS2322 helpers.ts:2:14');
  });

  it('keep the chained message lines of an error', () => {
    const chained = (typeChecker: 'native' | 'in-process'): string | undefined =>
      compileSchema(dir, { typeChecker }).diagnostics.find((d) => d.message.startsWith('TS1240') && d.source?.line === 12)?.message;
    const native = chained('native');
    expect(native?.split('\n').length).toBeGreaterThan(1);
    expect(native?.split('\n').length).toBe(chained('in-process')?.split('\n').length);
  });

  it('give the same diagnostics, each once, when the files are checked in chunks', () => {
    // A second schema file imports helpers.ts too, so two chunks check it: its error is reported once.
    const chunkDir = folderWith({ ...TYPE_ERROR_FILES, 'more.schema.ts': "import { limit } from './helpers';\nexport const twice: string = limit;\n" });
    try {
      const files = fs.readdirSync(chunkDir).filter((f) => f.endsWith('.schema.ts')).map((f) => path.join(chunkDir, f));
      const render = (ds: readonly { file: string; line: number; column: number; code: number; message: string }[] | null | undefined): string[] =>
        (ds ?? []).map((d) => `TS${d.code} ${path.basename(d.file)}:${d.line}:${d.column} ${d.message}`).sort();
      const whole = render(startNativeTypeCheck(files, apiEntry())?.wait());
      const chunked = render(startNativeTypeCheck(files, apiEntry(), { chunkFiles: 1 })?.wait());
      expect(chunked).toEqual(whole);
      expect(whole.filter((d) => d.startsWith('TS2322 helpers.ts:2:14'))).toHaveLength(1);
      expect(whole.some((d) => d.startsWith('TS2322 more.schema.ts:2:14'))).toBe(true);
    } finally {
      fs.rmSync(chunkDir, { recursive: true, force: true });
    }
  });

  it('put files whose declarations are global in every chunk', () => {
    const globalDir = folderWith({
      'globals.schema.ts': '// A script (no import or export): what it declares is global.\ndeclare const MAX_NAME: number;\n',
      'uses.schema.ts': 'export const limit: number = MAX_NAME;\n',
    });
    try {
      const files = ['globals.schema.ts', 'uses.schema.ts'].map((f) => path.join(globalDir, f));
      // Without the script in the second chunk, its global is unknown there: the test can fail.
      expect(startNativeTypeCheck(files, apiEntry(), { chunkFiles: 1 })?.wait()?.map((d) => d.code)).toEqual([2304]);
      expect(startNativeTypeCheck(files, apiEntry(), { chunkFiles: 1, shared: [files[0]!] })?.wait()).toEqual([]);
    } finally {
      fs.rmSync(globalDir, { recursive: true, force: true });
    }
  });

  it('report the same through compileSchema when the schema is checked in chunks', () => {
    const whole = typeScriptErrors(compileSchema(dir, { typeChecker: 'native' }).diagnostics);
    expect(typeScriptErrors(compileSchema(dir, { typeChecker: 'native', typeCheckChunkFiles: 1 }).diagnostics)).toEqual(whole);
    // A script's globals reach the schema files of every chunk (the check restarts with it in each).
    const globalDir = folderWith({
      'globals.schema.ts': 'declare const MAX_NAME: number;\n',
      'a.schema.ts': 'export const a: number = MAX_NAME;\n',
      'b.schema.ts': 'export const b: number = MAX_NAME;\n',
    });
    try {
      const clean = compileSchema(globalDir, { typeChecker: 'native', typeCheckChunkFiles: 1 }).diagnostics;
      expect(typeScriptErrors(clean)).toEqual([]);
    } finally {
      fs.rmSync(globalDir, { recursive: true, force: true });
    }
  });

  it('report the same when the check runs from the compiling thread (compileSchemaAsync, as the CLI compiles)', async () => {
    for (const folder of [dir, syntaxDir]) {
      const inThread = await compileSchemaAsync(folder, { typeChecker: 'native' });
      expect(inThread.diagnostics).toEqual(compileSchema(folder, { typeChecker: 'native' }).diagnostics);
    }
    expect(typeScriptErrors((await compileSchemaAsync(dir)).diagnostics)).toEqual(typeScriptErrors(compileSchema(dir, { typeChecker: 'in-process' }).diagnostics));
    const files = Object.keys(TYPE_ERROR_FILES).filter((f) => f.endsWith('.schema.ts')).map((f) => path.join(dir, f));
    const direct = await startNativeTypeCheckInThread(files, apiEntry())?.result();
    expect(direct?.length).toBeGreaterThan(0);
  });

  it('a staged compile gives the model before the verdict, and the verdict adds only the type errors', async () => {
    const staged = compileSchemaStaged(startCompile(dir, { typeChecker: 'native' }));
    const whole = compileSchema(dir, { typeChecker: 'native' });
    // Before the verdict: every diagnostic but the type check's, and the model as it will be.
    expect(typeScriptErrors(staged.extracted.diagnostics)).toEqual([]);
    expect(staged.extracted.diagnostics).toEqual(whole.diagnostics.filter((d) => d.code !== 'SC1000'));
    const complete = await staged.complete();
    expect(complete.diagnostics).toEqual(whole.diagnostics);
    expect(typeScriptErrors(complete.diagnostics).length).toBeGreaterThan(0);
    expect(complete.database).toBe(staged.extracted.database);
    expect(complete.database).toEqual(whole.database);
  });

  it('a discarded check gives no verdict', () => {
    const files = Object.keys(TYPE_ERROR_FILES).filter((f) => f.endsWith('.schema.ts')).map((f) => path.join(dir, f));
    const check = startNativeTypeCheck(files, apiEntry(), { chunkFiles: 1 });
    expect(check).not.toBeNull();
    check?.discard();
    // Once discarded it has no verdict to give (the caller checks again if it needs one).
    expect(check?.wait()).toBeNull();
  });

  const sleep = (ms: number): void => void Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
  /** A folder of `count` small tables: tsc takes about two seconds over 3,000 of them. */
  const manyTables = (count: number): string => folderWith(Object.fromEntries(Array.from({ length: count }, (_, i) => [`t${i}.schema.ts`,
    `import { Column, Index, Table } from 'schemac';\n@Table('t${i}')\n@Index('ix_t${i}', ['code', 'name'])\nexport class T${i} {\n`
    + `  @Column.int({ identity: [1, 1], primaryKey: true }) id!: number;\n  @Column.varchar(50) code!: string;\n  @Column.nvarchar(200) name!: string;\n}\n`])));

  const starters = [['on a worker thread', startNativeTypeCheck], ['from this thread', startNativeTypeCheckInThread]] as const;
  (process.platform === 'linux' ? it.each(starters) : it.skip.each(starters))('a discarded check kills its running tsc at once (%s)', (_, start) => {
    // Enough files that tsc runs for about two seconds: discarded, it must be gone long before.
    const many = manyTables(3000);
    try {
      // One chunk of all of them (a discarded check starts no further chunks anyway).
      const check = start(fs.readdirSync(many).map((f) => path.join(many, f)), apiEntry(), { chunkFiles: 3000 });
      let pids: number[] = [];
      for (let i = 0; i < 200 && pids.length === 0; i++, sleep(10)) pids = runningTscChildren();
      expect(pids).toHaveLength(1);
      sleep(300); // past reading its configuration and files, into the check (about 2 s of work)
      check?.discard();
      for (let i = 0; i < 30 && runningTscChildren().length > 0; i++) sleep(10);
      expect(runningTscChildren()).toEqual([]);
    } finally {
      fs.rmSync(many, { recursive: true, force: true });
    }
  });

  (process.platform === 'linux' ? it : it.skip)('a compile that fails after starting its check leaves no tsc running', async () => {
    // A cache that fails on its second question: after the check has started (the first asks
    // whether to start it early), before the compile could wait for it.
    const many = manyTables(3000);
    try {
      let asked = 0;
      const failing = { has: () => { asked += 1; if (asked > 1) throw new Error('cache unreadable'); return false; }, remember: () => undefined };
      await expect(compileSchemaAsync(many, { typeCheckCache: failing, typeCheckChunkFiles: 3000 })).rejects.toThrow('cache unreadable');
      for (let i = 0; i < 30 && runningTscChildren().length > 0; i++) sleep(10);
      expect(runningTscChildren()).toEqual([]);
      asked = 0;
      expect(() => compileSchema(many, { typeCheckCache: failing, typeCheckChunkFiles: 3000 })).toThrow('cache unreadable');
      for (let i = 0; i < 30 && runningTscChildren().length > 0; i++) sleep(10);
      expect(runningTscChildren()).toEqual([]);
    } finally {
      fs.rmSync(many, { recursive: true, force: true });
    }
  });

  it('report nothing on clean schemas', () => {
    for (const dir of [path.join(fixtures, 'schemas', 'features'), path.join(repoRoot, 'schema')]) {
      expect(typeScriptErrors(compileSchema(dir, { typeChecker: 'native' }).diagnostics)).toEqual([]);
    }
  });
});
