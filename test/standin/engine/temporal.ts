/**
 * System-versioned temporal tables in the stand-in, as SQL Server keeps them
 * (https://learn.microsoft.com/sql/relational-databases/tables/temporal-tables and the pages it
 * links): period columns (sys.columns generated_always_type / is_hidden), PERIOD FOR
 * SYSTEM_TIME (sys.periods), SYSTEM_VERSIONING with a history table (sys.tables temporal_type,
 * history_table_id, history_retention_period(_unit)), schema changes propagated to the history
 * table, the changes SQL Server refuses while versioning is on, and the history rows UPDATE and
 * DELETE write. Error numbers marked "inferred" were not checked against a server.
 */
import type { AlterAction, ColumnDef, Name, PeriodDef, VersioningDef } from './ast';
import type { Column, Database, Row, Table } from './catalog';
import { allocObjectId, findColumn, findObject, findSchema, sameName } from './catalog';
import type { DdlContext } from './ddl-constraints';
import { createIndex } from './ddl-constraints';
import { qualified } from './integrity';
import { SqlError, err } from './errors';

/** The end of every current row's period: datetime2's maximum (9999-12-31 23:59:59.9999999, to the ms here). */
export const PERIOD_END_MAX = new Date(Date.UTC(9999, 11, 31, 23, 59, 59, 999));

/** sys.tables history_retention_period_unit: 3 DAY, 4 WEEK, 5 MONTH, 6 YEAR; -1 INFINITE. */
const UNIT_CODE = { DAY: 3, WEEK: 4, MONTH: 5, YEAR: 6 } as const;

// Messages of the form SQL Server uses for refused operations on versioned tables; 13552 (DROP
// TABLE) is documented by the blog posts that show it, the other numbers are inferred.
const notOnTemporal = (op: string, t: string, n = 13550): SqlError =>
  new SqlError(n, 16, 1, `${op} operation failed on table '${t}' because it is not a supported operation on system-versioned temporal tables.`);

/** The versioned table whose history `t` is, if any. */
export function currentOf(db: Database, t: Table): Table | undefined {
  return t.temporal?.type === 1 ? db.tables.find((x) => x.objectId === (t.temporal as { currentId: number }).currentId) : undefined;
}

/** The history table of a versioned table, if any. */
export function historyOf(db: Database, t: Table): Table | undefined {
  return t.temporal?.type === 2 ? db.tables.find((x) => x.objectId === (t.temporal as { historyId: number }).historyId) : undefined;
}

/** Marks the columns a CREATE TABLE / ADD declared GENERATED ALWAYS AS ROW START/END [HIDDEN]. */
export function markGeneratedColumns(t: Table, defs: readonly ColumnDef[]): void {
  for (const def of defs) {
    // A ledger table's TRANSACTION_ID / SEQUENCE_NUMBER columns are ledger.ts's.
    if (def.generatedAlways === undefined || def.generatedAlways.as !== undefined) continue;
    const col = findColumn(t, def.name) as Column;
    if (col.type.name !== 'datetime2') throw new SqlError(13502, 16, 1, `Period column '${col.name}' in table '${t.name}' must be of datetime2 data type.`); // number inferred
    col.generatedAlways = def.generatedAlways.end === 'START' ? 1 : 2;
    col.hidden = def.generatedAlways.hidden;
    // Period columns are NOT NULL whatever was written (SQL Server makes them so).
    col.nullable = false;
  }
}

/** PERIOD FOR SYSTEM_TIME over two datetime2 NOT NULL columns, the start generated AS ROW START and the end AS ROW END. */
export function addPeriod(ctx: DdlContext, t: Table, p: PeriodDef): void {
  if (t.period) throw new SqlError(13514, 16, 1, `Table '${t.name}' already has a SYSTEM_TIME period defined.`); // number inferred
  const start = findColumn(t, p.start);
  const end = findColumn(t, p.end);
  for (const [name, col] of [[p.start, start], [p.end, end]] as const) {
    if (!col) throw new SqlError(13501, 16, 1, `Cannot find column '${name}' in table '${t.name}'.`); // number inferred
    if (col.type.name !== 'datetime2') throw new SqlError(13502, 16, 1, `Period column '${col.name}' in table '${t.name}' must be of datetime2 data type.`); // number inferred
    if (col.nullable) throw new SqlError(13587, 16, 1, `Period column '${col.name}' in a system-versioned temporal table cannot be nullable.`); // number inferred
  }
  const s = start as Column;
  const e = end as Column;
  // Columns that existed before the period become generated (inferred from ALTER TABLE's "ADD PERIOD" over existing columns).
  s.generatedAlways = 1;
  e.generatedAlways = 2;
  for (const row of t.rows) {
    // datetime2's maximum, to the precision this stand-in keeps (milliseconds).
    if (((row[e.columnId] as Date | null)?.getTime() ?? 0) < Date.UTC(9999, 11, 31, 23, 59, 59)) {
      throw new SqlError(13575, 16, 1, `ADD PERIOD FOR SYSTEM_TIME failed because table '${ctx.db.name}.${qualified(ctx.db, t)}' contains records where end of period is not equal to MAX datetime.`); // number inferred
    }
  }
  t.period = { start: s.columnId, end: e.columnId };
}

/** DROP PERIOD FOR SYSTEM_TIME: refused while versioned; the columns stay, as ordinary columns (inferred). */
export function dropPeriod(ctx: DdlContext, t: Table): void {
  if (t.temporal?.type === 2) throw notOnTemporal('Drop period', `${ctx.db.name}.${qualified(ctx.db, t)}`);
  if (!t.period) throw new SqlError(13510, 16, 1, `Table '${t.name}' does not have a SYSTEM_TIME period.`); // number inferred
  for (const c of t.columns) { delete c.generatedAlways; delete c.hidden; }
  delete t.period;
}

/** ALTER COLUMN c ADD|DROP HIDDEN: only on a period column. */
export function alterHidden(t: Table, column: string, hidden: boolean): void {
  const col = findColumn(t, column);
  if (!col) throw new SqlError(4924, 16, 1, `ALTER TABLE ALTER COLUMN failed because column '${column}' does not exist in table '${t.name}'.`);
  if (col.generatedAlways === undefined) throw new SqlError(13735, 16, 1, `Cannot alter column '${col.name}' in table '${t.name}' to add or remove the HIDDEN flag because it is not a period column.`); // number inferred
  col.hidden = hidden;
}

/** Resolves HISTORY_TABLE = [schema.]name (the current table's schema when it names none). */
function historyName(ctx: DdlContext, t: Table, name: Name | undefined): { schemaId: number; name: string } {
  if (name === undefined) return { schemaId: t.schemaId, name: `MSSQL_TemporalHistoryFor_${t.objectId}` };
  const schemaName = name.length >= 2 ? name[name.length - 2] : ctx.db.schemas.find((s) => s.schemaId === t.schemaId)?.name ?? 'dbo';
  const schema = findSchema(ctx.db, schemaName);
  if (!schema) throw err.noSchema(schemaName);
  return { schemaId: schema.schemaId, name: name[name.length - 1] };
}

/**
 * A new history table mirroring the current one: the same columns (plain: no identity,
 * computed values stored, no constraints, not generated) and a clustered index on the period
 * columns, as SQL Server makes it ("a rowstore table with a clustered index on period columns";
 * the index name is inferred).
 */
function createHistory(ctx: DdlContext, t: Table, schemaId: number, name: string): Table {
  if (findObject(ctx.db, schemaId, name)) throw new SqlError(2714, 16, 6, `There is already an object named '${name}' in the database.`);
  const h: Table = {
    objectId: allocObjectId(ctx.db), schemaId, name, rows: [], keys: [], checks: [], defaults: [], fks: [],
    columns: t.columns.map((c) => ({ columnId: c.columnId, name: c.name, type: { ...c.type }, nullable: c.nullable, collation: c.collation, defaultObjectId: 0 })),
    indexes: [{ indexId: 0, name: null, type: 'HEAP', unique: false, isPrimaryKey: false, isUniqueConstraint: false, keys: [], includes: [], disabled: false }],
    created: ctx.now, modified: ctx.now,
  };
  ctx.db.tables.push(h);
  const period = t.period as { start: number; end: number };
  const col = (id: number): string => (t.columns.find((c) => c.columnId === id) as Column).name;
  createIndex(ctx, h, { name: `ix_${name}`, table: [name], unique: false, clustered: true, columns: [{ name: col(period.end), desc: false }, { name: col(period.start), desc: false }], include: [] });
  return h;
}

/** An existing history table must have the current table's columns: names, types, nullability (inferred: SQL Server's 13523-range checks). */
function checkHistoryShape(ctx: DdlContext, t: Table, h: Table): void {
  const plain = t.columns;
  const same = plain.length === h.columns.length && plain.every((c, i) => {
    const x = h.columns[i];
    return sameName(c.name, x.name) && c.type.name === x.type.name && c.type.maxLength === x.type.maxLength && c.type.scale === x.type.scale && c.nullable === x.nullable;
  });
  if (!same) throw new SqlError(13523, 16, 1, `Setting SYSTEM_VERSIONING to ON failed because table '${ctx.db.name}.${qualified(ctx.db, t)}' has ${plain.length} columns and table '${ctx.db.name}.${qualified(ctx.db, h)}' has ${h.columns.length} columns, or their columns differ.`); // number inferred
  if (h.keys.length > 0 || h.checks.length > 0 || h.fks.length > 0) throw new SqlError(13541, 16, 1, `Setting SYSTEM_VERSIONING to ON failed because history table '${ctx.db.name}.${qualified(ctx.db, h)}' has custom unique keys defined.`); // number inferred
  if (h.temporal !== undefined) throw new SqlError(13538, 16, 1, `Setting SYSTEM_VERSIONING to ON failed because table '${qualified(ctx.db, h)}' is already a history table.`); // number inferred
}

/** SET (SYSTEM_VERSIONING = ON (...) | OFF), and WITH (SYSTEM_VERSIONING = ON (...)) of CREATE TABLE. */
export function setVersioning(ctx: DdlContext, t: Table, v: VersioningDef): void {
  const where = `${ctx.db.name}.${qualified(ctx.db, t)}`;
  if (!v.on) {
    const h = historyOf(ctx.db, t);
    if (!h) throw new SqlError(13591, 16, 1, `SYSTEM_VERSIONING is not turned ON for table '${where}'.`); // number inferred
    delete t.temporal;
    delete h.temporal;
    return;
  }
  const retention = v.retention === undefined || v.retention === 'INFINITE'
    ? { retentionPeriod: -1, retentionUnit: -1 }
    : { retentionPeriod: v.retention.count, retentionUnit: UNIT_CODE[v.retention.unit] };
  if (t.temporal?.type === 2) {
    // Already versioned: only the retention may change (SET (SYSTEM_VERSIONING = ON (HISTORY_RETENTION_PERIOD = ...))).
    if (v.history !== undefined) throw new SqlError(13530, 16, 1, `Setting SYSTEM_VERSIONING to ON failed because system versioned table '${where}' is already versioned.`); // number inferred
    if (v.retention !== undefined) t.temporal = { ...t.temporal, ...retention };
    return;
  }
  if (t.temporal?.type === 1) throw new SqlError(13538, 16, 1, `Setting SYSTEM_VERSIONING to ON failed because table '${where}' is a history table.`); // number inferred
  if (!t.period) throw new SqlError(13510, 16, 1, `Cannot set SYSTEM_VERSIONING to ON when SYSTEM_TIME period is not defined.`);
  if (!t.keys.some((k) => k.type === 'PK')) throw new SqlError(13553, 16, 1, `System versioned temporal table '${where}' must have primary key defined.`);
  const { schemaId, name } = historyName(ctx, t, v.history);
  const existing = ctx.db.tables.find((x) => x.schemaId === schemaId && sameName(x.name, name));
  let h: Table;
  if (existing) {
    if (existing === t) throw new SqlError(13539, 16, 1, `Setting SYSTEM_VERSIONING to ON failed because table '${where}' cannot be its own history table.`); // number inferred
    checkHistoryShape(ctx, t, existing);
    // DATA_CONSISTENCY_CHECK (ON unless OFF is written): no history row may end after it starts' (inferred wording).
    if (v.consistencyCheck !== false) {
      const p = t.period;
      for (const row of existing.rows) {
        const s = row[p.start] as Date | null;
        const e = row[p.end] as Date | null;
        if (s === null || e === null || e.getTime() < s.getTime()) {
          throw new SqlError(13573, 16, 0, `Setting SYSTEM_VERSIONING to ON failed because history table '${ctx.db.name}.${qualified(ctx.db, existing)}' contains invalid records with end of period set before start.`); // number inferred
        }
      }
    }
    h = existing;
  } else h = createHistory(ctx, t, schemaId, name);
  t.temporal = { type: 2, historyId: h.objectId, ...retention };
  h.temporal = { type: 1, currentId: t.objectId };
}

/**
 * ALTER TABLE actions SQL Server refuses on a versioned table or on a history table while
 * versioning is on (change-schema page: adding a computed or IDENTITY column needs
 * SYSTEM_VERSIONING = OFF; a history table takes no schema change of its own).
 */
export function guardTemporalAlter(ctx: DdlContext, t: Table, action: AlterAction): void {
  const where = `${ctx.db.name}.${qualified(ctx.db, t)}`;
  if (t.temporal?.type === 1 && action.k !== 'setVersioning') throw notOnTemporal('Alter table', where, 13550);
  if (t.temporal?.type !== 2) return;
  if (action.k === 'addColumns') {
    for (const c of action.columns) {
      if (c.identity) throw notOnTemporal('Add IDENTITY column', where, 13704); // number inferred
      if (c.computed) throw notOnTemporal('Add computed column', where, 13704); // number inferred
    }
  }
}

/** After an ALTER of a versioned table: the same column change on its history table (SQL Server propagates it). */
export function propagate(ctx: DdlContext, t: Table, action: AlterAction, run: (h: Table, a: AlterAction) => void): void {
  const h = historyOf(ctx.db, t);
  if (!h) return;
  switch (action.k) {
    case 'addColumns': {
      // The history gets the plain column; existing history rows take the default a NOT NULL column brings (inferred: SQL Server also copies the default constraint).
      const columns = action.columns.map((c): ColumnDef => ({
        name: c.name, type: c.type, nullable: c.nullable, collation: c.collation,
        constraints: c.constraints.filter((x) => x.k === 'default').map((x) => ({ ...x, name: undefined })),
      }));
      if (columns.length === 0) return;
      run(h, { k: 'addColumns', columns });
      h.defaults = []; // the stand-in keeps none on a history table
      for (const c of h.columns) c.defaultObjectId = 0;
      return;
    }
    case 'dropColumns': return run(h, action);
    case 'alterColumn': return run(h, action);
    default: return;
  }
}

/** DROP TABLE of a versioned table or of a history table in use is refused (Msg 13552). */
export function guardDropTable(ctx: DdlContext, t: Table): void {
  if (t.temporal !== undefined) throw notOnTemporal('Drop table', `${ctx.db.name}.${qualified(ctx.db, t)}`, 13552);
}

/** INSERT: period columns take the statement's time (start) and datetime2's maximum (end). Explicit values: Msg 13536. */
export function setPeriodOnInsert(t: Table, row: Row, explicit: readonly Column[], now: Date): void {
  if (!t.period) return;
  const bad = explicit.find((c) => c.generatedAlways !== undefined);
  if (bad) throw new SqlError(13536, 16, 1, `Cannot insert an explicit value into a GENERATED ALWAYS column in table '${t.name}'. Use INSERT with a column list to exclude the GENERATED ALWAYS column, or insert a DEFAULT into GENERATED ALWAYS column.`);
  row[t.period.start] = now;
  row[t.period.end] = PERIOD_END_MAX;
}

/** UPDATE of a period column is refused (Msg 13537). */
export function guardPeriodUpdate(t: Table, columns: readonly Column[]): void {
  const bad = columns.find((c) => c.generatedAlways !== undefined);
  if (bad) throw new SqlError(13537, 16, 1, `Cannot update GENERATED ALWAYS columns in table '${t.name}'.`);
}

/**
 * UPDATE and DELETE of a versioned table: each old row version goes to the history table with
 * its period closed at the statement's time; an updated row starts a new period then.
 */
export function versionRows(db: Database, t: Table, before: readonly Row[], after: readonly Row[] | null, now: Date): void {
  if (!t.period) return;
  const p = t.period;
  if (after !== null) for (const r of after) r[p.start] = now;
  const h = historyOf(db, t);
  if (!h) return;
  // Columns pair by name: after drops and adds the two tables' column ids may differ.
  const source = h.columns.map((c) => ({ id: c.columnId, from: t.columns.find((x) => sameName(x.name, c.name)) }));
  for (const old of before) {
    const copy: Row = [];
    for (const { id, from } of source) copy[id] = from === undefined ? null : from.columnId === p.end ? now : old[from.columnId] ?? null;
    h.rows.push(copy);
  }
}

/** sys.periods rows: one SYSTEM_TIME period per table that has one. */
export function periodRows(db: Database): (string | number)[][] {
  return db.tables.filter((t) => t.period).map((t) => {
    const p = t.period as { start: number; end: number };
    return ['SYSTEM_TIME', 1, 'SYSTEM_TIME_PERIOD', t.objectId, p.start, p.end];
  });
}
