/**
 * What one table of a generated catalog holds, before it becomes sys.* rows: the schema-side
 * description in catalog terms. Drifts (drift.ts) edit these shapes; snapshot.ts turns them into rows.
 */
import {
  BASE_COLUMNS, BASE_INDEXES, AUDITED_INDEXES, OWN_COLUMNS, OWN_INDEXES, parentOf, STATUS_VALUES, storedInCheck,
  tableName, TENANT_COLUMNS, type ColumnSpec, type IndexSpec,
} from './synthetic-table';

/** One table as the catalog will describe it; names are final (no `{table}`). */
export interface TableShape {
  readonly name: string;
  columns: ColumnSpec[];
  indexes: IndexSpec[];
  checks: { readonly name: string; readonly definition: string }[];
  defaults: { readonly column: string; readonly definition: string }[];
  foreignKeys: { readonly name: string; readonly column: string; readonly refTable: string; readonly refColumn: string }[];
}

function named(ix: IndexSpec, table: string): IndexSpec {
  return { ...ix, name: ix.name.replace('{table}', table) };
}

function defaultsOf(columns: readonly ColumnSpec[]): TableShape['defaults'] {
  return columns.filter((c) => c.storedDefault !== null).map((c) => ({ column: c.name, definition: c.storedDefault as string }));
}

/** The tenants table exactly as the example's tenants.schema.ts declares it. */
export function tenantsShape(): TableShape {
  return {
    name: 'tenants',
    columns: [...TENANT_COLUMNS],
    indexes: AUDITED_INDEXES.map((ix) => named(ix, 'tenants')),
    checks: [],
    defaults: defaultsOf(TENANT_COLUMNS),
    foreignKeys: [],
  };
}

/** The i-th generated table exactly as its schema file declares it. */
export function entityShape(i: number): TableShape {
  const name = tableName(i);
  const columns = [...BASE_COLUMNS, ...OWN_COLUMNS];
  const parent = parentOf(i);
  const foreignKeys: TableShape['foreignKeys'] = [{ name: `fk_${name}_tenant`, column: 'tenant_id', refTable: 'tenants', refColumn: 'id' }];
  if (parent !== null) foreignKeys.push({ name: `fk_${name}_parent`, column: 'parent_id', refTable: tableName(parent), refColumn: 'id' });
  return {
    name,
    columns,
    indexes: [...BASE_INDEXES, ...OWN_INDEXES].map((ix) => named(ix, name)),
    checks: [{ name: `ck_${name}_status`, definition: storedInCheck('status', STATUS_VALUES) }],
    defaults: defaultsOf(columns),
    foreignKeys,
  };
}

/** tenants plus `count` generated tables, all matching the generated schema files. */
export function matchingShapes(count: number): TableShape[] {
  const shapes = [tenantsShape()];
  for (let i = 1; i <= count; i++) shapes.push(entityShape(i));
  return shapes;
}
