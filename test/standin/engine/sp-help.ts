/**
 * sp_help and sp_helpindex, the result sets their pages list
 * (https://learn.microsoft.com/sql/relational-databases/system-stored-procedures/sp-help-transact-sql,
 * .../sp-helpindex-transact-sql). sp_help covers: no argument (every object: Name, Owner,
 * Object_type); a table or view (its name row, columns, identity, ROWGUIDCOL, filegroup for a
 * table, indexes, constraints, referencing foreign keys); a procedure or function (name row and
 * parameters); a user type (its type row). Values the pages do not spell out are worded as
 * servers print them (inferred): 'yes' / 'no', '(n/a)', 'user table', index descriptions such as
 * 'clustered, unique, primary key located on PRIMARY', descending keys as `col(-)`. An empty part
 * is an informational message instead of a result set, as servers send it (their numbers, 15469,
 * 15470, 15472, are inferred).
 */
import type { Column, Database, Index, Module, Table, Value } from './catalog';
import { findSchema, findTable, sameName } from './catalog';
import type { ViewColumn } from './system-views';
import { SqlError } from './errors';
import { splitObjectName } from './functions';
import { findModule, modulesOf } from './modules';
import { moduleHeader } from './module-header';
import { principalRows } from './security';
import { dataSpacesOf } from './ddl-data-spaces';
import { isStringType, resolveType, ty, type SqlType } from './types';

/** What a help procedure sends: result sets and informational messages, in order. */
export type HelpOutput = { readonly set: { readonly columns: readonly ViewColumn[]; readonly rows: Value[][] } } | { readonly info: { readonly number: number; readonly message: string } };

const sn = ty.sysname;
const char5: SqlType = { name: 'char', maxLength: 5, precision: 0, scale: 0 };
const col = (name: string, type: SqlType, nullable = true): ViewColumn => ({ name, type, nullable });
const yesNo = (v: boolean): string => (v ? 'yes' : 'no');

/** Msg 15009, for an object sp_help / sp_helpindex cannot find (the message catalog's wording). */
function missing(name: string, db: Database): SqlError {
  return new SqlError(15009, 16, 1, `The object '${name}' does not exist in database '${db.name}' or is invalid for this operation.`);
}

function schemaName(db: Database, schemaId: number): string { return db.schemas.find((s) => s.schemaId === schemaId)?.name ?? 'dbo'; }

/** The owner sp_help names: the principal owning the object's schema. */
function owner(db: Database, schemaId: number): string {
  const s = db.schemas.find((x) => x.schemaId === schemaId);
  return principalRows(db).find((p) => p.id === s?.principalId)?.name ?? 'dbo';
}

/** sp_help's Object_type / Type wording of an object (inferred from servers' output). */
const OBJECT_TYPE: Record<string, string> = { U: 'user table', V: 'view', P: 'stored procedure', FN: 'scalar function', IF: 'inline function', TF: 'table function', TR: 'trigger', SN: 'synonym', SO: 'sequence object' };

/** EXEC sp_help [@objname =] 'name' (or no name). */
export function spHelp(db: Database, objname: string | null): HelpOutput[] {
  if (objname === null) return [{ set: { columns: [col('Name', sn), col('Owner', sn), col('Object_type', ty.nvarchar(31))], rows: everyObject(db) } }];
  const parts = splitObjectName(objname);
  const schema = parts.length >= 2 ? parts[parts.length - 2] : 'dbo';
  const name = parts[parts.length - 1] ?? '';
  const t = findSchema(db, schema) ? findTable(db, schema, name) : undefined;
  if (t) return helpTable(db, t);
  const m = findModule(db, [schema, name]);
  if (m && m.type !== 'TR') return helpModule(db, m);
  const u = (db.types ?? []).find((x) => sameName(x.name, name) && (parts.length < 2 || sameName(schemaName(db, x.schemaId), schema)));
  if (u) {
    return [{ set: { columns: [col('Type_name', sn), col('Storage_type', sn), col('Length', ty.smallint), col('Prec', ty.int), col('Scale', ty.int), col('Nullable', ty.varchar(35)), col('Default_name', sn), col('Rule_name', sn), col('Collation', sn)],
      rows: [[u.name, u.table ? 'table type' : u.base.name, u.base.maxLength, u.base.precision, u.base.scale, yesNo(u.nullable), null, null, isStringType(u.base.name) ? db.collation : null]] } }];
  }
  throw missing(objname, db);
}

function everyObject(db: Database): Value[][] {
  const rows: Value[][] = [];
  for (const t of db.tables) if (!t.name.startsWith('#') && !t.name.startsWith('@')) rows.push([t.name, owner(db, t.schemaId), 'user table']);
  for (const m of modulesOf(db)) rows.push([m.name, owner(db, m.schemaId), OBJECT_TYPE[m.type] ?? m.type]);
  return rows.sort((a, b) => String(a[0]).localeCompare(String(b[0])));
}

function nameRow(db: Database, name: string, schemaId: number, type: string, created: Date): HelpOutput {
  return { set: { columns: [col('Name', sn), col('Owner', sn), col('Type', ty.nvarchar(31)), col('Created_datetime', ty.datetime)], rows: [[name, owner(db, schemaId), type, created]] } };
}

/** A column's Prec / Scale: char(5), blank for types without them (sp_help's convert to char(5)). */
function precScale(c: { type: SqlType }): [string, string] {
  const numeric = ['tinyint', 'smallint', 'int', 'bigint', 'decimal', 'numeric', 'float', 'real', 'money', 'smallmoney', 'bit'].includes(c.type.name);
  return numeric ? [String(c.type.precision).padEnd(5), String(c.type.scale).padEnd(5)] : ['     ', '     '];
}

const COLUMN_COLS: ViewColumn[] = [col('Column_name', sn), col('Type', sn), col('Computed', ty.varchar(35)), col('Length', ty.int), col('Prec', char5), col('Scale', char5),
  col('Nullable', ty.varchar(35)), col('TrimTrailingBlanks', ty.varchar(35)), col('FixedLenNullInSource', ty.varchar(35)), col('Collation', sn)];

function columnRow(c: { name: string; type: SqlType; nullable: boolean; computed?: unknown; collation?: string | null }): Value[] {
  const [prec, scale] = precScale(c);
  const padded = ['char', 'varchar', 'binary', 'varbinary', 'nchar', 'nvarchar'].includes(c.type.name);
  const fixedLen = ['char', 'varchar', 'binary', 'varbinary'].includes(c.type.name);
  return [c.name, c.type.userTypeName ?? c.type.name, yesNo(c.computed !== undefined), c.type.maxLength, prec, scale, yesNo(c.nullable),
    padded ? 'no' : '(n/a)', fixedLen ? yesNo(c.nullable) : '(n/a)', c.collation ?? null];
}

/** sp_helpindex's index_description of an index (inferred wording from servers' output). */
function indexDescription(db: Database, ix: Index): string {
  const kind = ix.columnstore ? `${ix.type === 'CLUSTERED' ? 'clustered' : 'nonclustered'} columnstore` : ix.bucketCount !== undefined ? 'nonclustered hash' : ix.type === 'CLUSTERED' ? 'clustered' : 'nonclustered';
  const traits = [kind, ix.ignoreDupKey ? 'ignore duplicate keys' : '', ix.unique ? 'unique' : '', ix.isPrimaryKey ? 'primary key' : '', ix.isUniqueConstraint ? 'unique key' : '',
    ix.noRecompute ? 'stats no recompute' : '', ix.disabled ? 'disabled' : ''].filter((x) => x !== '');
  const space = dataSpacesOf(db).find((d) => d.id === (ix.dataSpaceId ?? 1))?.name ?? 'PRIMARY';
  return `${traits.join(', ')} located on ${space}`;
}

function indexKeys(t: { columns: readonly { columnId: number; name: string }[] }, ix: Index): string | null {
  if (ix.columnstore) return null;
  return ix.keys.map((k) => `${t.columns.find((c) => c.columnId === k.columnId)?.name ?? ''}${k.desc ? '(-)' : ''}`).join(', ');
}

/** The rowstore, columnstore and hash indexes sp_helpindex lists ("only orderable index columns": no XML or spatial ones). */
function listedIndexes(t: { indexes: readonly Index[] }): Index[] {
  return t.indexes.filter((i) => i.name !== null && i.type !== 'XML' && i.type !== 'SPATIAL');
}

function indexSet(db: Database, t: Table | Module, label: string): HelpOutput {
  const rows = listedIndexes(t).map((ix) => [ix.name, indexDescription(db, ix), indexKeys(t, ix)]);
  if (rows.length === 0) return { info: { number: 15472, message: `The object '${label}' does not have any indexes, or you do not have permissions.` } };
  return { set: { columns: [col('index_name', sn, false), col('index_description', ty.varchar(210)), col('index_keys', ty.nvarchar(2078))], rows } };
}

/** EXEC sp_helpindex [@objname =] 'table or view'. */
export function spHelpIndex(db: Database, objname: string): HelpOutput[] {
  const parts = splitObjectName(objname);
  const schema = parts.length >= 2 ? parts[parts.length - 2] : 'dbo';
  const name = parts[parts.length - 1] ?? '';
  const target: Table | Module | undefined = (findSchema(db, schema) ? findTable(db, schema, name) : undefined) ?? findModule(db, [schema, name]);
  if (!target || ('type' in target && target.type !== 'V')) throw missing(objname, db);
  return [indexSet(db, target, objname)];
}

const ACTION: Record<string, string> = { NO_ACTION: 'No Action', CASCADE: 'Cascade', SET_NULL: 'Set_Null', SET_DEFAULT: 'Set_Default' };

function helpTable(db: Database, t: Table): HelpOutput[] {
  const label = t.name;
  const out: HelpOutput[] = [nameRow(db, t.name, t.schemaId, 'user table', t.created)];
  const visible = t.columns.filter((c: Column) => c.hidden !== true);
  out.push({ set: { columns: COLUMN_COLS, rows: visible.map(columnRow) } });
  const identity = t.columns.find((c) => c.identity);
  out.push({ set: { columns: [col('Identity', sn), col('Seed', ty.decimal(38, 0)), col('Increment', ty.decimal(38, 0)), col('Not For Replication', ty.int)],
    rows: [identity?.identity ? [identity.name, identity.identity.seed, identity.identity.increment, identity.identity.notForReplication ? 1 : 0] : ['No identity column defined.', null, null, null]] } });
  out.push({ set: { columns: [col('RowGuidCol', sn)], rows: [[t.columns.find((c) => c.rowguidcol)?.name ?? 'No rowguidcol column defined.']] } });
  const base = t.indexes.find((i) => i.indexId <= 1);
  out.push({ set: { columns: [col('Data_located_on_filegroup', sn)], rows: [[dataSpacesOf(db).find((d) => d.id === (base?.dataSpaceId ?? 1))?.name ?? 'PRIMARY']] } });
  out.push(indexSet(db, t, label));
  const colName = (id: number): string => t.columns.find((c) => c.columnId === id)?.name ?? '';
  // Each constraint's rows (a foreign key's REFERENCES line under it), constraints ordered by name.
  const groups: Value[][][] = [];
  for (const c of t.checks) groups.push([[c.columnId > 0 ? `CHECK on column ${colName(c.columnId)}` : 'CHECK Table Level', c.name, '(n/a)', '(n/a)', c.disabled ? 'Disabled' : 'Enabled', c.notForReplication ? 'Not_For_Replication' : 'Is_For_Replication', c.definition]]);
  for (const d of t.defaults) groups.push([[`DEFAULT on column ${colName(d.columnId)}`, d.name, '(n/a)', '(n/a)', '(n/a)', '(n/a)', d.definition]]);
  for (const f of t.fks) {
    const ref = db.tables.find((x) => x.objectId === f.refTableId);
    const refCols = f.columns.map((x) => ref?.columns.find((c) => c.columnId === x.ref)?.name ?? '').join(', ');
    groups.push([['FOREIGN KEY', f.name, ACTION[f.onDelete], ACTION[f.onUpdate], f.disabled ? 'Disabled' : 'Enabled', f.notForReplication ? 'Not_For_Replication' : 'Is_For_Replication', f.columns.map((x) => colName(x.parent)).join(', ')],
      [' ', ' ', ' ', ' ', ' ', ' ', `REFERENCES ${db.name}.${ref ? schemaName(db, ref.schemaId) : 'dbo'}.${ref?.name ?? ''} (${refCols})`]]);
  }
  for (const k of t.keys) {
    const ix = t.indexes.find((i) => i.indexId === k.indexId);
    groups.push([[`${k.type === 'PK' ? 'PRIMARY KEY' : 'UNIQUE'} (${ix?.type === 'CLUSTERED' ? 'clustered' : 'non-clustered'})`, k.name, '(n/a)', '(n/a)', '(n/a)', '(n/a)', ix ? indexKeys(t, ix) : '']]);
  }
  const rows = groups.sort((a, b) => String(a[0][1]).localeCompare(String(b[0][1]))).flat();
  out.push(rows.length === 0
    ? { info: { number: 15469, message: `No constraints are defined on object '${label}', or you do not have permissions.` } }
    : { set: { columns: [col('constraint_type', ty.nvarchar(146)), col('constraint_name', sn), col('delete_action', ty.nvarchar(9)), col('update_action', ty.nvarchar(9)),
      col('status_enabled', ty.varchar(8)), col('status_for_replication', ty.varchar(19)), col('constraint_keys', ty.nvarchar(2078))], rows } });
  const referencing = db.tables.flatMap((x) => x.fks.filter((f) => f.refTableId === t.objectId).map((f) => [`${db.name}.${schemaName(db, x.schemaId)}.${x.name}: ${f.name}`]));
  out.push(referencing.length === 0
    ? { info: { number: 15470, message: `No foreign keys reference table '${label}', or you do not have permissions.` } }
    : { set: { columns: [col('Table is referenced by foreign key', ty.nvarchar(516))], rows: referencing } });
  return out;
}

function helpModule(db: Database, m: Module): HelpOutput[] {
  const out: HelpOutput[] = [nameRow(db, m.name, m.schemaId, OBJECT_TYPE[m.type] ?? m.type, m.created)];
  if (m.type === 'V') {
    out.push({ set: { columns: COLUMN_COLS, rows: m.columns.map((c) => columnRow({ ...c, collation: isStringType(c.type.name) ? db.collation : null })) } });
    out.push({ set: { columns: [col('Identity', sn), col('Seed', ty.decimal(38, 0)), col('Increment', ty.decimal(38, 0)), col('Not For Replication', ty.int)], rows: [['No identity column defined.', null, null, null]] } });
    out.push({ set: { columns: [col('RowGuidCol', sn)], rows: [['No rowguidcol column defined.']] } });
    out.push(indexSet(db, m, m.name));
    return out;
  }
  let params: { name: string; type: SqlType }[];
  try {
    params = moduleHeader(m).params.map((p) => {
      const tt = (db.types ?? []).find((u) => sameName(u.name, p.type.name) && u.table);
      return { name: p.name, type: tt ? { name: tt.name, maxLength: -1, precision: 0, scale: 0 } : resolveType(p.type) };
    });
  } catch { params = []; }
  if (params.length > 0) {
    out.push({ set: { columns: [col('Parameter_name', sn), col('Type', sn), col('Length', ty.smallint), col('Prec', ty.int), col('Scale', ty.int), col('Param_order', ty.smallint), col('Collation', sn)],
      rows: params.map((p, i) => [p.name, p.type.name, p.type.maxLength, p.type.precision, p.type.scale, i + 1, isStringType(p.type.name) ? db.collation : null]) } });
  }
  return out;
}
