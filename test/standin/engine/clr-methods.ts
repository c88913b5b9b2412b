/**
 * Methods of the hierarchyid type called on a column (`DocumentNode.GetLevel()`), as computed
 * columns use them (AdventureWorks' Production.Document and HumanResources.Employee). The parser
 * reads `col.Method(...)` as a call of a dotted name, the form a schema-qualified user function
 * has; a dotted name whose leading parts resolve to a hierarchyid column in scope is this call
 * instead. Types from "hierarchyid data type method reference"
 * (https://learn.microsoft.com/sql/t-sql/data-types/hierarchyid-data-type-method-reference):
 * GetLevel() returns smallint, ToString() nvarchar(4000), GetAncestor and GetDescendant
 * hierarchyid, IsDescendantOf bit. SQL Server keeps the call as `([OrganizationNode].[GetLevel]())`
 * (SSMS-scripted AdventureWorks databases), the form stored-form gives it. Values: the stand-in keeps a hierarchyid as its canonical
 * string ('/1/2/'), so GetLevel counts its nodes and ToString returns it (inferred; a value in
 * another form is not supported).
 */
import type { Expr } from './ast';
import type { Value } from './catalog';
import { err } from './errors';
import type { Scope } from './scope';
import { resolveColumn } from './scope';
import { ty, type SqlType } from './types';

type FnCall = Extract<Expr, { k: 'fn' }>;

const RESULT: Readonly<Record<string, SqlType>> = {
  GETLEVEL: ty.smallint,
  TOSTRING: ty.nvarchar(4000),
  GETANCESTOR: { name: 'hierarchyid', maxLength: 892, precision: 0, scale: 0 },
  GETDESCENDANT: { name: 'hierarchyid', maxLength: 892, precision: 0, scale: 0 },
  GETREPARENTEDVALUE: { name: 'hierarchyid', maxLength: 892, precision: 0, scale: 0 },
  ISDESCENDANTOF: ty.bit,
};

/** The column a method call is made on and the method (upper case), or null when `e` is not one. */
export function hierarchyMethod(e: FnCall, scope: Scope | undefined): { readonly column: readonly string[]; readonly method: string } | null {
  const parts = e.name.split('.');
  if (scope === undefined || parts.length < 2) return null;
  const column = parts.slice(0, -1);
  const method = parts[parts.length - 1]!.toUpperCase();
  let type: SqlType;
  try { type = resolveColumn(scope, column).col.type; } catch { return null; }
  return type.name === 'hierarchyid' && RESULT[method] !== undefined ? { column, method } : null;
}

/** The type a hierarchyid method returns. */
export function hierarchyMethodType(method: string): SqlType {
  return RESULT[method]!;
}

/** A hierarchyid method's value on the column's value. */
export function hierarchyMethodValue(method: string, value: Value): Value {
  if (value === null) return null;
  if (typeof value !== 'string') throw err.notSupported(`hierarchyid ${method.toLowerCase()}() on a value not kept as its string form`);
  switch (method) {
    case 'GETLEVEL': return value.split('/').filter((n) => n !== '').length;
    case 'TOSTRING': return value;
    default: throw err.notSupported(`hierarchyid ${method.toLowerCase()}() values`);
  }
}
