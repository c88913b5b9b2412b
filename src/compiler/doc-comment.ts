/**
 * A declaration's doc comment as description text, read from the syntax alone: the last
 * `/** ... *\/` comment directly before the declaration (before its decorators).
 *
 * The rule (README "Descriptions"): the `*` decoration of each line is removed; the text ends at
 * the first block tag (a line starting with `@deprecated`, `@see`, `@remarks`, ...); inline
 * links `{@link Target}` / `{@link Target | text}` become `Target` / `text`; `\@` is a literal
 * `@` and `*\/` a literal `*` + `/` (what `pull` writes); trailing spaces, blank lines at either
 * end and repeated blank lines go. Line breaks and paragraphs are kept, so the stored text reads
 * as written.
 */
import ts = require('./typescript');

/** A doc comment's text and where the comment starts. */
export interface DocComment {
  readonly text: string;
  /** Offset of the comment's `/**` in its file. */
  readonly pos: number;
}

/** The doc comment of `node` (class or property declaration), or null when it has none or only tags. */
export function docCommentOf(node: ts.Node): DocComment | null {
  const sf = node.getSourceFile();
  const ranges = ts.getLeadingCommentRanges(sf.text, node.getFullStart()) ?? [];
  const docs = ranges.filter((r) => r.kind === ts.SyntaxKind.MultiLineCommentTrivia
    && sf.text.startsWith('/**', r.pos) && !sf.text.startsWith('/**/', r.pos));
  const last = docs[docs.length - 1];
  if (last === undefined) return null;
  const text = descriptionText(sf.text.slice(last.pos + 3, last.end - 2));
  return text === '' ? null : { text, pos: last.pos };
}

/** The description in a doc comment's body (between `/**` and `*\/`). */
export function descriptionText(body: string): string {
  const raw = body.split(/\r\n|\r|\n/u);
  // Decorated comments lose "  * " on every line; undecorated ones lose their common indentation.
  const decorated = raw.slice(1).filter((l) => l.trim() !== '').every((l) => /^\s*\*/u.test(l));
  const lines = raw.map((l, i) => (i === 0 ? l.trimStart() : decorated ? l.replace(/^\s*\*(?: |(?=\t))?/u, '') : l));
  if (!decorated) {
    const indents = lines.slice(1).filter((l) => l.trim() !== '').map((l) => /^[ \t]*/u.exec(l)?.[0].length ?? 0);
    const common = indents.length > 0 ? Math.min(...indents) : 0;
    for (let i = 1; i < lines.length; i++) lines[i] = (lines[i] as string).slice(common);
  }
  const kept: string[] = [];
  for (const line of lines) {
    if (/^\s*@[A-Za-z]/u.test(line)) break; // a block tag: the summary ends here
    kept.push(unescape(inlineTags(line)).trimEnd());
  }
  const out: string[] = [];
  for (const line of kept) {
    if (line === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
    out.push(line);
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out.join('\n');
}

/** `{@link X}`, `{@linkcode X}`, `{@linkplain X}` to X; with `| text` or a space-separated text, to the text. */
function inlineTags(line: string): string {
  return line.replace(/\{@link(?:code|plain)?\s+([^}|\s]+)(?:\s*\|\s*|\s+)?([^}]*)\}/gu, (_m, target: string, text: string) => (text.trim() !== '' ? text.trim() : target));
}

function unescape(line: string): string {
  return line.replace(/\\@/gu, '@').replace(/\*\\\//gu, '*/');
}
