/**
 * Mixin detection. A mixin is a set of columns written identically (type, options, field name)
 * in at least two tables, together with the table-level decorators those tables share under a
 * `{table}` name template. Levels nest (every table shares an audited base; the tenant-scoped
 * ones share more), so detection repeats inside the chosen group. Deterministic: tables are
 * sorted, and ties are broken by size and then by name.
 */
import type { TableItem } from './table-items';
import type { ColumnView, TableView } from './table-view';
import { pascalCase, NameSpace } from './naming';

/** One detected mixin. */
export interface Mixin {
  readonly className: string;
  readonly parent: Mixin | null;
  /** Tables that extend it (directly or through a deeper mixin). */
  readonly tables: readonly TableView[];
  /** Its columns as the first of its tables has them (the same text in every table). */
  readonly columns: readonly ColumnView[];
  /** Its decorators as the first of its tables has them (the name is the template). */
  readonly items: readonly TableItem[];
}

/**
 * A mixin pays for itself with three shared columns, or one with a shared index, foreign key or
 * check. A shared primary key does not count: nearly every table has one on `id`.
 */
function worthIt(columns: number, items: readonly TableItem[]): boolean {
  return columns >= 3 || (columns >= 1 && items.some((i) => i.kind !== 'primaryKey'));
}

const itemSignature = (i: TableItem): string | null => (i.template === null ? null : i.text(i.template));

const signatureCache = new WeakMap<TableView, ReadonlySet<string>>();

/** The templated decorator signatures of a table, computed once (detection asks for them often). */
function itemSignatures(t: TableView): ReadonlySet<string> {
  let set = signatureCache.get(t);
  if (set === undefined) {
    set = new Set(t.items.map(itemSignature).filter((s): s is string => s !== null));
    signatureCache.set(t, set);
  }
  return set;
}

/** Finds the mixin chain (outermost first) over the tables. */
export function detectMixins(tables: readonly TableView[], names: NameSpace): Mixin[] {
  const out: Mixin[] = [];
  const takenColumns = new Set<string>();
  const takenItems = new Set<string>();
  let group = [...tables];
  let parent: Mixin | null = null;
  while (group.length >= 2) {
    const found = bestGroup(group, takenColumns, takenItems, parent);
    if (!found) break;
    const className = names.claim(parent === null ? 'BaseEntity' : `${scopeWord(found.columns)}ScopedEntity`);
    const mixin: Mixin = { className, parent, tables: found.tables, columns: found.columns, items: found.items };
    out.push(mixin);
    for (const c of found.columns) takenColumns.add(c.signature);
    for (const i of found.items) takenItems.add(itemSignature(i) as string);
    group = found.tables;
    parent = mixin;
  }
  return out;
}

/** tenant_id -> Tenant: the first column of a nested mixin names its scope. */
function scopeWord(columns: readonly ColumnView[]): string {
  return pascalCase(columns[0].column.name.replace(/_?id$/i, '') || columns[0].column.name);
}

function bestGroup(
  group: readonly TableView[], takenColumns: ReadonlySet<string>, takenItems: ReadonlySet<string>, parent: Mixin | null,
): { tables: TableView[]; columns: ColumnView[]; items: TableItem[] } | null {
  // Which tables of the group hold each column signature.
  const holders = new Map<string, Set<TableView>>();
  for (const t of group) {
    for (const c of t.columns) {
      if (takenColumns.has(c.signature)) continue;
      const set = holders.get(c.signature) ?? new Set<TableView>();
      set.add(t);
      holders.set(c.signature, set);
    }
  }
  const candidates = new Map<string, TableView[]>();
  for (const set of holders.values()) {
    const ts = [...set];
    if (ts.length >= 2) candidates.set(ts.map((t) => t.className).join(','), ts);
  }
  const options = [...candidates.values()].map((ts) => shared(ts, takenColumns, takenItems, parent))
    .filter((o) => worthIt(o.columns.length, o.items))
    .sort((a, b) => b.tables.length - a.tables.length || b.columns.length - a.columns.length
      || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return options[0] ?? null;
}

/**
 * The columns all of `tables` begin with, in the same order, after their parent mixins' (taken)
 * columns, and the templated decorators they all share over those columns. Only leading columns:
 * a table extending a mixin gets the mixin's columns first, so a shared column anywhere else
 * would move in the table CREATE TABLE makes from the pulled files (a new environment's columns
 * in another order than the database's, which breaks SELECT * and INSERT without a column list).
 */
function shared(
  tables: TableView[], takenColumns: ReadonlySet<string>, takenItems: ReadonlySet<string>, parent: Mixin | null,
): { key: string; tables: TableView[]; columns: ColumnView[]; items: TableItem[] } {
  const first = tables[0];
  const rest = (t: TableView): ColumnView[] => t.columns.filter((c) => !takenColumns.has(c.signature));
  const lists = tables.map(rest);
  const columns: ColumnView[] = [];
  for (const [i, c] of lists[0].entries()) {
    if (!lists.every((l) => l[i]?.signature === c.signature)) break;
    columns.push(c);
  }
  const available = new Set(columns.map((c) => c.field.field));
  for (let m = parent; m !== null; m = m.parent) for (const c of m.columns) available.add(c.field.field);
  const items = first.items.filter((i) => {
    const sig = itemSignature(i);
    if (sig === null || i.kind === 'defaultName' || takenItems.has(sig)) return false;
    if (!i.fields.every((f) => available.has(f))) return false;
    return tables.every((t) => itemSignatures(t).has(sig));
  });
  return { key: tables.map((t) => t.className).join(','), tables, columns, items };
}
