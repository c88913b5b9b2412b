/**
 * The native check keeps TypeScript's incremental state (tsbuildinfo) in the type-check cache's
 * folder, so that after an edit tsc checks again only what the edit can affect. Its verdict must
 * be exactly a full check's, whatever the state holds: an error in a file the edit did not
 * touch, a state from other files, a corrupt state.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { compileSchema, type CompileResult, type TypeCheckCache } from '../../src/compiler';
import { nativeCompilerPath, startNativeTypeCheck } from '../../src/compiler/native-type-check';
import { incrementalStateOf } from '../../src/compiler/compile-start';
import { apiEntry } from '../../src/compiler/schema-files';

/** A cache that remembers no verdict (every run checks), with an incremental folder. */
function incrementalOnly(folder: string): TypeCheckCache {
  return { incrementalFolder: folder, has: () => false, remember: () => undefined };
}

const typeErrors = (result: CompileResult): string[] =>
  result.diagnostics.filter((d) => d.code === 'SC1000').map((d) => `${path.basename(d.source?.file ?? '')}:${d.source?.line}:${d.source?.column} ${d.message}`);

const edit = (file: string, from: string, to: string): void => {
  const text = fs.readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${path.basename(file)} has no ${JSON.stringify(from)}`);
  fs.writeFileSync(file, text.replace(from, to));
};

const native = nativeCompilerPath() !== null;

(native ? describe : describe.skip)('the native check\'s incremental state', () => {
  let root: string;
  let dir: string;
  let folder: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'schemac-incremental-'));
    dir = path.join(root, 'schema');
    folder = path.join(root, 'state');
    fs.cpSync(path.resolve(__dirname, '../../schema'), dir, { recursive: true });
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  /** The incremental run's type errors, and a full check's of the same files (no state). */
  const both = (): { incremental: string[]; full: string[] } => ({
    incremental: typeErrors(compileSchema(dir, { typeCheckCache: incrementalOnly(folder) })),
    full: typeErrors(compileSchema(dir)),
  });

  it('keeps one state per schema folder, and no working copy', () => {
    compileSchema(dir, { typeCheckCache: incrementalOnly(folder) });
    const name = incrementalStateOf(dir, incrementalOnly(folder))?.name;
    expect(fs.readdirSync(folder)).toEqual([`${name}-0.tsbuildinfo`]);
  });

  it('gives a full check\'s verdict through a series of edits', () => {
    expect(both()).toEqual({ incremental: [], full: [] });
    const users = path.join(dir, 'users.schema.ts');
    edit(users, '  email!: string;', '  email!: number;');
    const broken = both();
    expect(broken.incremental).toHaveLength(1);
    expect(broken.incremental).toEqual(broken.full);
    // Another file changes; the error stays in the file the edit did not touch.
    edit(path.join(dir, 'tenants.schema.ts'), '  name!: string;', '  name!: string;\n\n  @Column.int({ nullable: true })\n  seats!: number | null;');
    const still = both();
    expect(still.incremental).toHaveLength(1);
    expect(still.incremental).toEqual(still.full);
    edit(users, '  email!: number;', '  email!: string;');
    expect(both()).toEqual({ incremental: [], full: [] });
  });

  it('keeps a state per chunk of a chunked check, with a full check\'s verdict', () => {
    const chunked = { typeCheckCache: incrementalOnly(folder), typeCheckChunkFiles: 2 };
    expect(typeErrors(compileSchema(dir, chunked))).toEqual([]);
    const name = incrementalStateOf(dir, incrementalOnly(folder))?.name;
    expect(fs.readdirSync(folder).sort()).toEqual([`${name}-0.tsbuildinfo`, `${name}-1.tsbuildinfo`]);
    edit(path.join(dir, 'users.schema.ts'), '  email!: string;', '  email!: number;');
    const incremental = typeErrors(compileSchema(dir, chunked));
    expect(incremental).toHaveLength(1);
    expect(incremental).toEqual(typeErrors(compileSchema(dir)));
  });

  it('removes working copies that killed runs left long ago, not those of runs still going', () => {
    const name = incrementalStateOf(dir, incrementalOnly(folder))?.name;
    fs.mkdirSync(folder, { recursive: true });
    const stale = path.join(folder, `${name}-0.123-abc.tsbuildinfo`);
    const running = path.join(folder, `${name}-0.456-def.tsbuildinfo`);
    for (const file of [stale, running]) fs.writeFileSync(file, '{}');
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    fs.utimesSync(stale, twoHoursAgo, twoHoursAgo);
    compileSchema(dir, { typeCheckCache: incrementalOnly(folder) });
    expect(fs.readdirSync(folder).sort()).toEqual([`${name}-0.456-def.tsbuildinfo`, `${name}-0.tsbuildinfo`]);
  });

  it('gives a full check\'s verdict from a corrupt state', () => {
    compileSchema(dir, { typeCheckCache: incrementalOnly(folder) });
    const [kept] = fs.readdirSync(folder);
    fs.writeFileSync(path.join(folder, kept!), '{"version":');
    edit(path.join(dir, 'users.schema.ts'), '  email!: string;', '  email!: number;');
    const run = both();
    expect(run.incremental).toHaveLength(1);
    expect(run.incremental).toEqual(run.full);
  });

  it('a discarded check leaves the kept state as it was', () => {
    compileSchema(dir, { typeCheckCache: incrementalOnly(folder) });
    const [kept] = fs.readdirSync(folder);
    const before = fs.readFileSync(path.join(folder, kept!));
    edit(path.join(dir, 'users.schema.ts'), '  email!: string;', '  email!: number;');
    const files = fs.readdirSync(dir).map((f) => path.join(dir, f));
    const check = startNativeTypeCheck(files, apiEntry(), { incremental: incrementalStateOf(dir, incrementalOnly(folder)) });
    expect(check).not.toBeNull();
    check?.discard();
    expect(fs.readdirSync(folder)).toEqual([kept]);
    expect(fs.readFileSync(path.join(folder, kept!))).toEqual(before);
  });
});
