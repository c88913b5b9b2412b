/**
 * Model to snapshot rows: the inverse of to-model. A migration's `after.json` is the state the
 * migration leaves, written as the same `schemac.catalog/v1` rows a live database gives, so
 * reading it back (snapshotToModel) gives the model it was written from.
 */
import { ENCRYPTION_TYPE_CODES } from '../sqlserver/encryption';
import { createHash } from 'crypto';
import type { BoundObject, Column, DataSpace, Database, ForeignKey, Index, IndexColumn, KeyConstraint, Sequence, SystemVersioning, Table, TablePermission } from '../model';
import type { CdcChangeTableRow, ChangeTrackingTableRow, DefaultRuleObjectRow, EdgeConstraintClauseRow, EdgeConstraintRow, LedgerTableRow, IndexDataSpaceRow, ResumableOperationRow, SpatialIndexTessellationRow, TablePermissionRow, XmlIndexRow,
  CatalogSnapshot, CheckConstraintRow, ColumnRow, DecimalValue, DefaultConstraintRow, ExtendedPropertyRow, ForeignKeyColumnRow,
  ForeignKeyRow, IndexColumnRow, IndexRow, KeyConstraintRow, PartitionRow, SequenceRow, StatsColumnRow, StatsRow, TableRow,
} from './snapshot-types';
import { indexCompression, indexXmlCompression, tableCompression, tableXmlCompression } from '../sqlserver/storage';
import { SNAPSHOT_FORMAT } from './snapshot-types';
import { typeFacets } from './from-model-types';
import { MS_DESCRIPTION } from '../sqlserver/descriptions';
import { storedNotTrusted } from '../sqlserver/replication';
import { storedLockEscalation } from '../sqlserver/lock-escalation';
import { storedBucketCount } from '../sqlserver/memory-optimized';

/** Options of modelToSnapshot. */
export interface FromModelOptions {
  /** The snapshot's `database` (DB_NAME()); the model's name, else ''. */
  readonly database?: string;
  /** The snapshot's `server_version`; '' when the rows were not read from a server. */
  readonly serverVersion?: string;
}

/**
 * Ids from names, not positions: adding a table leaves every other table's object_id as it was,
 * so the after.json of two consecutive migrations differ only where the schema did. SQL Server's
 * object ids are positive ints; a collision moves on to the next free one.
 */
function idAllocator(): (key: string) => number {
  const used = new Set<number>();
  return (key) => {
    let id = (createHash('sha256').update(key).digest().readUInt32BE(0) % 2_000_000_000) + 1;
    while (used.has(id)) id = (id % 2_000_000_000) + 1;
    used.add(id);
    return id;
  };
}

/** A seed or increment as the snapshot keeps it: a number when exact, else its decimal string. */
function decimalValue(text: string): DecimalValue {
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : text;
}

/** The rows of a database model; snapshotToModel of the result gives the model back. */
export function modelToSnapshot(db: Database, options: FromModelOptions = {}): CatalogSnapshot {
  const objectId = idAllocator();
  const tableIds = new Map<string, number>();
  const sortedTables = [...db.tables].sort((a, b) => compare(`${a.schema}.${a.name}`, `${b.schema}.${b.name}`));
  for (const t of sortedTables) tableIds.set(tableKey(t.schema, t.name), objectId(`table:${t.schema}.${t.name}`));
  const historyId = new Map(sortedTables.flatMap((t) => (t.versioning !== undefined
    ? [[tableKey(t.schema, t.name), objectId(`table:${t.versioning.historySchema}.${t.versioning.historyTable}`)] as const] : [])));
  const rows = {
    tables: [] as TableRow[], columns: [] as ColumnRow[], indexes: [] as IndexRow[], index_columns: [] as IndexColumnRow[],
    key_constraints: [] as KeyConstraintRow[], check_constraints: [] as CheckConstraintRow[],
    default_constraints: [] as DefaultConstraintRow[], foreign_keys: [] as ForeignKeyRow[],
    foreign_key_columns: [] as ForeignKeyColumnRow[], partitions: [] as PartitionRow[], placements: [] as IndexDataSpaceRow[],
    xml_indexes: [] as XmlIndexRow[], spatial_index_tessellations: [] as SpatialIndexTessellationRow[], xmlUsing: [] as Rows['xmlUsing'],
  };
  const properties: ExtendedPropertyRow[] = [];
  const resumable: ResumableOperationRow[] = [];
  const stats: StatsRow[] = [];
  const statsColumns: StatsColumnRow[] = [];
  const permissions: TablePermissionRow[] = [];
  const edgeConstraints: EdgeConstraintRow[] = [];
  const bound = boundObjectRows(objectId);
  const edgeClauses: EdgeConstraintClauseRow[] = [];
  const tracked: ChangeTrackingTableRow[] = [];
  const captureInstances: CdcChangeTableRow[] = [];
  const ledgerTables: LedgerTableRow[] = [];
  for (const t of sortedTables) {
    const id = tableIds.get(tableKey(t.schema, t.name)) as number;
    for (const b of t.resumableBuilds ?? []) resumable.push({ object_id: id, index_id: b.indexId, name: b.index, state_desc: b.state, percent_complete: b.percentComplete });
    const history = historyId.get(tableKey(t.schema, t.name));
    rows.tables.push({
      object_id: id, schema_name: t.schema, name: t.name, ...versionedTableFacts(t, history),
      ...(t.memoryOptimized !== undefined ? { is_memory_optimized: true, durability_desc: t.memoryOptimized.durability } : {}),
      // SQL Server's graph columns and the index it makes on graph_id are not the model's: only the kind is written.
      ...(t.graph !== undefined ? { is_node: t.graph === 'node', is_edge: t.graph === 'edge' } : {}),
      ...(t.lockEscalation !== undefined ? { lock_escalation: storedLockEscalation(t.lockEscalation) } : {}),
      ...(t.cdc !== undefined ? { is_tracked_by_cdc: true } : {}),
    });
    if (t.changeTracking !== undefined) tracked.push({ object_id: id, is_track_columns_updated_on: t.changeTracking.trackColumnsUpdated });
    for (const instance of t.cdc?.captureInstances ?? []) captureInstances.push({ source_object_id: id, capture_instance: instance });
    for (const e of t.edgeConstraints ?? []) {
      const ecId = objectId(`ec:${t.schema}.${t.name}.${e.name}`);
      edgeConstraints.push({
        object_id: ecId, parent_object_id: id, name: e.name, delete_referential_action_desc: e.onDelete,
        is_disabled: false, is_not_trusted: false, is_system_named: e.isSystemNamed,
      });
      e.connections.forEach((c, i) => {
        const from = tableIds.get(tableKey(c.fromSchema, c.fromTable));
        const to = tableIds.get(tableKey(c.toSchema, c.toTable));
        if (from === undefined || to === undefined) throw new Error(`catalog: ${t.schema}.${t.name}: edge constraint ${e.name} names a table the model does not have`);
        edgeClauses.push({ object_id: ecId, clause_number: i + 1, from_object_id: from, to_object_id: to });
      });
    }
    if (t.versioning !== undefined && history !== undefined) writeHistoryTable(t, t.versioning, history, rows);
    if (t.ledger !== undefined) writeLedger(t, id, objectId, rows.tables, ledgerTables, history);
    const columnIds = new Map(t.columns.map((c, i) => [c.name, i + 1]));
    const columnId = (name: string, where: string): number => {
      const found = columnIds.get(name);
      if (found === undefined) throw new Error(`catalog: ${t.schema}.${t.name}: ${where} names column ${name}, which the table does not have`);
      return found;
    };
    t.columns.forEach((c, i) => rows.columns.push({ ...columnRow(id, i + 1, c), ...bound.idsOf(c) }));
    if (t.description !== undefined) properties.push({ major_id: id, minor_id: 0, name: MS_DESCRIPTION, value: t.description });
    t.columns.forEach((c, i) => {
      if (c.description !== undefined) properties.push({ major_id: id, minor_id: i + 1, name: MS_DESCRIPTION, value: c.description });
    });
    writeIndexes(t, id, columnId, rows);
    for (const c of t.checks) {
      rows.check_constraints.push({
        parent_object_id: id, parent_column_id: 0, name: c.name, definition: c.expression.text,
        is_disabled: !c.enabled, is_not_trusted: storedNotTrusted(c.trusted, c.notForReplication === true), is_system_named: c.isSystemNamed,
        ...(c.notForReplication === true ? { is_not_for_replication: true } : {}),
      });
    }
    for (const d of t.defaults) {
      rows.default_constraints.push({
        parent_object_id: id, parent_column_id: columnId(d.column, `default ${d.name}`), name: d.name,
        definition: d.expression.text, is_system_named: d.isSystemNamed,
      });
    }
    for (const f of t.foreignKeys) writeForeignKey(t, id, f, objectId(`fk:${t.schema}.${t.name}.${f.name}`), columnId, db, tableIds, rows);
    for (const p of t.permissions ?? []) {
      permissions.push({ object_id: id, column_id: p.column === null ? 0 : columnId(p.column, `a permission of ${p.grantee}`), grantee: p.grantee, permission_name: p.permission, state: STORED_STATE[p.state] });
    }
    // Statistics ids follow the table's index ids (they share one numbering on SQL Server).
    let statsId = t.statistics === undefined ? 0 : Math.max(1, ...rows.indexes.filter((r) => r.object_id === id).map((r) => r.index_id)) + 1;
    for (const st of t.statistics ?? []) {
      const sid = statsId++;
      stats.push({ object_id: id, stats_id: sid, name: st.name, no_recompute: st.noRecompute, is_incremental: st.incremental, filter_definition: st.filter });
      st.columns.forEach((c, i) => statsColumns.push({ object_id: id, stats_id: sid, stats_column_id: i + 1, column_id: columnId(c, `statistics ${st.name}`) }));
    }
  }
  resolveXmlUsing(rows);
  const snapshot: CatalogSnapshot = {
    format: SNAPSHOT_FORMAT,
    database: options.database ?? db.name ?? '',
    server_version: options.serverVersion ?? '',
    database_collation: db.collation,
    ...(db.changeTrackingOn !== undefined ? { change_tracking_on: db.changeTrackingOn } : {}),
    schemas: [...db.schemas],
    ...withoutPartitions(rows),
    // Like the catalog query: only compressed heaps and indexes have rows.
    ...(rows.partitions.length > 0 ? { partitions: rows.partitions } : {}),
    // Like the catalog query: only heaps and indexes off the default filegroup have rows.
    ...(rows.placements.length > 0 ? { index_data_spaces: rows.placements } : {}),
    ...(rows.xml_indexes.length > 0 ? { xml_indexes: rows.xml_indexes } : {}),
    ...(rows.spatial_index_tessellations.length > 0 ? { spatial_index_tessellations: rows.spatial_index_tessellations } : {}),
    ...(db.dataSpaces !== undefined ? { data_spaces: db.dataSpaces.map((d) => ({ name: d.name, type: d.kind === 'filegroup' ? 'FG' : d.kind === 'partitionScheme' ? 'PS' : 'FX', is_default: d.isDefault })) } : {}),
    ...(db.aliasTypes !== undefined && db.aliasTypes.length > 0 ? { types: db.aliasTypes.map((a) => {
      const f = typeFacets(a.base);
      return { schema_name: a.schema, name: a.name, system_type_name: a.base.name, max_length: f.maxLength, precision: f.precision, scale: f.scale, is_nullable: a.nullable, ...bound.idsOf(a) };
    }) } : {}),
    ...(db.sequences !== undefined && db.sequences.length > 0 ? { sequences: sequenceRows(db.sequences, objectId) } : {}),
    // Row counts are facts about data, which a model does not have.
    row_counts: sortedTables.filter((t) => t.rowCount !== undefined).map((t) => ({
      object_id: tableIds.get(tableKey(t.schema, t.name)) as number, rows: t.rowCount as number,
    })),
    // Optional, like a live read: present only when some table or column has a description.
    ...(properties.length > 0 ? { extended_properties: properties } : {}),
    ...(resumable.length > 0 ? { resumable_operations: resumable } : {}),
    ...(stats.length > 0 ? { stats, stats_columns: statsColumns } : {}),
    // Like a live read when some table's permissions were read (none when the model never had them).
    ...(sortedTables.some((t) => t.permissions !== undefined) ? { table_permissions: permissions } : {}),
    ...(edgeConstraints.length > 0 ? { edge_constraints: edgeConstraints, edge_constraint_clauses: edgeClauses } : {}),
    ...(ledgerTables.length > 0 ? { ledger_tables: ledgerTables.sort((a, b) => a.object_id - b.object_id) } : {}),
    ...(db.synonyms !== undefined && db.synonyms.length > 0 ? { synonyms: db.synonyms.map((s) => ({ schema_name: s.schema, name: s.name, base_object_name: s.baseObject })) } : {}),
    ...(tracked.length > 0 ? { change_tracking_tables: tracked } : {}),
    ...(captureInstances.length > 0 ? { cdc_change_tables: captureInstances } : {}),
  };
  // Written after the types' ids are taken (the spread above), so every bound object is listed.
  const boundRows = bound.rows();
  return boundRows.length > 0 ? { ...snapshot, default_rule_objects: boundRows } : snapshot;
}

/**
 * Rows of the bound defaults and rules (CREATE DEFAULT / CREATE RULE) the model's columns and
 * alias types name, one id per object however many columns it is bound to, and the ids a column
 * or type row names them by (sys.columns / sys.types default_object_id and rule_object_id).
 */
function boundObjectRows(objectId: (key: string) => number): {
  idsOf(o: { readonly boundDefault?: BoundObject; readonly boundRule?: BoundObject }): { default_object_id?: number; rule_object_id?: number };
  rows(): DefaultRuleObjectRow[];
} {
  const byKey = new Map<string, DefaultRuleObjectRow>();
  const idOf = (b: BoundObject, type: 'D' | 'R'): number => {
    const key = `${type}:${b.schema}.${b.name}`;
    let row = byKey.get(key);
    if (row === undefined) byKey.set(key, row = { object_id: objectId(`bound:${key}`), schema_name: b.schema, name: b.name, type, definition: b.definition });
    return row.object_id;
  };
  return {
    idsOf(o) {
      return {
        ...(o.boundDefault !== undefined ? { default_object_id: idOf(o.boundDefault, 'D') } : {}),
        ...(o.boundRule !== undefined ? { rule_object_id: idOf(o.boundRule, 'R') } : {}),
      };
    },
    rows: () => [...byKey.values()],
  };
}


/** sys.database_permissions.state of each TablePermission state. */
const STORED_STATE: Readonly<Record<TablePermission['state'], string>> = { 'grant': 'G', 'grant-with-grant-option': 'W', 'deny': 'D' };

/** sys.sequences rows of the model's sequences (cache_size NULL unless a size was given, as SQL Server reports it). */
function sequenceRows(sequences: readonly Sequence[], objectId: (key: string) => number): SequenceRow[] {
  return sequences.map((q) => ({
    object_id: objectId(`sequence:${q.schema}.${q.name}`), schema_name: q.schema, name: q.name, type_name: q.type.name,
    precision: q.type.precision ?? INTEGER_PRECISION[q.type.name] ?? 0,
    start_value: decimalValue(q.start), increment: decimalValue(q.increment),
    minimum_value: decimalValue(q.min), maximum_value: decimalValue(q.max),
    is_cycling: q.cycle, is_cached: q.cache.kind !== 'none', cache_size: q.cache.kind === 'size' ? q.cache.size : null,
  }));
}

/** sys.sequences.precision of the integer types (their fixed digits). */
const INTEGER_PRECISION: Readonly<Record<string, number>> = { tinyint: 3, smallint: 5, int: 10, bigint: 19 };

function withoutPartitions<R extends { partitions: PartitionRow[]; placements: IndexDataSpaceRow[]; xml_indexes: unknown; spatial_index_tessellations: unknown; xmlUsing: unknown }>(
  rows: R,
): Omit<R, 'partitions' | 'placements' | 'xml_indexes' | 'spatial_index_tessellations' | 'xmlUsing'> {
  // Optional arrays are written after, only when they have rows.
  const { partitions, placements, xml_indexes, spatial_index_tessellations, xmlUsing, ...rest } = rows;
  void partitions; void placements; void xml_indexes; void spatial_index_tessellations; void xmlUsing;
  return rest;
}

/** The index_data_spaces row of a heap or index placed off the default filegroup. */
function placementRow(objectId: number, indexId: number, d: DataSpace): IndexDataSpaceRow {
  return {
    object_id: objectId, index_id: indexId, data_space_name: d.name, data_space_type: d.kind === 'filegroup' ? 'FG' : d.kind === 'partitionScheme' ? 'PS' : 'FX',
    partition_column: d.kind === 'partitionScheme' ? d.column : null,
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function tableKey(schema: string, name: string): string {
  return `${schema}\u0000${name}`;
}

/** TYPE_NAME(user_type_id): an alias type's own name; rowversion is `timestamp` in sys.types. */
function catalogTypeName(t: Column['type']): string {
  if (t.alias !== undefined) return t.alias.name;
  return t.name === 'rowversion' ? 'timestamp' : t.name;
}

function columnRow(objectId: number, columnId: number, c: Column): ColumnRow {
  const facets = typeFacets(c.type);
  return {
    object_id: objectId, column_id: columnId, name: c.name, type_name: catalogTypeName(c.type),
    ...(c.type.alias !== undefined ? { system_type_name: c.type.name, type_schema_name: c.type.alias.schema } : {}),
    max_length: facets.maxLength, precision: facets.precision, scale: facets.scale,
    is_nullable: c.nullable, is_identity: c.identity !== null,
    seed_value: c.identity === null ? null : decimalValue(c.identity.seed),
    increment_value: c.identity === null ? null : decimalValue(c.identity.increment),
    ...(c.identity?.notForReplication === true ? { is_not_for_replication: true } : {}),
    collation_name: c.collation,
    is_computed: c.computed !== null,
    computed_definition: c.computed === null ? null : c.computed.expression.text,
    ...(c.computed !== null ? { is_persisted: c.computed.persisted } : {}),
    ...(c.sparse === true ? { is_sparse: true } : {}),
    ...(c.period !== undefined ? { generated_always_type: c.period.end === 'start' ? 1 : 2, is_hidden: c.period.hidden } : {}),
    ...(c.rowguidcol === true ? { is_rowguidcol: true } : {}),
    ...(c.mask !== undefined ? { is_masked: true, masking_function: c.mask } : {}),
    ...(c.encryption !== undefined ? { encryption_type: ENCRYPTION_TYPE_CODES[c.encryption.type], encryption_algorithm_name: c.encryption.algorithm, column_encryption_key_name: c.encryption.key } : {}),
    ...(c.type.xmlSchema !== undefined ? { xml_collection_schema: c.type.xmlSchema.schema, xml_collection_name: c.type.xmlSchema.name, is_xml_document: c.type.xmlSchema.document } : {}),
  };
}

/**
 * A ledger table's ledger_tables row (and its history table's, when the model names one): the
 * ledger columns SQL Server adds are not the model's, so none are written.
 */
function writeLedger(t: Table, id: number, objectId: (key: string) => number, tables: TableRow[], out: LedgerTableRow[], temporalHistory: number | undefined): void {
  const l = t.ledger;
  if (l === undefined) return;
  const h = l.history;
  const historyId = h !== undefined ? objectId(`table:${h.schema}.${h.name}`) : temporalHistory ?? null;
  if (h !== undefined && historyId !== null) {
    tables.push({ object_id: historyId, schema_name: h.schema, name: h.name });
    out.push({ object_id: historyId, ledger_type: 1, ledger_view_id: null, history_table_id: null, is_dropped_ledger_table: false, ledger_view_schema_name: null, ledger_view_name: null });
  }
  out.push({
    object_id: id, ledger_type: l.kind === 'updatable' ? 2 : 3,
    ledger_view_id: l.view !== undefined ? objectId(`view:${l.view.schema}.${l.view.name}`) : null,
    history_table_id: l.kind === 'updatable' ? historyId : null, is_dropped_ledger_table: false,
    ledger_view_schema_name: l.view?.schema ?? null, ledger_view_name: l.view?.name ?? null,
  });
}

/** sys.tables' temporal columns of a versioned table (nothing for an ordinary one, as older snapshots). */
function versionedTableFacts(t: Table, historyId: number | undefined): Partial<TableRow> {
  const v = t.versioning;
  if (v === undefined || historyId === undefined) return {};
  const units = { DAY: 3, WEEK: 4, MONTH: 5, YEAR: 6 } as const;
  return {
    temporal_type: 2, history_table_id: historyId,
    history_retention_period: v.retention.unit === 'INFINITE' ? -1 : v.retention.count,
    history_retention_period_unit: v.retention.unit === 'INFINITE' ? -1 : units[v.retention.unit],
  };
}

/** The history table's rows: the table's columns as plain ones (SQL Server mirrors them there). */
function writeHistoryTable(t: Table, v: SystemVersioning, id: number, rows: { tables: TableRow[]; columns: ColumnRow[] }): void {
  rows.tables.push({ object_id: id, schema_name: v.historySchema, name: v.historyTable, temporal_type: 1 });
  t.columns.forEach((c, i) => {
    const { period: _period, ...plain } = c;
    void _period;
    rows.columns.push(columnRow(id, i + 1, { ...plain, identity: null, computed: null }));
  });
}

/** The sys.indexes / sys.stats values of an index's options, only those not at their default. */
function optionRows(o: Index | KeyConstraint): Partial<IndexRow> {
  return {
    ...(o.fillFactor !== undefined ? { fill_factor: o.fillFactor } : {}),
    ...(o.padIndex === true ? { is_padded: true } : {}),
    ...(o.allowRowLocks === false ? { allow_row_locks: false } : {}),
    ...(o.allowPageLocks === false ? { allow_page_locks: false } : {}),
    ...(o.optimizeForSequentialKey === true ? { optimize_for_sequential_key: true } : {}),
    ...(o.statisticsNoRecompute === true ? { no_recompute: true } : {}),
  };
}

type Rows = {
  indexes: IndexRow[]; index_columns: IndexColumnRow[]; key_constraints: KeyConstraintRow[];
  xml_indexes: XmlIndexRow[]; spatial_index_tessellations: SpatialIndexTessellationRow[];
  xmlUsing: { row: number; objectId: number; primary: string }[];
  foreign_keys: ForeignKeyRow[]; foreign_key_columns: ForeignKeyColumnRow[]; partitions: PartitionRow[]; placements: IndexDataSpaceRow[];
};

/** Indexes and the indexes behind keys; the clustered one is index_id 1, as in sys.indexes. */
function writeIndexes(t: Table, objectId: number, columnId: (name: string, where: string) => number, rows: Rows): void {
  type Entry = { name: string; clustered: boolean; key: KeyConstraint | null; type: 'PK' | 'UQ' | null; index: Index | null };
  const entries: Entry[] = [
    ...(t.primaryKey ? [{ name: t.primaryKey.name, clustered: t.primaryKey.clustered, key: t.primaryKey, type: 'PK' as const, index: null }] : []),
    ...t.uniqueConstraints.map((u) => ({ name: u.name, clustered: u.clustered, key: u, type: 'UQ' as const, index: null })),
    ...t.indexes.map((i) => ({ name: i.name, clustered: i.clustered, key: null, type: null, index: i })),
  ].sort((a, b) => Number(b.clustered) - Number(a.clustered) || compare(a.name, b.name));
  let next = entries[0]?.clustered ? 1 : 2;
  // A partition row says something only when compressed (xml_compression_desc only when ON, as a 2022 server lists it).
  const compressed = (indexId: number, value: string, xml: boolean) => {
    if (value !== 'NONE' || xml) {
      rows.partitions.push({ object_id: objectId, index_id: indexId, partition_number: 1, data_compression_desc: value, ...(xml ? { xml_compression_desc: 'ON' } : {}) });
    }
  };
  if (!entries[0]?.clustered) compressed(0, tableCompression(t), tableXmlCompression(t));
  if (!entries[0]?.clustered && t.dataSpace !== undefined) rows.placements.push(placementRow(objectId, 0, t.dataSpace));
  for (const e of entries) {
    const indexId = next++;
    const columnstore = e.index?.columnstore === true;
    // A columnstore index has no key: its columns are "included" (key_ordinal 0); a clustered one holds them all.
    const keyColumns: readonly IndexColumn[] = columnstore ? [] : e.key ? e.key.columns : (e.index as Index).columns;
    const included = columnstore ? (e.clustered ? t.columns.map((c) => c.name) : (e.index as Index).columns.map((c) => c.name)) : e.index?.include ?? [];
    const filter = e.index?.filter ?? null;
    const object = (e.key ?? e.index) as Index | KeyConstraint;
    if (e.index !== null && (e.index.xml !== undefined || e.index.spatial !== undefined)) {
      writeXmlOrSpatial(e.index, objectId, indexId, columnId, rows);
      continue;
    }
    rows.indexes.push({
      object_id: objectId, index_id: indexId, name: e.name,
      type_desc: `${e.clustered ? 'CLUSTERED' : 'NONCLUSTERED'}${columnstore ? ' COLUMNSTORE' : object.bucketCount !== undefined ? ' HASH' : ''}`,
      is_unique: e.key !== null || (e.index as Index).unique, is_primary_key: e.type === 'PK', is_unique_constraint: e.type === 'UQ',
      has_filter: filter !== null, filter_definition: filter?.text ?? null, is_disabled: false,
      ...(object.ignoreDupKey === true ? { ignore_dup_key: true } : {}),
      ...optionRows(object),
      ...(object.bucketCount !== undefined ? { bucket_count: storedBucketCount(object.bucketCount) } : {}),
    });
    const placement = e.clustered ? t.dataSpace ?? object.dataSpace : object.dataSpace;
    if (placement !== undefined) rows.placements.push(placementRow(objectId, indexId, placement));
    const rowstoreClustered = e.clustered && !columnstore;
    compressed(indexId, rowstoreClustered ? tableCompression(t) : indexCompression(object), rowstoreClustered ? tableXmlCompression(t) : indexXmlCompression(object));
    let position = 1;
    keyColumns.forEach((c, i) => rows.index_columns.push({
      object_id: objectId, index_id: indexId, index_column_id: position++, column_id: columnId(c.name, `index ${e.name}`),
      key_ordinal: i + 1, is_included_column: false, is_descending_key: c.descending,
    }));
    for (const name of included) {
      rows.index_columns.push({
        object_id: objectId, index_id: indexId, index_column_id: position++, column_id: columnId(name, `index ${e.name}`),
        key_ordinal: 0, is_included_column: true, is_descending_key: false,
      });
    }
    if (e.key !== null && e.type !== null) {
      rows.key_constraints.push({ parent_object_id: objectId, unique_index_id: indexId, name: e.name, type: e.type, is_system_named: e.key.isSystemNamed });
    }
  }
}

/** An XML or spatial index as sys.indexes, sys.index_columns and sys.xml_indexes / sys.spatial_index_tessellations list it. */
function writeXmlOrSpatial(i: Index, objectId: number, indexId: number, columnId: (name: string, where: string) => number, rows: Rows): void {
  rows.indexes.push({
    object_id: objectId, index_id: indexId, name: i.name, type_desc: i.xml !== undefined ? 'XML' : 'SPATIAL',
    is_unique: false, is_primary_key: false, is_unique_constraint: false, has_filter: false, filter_definition: null, is_disabled: false,
    ...optionRows(i),
  });
  i.columns.forEach((c, n) => rows.index_columns.push({
    object_id: objectId, index_id: indexId, index_column_id: n + 1, column_id: columnId(c.name, `index ${i.name}`),
    key_ordinal: n + 1, is_included_column: false, is_descending_key: false,
  }));
  if (i.spatial !== undefined && indexCompression(i) !== 'NONE') rows.partitions.push({ object_id: objectId, index_id: indexId, partition_number: 1, data_compression_desc: indexCompression(i) });
  if (i.xml !== undefined) {
    const x = i.xml;
    // The primary's id is found once every index of the table is written (see writeIndexes' callers).
    rows.xml_indexes.push({ object_id: objectId, index_id: indexId, using_xml_index_id: x.kind === 'primary' ? null : -1, secondary_type_desc: x.kind === 'primary' ? null : x.for, xml_index_type: x.kind === 'primary' ? 0 : 1 });
    if (x.kind === 'secondary') rows.xmlUsing.push({ row: rows.xml_indexes.length - 1, objectId, primary: x.using });
  }
  if (i.spatial !== undefined) {
    const sp = i.spatial;
    const b = sp.boundingBox;
    const g = sp.grids;
    rows.spatial_index_tessellations.push({
      object_id: objectId, index_id: indexId, tessellation_scheme: sp.tessellation,
      bounding_box_xmin: b?.xmin ?? null, bounding_box_ymin: b?.ymin ?? null, bounding_box_xmax: b?.xmax ?? null, bounding_box_ymax: b?.ymax ?? null,
      level_1_grid_desc: g?.[0] ?? null, level_2_grid_desc: g?.[1] ?? null, level_3_grid_desc: g?.[2] ?? null, level_4_grid_desc: g?.[3] ?? null,
      cells_per_object: sp.cellsPerObject,
    });
  }
}

/** Points each secondary XML index row at its primary's index_id. */
function resolveXmlUsing(rows: Rows): void {
  for (const u of rows.xmlUsing) {
    const primary = rows.indexes.find((r) => r.object_id === u.objectId && r.name === u.primary);
    const row = rows.xml_indexes[u.row] as XmlIndexRow;
    if (primary === undefined) throw new Error(`catalog: secondary XML index ${rows.indexes.find((r) => r.object_id === row.object_id && r.index_id === row.index_id)?.name ?? ''} uses ${u.primary}, which the table does not have`);
    rows.xml_indexes[u.row] = { ...row, using_xml_index_id: primary.index_id };
  }
}

function writeForeignKey(
  t: Table, parentId: number, f: ForeignKey, fkId: number, columnId: (name: string, where: string) => number,
  db: Database, tableIds: ReadonlyMap<string, number>, rows: Rows,
): void {
  // The compiler spells the target as declared; a catalog as stored. Either matches exactly.
  const target = db.tables.find((x) => x.schema === f.referencedSchema && x.name === f.referencedTable);
  const targetId = target && tableIds.get(tableKey(target.schema, target.name));
  if (target === undefined || targetId === undefined) {
    throw new Error(`catalog: ${t.schema}.${t.name}: foreign key ${f.name} references ${f.referencedSchema}.${f.referencedTable}, which the model does not have`);
  }
  const targetColumn = (name: string): number => {
    const i = target.columns.findIndex((c) => c.name === name);
    if (i < 0) throw new Error(`catalog: foreign key ${f.name} references column ${name}, which ${target.schema}.${target.name} does not have`);
    return i + 1;
  };
  rows.foreign_keys.push({
    object_id: fkId, parent_object_id: parentId, name: f.name, referenced_object_id: targetId,
    delete_referential_action_desc: f.onDelete, update_referential_action_desc: f.onUpdate,
    is_disabled: !f.enabled, is_not_trusted: storedNotTrusted(f.trusted, f.notForReplication === true), is_system_named: f.isSystemNamed,
    ...(f.notForReplication === true ? { is_not_for_replication: true } : {}),
  });
  f.columns.forEach((c, i) => rows.foreign_key_columns.push({
    constraint_object_id: fkId, constraint_column_id: i + 1,
    parent_column_id: columnId(c, `foreign key ${f.name}`), referenced_column_id: targetColumn(f.referencedColumns[i] as string),
  }));
}
