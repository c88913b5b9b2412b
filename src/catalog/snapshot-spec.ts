/**
 * The shape of every snapshot row as data: one field spec per property, which both validation
 * and serialization walk. Typed against the row interfaces so a property added to a row type
 * without a spec (or the reverse) fails to compile.
 */
import type {
  ResumableOperationRow, SecurityPolicyRow, SecurityPredicateRow, EdgeConstraintClauseRow, EdgeConstraintRow, DefaultRuleObjectRow, LedgerDroppedColumnRow, LedgerTableRow,
  CatalogSnapshot, CheckConstraintRow, ColumnRow, DefaultConstraintRow, ExtendedPropertyRow, ForeignKeyColumnRow,
  ChangeTrackingTableRow, CdcChangeTableRow, DataSpaceRow, ForeignKeyRow, FulltextIndexColumnRow, IndexDataSpaceRow, IndexColumnRow, IndexRow, KeyConstraintRow, OptionalRowArrayName, PartitionRow, StatsColumnRow, StatsRow, SynonymRow, TablePermissionRow,
  RowArrayName, RowCountRow, SpatialIndexTessellationRow, XmlIndexRow, SqlExpressionDependencyRow, SqlModuleRow, TableRow, TypeRow, ViewIndexColumnRow, ViewIndexRow, SequenceRow,
} from './snapshot-types';

/** What a property may hold. */
export type FieldKind =
  | { readonly kind: 'integer' }
  | { readonly kind: 'string' }
  | { readonly kind: 'boolean' }
  /** An integer, or a string of decimal digits (values beyond 2^53). */
  | { readonly kind: 'decimal' }
  /** Any finite number (float columns). */
  | { readonly kind: 'number' }
  | { readonly kind: 'enum'; readonly values: readonly string[] };

/** One property: its kind, whether null is allowed, whether it may be absent. */
export interface FieldSpec {
  readonly type: FieldKind;
  readonly nullable: boolean;
  readonly optional: boolean;
}

const integer: FieldSpec = { type: { kind: 'integer' }, nullable: false, optional: false };
const string: FieldSpec = { type: { kind: 'string' }, nullable: false, optional: false };
const boolean: FieldSpec = { type: { kind: 'boolean' }, nullable: false, optional: false };
const nullable = (spec: FieldSpec): FieldSpec => ({ ...spec, nullable: true });
const optional = (spec: FieldSpec): FieldSpec => ({ ...spec, optional: true });
const decimal: FieldSpec = { type: { kind: 'decimal' }, nullable: false, optional: false };
const actions: FieldSpec = { type: { kind: 'enum', values: ['NO_ACTION', 'CASCADE', 'SET_NULL', 'SET_DEFAULT'] }, nullable: false, optional: false };

/** Every row property, required unless marked optional; the map's key order is the file order. */
type RowSpec<Row> = { readonly [K in keyof Row]-?: FieldSpec };

const tables: RowSpec<TableRow> = {
  object_id: integer, schema_name: string, name: string,
  temporal_type: optional(nullable(integer)), history_table_id: optional(nullable(integer)),
  history_retention_period: optional(nullable(integer)), history_retention_period_unit: optional(nullable(integer)),
  is_memory_optimized: optional(nullable(boolean)), durability_desc: optional(nullable(string)),
  is_node: optional(nullable(boolean)), is_edge: optional(nullable(boolean)),
  lock_escalation: optional(nullable(integer)),
  is_tracked_by_cdc: optional(nullable(boolean)),
};

const columns: RowSpec<ColumnRow> = {
  object_id: integer, column_id: integer, name: string, type_name: string,
  system_type_name: optional(nullable(string)),
  type_schema_name: optional(nullable(string)),
  max_length: integer, precision: integer, scale: integer,
  is_nullable: boolean, is_identity: boolean,
  seed_value: nullable(decimal), increment_value: nullable(decimal),
  is_not_for_replication: optional(nullable(boolean)),
  collation_name: nullable(string),
  is_computed: boolean, computed_definition: nullable(string),
  is_persisted: optional(nullable(boolean)),
  is_sparse: optional(nullable(boolean)),
  is_column_set: optional(nullable(boolean)),
  is_filestream: optional(nullable(boolean)),
  generated_always_type: optional(nullable(integer)),
  is_hidden: optional(nullable(boolean)),
  xml_collection_schema: optional(nullable(string)),
  xml_collection_name: optional(nullable(string)),
  is_xml_document: optional(nullable(boolean)),
  is_rowguidcol: optional(nullable(boolean)),
  is_masked: optional(nullable(boolean)),
  masking_function: optional(nullable(string)),
  encryption_type: optional(nullable(integer)),
  encryption_algorithm_name: optional(nullable(string)),
  column_encryption_key_name: optional(nullable(string)),
  graph_type: optional(nullable(integer)),
  default_object_id: optional(nullable(integer)),
  rule_object_id: optional(nullable(integer)),
};

const indexes: RowSpec<IndexRow> = {
  object_id: integer, index_id: integer, name: string, type_desc: string,
  is_unique: boolean, is_primary_key: boolean, is_unique_constraint: boolean,
  has_filter: boolean, filter_definition: nullable(string), is_disabled: boolean,
  ignore_dup_key: optional(nullable(boolean)),
  fill_factor: optional(nullable(integer)), is_padded: optional(nullable(boolean)),
  allow_row_locks: optional(nullable(boolean)), allow_page_locks: optional(nullable(boolean)),
  optimize_for_sequential_key: optional(nullable(boolean)), no_recompute: optional(nullable(boolean)),
  bucket_count: optional(nullable(integer)),
};

const indexColumns: RowSpec<IndexColumnRow> = {
  object_id: integer, index_id: integer, index_column_id: optional(integer), column_id: integer,
  key_ordinal: integer, is_included_column: boolean, is_descending_key: boolean,
};

const keyConstraints: RowSpec<KeyConstraintRow> = {
  parent_object_id: integer, unique_index_id: integer, name: string,
  type: { type: { kind: 'enum', values: ['PK', 'UQ'] }, nullable: false, optional: false },
  is_system_named: boolean,
};

const checkConstraints: RowSpec<CheckConstraintRow> = {
  parent_object_id: integer, parent_column_id: integer, name: string, definition: string,
  is_disabled: boolean, is_not_trusted: boolean, is_system_named: boolean,
  is_not_for_replication: optional(nullable(boolean)),
};

const defaultConstraints: RowSpec<DefaultConstraintRow> = {
  parent_object_id: integer, parent_column_id: integer, name: string, definition: string,
  is_system_named: boolean,
};

const foreignKeys: RowSpec<ForeignKeyRow> = {
  object_id: integer, parent_object_id: integer, name: string, referenced_object_id: integer,
  delete_referential_action_desc: actions, update_referential_action_desc: actions,
  is_disabled: boolean, is_not_trusted: boolean, is_system_named: boolean,
  is_not_for_replication: optional(nullable(boolean)),
};

const foreignKeyColumns: RowSpec<ForeignKeyColumnRow> = {
  constraint_object_id: integer, constraint_column_id: integer,
  parent_column_id: integer, referenced_column_id: integer,
};

const rowCounts: RowSpec<RowCountRow> = { object_id: integer, rows: decimal, used_pages: optional(nullable(integer)) };

/** The spec of every row array, in file order. */
export const ROW_SPECS: { readonly [K in RowArrayName]: RowSpec<CatalogSnapshot[K][number]> } = {
  tables,
  columns,
  indexes,
  index_columns: indexColumns,
  key_constraints: keyConstraints,
  check_constraints: checkConstraints,
  default_constraints: defaultConstraints,
  foreign_keys: foreignKeys,
  foreign_key_columns: foreignKeyColumns,
  row_counts: rowCounts,
};

const fulltextIndexColumns: RowSpec<FulltextIndexColumnRow> = { object_id: integer, column_id: integer };
const partitions: RowSpec<PartitionRow> = {
  object_id: integer, index_id: integer, partition_number: integer, data_compression_desc: string, xml_compression_desc: optional(nullable(string)),
};

const types: RowSpec<TypeRow> = {
  schema_name: string, name: string, system_type_name: string,
  max_length: integer, precision: integer, scale: integer, is_nullable: boolean,
  default_object_id: optional(nullable(integer)), rule_object_id: optional(nullable(integer)),
};

const sqlModules: RowSpec<SqlModuleRow> = {
  object_id: integer, schema_name: string, name: string,
  type: { type: { kind: 'enum', values: ['V', 'P', 'FN', 'IF', 'TF', 'TR'] }, nullable: false, optional: false },
  parent_object_id: integer, definition: nullable(string),
  is_schema_bound: boolean, uses_ansi_nulls: boolean, uses_quoted_identifier: boolean,
};

const sqlExpressionDependencies: RowSpec<SqlExpressionDependencyRow> = {
  referencing_id: integer, referenced_id: integer, referenced_minor_id: integer, is_schema_bound_reference: boolean,
};

const viewIndexes: RowSpec<ViewIndexRow> = { object_id: integer, index_id: integer, name: string, type_desc: string, is_unique: boolean };

const viewIndexColumns: RowSpec<ViewIndexColumnRow> = {
  object_id: integer, index_id: integer, index_column_id: integer, column_name: string,
  key_ordinal: integer, is_included_column: boolean, is_descending_key: boolean,
};
const sequences: RowSpec<SequenceRow> = {
  object_id: integer, schema_name: string, name: string, type_name: string,
  system_type_id: optional(integer), user_type_id: optional(integer), precision: integer,
  start_value: decimal, increment: decimal, minimum_value: decimal, maximum_value: decimal,
  is_cycling: boolean, is_cached: boolean, cache_size: nullable(integer),
};
const stats: RowSpec<StatsRow> = { object_id: integer, stats_id: integer, name: string, no_recompute: boolean, is_incremental: boolean, filter_definition: nullable(string) };
const statsColumns: RowSpec<StatsColumnRow> = { object_id: integer, stats_id: integer, stats_column_id: integer, column_id: integer };
const synonyms: RowSpec<SynonymRow> = { schema_name: string, name: string, base_object_name: string };
const tablePermissions: RowSpec<TablePermissionRow> = { object_id: integer, column_id: integer, grantee: string, permission_name: string, state: string };
const resumableOperations: RowSpec<ResumableOperationRow> = { object_id: integer, index_id: integer, name: string, state_desc: string, percent_complete: integer };
const dataSpaces: RowSpec<DataSpaceRow> = { name: string, type: string, is_default: boolean };
const indexDataSpaces: RowSpec<IndexDataSpaceRow> = {
  object_id: integer, index_id: integer, data_space_name: string, data_space_type: string, partition_column: nullable(string),
};
const float: FieldSpec = { type: { kind: 'number' }, nullable: true, optional: false };
const xmlIndexes: RowSpec<XmlIndexRow> = {
  object_id: integer, index_id: integer, using_xml_index_id: nullable(integer), secondary_type_desc: nullable(string), xml_index_type: integer,
};
const spatialIndexTessellations: RowSpec<SpatialIndexTessellationRow> = {
  object_id: integer, index_id: integer, tessellation_scheme: string,
  bounding_box_xmin: float, bounding_box_ymin: float, bounding_box_xmax: float, bounding_box_ymax: float,
  level_1_grid_desc: nullable(string), level_2_grid_desc: nullable(string), level_3_grid_desc: nullable(string), level_4_grid_desc: nullable(string),
  cells_per_object: nullable(integer),
};
const edgeConstraints: RowSpec<EdgeConstraintRow> = {
  object_id: integer, parent_object_id: integer, name: string,
  delete_referential_action_desc: { type: { kind: 'enum', values: ['NO_ACTION', 'CASCADE'] }, nullable: false, optional: false },
  is_disabled: boolean, is_not_trusted: boolean, is_system_named: boolean,
};
const edgeConstraintClauses: RowSpec<EdgeConstraintClauseRow> = { object_id: integer, clause_number: integer, from_object_id: integer, to_object_id: integer };
const changeTrackingTables: RowSpec<ChangeTrackingTableRow> = { object_id: integer, is_track_columns_updated_on: boolean };
const cdcChangeTables: RowSpec<CdcChangeTableRow> = { source_object_id: integer, capture_instance: string };
const ledgerTables: RowSpec<LedgerTableRow> = {
  object_id: integer, ledger_type: integer, ledger_view_id: nullable(integer), history_table_id: nullable(integer),
  is_dropped_ledger_table: boolean, ledger_view_schema_name: nullable(string), ledger_view_name: nullable(string),
};
const ledgerDroppedColumns: RowSpec<LedgerDroppedColumnRow> = { object_id: integer, column_id: integer };
const defaultRuleObjects: RowSpec<DefaultRuleObjectRow> = { object_id: integer, schema_name: string, name: string, type: string, definition: nullable(string) };
const securityPolicies: RowSpec<SecurityPolicyRow> = {
  object_id: integer, schema_name: string, name: string, is_enabled: boolean, is_schema_bound: boolean, is_not_for_replication: boolean,
};
const securityPredicates: RowSpec<SecurityPredicateRow> = {
  object_id: integer, security_predicate_id: integer, target_object_id: integer, target_schema_name: string, target_name: string,
  predicate_definition: string,
  predicate_type_desc: { type: { kind: 'enum', values: ['FILTER', 'BLOCK'] }, nullable: false, optional: false },
  operation_desc: { type: { kind: 'enum', values: ['AFTER INSERT', 'AFTER UPDATE', 'BEFORE UPDATE', 'BEFORE DELETE'] }, nullable: true, optional: false },
};
const extendedProperties: RowSpec<ExtendedPropertyRow> = { major_id: integer, minor_id: integer, name: string, value: nullable(string) };

/** The spec of every optional row array: checked and written only when the snapshot has it. */
export const OPTIONAL_ROW_SPECS: { readonly [K in OptionalRowArrayName]: RowSpec<NonNullable<CatalogSnapshot[K]>[number]> } = {
  fulltext_index_columns: fulltextIndexColumns,
  partitions,
  types,
  sql_modules: sqlModules,
  sql_expression_dependencies: sqlExpressionDependencies,
  view_indexes: viewIndexes,
  view_index_columns: viewIndexColumns,
  extended_properties: extendedProperties,
  sequences,
  resumable_operations: resumableOperations,
  stats,
  stats_columns: statsColumns,
  synonyms,
  table_permissions: tablePermissions,
  data_spaces: dataSpaces,
  index_data_spaces: indexDataSpaces,
  xml_indexes: xmlIndexes,
  spatial_index_tessellations: spatialIndexTessellations,
  edge_constraints: edgeConstraints,
  edge_constraint_clauses: edgeConstraintClauses,
  change_tracking_tables: changeTrackingTables,
  cdc_change_tables: cdcChangeTables,
  ledger_tables: ledgerTables,
  ledger_dropped_columns: ledgerDroppedColumns,
  default_rule_objects: defaultRuleObjects,
  security_policies: securityPolicies,
  security_predicates: securityPredicates,
};

/** Optional row array names in file order (after the required ones). */
export const OPTIONAL_ROW_ARRAYS = Object.keys(OPTIONAL_ROW_SPECS) as OptionalRowArrayName[];

/** Properties that order the optional arrays' rows when serializing. */
export const OPTIONAL_ROW_ORDER: { readonly [K in OptionalRowArrayName]: readonly string[] } = {
  fulltext_index_columns: ['object_id', 'column_id'],
  partitions: ['object_id', 'index_id', 'partition_number'],
  types: ['schema_name', 'name'],
  sql_modules: ['object_id'],
  sql_expression_dependencies: ['referencing_id', 'referenced_id', 'referenced_minor_id'],
  view_indexes: ['object_id', 'index_id'],
  view_index_columns: ['object_id', 'index_id', 'index_column_id'],
  extended_properties: ['major_id', 'minor_id', 'name'],
  sequences: ['schema_name', 'name'],
  resumable_operations: ['object_id', 'index_id'],
  stats: ['object_id', 'stats_id'],
  stats_columns: ['object_id', 'stats_id', 'stats_column_id'],
  synonyms: ['schema_name', 'name'],
  table_permissions: ['object_id', 'column_id', 'grantee', 'permission_name'],
  data_spaces: ['name'],
  index_data_spaces: ['object_id', 'index_id'],
  xml_indexes: ['object_id', 'index_id'],
  spatial_index_tessellations: ['object_id', 'index_id'],
  edge_constraints: ['parent_object_id', 'name'],
  edge_constraint_clauses: ['object_id', 'clause_number'],
  change_tracking_tables: ['object_id'],
  cdc_change_tables: ['source_object_id', 'capture_instance'],
  ledger_tables: ['object_id'],
  ledger_dropped_columns: ['object_id', 'column_id'],
  default_rule_objects: ['object_id'],
  security_policies: ['object_id'],
  security_predicates: ['object_id', 'security_predicate_id'],
};

/** Row array names in file order. */
export const ROW_ARRAYS = Object.keys(ROW_SPECS) as RowArrayName[];

/** Properties that order each array's rows when serializing (the queries' ORDER BY). */
export const ROW_ORDER: { readonly [K in RowArrayName]: readonly string[] } = {
  tables: ['object_id'],
  columns: ['object_id', 'column_id'],
  indexes: ['object_id', 'index_id'],
  index_columns: ['object_id', 'index_id', 'index_column_id', 'key_ordinal', 'column_id'],
  key_constraints: ['parent_object_id', 'name'],
  check_constraints: ['parent_object_id', 'name'],
  default_constraints: ['parent_object_id', 'name'],
  foreign_keys: ['parent_object_id', 'name'],
  foreign_key_columns: ['constraint_object_id', 'constraint_column_id'],
  row_counts: ['object_id'],
};
