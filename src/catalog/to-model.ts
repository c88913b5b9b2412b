/**
 * Snapshot rows to the model: the catalog side of "one model, two sources". Definitions SQL
 * Server stored are read through src/expr here, at the boundary, so the differ compares
 * canonical forms only. Everything is sorted, so one catalog always gives the same model.
 */
import { makeExpression } from '../expr';
import type {
  DataSpace,
  CheckConstraint, Column, DataCompression, Database, DefaultConstraint, Diagnostic, ForeignKey, Identity, Index, IndexColumn,
  KeyConstraint, ResumableIndexBuild, ServerFacts, SpatialIndexDefinition, SqlExpression, Table, XmlIndexDefinition,
} from '../model';
import { CatalogCodes } from './codes';
import type { CatalogSnapshot, ColumnRow, IndexColumnRow, IndexRow, ResumableOperationRow, TableRow } from './snapshot-types';
import { readStatistics } from './read-statistics';
import { lockEscalationOf } from '../sqlserver/lock-escalation';
import { readTablePermissions } from './read-permissions';
import { readSynonyms } from './read-synonyms';
import { databaseTracking, trackingReader } from './read-change-tracking';
import { findOpaque } from './opaque';
import { asMemoryOptimized } from './read-memory-optimized';
import { readXmlSpatial } from './read-xml-spatial';
import { graphFacts, isGraphColumn } from './read-graph';
import { isLedgerColumn, ledgerFacts } from './read-ledger';
import { indexOptionsOfRow, isColumnstoreRow, readPlacements, readStorage, tableStorage } from './read-storage';
import { storedCompression } from '../sqlserver/storage';
import { readModules } from './to-model-modules';
import { readSecurityPolicies } from './read-security-policies';
import { isPeriodDefault, periodOfRow, temporalFacts } from './read-temporal';
import { readAliasTypes } from './read-alias-types';
import { bindingReader, type BindingReader } from './read-bound-objects';
import { readSequences } from './read-sequences';
import { columnType, decimalString } from './to-model-types';
import { collationKey, DEFAULT_COLLATION, isSchemacSchema, nameKeyFor } from '../sqlserver/names';
import { storedTrust } from '../sqlserver/replication';
import { normalizeMask } from '../sqlserver/masking';
import { AE_ALGORITHM, encryptionTypeOfCode } from '../sqlserver/encryption';
import { compareText, sortedByName } from '../util/compare';
import { MS_DESCRIPTION } from '../sqlserver/descriptions';
import { groupBy } from '../util/group-by';


/** A model object under construction, before it is handed out as readonly. */
type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** The model a catalog describes, and what could not be read faithfully. */
export interface CatalogModel {
  readonly database: Database;
  readonly diagnostics: Diagnostic[];
}



/** Options of snapshotToModel. */
export interface ToModelOptions {
  /**
   * Tables (and schemas) to leave out before anything is read: the config's `ignore` lists, so
   * nothing in an ignored table can produce a warning, an error or a plan step.
   */
  readonly skipTable?: (t: { readonly schema: string; readonly name: string }) => boolean;
  /** Schemas to leave out (the config's `ignore.schemas`): their alias types are not read. */
  readonly skipSchema?: (schema: string) => boolean;
}

/** The snapshot without the rows of skipped tables (rows that refer to them included). */
function withoutSkipped(s: CatalogSnapshot, skip: ToModelOptions['skipTable']): CatalogSnapshot {
  if (skip === undefined) return s;
  const gone = new Set(s.tables.filter((t) => skip({ schema: t.schema_name, name: t.name })).map((t) => t.object_id));
  if (gone.size === 0) return s;
  const keep = <T>(rows: readonly T[], id: (row: T) => number): T[] => rows.filter((r) => !gone.has(id(r)));
  const fks = keep(s.foreign_keys, (f) => f.parent_object_id);
  const fkIds = new Set(fks.map((f) => f.object_id));
  return {
    ...s,
    tables: keep(s.tables, (t) => t.object_id),
    columns: keep(s.columns, (c) => c.object_id),
    indexes: keep(s.indexes, (i) => i.object_id),
    index_columns: keep(s.index_columns, (ic) => ic.object_id),
    key_constraints: keep(s.key_constraints, (k) => k.parent_object_id),
    check_constraints: keep(s.check_constraints, (c) => c.parent_object_id),
    default_constraints: keep(s.default_constraints, (d) => d.parent_object_id),
    // A kept table's foreign key to an ignored table stays: it is the kept table's own.
    foreign_keys: fks,
    foreign_key_columns: s.foreign_key_columns.filter((fc) => fkIds.has(fc.constraint_object_id)),
    row_counts: keep(s.row_counts, (r) => r.object_id),
    ...(s.fulltext_index_columns ? { fulltext_index_columns: keep(s.fulltext_index_columns, (f) => f.object_id) } : {}),
    ...(s.partitions ? { partitions: keep(s.partitions, (p) => p.object_id) } : {}),
    ...(s.extended_properties ? { extended_properties: keep(s.extended_properties, (p) => p.major_id) } : {}),
    ...(s.resumable_operations ? { resumable_operations: keep(s.resumable_operations, (r) => r.object_id) } : {}),
    ...(s.stats ? { stats: keep(s.stats, (r) => r.object_id) } : {}),
    ...(s.stats_columns ? { stats_columns: keep(s.stats_columns, (r) => r.object_id) } : {}),
    ...(s.edge_constraints ? { edge_constraints: keep(s.edge_constraints, (r) => r.parent_object_id) } : {}),
    ...(s.ledger_tables ? { ledger_tables: keep(s.ledger_tables, (r) => r.object_id) } : {}),
    ...(s.ledger_dropped_columns ? { ledger_dropped_columns: keep(s.ledger_dropped_columns, (r) => r.object_id) } : {}),
  };
}

/** Reads one snapshot (already validated by parseSnapshot/validateSnapshot) into a Database. */
export function snapshotToModel(snapshot: CatalogSnapshot, options: ToModelOptions = {}): CatalogModel {
  const s = withoutSkipped(snapshot, options.skipTable);
  const diagnostics: Diagnostic[] = [];
  const graph = graphFacts(s);
  const special = readXmlSpatial(s);
  const opaque = findOpaque(s, graph, special);
  const collation = s.database_collation ?? DEFAULT_COLLATION;
  const names = nameKeyFor(collation);
  // Names resolve over every table, skipped ones too: a foreign key may point at an ignored table.
  const tablesById = new Map(snapshot.tables.map((t) => [t.object_id, t]));
  const columnsByTable = groupBy(s.columns, (c) => c.object_id);
  const columnNames = new Map<number, Map<number, string>>();
  for (const c of snapshot.columns) {
    const ofTable = columnNames.get(c.object_id);
    if (ofTable === undefined) columnNames.set(c.object_id, new Map([[c.column_id, c.name]]));
    else ofTable.set(c.column_id, c.name);
  }
  const indexesByTable = groupBy(s.indexes, (i) => i.object_id);
  const indexColumnsByTable = groupBy(s.index_columns, (ic) => ic.object_id);
  const keysByTable = groupBy(s.key_constraints, (k) => k.parent_object_id);
  const checksByTable = groupBy(s.check_constraints, (c) => c.parent_object_id);
  const defaultsByTable = groupBy(s.default_constraints, (d) => d.parent_object_id);
  const fksByTable = groupBy(s.foreign_keys, (f) => f.parent_object_id);
  const fkColumns = groupBy(s.foreign_key_columns, (c) => c.constraint_object_id);
  const tracking = trackingReader(s);
  const rowCounts = new Map(s.row_counts.map((r) => [r.object_id, Number(r.rows)]));
  const resumableByTable = groupBy(s.resumable_operations ?? [], (r) => r.object_id);
  const storage = readStorage(s, (id) => { const t = tablesById.get(id); return t === undefined ? `object ${id}` : `${t.schema_name}.${t.name}`; }, diagnostics);
  const compressionOf = (i: IndexRow) => storedCompression(storage.compressionOf(i.object_id, i.index_id, isColumnstoreRow(i)), isColumnstoreRow(i));
  const descriptions = descriptionsOf(s);
  const placements = readPlacements(s);
  const placed = (objectId: number, indexId: number): { dataSpace?: DataSpace } => {
    const dataSpace = placements.placementOf(objectId, indexId);
    return dataSpace === undefined ? {} : { dataSpace };
  };
  // used_pages are 8-KB pages; MB to two decimals (absent without VIEW DATABASE STATE).
  const usedMb = new Map(s.row_counts.filter((r) => typeof r.used_pages === 'number')
    .map((r) => [r.object_id, Math.round(((r.used_pages as number) * 8 * 100) / 1024) / 100]));

  // validateSnapshot proved every reference resolves; a miss here is a bug, not user input.
  const columnName = (objectId: number, columnId: number): string => {
    const name = columnNames.get(objectId)?.get(columnId);
    if (name === undefined) throw new Error(`catalog: column ${columnId} of object ${objectId} is not in the snapshot`);
    return name;
  };

  const statistics = readStatistics(s, columnName);
  const bindings = bindingReader(s.default_rule_objects);
  const permissionsOf = readTablePermissions(s.table_permissions, columnName);
  // schemac's own schema (its history table) is never managed, even if a snapshot file holds it.
  const temporal = temporalFacts(s);
  const ledger = ledgerFacts(s);
  // A ledger table's history table and a dropped ledger table (with its history) are SQL Server's (read-ledger.ts).
  const managed = s.tables.filter((t) => !isSchemacSchema(t.schema_name) && !ledger.hiddenTables.has(t.object_id));
  // A history table belongs to its versioned table's definition (read-temporal.ts).
  const tables = managed.filter((t) => !temporal.historyIds.has(t.object_id)).map((t): Table => {
    const where = `${t.schema_name}.${t.name}`;
    const opaqueObjects = opaque.byTable.get(t.object_id) ?? [];
    for (const o of opaqueObjects) {
      diagnostics.push({
        code: CatalogCodes.opaqueObject,
        severity: 'warning',
        message: `${where}: ${o.kind} ${o.name}: ${o.reason}; schemac leaves it as it is and refuses changes that would touch it`,
      });
    }
    // Every opaque column, index and constraint is among the table's opaque objects: with none,
    // nothing of the table needs looking up.
    const hasOpaque = opaqueObjects.length > 0;
    const modelledIndex = (i: IndexRow) => !hasOpaque || !opaque.indexes.has(`${i.object_id}:${i.index_id}`);
    const modelledConstraint = (parent: number, name: string) => !hasOpaque || !opaque.constraints.has(`${parent}:${name}`);
    const expression = (text: string, what: string): SqlExpression => {
      const result = makeExpression(text, names);
      if (result.problem !== null) {
        diagnostics.push({
          code: CatalogCodes.unparsedDefinition,
          severity: 'warning',
          message: `${where}: ${what}: ${result.problem}; it is compared as text, so a plan may show it as changed`,
        });
      }
      return result.expression;
    };
    const indexColumns = groupBy(indexColumnsByTable.get(t.object_id) ?? [], (ic) => ic.index_id);
    const keyColumns = (index: IndexRow): { columns: IndexColumn[]; include: string[] } =>
      indexParts(indexColumns.get(index.index_id) ?? [], (id) => columnName(t.object_id, id));

    const graphKind = graph.kinds.get(t.object_id);
    // SQL Server's graph columns ($node_id, $edge_id, $from_id, $to_id and their internals) are not the schema's,
    const tableLedger = ledger.ledgers.get(t.object_id);
    const allColumnRows = columnsByTable.get(t.object_id) ?? [];
    // SQL Server's graph columns ... and a ledger table's generated and dropped columns are not the schema's either.
    // (whatever the ledger rows say: an older snapshot may hold the columns without them).
    const userColumnRows = graphKind === undefined && !allColumnRows.some((c) => isLedgerColumn(c, ledger)) ? allColumnRows
      : allColumnRows.filter((c) => !isGraphColumn(c) && !isLedgerColumn(c, ledger));
    const columnRows = hasOpaque ? userColumnRows.filter((c) => !opaque.columns.has(`${c.object_id}:${c.column_id}`)) : userColumnRows;
    const described = descriptions.get(t.object_id);
    const columnDescriptions = new Map(described === undefined ? [] : columnRows.flatMap((c) => {
      const text = described.get(c.column_id);
      return text === undefined ? [] : [[c.name, text] as const];
    }));
    const read = readColumns(t, columnRows, collation, expression, diagnostics, bindings);
    const columns = columnDescriptions.size === 0 ? read
      : read.map((c) => (columnDescriptions.has(c.name) ? { ...c, description: columnDescriptions.get(c.name) as string } : c));
    const tableDescription = described?.get(0);
    const indexRows = (indexesByTable.get(t.object_id) ?? []).filter((i) => modelledIndex(i) && (graphKind === undefined || !graph.builtInIndexes.has(`${i.object_id}:${i.index_id}`)));
    const indexById = new Map(indexRows.map((i) => [i.index_id, i]));
    const keyIndexIds = new Set<number>();
    let primaryKey: KeyConstraint | null = null;
    const uniqueConstraints: KeyConstraint[] = [];
    for (const k of keysByTable.get(t.object_id) ?? []) {
      if (hasOpaque && opaque.indexes.has(`${t.object_id}:${k.unique_index_id}`)) continue;
      const index = indexById.get(k.unique_index_id);
      if (index === undefined) throw new Error(`catalog: index ${k.unique_index_id} of ${where} is not in the snapshot`);
      keyIndexIds.add(index.index_id);
      const compression = compressionOf(index);
      const key: KeyConstraint = {
        name: k.name,
        isSystemNamed: k.is_system_named,
        columns: keyColumns(index).columns,
        clustered: index.type_desc === 'CLUSTERED',
        ...(index.ignore_dup_key === true ? { ignoreDupKey: true } : {}),
        ...indexOptionsOfRow(index),
        ...placed(index.object_id, index.index_id),
        ...(compression !== undefined && compression !== 'COLUMNSTORE_ARCHIVE' && compression !== 'COLUMNSTORE' ? { dataCompression: compression } : {}),
        ...(storage.xmlCompressedOf(index.object_id, index.index_id) ? { xmlCompression: true } : {}),
      };
      if (k.type === 'PK') primaryKey = key;
      else uniqueConstraints.push(key);
    }
    const indexes = indexRows
      .filter((i) => !keyIndexIds.has(i.index_id))
      .map((i): Index => {
        if (i.is_disabled) {
          diagnostics.push({
            code: CatalogCodes.disabledIndex,
            severity: 'warning',
            message: `${where}: index ${i.name} is disabled; schemac reads it as if it were enabled`,
          });
        }
        const parts = keyColumns(i);
        const reading = special.size === 0 ? undefined : special.get(`${i.object_id}:${i.index_id}`);
        if (reading !== undefined && !('problem' in reading)) return xmlOrSpatialIndex(i, [...parts.columns.map((c) => c.name), ...parts.include], reading, compressionOf(i));
        const columnstore = isColumnstoreRow(i);
        const compression = compressionOf(i);
        // Optional properties are set after the literal (object spreads cost per index), in the same order.
        const index: Writable<Index> = {
          name: i.name,
          // CREATE INDEX always takes a name; only constraints get system names.
          isSystemNamed: false,
          // A columnstore index has no key: every column is an "included" one (key_ordinal 0,
          // sys-index-columns-transact-sql); a clustered one lists every column of the table.
          columns: columnstore ? (i.type_desc === 'CLUSTERED COLUMNSTORE' ? [] : parts.include.map((name) => ({ name, descending: false }))) : parts.columns,
          include: columnstore ? [] : parts.include,
          unique: i.is_unique,
          clustered: i.type_desc === 'CLUSTERED' || i.type_desc === 'CLUSTERED COLUMNSTORE',
          filter: i.has_filter && i.filter_definition !== null ? expression(i.filter_definition, `index ${i.name} filter`) : null,
        };
        if (columnstore) index.columnstore = true;
        if (i.ignore_dup_key === true) index.ignoreDupKey = true;
        if (compression !== undefined) index.dataCompression = compression;
        // XML_COMPRESSION is a rowstore option (CREATE COLUMNSTORE INDEX has none).
        if (!columnstore && storage.xmlCompressedOf(i.object_id, i.index_id)) index.xmlCompression = true;
        // Read last (and usually none), so an index without options has the properties it had.
        const options = { ...indexOptionsOfRow(i), ...placed(i.object_id, i.index_id) };
        return Object.keys(options).length === 0 ? index : { ...index, ...options };
      });
    const checks = (checksByTable.get(t.object_id) ?? []).filter((c) => modelledConstraint(t.object_id, c.name)).map((c): CheckConstraint => ({
      name: c.name,
      isSystemNamed: c.is_system_named,
      expression: expression(c.definition, `check ${c.name}`),
      trusted: storedTrust(c.is_not_trusted, c.is_not_for_replication === true),
      enabled: !c.is_disabled,
      ...(c.is_not_for_replication === true ? { notForReplication: true } : {}),
    }));
    const periodDefaults = new Map<string, string>();
    const defaults = (defaultsByTable.get(t.object_id) ?? []).filter((d) => modelledConstraint(t.object_id, d.name)).filter((d) => {
      const column = columnName(t.object_id, d.parent_column_id);
      if (!isPeriodDefault(columns, column)) return true;
      periodDefaults.set(column, d.name);
      return false;
    }).map((d): DefaultConstraint => ({
      name: d.name,
      isSystemNamed: d.is_system_named,
      column: columnName(t.object_id, d.parent_column_id),
      expression: expression(d.definition, `default ${d.name}`),
    }));
    const foreignKeys = (fksByTable.get(t.object_id) ?? []).filter((f) => modelledConstraint(t.object_id, f.name)).map((f): ForeignKey => {
      const target = tablesById.get(f.referenced_object_id);
      if (target === undefined) throw new Error(`catalog: table ${f.referenced_object_id} referenced by ${f.name} is not in the snapshot`);
      const pairs = [...(fkColumns.get(f.object_id) ?? [])].sort((a, b) => a.constraint_column_id - b.constraint_column_id);
      return {
        name: f.name,
        isSystemNamed: f.is_system_named,
        columns: pairs.map((p) => columnName(f.parent_object_id, p.parent_column_id)),
        referencedSchema: target.schema_name,
        referencedTable: target.name,
        referencedColumns: pairs.map((p) => columnName(f.referenced_object_id, p.referenced_column_id)),
        onDelete: f.delete_referential_action_desc,
        onUpdate: f.update_referential_action_desc,
        trusted: storedTrust(f.is_not_trusted, f.is_not_for_replication === true),
        enabled: !f.is_disabled,
        ...(f.is_not_for_replication === true ? { notForReplication: true } : {}),
      };
    });
    const versioning = temporal.versioning.get(t.object_id);
    const edgeConstraints = graph.edgeConstraints.get(t.object_id);
    return asMemoryOptimized({
      schema: t.schema_name,
      name: t.name,
      columns: periodDefaults.size === 0 ? columns : columns.map((c) => {
        const dfName = periodDefaults.get(c.name);
        return dfName !== undefined && c.period !== undefined ? { ...c, period: { ...c.period, defaultName: dfName } } : c;
      }),
      primaryKey,
      uniqueConstraints: sortedByName(uniqueConstraints),
      indexes: sortedByName(indexes),
      checks: sortedByName(checks),
      defaults: sortedByName(defaults),
      foreignKeys: sortedByName(foreignKeys),
      ...(versioning !== undefined ? { versioning } : {}),
      ...(graphKind !== undefined ? { graph: graphKind } : {}),
      ...(tableLedger !== undefined ? { ledger: tableLedger } : {}),
      ...lockEscalationFact(t.lock_escalation),
      ...tracking(t),
      ...(edgeConstraints !== undefined ? { edgeConstraints } : {}),
      ...(tableDescription !== undefined ? { description: tableDescription } : {}),
      rowCount: rowCounts.get(t.object_id) ?? 0,
      ...(usedMb.has(t.object_id) ? { usedMb: usedMb.get(t.object_id) } : {}),
      ...(opaqueObjects.length > 0 ? { opaque: opaqueObjects } : {}),
      ...resumableBuildsOf(resumableByTable.get(t.object_id)),
      ...(statistics.has(t.object_id) ? { statistics: statistics.get(t.object_id) } : {}),
      ...(permissionsOf !== undefined ? { permissions: permissionsOf(t.object_id) } : {}),
      // This table's own index rows (not every table's: that search made reading quadratic).
      ...tableStorage(storage, t.object_id, indexesByTable.get(t.object_id) ?? []),
      // The heap's or the clustered index's: the table's rows.
      ...placed(t.object_id, placements.placementOf(t.object_id, 0) !== undefined ? 0 : 1),
    }, t, indexRows);
  });
  tables.sort((a, b) => compareText(a.schema, b.schema) || compareText(a.name, b.name));

  const schemas = new Set<string>(['dbo', ...(s.schemas ?? []).filter((name) => !isSchemacSchema(name))]);
  for (const t of managed) schemas.add(t.schema_name);
  const aliasTypes = readAliasTypes(s.types ?? [], (schema) => isSchemacSchema(schema) || (options.skipSchema?.(schema) ?? false), diagnostics, bindings);
  bindings.report(diagnostics);
  const sequences = readSequences(s.sequences ?? [], (schema) => isSchemacSchema(schema) || (options.skipSchema?.(schema) ?? false), diagnostics);
  // Views, procedures, functions and triggers: never managed, read for what they reference.
  const managedIds = new Set(managed.map((t) => t.object_id));
  // A ledger view is SQL Server's, kept in step with its table by SQL Server itself (inferred): not a dependent.
  const modules = readModules(ledger.views.size === 0 ? s : { ...s, sql_modules: (s.sql_modules ?? []).filter((m) => !ledger.views.has(m.object_id)) }, (id) => managedIds.has(id), names);
  const synonyms = readSynonyms(s.synonyms ?? [], (schema) => isSchemacSchema(schema) || (options.skipSchema?.(schema) ?? false));
  const securityPolicies = readSecurityPolicies(s, names);
  return {
    database: {
      name: s.database, collation, schemas: [...schemas].sort(compareText), tables, ...serverFacts(s), ...databaseTracking(s),
      ...(aliasTypes.length > 0 ? { aliasTypes } : {}),
      ...(sequences.length > 0 ? { sequences } : {}),
      ...(modules.length > 0 ? { modules } : {}),
      ...(synonyms.length > 0 ? { synonyms } : {}),
      ...(securityPolicies.length > 0 ? { securityPolicies } : {}),
      ...(placements.dataSpaces !== undefined ? { dataSpaces: placements.dataSpaces } : {}),
    },
    diagnostics,
  };
}

/**
 * MS_Description values by major_id, then minor_id (minor_id 0: the table). The query reads only
 * that property; a snapshot file may hold others, which are left alone. A NULL value is a
 * description that exists but says nothing: ''.
 */
function descriptionsOf(s: CatalogSnapshot): Map<number, Map<number, string>> {
  const out = new Map<number, Map<number, string>>();
  for (const p of s.extended_properties ?? []) {
    if (p.name.toLowerCase() !== MS_DESCRIPTION.toLowerCase()) continue;
    const ofObject = out.get(p.major_id);
    if (ofObject === undefined) out.set(p.major_id, new Map([[p.minor_id, p.value ?? '']]));
    else ofObject.set(p.minor_id, p.value ?? '');
  }
  return out;
}

/** The server's edition and version, when the snapshot recorded them (older snapshots did not). */
function serverFacts(s: CatalogSnapshot): { server?: ServerFacts } {
  if (typeof s.engine_edition !== 'number' || typeof s.product_major_version !== 'number') return {};
  return { server: { engineEdition: s.engine_edition, edition: s.edition ?? '', majorVersion: s.product_major_version } };
}

/** Key columns by key_ordinal; INCLUDE columns (key_ordinal 0) in definition order. */
/**
 * An XML or spatial index: its one column (whether sys.index_columns lists it as a key or not),
 * nonclustered, not unique, no INCLUDE or filter, and its options. No placement is read: XML
 * indexes live with their table (CREATE XML INDEX has no ON), and schemac does not model a
 * spatial index's ON filegroup (it builds one where the table is).
 */
function xmlOrSpatialIndex(
  i: IndexRow, columns: readonly string[], reading: { readonly xml: XmlIndexDefinition } | { readonly spatial: SpatialIndexDefinition }, compression: DataCompression | undefined,
): Index {
  return {
    name: i.name, isSystemNamed: false, columns: columns.map((name) => ({ name, descending: false })), include: [], unique: false, clustered: false, filter: null,
    // A spatial index takes DATA_COMPRESSION; an XML index has XML_COMPRESSION instead (not modelled).
    ...('spatial' in reading && compression !== undefined ? { dataCompression: compression } : {}),
    ...reading, ...indexOptionsOfRow(i),
  };
}

function indexParts(rows: readonly IndexColumnRow[], name: (columnId: number) => string): { columns: IndexColumn[]; include: string[] } {
  const keys: IndexColumnRow[] = [];
  const included: IndexColumnRow[] = [];
  for (const r of rows) (r.is_included_column ? included : keys).push(r);
  // Rows usually arrive in key order (the catalog query sorts them): sort only when they do not.
  if (!inKeyOrder(keys)) keys.sort((a, b) => a.key_ordinal - b.key_ordinal);
  if (included.length > 1) included.sort((a, b) => (a.index_column_id ?? 0) - (b.index_column_id ?? 0) || a.column_id - b.column_id);
  return {
    columns: keys.map((r) => ({ name: name(r.column_id), descending: r.is_descending_key })),
    include: included.map((r) => name(r.column_id)),
  };
}

/** Whether key columns are already in key_ordinal order. */
function inKeyOrder(keys: readonly IndexColumnRow[]): boolean {
  for (let i = 1; i < keys.length; i++) if ((keys[i - 1] as IndexColumnRow).key_ordinal > (keys[i] as IndexColumnRow).key_ordinal) return false;
  return true;
}

function readColumns(
  table: TableRow,
  rows: readonly ColumnRow[],
  databaseCollation: string,
  expression: (text: string, what: string) => SqlExpression,
  diagnostics: Diagnostic[],
  bindings: BindingReader,
): Column[] {
  const where = `${table.schema_name}.${table.name}`;
  const columns: Column[] = [];
  // Rows usually arrive in column_id order (the catalog query sorts them): sort only when they do not.
  const inOrder = rows.every((c, i) => i === 0 || (rows[i - 1] as ColumnRow).column_id <= c.column_id);
  for (const c of inOrder ? rows : [...rows].sort((a, b) => a.column_id - b.column_id)) {
    const type = columnType(c);
    // findOpaque took every column without a model type out before this point.
    if (!type.ok) throw new Error(`catalog: ${where}.${c.name} reached the model without a type: ${type.problem}`);
    let computed: Column['computed'] = null;
    if (c.is_computed) {
      if (c.computed_definition === null) {
        diagnostics.push({ code: CatalogCodes.inconsistentRows, severity: 'error', message: `${where}: column ${c.name} is computed but has no computed_definition` });
        continue;
      }
      computed = { expression: expression(c.computed_definition, `computed column ${c.name}`), persisted: c.is_persisted ?? false };
    }
    const period = periodOfRow(c);
    // Optional properties are set after the literal (object spreads cost per column), in the same order.
    const column: Writable<Column> = {
      name: c.name,
      type: type.type,
      nullable: c.is_nullable,
      identity: c.is_identity
        ? identityOf(c)
        : null,
      // The compiler writes null for "the database default"; so must we, whatever the case.
      collation: c.collation_name === null || collationKey(c.collation_name) === collationKey(databaseCollation) ? null : c.collation_name,
      computed,
    };
    if (c.is_sparse === true) column.sparse = true;
    if (c.is_rowguidcol === true) column.rowguidcol = true;
    // sys.masked_columns names the function of every masked column (is_masked is its flag).
    if (c.masking_function !== undefined && c.masking_function !== null) column.mask = normalizeMask(c.masking_function);
    const encryption = encryptionOfRow(c);
    if (encryption !== undefined) column.encryption = encryption;
    if (period !== undefined) column.period = period;
    const bound = bindings.of(c, `${where}.${c.name}`);
    if (bound.boundDefault !== undefined) column.boundDefault = bound.boundDefault;
    if (bound.boundRule !== undefined) column.boundRule = bound.boundRule;
    columns.push(column);
  }
  return columns;
}

/** A column row's IDENTITY: seed, increment and NOT FOR REPLICATION (only when set, as the compiler leaves it out). */
function identityOf(c: ColumnRow): Identity {
  const seed = decimalString(c.seed_value ?? 1);
  const increment = decimalString(c.increment_value ?? 1);
  return c.is_not_for_replication === true ? { seed, increment, notForReplication: true } : { seed, increment };
}


/** A table's resumable builds that have not ended (sys.index_resumable_operations), in index_id order. */
function resumableBuildsOf(rows: readonly ResumableOperationRow[] | undefined): { resumableBuilds?: ResumableIndexBuild[] } {
  if (rows === undefined || rows.length === 0) return {};
  return {
    resumableBuilds: [...rows].sort((a, b) => a.index_id - b.index_id)
      .map((r) => ({ index: r.name, indexId: r.index_id, state: r.state_desc, percentComplete: r.percent_complete })),
  };
}

/** The model's lockEscalation: absent for TABLE, the default (and for a snapshot without the column). */
function lockEscalationFact(stored: number | null | undefined): { lockEscalation?: 'AUTO' | 'DISABLE' } {
  const value = lockEscalationOf(stored);
  return value === 'TABLE' ? {} : { lockEscalation: value };
}

/** A column's Always Encrypted settings (sys.columns.encryption_type and its key), or undefined for plaintext. */
function encryptionOfRow(c: ColumnRow): Column['encryption'] {
  const type = encryptionTypeOfCode(c.encryption_type ?? 0);
  if (type === null || c.column_encryption_key_name === undefined || c.column_encryption_key_name === null) return undefined;
  return { key: c.column_encryption_key_name, type, algorithm: c.encryption_algorithm_name ?? AE_ALGORITHM };
}
