/**
 * Storage declarations: DATA_COMPRESSION on a table, index or key, IGNORE_DUP_KEY, columnstore
 * indexes and SPARSE columns, with every combination SQL Server refuses reported at its source
 * (SQL Server's rules themselves live in src/sqlserver/storage.ts, which cites the pages).
 */
import type { ts } from 'ts-morph';
import type { DataCompression, Index, IndexOptions, KeyConstraint, RowstoreCompression } from '../model';
import { fillFactorProblem, INDEX_OPTION_KEYS, storedIndexOptions } from '../sqlserver/index-options';
import { MAX_BUCKET_COUNT } from '../sqlserver/memory-optimized';
import { filterPredicateProblems } from '../expr';
import {
  columnstoreTypeProblem, isColumnstoreCompression, isRowstoreCompression, sparseTypeProblem,
} from '../sqlserver/storage';
import { Codes } from './codes';
import type { DiagnosticBag } from './diagnostics';
import { toExpression } from './expressions';
import { expandTemplate } from './names';
import type { TableItem } from './read-classes';
import { renamedFromOption } from './renamed-from';
import { refOf } from './source-ref';
import type { StaticValue } from './static-value';
import { resolveKeyColumn, type TableDraft } from './table-draft';
import { LOCK_ESCALATIONS, type LockEscalation } from '../sqlserver/lock-escalation';

function remember(draft: TableDraft, object: object, key: string, node: ts.Node | undefined): void {
  if (node === undefined) return;
  const map = draft.optionNodes.get(object) ?? new Map<string, ts.Node>();
  map.set(key, node);
  draft.optionNodes.set(object, map);
}

/** Where an option of an index, key or column was written, or `fallback`. */
export function nodeOf(draft: TableDraft, object: object, key: string, fallback: ts.Node): ts.Node {
  return draft.optionNodes.get(object)?.get(key) ?? fallback;
}

/** Reads `dataCompression: 'NONE' | 'ROW' | 'PAGE'` (or a columnstore value when `columnstore`). */
function compressionOption(opts: ReadonlyMap<string, StaticValue>, columnstore: boolean, what: string, bag: DiagnosticBag): DataCompression | undefined {
  const v = opts.get('dataCompression');
  if (v === undefined) return undefined;
  if (v.kind !== 'string') {
    bag.error(Codes.notStatic, 'dataCompression must be a string literal', v.node);
    return undefined;
  }
  const ok = columnstore ? isColumnstoreCompression(v.value) : isRowstoreCompression(v.value);
  if (!ok) {
    const allowed = columnstore ? 'COLUMNSTORE or COLUMNSTORE_ARCHIVE' : 'NONE, ROW or PAGE';
    const why = columnstore ? 'a columnstore index is compressed by column; ROW and PAGE are rowstore compression'
      : 'COLUMNSTORE compression is for columnstore indexes only';
    bag.error(Codes.compressionMismatch, `${what}: DATA_COMPRESSION = ${v.value} is not allowed here (${why}); use ${allowed}`, v.node);
    return undefined;
  }
  return v.value as DataCompression;
}

/** Reads `xmlCompression: true | false` (XML_COMPRESSION = ON | OFF); OFF, the default, is left out of the model. */
function xmlCompressionOption(opts: ReadonlyMap<string, StaticValue>, bag: DiagnosticBag): true | undefined {
  const v = opts.get('xmlCompression');
  if (v === undefined) return undefined;
  if (v.kind !== 'boolean') {
    bag.error(Codes.notStatic, 'xmlCompression must be true or false', v.node);
    return undefined;
  }
  return v.value ? true : undefined;
}

/** The model's spelling of a compression: the kind's default is left out. */
function stored(c: DataCompression | undefined, columnstore: boolean): DataCompression | undefined {
  return c === undefined || c === (columnstore ? 'COLUMNSTORE' : 'NONE') ? undefined : c;
}

/** `fillFactor`, `padIndex`, `allowRowLocks`, ... of an index or key, defaults left out as the catalog leaves them. */
function withOptions(opts: ReadonlyMap<string, StaticValue>, bag: DiagnosticBag): IndexOptions {
  const flag = (key: string): boolean | null | undefined => {
    const v = opts.get(key);
    if (v === undefined) return undefined;
    if (v.kind === 'boolean') return v.value;
    bag.error(Codes.notStatic, `${key} must be true or false`, v.node);
    return null;
  };
  const ff = opts.get('fillFactor');
  let fillFactor: number | undefined;
  if (ff !== undefined && ff.kind !== 'number') bag.error(Codes.notStatic, 'fillFactor must be a number literal', ff.node);
  else if (ff !== undefined) {
    const problem = fillFactorProblem(ff.value);
    if (problem !== null) bag.error(Codes.indexOption, problem, ff.node);
    else fillFactor = ff.value;
  }
  return storedIndexOptions({
    fillFactor, padded: flag('padIndex'), allowRowLocks: flag('allowRowLocks'), allowPageLocks: flag('allowPageLocks'),
    optimizeForSequentialKey: flag('optimizeForSequentialKey'), noRecompute: flag('statisticsNoRecompute'),
  });
}

/** `bucketCount` of a hash index or key: a whole number in 1..1,073,741,824 (create-table-transact-sql, BUCKET_COUNT). */
function bucketCountOption(opts: ReadonlyMap<string, StaticValue>, what: string, bag: DiagnosticBag): number | undefined {
  const v = opts.get('bucketCount');
  if (v === undefined) return undefined;
  if (v.kind !== 'number') {
    bag.error(Codes.notStatic, 'bucketCount must be a number literal', v.node);
    return undefined;
  }
  if (!Number.isInteger(v.value) || v.value < 1 || v.value > MAX_BUCKET_COUNT) {
    bag.error(Codes.hashIndex, `${what}: BUCKET_COUNT = ${v.value} is not allowed; SQL Server takes a whole number from 1 to ${MAX_BUCKET_COUNT.toLocaleString('en-US')}`, v.node);
    return undefined;
  }
  return v.value;
}

/** `ignoreDupKey`, `dataCompression`, `xmlCompression`, `bucketCount` and the WITH options of an @Index, @Unique, @PrimaryKey or column primaryKey option. */
export function keyStorage(
  opts: ReadonlyMap<string, StaticValue>, what: string, bag: DiagnosticBag,
): IndexOptions & { ignoreDupKey?: boolean; dataCompression?: RowstoreCompression; xmlCompression?: true; bucketCount?: number } {
  const ignore = opts.get('ignoreDupKey');
  if (ignore !== undefined && ignore.kind !== 'boolean') bag.error(Codes.notStatic, 'ignoreDupKey must be true or false', ignore.node);
  const compression = stored(compressionOption(opts, false, what, bag), false) as RowstoreCompression | undefined;
  const xml = xmlCompressionOption(opts, bag);
  const buckets = bucketCountOption(opts, what, bag);
  return {
    ...(ignore?.kind === 'boolean' && ignore.value ? { ignoreDupKey: true } : {}),
    ...(compression !== undefined ? { dataCompression: compression } : {}),
    ...(xml !== undefined ? { xmlCompression: xml } : {}),
    ...withOptions(opts, bag),
    ...(buckets !== undefined ? { bucketCount: buckets } : {}),
  };
}

/** Records where an index's or key's storage options were written (call with the object added to the draft). */
export function rememberOptions(draft: TableDraft, object: Index | KeyConstraint, opts: ReadonlyMap<string, StaticValue>): void {
  for (const key of ['ignoreDupKey', 'dataCompression', 'xmlCompression', 'where', 'include', 'bucketCount', 'on', 'clustered', ...INDEX_OPTION_KEYS]) remember(draft, object, key, opts.get(key)?.node);
  // Settled by name once every index and key is known (placement.ts): objects are replaced meanwhile.
  const on = opts.get('on');
  if (on !== undefined) (draft.placements ??= new Map()).set(draft.key(object.name), on);
}

/** Records where a column's `sparse` option was written. */
export function rememberSparse(draft: TableDraft, column: object, node: ts.Node | undefined): void {
  remember(draft, column, 'sparse', node);
}

/** @ClusteredColumnstoreIndex(name, opts) and @ColumnstoreIndex(name, columns, opts). */
export function addColumnstore(draft: TableDraft, item: TableItem, name: string, bag: DiagnosticBag): void {
  const clustered = item.kind === 'clusteredColumnstoreIndex';
  const [, second, third] = item.args;
  // A clustered columnstore index takes no column list: a second array argument is one anyway.
  const columnsV = clustered ? (second?.kind === 'array' ? second : undefined) : second;
  const optsV = clustered ? (second?.kind === 'array' ? third : second) : third;
  const opts = optsV?.kind === 'object' ? optsV.props : new Map<string, StaticValue>();
  if (optsV !== undefined && optsV.kind !== 'object') bag.error(Codes.notStatic, 'options must be an object literal', optsV.node);
  const what = `columnstore index ${name}`;
  if (clustered && columnsV !== undefined) {
    bag.error(Codes.columnstoreShape, `clustered ${what} cannot have key columns: it stores every column of the table`, columnsV.node);
  }
  for (const key of ['include', 'unique', 'clustered', 'ignoreDupKey', 'activeOnly'] as const) {
    const v = opts.get(key);
    if (v !== undefined) bag.error(Codes.columnstoreShape, `${what} cannot take ${key}: SQL Server has no ${key === 'include' ? 'INCLUDE' : key} for columnstore indexes`, v.node);
  }
  // CREATE COLUMNSTORE INDEX has no FILLFACTOR, PAD_INDEX, lock, NORECOMPUTE or XML_COMPRESSION options.
  for (const key of [...INDEX_OPTION_KEYS, 'xmlCompression']) {
    const v = opts.get(key);
    if (v !== undefined) bag.error(Codes.indexOption, `${what} cannot take ${key}: CREATE COLUMNSTORE INDEX has no such option`, v.node);
  }
  const columns: string[] = [];
  if (!clustered) {
    if (columnsV?.kind !== 'array') bag.error(Codes.notStatic, 'expected an array literal of field names', columnsV?.node ?? item.node);
    for (const f of columnsV?.kind === 'array' ? columnsV.items : []) {
      if (f.kind === 'object') bag.error(Codes.columnstoreShape, `${what}: columnstore columns take no ASC/DESC`, f.node);
      const col = resolveKeyColumn(draft, f, bag, false);
      if (col === null) continue;
      if (columns.includes(col.name)) bag.error(Codes.badColumnList, `column ${col.name} is listed twice`, f.node);
      else columns.push(col.name);
    }
    if (columnsV?.kind === 'array' && columnsV.items.length === 0) bag.error(Codes.badColumnList, 'a columnstore index needs at least one column', columnsV.node);
  }
  const whereV = opts.get('where');
  let filter = null;
  if (whereV !== undefined) {
    if (clustered) bag.error(Codes.columnstoreShape, `clustered ${what} cannot be filtered: filtered indexes are nonclustered`, whereV.node);
    else if (whereV.kind !== 'sql') bag.error(Codes.notStatic, 'where must be sql`...`', whereV.node);
    else {
      for (const problem of filterPredicateProblems(whereV.text, draft.key)) bag.error(Codes.badFilter, `SQL Server refuses the filter of index ${name}: ${problem}`, whereV.node);
      filter = toExpression(whereV.text, draft.key, whereV.node, bag, 'filter');
      draft.expressionChecks.push({ text: whereV.text, node: whereV.node, what: `filter of index ${name}` });
    }
  }
  const compression = stored(compressionOption(opts, true, what, bag), true);
  const index: Index = {
    name, isSystemNamed: false, ...renamedFromOption(draft, opts, bag),
    columns: columns.map((c) => ({ name: c, descending: false })), include: [], unique: false, clustered, filter,
    columnstore: true, ...(compression !== undefined ? { dataCompression: compression } : {}), source: refOf(item.node),
  };
  draft.indexes.push(index);
  draft.origins.set(index, { node: item.node, nameNode: item.args[0]?.node, generated: false, what: 'index' });
}

/** The expanded name of a columnstore decorator, or null when it is not a string literal. */
export function columnstoreName(draft: TableDraft, item: TableItem, bag: DiagnosticBag): string | null {
  const v = item.args[0];
  if (v?.kind !== 'string') {
    bag.error(Codes.notStatic, 'index name must be a string literal', v?.node ?? item.node);
    return null;
  }
  const { name, unknown } = expandTemplate(v.value, draft.name, draft.schema);
  for (const u of unknown) bag.error(Codes.unknownPlaceholder, `unknown placeholder ${u} in index name; use {table} or {schema}`, v.node);
  return name;
}

/**
 * Settles the table's storage once every column and decorator is read: the table's compression
 * (written on @Table) goes to its rowstore clustered index or key, and each combination SQL
 * Server refuses is reported where it was written.
 */
export function settleStorage(draft: TableDraft, bag: DiagnosticBag): void {
  const optsV = draft.info.tableArgs[1];
  const tableOpts = optsV?.kind === 'object' ? optsV.props : new Map<string, StaticValue>();
  const tableCompression = stored(compressionOption(tableOpts, false, `table ${draft.schema}.${draft.name}`, bag), false) as RowstoreCompression | undefined;
  const compressionNode = tableOpts.get('dataCompression')?.node ?? draft.info.roleNode;
  const tableXml = xmlCompressionOption(tableOpts, bag);
  const keys: KeyConstraint[] = [...(draft.primaryKey ? [draft.primaryKey] : []), ...draft.uniques];
  const columnstores = draft.indexes.filter((i) => i.columnstore === true);

  for (const i of columnstores.slice(1)) {
    bag.error(Codes.columnstoreShape, `table ${draft.schema}.${draft.name} already has columnstore index ${columnstores[0].name}; a table has at most one`, draft.origins.get(i)?.node ?? draft.info.roleNode);
  }
  const cci = columnstores.find((i) => i.clustered);
  if (cci !== undefined && tableCompression !== undefined) {
    bag.error(Codes.compressionMismatch, `table ${draft.schema}.${draft.name} is stored as clustered columnstore index ${cci.name}: DATA_COMPRESSION = ${tableCompression} is rowstore compression; set the index's dataCompression (COLUMNSTORE or COLUMNSTORE_ARCHIVE) instead`, compressionNode);
  }
  if (cci !== undefined && tableXml === true) {
    bag.error(Codes.compressionMismatch, `table ${draft.schema}.${draft.name} is stored as clustered columnstore index ${cci.name}: XML_COMPRESSION is for heaps and rowstore indexes (CREATE COLUMNSTORE INDEX has no such option, and a columnstore holds no xml column)`, tableOpts.get('xmlCompression')?.node ?? draft.info.roleNode);
  }
  for (const o of [...draft.indexes.filter((i) => i.columnstore !== true), ...keys]) {
    const at = (key: string) => nodeOf(draft, o, key, draft.origins.get(o)?.node ?? draft.info.roleNode);
    if (o.clustered && o.dataCompression !== undefined) {
      bag.error(Codes.compressionMismatch, `clustered ${o.name} holds the table's rows: declare its compression on the table (@Table(..., { dataCompression: '${o.dataCompression}' }))`, at('dataCompression'));
    }
    if (o.clustered && o.xmlCompression === true) {
      bag.error(Codes.compressionMismatch, `clustered ${o.name} holds the table's rows: declare its XML compression on the table (@Table(..., { xmlCompression: true }))`, at('xmlCompression'));
    }
    if (o.ignoreDupKey === true) {
      // CREATE INDEX: "IGNORE_DUP_KEY cannot be set to ON for ... non-unique indexes ... and filtered indexes".
      const isIndex = 'unique' in o;
      if (isIndex && !o.unique) bag.error(Codes.ignoreDupKey, `index ${o.name} is not unique: IGNORE_DUP_KEY applies to unique indexes only`, at('ignoreDupKey'));
      if (isIndex && o.filter !== null) bag.error(Codes.ignoreDupKey, `index ${o.name} is filtered: SQL Server refuses IGNORE_DUP_KEY on filtered indexes`, at('ignoreDupKey'));
    }
  }
  checkSparse(draft, keys, cci, tableCompression, bag);
  checkColumnstoreTypes(draft, columnstores, bag);
  draft.dataCompression = tableCompression;
  if (tableXml === true && cci === undefined) draft.xmlCompression = true;
  const carried = {
    ...(tableCompression !== undefined ? { dataCompression: tableCompression } : {}),
    ...(draft.xmlCompression === true ? { xmlCompression: true as const } : {}),
  };
  if (Object.keys(carried).length === 0) return;
  // The clustered rowstore index (or key) is the table's rows: it carries the table's compression.
  const clusteredIndex = draft.indexes.findIndex((i) => i.clustered && i.columnstore !== true);
  if (clusteredIndex >= 0) {
    const old = draft.indexes[clusteredIndex];
    const withCompression = { ...old, ...carried };
    draft.indexes[clusteredIndex] = withCompression;
    moveOrigin(draft, old, withCompression);
  }
  if (draft.primaryKey?.clustered) {
    const old = draft.primaryKey;
    draft.primaryKey = { ...old, ...carried };
    moveOrigin(draft, old, draft.primaryKey);
  }
  const uq = draft.uniques.findIndex((u) => u.clustered);
  if (uq >= 0) {
    const old = draft.uniques[uq];
    draft.uniques[uq] = { ...old, ...carried };
    moveOrigin(draft, old, draft.uniques[uq]);
  }
}

function moveOrigin(draft: TableDraft, from: object, to: object): void {
  const origin = draft.origins.get(from);
  if (origin) draft.origins.set(to, origin);
}

/** SPARSE rules ("Use sparse columns", via src/sqlserver/storage.ts). */
function checkSparse(draft: TableDraft, keys: readonly KeyConstraint[], cci: Index | undefined, tableCompression: RowstoreCompression | undefined, bag: DiagnosticBag): void {
  for (const info of draft.columns) {
    const c = info.column;
    if (c.sparse !== true) continue;
    const at = nodeOf(draft, c, 'sparse', info.node);
    const refuse = (why: string) => bag.error(Codes.sparseColumn, `column ${c.name} cannot be SPARSE: ${why}`, at);
    if (!c.nullable) refuse('a sparse column must be nullable (add nullable: true)');
    if (info.declaresDefault) refuse('a sparse column cannot have a default');
    if (c.identity !== null) refuse('a sparse column cannot be IDENTITY');
    if (c.computed !== null) refuse('a computed column cannot be SPARSE');
    const typeProblem = sparseTypeProblem(c.type);
    if (typeProblem !== null) refuse(typeProblem);
    const k = draft.key(c.name);
    if (draft.primaryKey?.columns.some((x) => draft.key(x.name) === k)) refuse(`it is in primary key ${draft.primaryKey.name}`);
    const clustered = [...draft.indexes.filter((i) => i.clustered && i.columnstore !== true), ...keys.filter((x) => x.clustered && x !== draft.primaryKey)];
    for (const i of clustered) if (i.columns.some((x) => draft.key(x.name) === k)) refuse(`it is in clustered ${i.name}`);
    if (cci !== undefined) refuse(`the table is stored as clustered columnstore index ${cci.name}, which cannot hold sparse columns`);
    for (const i of draft.indexes) {
      if (i.columnstore === true && !i.clustered && i.columns.some((x) => draft.key(x.name) === k)) refuse(`columnstore index ${i.name} cannot include a sparse column`);
    }
    if (tableCompression !== undefined) refuse(`sparse columns are incompatible with data compression (the table is ${tableCompression})`);
  }
}

/** Columnstore indexes hold only the "common business data types" CREATE COLUMNSTORE INDEX lists. */
function checkColumnstoreTypes(draft: TableDraft, columnstores: readonly Index[], bag: DiagnosticBag): void {
  for (const i of columnstores) {
    const columns = i.clustered ? draft.columns.map((c) => c.column) : i.columns.map((c) => draft.byName.get(draft.key(c.name))?.column);
    for (const c of columns) {
      if (c === undefined) continue;
      const problem = columnstoreTypeProblem(c.type);
      // A clustered columnstore index holds varchar(max)-style columns since SQL Server 2017.
      if (problem === null || (i.clustered && c.type.length === 'max')) continue;
      bag.error(Codes.columnstoreShape, `columnstore index ${i.name}: ${problem} (column ${c.name})`, draft.origins.get(i)?.node ?? draft.info.roleNode);
    }
  }
}

/** Reads `lockEscalation` of @Table: 'TABLE' (the default, left out of the model), 'AUTO' or 'DISABLE'. */
export function readLockEscalation(draft: TableDraft, v: StaticValue | undefined, bag: DiagnosticBag): void {
  if (v === undefined || v.kind === 'null') return;
  if (v.kind !== 'string' || !LOCK_ESCALATIONS.includes(v.value as LockEscalation)) {
    bag.error(Codes.badLockEscalation, `lockEscalation must be 'TABLE', 'AUTO' or 'DISABLE' (ALTER TABLE ... SET (LOCK_ESCALATION = ...))`, v.node);
    return;
  }
  if (v.value !== 'TABLE') draft.lockEscalation = v.value as 'AUTO' | 'DISABLE';
}
