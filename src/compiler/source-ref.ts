/** Positions of syntax nodes as model SourceRefs (1-based line and column). */
import * as path from 'path';
import type { ts } from 'ts-morph';
import type { SourceRef } from '../model';
import { boundedMemo } from '../util/bounded-memo';

// A SourceRef's file is absolute. What shows it makes it relative to its own working directory
// (the command's, which need not be the process's: an embedding, a test), and what maps it (a
// review's base checkout back to the repository) needs the whole path. Memoized, bounded: a
// compile asks for the same few hundred files' paths once per column, check and index.
const resolved = boundedMemo((fileName) => path.resolve(fileName));

/** The file of a SourceRef: absolute, with the platform's separators (as the native check's). */
export function sourcePath(fileName: string): string {
  return resolved(fileName);
}

/** Where `node` starts (after its leading trivia). */
export function refOf(node: ts.Node): SourceRef {
  const sf = node.getSourceFile();
  const pos = sf.getLineAndCharacterOfPosition(node.getStart(sf));
  return { file: sourcePath(sf.fileName), line: pos.line + 1, column: pos.character + 1 };
}

/** Where a character offset of a file is. */
export function refAt(sf: ts.SourceFile, offset: number): SourceRef {
  const pos = sf.getLineAndCharacterOfPosition(offset);
  return { file: sourcePath(sf.fileName), line: pos.line + 1, column: pos.character + 1 };
}
