/**
 * Everything pull decides about one table before any mixin is found: class and file names,
 * field names, which checks become literal unions, the soft-delete column, and the written
 * columns and table-level decorators with the signatures mixin detection compares.
 */
import type { CheckConstraint, Column, Database, DefaultConstraint, Table } from '../../model';
import { canonicalOf, inListOf } from '../../expr';
import { columnText, type ColumnText } from './column-text';
import { fieldNames, NameSpace, pascalCase, tableFileBase, type FieldName } from './naming';
import { tableItems, type TableItem } from './table-items';

/** One pulled column. */
export interface ColumnView {
  readonly column: Column;
  readonly field: FieldName;
  /** Values of the literal union the field is typed with, or null. */
  readonly unionValues: readonly string[] | null;
  /** Writes the column with the union type named as given. */
  readonly text: (unionType: string | null) => ColumnText;
  /** Equal for two columns exactly when they are written the same (union type name aside). */
  readonly signature: string;
}

/** One pulled table. */
export interface TableView {
  readonly table: Table;
  readonly className: string;
  readonly fileBase: string;
  readonly columns: readonly ColumnView[];
  readonly items: readonly TableItem[];
}

const characterTypes = new Set(['char', 'varchar', 'nchar', 'nvarchar']);
const tableKey = (schema: string, name: string): string => `${schema.toLowerCase()}\u0000${name.toLowerCase()}`;

/** Builds the views of every table, sorted by schema and name; problems are appended to `problems`. */
export function tableViews(db: Database, names: NameSpace, problems: string[]): TableView[] {
  const tables = [...db.tables].sort((a, b) => cmp(a.schema, b.schema) || cmp(a.name, b.name));
  const dboNames = new Set(tables.filter((t) => t.schema === 'dbo').map((t) => pascalCase(t.name).toLowerCase()));
  const info = new Map<string, { className: string; fields: Map<string, FieldName> }>();
  for (const t of tables) {
    const plain = pascalCase(t.name);
    // Tables outside dbo take their schema as a prefix when a dbo table already has the plain name.
    const className = t.schema !== 'dbo' && dboNames.has(plain.toLowerCase())
      ? names.claim(`${pascalCase(t.schema)}${plain}`) : names.claim(plain, `${pascalCase(t.schema)}${plain}`);
    info.set(tableKey(t.schema, t.name), { className, fields: fieldNames(t.columns) });
  }
  const softDeleteNames = new Set<string>();
  const chosen = new Map<Table, string | null>();
  for (const t of tables) {
    const c = softDeleteByFilters(t);
    chosen.set(t, c);
    if (c !== null) softDeleteNames.add(c.toLowerCase());
  }
  return tables.map((t) => {
    const own = info.get(tableKey(t.schema, t.name));
    if (!own) throw new Error(`pull: no names for ${t.schema}.${t.name}`);
    const softDelete = chosen.get(t) ?? t.columns.find((c) => isSoftDeleteCandidate(c) && softDeleteNames.has(c.name.toLowerCase()))?.name ?? null;
    return viewOf(t, own.className, own.fields, softDelete, info, problems);
  });
}

function viewOf(
  t: Table, className: string, fields: Map<string, FieldName>, softDelete: string | null,
  info: Map<string, { className: string; fields: Map<string, FieldName> }>, problems: string[],
): TableView {
  const fieldOrNull = (column: string): string | null =>
    (fields.get(column) ?? [...fields.entries()].find(([c]) => c.toLowerCase() === column.toLowerCase())?.[1])?.field ?? null;
  const field = (column: string): string => {
    const f = fieldOrNull(column);
    if (f === null) throw new Error(`pull: ${t.schema}.${t.name} refers to column ${column}, which it does not have`);
    return f;
  };
  const unions = unionChecks(t);
  const unionSet = new Set([...unions.values()].map((u) => u.check));
  const defaults = new Map<string, DefaultConstraint>(t.defaults.map((d) => [d.column.toLowerCase(), d]));
  const columns: ColumnView[] = t.columns.map((column) => {
    const f = fields.get(column.name);
    if (!f) throw new Error(`pull: no field for ${t.schema}.${t.name}.${column.name}`);
    const union = unions.get(column.name.toLowerCase())?.values ?? null;
    const extras = {
      field: f, defaultExpression: defaults.get(column.name.toLowerCase())?.expression ?? null,
      softDelete: softDelete !== null && column.name.toLowerCase() === softDelete.toLowerCase(),
    };
    const text = (unionType: string | null): ColumnText => columnText(column, { ...extras, unionType });
    const probe = text('\u0000union');
    return { column, field: f, unionValues: union, text, signature: JSON.stringify([probe.decorator, probe.field, union]) };
  });
  const items = tableItems({
    table: t, field, fieldOrNull,
    target: (schema, table) => {
      const target = info.get(tableKey(schema, table));
      if (!target) return null;
      return { className: target.className, field: (c) => target.fields.get(c)?.field ?? [...target.fields.entries()].find(([n]) => n.toLowerCase() === c.toLowerCase())?.[1].field ?? c };
    },
    activeFilter: softDelete !== null ? canonicalOf(`${quote(softDelete)} = 0`) : null,
    unionChecks: unionSet,
    namedDefaults: t.defaults
      .filter((d) => d.name !== `df_${t.name}_${d.column}`)
      .map((d) => ({ column: d.column, name: d.name })),
    problems,
  });
  return { table: t, className, fileBase: tableFileBase(t.schema, t.name), columns, items };
}

/**
 * Checks the compiler would derive from a literal union on the field: an IN list (or its
 * stored OR chain) of strings on one character column, named as the compiler names it, trusted
 * and enabled. Any other check stays a table-level @Check so its name and text survive.
 */
function unionChecks(t: Table): Map<string, { check: CheckConstraint; values: string[] }> {
  const out = new Map<string, { check: CheckConstraint; values: string[] }>();
  for (const ck of t.checks) {
    if (!ck.trusted || !ck.enabled) continue;
    const list = inListOf(ck.expression.text);
    if (!list || list.values.length === 0 || new Set(list.values).size !== list.values.length) continue;
    const column = t.columns.find((c) => c.name.toLowerCase() === list.column.toLowerCase());
    if (!column || column.computed || !characterTypes.has(column.type.name)) continue;
    if (ck.name !== `ck_${t.name}_${column.name}` || out.has(column.name.toLowerCase())) continue;
    // The check the compiler derives from the union must compare equal to the stored one (an
    // nvarchar column gets N'...' literals, for one), or the union would become a plan step.
    if (canonicalOf(derivedCheck(column, list.values)) !== ck.expression.canonical) continue;
    out.set(column.name.toLowerCase(), { check: ck, values: list.values });
  }
  return out;
}

/** `[col] IN ('a', ...)` as the compiler writes it for a literal union (N'...' on n-types). */
function derivedCheck(column: Column, values: readonly string[]): string {
  const prefix = column.type.name === 'nchar' || column.type.name === 'nvarchar' ? 'N' : '';
  return `${quote(column.name)} IN (${values.map((v) => `${prefix}'${v.replace(/'/g, "''")}'`).join(', ')})`;
}

function quote(name: string): string {
  return `[${name.replace(/]/g, ']]')}]`;
}

function isSoftDeleteCandidate(c: Column): boolean {
  return c.type.name === 'bit' && !c.nullable && !c.computed;
}

/** The bit column most index filters test as `[col] = 0` (ties by name): what activeOnly means here. */
function softDeleteByFilters(t: Table): string | null {
  let best: { name: string; uses: number } | null = null;
  for (const c of [...t.columns].filter(isSoftDeleteCandidate).sort((a, b) => cmp(a.name, b.name))) {
    const key = canonicalOf(`${quote(c.name)} = 0`);
    const uses = t.indexes.filter((ix) => ix.filter !== null && ix.filter.canonical === key).length;
    if (uses > 0 && (best === null || uses > best.uses)) best = { name: c.name, uses };
  }
  return best?.name ?? null;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
