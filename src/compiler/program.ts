/**
 * TypeScript's in-process program over the schema files, for the type check when the native
 * compiler is missing, with 'schemac' resolved to the API next to this compiler (src/api from
 * source, dist/api built). Extraction never needs a program: it reads the trees source-graph.ts
 * parsed, which the program reuses. Loaded on demand (it pulls in @ts-morph/common's lib files).
 */
import * as path from 'path';
import { getLibFiles, libFolderInMemoryPath } from '@ts-morph/common';
import { apiEntry, schemaCompilerSettings } from './schema-files';
import { parseFile } from './source-graph';
// The whole compiler: ./typescript may be the cut of it that holds only what extraction uses.
import ts = require('@ts-morph/common/dist/typescript.js');
import parserTs = require('./typescript');

export { apiEntry, findSchemaFiles, schemaCompilerSettings } from './schema-files';

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

/** Builds the program over the given files for the in-process check, reusing the trees already parsed (`parsed`, by absolute path). */
export function loadProgram(filePaths: readonly string[], parsed: ReadonlyMap<string, ts.SourceFile>): ts.Program {
  const converted = ts.convertCompilerOptionsFromJson(schemaCompilerSettings(apiEntry()), process.cwd());
  if (converted.errors.length > 0) throw new Error(`schema compiler settings: ${ts.flattenDiagnosticMessageText(converted.errors[0].messageText, '\n')}`);
  const options: ts.CompilerOptions = { ...converted.options, noEmit: true };
  const host = createHost(options);
  const { getSourceFile } = host;
  host.getSourceFile = (f, lang, onError, create) => {
    const tree = parsed.get(path.resolve(f));
    if (tree === undefined) return getSourceFile.call(host, f, lang, onError, create);
    // A program checks trees of its own compiler: one from the cut parser is parsed again, alike.
    return parserTs === ts ? tree : parseFile(tree.fileName, tree.text, ts);
  };
  return ts.createProgram([...filePaths], options, host);
}
