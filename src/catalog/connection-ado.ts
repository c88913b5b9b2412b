/**
 * Tokenizer for ADO.NET-style connection strings (`Server=host,1433;Database=db;...`), the
 * format Azure and SSMS hand out. Keys are case-insensitive; values may be quoted.
 */

/** One `key=value` pair, key lowercased with inner whitespace collapsed, value unquoted. */
export interface AdoPair {
  readonly key: string;
  readonly value: string;
}

/** Thrown for a string that is not key=value pairs; never echoes text (it may hold a password). */
export class AdoSyntaxError extends Error {}

/**
 * Splits an ADO connection string into pairs. Values may be wrapped in "..." or '...' (the
 * quote doubled inside to escape it) or {...} (ODBC style, `}}` escapes), so a password may
 * hold `;` or `=`. Empty segments (a trailing `;`) are allowed.
 */
export function tokenizeAdo(text: string): AdoPair[] {
  const pairs: AdoPair[] = [];
  let i = 0;
  while (i < text.length) {
    const eq = text.indexOf('=', i);
    const semi = text.indexOf(';', i);
    if (semi !== -1 && (eq === -1 || semi < eq)) {
      if (text.slice(i, semi).trim() !== '') throw new AdoSyntaxError(`part ${pairs.length + 1} has no "="`);
      i = semi + 1;
      continue;
    }
    if (eq === -1) {
      if (text.slice(i).trim() !== '') throw new AdoSyntaxError(`part ${pairs.length + 1} has no "="`);
      break;
    }
    const key = text.slice(i, eq).trim().toLowerCase().replace(/\s+/g, ' ');
    if (key === '') throw new AdoSyntaxError(`part ${pairs.length + 1} has no key before "="`);
    const { value, end } = readValue(text, eq + 1, key);
    pairs.push({ key, value });
    i = end;
  }
  return pairs;
}

function readValue(text: string, start: number, key: string): { value: string; end: number } {
  let i = start;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  const open = text[i];
  if (open === '"' || open === "'" || open === '{') {
    const close = open === '{' ? '}' : open;
    let value = '';
    i++;
    for (;;) {
      if (i >= text.length) throw new AdoSyntaxError(`the value of "${key}" has no closing ${close}`);
      if (text[i] === close) {
        if (text[i + 1] === close) {
          value += close;
          i += 2;
          continue;
        }
        i++;
        break;
      }
      value += text[i];
      i++;
    }
    while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
    if (i < text.length && text[i] !== ';') {
      throw new AdoSyntaxError(`unexpected text after the quoted value of "${key}"`);
    }
    return { value, end: i + 1 };
  }
  const semi = text.indexOf(';', i);
  const end = semi === -1 ? text.length : semi;
  return { value: text.slice(i, end).trim(), end: end + 1 };
}
