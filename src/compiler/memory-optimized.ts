/**
 * `@Table(..., { memoryOptimized })` and hash indexes (`bucketCount` on @Index, @PrimaryKey,
 * @Unique or a column's primaryKey): what SQL Server refuses for a memory-optimized table is
 * reported here, at the option or object that asks for it, instead of failing at deploy time.
 * The rules and their sources are in src/sqlserver/memory-optimized.ts.
 */
import type { ts } from 'ts-morph';
import type { Index, KeyConstraint, MemoryOptimized } from '../model';
import { INDEX_OPTION_KEYS } from '../sqlserver/index-options';
import { DEFAULT_DURABILITY, MEMORY_UNSUPPORTED_TYPES } from '../sqlserver/memory-optimized';
import { typeText } from '../sqlserver/types';
import { Codes } from './codes';
import type { DiagnosticBag } from './diagnostics';
import type { StaticValue } from './static-value';
import { nodeOf } from './storage-options';
import type { TableDraft } from './table-draft';

const DURABILITIES = new Set<string>(['SCHEMA_AND_DATA', 'SCHEMA_ONLY']);

/** Reads `memoryOptimized: true | { durability }` of @Table; the draft's setting is made when it is on. */
export function readMemoryOptimized(draft: TableDraft, v: StaticValue | undefined, bag: DiagnosticBag): void {
  if (v === undefined || (v.kind === 'boolean' && !v.value)) return;
  if (v.kind !== 'object' && v.kind !== 'boolean') {
    bag.error(Codes.notStatic, "memoryOptimized must be true or { durability: 'SCHEMA_AND_DATA' | 'SCHEMA_ONLY' }", v.node);
    return;
  }
  let durability: MemoryOptimized['durability'] = DEFAULT_DURABILITY;
  const d = v.kind === 'object' ? v.props.get('durability') : undefined;
  if (d !== undefined) {
    if (d.kind === 'string' && DURABILITIES.has(d.value)) durability = d.value as MemoryOptimized['durability'];
    else bag.error(Codes.memoryOptimized, "memoryOptimized.durability must be 'SCHEMA_AND_DATA' or 'SCHEMA_ONLY'", d.node);
  }
  draft.memoryOptimized = { value: { durability }, node: v.node };
}

type KeyLike = Index | KeyConstraint;

function keysOf(draft: TableDraft): { readonly object: KeyLike; readonly what: string }[] {
  return [
    ...(draft.primaryKey !== null ? [{ object: draft.primaryKey as KeyLike, what: `primary key ${draft.primaryKey.name}` }] : []),
    ...draft.uniques.map((u) => ({ object: u as KeyLike, what: `unique constraint ${u.name}` })),
    ...draft.indexes.map((i) => ({ object: i as KeyLike, what: `index ${i.name}` })),
  ];
}

/**
 * Table-wide rules once every column, key and index is known. On a disk-based table only the
 * hash indexes are wrong; on a memory-optimized one, everything SQL Server refuses there. A
 * primary key whose clustering was left to the default is made nonclustered (the only kind).
 */
export function checkMemoryOptimized(draft: TableDraft, bag: DiagnosticBag): void {
  const memory = draft.memoryOptimized;
  const at = (o: object, key: string): ts.Node => nodeOf(draft, o, key, draft.origins.get(o)?.node ?? draft.info.roleNode);
  const where = `table ${draft.schema}.${draft.name}`;
  if (memory === undefined) {
    for (const { object, what } of keysOf(draft)) {
      if (object.bucketCount !== undefined) {
        bag.error(Codes.hashIndex, `${what} is a hash index (bucketCount), which only a memory-optimized table can have; add memoryOptimized to @Table or remove bucketCount`, at(object, 'bucketCount'));
      }
    }
    return;
  }
  const refuse = (message: string, node: ts.Node) => bag.error(Codes.memoryOptimized, `${where} is memory-optimized: ${message}`, node);
  const pk = draft.primaryKey;
  if (pk !== null && pk.clustered) {
    if (draft.primaryKeyClusteringWritten) refuse(`primary key ${pk.name} cannot be clustered; SQL Server requires PRIMARY KEY NONCLUSTERED (hash or range)`, at(pk, 'clustered'));
    else {
      const settled = { ...pk, clustered: false };
      const origin = draft.origins.get(pk);
      if (origin) draft.origins.set(settled, origin);
      const nodes = draft.optionNodes.get(pk);
      if (nodes) draft.optionNodes.set(settled, nodes);
      draft.primaryKey = settled;
    }
  }
  for (const { object, what } of keysOf(draft)) {
    const index = 'include' in object ? object : null;
    const columnstore = index?.columnstore === true;
    if (object.clustered && !columnstore && object !== pk) refuse(`${what} cannot be clustered; declare it nonclustered (hash with bucketCount, or range)`, at(object, 'clustered'));
    if (columnstore && !object.clustered) refuse(`${what}: a memory-optimized table takes only a clustered columnstore index, not a nonclustered one`, at(object, 'clustered'));
    if (index !== null && index.filter !== null) refuse(`${what} cannot be filtered (SQL Server has no filtered indexes on memory-optimized tables)`, at(object, 'where'));
    if (index !== null && index.include.length > 0) refuse(`${what} cannot have INCLUDE columns (every index of a memory-optimized table covers every column)`, at(object, 'include'));
    if (object.ignoreDupKey === true) refuse(`${what} cannot take ignoreDupKey (BUCKET_COUNT is the only index option here)`, at(object, 'ignoreDupKey'));
    if (object.dataCompression !== undefined && !columnstore) refuse(`${what} cannot take dataCompression (no data compression for memory-optimized tables)`, at(object, 'dataCompression'));
    // One refusal when the table declares it (its clustered key carries the table's).
    if (object.xmlCompression === true && draft.xmlCompression !== true) refuse(`${what} cannot take xmlCompression (no XML compression for memory-optimized tables)`, at(object, 'xmlCompression'));
    for (const key of INDEX_OPTION_KEYS) {
      const written = draft.optionNodes.get(object)?.get(key);
      if (written !== undefined) refuse(`${what} cannot take ${key} (BUCKET_COUNT is the only index option here)`, written);
    }
    if (object.dataSpace !== undefined) refuse(`${what} cannot be placed (on): memory-optimized tables live in the MEMORY_OPTIMIZED_DATA filegroup`, at(object, 'on'));
    if (object.bucketCount !== undefined) {
      const desc = object.columns.find((c) => c.descending);
      if (desc !== undefined) bag.error(Codes.hashIndex, `${what} is a hash index, which is not ordered: column ${desc.name} cannot be DESC`, at(object, 'bucketCount'));
      if (columnstore) bag.error(Codes.hashIndex, `${what} is a columnstore index and cannot have a bucketCount`, at(object, 'bucketCount'));
    }
  }
  if (memory.value.durability === 'SCHEMA_AND_DATA' && pk === null) {
    refuse('with DURABILITY = SCHEMA_AND_DATA (the default) it needs a primary key; declare one, or durability: \'SCHEMA_ONLY\'', memory.node);
  } else if (keysOf(draft).length === 0) {
    refuse('it needs at least one index (a hash or range index, a primary key or a unique constraint)', memory.node);
  }
  if (draft.dataCompression !== undefined) refuse('dataCompression is not supported for memory-optimized tables', memory.node);
  if (draft.xmlCompression === true) refuse('xmlCompression is not supported for memory-optimized tables', memory.node);
  if (draft.dataSpace !== undefined) refuse('it cannot be placed (on): memory-optimized tables live in the MEMORY_OPTIMIZED_DATA filegroup', memory.node);
  if (draft.versioning !== undefined) refuse('schemac does not plan system-versioned memory-optimized tables yet; remove systemVersioning or memoryOptimized', draft.versioning.node);
  // "memory-optimized tables cannot be node or edge tables" (sql-graph-architecture, Limitations; inferred wording).
  if (draft.graph !== undefined) refuse('it cannot also be a graph table (AS NODE | AS EDGE)', draft.graph.node);
  if (draft.renamedFromSchema !== undefined) refuse('SQL Server cannot move a memory-optimized table to another schema (ALTER SCHEMA ... TRANSFER); drop and re-create it instead', memory.node);
  for (const c of draft.columns) {
    const col = c.column;
    if (MEMORY_UNSUPPORTED_TYPES.has(col.type.name)) refuse(`column ${col.name} is ${typeText(col.type)}, a type memory-optimized tables cannot hold`, c.node);
    if (col.sparse === true) refuse(`column ${col.name} cannot be SPARSE`, c.node);
    if (col.rowguidcol === true) refuse(`column ${col.name} cannot be ROWGUIDCOL`, c.node);
    if (col.identity !== null && (col.identity.seed !== '1' || col.identity.increment !== '1')) {
      refuse(`column ${col.name}: IDENTITY must be (1, 1) on a memory-optimized table, not (${col.identity.seed}, ${col.identity.increment})`, c.node);
    }
    if (col.identity?.notForReplication === true) refuse(`column ${col.name} cannot be NOT FOR REPLICATION (no replication of memory-optimized tables)`, c.node);
  }
}
