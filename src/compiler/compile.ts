/**
 * compileSchema: schema/*.schema.ts to a Database model plus diagnostics. The files are parsed
 * once and read from their syntax, never executed; TypeScript's full check runs beside that
 * (native compiler in a child process, else in-process); every problem of a run is reported.
 */
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
import { checkMemoryOptimized, readMemoryOptimized } from './memory-optimized';
import { DEFAULT_COLLATION, MAX_IDENTIFIER_LENGTH, nameKeyFor, type NameKey } from '../sqlserver/names';
import { Namer, unknownTemplatePlaceholders, type NamingKind, type NamingTemplates } from './names';
import { checkSequenceReferences } from './sequence-references';
import { collectSequences, type SequenceResolver } from './sequences';
import { startNativeTypeCheck, type NativeDiagnostic, type NativeTypeCheck } from './native-type-check';
import type { CompileOptions } from './compile-options';
import { hashOfCheckInputs, incrementalStateOf, startCompile, startCompileWith, type CompileStart, type StartNativeCheck } from './compile-start';
import { apiEntry } from './schema-files';
import { buildSourceGraph, declaresBeyondItself, syntaxErrorsOf, type SourceGraph } from './source-graph';
import { ClassReader, type ClassInfo } from './read-classes';
import { refAt, refOf, sourcePath } from './source-ref';
import { checkClustered, checkKeyWidths, checkNameLengths, namedEntries, reportCollisions, type NameEntry } from './table-checks';
import { finishTable, type TableDraft } from './table-draft';
import { checkTemporal, readVersioning } from './temporal';
import { checkGraphTable, readGraphKind, resolveConnections } from './graph';
import { checkLedgerTable, readLedger } from './ledger';
import { readLockEscalation } from './storage-options';
import { checkChangeTracking, readChangeTracking } from './change-tracking';
import { tableRenamedFrom } from './renamed-from';

/** What a compile run produces (src/model has no such type yet, so it lives here). */
export interface CompileResult {
  readonly database: Database;
  readonly diagnostics: Diagnostic[];
}

/**
 * A hash of everything TypeScript's check reads, library files aside: the text of every parsed
 * file (the schema files and what they import by path), of the schemac API's files, and the
 * versions of both TypeScripts (a native check and an in-process one must agree on "clean").
 */
function typeCheckKey(graph: SourceGraph): string {
  return hashOfCheckInputs(['program', `typescript ${ts.version}`], [...graph.byPath.values()].map((sf): [string, string] => [sf.fileName, sf.text]));
}

/** Compiles every *.schema.ts under `dir`; a native check runs on a worker thread, waited for synchronously. */
export function compileSchema(dir: string, options: CompileOptions = {}): CompileResult {
  const compile = beginGuarded(startCompileWith(dir, options, startNativeTypeCheck));
  return compile.finish(compile.native?.wait());
}

/**
 * Compiles every *.schema.ts under `dir`, as compileSchema. A native check of one chunk runs
 * from this thread's event loop (no worker thread to start) and is awaited.
 */
export async function compileSchemaAsync(dir: string, options: CompileOptions = {}): Promise<CompileResult> {
  return compileSchemaStaged(startCompile(dir, options)).complete();
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
 * Compiles a started compile's schema (startCompile, compile-start.ts), as compileSchemaAsync,
 * returning as soon as the model is built: the native check (a child process) goes on
 * meanwhile, and `complete` waits for it.
 */
export function compileSchemaStaged(start: CompileStart): StagedCompile {
  const compile = beginGuarded(start);
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

/**
 * beginCompile, whose native checks are discarded when it throws (a failing TypeCheckCache, a
 * bug): a tsc left running would hold the process open (an in-thread check's child keeps the
 * event loop alive) and its temp folder would stay behind.
 */
function beginGuarded<Check extends NativeTypeCheck>(start: CompileStart<Check>): PendingCompile<Check> {
  const started: Check[] = [];
  try {
    return beginCompile(start, (files, api, opts) => {
      const check = start.startNative(files, api, opts);
      if (check !== null) started.push(check);
      return check;
    });
  } catch (err) {
    start.discard();
    for (const check of started) check.discard();
    throw err;
  }
}

/** Everything of a compile but the wait for the native check's verdict. */
function beginCompile<Check extends NativeTypeCheck>(start: CompileStart<Check>, startNative: StartNativeCheck<Check>): PendingCompile<Check> {
  const { dir, options, paths, texts, cache, earlyKey, nativeWanted, chunked, checkFiles } = start;
  const bag = new DiagnosticBag();
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
  const chunkFiles = options.typeCheckChunkFiles;
  // The native check started before parsing (compile-start.ts), so that it runs beside all of
  // this process's work, unless an earlier run found these very files clean.
  let native = start.native;
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
    native = startNative(checkFiles, apiEntry(), { shared, chunkFiles, incremental: incrementalStateOf(dir, cache) });
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
      for (const d of info.unimported) {
        const name = (ts.isCallExpression(d.expression) ? d.expression.expression : d.expression).getText();
        bag.error(Codes.unimportedDecorator, `@${name} is not imported from 'schemac', so schemac does not read it; add ${name} to the file's import from 'schemac'`, d);
      }
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
  resolveConnections(drafts, byClass, reader, bag);
  const objectScopes = new Map<string, NameEntry[]>();
  for (const d of drafts) {
    const node = tableNodes.get(d) ?? d.info.roleNode;
    const entries = namedEntries(d);
    const { indexScope, objectScope } = entries;
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
    checkNameLengths(d, node, entries, bag);
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
          bag.error(Codes.typescript, `TS${d.code}: ${d.message}`, { file: sourcePath(d.file), line: d.line, column: d.column });
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
  const draft = buildTable(info, chain, schema, nameV.value, tableRenamedFrom(renamedV, schema, key, bag), namer, key, reader.resolver, bag, aliasTypes, sequences);
  readVersioning(draft, opts.get('systemVersioning'), bag);
  readMemoryOptimized(draft, opts.get('memoryOptimized'), bag);
  checkTemporal(draft, bag);
  readGraphKind(draft, opts.get('graph'), bag);
  readLockEscalation(draft, opts.get('lockEscalation'), bag);
  readChangeTracking(draft, opts.get('changeTracking'), bag);
  checkChangeTracking(draft, bag);
  checkGraphTable(draft, bag);
  checkMemoryOptimized(draft, bag);
  readLedger(draft, opts.get('ledger'), bag);
  checkLedgerTable(draft, bag);
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
