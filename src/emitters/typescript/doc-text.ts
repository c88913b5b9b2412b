/**
 * A description as the TSDoc comment the compiler reads back (src/compiler/doc-comment.ts): one
 * line stays `/** text *\/`, more become ` * ` lines. `*\/` is written `*\/` with a backslash and a
 * line's leading `@` as `\@`, so the comment neither ends early nor starts a block tag; `{@` is
 * written `{\@` so stored text is never read as an inline link.
 */

/** The comment's lines at `indent` (e.g. '  ' for a field), or none for an absent description. */
export function docCommentLines(description: string | undefined, indent: string): string[] {
  if (description === undefined || description.trim() === '') return [];
  const lines = description.split(/\r\n|\r|\n/u).map((l) => escapeLine(l.trimEnd()));
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  while (lines.length > 0 && lines[0] === '') lines.shift();
  if (lines.length === 1) return [`${indent}/** ${lines[0]} */`];
  return [`${indent}/**`, ...lines.map((l) => (l === '' ? `${indent} *` : `${indent} * ${l}`)), `${indent} */`];
}

function escapeLine(line: string): string {
  return line.replace(/\*\//gu, '*\\/').replace(/\{@/gu, '{\\@').replace(/^(\s*)@/u, '$1\\@');
}
