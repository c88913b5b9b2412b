import type { SourceRef } from './source';
import type { SqlType } from './types';
import type { BoundObject } from './bound-object';

/**
 * A user-defined alias type (`CREATE TYPE dbo.Email FROM nvarchar(320) NOT NULL`): a name for a
 * system type with its facets and a default nullability. Columns declared with it carry the
 * base type's facets and the alias's name (SqlType.alias); SQL Server stores the base type.
 */
export interface AliasTypeDef {
  readonly schema: string;
  readonly name: string;
  /** The system type it stands for, facets filled in; never itself an alias. */
  readonly base: SqlType;
  /** sys.types.is_nullable: what a column of this type is when it says neither NULL nor NOT NULL. */
  readonly nullable: boolean;
  /**
   * Catalog only: the default and rule bound to the type (sys.types.default_object_id /
   * rule_object_id, sp_bindefault / sp_bindrule on the type's name); new columns of the type
   * inherit them. Not declarable; kept.
   */
  readonly boundDefault?: BoundObject;
  readonly boundRule?: BoundObject;
  readonly source?: SourceRef;
}
