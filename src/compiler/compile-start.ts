/**
 * A compile's first step: find and read the schema files and start TypeScript's native check on
 * them. It is a module of its own, light to load (no parser, no extraction code), so that a
 * command can start the check before it loads the compiler and everything else it needs: the
 * check (a child process) then runs while those load. compile.ts takes it from there.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { CompileOptions, TypeCheckCache } from './compile-options';
import { chunksOf, nativeCompilerPath, startNativeTypeCheck, startNativeTypeCheckInThread, type IncrementalState, type NativeCheckOptions, type NativeTypeCheck } from './native-type-check';
import { apiEntry, findSchemaFiles } from './schema-files';
import { compareText as cmp } from '../util/compare';

/** How a compile starts its native check (on a worker thread, or from the compiling thread). */
export type StartNativeCheck<Check extends NativeTypeCheck> = (files: readonly string[], apiEntry: string, options: NativeCheckOptions) => Check | null;

/** A started compile: its files, their texts, and the native check running on them. */
export interface CompileStart<Check extends NativeTypeCheck = NativeTypeCheck> {
  readonly dir: string;
  readonly options: CompileOptions;
  /** The schema files, sorted. */
  readonly paths: readonly string[];
  /** Their texts; undefined without a type check, or when one cannot be read (parsing will say why). */
  readonly texts: ReadonlyMap<string, string> | undefined;
  /** The type-check cache, when the compile type-checks and has one. */
  readonly cache: TypeCheckCache | undefined;
  /** schemaFilesKey of the texts, when a type-check cache is given. */
  readonly earlyKey: string | null;
  /** Whether the compile wants the native compiler's check (it type-checks, natively, some files). */
  readonly nativeWanted: boolean;
  /** More files than one native check takes: checked in chunks, in `checkFiles` order. */
  readonly chunked: boolean;
  readonly checkFiles: readonly string[];
  /** The check started on them: null when none is wanted, an earlier run found these files clean, or there is no native compiler. */
  readonly native: Check | null;
  /** How a check is started (again, when the compile finds it must). */
  readonly startNative: StartNativeCheck<Check>;
  /** Ends the check if it still runs: for a caller that stops before it compiles. */
  discard(): void;
}

/**
 * Finds and reads the schema files under `dir` and starts the native check, for a compile that
 * awaits it (compileSchemaStaged): one chunk from this thread's event loop (no worker thread to
 * start), a chunked schema's on a worker thread, whose event loop starts the next chunk while
 * this thread extracts.
 */
export function startCompile(dir: string, options: CompileOptions = {}): CompileStart {
  return startCompileWith(dir, options, (files, api, opts) =>
    (chunksOf(files, opts.chunkFiles).length > 1 ? startNativeTypeCheck : startNativeTypeCheckInThread)(files, api, opts));
}

/**
 * Finds and reads the schema files under `dir` and starts the native check with `startNative`,
 * unless the compile wants none or an earlier clean run remembered these very files (the full
 * key, which covers imported files too, still decides once the compile has parsed them).
 */
export function startCompileWith<Check extends NativeTypeCheck>(dir: string, options: CompileOptions, startNative: StartNativeCheck<Check>): CompileStart<Check> {
  const paths = findSchemaFiles(dir);
  const typeCheck = options.typeCheck !== false;
  const cache = typeCheck ? options.typeCheckCache : undefined;
  const nativeWanted = typeCheck && options.typeChecker !== 'in-process' && paths.length > 0;
  const texts = typeCheck ? readTexts(paths) : undefined;
  const earlyKey = cache !== undefined && texts !== undefined ? schemaFilesKey(texts) : null;
  const chunked = chunksOf(paths, options.typeCheckChunkFiles).length > 1;
  // A large schema is checked in chunks, its files in an order that keeps what imports what
  // together. Loaded only then: the order is read from the texts by the parser's module.
  const checkFiles = texts !== undefined && chunked
    ? (require('./check-order') as typeof import('./check-order')).checkOrder(texts) : paths;
  const native = nativeWanted && !(earlyKey !== null && cache?.has(earlyKey))
    ? startNative(checkFiles, apiEntry(), { chunkFiles: options.typeCheckChunkFiles, incremental: incrementalStateOf(dir, cache) }) : null;
  return { dir, options, paths, texts, cache, earlyKey, nativeWanted, chunked, checkFiles, native, startNative, discard: () => native?.discard() };
}

/**
 * Where the native check of the schema under `dir` keeps TypeScript's incremental state: the
 * cache's folder, under a name of the schema folder's own. None without a cache that has one.
 */
export function incrementalStateOf(dir: string, cache: TypeCheckCache | undefined): IncrementalState | undefined {
  const folder = cache?.incrementalFolder;
  if (folder === undefined) return undefined;
  return { folder, name: `check-${createHash('sha256').update(path.resolve(dir)).digest('hex').slice(0, 16)}` };
}

/** The text of each schema file, or none when one cannot be read (parsing will say why). */
function readTexts(paths: readonly string[]): Map<string, string> | undefined {
  const texts = new Map<string, string>();
  try {
    for (const p of paths) texts.set(p, fs.readFileSync(p, 'utf8'));
  } catch {
    return undefined;
  }
  return texts;
}

/**
 * A hash over the schema files alone, known before anything is parsed. It only decides whether
 * the native check starts before parsing: when an earlier clean run remembered it, the full key
 * (compile.ts, which covers imported files and TypeScript's version too) will most likely
 * match, so the check is not started speculatively. Whether the check runs is always decided by
 * the full key; so this one leaves out the in-process TypeScript's version, which only its
 * module (the parser) knows.
 */
function schemaFilesKey(texts: ReadonlyMap<string, string>): string {
  return hashOfCheckInputs(['schema files'], [...texts]);
}

let apiSources: readonly [string, string][] | undefined;

/** The schemac API's files and texts, read once per process (both keys of a compile cover them). */
function apiFiles(): readonly [string, string][] {
  if (apiSources === undefined) {
    const apiDir = path.dirname(apiEntry());
    apiSources = fs.readdirSync(apiDir).filter((f) => f.endsWith('.ts')).sort()
      .map((f): [string, string] => [path.join(apiDir, f), fs.readFileSync(path.join(apiDir, f), 'utf8')]);
  }
  return apiSources;
}

/** A hash of a check's inputs: `header` lines (what the key is of, compiler versions), the native compiler, `sources` and the API's files. */
export function hashOfCheckInputs(header: readonly string[], sources: [string, string][]): string {
  const hash = createHash('sha256').update(`${header.join('\n')}\nnative ${nativeCompilerPath() ?? 'none'}\n`);
  const files: [string, string][] = [...sources, ...apiFiles()];
  for (const [name, text] of files.sort((a, b) => cmp(a[0], b[0]))) hash.update(`${name}\n${text.length}\n`).update(text);
  return hash.digest('hex');
}
