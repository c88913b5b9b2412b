/**
 * System-versioned temporal tables in the diff: period columns are planned here (not as plain
 * columns), versioning is switched on and off, the retention and the HIDDEN flags change in
 * place, and a column change SQL Server refuses on a versioned table is wrapped in
 * SYSTEM_VERSIONING OFF ... ON (DATA_CONSISTENCY_CHECK = ON) with the same change made on the
 * history table, all in the plan's one transaction, so the history rows are kept.
 *
 * Which changes need the wrap: https://learn.microsoft.com/sql/relational-databases/tables/temporal/change-schema
 * ("You can't use direct ALTER for the following schema changes. For these types of changes, set
 * SYSTEM_VERSIONING = OFF": a computed or IDENTITY column, SPARSE, COLUMN_SET, ROWGUIDCOL, and a
 * NULL column made NOT NULL when the current or history table holds NULLs). Every other ADD,
 * ALTER and DROP COLUMN is direct: SQL Server makes the same change on the history table.
 */
import type { Column, SystemVersioning, Table } from '../model';
import type { Hazard, PlanStep, SkippedObject, TableRef } from './changes';
import { hazard, qualified } from './hazards';
import { NOT_DECLARED } from './skip-reasons';
import { step } from './step';
import type { DiffContext, KeptTable, Planned } from './table-pairs';
import { tableKey, type NameKey } from '../sqlserver/names';

/** The period columns of a table, by end. */
function period(t: Table): { start: Column; end: Column } | null {
  const start = t.columns.find((c) => c.period?.end === 'start');
  const end = t.columns.find((c) => c.period?.end === 'end');
  return start !== undefined && end !== undefined ? { start, end } : null;
}

/**
 * The table as the plain column diff sees it: without the columns that are period columns on
 * either side (this module plans those).
 */
export function withoutPeriodColumns(t: KeptTable, key: NameKey): KeptTable {
  const isPeriod = (c: Column) => c.period !== undefined;
  if (!t.current.columns.some(isPeriod) && !t.desired.columns.some(isPeriod)) return t;
  const periodNames = new Set([...t.current.columns, ...t.desired.columns].filter((c) => c.period !== undefined).map((c) => key(c.name)));
  if (periodNames.size === 0) return t;
  const strip = (x: Table): Table => ({ ...x, columns: x.columns.filter((c) => !periodNames.has(key(c.name))) });
  return { ...t, current: strip(t.current), desired: strip(t.desired) };
}

/** Table keys of the history tables the desired versioned tables name: never dropped or skipped as undeclared. */
export function claimedHistoryTables(desired: readonly Table[], key: NameKey): Set<string> {
  return new Set(desired.flatMap((t) => (t.versioning !== undefined ? [tableKey(key, t.versioning.historySchema, t.versioning.historyTable)] : [])));
}

function sameHistory(a: SystemVersioning, b: SystemVersioning, key: NameKey): boolean {
  return tableKey(key, a.historySchema, a.historyTable) === tableKey(key, b.historySchema, b.historyTable);
}

/**
 * The history table keeps its schema and only changes its name (as the convention's
 * `<table>_history` does when its table is renamed). sp_rename renames it while versioning
 * stays on ("objects can be renamed with sp_rename at any time ... not blocked by a table being
 * a system-versioned temporal table", db-berater.de/2016/06/temporal-tables-umbenennung-von-metadaten),
 * so the table's column changes go on reaching the history table as SQL Server propagates them;
 * with versioning off in between, every one of them would have to be made on the history too.
 */
function historyOnlyRenamed(a: SystemVersioning, b: SystemVersioning, key: NameKey): boolean {
  return !sameHistory(a, b, key) && key(a.historySchema) === key(b.historySchema);
}

/** The same history table, under its old name or a new one in the same schema. */
function keptHistory(a: SystemVersioning, b: SystemVersioning, key: NameKey): boolean {
  return sameHistory(a, b, key) || historyOnlyRenamed(a, b, key);
}

function sameRetention(a: SystemVersioning, b: SystemVersioning): boolean {
  return JSON.stringify(a.retention) === JSON.stringify(b.retention);
}

/**
 * ALTER SCHEMA ... TRANSFER of the history table to the schema the desired versioning names,
 * then sp_rename there when its name changes too (the order and inverses of a table's own move,
 * diff.ts moveTable). Versioning is off by then; SYSTEM_VERSIONING = ON with
 * DATA_CONSISTENCY_CHECK = ON takes the moved table back as the history, rows and all (inferred:
 * what a DBA does, as SQL Server refuses to move a history table while versioning is on).
 * https://learn.microsoft.com/sql/t-sql/statements/alter-schema-transact-sql: "All permissions
 * associated with the securable will be dropped when the securable is moved to the new schema";
 * schemac does not read a history table's permissions, so the move says so.
 */
function moveHistory(cur: SystemVersioning, des: SystemVersioning, key: NameKey): PlanStep[] {
  const dropped = (from: TableRef, to: string) => hazard('permissions-dropped', `moving history table ${qualified(from)} to schema ${to} drops every permission granted on it (GRANT and DENY); schemac does not read a history table's permissions: grant them again on ${to}.${from.name}`);
  const moved = step({ kind: 'transferTable', name: cur.historyTable, from: cur.historySchema, to: des.historySchema }, [dropped({ schema: cur.historySchema, name: cur.historyTable }, des.historySchema)]);
  const steps: PlanStep[] = [{ ...moved, downHazards: [dropped({ schema: des.historySchema, name: cur.historyTable }, cur.historySchema)] }];
  if (key(cur.historyTable) !== key(des.historyTable)) steps.push(step({ kind: 'renameTable', schema: des.historySchema, from: cur.historyTable, to: des.historyTable }));
  return steps;
}

/** `n history rows` for hazards. */
function historyRows(v: SystemVersioning): string {
  return v.historyRowCount === undefined ? 'its history rows' : `its ${v.historyRowCount} history row${v.historyRowCount === 1 ? '' : 's'}`;
}

/**
 * The temporal steps of a table on both sides: period columns, versioning, retention, HIDDEN.
 * `tableExists` tells whether a table of that name is in the database (a kept history table).
 */
export function diffTemporal(t: KeptTable, ctx: DiffContext, tableExists: (schema: string, name: string) => boolean): Planned {
  const ref = t.newRef;
  const steps: PlanStep[] = [];
  const skipped: SkippedObject[] = [];
  const cur = t.current.versioning;
  const des = t.desired.versioning;
  const curPeriod = period(t.current);
  const desPeriod = period(t.desired);

  // A history table declared in another schema, where no table of its name is yet: the current
  // one moves there (and takes the new name), with its rows, while versioning is off.
  const movedHistory = cur !== undefined && des !== undefined && !keptHistory(cur, des, ctx.key) && !tableExists(des.historySchema, des.historyTable);
  if (cur !== undefined && des !== undefined && historyOnlyRenamed(cur, des, ctx.key)) {
    steps.push(step({ kind: 'renameTable', schema: des.historySchema, from: cur.historyTable, to: des.historyTable }));
  } else if (cur !== undefined && (des === undefined || !sameHistory(cur, des, ctx.key))) {
    // Versioning off first (its phase runs before every other step, renames included: the
    // table still has its old name). A history table left behind (versioning off, or another
    // existing table attached as the history) is no table of the schema's: with --allow-drop it
    // goes in this plan, as the next plan would drop it anyway.
    const drop = !movedHistory && ctx.allowDrop;
    const hazards: Hazard[] = drop && cur.historyRowCount !== 0 ? [hazard('data-loss', `drops history table ${cur.historySchema}.${cur.historyTable} and ${historyRows(cur)}`)] : [];
    steps.push(step({ kind: 'disableVersioning', table: t.oldRef, versioning: cur, dropHistory: drop }, hazards));
    if (!movedHistory && !drop) {
      const why = des === undefined ? 'kept when versioning goes off' : `kept when ${qualified(ref)} takes ${des.historySchema}.${des.historyTable} as its history`;
      skipped.push({ table: { schema: cur.historySchema, name: cur.historyTable }, objectType: 'table', name: cur.historyTable, reason: `the history of ${qualified(ref)}, ${why}; ${NOT_DECLARED}` });
    }
    if (movedHistory) steps.push(...moveHistory(cur, des, ctx.key));
  }

  // Period columns.
  if (desPeriod !== null && curPeriod === null) {
    steps.push(step({ kind: 'addPeriod', table: ref, start: desPeriod.start, end: desPeriod.end }));
  } else if (desPeriod === null && curPeriod !== null) {
    if (ctx.allowDrop) {
      const rows = t.current.rowCount;
      const hazards = rows === undefined || rows > 0 ? [hazard('data-loss', `drops period columns ${curPeriod.start.name}, ${curPeriod.end.name} and their values`)] : [];
      steps.push(step({ kind: 'dropPeriod', table: ref, start: curPeriod.start, end: curPeriod.end }, hazards));
    } else {
      for (const c of [curPeriod.start, curPeriod.end]) skipped.push({ table: ref, objectType: 'column', name: c.name, reason: NOT_DECLARED });
    }
  } else if (desPeriod !== null && curPeriod !== null) {
    for (const end of ['start', 'end'] as const) {
      const d = desPeriod[end];
      const c = curPeriod[end];
      if (ctx.key(d.name) === ctx.key(c.name) && d.period?.hidden !== c.period?.hidden) {
        steps.push(step({ kind: 'alterPeriodHidden', table: ref, column: d.name, hidden: d.period?.hidden === true }));
      }
    }
  }

  // Versioning on last.
  if (des !== undefined && (cur === undefined || !keptHistory(cur, des, ctx.key))) {
    steps.push(step({ kind: 'enableVersioning', table: ref, versioning: des, historyExists: movedHistory || tableExists(des.historySchema, des.historyTable) }));
  } else if (des !== undefined && cur !== undefined && !sameRetention(cur, des)) {
    steps.push(step({ kind: 'alterRetention', table: ref, from: cur.retention, to: des.retention }));
  }
  return { steps, skipped };
}

/**
 * Wraps the table's other steps in SYSTEM_VERSIONING OFF / ON when one of them is a change SQL
 * Server refuses on a versioned table (a NULL column made NOT NULL), making the same change on
 * the history table in between. A table whose versioning is switched by diffTemporal already
 * needs no wrap.
 */
export function wrapVersionedChanges(t: KeptTable, planned: Planned, ctx: DiffContext): Planned {
  const cur = t.current.versioning;
  const des = t.desired.versioning;
  if (cur === undefined || des === undefined || !keptHistory(cur, des, ctx.key)) return planned;
  const ref = t.newRef;
  const onTable = (r: TableRef): boolean => tableKey(ctx.key, r.schema, r.name) === tableKey(ctx.key, ref.schema, ref.name);
  const history: TableRef = { schema: des.historySchema, name: des.historyTable };
  const mirrored: PlanStep[] = [];
  for (const s of planned.steps) {
    const c = s.change;
    if (c.kind === 'alterColumn' && onTable(c.table) && c.from.nullable && !c.to.nullable) {
      // The history rows' NULLs get the same fill as the current rows' (the backfill step), then the same ALTER.
      const fill = planned.steps.find((b) => b.change.kind === 'backfillColumn' && onTable(b.change.table) && ctx.key(b.change.column) === ctx.key(c.to.name));
      if (fill !== undefined && fill.change.kind === 'backfillColumn') {
        mirrored.push({ ...fill, change: { ...fill.change, table: history } });
      }
      mirrored.push(step({ ...c, table: history, online: undefined }));
    }
  }
  if (mirrored.length === 0) return planned;
  // OFF runs first, before the table's rename; ON last, under the new names.
  const off = step({ kind: 'disableVersioning', table: t.oldRef, versioning: cur, dropHistory: false });
  const on = step({ kind: 'enableVersioning', table: ref, versioning: des, historyExists: true });
  return { steps: [off, ...planned.steps, ...mirrored, on], skipped: planned.skipped };
}
