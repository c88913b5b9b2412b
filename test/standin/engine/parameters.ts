/**
 * sys.parameters (https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-parameters-transact-sql):
 * a row per parameter of each procedure and function, read again from its definition
 * (module-header.ts), and a scalar function's return value as parameter_id 0 with an empty name
 * and is_output 1. A table-valued parameter has its table type's ids (system_type_id 243,
 * ddl-table-types.ts), max_length -1 (inferred) and is_readonly 1; an alias type's parameter its
 * base's system_type_id and the alias's user_type_id. has_default_value is 0 and default_value
 * NULL: "SQL Server only maintains default values for CLR objects in this catalog view". A
 * definition the stand-in cannot read has no rows.
 */
import type { TypeRef } from './ast';
import type { Database, Value } from './catalog';
import { findUserType } from './ddl-types';
import { TABLE_TYPE_SYSTEM_ID } from './ddl-table-types';
import { moduleHeader } from './module-header';
import { modulesOf } from './modules';
import { resolveType, systemType } from './types';

/** system_type_id, user_type_id, max_length, precision, scale of a parameter's written type. */
function typeIds(db: Database, ref: TypeRef): [number, number, number, number, number] {
  const u = findUserType(db, ref.schema, ref.name);
  if (u?.table) return [TABLE_TYPE_SYSTEM_ID, u.userTypeId, -1, 0, 0];
  const t = u ? u.base : resolveType(ref);
  const st = systemType(t.name);
  return [st?.systemTypeId ?? 0, u?.userTypeId ?? st?.userTypeId ?? 0, t.maxLength, t.precision, t.scale];
}

/** The sys.parameters rows of a database's procedures and functions. */
export function parameterRows(db: Database): Value[][] {
  const rows: Value[][] = [];
  for (const m of modulesOf(db)) {
    if (m.type !== 'P' && m.type !== 'FN' && m.type !== 'IF' && m.type !== 'TF') continue;
    let h: ReturnType<typeof moduleHeader>;
    try { h = moduleHeader(m); } catch { continue; }
    const row = (name: string, id: number, ref: TypeRef, output: boolean, readonly: boolean): Value[] => [m.objectId, name, id, ...typeIds(db, ref), output ? 1 : 0, 0, 0, 0, null, 0, readonly ? 1 : 0, 1];
    if (m.type === 'FN' && h.returns) rows.push(row('', 0, h.returns, true, false));
    h.params.forEach((p, i) => { try { rows.push(row(p.name, i + 1, p.type, p.output, p.readonly)); } catch { /* a type the stand-in does not know: no row */ } });
  }
  return rows;
}
