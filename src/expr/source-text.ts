/** Quoting pieces of the user's text in one-line diagnostics. */
import type { Span } from './ast';

const MAX_QUOTE = 80;

/** `text` on one line (runs of whitespace become one space), cut to a readable length. */
export function oneLine(text: string, max = MAX_QUOTE): string {
  let out = '';
  let space = false;
  for (const ch of text) {
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      space = out.length > 0;
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += ch;
    if (out.length > max) return `${out.slice(0, max)}...`;
  }
  return out;
}

/** The source text of a node, on one line. */
export function quote(text: string, node: Span): string {
  return oneLine(text.slice(node.start, node.end));
}
