/**
 * What the catalog holds that schemac cannot model, found before anything is modelled: columns
 * of a type with no mapping (a CLR user type), column sets, indexes other than rowstore,
 * columnstore, XML and spatial ones (hash, JSON, selective XML), full-text
 * indexes, and every constraint or index defined over such a column. These become
 * `Table.opaque` entries: one warning each, never diffed, never dropped (design.md: "A database
 * is never refused as a whole").
 */
import { DEFAULT_COLLATION, nameKeyFor } from '../sqlserver/names';
import type { OpaqueObject } from '../model';
import type { CatalogSnapshot, ColumnRow, IndexRow } from './snapshot-types';
import { columnType } from './to-model-types';
import { appendTo } from '../util/group-by';
import { isXmlOrSpatialRow, readXmlSpatial, type XmlSpatialReading } from './read-xml-spatial';
import { pseudoColumnOf, type GraphFacts } from './read-graph';
import { isLedgerGeneratedColumn } from './read-ledger';

/** Opaque objects by table object_id, and the ids the model must leave out. */
export interface OpaqueCatalog {
  readonly byTable: ReadonlyMap<number, readonly OpaqueObject[]>;
  /** `object_id:column_id` of columns left out of the model. */
  readonly columns: ReadonlySet<string>;
  /** `object_id:index_id` of indexes (and the key constraints they back) left out. */
  readonly indexes: ReadonlySet<string>;
  /** Names (`object_id:name`) of checks, defaults and foreign keys left out. */
  readonly constraints: ReadonlySet<string>;
}

/** Index types the model holds (sys.indexes type 1, 2, 5 and 6; 3 and 4 as readXmlSpatial reads them). */
// NONCLUSTERED HASH: a hash index of a memory-optimized table (read-memory-optimized.ts).
const MODELLED = new Set(['CLUSTERED', 'NONCLUSTERED', 'CLUSTERED COLUMNSTORE', 'NONCLUSTERED COLUMNSTORE', 'NONCLUSTERED HASH']);

/** Why a column cannot be modelled, or null when it can. */
function columnProblem(c: ColumnRow): string | null {
  // A column set is an xml column that SQL Server fills from the table's sparse columns.
  // https://learn.microsoft.com/sql/relational-databases/tables/use-column-sets
  if (c.is_column_set === true) return 'it is the column set of the sparse columns';
  // Its data lives in the FILESTREAM filegroup, not the row: re-creating it as plain varbinary(max)
  // would lose that. https://learn.microsoft.com/sql/relational-databases/blob/filestream-sql-server
  if (c.is_filestream === true) return 'it is a FILESTREAM column';
  // Without VIEW DEFINITION permission the definition reads as NULL: the column is real, unknown.
  if (c.is_computed && c.computed_definition === null) return 'it is computed but the catalog shows no definition (is VIEW DEFINITION granted?)';
  // Always Encrypted without its key's name: sys.column_encryption_keys needs VIEW ANY COLUMN
  // ENCRYPTION KEY DEFINITION, which Azure SQL Database does not grant to public
  // (always-encrypted-database-engine.md, Database Permissions). Read as plaintext, any ALTER of it would fail.
  if ((c.encryption_type ?? null) !== null && (c.column_encryption_key_name ?? null) === null) {
    return 'it is encrypted (Always Encrypted) but the catalog shows no column encryption key name (is VIEW ANY COLUMN ENCRYPTION KEY DEFINITION granted?)';
  }
  const type = columnType(c);
  return type.ok ? null : type.problem;
}

function indexProblem(i: IndexRow, special: ReadonlyMap<string, XmlSpatialReading>): string | null {
  if (MODELLED.has(i.type_desc)) return null;
  const reading = isXmlOrSpatialRow(i.type_desc) ? special.get(`${i.object_id}:${i.index_id}`) : undefined;
  if (reading !== undefined) return 'problem' in reading ? reading.problem : null;
  return `its type is ${i.type_desc}, which schemac does not model`;
}

/**
 * Finds every opaque object of a snapshot (already validated). Most catalogs have none: the
 * maps it needs only to describe or find opaque objects are built the first time they are needed.
 */
export function findOpaque(s: CatalogSnapshot, graph?: GraphFacts, special: ReadonlyMap<string, XmlSpatialReading> = readXmlSpatial(s)): OpaqueCatalog {
  const byTable = new Map<number, OpaqueObject[]>();
  const add = (objectId: number, o: OpaqueObject) => appendTo(byTable, objectId, o);
  let names: Map<string, string> | undefined;
  const nameOf = (objectId: number, columnId: number) => {
    names ??= new Map(s.columns.map((c) => [`${c.object_id}:${c.column_id}`, c.name]));
    return names.get(`${objectId}:${columnId}`) ?? `column_id ${columnId}`;
  };

  const columns = new Set<string>();
  for (const c of s.columns) {
    // SQL Server's graph columns are left out of the model, not opaque (read-graph.ts).
    if (c.graph_type !== undefined && c.graph_type !== null) continue;
    const problem = columnProblem(c);
    if (problem === null) continue;
    columns.add(`${c.object_id}:${c.column_id}`);
    add(c.object_id, { kind: 'column', name: c.name, columns: [c.name], reason: problem, ...(c.is_filestream === true ? { filestream: true as const } : {}) });
  }
  const opaqueColumn = (objectId: number, columnId: number) => columns.has(`${objectId}:${columnId}`);

  let indexColumns: Map<string, number[]> | undefined;
  const columnsOfIndex = (k: string): number[] => {
    if (indexColumns === undefined) {
      indexColumns = new Map();
      for (const ic of s.index_columns) appendTo(indexColumns, `${ic.object_id}:${ic.index_id}`, ic.column_id);
    }
    return indexColumns.get(k) ?? [];
  };
  const graphColumns = graph?.columns ?? new Set<string>();
  let graphTypes: Map<string, number> | undefined;
  const graphTypeOf = (objectId: number, columnId: number): number => {
    graphTypes ??= new Map(s.columns.filter((c) => typeof c.graph_type === 'number').map((c) => [`${c.object_id}:${c.column_id}`, c.graph_type as number]));
    return graphTypes.get(`${objectId}:${columnId}`) ?? 0;
  };
  // An index on a graph pseudo-column shows SQL Server's internal columns ($from_id is
  // from_obj_id_<hex> and from_id_<hex>): named as the pseudo-columns, each once.
  const indexColumnNames = (objectId: number, ids: readonly number[]): string[] => [...new Set(ids.map((id) => (
    graphColumns.has(`${objectId}:${id}`) ? pseudoColumnOf(graphTypeOf(objectId, id), graph?.kinds.get(objectId)) : nameOf(objectId, id))))];
  // A ledger table's generated and dropped columns are SQL Server's (read-ledger.ts): an index over one cannot be declared.
  const ledgerColumns = new Set<string>([
    ...s.columns.filter(isLedgerGeneratedColumn).map((c) => `${c.object_id}:${c.column_id}`),
    ...(s.ledger_dropped_columns ?? []).map((c) => `${c.object_id}:${c.column_id}`),
  ]);
  const indexes = new Set<string>();
  for (const i of s.indexes) {
    // Only an index of an unmodelled type, or one over an opaque, graph or ledger column, is opaque.
    const typeProblem = indexProblem(i, special);
    if (typeProblem === null && columns.size === 0 && graphColumns.size === 0 && ledgerColumns.size === 0) continue;
    const k = `${i.object_id}:${i.index_id}`;
    // The unique index SQL Server made on graph_id by itself is neither modelled nor opaque.
    if (graph?.builtInIndexes.has(k) === true) continue;
    const cols = columnsOfIndex(k);
    const onOpaque = cols.find((id) => opaqueColumn(i.object_id, id));
    const onGraph = cols.find((id) => graphColumns.has(`${i.object_id}:${id}`));
    const onLedger = ledgerColumns.size === 0 ? undefined : cols.find((id) => ledgerColumns.has(`${i.object_id}:${id}`));
    const problem = typeProblem
      ?? (onOpaque !== undefined ? `it is defined on ${nameOf(i.object_id, onOpaque)}, which schemac cannot model`
        : onGraph !== undefined ? `it is on the graph pseudo-column ${pseudoColumnOf(graphTypeOf(i.object_id, onGraph), graph?.kinds.get(i.object_id))}, which schema files cannot declare`
        : onLedger !== undefined ? `it is on ${nameOf(i.object_id, onLedger)}, a column SQL Server keeps for the ledger, which schema files cannot declare` : null);
    if (problem === null) continue;
    indexes.add(k);
    add(i.object_id, { kind: 'index', name: i.name, columns: indexColumnNames(i.object_id, cols), reason: problem });
  }
  // A PRIMARY KEY or UNIQUE constraint shares its index's fate; reported once, as the index.
  const constraints = new Set<string>();

  const fulltext = new Map<number, number[]>();
  for (const f of s.fulltext_index_columns ?? []) appendTo(fulltext, f.object_id, f.column_id);
  for (const [objectId, cols] of fulltext) {
    add(objectId, { kind: 'index', name: 'full-text index', columns: cols.map((id) => nameOf(objectId, id)), reason: 'full-text indexes are not modelled' });
  }
  // Checks, defaults and foreign keys are opaque only over an opaque column.
  if (columns.size > 0) findOpaqueConstraints(s, columns, nameOf, add, constraints);
  return { byTable, columns, indexes, constraints };
}

/** The checks, defaults and foreign keys defined on an opaque column (`columns`: `object_id:column_id`). */
function findOpaqueConstraints(
  s: CatalogSnapshot,
  columns: ReadonlySet<string>,
  nameOf: (objectId: number, columnId: number) => string,
  add: (objectId: number, o: OpaqueObject) => void,
  constraints: Set<string>,
): void {
  const opaqueColumn = (objectId: number, columnId: number) => columns.has(`${objectId}:${columnId}`);
  const constraintOn = (objectId: number, name: string, columnIds: readonly number[]) => {
    const onOpaque = columnIds.find((id) => opaqueColumn(objectId, id));
    if (onOpaque === undefined) return;
    constraints.add(`${objectId}:${name}`);
    add(objectId, { kind: 'constraint', name, columns: columnIds.map((id) => nameOf(objectId, id)), reason: `it is defined on ${nameOf(objectId, onOpaque)}, which schemac cannot model` });
  };
  for (const d of s.default_constraints) constraintOn(d.parent_object_id, d.name, [d.parent_column_id]);
  // A check's definition names its columns as the database collation compares them.
  const nameKey = nameKeyFor(s.database_collation ?? DEFAULT_COLLATION);
  const opaqueNames = new Map<number, string[]>();
  for (const key of columns) {
    const [objectId, columnId] = key.split(':').map(Number);
    appendTo(opaqueNames, objectId, nameKey(nameOf(objectId, columnId)));
  }
  for (const c of s.check_constraints) {
    // A table-level check names its columns only in its definition (stored bracketed).
    const mentioned = (opaqueNames.get(c.parent_object_id) ?? []).filter((n) => nameKey(c.definition).includes(`[${n}]`));
    const ids = c.parent_column_id !== 0 ? [c.parent_column_id] : [];
    if (mentioned.length > 0 && ids.length === 0) {
      constraints.add(`${c.parent_object_id}:${c.name}`);
      add(c.parent_object_id, { kind: 'constraint', name: c.name, columns: mentioned, reason: `it reads ${mentioned[0]}, which schemac cannot model` });
    } else {
      constraintOn(c.parent_object_id, c.name, ids);
    }
  }
  const fkColumns = new Map<number, number[]>();
  for (const fc of s.foreign_key_columns) appendTo(fkColumns, fc.constraint_object_id, fc.parent_column_id);
  for (const f of s.foreign_keys) constraintOn(f.parent_object_id, f.name, fkColumns.get(f.object_id) ?? []);
}
