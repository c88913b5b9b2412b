/**
 * Reading the stored text of a view, procedure, function or trigger (sys.sql_modules.definition)
 * just enough for two facts: the name its CREATE statement gives, and the identifiers it
 * names. One linear pass that skips comments (nested /* *\/ included, as T-SQL allows) and string
 * literals; it never parses the body, so any valid module reads.
 */
import type { NameKey } from '../sqlserver/names';

/** A token of module text: a name (bare or delimited), a dot, `*`, or any other character. */
export interface TextToken {
  readonly kind: 'word' | 'quoted' | 'dot' | 'star' | 'other';
  /** For words and quoted names: the name; otherwise the character. */
  readonly value: string;
}

function isWordChar(c: string): boolean {
  return /[\p{L}\p{N}_@#$]/u.test(c);
}

/** The end (exclusive) of a delimited run that opened at `i`; a doubled closer is an escape. */
function delimitedEnd(text: string, i: number, closer: string): number {
  let j = i + 1;
  while (j < text.length) {
    if (text[j] === closer) {
      if (text[j + 1] === closer) { j += 2; continue; }
      return j + 1;
    }
    j++;
  }
  return text.length;
}

/**
 * Tokens of a module's text. With QUOTED_IDENTIFIER OFF (sys.sql_modules.uses_quoted_identifier
 * 0) "..." is a string literal, not a name.
 */
export function tokens(text: string, quotedIdentifier: boolean): TextToken[] {
  const out: TextToken[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    const next = text[i + 1];
    if (c === '-' && next === '-') { while (i < text.length && text[i] !== '\n') i++; continue; }
    if (c === '/' && next === '*') {
      let depth = 1;
      i += 2;
      while (i < text.length && depth > 0) {
        if (text[i] === '/' && text[i + 1] === '*') { depth++; i += 2; } else if (text[i] === '*' && text[i + 1] === '/') { depth--; i += 2; } else i++;
      }
      continue;
    }
    if (c === "'" || ((c === 'N' || c === 'n') && next === "'")) { i = delimitedEnd(text, c === "'" ? i : i + 1, "'"); continue; }
    if (c === '"' && !quotedIdentifier) { i = delimitedEnd(text, i, '"'); continue; }
    if (c === '[' || c === '"') {
      const end = delimitedEnd(text, i, c === '[' ? ']' : '"');
      const closer = c === '[' ? ']' : '"';
      out.push({ kind: 'quoted', value: text.slice(i + 1, end - 1).split(closer + closer).join(closer) });
      i = end;
      continue;
    }
    if (isWordChar(c)) {
      let j = i + 1;
      while (j < text.length && isWordChar(text[j] as string)) j++;
      out.push({ kind: 'word', value: text.slice(i, j) });
      i = j;
      continue;
    }
    if (!/\s/.test(c)) out.push({ kind: c === '.' ? 'dot' : c === '*' ? 'star' : 'other', value: c });
    i++;
  }
  return out;
}

const MODULE_WORDS = new Set(['VIEW', 'PROC', 'PROCEDURE', 'FUNCTION', 'TRIGGER']);

/**
 * The (schema, name) the text's `CREATE [OR ALTER] VIEW|PROCEDURE|FUNCTION|TRIGGER` gives, or
 * null when the text does not start that way (after comments).
 */
export function definedNameOf(definition: string, quotedIdentifier: boolean): { schema: string | null; name: string } | null {
  return headerOf(tokens(definition, quotedIdentifier))?.name ?? null;
}

/** The header of `CREATE [OR ALTER] <kind> name`: the kind, the name, and the index of the token after it. */
function headerOf(t: readonly TextToken[]): { kind: string; name: { schema: string | null; name: string }; next: number } | null {
  const word = (i: number) => (t[i]?.kind === 'word' ? (t[i] as TextToken).value.toUpperCase() : '');
  if (word(0) !== 'CREATE') return null;
  let i = 1;
  if (word(1) === 'OR' && word(2) === 'ALTER') i = 3;
  const kind = word(i);
  if (!MODULE_WORDS.has(kind)) return null;
  const parts: string[] = [];
  i++;
  for (;;) {
    const part = t[i];
    if (part === undefined || (part.kind !== 'word' && part.kind !== 'quoted')) break;
    parts.push(part.value);
    if (t[i + 1]?.kind !== 'dot') { i++; break; }
    i += 2;
  }
  if (parts.length === 0) return null;
  const name = parts[parts.length - 1] as string;
  return { kind, name: { schema: parts.length >= 2 ? (parts[parts.length - 2] as string) : null, name }, next: i };
}

/**
 * How many names a view's column list gives (`CREATE VIEW v (a, b) AS ...`), or null when it has
 * none (or the text is not a view's). The list renames the SELECT's columns one for one.
 */
export function viewColumnListOf(definition: string, quotedIdentifier: boolean): number | null {
  const t = tokens(definition, quotedIdentifier);
  const header = headerOf(t);
  if (header === null || header.kind !== 'VIEW' || t[header.next]?.value !== '(') return null;
  let count = 0;
  for (let i = header.next + 1; i < t.length && t[i]?.value !== ')'; i++) if (t[i]?.kind === 'word' || t[i]?.kind === 'quoted') count++;
  return count;
}

/** What a module's text names: every identifier (as `key` folds it), and whether it selects `*`. */
export interface NamedInText {
  readonly names: ReadonlySet<string>;
  /** Whether a plain `*` (not `x.*`) is selected: every column of every table it reads. */
  readonly selectsAllUnqualified: boolean;
  /** The qualifiers of `x.*` stars (the name right before the dot, as `key` folds it): a table or an alias. */
  readonly starQualifiers: ReadonlySet<string>;
}

/** The identifiers a module's text names, for matching columns of tables it references. */
export function namesInText(definition: string, quotedIdentifier: boolean, key: NameKey): NamedInText {
  const t = tokens(definition, quotedIdentifier);
  const names = new Set<string>();
  const starQualifiers = new Set<string>();
  let selectsAllUnqualified = false;
  t.forEach((tok, i) => {
    if (tok.kind === 'word' || tok.kind === 'quoted') names.add(key(tok.value));
    if (tok.kind === 'star') {
      const before = t[i - 1];
      const qualifier = t[i - 2];
      // `*` after SELECT, DISTINCT, a comma or `alias.` is a select-list star; after anything else
      // (a number, a parenthesis) it is a multiplication or COUNT(*).
      if (before?.kind === 'dot') {
        if (qualifier !== undefined && (qualifier.kind === 'word' || qualifier.kind === 'quoted')) starQualifiers.add(key(qualifier.value));
        else selectsAllUnqualified = true; // a star after a dot with no name before it: read it as the widest
      } else if (before !== undefined && (before.value === ','
        || (before.kind === 'word' && ['SELECT', 'DISTINCT', 'ALL'].includes(before.value.toUpperCase())))) selectsAllUnqualified = true;
    }
  });
  return { names, selectsAllUnqualified, starQualifiers };
}
