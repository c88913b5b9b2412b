/** Hand-built models for lint tests: a clean base that no rule objects to, and position helpers. */
import type { Database, SourceRef, Table } from '../../src/model';
import { col, db, df, fk, ix, pk, table } from '../support/model-builders';

/** The file every hand-built object claims to come from. */
export const file = 'schema/app.schema.ts';

/** A position in `file`. */
export function at(line: number, column: number): SourceRef {
  return { file, line, column };
}

/** The object with a source position. */
export function placed<T extends object>(o: T, line: number, column = 1): T & { source: SourceRef } {
  return { ...o, source: at(line, column) };
}

/** A table that passes every rule: clustered identity, nonclustered GUID key, datetime2, filtered indexes. */
export function cleanTenants(): Table {
  return placed(table('tenants', {
    columns: [
      placed(col('id', 'uniqueidentifier'), 3, 3), placed(col('index_id', 'bigint', { identity: true }), 4, 3),
      placed(col('name', 'nvarchar(200)'), 5, 3), placed(col('created_at', 'datetime2'), 6, 3),
      placed(col('is_deleted', 'bit'), 7, 3),
    ],
    pk: placed(pk('pk_tenants', ['id'], { clustered: false }), 3, 3),
    defaults: [df('df_tenants_id', 'id', 'NEWID()')],
    indexes: [
      placed(ix('ix_tenants_index_id', ['index_id'], { unique: true, clustered: true }), 1),
      placed(ix('ix_tenants_name', ['name'], { unique: true, filter: 'is_deleted = 0' }), 2),
    ],
  }), 2, 8);
}

/** A child table of tenants with an indexed FK of the same type. */
export function cleanProjects(): Table {
  return placed(table('projects', {
    columns: [
      placed(col('id', 'bigint', { identity: true }), 13, 3), placed(col('tenant_id', 'uniqueidentifier'), 14, 3),
      placed(col('code', 'varchar(20)', { nullable: true }), 15, 3),
    ],
    pk: placed(pk('pk_projects', ['id']), 13, 3),
    indexes: [placed(ix('ix_projects_tenant', ['tenant_id', 'id']), 11)],
    fks: [placed(fk('fk_projects_tenant', ['tenant_id'], 'tenants', ['id']), 10)],
  }), 12, 8);
}

/** The clean two-table database. */
export function cleanDb(): Database {
  return db([cleanTenants(), cleanProjects()]);
}

/** The database with one table replaced by `change(table)`. */
export function withTable(name: string, change: (t: Table) => Table): Database {
  const base = cleanDb();
  return { ...base, tables: base.tables.map((t) => (t.name === name ? change(t) : t)) };
}
