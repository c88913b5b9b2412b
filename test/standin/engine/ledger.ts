/**
 * Ledger tables in the stand-in, as SQL Server 2022 keeps them. Sources:
 * create-table-transact-sql.md (LEDGER = ON, <ledger_option>, the four GENERATED ALWAYS columns
 * "[ledger_start_transaction_id] BIGINT GENERATED ALWAYS AS TRANSACTION_ID START HIDDEN NOT NULL"
 * ... added when not defined, the ledger view `<table>_Ledger` with ledger_transaction_id,
 * ledger_sequence_number, ledger_operation_type, ledger_operation_type_desc);
 * ledger-updatable-ledger-tables.md and ledger-append-only-ledger-tables.md (history table, view);
 * ledger-limits.md (no non-nullable ADD, no type change, DROP keeps and renames, no TRUNCATE);
 * sys-tables / sys-columns / sys-views-transact-sql.md (the catalog columns). The error numbers
 * and wordings 37359 (UPDATE or DELETE of an append-only table: "Updates are not allowed for the
 * append only Ledger table '...'", state 3 for DELETE), 13545 (TRUNCATE) and 37356 (SYSTEM_VERSIONING
 * changes), the renames MSSQL_DroppedLedgerColumn_<name>_<GUID> and MSSQL_DroppedLedgerView_..., and
 * an UPDATE in the ledger view as an INSERT (sequence 0) and a DELETE (sequence 1) come from a
 * public write-up checked against SQL Server 2025 (17.0.1000.7); numbers marked "inferred" were not.
 * Transaction ids: one per statement here (SQL Server's are per transaction; inferred as close enough).
 */
import { randomUUID } from 'crypto';
import type { AlterAction, ColumnDef, LedgerDef, Name, VersioningDef } from './ast';
import type { Column, Database, Module, Row, Table } from './catalog';
import { allocObjectId, findColumn, findObject, findSchema, sameName } from './catalog';
import type { DdlContext } from './ddl-constraints';
import { modulesOf } from './modules';
import { qualified } from './integrity';
import { SqlError, err } from './errors';
import { ty, type SqlType } from './types';

/** sys.columns generated_always_type of the ledger columns (sys-columns-transact-sql: 5-8). */
const START_TXN = 5; const END_TXN = 6; const START_SEQ = 7; const END_SEQ = 8;
const CODE = { TRANSACTION_ID: { START: START_TXN, END: END_TXN }, SEQUENCE_NUMBER: { START: START_SEQ, END: END_SEQ } } as const;
/** The columns SQL Server adds when CREATE TABLE does not define them. */
const DEFAULT_COLUMNS: readonly (readonly [string, 5 | 6 | 7 | 8])[] = [
  ['ledger_start_transaction_id', START_TXN], ['ledger_end_transaction_id', END_TXN],
  ['ledger_start_sequence_number', START_SEQ], ['ledger_end_sequence_number', END_SEQ],
];
const VIEW_COLUMNS = [['TRANSACTION_ID', 'ledger_transaction_id', 1], ['SEQUENCE_NUMBER', 'ledger_sequence_number', 2], ['OPERATION_TYPE', 'ledger_operation_type', 3], ['OPERATION_TYPE_DESC', 'ledger_operation_type_desc', 4]] as const;

const guid = (): string => randomUUID().replace(/-/g, '').toUpperCase();
const q = (s: string): string => `[${s.replace(/]/g, ']]')}]`;
const schemaNameOf = (db: Database, schemaId: number): string => db.schemas.find((s) => s.schemaId === schemaId)?.name ?? 'dbo';
const isLedgerColumn = (c: Column): boolean => c.generatedAlways !== undefined && c.generatedAlways >= 5;
/** SQL Server's names, kept under 128 characters ("might be truncated", ledger-limits). */
const droppedName = (prefix: string, name: string): string => `${prefix}_${name}`.slice(0, 128 - 33) + `_${guid()}`;

/** The history table of an updatable ledger table, if any. */
export function ledgerHistoryOf(db: Database, t: Table): Table | undefined {
  return t.ledger?.type === 2 && t.ledger.historyId !== undefined ? db.tables.find((x) => x.objectId === t.ledger?.historyId) : undefined;
}

/** Marks the columns a CREATE TABLE declared GENERATED ALWAYS AS TRANSACTION_ID | SEQUENCE_NUMBER START | END. */
function markLedgerColumns(t: Table, defs: readonly ColumnDef[]): void {
  for (const def of defs) {
    const g = def.generatedAlways;
    if (g?.as === undefined) continue;
    const col = findColumn(t, def.name) as Column;
    if (col.type.name !== 'bigint') throw new SqlError(37353, 16, 1, `Column '${col.name}' in table '${t.name}' must be of bigint data type.`); // number and wording inferred
    col.generatedAlways = CODE[g.as][g.end];
    col.hidden = g.hidden;
    // "TRANSACTION_ID ... START: NOT NULL, END: NULL" (create-table-transact-sql.md, GENERATED ALWAYS).
    col.nullable = g.end === 'END';
  }
}

/**
 * WITH (... LEDGER = ON ...) of CREATE TABLE, after the table's columns, keys and (for a temporal
 * one) its versioning: the ledger columns, the history table of an updatable table and the view.
 */
export function createLedgerTable(ctx: DdlContext, t: Table, def: LedgerDef, versioning: VersioningDef | undefined, defs: readonly ColumnDef[]): void {
  if (!def.on) return;
  const where = qualified(ctx.db, t);
  // "An updatable ledger table also requires the SYSTEM_VERSIONING = ON argument" (create-table-transact-sql.md); numbers inferred.
  if (!def.appendOnly && versioning?.on !== true) throw new SqlError(37350, 16, 1, `Cannot create the updatable ledger table '${where}' because SYSTEM_VERSIONING is not ON.`);
  if (def.appendOnly && versioning?.on === true) throw new SqlError(37351, 16, 1, `Cannot create the append-only ledger table '${where}' with SYSTEM_VERSIONING = ON.`);
  // "In-memory tables aren't supported", "Ledger tables can't be graph table", unsupported data types (ledger-limits.md).
  if (t.memoryOptimized !== undefined || t.graph !== undefined) throw new SqlError(37352, 16, 1, `Ledger tables cannot be ${t.graph !== undefined ? 'graph' : 'memory optimized'} tables.`); // inferred
  const bad = t.columns.find((c) => ['xml', 'sql_variant'].includes(c.type.name) || c.type.userTypeId !== undefined);
  if (bad) throw new SqlError(37354, 16, 1, `Column '${bad.name}' in ledger table '${where}' has a data type that ledger tables do not support.`); // inferred
  markLedgerColumns(t, defs);
  const wanted = def.appendOnly ? DEFAULT_COLUMNS.filter(([, code]) => code === START_TXN || code === START_SEQ) : DEFAULT_COLUMNS;
  for (const [name, code] of wanted) {
    if (t.columns.some((c) => c.generatedAlways === code)) continue;
    // "If there is a name conflict with an already defined column, the system will raise an error."
    if (findColumn(t, name)) throw new SqlError(2705, 16, 3, `Column names in each table must be unique. Column name '${name}' in table '${where}' is specified more than once.`);
    t.columns.push({ columnId: Math.max(0, ...t.columns.map((c) => c.columnId)) + 1, name, type: { ...ty.bigint }, nullable: code === END_TXN || code === END_SEQ, collation: null, defaultObjectId: 0, generatedAlways: code, hidden: true });
  }
  let historyId: number | undefined;
  if (!def.appendOnly) {
    // A temporal ledger table's history came with its versioning (temporal.ts); another's is made here,
    // MSSQL_LedgerHistoryFor_<object_id> in the table's schema unless named ("it must not reference an existing table").
    const temporal = t.temporal?.type === 2 ? db(ctx).tables.find((x) => x.objectId === (t.temporal as { historyId: number }).historyId) : undefined;
    const h = temporal ?? createHistory(ctx, t, versioning?.history);
    // The versioning's history was made before the ledger columns were added: it mirrors them too.
    for (const c of t.columns) {
      if (isLedgerColumn(c) && !h.columns.some((x) => sameName(x.name, c.name))) {
        h.columns.push({ columnId: Math.max(0, ...h.columns.map((x) => x.columnId)) + 1, name: c.name, type: { ...c.type }, nullable: c.nullable, collation: null, defaultObjectId: 0, generatedAlways: c.generatedAlways, hidden: c.hidden });
      }
    }
    h.ledger = { type: 1 };
    historyId = h.objectId;
  }
  const view = createView(ctx, t, def, historyId);
  t.ledger = { type: def.appendOnly ? 3 : 2, viewId: view.objectId, ...(historyId !== undefined ? { historyId } : {}) };
}

const db = (ctx: DdlContext): Database => ctx.db;

function createHistory(ctx: DdlContext, t: Table, name: Name | undefined): Table {
  const schema = name !== undefined && name.length >= 2 ? findSchema(ctx.db, name[name.length - 2]) : ctx.db.schemas.find((s) => s.schemaId === t.schemaId);
  if (!schema) throw err.noSchema(name?.[name.length - 2] ?? 'dbo');
  const hname = name?.[name.length - 1] ?? `MSSQL_LedgerHistoryFor_${t.objectId}`;
  if (findObject(ctx.db, schema.schemaId, hname)) throw new SqlError(2714, 16, 6, `There is already an object named '${hname}' in the database.`);
  const h: Table = {
    objectId: allocObjectId(ctx.db), schemaId: schema.schemaId, name: hname, rows: [], keys: [], checks: [], defaults: [], fks: [],
    columns: t.columns.map((c) => ({ columnId: c.columnId, name: c.name, type: { ...c.type }, nullable: c.nullable, collation: c.collation, defaultObjectId: 0, ...(c.generatedAlways !== undefined ? { generatedAlways: c.generatedAlways, hidden: c.hidden } : {}) })),
    indexes: [{ indexId: 0, name: null, type: 'HEAP', unique: false, isPrimaryKey: false, isUniqueConstraint: false, keys: [], includes: [], disabled: false }],
    created: ctx.now, modified: ctx.now,
  };
  ctx.db.tables.push(h);
  return h;
}

/** The ledger view's SELECT text and columns over the table (and its history), as the table now stands (inferred form). */
function viewBody(db0: Database, t: Table, names: Record<string, string>): { text: string; columns: Module['columns']; kinds: Record<string, number> } {
  const user = t.columns.filter((c) => !isLedgerColumn(c) && c.droppedLedger !== true);
  const col = (code: number): string => q((t.columns.find((c) => c.generatedAlways === code) as Column).name);
  const from = (x: Table): string => `${q(schemaNameOf(db0, x.schemaId))}.${q(x.name)}`;
  const select = (x: Table, txn: number, seq: number, op: 1 | 2): string =>
    `SELECT ${[...user.map((c) => q(c.name)), `${col(txn)} AS ${q(names.TRANSACTION_ID)}`, `${col(seq)} AS ${q(names.SEQUENCE_NUMBER)}`,
      `${op} AS ${q(names.OPERATION_TYPE)}`, `N'${op === 1 ? 'INSERT' : 'DELETE'}' AS ${q(names.OPERATION_TYPE_DESC)}`].join(', ')} FROM ${from(x)}`;
  const h = ledgerHistoryOf(db0, t) ?? (t.ledger === undefined ? undefined : undefined);
  const parts = [select(t, START_TXN, START_SEQ, 1)];
  if (h !== undefined) parts.push(select(h, START_TXN, START_SEQ, 1), `${select(h, END_TXN, END_SEQ, 2)} WHERE ${col(END_TXN)} IS NOT NULL`);
  const types: Record<string, SqlType> = { TRANSACTION_ID: ty.bigint, SEQUENCE_NUMBER: ty.bigint, OPERATION_TYPE: ty.tinyint, OPERATION_TYPE_DESC: ty.nvarchar(128) };
  const columns: Module['columns'] = [...user.map((c) => ({ name: c.name, type: c.type, nullable: c.nullable })), ...VIEW_COLUMNS.map(([k]) => ({ name: names[k] as string, type: types[k] as SqlType, nullable: k === 'TRANSACTION_ID' || k === 'SEQUENCE_NUMBER' }))]
    .map((c, i) => ({ columnId: i + 1, ...c }));
  const kinds = Object.fromEntries(VIEW_COLUMNS.map(([k, , n]) => [names[k] as string, n]));
  return { text: parts.join('\nUNION ALL\n'), columns, kinds };
}

function createView(ctx: DdlContext, t: Table, def: LedgerDef, historyId: number | undefined): Module {
  const name = def.view;
  const schema = name !== undefined && name.length >= 2 ? findSchema(ctx.db, name[name.length - 2]) : ctx.db.schemas.find((s) => s.schemaId === t.schemaId);
  if (!schema) throw err.noSchema(name?.[name.length - 2] ?? 'dbo');
  const vname = name?.[name.length - 1] ?? `${t.name}_Ledger`;
  // "If a view with the specified or generated name exists, the system will raise an error."
  if (findObject(ctx.db, schema.schemaId, vname)) throw new SqlError(2714, 16, 5, `There is already an object named '${vname}' in the database.`);
  const names = Object.fromEntries(VIEW_COLUMNS.map(([k, dflt]) => [k, def.viewColumns?.[k] ?? dflt]));
  const current = { ...t, ledger: historyId !== undefined ? { type: 2 as const, historyId } : { type: 3 as const } };
  const body = viewBody(ctx.db, current, names);
  ctx.beforeModules?.();
  const m: Module = {
    objectId: allocObjectId(ctx.db), schemaId: schema.schemaId, name: vname, type: 'V', parentObjectId: 0,
    definition: `CREATE VIEW ${q(schema.name)}.${q(vname)} AS\n${body.text}`, schemaBound: false, ansiNulls: true, quotedIdentifier: true,
    references: [], columns: body.columns, indexes: [], created: ctx.now, modified: ctx.now, ledgerColumns: body.kinds, ledgerView: { tableId: t.objectId, names },
  };
  ctx.db.modules = [...modulesOf(ctx.db), m];
  return m;
}

/** After a column change of a ledger table: SQL Server keeps its ledger view in step (inferred). */
export function refreshLedgerView(ctx: DdlContext, t: Table): void {
  const m = modulesOf(ctx.db).find((x) => x.objectId === t.ledger?.viewId);
  if (m?.ledgerView === undefined) return;
  const body = viewBody(ctx.db, t, m.ledgerView.names);
  ctx.beforeModules?.();
  m.definition = `CREATE VIEW ${q(schemaNameOf(ctx.db, m.schemaId))}.${q(m.name)} AS\n${body.text}`;
  m.columns = body.columns;
  m.ledgerColumns = body.kinds;
}

/** ALTER TABLE actions SQL Server refuses on a ledger table or its history table (ledger-limits.md, "Schema changes consideration"). */
export function guardLedgerAlter(ctx: DdlContext, t: Table, action: AlterAction): void {
  if (t.ledger === undefined) return;
  const where = `${ctx.db.name}.${qualified(ctx.db, t)}`;
  if (t.ledger.type === 1) throw new SqlError(37355, 16, 1, `The operation cannot be performed on the ledger history table '${where}'.`); // inferred
  if (action.k === 'setVersioning') throw new SqlError(37356, 16, 1, 'System Versioning cannot be altered for Ledger Tables.');
  if (action.k === 'addColumns') {
    // "Adding nullable columns is supported. Adding non-nullable columns is not supported."
    const notNull = action.columns.find((c) => c.nullable === false && c.computed === undefined);
    if (notNull) throw new SqlError(37357, 16, 1, `Cannot add the non-nullable column '${notNull.name}' to the ledger table '${where}'.`); // number and wording inferred
  }
  if (action.k === 'alterColumn') {
    const col = findColumn(t, action.column.name);
    if (col !== undefined && isLedgerColumn(col)) throw new SqlError(37358, 16, 1, `Cannot alter the GENERATED ALWAYS column '${col.name}' of the ledger table '${where}'.`); // inferred
    // "any operations that might affect the format of existing data, such as changing the data type aren't supported";
    // nullability, a Unicode column's collation and a variable-length column's length may change.
    const to = action.column.type;
    if (col !== undefined && to !== undefined && (to.name.toLowerCase() !== col.type.name || (to.args.length > 0 && !['varchar', 'nvarchar', 'varbinary'].includes(col.type.name) && !sameFacets(col, to)))) {
      throw new SqlError(37358, 16, 2, `Cannot alter the data type of column '${col.name}' of the ledger table '${where}'.`); // inferred
    }
  }
  if (action.k === 'dropColumns') {
    for (const n of action.names) {
      const col = findColumn(t, n);
      if (col !== undefined && isLedgerColumn(col)) throw new SqlError(37358, 16, 3, `Cannot drop the GENERATED ALWAYS column '${col.name}' of the ledger table '${where}'.`); // inferred
    }
  }
}

/** Whether an ALTER COLUMN's written facets (precision, scale, length) match the column's. */
function sameFacets(col: Column, to: { readonly args: readonly (number | 'max')[] }): boolean {
  const a = to.args;
  if (['decimal', 'numeric'].includes(col.type.name)) return a[0] === col.type.precision && (a[1] ?? 0) === col.type.scale;
  if (['char', 'binary'].includes(col.type.name)) return a[0] === col.type.maxLength;
  if (col.type.name === 'nchar') return a[0] === col.type.maxLength / 2;
  return true;
}

/**
 * DROP COLUMN of a ledger table: the column stays, hidden and renamed
 * MSSQL_DroppedLedgerColumn_<name>_<GUID> (sys.columns.is_dropped_ledger_column), its data kept;
 * the history table's column too (inferred). True when the columns were taken care of.
 */
export function dropLedgerColumns(ctx: DdlContext, t: Table, names: readonly string[], ifExists: boolean): boolean {
  if (t.ledger === undefined || t.ledger.type === 1) return false;
  const h = ledgerHistoryOf(ctx.db, t);
  for (const n of names) {
    const col = findColumn(t, n);
    if (!col) { if (ifExists) continue; throw new SqlError(4924, 16, 1, `ALTER TABLE DROP COLUMN failed because column '${n}' does not exist in table '${t.name}'.`); }
    const renamed = droppedName('MSSQL_DroppedLedgerColumn', col.name);
    const hcol = h === undefined ? undefined : findColumn(h, col.name);
    for (const c of [col, hcol]) if (c !== undefined) { c.name = renamed; c.hidden = true; c.droppedLedger = true; c.nullable = true; }
  }
  refreshLedgerView(ctx, t);
  return true;
}

/**
 * DROP TABLE of a ledger table: it is renamed MSSQL_DroppedLedgerTable_<name>_<GUID> and kept
 * (is_dropped_ledger_table), with its history (MSSQL_DroppedLedgerHistory_...) and its view
 * (MSSQL_DroppedLedgerView_..., is_dropped_ledger_view). A history table cannot be dropped on its own (inferred).
 * True when the table was taken care of.
 */
export function dropLedgerTable(ctx: DdlContext, t: Table): boolean {
  if (t.ledger === undefined) return false;
  if (t.ledger.type === 1 || t.ledger.dropped === true) throw new SqlError(37355, 16, 2, `The operation cannot be performed on the ledger table '${ctx.db.name}.${qualified(ctx.db, t)}'.`); // inferred
  const h = ledgerHistoryOf(ctx.db, t);
  const view = modulesOf(ctx.db).find((m) => m.objectId === t.ledger?.viewId);
  ctx.beforeModules?.();
  t.name = droppedName('MSSQL_DroppedLedgerTable', t.name);
  t.ledger = { ...t.ledger, dropped: true };
  delete t.temporal;
  if (h !== undefined) { h.name = droppedName('MSSQL_DroppedLedgerHistory', h.name); delete h.temporal; }
  if (view !== undefined) { view.name = droppedName('MSSQL_DroppedLedgerView', view.name); view.ledgerView = { ...(view.ledgerView as NonNullable<Module['ledgerView']>), dropped: true }; }
  t.modified = ctx.now;
  return true;
}

/** TRUNCATE TABLE of a ledger table (ledger-limits.md: "TRUNCATE TABLE isn't supported"; 13545 as for a system-versioned table). */
export function guardLedgerTruncate(ctx: DdlContext, t: Table): void {
  if (t.ledger === undefined) return;
  throw new SqlError(13545, 16, 1, `Truncate failed on table '${ctx.db.name}.${qualified(ctx.db, t)}' because it is not a supported operation on system-versioned tables.`);
}

/** UPDATE or DELETE of an append-only ledger table: Msg 37359 (state 1 UPDATE, 3 DELETE). */
export function guardAppendOnly(ctx: DdlContext, t: Table, op: 'UPDATE' | 'DELETE'): void {
  if (t.ledger?.type === 3) throw new SqlError(37359, 16, op === 'UPDATE' ? 1 : 3, `Updates are not allowed for the append only Ledger table '${qualified(ctx.db, t)}'.`);
  if (t.ledger?.type === 1) throw new SqlError(37355, 16, 3, `The operation cannot be performed on the ledger history table '${ctx.db.name}.${qualified(ctx.db, t)}'.`); // inferred
}

/** A statement's ledger stamps: one transaction id, sequence numbers from 0 (inferred: per statement). */
export interface LedgerStamp { readonly txn: number; next(): number }

/** The stamp of a statement writing ledger table t, or undefined for another table. */
export function ledgerStamp(dbx: Database, t: Table): LedgerStamp | undefined {
  if (t.ledger === undefined || t.ledger.type === 1) return undefined;
  const state = dbx as Database & { ledgerTxn?: number };
  state.ledgerTxn = (state.ledgerTxn ?? 1000) + 1;
  let seq = 0;
  return { txn: state.ledgerTxn, next: () => seq++ };
}

/** INSERT: the ledger START columns take the statement's transaction and sequence; explicit values are Msg 13536. */
export function stampInsert(t: Table, row: Row, explicit: readonly Column[], stamp: LedgerStamp | undefined): void {
  if (stamp === undefined) return;
  const bad = explicit.find((c) => isLedgerColumn(c));
  if (bad) throw new SqlError(13536, 16, 1, `Cannot insert an explicit value into a GENERATED ALWAYS column in table '${t.name}'. Use INSERT with a column list to exclude the GENERATED ALWAYS column, or insert a DEFAULT into GENERATED ALWAYS column.`);
  for (const c of t.columns) {
    if (c.generatedAlways === START_TXN) row[c.columnId] = stamp.txn;
    else if (c.generatedAlways === START_SEQ) row[c.columnId] = stamp.next();
    else if (c.generatedAlways === END_TXN || c.generatedAlways === END_SEQ) row[c.columnId] = null;
  }
}

/**
 * UPDATE and DELETE of an updatable ledger table: each new row version starts in the statement's
 * transaction, and each old one goes to the history table with its END columns set (an UPDATE's
 * INSERT first, then its DELETE, in sequence order).
 */
export function ledgerRows(dbx: Database, t: Table, before: readonly Row[], after: readonly Row[] | null): void {
  const stamp = ledgerStamp(dbx, t);
  if (stamp === undefined) return;
  const id = (code: number): number | undefined => t.columns.find((c) => c.generatedAlways === code)?.columnId;
  if (after !== null) for (const r of after) { r[id(START_TXN) as number] = stamp.txn; r[id(START_SEQ) as number] = stamp.next(); }
  const h = ledgerHistoryOf(dbx, t);
  if (h === undefined) return;
  const endTxn = h.columns.find((c) => c.generatedAlways === END_TXN);
  const endSeq = h.columns.find((c) => c.generatedAlways === END_SEQ);
  const close = (copy: Row): void => {
    if (endTxn) copy[endTxn.columnId] = stamp.txn;
    if (endSeq) copy[endSeq.columnId] = stamp.next();
  };
  // A temporal ledger table's old versions were just copied by its versioning (temporal.ts versionRows): close those.
  if (t.temporal?.type === 2) { for (const copy of h.rows.slice(h.rows.length - before.length)) close(copy); return; }
  const source = h.columns.map((c) => ({ id: c.columnId, from: t.columns.find((x) => sameName(x.name, c.name)) }));
  for (const old of before) {
    const copy: Row = [];
    for (const { id: hid, from } of source) copy[hid] = from === undefined ? null : old[from.columnId] ?? null;
    close(copy);
    h.rows.push(copy);
  }
}
