/**
 * Everything pull decides about one table before any mixin is found: class and file names,
 * field names, which checks become literal unions, the soft-delete column, and the written
 * columns and table-level decorators with the signatures mixin detection compares.
 */
import type { CheckConstraint, Column, Database, DefaultConstraint, Table } from '../../model';
import { canonicalOf, inListOf } from '../../expr';
import { bracket, inListText } from '../../sqlserver/literals';
import { nameKeyFor, sameName, tableKey, type NameKey } from '../../sqlserver/names';
import { isCharacterType } from '../../sqlserver/types';
import { foldCase } from '../../util/case';
import { compareText } from '../../util/compare';
import { columnText, type ColumnText } from './column-text';
import { boundCommentLines } from './bound-text';
import { fieldNames, NameSpace, pascalCase, tableFileBase, type FieldName } from './naming';
import { tableItems, type TableItem } from './table-items';
import type { AliasConst, AliasLookup } from './alias-types';
import type { SequenceLookup } from './sequences';

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


/** Builds the views of every table, sorted by schema and name; problems are appended to `problems`. */
export function tableViews(
  db: Database, names: NameSpace, problems: string[], aliasOf: AliasLookup = () => undefined, sequencesAfterClasses: () => SequenceLookup = () => () => undefined,
): TableView[] {
  const key = nameKeyFor(db.collation);
  const tables = [...db.tables].sort((a, b) => compareText(a.schema, b.schema) || compareText(a.name, b.name));
  // Class names become file names, which collide case-insensitively on common file systems.
  const dboNames = new Set(tables.filter((t) => t.schema === 'dbo').map((t) => foldCase(pascalCase(t.name))));
  const info = new Map<string, { className: string; fields: Map<string, FieldName> }>();
  for (const t of tables) {
    const plain = pascalCase(t.name);
    // Tables outside dbo take their schema as a prefix when a dbo table already has the plain name.
    const className = t.schema !== 'dbo' && dboNames.has(foldCase(plain))
      ? names.claim(`${pascalCase(t.schema)}${plain}`) : names.claim(plain, `${pascalCase(t.schema)}${plain}`);
    info.set(tableKey(key, t.schema, t.name), { className, fields: fieldNames(t.columns) });
  }
  // Sequence consts are named once every class is (pull's names stay as they were before sequences were looked up).
  const sequenceOf = sequencesAfterClasses();
  const softDeleteNames = new Set<string>();
  const chosen = new Map<Table, string | null>();
  for (const t of tables) {
    const c = softDeleteByFilters(t, key);
    chosen.set(t, c);
    if (c !== null) softDeleteNames.add(key(c));
  }
  return tables.map((t) => {
    const own = info.get(tableKey(key, t.schema, t.name));
    if (!own) throw new Error(`pull: no names for ${t.schema}.${t.name}`);
    const softDelete = chosen.get(t) ?? t.columns.find((c) => isSoftDeleteCandidate(c) && softDeleteNames.has(key(c.name)))?.name ?? null;
    return viewOf(t, own.className, own.fields, softDelete, info, key, problems, aliasOf, sequenceOf);
  });
}

function viewOf(
  t: Table, className: string, fields: Map<string, FieldName>, softDelete: string | null,
  info: Map<string, { className: string; fields: Map<string, FieldName> }>, key: NameKey, problems: string[], aliasOf: AliasLookup, sequenceOf: SequenceLookup,
): TableView {
  const fieldOrNull = (column: string): string | null =>
    (fields.get(column) ?? [...fields.entries()].find(([c]) => sameName(key, c, column))?.[1])?.field ?? null;
  const field = (column: string): string => {
    const f = fieldOrNull(column);
    if (f === null) throw new Error(`pull: ${t.schema}.${t.name} refers to column ${column}, which it does not have`);
    return f;
  };
  const unions = unionChecks(t, key);
  const unionSet = new Set([...unions.values()].map((u) => u.check));
  const defaults = new Map<string, DefaultConstraint>(t.defaults.map((d) => [key(d.column), d]));
  const columns: ColumnView[] = t.columns.map((column) => {
    const f = fields.get(column.name);
    if (!f) throw new Error(`pull: no field for ${t.schema}.${t.name}.${column.name}`);
    const union = unions.get(key(column.name))?.values ?? null;
    const defaultExpression = defaults.get(key(column.name))?.expression ?? null;
    const sequenceConst = defaultExpression === null ? undefined : sequenceOf(defaultExpression.text);
    const extras = {
      field: f, defaultExpression,
      softDelete: softDelete !== null && sameName(key, column.name, softDelete), key,
      ...aliasExtras(aliasOf(column.type)), ...(sequenceConst !== undefined ? { sequenceConst } : {}),
    };
    const text = (unionType: string | null): ColumnText => columnText(column, { ...extras, unionType });
    const probe = text('\u0000union');
    // The description is part of what is written: a column documented differently in two tables is not shared.
    return { column, field: f, unionValues: union, text, signature: JSON.stringify([probe.decorator, probe.field, union, column.description ?? null,
      // A mixin's column is written once, with one comment: columns bound differently are not the same column.
      ...(column.boundDefault !== undefined || column.boundRule !== undefined ? [boundCommentLines(column, '')] : [])]) };
  });
  const items = tableItems({
    table: t, key, field, fieldOrNull,
    target: (schema, table) => {
      const target = info.get(tableKey(key, schema, table));
      if (!target) return null;
      return { className: target.className, field: (c) => target.fields.get(c)?.field ?? [...target.fields.entries()].find(([n]) => sameName(key, n, c))?.[1].field ?? c };
    },
    activeFilter: softDelete !== null ? canonicalOf(`${bracket(softDelete)} = 0`, key) : null,
    unionChecks: unionSet,
    namedDefaults: t.defaults
      // A system name (DF__users__statu__3B75D760) is left to the compiler's, as the config's systemNames says.
      .filter((d) => d.name !== `df_${t.name}_${d.column}` && !d.isSystemNamed)
      .map((d) => ({ column: d.column, name: d.name })),
    problems,
  });
  return { table: t, className, fileBase: tableFileBase(t.schema, t.name), columns, items };
}

function aliasExtras(a: AliasConst | undefined): { alias?: { constName: string; nullable: boolean } } {
  return a === undefined ? {} : { alias: { constName: a.constName, nullable: a.def.nullable } };
}

/**
 * Checks the compiler would derive from a literal union on the field: an IN list (or its
 * stored OR chain) of strings on one character column, named as the compiler names it, trusted,
 * enabled and not NOT FOR REPLICATION (a union cannot say that). Any other check stays a
 * table-level @Check so its name, text and options survive.
 */
function unionChecks(t: Table, key: NameKey): Map<string, { check: CheckConstraint; values: string[] }> {
  const out = new Map<string, { check: CheckConstraint; values: string[] }>();
  for (const ck of t.checks) {
    if (!ck.trusted || !ck.enabled || ck.notForReplication === true) continue;
    const list = inListOf(ck.expression.text, key);
    if (!list || list.values.length === 0 || new Set(list.values).size !== list.values.length) continue;
    const column = t.columns.find((c) => sameName(key, c.name, list.column));
    if (!column || column.computed || !isCharacterType(column.type)) continue;
    if ((ck.name !== `ck_${t.name}_${column.name}` && !ck.isSystemNamed) || out.has(key(column.name))) continue;
    // The check the compiler derives from the union must compare equal to the stored one (an
    // nvarchar column gets N'...' literals, for one), or the union would become a plan step.
    if (canonicalOf(inListText(column.name, list.values, column.type), key) !== ck.expression.canonical) continue;
    out.set(key(column.name), { check: ck, values: list.values });
  }
  return out;
}

function isSoftDeleteCandidate(c: Column): boolean {
  return c.type.name === 'bit' && !c.nullable && !c.computed;
}

/** The bit column most index filters test as `[col] = 0` (ties by name): what activeOnly means here. */
function softDeleteByFilters(t: Table, key: NameKey): string | null {
  let best: { name: string; uses: number } | null = null;
  for (const c of [...t.columns].filter(isSoftDeleteCandidate).sort((a, b) => compareText(a.name, b.name))) {
    const filter = canonicalOf(`${bracket(c.name)} = 0`, key);
    const uses = t.indexes.filter((ix) => ix.filter !== null && ix.filter.canonical === filter).length;
    if (uses > 0 && (best === null || uses > best.uses)) best = { name: c.name, uses };
  }
  return best?.name ?? null;
}
