/**
 * Names in pulled schema files: class names from table names, field names from column names
 * (with the compiler's snake_case rule deciding whether an explicit column name is needed),
 * file names, and TypeScript string literals.
 */
import type { Column } from '../../model';
// Pull inverts the compiler's field -> column rule: the one copy, not a look-alike.
import { foldCase, snakeCase } from '../../util/case';

// Characters a TypeScript identifier may hold after its first (ID_Continue, less the
// connector punctuation `_`, which splits words): letters of any script, letter numbers, digits
// and combining marks. `Näme` is the field `näme`, not `nMe`.
const NOT_WORD = /[^\p{L}\p{Nl}\p{Nd}\p{Mn}\p{Mc}]+|_/u;
// What may start one (ID_Start): a letter or letter number.
const STARTS_IDENTIFIER = /^[\p{L}\p{Nl}]/u;

/** The words of a name, each capitalised and joined: order_lines -> OrderLines (possibly empty, or starting with a digit). */
function joinedWords(name: string): string {
  return name.split(NOT_WORD).filter((w) => w.length > 0).map((w) => w[0].toUpperCase() + w.slice(1)).join('');
}

/** order_lines -> OrderLines; non-identifier characters split words; a name that cannot start an identifier gets a T prefix. */
export function pascalCase(name: string): string {
  const text = joinedWords(name);
  return STARTS_IDENTIFIER.test(text) ? text : `T${text}`;
}

/** last_login_at -> lastLoginAt; a name already camelCase stays; one that cannot start an identifier gets a _ prefix (2fa -> _2fa). */
export function camelCase(name: string): string {
  const text = joinedWords(name);
  return STARTS_IDENTIFIER.test(text) ? text[0].toLowerCase() + text.slice(1) : `_${text}`;
}

/** A field, and whether the decorator must name its column because snake_case(field) differs. */
export interface FieldName {
  readonly field: string;
  readonly explicitName: boolean;
}

/**
 * Field names of a table's columns, in column order: camelCase, made unique (a `_2` suffix) when
 * two columns would share one; the column name is explicit wherever the compiler would not
 * derive it back from the field.
 */
export function fieldNames(columns: readonly Column[]): Map<string, FieldName> {
  const used = new Set<string>();
  const out = new Map<string, FieldName>();
  for (const c of columns) {
    // A class cannot have a field named constructor.
    const base = camelCase(c.name) === 'constructor' ? 'constructorColumn' : camelCase(c.name);
    let field = base;
    for (let n = 2; used.has(field); n++) field = `${base}_${n}`;
    used.add(field);
    out.set(c.name, { field, explicitName: snakeCase(field) !== c.name });
  }
  return out;
}

/** users -> users.schema.ts; sales.orders -> sales.orders.schema.ts (characters unsafe in a file name become _). */
export function tableFileBase(schema: string, table: string): string {
  const safe = (s: string): string => s.replace(/[^A-Za-z0-9_.-]/g, '_');
  return schema === 'dbo' ? safe(table) : `${safe(schema)}.${safe(table)}`;
}

/** BaseEntity -> base-entity. */
export function kebabCase(pascal: string): string {
  return pascal.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

/** A single-quoted TypeScript string literal. */
export function tsString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`;
}

/**
 * sql`...` holding `text` verbatim. The compiler reads the template's raw text, so nothing can be
 * escaped; text with a backtick or `${` cannot be written and yields null.
 */
export function sqlTemplate(text: string): string | null {
  if (text.includes('`') || text.includes('${')) return null;
  return `sql\`${text}\``;
}

/** Hands out names unique within one generated tree (classes and exported types share one space). */
export class NameSpace {
  private readonly taken = new Set<string>();

  // Folded: class names become file names, which collide case-insensitively on common file systems.
  constructor(reserved: readonly string[]) {
    for (const r of reserved) this.taken.add(foldCase(r));
  }

  /** The first of the candidates not yet taken, else the last one with a number. */
  claim(...candidates: string[]): string {
    for (const c of candidates) {
      if (!this.taken.has(foldCase(c))) {
        this.taken.add(foldCase(c));
        return c;
      }
    }
    const base = candidates[candidates.length - 1];
    for (let n = 2; ; n++) {
      const c = `${base}${n}`;
      if (!this.taken.has(foldCase(c))) {
        this.taken.add(foldCase(c));
        return c;
      }
    }
  }
}
