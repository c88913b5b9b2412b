/** Table shapes to a `schemac.catalog/v1` snapshot, rows shaped as SQL Server's sys.* views return them. */
import {
  SNAPSHOT_FORMAT, type CatalogSnapshot, type CheckConstraintRow, type ColumnRow, type DefaultConstraintRow,
  type ForeignKeyColumnRow, type ForeignKeyRow, type IndexColumnRow, type IndexRow, type KeyConstraintRow, type TableRow,
} from '../src/catalog/snapshot-types';
import { COLLATION } from './synthetic-table';
import type { TableShape } from './table-shape';

/** Rows every generated table claims to hold (below the large-table hazard threshold on purpose). */
const ROWS_PER_TABLE = 1000;

// Object ids: each table gets a block of 100 ids for itself and its constraints.
const tableId = (n: number): number => 1_000_000 + n * 100;

/** Builds the snapshot of the given tables, in order; the first table gets the lowest object id. */
export function buildSnapshot(shapes: readonly TableShape[], database = 'bench'): CatalogSnapshot {
  const ids = new Map(shapes.map((s, n) => [s.name, tableId(n)] as const));
  const columnIds = new Map<string, Map<string, number>>();
  for (const s of shapes) columnIds.set(s.name, new Map(s.columns.map((c, k) => [c.name, k + 1] as const)));
  const colId = (table: string, column: string): number => {
    const id = columnIds.get(table)?.get(column);
    if (id === undefined) throw new Error(`bench: ${table}.${column} is not in the generated catalog`);
    return id;
  };
  const objId = (table: string): number => {
    const id = ids.get(table);
    if (id === undefined) throw new Error(`bench: table ${table} is not in the generated catalog`);
    return id;
  };

  const tables: TableRow[] = [];
  const columns: ColumnRow[] = [];
  const indexes: IndexRow[] = [];
  const indexColumns: IndexColumnRow[] = [];
  const keys: KeyConstraintRow[] = [];
  const checks: CheckConstraintRow[] = [];
  const defaults: DefaultConstraintRow[] = [];
  const fks: ForeignKeyRow[] = [];
  const fkColumns: ForeignKeyColumnRow[] = [];
  for (const s of shapes) {
    const oid = objId(s.name);
    let nextObject = oid + 1;
    tables.push({ object_id: oid, schema_name: 'dbo', name: s.name });
    s.columns.forEach((c, k) => columns.push({ object_id: oid, column_id: k + 1, name: c.name, ...c.facts }));
    s.indexes.forEach((ix, k) => {
      const indexId = k + 1;
      indexes.push({
        object_id: oid, index_id: indexId, name: ix.name, type_desc: ix.clustered ? 'CLUSTERED' : 'NONCLUSTERED',
        is_unique: ix.unique, is_primary_key: ix.primaryKey, is_unique_constraint: false,
        has_filter: ix.filter !== null, filter_definition: ix.filter, is_disabled: false,
      });
      const parts = [...ix.keys.map((kc) => ({ ...kc, included: false })), ...ix.include.map((column) => ({ column, desc: false, included: true }))];
      parts.forEach((p, n) => indexColumns.push({
        object_id: oid, index_id: indexId, index_column_id: n + 1, column_id: colId(s.name, p.column),
        key_ordinal: p.included ? 0 : n + 1, is_included_column: p.included, is_descending_key: p.desc,
      }));
      if (ix.primaryKey) keys.push({ parent_object_id: oid, unique_index_id: indexId, name: ix.name, type: 'PK', is_system_named: false });
    });
    for (const ck of s.checks) {
      checks.push({
        parent_object_id: oid, parent_column_id: 0, name: ck.name, definition: ck.definition,
        is_disabled: false, is_not_trusted: false, is_system_named: false,
      });
    }
    for (const df of s.defaults) {
      defaults.push({
        parent_object_id: oid, parent_column_id: colId(s.name, df.column), name: `df_${s.name}_${df.column}`,
        definition: df.definition, is_system_named: false,
      });
    }
    for (const fk of s.foreignKeys) {
      const fkId = nextObject++;
      fks.push({
        object_id: fkId, parent_object_id: oid, name: fk.name, referenced_object_id: objId(fk.refTable),
        delete_referential_action_desc: 'NO_ACTION', update_referential_action_desc: 'NO_ACTION',
        is_disabled: false, is_not_trusted: false, is_system_named: false,
      });
      fkColumns.push({ constraint_object_id: fkId, constraint_column_id: 1, parent_column_id: colId(s.name, fk.column), referenced_column_id: colId(fk.refTable, fk.refColumn) });
    }
  }
  return {
    format: SNAPSHOT_FORMAT, database, server_version: '16.0.4135.4', database_collation: COLLATION, schemas: ['dbo'],
    tables, columns, indexes, index_columns: indexColumns, key_constraints: keys, check_constraints: checks,
    default_constraints: defaults, foreign_keys: fks, foreign_key_columns: fkColumns,
    row_counts: tables.map((t) => ({ object_id: t.object_id, rows: ROWS_PER_TABLE })),
  };
}
