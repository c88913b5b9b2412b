/**
 * The schema files and the user's modules they import, each parsed once with
 * ts.createSourceFile: no Program, no lib files, no binder or checker. Extraction reads these
 * trees and follows imports by path (declarations.ts); TypeScript's full check of the same files
 * runs separately (native-type-check.ts, or in-process when the native compiler is missing).
 */
import * as fs from 'fs';
import * as path from 'path';
import ts = require('./typescript');

/** The parsed files of one compile. */
export interface SourceGraph {
  /** The schema files, sorted by path. */
  readonly files: readonly ts.SourceFile[];
  /** The schema files and the user's modules they import (not declaration files): what TypeScript errors are reported for; sorted. */
  readonly userFiles: readonly ts.SourceFile[];
  /** Every parsed file by absolute path (user files and relatively imported .d.ts files). */
  readonly byPath: ReadonlyMap<string, ts.SourceFile>;
  /** The file a module specifier of `from` names, when it is one of the user's files (relative or absolute path). */
  moduleOf(from: ts.SourceFile, specifier: string): ts.SourceFile | undefined;
}

// The candidates TypeScript's "bundler" resolution tries for a path without a known extension.
const SUFFIXES = ['.ts', '.tsx', '.d.ts', '/index.ts', '/index.tsx', '/index.d.ts'];
// `import './x.js'` names x.ts under bundler and node16 resolution alike.
const JS_TO_TS: Readonly<Record<string, readonly string[]>> = {
  '.js': ['.ts', '.tsx', '.d.ts'], '.jsx': ['.tsx'], '.mjs': ['.mts', '.d.mts'], '.cjs': ['.cts', '.d.cts'],
};

/** Absolute path of the file a relative or absolute specifier names, or undefined (a package, 'schemac', a missing file). */
export function resolveModulePath(fromFile: string, specifier: string, exists: (p: string) => boolean = isFile): string | undefined {
  if (!specifier.startsWith('.') && !path.isAbsolute(specifier)) return undefined;
  const base = path.resolve(path.dirname(fromFile), specifier);
  if (/\.(d\.)?[mc]?tsx?$/.test(base) && exists(base)) return base;
  const ext = path.extname(base);
  for (const replacement of JS_TO_TS[ext] ?? []) {
    const candidate = base.slice(0, -ext.length) + replacement;
    if (exists(candidate)) return candidate;
  }
  for (const suffix of SUFFIXES) if (exists(base + suffix)) return base + suffix;
  return undefined;
}

function isFile(p: string): boolean {
  try {
    // No exception for a missing candidate: most specifiers try several names before one exists.
    return fs.statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}

/** The module specifiers a file imports or re-exports from (static forms only). */
function specifiersOf(sf: ts.SourceFile): string[] {
  const out: string[] = [];
  for (const st of sf.statements) {
    if ((ts.isImportDeclaration(st) || ts.isExportDeclaration(st)) && st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier)) {
      out.push(st.moduleSpecifier.text);
    } else if (ts.isImportEqualsDeclaration(st) && ts.isExternalModuleReference(st.moduleReference)
      && ts.isStringLiteral(st.moduleReference.expression)) {
      out.push(st.moduleReference.expression.text);
    }
  }
  return out;
}

/**
 * Parses one file the way the type check will (TypeScript syntax, ES2022), with `compiler`
 * (the in-process check's whole TypeScript, when ./typescript is the cut of it). JSDoc is parsed as
 * tsc parses it (ParseForTypeErrors: in a .ts file only comments with @see or @link, which
 * decide whether an import is used); descriptions are read from the comment text itself
 * (doc-comment.ts), never from JSDoc nodes.
 */
export function parseFile(fileName: string, text: string, compiler: typeof ts = ts): ts.SourceFile {
  const kind = fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const options = { languageVersion: ts.ScriptTarget.ES2022, jsDocParsingMode: ts.JSDocParsingMode.ParseForTypeErrors };
  const sf = compiler.createSourceFile(fileName, text, options, false, kind);
  setParents(sf);
  return sf;
}

/**
 * Sets `parent` on every node below `root`, JSDoc included: what createSourceFile's
 * setParentNodes does, without the work list it allocates per node (its parent pass was a fifth
 * of parsing). Iterative, so deeply nested expressions cannot overflow the stack.
 */
function setParents(root: ts.Node): void {
  const stack: ts.Node[] = [root];
  let current = root;
  const adopt = (child: ts.Node): undefined => {
    (child as { parent: ts.Node }).parent = current;
    stack.push(child);
    return undefined;
  };
  while (stack.length > 0) {
    current = stack.pop() as ts.Node;
    ts.forEachChild(current, adopt);
    // jsDoc is internal to TypeScript (not a child forEachChild visits); set as the parser's own pass does.
    const docs = (current as { jsDoc?: readonly ts.Node[] }).jsDoc;
    if (docs !== undefined) for (const doc of docs) adopt(doc);
  }
}

/**
 * Parses the schema files and, transitively, the user's files they import by path. Files under
 * node_modules and the schemac API (`apiDir`) are not the user's and are not parsed. `preread`
 * holds texts the caller has already read (by absolute path).
 */
export function buildSourceGraph(schemaPaths: readonly string[], apiDir: string, preread?: ReadonlyMap<string, string>): SourceGraph {
  const byPath = new Map<string, ts.SourceFile>();
  const resolved = new Map<string, string | undefined>();
  const skip = (p: string): boolean => p.split(path.sep).includes('node_modules') || p.startsWith(apiDir + path.sep);
  const moduleOf = (from: ts.SourceFile, specifier: string): ts.SourceFile | undefined => {
    const key = `${path.dirname(from.fileName)}\0${specifier}`;
    let p = resolved.get(key);
    if (!resolved.has(key)) {
      p = resolveModulePath(from.fileName, specifier);
      resolved.set(key, p);
    }
    return p === undefined ? undefined : byPath.get(p);
  };
  const queue = schemaPaths.map((p) => path.resolve(p));
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (byPath.has(file) || skip(file)) continue;
    let text: string;
    try {
      text = preread?.get(file) ?? fs.readFileSync(file, 'utf8');
    } catch {
      continue; // A missing import: the type check reports it (TS2307).
    }
    const sf = parseFile(file, text);
    byPath.set(file, sf);
    for (const spec of specifiersOf(sf)) {
      // Files of one folder import the same modules (a shared mixin): each resolved once per folder.
      const key = `${path.dirname(file)}\0${spec}`;
      const target = resolved.has(key) ? resolved.get(key) : resolveModulePath(file, spec);
      resolved.set(key, target);
      if (target !== undefined && !byPath.has(target)) queue.push(target);
    }
  }
  const byName = (a: ts.SourceFile, b: ts.SourceFile): number => (a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0);
  const wanted = new Set(schemaPaths.map((p) => path.resolve(p)));
  const all = [...byPath.values()].sort(byName);
  return {
    files: all.filter((sf) => wanted.has(sf.fileName)),
    userFiles: all.filter((sf) => !sf.isDeclarationFile),
    byPath,
    moduleOf,
  };
}

/**
 * Syntax errors of a parsed file. A Program reports exactly these for a TypeScript file
 * (getSyntacticDiagnostics returns the parser's diagnostics), so no Program is built for them.
 */
export function syntaxErrorsOf(sf: ts.SourceFile): readonly ts.DiagnosticWithLocation[] {
  // parseDiagnostics is internal to TypeScript but has held the parser's errors since 1.x; the
  // version is pinned by our dependency on ts-morph.
  return (sf as unknown as { parseDiagnostics?: readonly ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
}

/**
 * Whether a file's declarations reach files that do not import it: a script (no import or
 * export, so everything it declares is global), or a module with `declare global` or
 * `declare module '...'` (an augmentation). A check of part of the files must include these.
 */
export function declaresBeyondItself(sf: ts.SourceFile): boolean {
  if (!ts.isExternalModule(sf)) return true;
  return sf.statements.some((s) => ts.isModuleDeclaration(s) && (ts.isStringLiteral(s.name) || s.name.text === 'global'));
}
