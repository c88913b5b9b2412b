/**
 * Finds the schema files, and builds TypeScript 5's program over them for the in-process type
 * check (used only when the native compiler is missing), with 'schemac' resolved to the API next
 * to this compiler (src/api from source, dist/api built). Extraction never needs a program: it
 * reads the trees source-graph.ts parsed, which the program reuses.
 */
import * as fs from 'fs';
import * as path from 'path';
import { getLibFiles, libFolderInMemoryPath } from '@ts-morph/common';
import { ts } from 'ts-morph';

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

/** Builds the program over the given files for the in-process check, reusing the trees already parsed (`parsed`, by absolute path). */
export function loadProgram(filePaths: readonly string[], parsed: ReadonlyMap<string, ts.SourceFile>): ts.Program {
  const converted = ts.convertCompilerOptionsFromJson(schemaCompilerSettings(apiEntry()), process.cwd());
  if (converted.errors.length > 0) throw new Error(`schema compiler settings: ${ts.flattenDiagnosticMessageText(converted.errors[0].messageText, '\n')}`);
  const options: ts.CompilerOptions = { ...converted.options, noEmit: true };
  const host = createHost(options);
  const { getSourceFile } = host;
  host.getSourceFile = (f, lang, onError, create) => parsed.get(path.resolve(f)) ?? getSourceFile.call(host, f, lang, onError, create);
  return ts.createProgram([...filePaths], options, host);
}
