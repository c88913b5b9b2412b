/**
 * Statistics made by CREATE STATISTICS in the way of a plan (Table.statistics, read from the
 * catalog; schemac never declares them). SQL Server refuses to alter a column such statistics
 * name ("First, remove the statistics using the DROP STATISTICS statement", ALTER TABLE, ALTER
 * COLUMN) unless a varchar/nvarchar/varbinary grows or the column becomes nullable, and refuses to
 * drop one (Msg 5074 + 4922). For every step that would be refused, in either direction (the down
 * script narrows what the plan widens), the plan drops the statistics just before their first
 * such step and re-creates them just after the last step that changes a column they name, under
 * the names the table and columns have by then, with a `dependent-rebuild` hazard. Statistics
 * on a column the plan drops for good are dropped and not re-created (the down script re-creates
 * them), with a `dependent-object` hazard.
 * https://learn.microsoft.com/sql/t-sql/statements/alter-table-transact-sql
 */
import type { Change, PlanStep, TableRef } from './changes';
import { statisticsBlockAlter } from './blockers';
import { hazard } from './hazards';
import { step } from './step';
import { collationKey, tableKey, type NameKey } from '../sqlserver/names';
import { appendTo } from '../util/group-by';
import { namesBefore } from './names-before';
import type { Database, Table, UserStatistics } from '../model';

/** A rename step of the plan: a table's, or a column's (under its table's name before the plan). */
interface Rename {
  readonly at: number;
  readonly table: string; // tableKey before the plan
  readonly from: string | null; // the column's name before the step; null for the table's rename
  readonly to: string;
}

/** What the plan does to one statistics object. */
interface Touched {
  readonly table: Table;
  readonly statistics: UserStatistics;
  first: number;
  last: number;
  /** Columns (names before the plan) the plan drops without adding them back. */
  readonly gone: Set<string>;
  readonly reasons: string[];
}

/** Bracketed names in a stored filter (SQL Server stores `([col]>(0))`). */
const BRACKETED = /\[((?:[^\]]|\]\])*)\]/g;

/** A bracketed name's text without its escapes (`a]]b` is `a]b`). */
const unescaped = (inner: string): string => inner.replace(/\]\]/g, ']');

function filterColumns(filter: string | null): string[] {
  if (filter === null) return [];
  return [...filter.matchAll(BRACKETED)].map((m) => unescaped(m[1] as string));
}

/** The columns a statistics object depends on: its keys and what its filter names. */
function dependsOn(s: UserStatistics): string[] {
  return [...s.columns, ...filterColumns(s.filter)];
}

/** The plan's steps with CREATE STATISTICS statistics dropped and re-created around what they block. */
export function planAroundStatistics(steps: readonly PlanStep[], current: Database, key: NameKey): PlanStep[] {
  const withStats = new Map<string, Table>();
  for (const t of current.tables) if (t.statistics !== undefined && t.statistics.length > 0) withStats.set(tableKey(key, t.schema, t.name), t);
  if (withStats.size === 0) return [...steps];

  // Steps under new names map back to the tables and columns before the plan.
  const names = namesBefore(steps, key);
  const keyOf = (t: TableRef): string => tableKey(key, t.schema, t.name);
  const before = (t: TableRef): string => keyOf(names.table(t));
  const renames: Rename[] = [];
  const moves: { readonly at: number; readonly table: string; readonly to: string }[] = [];
  steps.forEach((s, at) => {
    const c = s.change;
    if (c.kind === 'renameTable') renames.push({ at, table: keyOf(names.unmoved({ schema: c.schema, name: c.from })), from: null, to: c.to });
    if (c.kind === 'renameColumn') renames.push({ at, table: before(c.table), from: c.from, to: c.to });
    if (c.kind === 'transferTable') moves.push({ at, table: tableKey(key, c.from, c.name), to: c.to });
  });

  const touched = new Map<UserStatistics, Touched>();
  const touch = (table: Table, s: UserStatistics, at: number, reason: string | null): Touched => {
    let t = touched.get(s);
    if (t === undefined) touched.set(s, t = { table, statistics: s, first: at, last: at, gone: new Set(), reasons: [] });
    t.first = Math.min(t.first, at);
    t.last = Math.max(t.last, at);
    if (reason !== null) t.reasons.push(reason);
    return t;
  };
  const statsNaming = (table: Table, column: string): UserStatistics[] =>
    (table.statistics ?? []).filter((s) => dependsOn(s).some((c) => key(c) === key(column)));

  // Steps SQL Server would refuse while the statistics exist.
  steps.forEach((s, at) => {
    const c = s.change;
    if (c.kind === 'alterColumn') {
      const table = withStats.get(before(c.table));
      if (table === undefined) return;
      const column = names.column(c.table, c.from.name);
      const sameCollation = collationKey(c.from.collation ?? current.collation) === collationKey(c.to.collation ?? current.collation);
      if (!statisticsBlockAlter(c.from, c.to, sameCollation) && !statisticsBlockAlter(c.to, c.from, sameCollation)) return;
      for (const st of statsNaming(table, column)) touch(table, st, at, `ALTER COLUMN ${column}`);
    } else if (c.kind === 'dropColumn') {
      // Drops run before renames: the step names the table and column as they are now.
      const table = withStats.get(keyOf(c.table));
      if (table === undefined) return;
      for (const st of statsNaming(table, c.column.name)) touch(table, st, at, `DROP COLUMN ${c.column.name}`).gone.add(key(c.column.name));
    }
  });
  if (touched.size === 0) return [...steps];

  // Later steps on the same columns (a re-add, a backfill, an alter that alone would not be
  // refused, a rename) come before the re-creation; a re-added column is not gone.
  steps.forEach((s, at) => {
    const c = s.change;
    const ref = columnStep(c);
    if (ref === null) return;
    const tableBeforePlan = c.kind === 'dropColumn' ? keyOf(ref.table) : before(ref.table);
    const column = c.kind === 'dropColumn' || c.kind === 'renameColumn' ? ref.column : names.column(ref.table, ref.column);
    for (const t of touched.values()) {
      if (keyOf(t.table) !== tableBeforePlan || !dependsOn(t.statistics).some((x) => key(x) === key(column))) continue;
      if (at > t.first) t.last = Math.max(t.last, at);
      if (c.kind === 'addColumn') t.gone.delete(key(column));
    }
  });

  /** The table and the statistics as named once the steps before `at` have run. */
  const namedAt = (t: Touched, at: number): { table: TableRef; statistics: UserStatistics } => {
    const tk = keyOf(t.table);
    const done = renames.filter((r) => r.at < at && r.table === tk);
    const tableName = done.find((r) => r.from === null)?.to ?? t.table.name;
    const rename = (name: string): string => done.find((r) => r.from !== null && key(r.from) === key(name))?.to ?? name;
    const s = t.statistics;
    const filter = s.filter === null ? null : s.filter.replace(BRACKETED, (whole, inner: string) => {
      const to = rename(unescaped(inner));
      return to === unescaped(inner) ? whole : `[${to.replace(/\]/g, ']]')}]`;
    });
    const schema = moves.find((m) => m.at < at && m.table === tk)?.to ?? t.table.schema;
    return { table: { schema, name: tableName }, statistics: { ...s, columns: s.columns.map(rename), filter } };
  };

  const dropsAt = new Map<number, PlanStep[]>();
  const createsAfter = new Map<number, PlanStep[]>();
  for (const t of [...touched.values()].sort((a, b) => a.statistics.name.localeCompare(b.statistics.name))) {
    const what = `statistics ${t.statistics.name} (${dependsOn(t.statistics).join(', ')}) of ${t.table.schema}.${t.table.name}`;
    const refused = `SQL Server refuses ${[...new Set(t.reasons)].join(' and ')} while it exists`;
    if (t.gone.size > 0) {
      const gone = [...t.gone].map((g) => dependsOn(t.statistics).find((c) => key(c) === g) ?? g).join(', ');
      appendTo(dropsAt, t.first, step({ kind: 'dropStatistics', ...namedAt(t, t.first) },
        [hazard('dependent-object', `${what}: ${refused}; it is dropped and not re-created, since the plan drops ${gone} (the down script re-creates it)`)]));
      continue;
    }
    appendTo(dropsAt, t.first, step({ kind: 'dropStatistics', ...namedAt(t, t.first) },
      [hazard('dependent-rebuild', `${what}: ${refused}; it is dropped first and re-created after the change with the default sample (CREATE STATISTICS)`)]));
    appendTo(createsAfter, t.last, step({ kind: 'createStatistics', ...namedAt(t, t.last + 1) }));
  }
  const out: PlanStep[] = [];
  steps.forEach((s, at) => {
    out.push(...(dropsAt.get(at) ?? []), s, ...(createsAfter.get(at) ?? []));
  });
  return out;
}

/** The table and column a column step names (the step's own names), or null. */
function columnStep(c: Change): { table: TableRef; column: string } | null {
  switch (c.kind) {
    case 'addColumn': case 'dropColumn': return { table: c.table, column: c.column.name };
    case 'alterColumn': return { table: c.table, column: c.from.name };
    case 'backfillColumn': case 'setSparse': return { table: c.table, column: c.column };
    case 'renameColumn': return { table: c.table, column: c.from };
    default: return null;
  }
}
