/**
 * The state a migration leaves: the schema it was planned towards, plus what the plan left
 * alone (objects the schema no longer declares, kept without --allow-drop). This is what the
 * database holds after up.sql, so it is what after.json records and apply verifies.
 */
import { describeRemaining } from '../apply/executor';
import { diff, type Plan, type SkippedObject } from '../differ';
import { nameKeyFor, type NameKey } from '../sqlserver/names';
import type { Column, Database, Table } from '../model';

/** Drops compiler-only hints and row counts: after.json records structure, as a catalog does. */
function plain(t: Table): Table {
  const { renamedFrom: _r, rowCount: _c, source: _s, ...rest } = t;
  const column = ({ renamedFrom: _cr, backfill: _b, source: _cs, ...c }: Column): Column => c;
  return { ...rest, columns: rest.columns.map(column) };
}

/** `desired` with what `plan` skipped copied from `previous`; checked to be where the plan lands. */
export function stateAfter(desired: Database, previous: Database, plan: Plan): Database {
  const key = nameKeyFor(previous.collation);
  const tables = desired.tables.map(plain);
  const schemas = new Set(desired.schemas);
  const find = (list: Table[], s: SkippedObject): number => findTable(list, s.table.schema, s.table.name, key);
  const wholeTables = new Set<string>();
  for (const s of plan.skipped) {
    if (s.objectType === 'schema') { schemas.add(s.name); continue; }
    if (s.objectType !== 'table') continue;
    const old = previous.tables[find([...previous.tables], s)];
    if (old !== undefined) { tables.push(plain(old)); wholeTables.add(`${key(s.table.schema)}.${key(s.table.name)}`); }
  }
  for (const s of plan.skipped) {
    if (s.objectType === 'schema' || s.objectType === 'type' || s.objectType === 'sequence' || s.objectType === 'table' || wholeTables.has(`${key(s.table.schema)}.${key(s.table.name)}`)) continue;
    const old = previous.tables[find([...previous.tables], s)];
    // The skipped object's table kept its old name in `s`; the desired one may be renamed.
    const i = tables.findIndex((t) => key(t.schema) === key(s.table.schema)
      && (key(t.name) === key(s.table.name) || desiredRenamedFrom(desired, t, key) === key(s.table.name)));
    if (old === undefined || i < 0) continue;
    tables[i] = withSkipped(tables[i] as Table, old, s, key);
  }
  // Alias types the plan left alone (undeclared, kept without --allow-drop) stay as they were.
  const keptTypes = (previous.aliasTypes ?? []).filter((a) => plan.skipped.some((s) => s.objectType === 'type' && key(s.table.schema) === key(a.schema) && key(s.name) === key(a.name)));
  const aliasTypes = [...(desired.aliasTypes ?? []), ...keptTypes];
  // Sequences the plan left alone (undeclared, no --allow-drop) stay as they were.
  const keptSequences = (previous.sequences ?? []).filter((q) => plan.skipped.some((s) => s.objectType === 'sequence'
    && key(s.table.schema) === key(q.schema) && key(s.name) === key(q.name)));
  const sequences = [...(desired.sequences ?? []), ...keptSequences];
  const after: Database = {
    name: null, collation: desired.collation, schemas: [...schemas].sort(), tables,
    ...(aliasTypes.length > 0 ? { aliasTypes: aliasTypes.map(({ source: _s, ...a }) => a) } : {}),
    ...(sequences.length > 0 ? { sequences: sequences.map(({ source: _s, ...q }) => q) } : {}),
  };
  const remaining = diff(desired, after, { allowDrop: false });
  if (remaining.steps.length > 0) {
    throw new Error(`migrate: internal error: the state after the plan still differs from the schema (${describeRemaining(remaining)})`);
  }
  return after;
}

function findTable(list: readonly Table[], schema: string, name: string, key: NameKey): number {
  return list.findIndex((t) => key(t.schema) === key(schema) && key(t.name) === key(name));
}

function desiredRenamedFrom(desired: Database, t: Table, key: NameKey): string | null {
  const d = desired.tables.find((x) => key(x.schema) === key(t.schema) && key(x.name) === key(t.name));
  return d?.renamedFrom === undefined ? null : key(d.renamedFrom);
}

/** One skipped column or constraint of `old`, added back to `t`. */
function withSkipped(t: Table, old: Table, s: SkippedObject, key: NameKey): Table {
  const same = (name: string) => key(name) === key(s.name);
  switch (s.objectType) {
    case 'column': {
      const c = old.columns.find((x) => same(x.name));
      return c ? { ...t, columns: [...t.columns, plain({ ...old, columns: [c] }).columns[0] as Column] } : t;
    }
    case 'index': return { ...t, indexes: [...t.indexes, ...old.indexes.filter((x) => same(x.name))] };
    case 'check': return { ...t, checks: [...t.checks, ...old.checks.filter((x) => same(x.name))] };
    case 'default': return { ...t, defaults: [...t.defaults, ...old.defaults.filter((x) => same(x.name))] };
    case 'unique': return { ...t, uniqueConstraints: [...t.uniqueConstraints, ...old.uniqueConstraints.filter((x) => same(x.name))] };
    case 'foreignKey': return { ...t, foreignKeys: [...t.foreignKeys, ...old.foreignKeys.filter((x) => same(x.name))] };
    case 'edgeConstraint': return { ...t, edgeConstraints: [...(t.edgeConstraints ?? []), ...(old.edgeConstraints ?? []).filter((x) => same(x.name))] };
    case 'primaryKey': return t.primaryKey === null && old.primaryKey !== null ? { ...t, primaryKey: old.primaryKey } : t;
    case 'table':
    case 'schema':
    case 'sequence':
    case 'type':
      return t;
  }
}
