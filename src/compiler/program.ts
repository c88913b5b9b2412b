/**
 * Loads schema files into a TypeScript program without executing them, with 'schemac' resolved
 * to the API next to this compiler (src/api from source, dist/api built). It uses the compiler
 * API that ts-morph bundles directly: wrapping 1,000 files in ts-morph nodes doubled load time.
 */
import * as fs from 'fs';
import * as path from 'path';
import { getLibFiles, libFolderInMemoryPath } from '@ts-morph/common';
import { ts } from 'ts-morph';

/** The loaded program and the schema files, sorted by path. */
export interface LoadedSchema {
  readonly program: ts.Program;
  readonly checker: ts.TypeChecker;
  readonly files: readonly ts.SourceFile[];
  /** The schema files and the user's modules they import (helpers, shared types): what TypeScript errors are reported for. */
  readonly userFiles: readonly ts.SourceFile[];
}

/** Every *.schema.ts under dir (recursively), sorted so output never depends on readdir order. */
export function findSchemaFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string): void => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(full);
      } else if (entry.name.endsWith('.schema.ts')) {
        found.push(path.resolve(full));
      }
    }
  };
  walk(dir);
  return found.sort();
}

/** Where the schema API lives relative to the running compiler (.ts in src/, .d.ts in dist/). */
export function apiEntry(): string {
  return path.resolve(__dirname, '../api/index');
}

/** ts-morph's TypeScript ships its lib .d.ts files in memory (@ts-morph/common), not on disk. */
let libFiles: Map<string, string> | undefined;
function libFile(fileName: string): string | undefined {
  libFiles ??= new Map(getLibFiles().map((f) => [path.posix.join(libFolderInMemoryPath, f.fileName), f.text]));
  return libFiles.get(fileName.replace(/\\/g, '/'));
}

const parsedLibs = new Map<string, ts.SourceFile>();

/** A compiler host over the real file system, with lib files from memory. */
function createHost(options: ts.CompilerOptions): ts.CompilerHost {
  const host = ts.createCompilerHost(options, true);
  const { fileExists, readFile, getSourceFile } = host;
  host.getDefaultLibLocation = () => libFolderInMemoryPath;
  host.getDefaultLibFileName = (o) => path.posix.join(libFolderInMemoryPath, ts.getDefaultLibFileName(o));
  host.fileExists = (f) => libFile(f) !== undefined || fileExists.call(host, f);
  host.readFile = (f) => libFile(f) ?? readFile.call(host, f);
  host.getSourceFile = (f, lang, onError, create) => {
    const lib = libFile(f);
    if (lib === undefined) return getSourceFile.call(host, f, lang, onError, create);
    // Lib files never change: parse each once per process (tests and watch-like callers compile often).
    let sf = parsedLibs.get(f);
    if (!sf) {
      sf = ts.createSourceFile(f, lib, lang);
      parsedLibs.set(f, sf);
    }
    return sf;
  };
  return host;
}

/** The compiler settings of a schema program as tsconfig.json spells them: the in-process program and the native check's tsconfig both use these. */
export function schemaCompilerSettings(api: string): Record<string, unknown> {
  return {
    target: 'ES2022',
    module: 'ESNext',
    moduleResolution: 'bundler',
    lib: ['ES2022'],
    strict: true,
    skipLibCheck: true,
    types: [],
    paths: { schemac: [api] },
  };
}

/** Builds the program over the given files. */
export function loadSchema(filePaths: readonly string[]): LoadedSchema {
  const converted = ts.convertCompilerOptionsFromJson(schemaCompilerSettings(apiEntry()), process.cwd());
  if (converted.errors.length > 0) throw new Error(`schema compiler settings: ${ts.flattenDiagnosticMessageText(converted.errors[0].messageText, '\n')}`);
  const options: ts.CompilerOptions = { ...converted.options, noEmit: true };
  const program = ts.createProgram([...filePaths], options, createHost(options));
  const wanted = new Set(filePaths.map((p) => path.resolve(p)));
  const byName = (a: ts.SourceFile, b: ts.SourceFile): number => (a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0);
  const files = program.getSourceFiles().filter((sf) => wanted.has(path.resolve(sf.fileName))).sort(byName);
  const apiDir = path.dirname(apiEntry());
  const userFiles = program.getSourceFiles()
    .filter((sf) => !sf.isDeclarationFile && !program.isSourceFileDefaultLibrary(sf)
      && !path.resolve(sf.fileName).startsWith(apiDir + path.sep) && !sf.fileName.includes('/node_modules/'))
    .sort(byName);
  return { program, checker: program.getTypeChecker(), files, userFiles };
}
