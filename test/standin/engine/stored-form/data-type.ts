/**
 * Reads the data type of a CONVERT or CAST and spells it the way the stored form does:
 * `"smallint"` -> `[smallint]`, `character varying(max)` -> `[varchar](max)`, `decimal(10, 2)` ->
 * `[decimal](10,2)` (EF Core cases in normalization-cases.json).
 */
import { DataType } from './ast';
import { TokenCursor } from './cursor';
import { canonicalTypeName, RESERVED } from './names';

/** Parses a type name with optional `(n[, m])` / `(max)` arguments. */
export function parseDataType(cursor: TokenCursor): DataType {
  const name = parseTypeName(cursor);
  const args: string[] = [];
  if (cursor.acceptSymbol('(')) {
    do {
      const arg = cursor.next();
      if (arg.kind === 'number' && /^\d+$/.test(arg.text)) args.push(arg.text);
      else if (arg.kind === 'word' && arg.text.toUpperCase() === 'MAX') args.push('max');
      else cursor.fail(arg, 'a type length must be a whole number or MAX');
    } while (cursor.acceptSymbol(','));
    cursor.expectSymbol(')', 'the type length is not closed');
  }
  return { name, args };
}

function parseTypeName(cursor: TokenCursor): string[] {
  const first = cursor.peek();
  if (first.kind === 'quoted') {
    const parts = [cursor.identifier()];
    while (cursor.acceptSymbol('.')) parts.push(cursor.identifier());
    // A quoted system type is still that type: "smallint" and [INT] print as [smallint], [int].
    return parts.length === 1 ? [canonicalTypeName(parts) ?? parts[0]] : parts;
  }
  if (first.kind !== 'word' || RESERVED.has(first.text.toUpperCase())) return cursor.fail(first, 'expected a data type');
  // Several words only for ISO synonyms such as `national character varying`.
  const words: string[] = [];
  while (cursor.peek().kind === 'word' && !RESERVED.has(cursor.peek().text.toUpperCase())) words.push(cursor.next().text);
  if (words.length === 1 && cursor.acceptSymbol('.')) {
    const parts = [words[0], cursor.identifier()];
    while (cursor.acceptSymbol('.')) parts.push(cursor.identifier());
    return parts;
  }
  const canonical = canonicalTypeName(words);
  if (canonical !== null) return [canonical];
  if (words.length > 1) return cursor.fail(first, `unknown data type '${words.join(' ')}'`);
  // An alias type (AdventureWorks `Flag`): its name is all we know; keep it as written.
  return [words[0]];
}
