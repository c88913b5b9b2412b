/**
 * SELECT ... INTO new_table FROM ... (https://learn.microsoft.com/sql/t-sql/queries/select-into-clause-transact-sql):
 * a new heap whose columns are the query's output columns (names, types, nullability), filled
 * with its rows. "When an existing identity column is selected into a new table, the new column
 * inherits the IDENTITY property" (unless the query joins, groups or the column is in an
 * expression); the identity's next value follows the rows copied. A name already taken is Msg
 * 2714 (createTable's), a column without a name Msg 1038.
 */
import type { ColumnDef, Name, TypeRef } from './ast';
import type { Value } from './catalog';
import { findColumn, findTable } from './catalog';
import type { DdlContext } from './ddl-constraints';
import { createTable } from './ddl';
import type { SelectResult } from './select';
import { resolveName } from './select';
import type { SqlType } from './types';
import { convert } from './values';
import { SqlError } from './errors';

/** The written form of a resolved type, as CREATE TABLE reads it. */
function typeRef(t: SqlType): TypeRef {
  switch (t.name) {
    case 'varchar': case 'char': case 'varbinary': case 'binary': return { name: t.name, args: [t.maxLength === -1 ? 'max' : t.maxLength] };
    case 'nvarchar': case 'nchar': return { name: t.name, args: [t.maxLength === -1 ? 'max' : t.maxLength / 2] };
    case 'decimal': case 'numeric': return { name: t.name, args: [t.precision, t.scale] };
    case 'datetime2': case 'time': case 'datetimeoffset': return { name: t.name, args: [t.scale] };
    default: return { name: t.name, args: [] };
  }
}

/** Creates `into` from a SELECT's result and inserts its rows; returns the row count. */
export function selectInto(ctx: DdlContext, into: Name, r: SelectResult, plainFrom: boolean): number {
  const visible = r.columns.filter((c) => c.hidden !== true);
  const defs: ColumnDef[] = visible.map((c) => {
    if (c.name === '') throw new SqlError(1038, 15, 5, 'An object or column name is missing or empty. For SELECT INTO statements, verify each column has a name. For other statements, look for empty alias names. Aliases defined as "" or [] are not allowed. Change the alias to a valid name.', 'compile');
    const identity = plainFrom && c.source ? findColumn(c.source.table, c.source.column)?.identity : undefined;
    return { name: c.name, type: typeRef(c.type), nullable: identity ? false : c.nullable, constraints: [], ...(identity ? { identity: { seed: identity.seed, increment: identity.increment } } : {}) };
  });
  createTable(ctx, into, defs, []);
  const { db, schema, name } = resolveName(ctx.host, into);
  const t = findTable(db, schema, name);
  if (!t) return 0;
  t.rows = r.rows.map((row) => {
    const out: Value[] = [];
    t.columns.forEach((c, i) => { out[c.columnId] = convert(row[r.columns.indexOf(visible[i])] ?? null, c.type); });
    return out;
  });
  for (const c of t.columns) {
    if (!c.identity) continue;
    const values = t.rows.map((row) => row[c.columnId]).filter((v): v is number => typeof v === 'number');
    if (values.length > 0) c.identity.last = c.identity.increment > 0 ? Math.max(...values) : Math.min(...values);
  }
  return t.rows.length;
}
