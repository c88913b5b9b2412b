/**
 * Snapshot rows of views, procedures, functions and triggers to the model's DependentModule
 * list: what each references (tables with their columns, or other modules), its stored
 * definition, and an indexed view's indexes. Read at the boundary like every other catalog
 * definition, so the differ sees names only.
 */
import type { DependentModule, Index, IndexColumn, ModuleReference } from '../model';
import { compareText } from '../util/compare';
import type { NameKey } from '../sqlserver/names';
import { definedNameOf, namesInText, viewColumnListOf } from './module-text';
import type { CatalogSnapshot, SqlModuleRow, ViewIndexColumnRow } from './snapshot-types';
import { groupBy } from '../util/group-by';


/** Key columns by key_ordinal, INCLUDE columns in definition order. */
function viewIndexParts(rows: readonly ViewIndexColumnRow[]): { columns: IndexColumn[]; include: string[] } {
  const keys = rows.filter((r) => !r.is_included_column).sort((a, b) => a.key_ordinal - b.key_ordinal);
  const included = rows.filter((r) => r.is_included_column).sort((a, b) => a.index_column_id - b.index_column_id);
  return { columns: keys.map((r) => ({ name: r.column_name, descending: r.is_descending_key })), include: included.map((r) => r.column_name) };
}

/**
 * The modules of a snapshot. `keepTable` says which tables are managed (an ignored table is
 * never changed, so references to it are left out); `key` compares names as the database does.
 */
export function readModules(s: CatalogSnapshot, keepTable: (objectId: number) => boolean, key: NameKey): DependentModule[] {
  const rows = s.sql_modules ?? [];
  if (rows.length === 0) return [];
  const tables = new Map(s.tables.map((t) => [t.object_id, t]));
  const modules = new Map(rows.map((m) => [m.object_id, m]));
  const columnsByTable = groupBy(s.columns, (c) => c.object_id);
  const columnName = new Map(s.columns.map((c) => [`${c.object_id}:${c.column_id}`, c.name]));
  const deps = groupBy(s.sql_expression_dependencies ?? [], (d) => d.referencing_id);
  const indexes = groupBy(s.view_indexes ?? [], (i) => i.object_id);
  const indexColumns = groupBy(s.view_index_columns ?? [], (c) => `${c.object_id}:${c.index_id}`);

  const referencesOf = (m: SqlModuleRow): ModuleReference[] => {
    const text = m.definition === null ? null : namesInText(m.definition, m.uses_quoted_identifier, key);
    const byReferenced = groupBy(deps.get(m.object_id) ?? [], (d) => d.referenced_id);
    // `Products.*` selects every column of Products only; `p.*` through an alias, or a plain `*`,
    // may be any table's (aliases are not resolved), so it stands for every table the text reads.
    const tableNames = new Set([...byReferenced.keys()].flatMap((id) => { const t = tables.get(id); return t === undefined ? [] : [key(t.name)]; }));
    const everyTable = text !== null && (text.selectsAllUnqualified || [...text.starQualifiers].some((q) => !tableNames.has(q)));
    const selectsAllOf = (tableName: string): boolean => everyTable || (text?.starQualifiers.has(key(tableName)) ?? false);
    const out: ModuleReference[] = [];
    for (const [referencedId, refs] of byReferenced) {
      const schemaBound = refs.some((r) => r.is_schema_bound_reference);
      const table = tables.get(referencedId);
      if (table !== undefined) {
        if (!keepTable(referencedId)) continue;
        const listed = refs.filter((r) => r.referenced_minor_id > 0)
          .map((r) => columnName.get(`${referencedId}:${r.referenced_minor_id}`))
          .filter((n): n is string => n !== undefined);
        // Schema-bound references list every column they bind; others list none, so the
        // table's columns that the text names stand in (inferred, see module-text.ts).
        const inferred = !schemaBound && listed.length === 0;
        const columns = !inferred ? listed
          : text === null ? []
          : (columnsByTable.get(referencedId) ?? []).map((c) => c.name).filter((n) => selectsAllOf(table.name) || text.names.has(key(n)));
        const starred = inferred && text !== null && selectsAllOf(table.name);
        out.push({
          schema: table.schema_name, name: table.name, isTable: true,
          columns: [...new Set(columns)].sort(compareText),
          columnsFrom: !inferred ? 'catalog' : text === null ? 'unknown' : 'text',
          schemaBound,
          ...(starred ? { named: [...new Set(columns.filter((n) => text.names.has(key(n))))].sort(compareText) } : {}),
        });
        continue;
      }
      const other = modules.get(referencedId);
      if (other !== undefined && other.object_id !== m.object_id) {
        out.push({ schema: other.schema_name, name: other.name, isTable: false, columns: [], columnsFrom: 'catalog', schemaBound });
      }
    }
    return out.sort((a, b) => compareText(a.schema, b.schema) || compareText(a.name, b.name));
  };

  const out = rows.map((m): DependentModule => {
    const parent = m.type === 'TR' ? tables.get(m.parent_object_id) : undefined;
    const columnList = m.type === 'V' && m.definition !== null ? viewColumnListOf(m.definition, m.uses_quoted_identifier) : null;
    const viewIndexes = (indexes.get(m.object_id) ?? []).map((i): Index => ({
      name: i.name, isSystemNamed: false, ...viewIndexParts(indexColumns.get(`${i.object_id}:${i.index_id}`) ?? []),
      unique: i.is_unique, clustered: i.type_desc === 'CLUSTERED', filter: null,
    }));
    // The clustered index first: an indexed view's other indexes need it (CREATE INDEX order).
    viewIndexes.sort((a, b) => Number(b.clustered) - Number(a.clustered) || compareText(a.name, b.name));
    return {
      schema: m.schema_name,
      name: m.name,
      type: m.type,
      schemaBound: m.is_schema_bound,
      definition: m.definition,
      ansiNulls: m.uses_ansi_nulls,
      quotedIdentifier: m.uses_quoted_identifier,
      parent: parent === undefined ? null : { schema: parent.schema_name, name: parent.name },
      references: referencesOf(m),
      indexes: viewIndexes,
      definedName: m.definition === null ? null : definedNameOf(m.definition, m.uses_quoted_identifier),
      ...(columnList === null ? {} : { columnList }),
    };
  });
  return out.sort((a, b) => compareText(a.schema, b.schema) || compareText(a.name, b.name));
}
