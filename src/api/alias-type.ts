/**
 * `AliasType.<base>(...)`: a user-defined alias type (`CREATE TYPE dbo.Email FROM nvarchar(320)
 * NOT NULL`), declared once as a `const` and used by columns through `Column.alias(Email)`. The
 * base types are those CREATE TYPE accepts
 * (https://learn.microsoft.com/sql/t-sql/statements/create-type-transact-sql); an alias of an
 * alias (sysname included) or of xml, rowversion or a CLR type is not offered. At run time the
 * calls do nothing; the compiler reads them from the source text.
 */
import type { ColumnOptions, IdentityColumnOptions, Length, StringColumnOptions } from './column-options';

/** Where an alias type lives and what a column of it is when it does not say. */
export interface AliasTypeOptions {
  /** The type's name; the const's name when left out. */
  readonly name?: string;
  /** Its schema; the project's default schema (dbo) when left out. */
  readonly schema?: string;
  /** Columns of the type allow NULL unless they say otherwise; SQL Server's default is NULL, schemac's NOT NULL. */
  readonly nullable?: boolean;
}

/**
 * A declared alias type. V is what a field of a column of this type holds; O the options such a
 * column takes (collation only for character types, identity only for exact numbers).
 */
export interface AliasTypeRef<V, O> {
  /** Type-level only: never set, it carries V and O to Column.alias. */
  readonly __alias?: { readonly value: V; readonly options: O };
}

/** Date and time fields may be Date objects or ISO strings. */
type Temporal = Date | string;

function ref<V, O>(): AliasTypeRef<V, O> {
  return {};
}

/** Alias type declarations, one per base type CREATE TYPE accepts. */
export const AliasType = {
  bigint: (options?: AliasTypeOptions): AliasTypeRef<number | bigint | string, IdentityColumnOptions> => ref(),
  int: (options?: AliasTypeOptions): AliasTypeRef<number, IdentityColumnOptions> => ref(),
  smallint: (options?: AliasTypeOptions): AliasTypeRef<number, IdentityColumnOptions> => ref(),
  tinyint: (options?: AliasTypeOptions): AliasTypeRef<number, IdentityColumnOptions> => ref(),
  bit: (options?: AliasTypeOptions): AliasTypeRef<boolean, ColumnOptions<boolean | 0 | 1>> => ref(),
  /** decimal(precision = 18, scale = 0). */
  decimal: (precision?: number, scale?: number, options?: AliasTypeOptions): AliasTypeRef<number | string, IdentityColumnOptions> => ref(),
  /** numeric(precision = 18, scale = 0). */
  numeric: (precision?: number, scale?: number, options?: AliasTypeOptions): AliasTypeRef<number | string, IdentityColumnOptions> => ref(),
  money: (options?: AliasTypeOptions): AliasTypeRef<number | string, ColumnOptions<number>> => ref(),
  smallmoney: (options?: AliasTypeOptions): AliasTypeRef<number | string, ColumnOptions<number>> => ref(),
  float: (bits?: number, options?: AliasTypeOptions): AliasTypeRef<number, ColumnOptions<number>> => ref(),
  real: (options?: AliasTypeOptions): AliasTypeRef<number, ColumnOptions<number>> => ref(),
  date: (options?: AliasTypeOptions): AliasTypeRef<Temporal, ColumnOptions<string>> => ref(),
  time: (scale?: number, options?: AliasTypeOptions): AliasTypeRef<Temporal, ColumnOptions<string>> => ref(),
  datetime: (options?: AliasTypeOptions): AliasTypeRef<Temporal, ColumnOptions<string>> => ref(),
  datetime2: (scale?: number, options?: AliasTypeOptions): AliasTypeRef<Temporal, ColumnOptions<string>> => ref(),
  datetimeoffset: (scale?: number, options?: AliasTypeOptions): AliasTypeRef<Temporal, ColumnOptions<string>> => ref(),
  smalldatetime: (options?: AliasTypeOptions): AliasTypeRef<Temporal, ColumnOptions<string>> => ref(),
  char: (length: number, options?: AliasTypeOptions): AliasTypeRef<string, StringColumnOptions> => ref(),
  varchar: (length: Length, options?: AliasTypeOptions): AliasTypeRef<string, StringColumnOptions> => ref(),
  nchar: (length: number, options?: AliasTypeOptions): AliasTypeRef<string, StringColumnOptions> => ref(),
  nvarchar: (length: Length, options?: AliasTypeOptions): AliasTypeRef<string, StringColumnOptions> => ref(),
  binary: (length: number, options?: AliasTypeOptions): AliasTypeRef<Uint8Array, ColumnOptions<never>> => ref(),
  varbinary: (length: Length, options?: AliasTypeOptions): AliasTypeRef<Uint8Array, ColumnOptions<never>> => ref(),
  uniqueidentifier: (options?: AliasTypeOptions): AliasTypeRef<string, ColumnOptions<string>> => ref(),
  sql_variant: (options?: AliasTypeOptions): AliasTypeRef<string | number | boolean | Date | Uint8Array, ColumnOptions<number | string>> => ref(),
  /** Deprecated base types, accepted by CREATE TYPE. */
  text: (options?: AliasTypeOptions): AliasTypeRef<string, StringColumnOptions> => ref(),
  ntext: (options?: AliasTypeOptions): AliasTypeRef<string, StringColumnOptions> => ref(),
  image: (options?: AliasTypeOptions): AliasTypeRef<Uint8Array, ColumnOptions<never>> => ref(),
} as const;
