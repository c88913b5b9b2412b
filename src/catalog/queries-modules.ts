/**
 * The catalog queries for views, procedures, functions and triggers: what they are, their stored
 * definitions, what they reference, and the indexes of indexed views. Set-based like the rest of
 * the batch: four SELECTs whatever the number of objects. Column-level references of modules
 * that are not schema-bound exist only in sys.dm_sql_referenced_entities, which takes one object
 * per call; schemac never calls it (one query per object), and infers those columns from the
 * module's text instead (catalog/to-model-modules.ts).
 */

// The module types schemac reads (sys.objects.type): views, SQL procedures, scalar, inline and
// multi-statement table-valued functions, and DML triggers. type is char(2) ('P ', 'V '): RTRIM
// hands back the code alone.
// https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-objects-transact-sql
const MODULE = `o.is_ms_shipped = 0 AND o.type IN ('V', 'P', 'FN', 'IF', 'TF', 'TR') AND SCHEMA_NAME(o.schema_id) <> N'schemac'`;

/** The module SELECTs of the catalog batch, in result-set order (appended to CATALOG_QUERIES). */
export const MODULE_QUERIES = [
  {
    name: 'sql_modules',
    // definition is NULL for a module created WITH ENCRYPTION or without VIEW DEFINITION.
    // https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-sql-modules-transact-sql
    sql: `SELECT o.object_id, SCHEMA_NAME(o.schema_id) AS schema_name, o.name, RTRIM(o.type) AS type, o.parent_object_id,
  m.definition, m.is_schema_bound, m.uses_ansi_nulls, m.uses_quoted_identifier
FROM sys.objects o
JOIN sys.sql_modules m ON m.object_id = o.object_id
WHERE ${MODULE}
ORDER BY o.object_id`,
  },
  {
    name: 'sql_expression_dependencies',
    // Object and column references (referenced_class 1) that resolve to an object of this
    // database; referenced_minor_id is the column for schema-bound references, 0 otherwise.
    // https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-sql-expression-dependencies-transact-sql
    sql: `SELECT d.referencing_id, d.referenced_id, d.referenced_minor_id, d.is_schema_bound_reference
FROM sys.sql_expression_dependencies d
JOIN sys.objects o ON o.object_id = d.referencing_id
WHERE ${MODULE} AND d.referenced_class = 1 AND d.referenced_id IS NOT NULL
ORDER BY d.referencing_id, d.referenced_id, d.referenced_minor_id`,
  },
  {
    name: 'view_indexes',
    // An indexed view's indexes (the unique clustered one first); DROP VIEW drops them with it.
    // https://learn.microsoft.com/sql/relational-databases/views/create-indexed-views
    sql: `SELECT i.object_id, i.index_id, i.name, i.type_desc, i.is_unique
FROM sys.indexes i
JOIN sys.views o ON o.object_id = i.object_id
WHERE o.is_ms_shipped = 0 AND i.name IS NOT NULL AND i.is_hypothetical = 0
ORDER BY i.object_id, i.index_id`,
  },
  {
    name: 'view_index_columns',
    sql: `SELECT ic.object_id, ic.index_id, ic.index_column_id, c.name AS column_name, ic.key_ordinal,
  ic.is_included_column, ic.is_descending_key
FROM sys.index_columns ic
JOIN sys.views o ON o.object_id = ic.object_id
JOIN sys.columns c ON c.object_id = ic.object_id AND c.column_id = ic.column_id
WHERE o.is_ms_shipped = 0
ORDER BY ic.object_id, ic.index_id, ic.index_column_id`,
  },
] as const;
