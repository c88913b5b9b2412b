/**
 * Catalog snapshots made comparable across DDL: schemac.catalog/v1 documents with every
 * object_id, index_id and column_id replaced by the name it stands for, rows sorted, and the
 * header (server version) dropped. Two databases with the same objects then compare equal even
 * when an index or constraint was dropped and created again under a new id.
 */
import { parseSnapshot, type CatalogSnapshot } from '../../../src/catalog/snapshot';
import type { CliRun } from '../../cli/run-cli';

/** A snapshot with names instead of ids, each list sorted. */
export type ComparableCatalog = Record<string, unknown[]>;

type Row = Record<string, unknown>;

/** Parses `schemac snapshot` output; throws with the run's output when it failed. */
export function snapshotOf(r: CliRun): CatalogSnapshot {
  if (r.code !== 0) throw new Error(`schemac snapshot failed (exit ${r.code}): ${r.stderr}`);
  return parseSnapshot(r.stdout, 'schemac snapshot');
}

/**
 * SQL Server names a graph table's internal columns and its graph index with a fresh hex suffix
 * each time the table is created (sql-graph-architecture: `$node_id_<hex_string>`): compared
 * without it, a re-created node or edge table is the same table.
 */
function withoutGraphSuffixes(s: CatalogSnapshot): CatalogSnapshot {
  if (!s.tables.some((t) => t.is_node === true || t.is_edge === true)) return s;
  const hex = /_[0-9A-F]{32}$/i;
  return {
    ...s,
    columns: s.columns.map((c) => (c.graph_type !== undefined && c.graph_type !== null ? { ...c, name: c.name.replace(hex, '_<hex>') } : c)),
    indexes: s.indexes.map((i) => (/^GRAPH_UNIQUE_INDEX_[0-9A-F]{32}$/i.test(i.name) ? { ...i, name: 'GRAPH_UNIQUE_INDEX_<hex>' } : i)),
  };
}

/** Replaces ids by names and sorts; keeps every other property as the catalog reported it. */
export function comparable(read: CatalogSnapshot): ComparableCatalog {
  const s = withoutGraphSuffixes(read);
  const rows = (list: readonly object[]): Row[] => list.map((r) => ({ ...(r as Row) }));
  const tables = new Map<unknown, string>();
  for (const t of s.tables) tables.set(t.object_id, `${t.schema_name}.${t.name}`);
  const table = (id: unknown): string => tables.get(id) ?? `?object ${String(id)}`;
  const columns = new Map<string, string>();
  for (const c of s.columns) columns.set(`${c.object_id}/${c.column_id}`, c.name);
  const column = (objectId: unknown, columnId: unknown): string =>
    columnId === 0 ? '(table)' : columns.get(`${String(objectId)}/${String(columnId)}`) ?? `?column ${String(columnId)}`;
  const indexes = new Map<string, string>();
  for (const i of s.indexes) indexes.set(`${i.object_id}/${i.index_id}`, i.name);
  const index = (objectId: unknown, indexId: unknown): string => indexes.get(`${String(objectId)}/${String(indexId)}`) ?? `?index ${String(indexId)}`;
  const fks = new Map<unknown, string>();
  for (const f of s.foreign_keys) fks.set(f.object_id, f.name);
  // Bound defaults and rules (default_rule_objects) and DEFAULT constraints, by name.
  const defaultsAndRules = new Map<unknown, string>([
    ...(s.default_rule_objects ?? []).map((o): [unknown, string] => [o.object_id, `${o.schema_name}.${o.name}`]),
    ...s.default_constraints.map((d): [unknown, string] => [(d as { object_id?: unknown }).object_id, d.name]),
  ]);
  const defaultOrRule = (id: unknown): string | null => (id === 0 || id === null ? null : defaultsAndRules.get(id) ?? `?object ${String(id)}`);

  const out: ComparableCatalog = {
    schemas: [...(s.schemas ?? [])],
    tables: [...tables.values()],
    // Each table's own settings (versioning, graph kind, LOCK_ESCALATION, ...), its history table by name.
    table_options: rows(s.tables).map(({ object_id, schema_name, name, history_table_id, ...r }) => ({
      table: `${String(schema_name)}.${String(name)}`, ...(history_table_id === undefined ? {} : { history: history_table_id === null ? null : table(history_table_id) }), ...r,
    })),
    // A column's default and rule by name: a DEFAULT constraint dropped and added again has a new id.
    columns: rows(s.columns).map(({ object_id, column_id: _c, default_object_id, rule_object_id, ...r }) => ({
      table: table(object_id), ...r,
      ...(default_object_id === undefined ? {} : { default_object_id: defaultOrRule(default_object_id) }),
      ...(rule_object_id === undefined ? {} : { rule_object_id: defaultOrRule(rule_object_id) }),
    })),
    indexes: rows(s.indexes).map(({ object_id, index_id: _i, ...r }) => ({ table: table(object_id), ...r })),
    index_columns: rows(s.index_columns).map(({ object_id, index_id, column_id, index_column_id: _ic, ...r }) => ({
      index: `${table(object_id)}.${index(object_id, index_id)}`, column: column(object_id, column_id), ...r,
    })),
    key_constraints: rows(s.key_constraints).map(({ parent_object_id, unique_index_id, object_id: _o, ...r }) => ({
      table: table(parent_object_id), index: index(parent_object_id, unique_index_id), ...r,
    })),
    check_constraints: rows(s.check_constraints).map(({ parent_object_id, parent_column_id, object_id: _o, ...r }) => ({
      table: table(parent_object_id), column: column(parent_object_id, parent_column_id), ...r,
    })),
    default_constraints: rows(s.default_constraints).map(({ parent_object_id, parent_column_id, object_id: _o, ...r }) => ({
      table: table(parent_object_id), column: column(parent_object_id, parent_column_id), ...r,
    })),
    foreign_keys: rows(s.foreign_keys).map(({ object_id: _o, parent_object_id, referenced_object_id, ...r }) => ({
      table: table(parent_object_id), references: table(referenced_object_id), ...r,
    })),
    foreign_key_columns: rows(s.foreign_key_columns).map(({ constraint_object_id, parent_column_id, referenced_column_id, ...r }) => {
      const fk = s.foreign_keys.find((f) => f.object_id === constraint_object_id);
      return {
        constraint: fks.get(constraint_object_id) ?? `?fk ${String(constraint_object_id)}`,
        column: column(fk?.parent_object_id, parent_column_id),
        referenced_column: column(fk?.referenced_object_id, referenced_column_id),
        ...r,
      };
    }),
    row_counts: rows(s.row_counts).map(({ object_id, ...r }) => ({ table: table(object_id), ...r })),
    types: rows(s.types ?? []).map(({ default_object_id, rule_object_id, ...r }) => ({
      ...r,
      ...(default_object_id === undefined ? {} : { default_object_id: defaultOrRule(default_object_id) }),
      ...(rule_object_id === undefined ? {} : { rule_object_id: defaultOrRule(rule_object_id) }),
    })),
    // Sequences by name: a dropped and created one gets a new object_id.
    sequences: rows(s.sequences ?? []).map(({ object_id: _o, ...r }) => r),
    // Compressed heaps (index_id 0) and indexes, by name.
    partitions: rows(s.partitions ?? []).map(({ object_id, index_id, ...r }) => ({
      index: `${table(object_id)}.${index_id === 0 ? '(heap)' : index(object_id, index_id)}`, ...r,
    })),
    // Heaps and indexes off the default filegroup, by name.
    index_data_spaces: rows(s.index_data_spaces ?? []).map(({ object_id, index_id, ...r }) => ({
      index: `${table(object_id)}.${index_id === 0 ? '(heap)' : index(object_id, index_id)}`, ...r,
    })),
    // XML indexes and spatial tessellations by name; a secondary names its primary.
    xml_indexes: rows(s.xml_indexes ?? []).map(({ object_id, index_id, using_xml_index_id, ...r }) => ({
      index: `${table(object_id)}.${index(object_id, index_id)}`, using: using_xml_index_id === null ? null : index(object_id, using_xml_index_id), ...r,
    })),
    spatial_index_tessellations: rows(s.spatial_index_tessellations ?? []).map(({ object_id, index_id, ...r }) => ({ index: `${table(object_id)}.${index(object_id, index_id)}`, ...r })),
    extended_properties: rows(s.extended_properties ?? []).map(({ major_id, minor_id, ...r }) => ({
      table: table(major_id), column: column(major_id, minor_id), ...r,
    })),
    ...modulesOf(s, table, column),
    // Change tracking and CDC capture instances by table name.
    change_tracking_tables: rows(s.change_tracking_tables ?? []).map(({ object_id, ...r }) => ({ table: table(object_id), ...r })),
    cdc_change_tables: rows(s.cdc_change_tables ?? []).map(({ source_object_id, ...r }) => ({ table: table(source_object_id), ...r })),
    default_rule_objects: rows(s.default_rule_objects ?? []).map(({ object_id: _o, ...r }) => r),
    // Security policies by name; their predicates by policy and place in it (a re-created policy numbers them afresh).
    security_policies: rows(s.security_policies ?? []).map(({ object_id: _o, ...r }) => r),
    security_predicates: (s.security_predicates ?? []).map(({ object_id, security_predicate_id, target_object_id: _t, ...r }) => {
      const policy = (s.security_policies ?? []).find((p) => p.object_id === object_id);
      const place = (s.security_predicates ?? []).filter((x) => x.object_id === object_id && x.security_predicate_id < security_predicate_id).length + 1;
      return { policy: policy === undefined ? `?policy ${String(object_id)}` : `${policy.schema_name}.${policy.name}`, place, ...r };
    }),
    // Edge constraints by name, their clauses by the node tables they name.
    edge_constraints: rows(s.edge_constraints ?? []).map(({ object_id: _o, parent_object_id, ...r }) => ({ table: table(parent_object_id), ...r })),
    edge_constraint_clauses: rows(s.edge_constraint_clauses ?? []).map(({ object_id, from_object_id, to_object_id, ...r }) => ({
      constraint: (s.edge_constraints ?? []).find((e) => e.object_id === object_id)?.name ?? `?ec ${String(object_id)}`, from: table(from_object_id), to: table(to_object_id), ...r,
    })),
  };
  for (const key of Object.keys(out)) out[key] = sortRows(withoutDates(out[key]!));
  return out;
}

/** Views, procedures, functions and triggers, their dependencies and indexed views' indexes, by name. */
function modulesOf(s: CatalogSnapshot, table: (id: unknown) => string, column: (o: unknown, c: unknown) => string): ComparableCatalog {
  const names = new Map<unknown, string>((s.sql_modules ?? []).map((m) => [m.object_id, `${m.schema_name}.${m.name}`]));
  const object = (id: unknown): string => names.get(id) ?? table(id);
  const indexNames = new Map((s.view_indexes ?? []).map((i) => [`${i.object_id}/${i.index_id}`, i.name]));
  return {
    sql_modules: (s.sql_modules ?? []).map(({ object_id: _o, parent_object_id, ...r }) => ({ parent: parent_object_id === 0 ? null : table(parent_object_id), ...r })),
    sql_expression_dependencies: (s.sql_expression_dependencies ?? []).map(({ referencing_id, referenced_id, referenced_minor_id, ...r }) => ({
      referencing: object(referencing_id), referenced: object(referenced_id), column: column(referenced_id, referenced_minor_id), ...r,
    })),
    view_indexes: (s.view_indexes ?? []).map(({ object_id, index_id: _i, ...r }) => ({ view: object(object_id), ...r })),
    view_index_columns: (s.view_index_columns ?? []).map(({ object_id, index_id, ...r }) => ({ index: `${object(object_id)}.${indexNames.get(`${object_id}/${index_id}`) ?? '?'}`, ...r })),
  };
}

// Creation and modification dates change on every DDL and say nothing about structure.
function withoutDates(list: unknown[]): unknown[] {
  return list.map((r) => (typeof r === 'object' && r !== null
    ? Object.fromEntries(Object.entries(r).filter(([k]) => !/(^|_)(create|modify)_date$|_date$/.test(k)))
    : r));
}

function sortRows(list: unknown[]): unknown[] {
  return [...list].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : JSON.stringify(a) > JSON.stringify(b) ? 1 : 0));
}
