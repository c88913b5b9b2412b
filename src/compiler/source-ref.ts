/** Positions of syntax nodes as model SourceRefs (1-based line and column). */
import * as path from 'path';
import type { ts } from 'ts-morph';
import type { SourceRef } from '../model';

/** The file path as shown to users: relative to the working directory when below it. */
export function displayPath(fileName: string): string {
  const rel = path.relative(process.cwd(), fileName);
  return rel.startsWith('..') || path.isAbsolute(rel) ? fileName : rel;
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
