/**
 * SQL Server's rules for bound defaults and rules (CREATE DEFAULT + sp_bindefault, CREATE RULE +
 * sp_bindrule), the deprecated forerunners of DEFAULT and CHECK constraints.
 * "A default can't be bound to text, ntext, image, varchar(max), nvarchar(max), varbinary(max),
 * xml, timestamp, or CLR user-defined type columns, or to columns with the IDENTITY property,
 * computed columns, or columns that already have DEFAULT constraints"
 * (https://learn.microsoft.com/sql/relational-databases/system-stored-procedures/sp-bindefault-transact-sql);
 * sp_bindrule names the same types and computed columns
 * (https://learn.microsoft.com/sql/relational-databases/system-stored-procedures/sp-bindrule-transact-sql).
 */
import type { SqlType, SqlTypeName } from '../model';

// hierarchyid, geography and geometry are CLR types SQL Server ships (inferred: "CLR user-defined type" covers them).
const UNBINDABLE: ReadonlySet<SqlTypeName> = new Set<SqlTypeName>(['text', 'ntext', 'image', 'xml', 'rowversion', 'hierarchyid', 'geography', 'geometry']);

/** Whether a default or rule can be bound to a column of this type. */
export function takesBinding(type: SqlType): boolean {
  return !UNBINDABLE.has(type.name) && type.length !== 'max';
}
