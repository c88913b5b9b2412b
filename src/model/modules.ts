import type { Index } from './database';

/**
 * The kind of an SQL module, from sys.objects.type: V view, P procedure, FN scalar function, IF
 * inline table-valued function, TF multi-statement table-valued function, TR DML trigger.
 */
export type ModuleType = 'V' | 'P' | 'FN' | 'IF' | 'TF' | 'TR';

/** How a module's referenced columns are known. */
export type ReferenceColumns =
  /** sys.sql_expression_dependencies lists them (schema-bound references: exact). */
  | 'catalog'
  /**
   * Inferred: the catalog lists only the table (non-schema-bound references have
   * referenced_minor_id 0), so the table's columns named in the module's text are taken.
   */
  | 'text'
  /** Unknown: no definition to read (encrypted, or VIEW DEFINITION not granted). */
  | 'unknown';

/** One object a module names: a table (with the columns it reads) or another module. */
export interface ModuleReference {
  readonly schema: string;
  readonly name: string;
  /** Whether the referenced object is a table (else a view or function). */
  readonly isTable: boolean;
  /** Referenced columns, as the catalog names them; empty when only the object is known. */
  readonly columns: readonly string[];
  readonly columnsFrom: ReferenceColumns;
  /** sys.sql_expression_dependencies.is_schema_bound_reference. */
  readonly schemaBound: boolean;
}

/**
 * Catalog only: a view, procedure, function or trigger. schemac never manages these (they are
 * never compiled from schema files, never diffed and never dropped for being undeclared); it
 * reads what they reference so that a change that would break one is a hazard naming it, and a
 * schema-bound one in the way of a change is dropped and re-created from its own definition.
 */
export interface DependentModule {
  readonly schema: string;
  readonly name: string;
  readonly type: ModuleType;
  /** sys.sql_modules.is_schema_bound (WITH SCHEMABINDING). */
  readonly schemaBound: boolean;
  /** sys.sql_modules.definition, exactly as stored; null when encrypted or not visible. */
  readonly definition: string | null;
  /** sys.sql_modules.uses_ansi_nulls / uses_quoted_identifier: the SET options it was created under. */
  readonly ansiNulls: boolean;
  readonly quotedIdentifier: boolean;
  /** The table a trigger belongs to (sys.objects.parent_object_id); null for others. */
  readonly parent: { readonly schema: string; readonly name: string } | null;
  readonly references: readonly ModuleReference[];
  /** Indexes on an indexed view (clustered first); empty otherwise. */
  readonly indexes: readonly Index[];
  /**
   * The name the stored definition creates (`CREATE VIEW [x].[y]`), when it can be read. It differs
   * from the real name after sp_rename, which does not update sys.sql_modules.definition; such a
   * definition cannot re-create the object under its name.
   */
  readonly definedName: { readonly schema: string | null; readonly name: string } | null;
}
