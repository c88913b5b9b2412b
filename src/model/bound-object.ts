/**
 * A stand-alone default or rule (CREATE DEFAULT / CREATE RULE; sys.objects type D with
 * parent_object_id 0, or R), as a column or alias type it is bound to names it.
 * https://learn.microsoft.com/sql/relational-databases/system-stored-procedures/sp-bindefault-transact-sql
 */
export interface BoundObject {
  readonly schema: string;
  readonly name: string;
  /** sys.sql_modules.definition as stored (`CREATE DEFAULT zero AS 0`); null when not visible. */
  readonly definition: string | null;
}
