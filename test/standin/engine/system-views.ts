/** The sys.* catalog views (and a little INFORMATION_SCHEMA), computed from the catalog rows. */
import type { Database, Index, Table, Value, Column, UserType } from './catalog';
import { allObjects } from './catalog';
import { dependencyRows, modulesOf } from './modules';
import type { SqlType } from './types';
import { SYSTEM_TYPES, isAssemblyType, systemType, ty, isStringType } from './types';
import { periodRows } from './temporal';
import { sequenceColumns } from './ddl-sequences';
import { dataSpacesOf } from './ddl-data-spaces';
import { resumableOperationRows } from './resumable';
import { columnEncryptionKeys } from './ddl-column-keys';
import { spatialIndexColumns, tessellationColumns, xmlIndexColumns } from './ddl-xml-spatial';
import { CHANGE_TRACKING_VIEWS } from './change-tracking';
import { CLASS_DESC, STATE_DESC, permissionRows, principalRows, roleMemberRows } from './security';
import { OPERATION_CODE, policiesOf, predicateDefinition } from './security-policies';
import { TABLE_TYPE_SYSTEM_ID, typeTables } from './ddl-table-types';
import { parameterRows } from './parameters';

/** A view's column. */
export interface ViewColumn { readonly name: string; readonly type: SqlType; readonly nullable: boolean }
/** A system view: its columns and how to compute its rows. */
export interface SystemView { readonly columns: readonly ViewColumn[]; rows(db: Database, all: readonly Database[]): Value[][] }

const sn = ty.sysname;
const c = (name: string, type: SqlType, nullable = false): ViewColumn => ({ name, type, nullable });
const b = (v: boolean): number => (v ? 1 : 0);
const char2: SqlType = { name: 'char', maxLength: 2, precision: 0, scale: 0 };
const char1: SqlType = { name: 'char', maxLength: 1, precision: 0, scale: 0 };
const desc60 = ty.nvarchar(60);
const char4: SqlType = { name: 'char', maxLength: 4, precision: 0, scale: 0 };

const OBJECT_COLS: ViewColumn[] = [
  c('name', sn), c('object_id', ty.int), c('principal_id', ty.int, true), c('schema_id', ty.int), c('parent_object_id', ty.int),
  c('type', char2), c('type_desc', desc60, true), c('create_date', ty.datetime), c('modify_date', ty.datetime),
  c('is_ms_shipped', ty.bit), c('is_published', ty.bit), c('is_schema_published', ty.bit),
];
interface ObjLike { objectId: number; name: string; schemaId: number; parentObjectId: number; type: string; typeDesc: string; created: Date; modified: Date }
// type is char(2): 'U ', 'D ', 'C ', 'F ' come back padded, as from SQL Server.
const objVals = (o: ObjLike): Value[] => [o.name, o.objectId, null, o.schemaId, o.parentObjectId, o.type.padEnd(2), o.typeDesc, o.created, o.modified, 0, 0, 0];
const objectsOf = (db: Database, type: string) => allObjects(db).filter((o) => o.type === type);
const tableOf = (db: Database, id: number): Table | undefined => db.tables.find((t) => t.objectId === id);

const COLUMN_COLS: ViewColumn[] = [
  c('object_id', ty.int), c('name', sn, true), c('column_id', ty.int), c('system_type_id', ty.tinyint), c('user_type_id', ty.int),
  c('max_length', ty.smallint), c('precision', ty.tinyint), c('scale', ty.tinyint), c('collation_name', sn, true), c('is_nullable', ty.bit, true),
  c('is_ansi_padded', ty.bit), c('is_rowguidcol', ty.bit), c('is_identity', ty.bit), c('is_computed', ty.bit), c('is_filestream', ty.bit),
  c('is_replicated', ty.bit, true), c('is_non_sql_subscribed', ty.bit, true), c('is_merge_published', ty.bit, true), c('is_dts_replicated', ty.bit, true),
  c('is_xml_document', ty.bit), c('xml_collection_id', ty.int), c('default_object_id', ty.int), c('rule_object_id', ty.int),
  c('is_sparse', ty.bit, true), c('is_column_set', ty.bit, true), c('generated_always_type', ty.tinyint, true), c('generated_always_type_desc', desc60, true),
  c('is_hidden', ty.bit, true), c('is_masked', ty.bit, true), c('graph_type', ty.int, true), c('graph_type_desc', desc60, true),
  // Always Encrypted (sys-columns-transact-sql): NULL for a plaintext column.
  c('encryption_type', ty.int, true), c('encryption_type_desc', ty.nvarchar(64), true), c('encryption_algorithm_name', sn, true),
  c('column_encryption_key_id', ty.int, true), c('column_encryption_key_database_name', sn, true),
  // Ledger (SQL Server 2022+, sys-columns-transact-sql): a ledger view's own columns' kind, and a dropped ledger column.
  c('ledger_view_column_type', ty.int, true), c('ledger_view_column_type_desc', desc60, true), c('is_dropped_ledger_column', ty.bit, true),
];
function columnVals(t: Table, col: Column): Value[] {
  // A user alias type: system_type_id is the base's, user_type_id the alias's (ddl-types.ts).
  const st = systemType(col.type.userTypeId !== undefined ? col.type.name : col.type.userTypeName ?? col.type.name);
  return [t.objectId, col.name, col.columnId, st?.systemTypeId ?? 0, col.type.userTypeId ?? st?.userTypeId ?? 0, col.type.maxLength, col.type.precision, col.type.scale,
    col.collation, b(col.nullable), b(isStringType(col.type.name) || ['varbinary', 'binary'].includes(col.type.name)), b(col.rowguidcol === true), b(!!col.identity), b(!!col.computed), 0,
    0, 0, 0, 0, b(col.xml?.document === true), col.xml?.collectionId ?? 0, col.defaultObjectId, col.ruleObjectId ?? 0, b(!!col.sparse), b(col.columnSet === true), col.generatedAlways ?? 0, GENERATED_DESC[col.generatedAlways ?? 0], b(col.hidden === true), b(col.mask !== undefined),
    col.graphType ?? null, col.graphType === undefined ? null : GRAPH_TYPE_DESC[col.graphType] ?? null,
    col.encryption?.type ?? null, col.encryption === undefined ? null : col.encryption.type === 1 ? 'DETERMINISTIC' : 'RANDOMIZED', col.encryption?.algorithm ?? null,
    col.encryption?.keyId ?? null, null, null, null, b(col.droppedLedger === true)];
}
// sys.columns graph_type_desc of graph_type 1-8 (sql-graph-architecture, "Metadata"); NULL for other columns.
const GRAPH_TYPE_DESC: Record<number, string> = {
  1: 'GRAPH_ID', 2: 'GRAPH_ID_COMPUTED', 3: 'GRAPH_FROM_ID', 4: 'GRAPH_FROM_OBJ_ID', 5: 'GRAPH_FROM_ID_COMPUTED', 6: 'GRAPH_TO_ID', 7: 'GRAPH_TO_OBJ_ID', 8: 'GRAPH_TO_ID_COMPUTED',
};
// sys.tables lock_escalation_desc (sys-tables-transact-sql: 0 TABLE, 1 DISABLE, 2 AUTO).
const LOCK_ESCALATION_DESC: Record<number, string> = { 0: 'TABLE', 1: 'DISABLE', 2: 'AUTO' };
// sys.columns generated_always_type_desc (https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-columns-transact-sql).
// Ledger columns: 5-8 as that page numbers them (SQL Server 2022+).
const GENERATED_DESC: Record<number, string> = {
  0: 'NOT_APPLICABLE', 1: 'AS_ROW_START', 2: 'AS_ROW_END',
  5: 'AS_TRANSACTION_ID_START', 6: 'AS_TRANSACTION_ID_END', 7: 'AS_SEQUENCE_NUMBER_START', 8: 'AS_SEQUENCE_NUMBER_END',
};
// sys.tables temporal_type_desc and history_retention_period_unit_desc (sys-tables-transact-sql).
const TEMPORAL_DESC: Record<number, string> = { 0: 'NON_TEMPORAL_TABLE', 1: 'HISTORY_TABLE', 2: 'SYSTEM_VERSIONED_TEMPORAL_TABLE' };
const UNIT_DESC: Record<number, string> = { [-1]: 'INFINITE', 3: 'DAY', 4: 'WEEK', 5: 'MONTH', 6: 'YEAR' };
// sys.tables ledger_type_desc (sys-tables-transact-sql, SQL Server 2022+).
const LEDGER_TYPE_DESC: Record<number, string> = { 0: 'NON_LEDGER_TABLE', 1: 'HISTORY_TABLE', 2: 'UPDATABLE_LEDGER_TABLE', 3: 'APPEND_ONLY_LEDGER_TABLE' };
/** ledger_type, its desc, ledger_view_id ("When ledger_type IN (2,3)"), is_dropped_ledger_table. */
function ledgerTableVals(t: Table | undefined): Value[] {
  const l = t?.ledger;
  if (l === undefined) return [0, LEDGER_TYPE_DESC[0], null, 0];
  return [l.type, LEDGER_TYPE_DESC[l.type], l.type === 1 ? null : l.viewId ?? null, b(l.dropped === true)];
}
// sys.columns ledger_view_column_type_desc of a ledger view's columns 1-4 (sys-columns-transact-sql).
const LEDGER_VIEW_COLUMN_DESC: Record<number, string> = { 1: 'TRANSACTION_ID', 2: 'SEQUENCE_NUMBER', 3: 'OPERATION_TYPE', 4: 'OPERATION_TYPE_DESC' };
const ledgerViewColumnVals = (kind: number | undefined): Value[] => (kind === undefined ? [null, null] : [kind, LEDGER_VIEW_COLUMN_DESC[kind] ?? null]);
/** temporal_type, its desc, history_table_id, history_retention_period, its unit and desc. */
function temporalVals(t: Table | undefined): Value[] {
  const tt = t?.temporal;
  // history_table_id: "When temporal_type = 2 or ledger_type = 2" (sys-tables-transact-sql); an
  // updatable ledger table without PERIOD is not temporal (temporal_type 0, inferred from that page).
  if (tt === undefined) return [0, TEMPORAL_DESC[0], t?.ledger?.type === 2 ? t.ledger.historyId ?? null : null, null, null, null];
  if (tt.type === 1) return [1, TEMPORAL_DESC[1], null, null, null, null];
  return [2, TEMPORAL_DESC[2], tt.historyId, tt.retentionPeriod, tt.retentionUnit, UNIT_DESC[tt.retentionUnit] ?? null];
}
// A view's columns are in sys.columns too, under the view's object_id.
// ... and a table-valued function's result columns under the function's (modules.ts functionColumns).
const viewColumnVals = (db: Database): Value[][] => modulesOf(db).filter((m) => m.type === 'V' || m.type === 'IF' || m.type === 'TF').flatMap((m) => m.columns.map((col) => {
  const st = systemType(col.type.userTypeName ?? col.type.name);
  return [m.objectId, col.name, col.columnId, st?.systemTypeId ?? 0, st?.userTypeId ?? 0, col.type.maxLength, col.type.precision, col.type.scale,
    isStringType(col.type.name) ? db.collation : null, b(col.nullable), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 'NOT_APPLICABLE', 0, 0, null, null, null, null, null, null, null,
    ...ledgerViewColumnVals(m.ledgerColumns?.[col.name]), 0];
}));
/**
 * The user tables and the table types' tables (sys.objects type TT): sys.columns, sys.indexes and
 * the constraint views list both, as sys-table-types-transact-sql says of type_table_object_id.
 */
const withTypeTables = (db: Database): Table[] => [...db.tables, ...typeTables(db)];
const allColumns = (db: Database): Value[][] => [...withTypeTables(db).flatMap((t) => t.columns.map((col) => columnVals(t, col))), ...viewColumnVals(db)];

const INDEX_COLS: ViewColumn[] = [
  c('object_id', ty.int), c('name', sn, true), c('index_id', ty.int), c('type', ty.tinyint), c('type_desc', desc60, true), c('is_unique', ty.bit, true),
  c('data_space_id', ty.int, true), c('ignore_dup_key', ty.bit, true), c('is_primary_key', ty.bit, true), c('is_unique_constraint', ty.bit, true),
  c('fill_factor', ty.tinyint), c('is_padded', ty.bit, true), c('is_disabled', ty.bit, true), c('is_hypothetical', ty.bit, true),
  c('is_ignored_in_optimization', ty.bit, true), c('allow_row_locks', ty.bit, true), c('allow_page_locks', ty.bit, true), c('has_filter', ty.bit, true),
  c('filter_definition', ty.nvarchar(-1), true), c('compression_delay', ty.int, true), c('suppress_dup_key_messages', ty.bit, true), c('auto_created', ty.bit, true),
  c('optimize_for_sequential_key', ty.bit, true),
];
// https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-indexes-transact-sql
const INDEX_TYPE = { HEAP: 0, CLUSTERED: 1, NONCLUSTERED: 2, XML: 3, SPATIAL: 4 } as const;
// Columnstore: type 5 CLUSTERED COLUMNSTORE, 6 NONCLUSTERED COLUMNSTORE; 7 NONCLUSTERED HASH, "supported only on memory-optimized tables" (same page).
const indexType = (i: Index): [number, string] => (i.columnstore ? (i.type === 'CLUSTERED' ? [5, 'CLUSTERED COLUMNSTORE'] : [6, 'NONCLUSTERED COLUMNSTORE'])
  : i.bucketCount !== undefined ? [7, 'NONCLUSTERED HASH'] : [INDEX_TYPE[i.type], i.type]);
// sys.tables durability / durability_desc (sys-tables-transact-sql: 0 SCHEMA_AND_DATA, 1 SCHEMA_ONLY; "The value of 0 is the default"
// for a disk-based table, inferred from that page's "SCHEMA_AND_DATA" description of 0).
const durabilityVals = (t: Table | undefined): Value[] => (t?.memoryOptimized?.durability === 'SCHEMA_ONLY' ? [1, 'SCHEMA_ONLY'] : [0, 'SCHEMA_AND_DATA']);
// sys.partitions.data_compression (sys-partitions-transact-sql): 0 NONE, 1 ROW, 2 PAGE, 3 COLUMNSTORE, 4 COLUMNSTORE_ARCHIVE.
const COMPRESSION_CODE: Record<string, number> = { NONE: 0, ROW: 1, PAGE: 2, COLUMNSTORE: 3, COLUMNSTORE_ARCHIVE: 4 };
const compressionOf = (i: Index): string => i.compression ?? (i.columnstore ? 'COLUMNSTORE' : 'NONE');
// sys.partitions xml_compression bit / xml_compression_desc varchar(3), OFF or ON (SQL Server 2022+; the
// column types as sys.partitions has them on 2022, seen in public catalog dumps). Inferred: a columnstore
// index, which takes no XML_COMPRESSION, reports OFF like any partition never given it.
const xmlCompressionVals = (i: Index): Value[] => (i.xmlCompression === true ? [1, 'ON'] : [0, 'OFF']);
// A columnstore index lists its columns as included ones (key_ordinal 0); a clustered one every column of the table.
const columnstoreColumns = (t: { columns: readonly { columnId: number }[] }, i: Index): number[] => (i.type === 'CLUSTERED' ? t.columns.map((x) => x.columnId) : i.includes);

/** One sys.indexes row (also the first columns of sys.xml_indexes and sys.spatial_indexes). */
const indexVals = (t: { objectId: number }, i: Index): Value[] => [
  t.objectId, i.name, i.indexId, ...indexType(i), b(i.unique), i.dataSpaceId ?? 1, b(!!i.ignoreDupKey), b(i.isPrimaryKey), b(i.isUniqueConstraint), i.fillFactor ?? 0, b(!!i.padded),
  b(i.disabled), 0, 0, b(!i.noRowLocks), b(!i.noPageLocks), b(!!i.filter), i.filter?.definition ?? null, null, 0, 0, b(!!i.sequentialKey)];

// sys.data_spaces.type_desc (sys-data-spaces-transact-sql): FX is MEMORY_OPTIMIZED_DATA_FILEGROUP.
const DATA_SPACE_DESC = { FG: 'ROWS_FILEGROUP', PS: 'PARTITION_SCHEME', FX: 'MEMORY_OPTIMIZED_DATA_FILEGROUP' } as const;

const ACTION_CODE = { NO_ACTION: 0, CASCADE: 1, SET_NULL: 2, SET_DEFAULT: 3 } as const;

const TYPE_COLS: ViewColumn[] = [c('name', sn), c('system_type_id', ty.tinyint), c('user_type_id', ty.int), c('schema_id', ty.int), c('principal_id', ty.int, true), c('max_length', ty.smallint), c('precision', ty.tinyint), c('scale', ty.tinyint), c('collation_name', sn, true), c('is_nullable', ty.bit, true), c('is_user_defined', ty.bit), c('is_assembly_type', ty.bit), c('default_object_id', ty.int), c('rule_object_id', ty.int), c('is_table_type', ty.bit)];
/**
 * A user type's sys.types row: an alias type has its base type's system_type_id and facets; a
 * table type system_type_id 243, max_length -1, is_nullable 0 and is_table_type 1 (ddl-table-types.ts).
 * principal_id is NULL (owned by the schema owner).
 */
const userTypeVals = (db: Database) => (u: UserType): Value[] => (u.table
  ? [u.name, TABLE_TYPE_SYSTEM_ID, u.userTypeId, u.schemaId, null, -1, 0, 0, null, 0, 1, 0, 0, 0, 1]
  : [u.name, systemType(u.base.name)?.systemTypeId ?? 0, u.userTypeId, u.schemaId, null, u.base.maxLength, u.base.precision, u.base.scale,
    isStringType(u.base.name) ? db.collation : null, b(u.nullable), 1, 0, u.defaultObjectId ?? 0, u.ruleObjectId ?? 0, 0]);

const PARAMETER_COLS: ViewColumn[] = [c('object_id', ty.int), c('name', sn, true), c('parameter_id', ty.int), c('system_type_id', ty.tinyint), c('user_type_id', ty.int),
  c('max_length', ty.smallint), c('precision', ty.tinyint), c('scale', ty.tinyint), c('is_output', ty.bit), c('is_cursor_ref', ty.bit), c('has_default_value', ty.bit),
  c('is_xml_document', ty.bit), c('default_value', ty.variant, true), c('xml_collection_id', ty.int), c('is_readonly', ty.bit), c('is_nullable', ty.bit, true)];

const view = (columns: ViewColumn[], rows: SystemView['rows']): SystemView => ({ columns, rows });
const empty = (columns: ViewColumn[]): SystemView => view(columns, () => []);

const rowCount = (t: Table): number => t.rows.length;

/** The system views by lower-case name (without the schema). */
export const SYSTEM_VIEWS: Record<string, SystemView> = {
  'sys.schemas': view([c('name', sn), c('schema_id', ty.int), c('principal_id', ty.int, true)], (db) => db.schemas.map((s) => [s.name, s.schemaId, s.principalId])),
  'sys.objects': view(OBJECT_COLS, (db) => allObjects(db).map(objVals)),
  'sys.all_objects': view(OBJECT_COLS, (db) => allObjects(db).map(objVals)),
  // Masked columns only: sys.columns' columns plus masking_function (sys-masked-columns-transact-sql).
  'sys.masked_columns': view([...COLUMN_COLS, c('masking_function', ty.nvarchar(4000), true)],
    (db) => db.tables.flatMap((t) => t.columns.filter((col) => col.mask !== undefined).map((col) => [...columnVals(t, col), col.mask ?? null]))),
  'sys.tables': view([...OBJECT_COLS, c('lob_data_space_id', ty.int), c('max_column_id_used', ty.int), c('uses_ansi_nulls', ty.bit, true), c('is_replicated', ty.bit, true), c('is_tracked_by_cdc', ty.bit, true), c('lock_escalation', ty.tinyint, true), c('lock_escalation_desc', desc60, true), c('is_memory_optimized', ty.bit, true), c('is_external', ty.bit), c('is_node', ty.bit, true), c('is_edge', ty.bit, true), c('is_filetable', ty.bit, true), c('temporal_type', ty.tinyint, true), c('temporal_type_desc', desc60, true), c('history_table_id', ty.int, true), c('history_retention_period', ty.int, true), c('history_retention_period_unit', ty.int, true), c('history_retention_period_unit_desc', desc60, true), c('durability', ty.tinyint, true), c('durability_desc', desc60, true),
    c('ledger_type', ty.tinyint, true), c('ledger_type_desc', desc60, true), c('ledger_view_id', ty.int, true), c('is_dropped_ledger_table', ty.bit, true)],
    (db) => objectsOf(db, 'U').map((o) => {
      const t = tableOf(db, o.objectId);
      return [...objVals(o), 0, Math.max(0, ...(t?.columns.map((x) => x.columnId) ?? [0])), 1, 0, b(t?.cdc !== undefined), t?.lockEscalation ?? 0, LOCK_ESCALATION_DESC[t?.lockEscalation ?? 0], b(t?.memoryOptimized !== undefined), 0, b(t?.graph?.kind === 'node'), b(t?.graph?.kind === 'edge'), 0, ...temporalVals(t), ...durabilityVals(t), ...ledgerTableVals(t)];
    })),
  // https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-edge-constraints-transact-sql (SQL Server 2019+)
  'sys.edge_constraints': view([...OBJECT_COLS, c('is_disabled', ty.bit), c('is_not_trusted', ty.bit), c('delete_referential_action', ty.tinyint, true), c('delete_referential_action_desc', desc60, true), c('is_system_named', ty.bit)],
    (db) => db.tables.flatMap((t) => (t.edgeConstraints ?? []).map((e) => [...objVals({ ...e, type: 'EC', schemaId: t.schemaId, parentObjectId: t.objectId, typeDesc: 'EDGE_CONSTRAINT' }), 0, 0, ACTION_CODE[e.onDelete], e.onDelete, b(e.systemNamed)]))),
  // https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-edge-constraint-clauses-transact-sql
  'sys.edge_constraint_clauses': view([c('object_id', ty.int), c('from_object_id', ty.int), c('to_object_id', ty.int), c('clause_number', ty.int)],
    (db) => db.tables.flatMap((t) => (t.edgeConstraints ?? []).flatMap((e) => e.clauses.map((cl, n) => [e.objectId, cl.from, cl.to, n + 1])))),
  // https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-periods-transact-sql
  'sys.periods': view([c('name', sn), c('period_type', ty.tinyint), c('period_type_desc', desc60), c('object_id', ty.int), c('start_column_id', ty.int), c('end_column_id', ty.int)], (db) => periodRows(db)),
  // Ledger views (sys-views-transact-sql, SQL Server 2022+): ledger_view_type 1 LEDGER_VIEW (0 NON_LEDGER_VIEW), is_dropped_ledger_view.
  'sys.views': view([...OBJECT_COLS, c('ledger_view_type', ty.tinyint, true), c('ledger_view_type_desc', desc60, true), c('is_dropped_ledger_view', ty.bit, true)],
    (db) => objectsOf(db, 'V').map((o) => {
      const m = modulesOf(db).find((x) => x.objectId === o.objectId);
      return [...objVals(o), m?.ledgerView !== undefined ? 1 : 0, m?.ledgerView !== undefined ? 'LEDGER_VIEW' : 'NON_LEDGER_VIEW', b(m?.ledgerView?.dropped === true)];
    })),
  'sys.procedures': view(OBJECT_COLS, (db) => objectsOf(db, 'P').map(objVals)),
  // sys.triggers has its own shape (parent_id, is_instead_of_trigger, ...); the object columns
  // the stand-in kept before stay, with parent_id added.
  // https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-triggers-transact-sql: is_disabled 1 after DISABLE TRIGGER.
  // parent_class 1 (OBJECT_OR_COLUMN), parent_class_desc; is_instead_of_trigger 1 for INSTEAD OF (views' triggers are all INSTEAD OF).
  'sys.triggers': view([...OBJECT_COLS, c('parent_id', ty.int), c('is_disabled', ty.bit), c('parent_class', ty.tinyint), c('parent_class_desc', desc60, true), c('is_instead_of_trigger', ty.bit)],
    (db) => objectsOf(db, 'TR').map((o) => {
      const m = db.modules?.find((x) => x.objectId === o.objectId);
      return [...objVals(o), o.parentObjectId, b(m?.disabled === true), 1, 'OBJECT_OR_COLUMN', b(m?.trigger?.insteadOf === true)];
    })),
  // https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-sql-modules-transact-sql
  'sys.sql_modules': view([c('object_id', ty.int), c('definition', ty.nvarchar(-1), true), c('uses_ansi_nulls', ty.bit, true), c('uses_quoted_identifier', ty.bit, true),
    c('is_schema_bound', ty.bit, true), c('uses_database_collation', ty.bit, true), c('is_recompiled', ty.bit, true), c('null_on_null_input', ty.bit, true),
    c('execute_as_principal_id', ty.int, true), c('uses_native_compilation', ty.bit, true)],
  (db) => [...modulesOf(db).map((m) => [m.objectId, m.definition, b(m.ansiNulls), b(m.quotedIdentifier), b(m.schemaBound), b(m.schemaBound), 0, 0, null, 0]),
    // "Stand-alone defaults, objects of type D, also have an SQL module definition"; uses_ansi_nulls "Will always be = 0 for rules and defaults".
    ...(db.boundObjects ?? []).map((o) => [o.objectId, o.definition, 0, 1, 0, 0, 0, 0, null, 0])]),
  // https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-sql-expression-dependencies-transact-sql
  'sys.sql_expression_dependencies': view([c('referencing_id', ty.int), c('referencing_minor_id', ty.int), c('referencing_class', ty.tinyint), c('referencing_class_desc', desc60, true),
    c('is_schema_bound_reference', ty.bit), c('referenced_class', ty.tinyint), c('referenced_class_desc', desc60, true), c('referenced_server_name', sn, true),
    c('referenced_database_name', sn, true), c('referenced_schema_name', sn, true), c('referenced_entity_name', sn, true), c('referenced_id', ty.int, true),
    c('referenced_minor_id', ty.int), c('is_caller_dependent', ty.bit), c('is_ambiguous', ty.bit)],
  (db) => dependencyRows(db).map((d) => [d.referencingId, 0, 1, 'OBJECT_OR_COLUMN', b(d.schemaBound), 1, 'OBJECT_OR_COLUMN', null, null, d.schema, d.name, d.referencedId, d.minorId, 0, 0])),
  // Data spaces (ddl-data-spaces.ts): sys-data-spaces, sys-filegroups, sys-partition-schemes,
  // sys-partition-functions-transact-sql, the columns schemac and common tools read.
  'sys.data_spaces': view([c('name', sn), c('data_space_id', ty.int), c('type', char2), c('type_desc', desc60, true), c('is_default', ty.bit), c('is_system', ty.bit, true)],
    (db) => dataSpacesOf(db).map((d) => [d.name, d.id, d.type, DATA_SPACE_DESC[d.type], b(d.isDefault), 0])),
  'sys.filegroups': view([c('name', sn), c('data_space_id', ty.int), c('type', char2), c('type_desc', desc60, true), c('is_default', ty.bit), c('is_system', ty.bit, true), c('is_read_only', ty.bit, true)],
    (db) => dataSpacesOf(db).filter((d) => d.type !== 'PS').map((d) => [d.name, d.id, d.type, DATA_SPACE_DESC[d.type], b(d.isDefault), 0, 0])),
  'sys.partition_schemes': view([c('name', sn), c('data_space_id', ty.int), c('type', char2), c('type_desc', desc60, true), c('is_default', ty.bit), c('is_system', ty.bit, true), c('function_id', ty.int)],
    (db) => dataSpacesOf(db).filter((d) => d.type === 'PS').map((d) => [d.name, d.id, 'PS', 'PARTITION_SCHEME', 0, 0, d.functionId ?? 0])),
  'sys.partition_functions': view([c('name', sn), c('function_id', ty.int), c('type', char2), c('type_desc', desc60, true), c('fanout', ty.int), c('boundary_value_on_right', ty.bit), c('is_system', ty.bit)],
    (db) => (db.partitionFunctions ?? []).map((f) => [f.name, f.id, 'R ', 'RANGE', (f.boundaries ?? 0) + 1, 0, 0])),
  // https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-database-principals-transact-sql (security.ts)
  'sys.database_principals': view([c('name', sn), c('principal_id', ty.int), c('type', char1), c('type_desc', desc60, true), c('default_schema_name', sn, true),
    c('create_date', ty.datetime, true), c('modify_date', ty.datetime, true), c('owning_principal_id', ty.int, true), c('is_fixed_role', ty.bit),
    c('authentication_type', ty.int), c('authentication_type_desc', desc60, true)],
  (db) => principalRows(db).map((p) => [p.name, p.id, p.type, p.type === 'R' ? 'DATABASE_ROLE' : 'SQL_USER', p.defaultSchema, p.created, p.modified, p.ownerId, b(p.fixed),
    p.authenticationType, p.authenticationType === 1 ? 'INSTANCE' : 'NONE'])),
  // https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-database-role-members-transact-sql
  'sys.database_role_members': view([c('role_principal_id', ty.int), c('member_principal_id', ty.int)], (db) => roleMemberRows(db).map((m) => [m.roleId, m.memberId])),
  // https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-database-permissions-transact-sql
  'sys.database_permissions': view([c('class', ty.tinyint), c('class_desc', desc60, true), c('major_id', ty.int), c('minor_id', ty.int), c('grantee_principal_id', ty.int),
    c('grantor_principal_id', ty.int), c('type', char4), c('permission_name', ty.nvarchar(128), true), c('state', char1), c('state_desc', desc60, true)],
  (db) => permissionRows(db).map((p) => [p.classId, CLASS_DESC[p.classId], p.majorId, p.minorId, p.grantee, p.grantor, p.type.padEnd(4), p.name, p.state, STATE_DESC[p.state]])),
  // https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-synonyms-transact-sql
  // The built-in sys.sys (id 1) and the user collections (sys-xml-schema-collections-transact-sql.md).
  // https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-column-encryption-keys-transact-sql
  'sys.column_encryption_keys': view([c('name', sn), c('column_encryption_key_id', ty.int), c('create_date', ty.datetime), c('modify_date', ty.datetime)],
    (db) => columnEncryptionKeys(db).map((k) => [k.name, k.id, k.created, k.created])),
  'sys.xml_schema_collections': view([c('xml_collection_id', ty.int), c('schema_id', ty.int), c('principal_id', ty.int, true), c('name', sn), c('create_date', ty.datetime), c('modify_date', ty.datetime)],
    (db) => [[1, 4, null, 'sys', new Date(0), new Date(0)], ...(db.xmlCollections ?? []).map((x) => [x.id, x.schemaId, null, x.name, x.created, x.modified])]),
  // Row-level security (sys-security-policies-transact-sql, sys-security-predicates-transact-sql;
  // security-policies.ts). is_schema_bound: the column as SQL Server's view names it (the docs page
  // lists is_schemabinding_enabled; inferred). A predicate of a table dropped since is not shown.
  'sys.security_policies': view([...OBJECT_COLS, c('is_enabled', ty.bit), c('is_not_for_replication', ty.bit), c('uses_database_collation', ty.bit, true), c('is_schema_bound', ty.bit, true)],
    (db) => policiesOf(db).map((p) => [...objVals({ ...p, parentObjectId: 0, type: 'SP', typeDesc: 'SECURITY_POLICY' }), b(p.enabled), b(p.notForReplication), 1, b(p.schemaBound)])),
  'sys.security_predicates': view([c('object_id', ty.int), c('security_predicate_id', ty.int), c('target_object_id', ty.int), c('predicate_definition', ty.nvarchar(-1), true),
    c('predicate_type', ty.int, true), c('predicate_type_desc', desc60, true), c('operation', ty.int, true), c('operation_desc', desc60, true)],
  (db) => policiesOf(db).flatMap((p) => p.predicates.filter((x) => db.tables.some((t) => t.objectId === x.targetId)).map((x) => [
    p.objectId, x.id, x.targetId, predicateDefinition(x), x.kind === 'FILTER' ? 0 : 1, x.kind, x.operation === null ? null : OPERATION_CODE[x.operation], x.operation]))),
  'sys.synonyms': view([...OBJECT_COLS, c('base_object_name', ty.nvarchar(1035), true)],
    (db) => objectsOf(db, 'SN').map((o) => [...objVals(o), db.synonyms?.find((y) => y.objectId === o.objectId)?.base ?? null])),
  // https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-sequences-transact-sql (ddl-sequences.ts)
  'sys.sequences': view([...OBJECT_COLS, c('start_value', ty.variant), c('increment', ty.variant), c('minimum_value', ty.variant, true), c('maximum_value', ty.variant, true),
    c('is_cycling', ty.bit), c('is_cached', ty.bit), c('cache_size', ty.int, true), c('system_type_id', ty.tinyint), c('user_type_id', ty.int), c('precision', ty.tinyint),
    c('scale', ty.tinyint), c('current_value', ty.variant), c('is_exhausted', ty.bit), c('last_used_value', ty.variant, true)],
  (db) => (db.sequences ?? []).map((q) => [...objVals({ ...q, parentObjectId: 0, type: 'SO', typeDesc: 'SEQUENCE_OBJECT' }), ...sequenceColumns(q)])),
  // No full-text engine here: no full-text index ever exists (columns as the docs list them).
  // https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-fulltext-index-columns-transact-sql
  'sys.fulltext_index_columns': empty([c('object_id', ty.int), c('column_id', ty.int), c('type_column_id', ty.int, true), c('language_id', ty.int), c('statistical_semantics', ty.int)]),
  // Class 1 (OBJECT_OR_COLUMN) only: the stand-in keeps properties on tables and columns.
  // https://learn.microsoft.com/sql/relational-databases/system-catalog-views/extended-properties-catalog-views-sys-extended-properties
  'sys.extended_properties': view([c('class', ty.tinyint), c('class_desc', desc60, true), c('major_id', ty.int), c('minor_id', ty.int), c('name', sn), c('value', ty.variant, true)],
    (db) => db.tables.flatMap((t) => (t.properties ?? []).map((p) => [1, 'OBJECT_OR_COLUMN', t.objectId, p.minorId, p.name, p.value]))),
  'sys.columns': view(COLUMN_COLS, allColumns),
  // https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-parameters-transact-sql (parameters.ts).
  'sys.parameters': view(PARAMETER_COLS, parameterRows),
  'sys.all_parameters': view(PARAMETER_COLS, parameterRows),
  'sys.all_columns': view(COLUMN_COLS, allColumns),
  'sys.types': view(TYPE_COLS,
    (db) => [
      ...SYSTEM_TYPES.map((t) => [t.name, t.systemTypeId, t.userTypeId, 4, null, t.maxLength, t.precision, t.scale, t.collatable ? db.collation : null, b(t.name !== 'sysname'), 0, b(isAssemblyType(t)), 0, 0, 0]),
      // Alias types: is_user_defined = 1, the base type's system_type_id and facets, principal_id NULL (owned by the schema owner).
      ...(db.types ?? []).map(userTypeVals(db)),
    ]),
  // sys.types' columns, then type_table_object_id and is_memory_optimized (sys-table-types-transact-sql).
  'sys.table_types': view([...TYPE_COLS, c('type_table_object_id', ty.int), c('is_memory_optimized', ty.bit, true)],
    (db) => (db.types ?? []).flatMap((u) => (u.table ? [[...userTypeVals(db)(u), u.table.table.objectId, b(u.table.memoryOptimized)]] : []))),
  'sys.indexes': view(INDEX_COLS, (db) => [...withTypeTables(db), ...modulesOf(db).filter((m) => m.indexes.length > 0)].flatMap((t) => t.indexes.map((i) => indexVals(t, i)))),
  // "The same columns as the sys.indexes view and an additional column named bucket_count" (sys-hash-indexes-transact-sql).
  'sys.hash_indexes': view([...INDEX_COLS, c('bucket_count', ty.int, true)],
    (db) => db.tables.flatMap((t) => t.indexes.filter((i) => i.bucketCount !== undefined).map((i) => [...indexVals(t, i), i.bucketCount as number]))),
  // sys.xml_indexes: sys.indexes' columns, then its own (sys-xml-indexes-transact-sql); selective XML indexes are not kept here.
  'sys.xml_indexes': view([...INDEX_COLS, c('using_xml_index_id', ty.int, true), c('secondary_type', char1, true), c('secondary_type_desc', desc60, true),
    c('xml_index_type', ty.tinyint), c('xml_index_type_description', desc60), c('path_id', ty.int, true)],
  (db) => db.tables.flatMap((t) => t.indexes.filter((i) => i.type === 'XML').map((i) => [...indexVals(t, i), ...xmlIndexColumns(i)]))),
  // sys.spatial_indexes: sys.indexes' columns, then spatial_index_type, its desc and tessellation_scheme (sys-spatial-indexes-transact-sql;
  // there has_filter and filter_definition come after these: the stand-in keeps sys.indexes' order, as a SELECT by name does not see it).
  'sys.spatial_indexes': view([...INDEX_COLS, c('spatial_index_type', ty.tinyint), c('spatial_index_type_desc', desc60, true), c('tessellation_scheme', sn)],
    (db) => db.tables.flatMap((t) => t.indexes.filter((i) => i.type === 'SPATIAL').map((i) => [...indexVals(t, i), ...spatialIndexColumns(i)]))),
  // https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-spatial-index-tessellations-transact-sql
  'sys.spatial_index_tessellations': view([c('object_id', ty.int), c('index_id', ty.int), c('tessellation_scheme', sn),
    c('bounding_box_xmin', ty.float, true), c('bounding_box_ymin', ty.float, true), c('bounding_box_xmax', ty.float, true), c('bounding_box_ymax', ty.float, true),
    c('level_1_grid', ty.smallint, true), c('level_1_grid_desc', desc60, true), c('level_2_grid', ty.smallint, true), c('level_2_grid_desc', desc60, true),
    c('level_3_grid', ty.smallint, true), c('level_3_grid_desc', desc60, true), c('level_4_grid', ty.smallint, true), c('level_4_grid_desc', desc60, true),
    c('cells_per_object', ty.int, true)],
  (db) => db.tables.flatMap((t) => t.indexes.filter((i) => i.type === 'SPATIAL').map((i) => [t.objectId, i.indexId, ...tessellationColumns(i)]))),
  'sys.stats': view([c('object_id', ty.int), c('name', sn, true), c('stats_id', ty.int), c('auto_created', ty.bit, true), c('user_created', ty.bit, true), c('no_recompute', ty.bit, true), c('has_filter', ty.bit, true), c('filter_definition', ty.nvarchar(-1), true), c('is_temporary', ty.bit, true), c('is_incremental', ty.bit, true)],
    (db) => db.tables.flatMap((t) => [
      ...t.indexes.filter((i) => i.indexId > 0).map((i) => [t.objectId, i.name, i.indexId, 0, 0, b(!!i.noRecompute), b(!!i.filter), i.filter?.definition ?? null, 0, 0]),
      // CREATE STATISTICS objects: user_created = 1 (sys-stats-transact-sql.md).
      ...(t.stats ?? []).map((x) => [t.objectId, x.name, x.statsId, 0, 1, b(x.noRecompute), b(!!x.filter), x.filter?.definition ?? null, 0, b(x.incremental)]),
    ])),
  // One row per key column of a statistics object, an index's included (sys-stats-columns-transact-sql.md).
  'sys.stats_columns': view([c('object_id', ty.int), c('stats_id', ty.int), c('stats_column_id', ty.int), c('column_id', ty.int)],
    (db) => db.tables.flatMap((t) => [
      ...t.indexes.filter((i) => i.indexId > 0).flatMap((i) => i.keys.map((k, n) => [t.objectId, i.indexId, n + 1, k.columnId])),
      ...(t.stats ?? []).flatMap((x) => x.columns.map((colId, n) => [t.objectId, x.statsId, n + 1, colId])),
    ])),
  'sys.index_columns': view([c('object_id', ty.int), c('index_id', ty.int), c('index_column_id', ty.int), c('column_id', ty.int), c('key_ordinal', ty.tinyint), c('partition_ordinal', ty.tinyint), c('is_descending_key', ty.bit, true), c('is_included_column', ty.bit, true), c('column_store_order_ordinal', ty.tinyint)],
    (db) => [...withTypeTables(db), ...modulesOf(db).filter((m) => m.indexes.length > 0)].flatMap((t) => t.indexes.flatMap((i) => [
      ...i.keys.map((k, n) => [t.objectId, i.indexId, n + 1, k.columnId, n + 1, b(k.columnId === i.partitionColumnId), b(k.desc), 0, 0]),
      ...(i.columnstore ? columnstoreColumns(t, i) : i.includes).map((colId, n) => [t.objectId, i.indexId, i.keys.length + n + 1, colId, 0, b(colId === i.partitionColumnId), 0, 1, 0]),
      // A partitioning column the index does not name is added to it (create-index-transact-sql,
      // "Partitioned indexes": a non-unique clustered index's key, a nonclustered one's INCLUDE),
      // and listed as neither ("Columns implicitly added because they are a partitioning column
      // are returned as 0", sys-index-columns-transact-sql): key_ordinal 0 for the clustered case
      // too is inferred from SMO's IndexedColumn query, which leaves exactly such rows out. A
      // heap's (index_id 0) is listed the same way.
      ...(i.partitionColumnId !== undefined && !i.keys.some((k) => k.columnId === i.partitionColumnId) && !(i.columnstore ? columnstoreColumns(t, i) : i.includes).includes(i.partitionColumnId)
        ? [[t.objectId, i.indexId, i.keys.length + i.includes.length + 1, i.partitionColumnId, 0, 1, 0, 0, 0]] : []),
    ]))),
  'sys.key_constraints': view([...OBJECT_COLS, c('unique_index_id', ty.int, true), c('is_system_named', ty.bit), c('is_enforced', ty.bit, true)],
    (db) => withTypeTables(db).flatMap((t) => t.keys.map((k) => [...objVals({ ...k, schemaId: t.schemaId, parentObjectId: t.objectId, typeDesc: k.type === 'PK' ? 'PRIMARY_KEY_CONSTRAINT' : 'UNIQUE_CONSTRAINT' }), k.indexId, b(k.systemNamed), 1]))),
  'sys.check_constraints': view([...OBJECT_COLS, c('is_disabled', ty.bit), c('is_not_for_replication', ty.bit), c('is_not_trusted', ty.bit), c('parent_column_id', ty.int), c('definition', ty.nvarchar(-1), true), c('uses_database_collation', ty.bit, true), c('is_system_named', ty.bit)],
    (db) => withTypeTables(db).flatMap((t) => t.checks.map((k) => [...objVals({ ...k, type: 'C', schemaId: t.schemaId, parentObjectId: t.objectId, typeDesc: 'CHECK_CONSTRAINT' }), b(k.disabled), b(k.notForReplication === true), b(k.notTrusted), k.columnId, k.definition, 1, b(k.systemNamed)]))),
  'sys.default_constraints': view([...OBJECT_COLS, c('parent_column_id', ty.int), c('definition', ty.nvarchar(-1), true), c('is_system_named', ty.bit)],
    (db) => withTypeTables(db).flatMap((t) => t.defaults.map((k) => [...objVals({ ...k, type: 'D', schemaId: t.schemaId, parentObjectId: t.objectId, typeDesc: 'DEFAULT_CONSTRAINT' }), k.columnId, k.definition, b(k.systemNamed)]))),
  'sys.foreign_keys': view([...OBJECT_COLS, c('referenced_object_id', ty.int, true), c('key_index_id', ty.int, true), c('is_disabled', ty.bit), c('is_not_for_replication', ty.bit), c('is_not_trusted', ty.bit), c('delete_referential_action', ty.tinyint, true), c('delete_referential_action_desc', desc60, true), c('update_referential_action', ty.tinyint, true), c('update_referential_action_desc', desc60, true), c('is_system_named', ty.bit)],
    (db) => db.tables.flatMap((t) => t.fks.map((k) => [...objVals({ ...k, type: 'F', schemaId: t.schemaId, parentObjectId: t.objectId, typeDesc: 'FOREIGN_KEY_CONSTRAINT' }), k.refTableId, k.keyIndexId, b(k.disabled), b(k.notForReplication === true), b(k.notTrusted), ACTION_CODE[k.onDelete], k.onDelete, ACTION_CODE[k.onUpdate], k.onUpdate, b(k.systemNamed)]))),
  'sys.foreign_key_columns': view([c('constraint_object_id', ty.int), c('constraint_column_id', ty.int), c('parent_object_id', ty.int), c('parent_column_id', ty.int), c('referenced_object_id', ty.int), c('referenced_column_id', ty.int)],
    (db) => db.tables.flatMap((t) => t.fks.flatMap((k) => k.columns.map((fc, n) => [k.objectId, n + 1, t.objectId, fc.parent, k.refTableId, fc.ref])))),
  'sys.identity_columns': view([...COLUMN_COLS, c('seed_value', ty.decimal(38, 0), true), c('increment_value', ty.decimal(38, 0), true), c('last_value', ty.decimal(38, 0), true), c('is_not_for_replication', ty.bit, true)],
    (db) => withTypeTables(db).flatMap((t) => t.columns.filter((x) => x.identity).map((x) => [...columnVals(t, x), x.identity?.seed ?? null, x.identity?.increment ?? null, x.identity?.last ?? null, b(x.identity?.notForReplication === true)]))),
  'sys.computed_columns': view([...COLUMN_COLS, c('definition', ty.nvarchar(-1), true), c('uses_database_collation', ty.bit), c('is_persisted', ty.bit)],
    (db) => withTypeTables(db).flatMap((t) => t.columns.filter((x) => x.computed).map((x) => [...columnVals(t, x), x.computed?.definition ?? null, 1, b(!!x.computed?.persisted)]))),
  'sys.partitions': view([c('partition_id', ty.bigint), c('object_id', ty.int), c('index_id', ty.int), c('partition_number', ty.int), c('hobt_id', ty.bigint), c('rows', ty.bigint, true), c('filestream_filegroup_id', ty.smallint), c('data_compression', ty.tinyint), c('data_compression_desc', desc60, true),
    c('xml_compression', ty.bit, true), c('xml_compression_desc', ty.varchar(3), true)],
    (db) => db.tables.flatMap((t) => t.indexes.map((i) => [t.objectId * 1000 + i.indexId, t.objectId, i.indexId, 1, t.objectId * 1000 + i.indexId, rowCount(t), 0, COMPRESSION_CODE[compressionOf(i)] ?? 0, compressionOf(i),
      ...xmlCompressionVals(i)]))),
  // One row per index (partition 1). Page counts are the stand-in's estimate (inferred: about
  // 100 rows per 8-KB page, one page for a non-empty index); real servers count allocated pages.
  'sys.dm_db_partition_stats': view([c('partition_id', ty.bigint), c('object_id', ty.int), c('index_id', ty.int), c('partition_number', ty.int), c('in_row_data_page_count', ty.bigint), c('in_row_used_page_count', ty.bigint), c('used_page_count', ty.bigint), c('reserved_page_count', ty.bigint), c('row_count', ty.bigint)],
    (db) => db.tables.flatMap((t) => t.indexes.map((i) => {
      const rows = rowCount(t);
      const pages = rows === 0 ? 0 : Math.ceil(rows / 100);
      return [t.objectId * 1000 + i.indexId, t.objectId, i.indexId, 1, pages, pages, pages, pages, rows];
    }))),
  // https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-index-resumable-operations
  // (SQL Server 2017 and later; percent_complete is real there, float here). Paused builds only (resumable.ts).
  'sys.index_resumable_operations': view([c('object_id', ty.int), c('index_id', ty.int), c('name', sn), c('sql_text', ty.nvarchar(-1), true), c('last_max_dop', ty.smallint),
    c('partition_number', ty.int, true), c('state', ty.tinyint), c('state_desc', desc60), c('start_time', ty.datetime), c('last_pause_time', ty.datetime, true),
    c('total_execution_time', ty.int), c('percent_complete', ty.float), c('page_count', ty.bigint)], (db) => resumableOperationRows(db)),
  'sys.databases': view([c('name', sn), c('database_id', ty.int), c('collation_name', sn, true), c('compatibility_level', ty.tinyint), c('state_desc', desc60, true), c('is_read_committed_snapshot_on', ty.bit, true), c('snapshot_isolation_state', ty.tinyint, true), c('recovery_model_desc', desc60, true), c('is_cdc_enabled', ty.bit)],
    (_db, all) => all.map((d) => [d.name, d.id, d.collation, 160, 'ONLINE', 0, 0, 'FULL', b(d.cdcEnabled === true)])),
  ...CHANGE_TRACKING_VIEWS,
  'information_schema.tables': view([c('TABLE_CATALOG', sn, true), c('TABLE_SCHEMA', sn, true), c('TABLE_NAME', sn), c('TABLE_TYPE', ty.varchar(10), true)],
    (db) => db.tables.map((t) => [db.name, db.schemas.find((s) => s.schemaId === t.schemaId)?.name ?? null, t.name, 'BASE TABLE'])),
  'information_schema.columns': view([c('TABLE_CATALOG', sn, true), c('TABLE_SCHEMA', sn, true), c('TABLE_NAME', sn), c('COLUMN_NAME', sn, true), c('ORDINAL_POSITION', ty.int, true), c('COLUMN_DEFAULT', ty.nvarchar(4000), true), c('IS_NULLABLE', ty.varchar(3), true), c('DATA_TYPE', sn, true), c('CHARACTER_MAXIMUM_LENGTH', ty.int, true), c('NUMERIC_PRECISION', ty.tinyint, true), c('NUMERIC_SCALE', ty.int, true), c('DATETIME_PRECISION', ty.smallint, true), c('COLLATION_NAME', sn, true)],
    (db) => db.tables.flatMap((t) => t.columns.map((x, n) => {
      const chars = isStringType(x.type.name) || ['varbinary', 'binary'].includes(x.type.name) ? (x.type.maxLength === -1 ? -1 : x.type.name.startsWith('n') ? x.type.maxLength / 2 : x.type.maxLength) : null;
      const numeric = ['tinyint', 'smallint', 'int', 'bigint', 'decimal', 'numeric', 'float', 'real', 'money', 'smallmoney'].includes(x.type.name);
      const dt = ['datetime', 'datetime2', 'date', 'time', 'smalldatetime', 'datetimeoffset'].includes(x.type.name);
      return [db.name, db.schemas.find((s) => s.schemaId === t.schemaId)?.name ?? null, t.name, x.name, n + 1, t.defaults.find((d) => d.columnId === x.columnId)?.definition ?? null,
        x.nullable ? 'YES' : 'NO', x.type.name, chars, numeric ? x.type.precision : null, numeric ? x.type.scale : null, dt ? x.type.scale : null, x.collation];
    }))),
};

/** Finds a system view by its (schema, name). */
export function systemView(schema: string, name: string): SystemView | undefined {
  return SYSTEM_VIEWS[`${schema.toLowerCase()}.${name.toLowerCase()}`];
}
