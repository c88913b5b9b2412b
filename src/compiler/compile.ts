/**
 * compileSchema: schema/*.schema.ts to a Database model plus diagnostics. The files are parsed
 * once and read from their syntax, never executed; TypeScript's full check runs beside that
 * (native compiler in a child process, else in-process); every problem of a run is reported.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import ts = require('./typescript');
import type { Database, Diagnostic } from '../model';
import { AliasTypes } from './alias-types';
import { classChain, buildTable } from './build-table';
import { checkCascadePaths } from './cascade-paths';
import { Codes } from './codes';
import { withDescriptions } from './descriptions';
import { DeclarationResolver } from './declarations';
import { DiagnosticBag } from './diagnostics';
import { resolveForeignKeys } from './foreign-keys';
import { DEFAULT_COLLATION, MAX_IDENTIFIER_LENGTH, nameKeyFor, type NameKey } from '../sqlserver/names';
import { Namer, unknownTemplatePlaceholders, type NamingKind, type NamingTemplates } from './names';
import { checkSequenceReferences } from './sequence-references';
import { collectSequences, type SequenceResolver } from './sequences';
import { chunksOf, nativeCompilerPath, startNativeTypeCheck, startNativeTypeCheckInThread, type NativeCheckOptions, type NativeDiagnostic, type NativeTypeCheck } from './native-type-check';
import { apiEntry, findSchemaFiles } from './schema-files';
import { buildSourceGraph, declaresBeyondItself, syntaxErrorsOf, type SourceGraph } from './source-graph';
import { ClassReader, type ClassInfo } from './read-classes';
import { displayPath, refAt, refOf } from './source-ref';
import { checkOrder } from './check-order';
import { checkClustered, checkKeyWidths, checkNameLengths, namedEntries, reportCollisions, type NameEntry } from './table-checks';
import { finishTable, type TableDraft } from './table-draft';
import { checkTemporal, readVersioning } from './temporal';

/** What a compile run produces (src/model has no such type yet, so it lives here). */
export interface CompileResult {
  readonly database: Database;
  readonly diagnostics: Diagnostic[];
}

/** Options of a compile run. */
export interface CompileOptions {
  /** Schema of tables that do not name one; 'dbo' by default. */
  readonly defaultSchema?: string;
  /** Database collation the model carries; SQL_Latin1_General_CP1_CI_AS by default. */
  readonly collation?: string;
  /**
   * Run the full TypeScript check of the schema files (SC1000 diagnostics); true by default.
   * It is most of the compile time on large schemas, so callers that already ran tsc (CI, an
   * editor) may turn it off; everything schemac itself checks is still checked.
   */
  readonly typeCheck?: boolean;
  /**
   * Project templates (schemac.config.json "naming") for the names the schema does not write;
   * placeholders {schema}, {table}, {columns}. `ix` has no effect: index names are always written.
   */
  readonly naming?: NamingTemplates;
  /**
   * Remembers inputs that type-checked clean, so an unchanged schema skips TypeScript's check
   * (the slow part) on the next run. The key covers every input of the check: the text of each
   * non-library source file of the program (schema files, what they import, the schemac API)
   * and the TypeScript version.
   */
  readonly typeCheckCache?: TypeCheckCache;
  /**
   * Who runs the full check: 'native' (the default) is TypeScript 7's compiler in a child
   * process, beside extraction, falling back to 'in-process' (the TypeScript bundled with ts-morph) when its
   * binary is not installed for this platform. Both report the same codes at the same positions.
   */
  readonly typeChecker?: 'native' | 'in-process';
  /** Schema files per native check of a large schema (native-type-check.ts chooses by default). */
  readonly typeCheckChunkFiles?: number;
  /**
   * Sequences the database has that the schema does not declare (schemac.config.json
   * "externalSequences": `schema.name`, or `name` in the default schema), so a sql`NEXT VALUE
   * FOR ...` default may name them.
   */
  readonly externalSequences?: readonly string[];
  /**
   * Read doc comments as descriptions (MS_Description); true by default. Off for projects whose
   * descriptions are maintained elsewhere (config "descriptions": "ignore").
   */
  readonly descriptions?: boolean;
}

/** Where clean type-check results are remembered between runs (a file, in the CLI). */
export interface TypeCheckCache {
  has(key: string): boolean;
  remember(key: string): void;
}


/**
 * A hash of everything TypeScript's check reads, library files aside: the text of every parsed
 * file (the schema files and what they import by path), of the schemac API's files, and the
 * versions of both TypeScripts (a native check and an in-process one must agree on "clean").
 */
function typeCheckKey(graph: SourceGraph): string {
  return hashOfCheckInputs('program', [...graph.byPath.values()].map((sf): [string, string] => [sf.fileName, sf.text]));
}

/**
 * The same hash over the schema files alone, known before anything is parsed. It only decides
 * whether the native check starts before parsing: when an earlier clean run remembered it, the
 * full key (typeCheckKey, which covers imported files too) will most likely match, so the check
 * is not started speculatively. Whether the check runs is always decided by the full key.
 */
function schemaFilesKey(texts: ReadonlyMap<string, string>): string {
  return hashOfCheckInputs('schema files', [...texts]);
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

function hashOfCheckInputs(label: string, sources: [string, string][]): string {
  const hash = createHash('sha256').update(`${label}\ntypescript ${ts.version}\nnative ${nativeCompilerPath() ?? 'none'}\n`);
  const files: [string, string][] = [...sources, ...apiFiles()];
  for (const [name, text] of files.sort((a, b) => cmp(a[0], b[0]))) hash.update(`${name}\n${text.length}\n`).update(text);
  return hash.digest('hex');
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

/** Compiles every *.schema.ts under `dir`; a native check runs on a worker thread, waited for synchronously. */
export function compileSchema(dir: string, options: CompileOptions = {}): CompileResult {
  const compile = beginGuarded(dir, options, startNativeTypeCheck);
  return compile.finish(compile.native?.wait());
}

/**
 * Compiles every *.schema.ts under `dir`, as compileSchema. A native check of one chunk runs
 * from this thread's event loop (no worker thread to start) and is awaited.
 */
export async function compileSchemaAsync(dir: string, options: CompileOptions = {}): Promise<CompileResult> {
  return compileSchemaStaged(dir, options).complete();
}

/** A compile whose model is built while TypeScript's native check may still be running. */
export interface StagedCompile {
  /**
   * The model, with every diagnostic but the type check's verdict: schemac's own findings and
   * TypeScript's syntax errors. Work that only reads it can start at once; the model does not
   * change with the verdict, only whether it may be used.
   */
  readonly extracted: CompileResult;
  /** The whole result, once the check has ended: `extracted` with the check's type errors. Call it (once) in every case: it also ends the check. */
  complete(): Promise<CompileResult>;
}

/**
 * Compiles every *.schema.ts under `dir`, as compileSchemaAsync, returning as soon as the model
 * is built: the native check (a child process) goes on meanwhile, and `complete` waits for it.
 */
export function compileSchemaStaged(dir: string, options: CompileOptions = {}): StagedCompile {
  const compile = beginGuarded(dir, options, (files, api, opts) =>
    (chunksOf(files, opts.chunkFiles).length > 1 ? startNativeTypeCheck : startNativeTypeCheckInThread)(files, api, opts));
  return {
    extracted: compile.extracted,
    complete: async () => compile.finish(compile.native === null ? undefined : await compile.native.result()),
  };
}

/** A compile whose native check may still run: `finish` takes its verdict (undefined when none ran). */
interface PendingCompile<Check extends NativeTypeCheck> {
  readonly native: Check | null;
  /** The model and every diagnostic but the native check's verdict. */
  readonly extracted: CompileResult;
  finish(reported: NativeDiagnostic[] | null | undefined): CompileResult;
}

/** How a compile starts its native check. */
type StartNativeCheck<Check extends NativeTypeCheck> = (files: readonly string[], apiEntry: string, options: NativeCheckOptions) => Check | null;

/**
 * beginCompile, whose native checks are discarded when it throws (a failing TypeCheckCache, a
 * bug): a tsc left running would hold the process open (an in-thread check's child keeps the
 * event loop alive) and its temp folder would stay behind.
 */
function beginGuarded<Check extends NativeTypeCheck>(dir: string, options: CompileOptions, startNative: StartNativeCheck<Check>): PendingCompile<Check> {
  const started: Check[] = [];
  try {
    return beginCompile(dir, options, (files, api, opts) => {
      const check = startNative(files, api, opts);
      if (check !== null) started.push(check);
      return check;
    });
  } catch (err) {
    for (const check of started) check.discard();
    throw err;
  }
}

/** Everything of a compile but the wait for the native check's verdict. */
function beginCompile<Check extends NativeTypeCheck>(dir: string, options: CompileOptions, startNative: StartNativeCheck<Check>): PendingCompile<Check> {
  const bag = new DiagnosticBag();
  const paths = findSchemaFiles(dir);
  const collation = options.collation ?? DEFAULT_COLLATION;
  // Names compare as the target database will compare them: a case-sensitive database may hold both Code and code.
  const key = nameKeyFor(collation);
  const emptyDb = (tables: Database['tables'], schemas: string[]): Database => ({
    name: null, collation, schemas, tables,
  });
  const defaultSchema = options.defaultSchema ?? 'dbo';
  if (paths.length === 0) {
    bag.error(Codes.noSchemaFiles, `no *.schema.ts files under ${dir}`, undefined);
    const result = { database: emptyDb([], [defaultSchema === 'dbo' ? 'dbo' : defaultSchema, 'dbo'].filter((s, i, a) => a.indexOf(s) === i).sort()), diagnostics: bag.sorted() };
    return { native: null, extracted: result, finish: () => result };
  }
  const namer = new Namer(validTemplates(options.naming ?? {}, bag));
  const cache = options.typeCheck !== false ? options.typeCheckCache : undefined;
  const nativeWanted = options.typeCheck !== false && options.typeChecker !== 'in-process';
  // The native check starts before parsing, so that it runs beside all of this process's work
  // (parsing is a good part of it), unless an earlier run found these very files clean.
  const texts = options.typeCheck !== false ? readTexts(paths) : undefined;
  const earlyKey = cache !== undefined && texts !== undefined ? schemaFilesKey(texts) : null;
  // A large schema is checked in chunks, its files in an order that keeps what imports what together.
  const chunkFiles = options.typeCheckChunkFiles;
  const chunked = chunksOf(paths, chunkFiles).length > 1;
  const checkFiles = texts !== undefined && chunked ? checkOrder(texts) : paths;
  let native = nativeWanted && !(earlyKey !== null && cache?.has(earlyKey)) ? startNative(checkFiles, apiEntry(), { chunkFiles }) : null;
  const graph = buildSourceGraph(paths, path.dirname(apiEntry()), texts);
  const { files, userFiles } = graph;
  const cacheKey = cache !== undefined ? typeCheckKey(graph) : null;
  const typeCheck = options.typeCheck !== false && !(cacheKey !== null && cache?.has(cacheKey));
  /** Reports TypeScript diagnostics of the user's files; returns how many. */
  const report = (diagnostics: readonly ts.Diagnostic[]): number => {
    for (const d of diagnostics) {
      const text = ts.flattenDiagnosticMessageText(d.messageText, '\n');
      bag.error(Codes.typescript, `TS${d.code}: ${text}`, d.file && d.start !== undefined ? refAt(d.file, d.start) : undefined);
    }
    return diagnostics.length;
  };
  let typeErrors = report(userFiles.flatMap((sf) => syntaxErrorsOf(sf)));
  // The native check runs in a child process while this one extracts; its verdict is read below.
  // tsc reports only syntax errors when there are any, so a file with one is checked in-process.
  // A large schema is checked in chunks (native-type-check.ts), and files whose declarations
  // reach beyond their importers must be in each: the early start did not know them yet.
  const shared = userFiles.filter(declaresBeyondItself).map((sf) => sf.fileName);
  const restart = shared.length > 0 && chunked;
  if (native !== null && (!typeCheck || typeErrors > 0 || restart)) {
    native.discard();
    native = null;
  }
  if (native === null && nativeWanted && typeCheck && typeErrors === 0) {
    native = startNative(checkFiles, apiEntry(), { shared, chunkFiles });
  }
  // The in-process program is built (and its module loaded) only here, when the native compiler cannot check.
  const checkInProcess = (): number => {
    const { loadProgram } = require('./program') as typeof import('./program');
    const program = loadProgram(paths, graph.byPath);
    // The program's own tree of each file (parsed again when extraction used the cut parser).
    return report(userFiles.flatMap((sf) => program.getSemanticDiagnostics(program.getSourceFile(sf.fileName) ?? sf)));
  };
  if (typeCheck && native === null) typeErrors += checkInProcess();

  const reader = new ClassReader(new DeclarationResolver(graph));
  const sequences = collectSequences(userFiles, reader.resolver, defaultSchema, bag);
  // Alias types first: columns of every table may name one, from any file of the compile.
  const aliasTypes = new AliasTypes();
  aliasTypes.collect(userFiles, defaultSchema, key, reader.resolver, bag);
  const reportedCycles = new Set<ts.ClassDeclaration>();
  const drafts: TableDraft[] = [];
  const byClass = new Map<ts.ClassDeclaration, TableDraft>();
  const tableNodes = new Map<TableDraft, ts.Node>();
  for (const sf of files) {
    for (const info of reader.classesOf(sf)) {
      if (info.role === 'mixin') classChain(info, reader, bag, reportedCycles);
      if (info.role !== 'table') continue;
      const draft = buildFromClass(info, reader, bag, reportedCycles, defaultSchema, namer, key, aliasTypes, sequences);
      if (!draft) continue;
      drafts.push(draft);
      byClass.set(info.decl, draft);
      tableNodes.set(draft, info.tableArgs[0]?.node ?? info.roleNode);
    }
  }
  drafts.sort((a, b) => cmp(a.schema, b.schema) || cmp(a.name, b.name));

  resolveForeignKeys(drafts, byClass, reader, bag);
  const objectScopes = new Map<string, NameEntry[]>();
  for (const d of drafts) {
    const node = tableNodes.get(d) ?? d.info.roleNode;
    const { indexScope, objectScope } = namedEntries(d);
    reportCollisions(indexScope, key, bag, true);
    const scope = objectScopes.get(key(d.schema)) ?? [];
    scope.push({ name: d.name, owner: `schema ${d.schema}`, origin: { node, nameNode: node, generated: false, what: 'table' }, isIndex: false });
    scope.push(...objectScope);
    objectScopes.set(key(d.schema), scope);
    // The history table is an object of its schema too: it must not collide with a declared table.
    const versioned = d.versioning;
    if (versioned !== undefined) {
      const h = versioned.versioning;
      const historyScope = objectScopes.get(key(h.historySchema)) ?? [];
      historyScope.push({ name: h.historyTable, owner: `schema ${h.historySchema}`, origin: { node: versioned.node, nameNode: versioned.node, generated: false, what: `history table of ${d.schema}.${d.name}` }, isIndex: false });
      objectScopes.set(key(h.historySchema), historyScope);
    }
    checkNameLengths(d, node, bag);
    checkClustered(d, bag);
    checkKeyWidths(d, bag);
  }
  for (const d of sequences.declared) {
    const scope = objectScopes.get(key(d.name.schema)) ?? [];
    scope.push({ name: d.name.name, owner: `schema ${d.name.schema}`, origin: { node: d.node, nameNode: d.nameNode, generated: false, what: 'sequence' }, isIndex: false });
    objectScopes.set(key(d.name.schema), scope);
  }
  for (const scope of objectScopes.values()) reportCollisions(scope, key, bag, false);
  checkSequenceReferences(drafts, sequences, options.externalSequences ?? [], defaultSchema, key, bag);
  checkCascadePaths(drafts, bag);
  const declaredSequences = sequences.declared.flatMap((d) => (d.sequence === null ? [] : [d.sequence]))
    .sort((a, b) => cmp(a.schema, b.schema) || cmp(a.name, b.name));
  const historySchemas = drafts.flatMap((d) => (d.versioning !== undefined ? [d.versioning.versioning.historySchema] : []));
  const declaredTypes = [...aliasTypes.all()].sort((a, b) => cmp(a.schema, b.schema) || cmp(a.name, b.name));
  const schemas = [...new Set(['dbo', ...drafts.map((d) => d.schema), ...historySchemas, ...declaredTypes.map((a) => a.schema), ...declaredSequences.map((q) => q.schema)])].sort(cmp);
  const tables = drafts.map((d) => {
    const table = finishTable(d, refOf(tableNodes.get(d) ?? d.info.roleNode));
    return options.descriptions === false ? table : withDescriptions(d, table, bag);
  });
  const database: Database = {
    ...emptyDb(tables, schemas), ...(declaredTypes.length > 0 ? { aliasTypes: declaredTypes } : {}),
    ...(declaredSequences.length > 0 ? { sequences: declaredSequences } : {}),
  };
  const extracted: CompileResult = { database, diagnostics: bag.sorted() };
  /** Takes the native check's verdict (undefined when none ran; null when it failed) and adds its errors. */
  const finish = (reported: NativeDiagnostic[] | null | undefined): CompileResult => {
    const before = typeErrors;
    if (native !== null) {
      if (reported === null || reported === undefined) typeErrors += checkInProcess();
      else {
        const userNames = new Set(userFiles.map((sf) => path.resolve(sf.fileName)));
        for (const d of reported.filter((r) => userNames.has(r.file))) {
          bag.error(Codes.typescript, `TS${d.code}: ${d.message}`, { file: displayPath(d.file), line: d.line, column: d.column });
          typeErrors += 1;
        }
      }
    }
    if (typeCheck && cacheKey !== null && typeErrors === 0) {
      if (earlyKey !== null) cache?.remember(earlyKey);
      cache?.remember(cacheKey);
    }
    return typeErrors === before ? extracted : { database, diagnostics: bag.sorted() };
  };
  return { native, extracted, finish };
}

function buildFromClass(
  info: ClassInfo, reader: ClassReader, bag: DiagnosticBag, reportedCycles: Set<ts.ClassDeclaration>,
  defaultSchema: string, namer: Namer, key: NameKey, aliasTypes?: AliasTypes, sequences?: SequenceResolver,
): TableDraft | null {
  const [nameV, optsV] = info.tableArgs;
  if (nameV?.kind !== 'string') {
    bag.error(Codes.notStatic, '@Table needs the table name as a string literal', nameV?.node ?? info.roleNode);
    return null;
  }
  const opts = optsV?.kind === 'object' ? optsV.props : new Map();
  const schemaV = opts.get('schema');
  const renamedV = opts.get('renamedFrom');
  const schema = schemaV?.kind === 'string' ? schemaV.value : defaultSchema;
  if (schema.length > MAX_IDENTIFIER_LENGTH) bag.error(Codes.identifierTooLong, `schema name ${schema} is ${schema.length} characters; SQL Server allows ${MAX_IDENTIFIER_LENGTH}`, schemaV?.node ?? nameV.node);
  const chain = classChain(info, reader, bag, reportedCycles);
  if (!chain) return null;
  const draft = buildTable(info, chain, schema, nameV.value, renamedV?.kind === 'string' ? renamedV.value : undefined, namer, key, reader.resolver, bag, aliasTypes, sequences);
  readVersioning(draft, opts.get('systemVersioning'), bag);
  checkTemporal(draft, bag);
  return draft;
}

/**
 * The templates that can be honoured. The config validator already refuses unknown placeholders;
 * a caller passing options directly gets SC1205 (no source position) and the built-in name.
 */
function validTemplates(naming: NamingTemplates, bag: DiagnosticBag): NamingTemplates {
  const out: Partial<Record<NamingKind, string>> = {};
  for (const [kind, template] of Object.entries(naming) as [NamingKind, string | undefined][]) {
    if (template === undefined) continue;
    const unknown = unknownTemplatePlaceholders(template);
    if (template.length === 0) {
      bag.error(Codes.unknownPlaceholder, `naming.${kind} is empty; give a template such as ${kind}_{table}`, undefined);
    } else if (unknown.length > 0) {
      bag.error(Codes.unknownPlaceholder, `naming.${kind} "${template}" has unknown placeholder ${unknown.join(', ')}; use {schema}, {table} or {columns} (for df and ck, {columns} is the one column)`, undefined);
    } else out[kind] = template;
  }
  return out;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
