/** Helpers for compiler tests: inline schema files in a temp dir, and positions of text in them. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { compileSchema, type CompileOptions, type CompileResult } from '../../src/compiler';
import type { Diagnostic } from '../../src/model';

/** A compile of inline files, remembering their text to locate expectations. */
export interface InlineCompile {
  readonly result: CompileResult;
  readonly files: Readonly<Record<string, string>>;
  readonly dir: string;
}

/** Writes `files` (name -> text) to a fresh temp dir and compiles it. */
export function compileFiles(files: Record<string, string>, options?: CompileOptions): InlineCompile {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schemac-compiler-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  try {
    return { result: compileSchema(dir, options), files, dir };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** 1-based line and column of the `nth` occurrence of `needle` in `text`. */
export function positionOf(text: string, needle: string, nth = 0): { line: number; column: number } {
  let offset = -1;
  for (let i = 0; i <= nth; i++) {
    offset = text.indexOf(needle, offset + 1);
    if (offset < 0) throw new Error(`"${needle}" occurs fewer than ${nth + 1} times`);
  }
  const lines = text.slice(0, offset).split('\n');
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

/** The diagnostics with `code`, as "file:line:col" (file name only). */
export function locations(diagnostics: readonly Diagnostic[], code: string): string[] {
  return diagnostics
    .filter((d) => d.code === code)
    .map((d) => `${path.basename(d.source?.file ?? '?')}:${d.source?.line}:${d.source?.column}`);
}

/** "file:line:col" of a needle in a file's text, `skip` characters into the needle. */
export function where(files: Readonly<Record<string, string>>, file: string, needle: string, nth = 0, skip = 0): string {
  const p = positionOf(files[file], needle, nth);
  return `${file}:${p.line}:${p.column + skip}`;
}

/** One inline schema file compiled, with its diagnostics as "CODE file:line:col" (`found`) and their messages. */
export function compileOne(file: string, text: string, typeCheck = false): InlineCompile & { readonly found: string[]; readonly messages: string[] } {
  const c = compileFiles({ [file]: text }, { typeCheck });
  const found = c.result.diagnostics.map((d) => `${d.code} ${path.basename(d.source?.file ?? '?')}:${d.source?.line}:${d.source?.column}`);
  return { ...c, found, messages: c.result.diagnostics.map((d) => d.message) };
}
