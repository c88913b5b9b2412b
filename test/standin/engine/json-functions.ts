/**
 * ISJSON, JSON_VALUE and JSON_QUERY (SQL Server 2016+; isjson-transact-sql.md,
 * json-value-transact-sql.md, json-query-transact-sql.md, json-path-expressions-sql-server.md):
 * enough for the computed columns and CHECK constraints real schemas declare with them.
 */
import { SqlError } from './errors';

/** One step of a JSON path: a property or an array index. */
type Step = { readonly key: string } | { readonly index: number };

/** `[lax|strict] $.a."b c"[0].d` as its mode and steps; a malformed path is Msg 13607. */
function parsePath(path: string): { readonly strict: boolean; readonly steps: readonly Step[] } {
  const bad = (): SqlError => new SqlError(13607, 16, 1, `JSON path is not properly formatted. Unexpected character '${path}' is found.`);
  let rest = path.trim();
  let strict = false;
  const mode = /^(lax|strict)\s+/i.exec(rest);
  if (mode) { strict = mode[1]?.toLowerCase() === 'strict'; rest = rest.slice(mode[0].length); }
  if (!rest.startsWith('$')) throw bad();
  const steps: Step[] = [];
  let i = 1;
  while (i < rest.length) {
    if (rest[i] === '.') {
      i++;
      if (rest[i] === '"') {
        const end = rest.indexOf('"', i + 1);
        if (end < 0) throw bad();
        steps.push({ key: rest.slice(i + 1, end) });
        i = end + 1;
      } else {
        const m = /^[A-Za-z_$][\w$]*/.exec(rest.slice(i));
        if (!m) throw bad();
        steps.push({ key: m[0] });
        i += m[0].length;
      }
    } else if (rest[i] === '[') {
      const m = /^\[(\d+)\]/.exec(rest.slice(i));
      if (!m) throw bad();
      steps.push({ index: Number(m[1]) });
      i += m[0].length;
    } else throw bad();
  }
  return { strict, steps };
}

function parseJson(text: string): { readonly ok: true; readonly value: unknown } | { readonly ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** The value at `path` in `text`, or undefined when it is not there. Text that is not JSON is Msg 13609. */
function lookup(text: string, path: string): { readonly value: unknown; readonly strict: boolean } {
  const { strict, steps } = parsePath(path);
  const parsed = parseJson(text);
  if (!parsed.ok) throw new SqlError(13609, 16, 2, 'JSON text is not properly formatted. Unexpected character is found.');
  let value: unknown = parsed.value;
  for (const step of steps) {
    if ('key' in step) value = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)[step.key] : undefined;
    else value = Array.isArray(value) ? value[step.index] : undefined;
    if (value === undefined) break;
  }
  if (value === undefined && strict) throw new SqlError(13608, 16, 1, 'Property cannot be found on the specified JSON path.');
  return { value, strict };
}

/** ISJSON(text): 1 for a JSON object or array, 0 for anything else (SQL Server 2016's ISJSON). */
export function isJson(text: string): number {
  const parsed = parseJson(text);
  return parsed.ok && parsed.value !== null && typeof parsed.value === 'object' ? 1 : 0;
}

/** JSON_VALUE(text, path): the scalar there as text; NULL for an object, array or nothing (lax). */
export function jsonValue(text: string, path: string): string | null {
  const { value, strict } = lookup(text, path);
  if (value === undefined || value === null) return null;
  if (typeof value === 'object') {
    if (strict) throw new SqlError(13623, 16, 1, 'Scalar value cannot be found in the specified JSON path.');
    return null;
  }
  return String(value);
}

/** JSON_QUERY(text[, path]): the object or array there as JSON text; NULL for a scalar or nothing (lax). */
export function jsonQuery(text: string, path = '$'): string | null {
  const { value, strict } = lookup(text, path);
  if (value === undefined || value === null) return null;
  if (typeof value !== 'object') {
    if (strict) throw new SqlError(13624, 16, 1, 'Object or array cannot be found in the specified JSON path.');
    return null;
  }
  return JSON.stringify(value);
}
