/** Positions of syntax nodes as model SourceRefs (1-based line and column). */
import * as path from 'path';
import type { ts } from 'ts-morph';
import type { SourceRef } from '../model';

// displayPath per file name, for the working directory it was computed in: a compile asks for
// the same few hundred files' paths once per column, check and index (tens of thousands of
// path.relative calls at 1,000 tables).
let shownFor = '';
const shown = new Map<string, string>();

/** The file path as shown to users: relative to the working directory when below it. */
export function displayPath(fileName: string): string {
  const cwd = process.cwd();
  if (cwd !== shownFor) {
    shown.clear();
    shownFor = cwd;
  }
  let out = shown.get(fileName);
  if (out === undefined) {
    const rel = path.relative(cwd, fileName);
    out = rel.startsWith('..') || path.isAbsolute(rel) ? fileName : rel;
    shown.set(fileName, out);
  }
  return out;
}

/** Where `node` starts (after its leading trivia). */
export function refOf(node: ts.Node): SourceRef {
  const sf = node.getSourceFile();
  const pos = sf.getLineAndCharacterOfPosition(node.getStart(sf));
  return { file: displayPath(sf.fileName), line: pos.line + 1, column: pos.character + 1 };
}

/** Where a character offset of a file is. */
export function refAt(sf: ts.SourceFile, offset: number): SourceRef {
  const pos = sf.getLineAndCharacterOfPosition(offset);
  return { file: displayPath(sf.fileName), line: pos.line + 1, column: pos.character + 1 };
}
