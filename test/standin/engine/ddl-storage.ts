/**
 * Storage in the stand-in: DATA_COMPRESSION and XML_COMPRESSION of heaps and indexes, IGNORE_DUP_KEY, SPARSE columns
 * and columnstore indexes, with the errors SQL Server gives for the combinations it refuses.
 *
 * Sources: data-compression.md ("When a clustered index is created on a heap, the clustered
 * index inherits the compression state of the heap unless an alternative compression state is
 * specified"; nonclustered indexes default to NONE; sparse columns cannot be added to compressed
 * tables, nor tables containing them compressed: use-sparse-columns.md), create-index-transact-sql
 * ("IGNORE_DUP_KEY cannot be set to ON for ... non-unique indexes ... and filtered indexes"),
 * create-columnstore-index-transact-sql (one columnstore index per table, no INCLUDE or DESC, no
 * sparse column, no page or row compression). Error numbers: 1916 as SQL Server words it
 * ("CREATE INDEX options nonunique and ignore_dup_key are mutually exclusive."); 3604 (severity
 * 10, "Duplicate key was ignored.", SQL Server's message reference); every other number and
 * wording below is inferred and marked so.
 */
import type { DdlOption } from './editions';
import type { Column, Index, Table } from './catalog';
import { SqlError } from './errors';
import { applyIndexWith, newIndexWith, type IndexWith } from './index-options';

const ROWSTORE = ['NONE', 'ROW', 'PAGE'];
const COLUMNSTORE = ['COLUMNSTORE', 'COLUMNSTORE_ARCHIVE'];

function option(options: readonly DdlOption[] | undefined, name: string): string | undefined {
  return options?.find((o) => o.name.toUpperCase() === name)?.value.toUpperCase();
}

/** The DATA_COMPRESSION a statement asks for, checked against the kind of storage (undefined: not given). */
export function compressionOption(options: readonly DdlOption[] | undefined, columnstore: boolean, objectName: string): string | undefined {
  const value = option(options, 'DATA_COMPRESSION');
  if (value === undefined) return undefined;
  const allowed = columnstore ? COLUMNSTORE : ROWSTORE;
  // Inferred number and wording.
  if (!allowed.includes(value)) throw new SqlError(35310, 15, 1, `The DATA_COMPRESSION option ${value} is not valid for ${columnstore ? 'columnstore' : 'rowstore'} index or table '${objectName}'.`);
  return value;
}

/**
 * The XML_COMPRESSION = ON | OFF a statement asks for (undefined: not given), SQL Server 2022's
 * table, index and REBUILD option for the off-row data of xml columns (create-table-transact-sql,
 * create-index-transact-sql, alter-table-transact-sql "XML_COMPRESSION"). CREATE COLUMNSTORE INDEX
 * has no such option (create-columnstore-index-transact-sql <with_option>): refused there, with an
 * inferred number and wording (as SQL Server words an unknown index option).
 */
export function xmlCompressionOption(options: readonly DdlOption[] | undefined, columnstore: boolean): boolean | undefined {
  const value = option(options, 'XML_COMPRESSION');
  if (value === undefined) return undefined;
  if (columnstore) throw new SqlError(155, 15, 1, "'XML_COMPRESSION' is not a recognized CREATE COLUMNSTORE INDEX option.");
  // Inferred number and wording: ON and OFF are the only values the syntax has.
  if (value !== 'ON' && value !== 'OFF') throw new SqlError(102, 15, 1, `Incorrect syntax near '${value}'.`);
  return value === 'ON';
}

function setXmlCompression(ix: Index, on: boolean | undefined): void {
  if (on === undefined) return;
  if (on) ix.xmlCompression = true; else delete ix.xmlCompression;
}

/** A compression as the catalog keeps it: the default left out. */
function stored(value: string, columnstore: boolean): string | undefined {
  return value === (columnstore ? 'COLUMNSTORE' : 'NONE') ? undefined : value;
}

/** Refuses compressing a table that has sparse columns (inferred number and wording). */
function noSparse(t: Table, value: string | undefined): void {
  if (value === undefined || value === 'NONE' || !t.columns.some((c) => c.sparse)) return;
  throw new SqlError(11418, 16, 1, `Cannot alter table '${t.name}' because the table either contains sparse columns or a column set column which are incompatible with compression.`);
}

/** IGNORE_DUP_KEY of an index being created: unique and unfiltered only. */
export function ignoreDupKeyOption(options: readonly DdlOption[] | undefined, unique: boolean, filtered: boolean, name: string): boolean | undefined {
  const value = option(options, 'IGNORE_DUP_KEY');
  if (value === undefined) return undefined;
  if (value !== 'ON') return false;
  if (!unique) throw new SqlError(1916, 16, 1, 'CREATE INDEX options nonunique and ignore_dup_key are mutually exclusive.');
  // Inferred number and wording.
  if (filtered) throw new SqlError(10618, 16, 1, `Filtered index '${name}' cannot be created with the IGNORE_DUP_KEY option.`);
  return true;
}

/** CREATE TABLE ... WITH (DATA_COMPRESSION = x, XML_COMPRESSION = y): the heap's compression. */
export function tableOptions(t: Table, options: readonly DdlOption[] | undefined): void {
  const value = compressionOption(options, false, t.name);
  noSparse(t, value);
  const xml = xmlCompressionOption(options, false);
  const heap = t.indexes.find((i) => i.indexId === 0);
  if (heap !== undefined && value !== undefined) setCompression(heap, stored(value, false));
  if (heap !== undefined) setXmlCompression(heap, xml);
  // An inline clustered key took the table's compression when it was created before: keep them equal.
  const clustered = t.indexes.find((i) => i.indexId === 1 && !i.columnstore);
  if (clustered !== undefined && value !== undefined && clustered.compression === undefined) setCompression(clustered, stored(value, false));
  if (clustered !== undefined && xml === true) setXmlCompression(clustered, true);
}

function setCompression(ix: Index, value: string | undefined): void {
  if (value === undefined) delete ix.compression; else ix.compression = value;
}

/**
 * The storage options of a new index on `t` (its WITH list): compression (a clustered rowstore
 * index created on a heap inherits the heap's) and IGNORE_DUP_KEY.
 */
export function newIndexStorage(t: Table, ix: Omit<Index, 'indexId'>, options: readonly DdlOption[] | undefined): Pick<Index, 'compression' | 'ignoreDupKey' | 'xmlCompression'> & IndexWith {
  const columnstore = ix.columnstore === true;
  const given = compressionOption(options, columnstore, ix.name ?? t.name);
  const heap = t.indexes.find((i) => i.indexId === 0);
  const inherits = ix.type === 'CLUSTERED' && !columnstore;
  const inherited = inherits && given === undefined ? heap?.compression : undefined;
  const compression = given !== undefined ? stored(given, columnstore) : inherited;
  if (ix.type === 'CLUSTERED' && !columnstore) noSparse(t, compression);
  // Inferred from the data compression rule above: a clustered index built on a heap keeps the heap's XML compression too.
  const xml = xmlCompressionOption(options, columnstore) ?? (inherits ? heap?.xmlCompression === true : false);
  const ignore = ignoreDupKeyOption(options, ix.unique, ix.filter !== undefined, ix.name ?? '');
  return {
    ...(compression !== undefined ? { compression } : {}), ...(xml ? { xmlCompression: true } : {}), ...(ignore === true ? { ignoreDupKey: true } : {}), ...newIndexWith(options),
  };
}

/** Columnstore rules when one is created (inferred numbers and wording). */
export function checkColumnstore(t: Table, clustered: boolean, columns: readonly Column[], name: string): void {
  const other = t.indexes.find((i) => i.columnstore);
  if (other) throw new SqlError(35339, 16, 1, 'Multiple columnstore indexes are not supported.');
  const sparse = (clustered ? t.columns : columns).find((c) => c.sparse);
  if (sparse) throw new SqlError(35307, 16, 1, `The statement failed because column '${sparse.name}' on table '${t.name}' is a sparse column. Columnstore index '${name}' cannot include a sparse column.`);
  const bad = columns.find((c) => ['text', 'ntext', 'image', 'timestamp', 'sql_variant', 'xml', 'geography', 'geometry', 'hierarchyid'].includes(c.type.name));
  if (bad) throw new SqlError(35343, 16, 1, `The statement failed. Column '${bad.name}' has a data type that cannot participate in a columnstore index.`);
}

/** ALTER TABLE t REBUILD WITH (DATA_COMPRESSION = x, XML_COMPRESSION = y): the heap, or the rowstore clustered index. */
export function rebuildTable(t: Table, options: readonly DdlOption[]): void {
  const base = t.indexes.find((i) => i.indexId <= 1) as Index;
  setXmlCompression(base, xmlCompressionOption(options, base.columnstore === true));
  const value = compressionOption(options, base.columnstore === true, t.name);
  if (value === undefined) return;
  noSparse(t, value);
  setCompression(base, stored(value, base.columnstore === true));
}

/** The index of a table by name (Msg 1088 when it has none of that name). */
export function namedIndex(t: Table, name: string): Index {
  const ix = t.indexes.find((i) => i.name !== null && i.name.toLowerCase() === name.toLowerCase());
  // Msg 1088 as for CREATE INDEX on a missing object (inferred for a missing index).
  if (!ix) throw new SqlError(1088, 16, 9, `Cannot find the object "${name}" because it does not exist or you do not have permissions.`);
  return ix;
}

/** ALTER INDEX i ON t REBUILD [WITH (DATA_COMPRESSION = x, XML_COMPRESSION = y, ...)]. */
export function rebuildIndex(t: Table, name: string, options: readonly DdlOption[]): void {
  const ix = namedIndex(t, name);
  // "Rebuilding a disabled index ... enables it" (alter-index-transact-sql, DISABLE).
  ix.disabled = false;
  // A rebuild keeps every option it is not given (the stored fill factor included).
  applyIndexWith(ix, options);
  const value = compressionOption(options, ix.columnstore === true, name);
  if (value !== undefined) {
    if (ix.indexId === 1 && !ix.columnstore) noSparse(t, value);
    setCompression(ix, stored(value, ix.columnstore === true));
  }
  setXmlCompression(ix, xmlCompressionOption(options, ix.columnstore === true));
  const ignore = option(options, 'IGNORE_DUP_KEY');
  if (ignore !== undefined) setIgnoreDupKey(t, ix, ignore === 'ON');
}

function setIgnoreDupKey(t: Table, ix: Index, on: boolean): void {
  if (on && !ix.unique) throw new SqlError(1916, 16, 1, 'CREATE INDEX options nonunique and ignore_dup_key are mutually exclusive.');
  if (on && ix.filter !== undefined) throw new SqlError(10618, 16, 1, `Filtered index '${ix.name}' cannot be created with the IGNORE_DUP_KEY option.`);
  if (on) ix.ignoreDupKey = true; else delete ix.ignoreDupKey;
  void t;
}

/** ALTER INDEX i ON t SET (IGNORE_DUP_KEY, ALLOW_ROW_LOCKS, ALLOW_PAGE_LOCKS, OPTIMIZE_FOR_SEQUENTIAL_KEY, STATISTICS_NORECOMPUTE = ON | OFF). */
export function setIndexOptions(t: Table, name: string, options: readonly DdlOption[]): void {
  const ix = namedIndex(t, name);
  applyIndexWith(ix, options, true);
  const ignore = option(options, 'IGNORE_DUP_KEY');
  if (ignore !== undefined) setIgnoreDupKey(t, ix, ignore === 'ON');
}

/** Why a column cannot be SPARSE (inferred numbers and wording, after "Use sparse columns"), or null. */
export function sparseProblem(t: Table, col: Column, hasDefault: boolean): SqlError | null {
  const invalid = () => new SqlError(1731, 16, 1, `Cannot create the sparse column '${col.name}' in the table '${t.name}' because an option or data type specified is not valid. A sparse column must be nullable and cannot have the ROWGUIDCOL, IDENTITY, or FILESTREAM properties. A sparse column cannot be of the following data types: text, ntext, image, geometry, geography, or user-defined type.`);
  if (!col.nullable || col.identity || col.computed) return invalid();
  if (['text', 'ntext', 'image', 'timestamp', 'geometry', 'geography'].includes(col.type.name) || (col.type.userTypeName !== undefined && col.type.userTypeName !== 'sysname')) return invalid();
  if (hasDefault) return new SqlError(1791, 16, 0, `A DEFAULT constraint cannot be created on the column '${col.name}' in the table '${t.name}' because the column is a sparse column or sparse column set. Sparse columns or sparse column sets cannot have a DEFAULT constraint.`);
  const base = t.indexes.find((i) => i.indexId <= 1);
  if (base?.compression !== undefined && !base.columnstore) return new SqlError(11418, 16, 1, `Cannot alter table '${t.name}' because the table either contains sparse columns or a column set column which are incompatible with compression.`);
  if (base?.columnstore) return new SqlError(35307, 16, 1, `The statement failed because column '${col.name}' on table '${t.name}' is a sparse column. Columnstore index '${base.name}' cannot include a sparse column.`);
  const inKey = t.indexes.find((i) => (i.type === 'CLUSTERED' || i.isPrimaryKey) && i.keys.some((k) => k.columnId === col.columnId));
  if (inKey) return new SqlError(1919, 16, 1, `Column '${col.name}' in table '${t.name}' is of a type that is invalid for use as a key column in an index.`);
  return null;
}

/** ALTER TABLE t ALTER COLUMN c ADD | DROP SPARSE. */
export function setSparse(t: Table, col: Column, add: boolean): void {
  if (!add) { delete col.sparse; return; }
  if (col.sparse) return;
  const problem = sparseProblem(t, col, col.defaultObjectId !== 0);
  if (problem) throw problem;
  col.sparse = true;
}
