/**
 * A one- or two-part object name as T-SQL writes it (`orders`, `sales.orders`, `[my.schema].[orders]`):
 * what `renamedFrom` of a table accepts, so a table can name the schema it is moved from.
 * https://learn.microsoft.com/sql/relational-databases/databases/database-identifiers
 */

/** A parsed name: `schema` null when the text names no schema (one part). */
export type QualifiedName = { readonly ok: true; readonly schema: string | null; readonly name: string } | { readonly ok: false; readonly message: string };

/**
 * Splits `text` at the dots outside brackets; a bracketed part may hold dots and `]]` (an
 * escaped `]`). More than two parts (a database or server name) is an error: ALTER SCHEMA
 * TRANSFER moves objects within one database only.
 */
export function parseQualifiedName(text: string): QualifiedName {
  const parts: string[] = [];
  let i = 0;
  for (;;) {
    let part = '';
    if (text[i] === '[') {
      i++;
      for (;;) {
        if (i >= text.length) return { ok: false, message: `'${text}' has a [ without its closing ]` };
        if (text[i] === ']') {
          if (text[i + 1] !== ']') { i++; break; }
          part += ']'; i += 2; continue;
        }
        part += text[i]; i++;
      }
    } else {
      while (i < text.length && text[i] !== '.') {
        if (text[i] === '[' || text[i] === ']') return { ok: false, message: `'${text}' has a bracket inside a name; bracket the whole part, as in [a.b].orders` };
        part += text[i]; i++;
      }
    }
    if (part.trim() === '') return { ok: false, message: `'${text}' has an empty name part; write 'table' or 'schema.table'` };
    parts.push(part);
    if (i >= text.length) break;
    if (text[i] !== '.') return { ok: false, message: `'${text}' has text after a bracketed name; parts are separated by a dot` };
    i++;
  }
  if (parts.length > 2) return { ok: false, message: `'${text}' has ${parts.length} parts; write 'table' or 'schema.table' (a table moves within one database only)` };
  return parts.length === 2 ? { ok: true, schema: parts[0] as string, name: parts[1] as string } : { ok: true, schema: null, name: parts[0] as string };
}
