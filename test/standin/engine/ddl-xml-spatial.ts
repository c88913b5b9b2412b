/**
 * XML and spatial indexes: CREATE [PRIMARY] XML INDEX, CREATE SPATIAL INDEX, what SQL Server
 * refuses about them, what it fills in, and the rows of sys.xml_indexes, sys.spatial_indexes and
 * sys.spatial_index_tessellations.
 *
 * Sources: create-xml-index-transact-sql ("A clustered index must exist on the primary key of the
 * user table"; "The clustering key of the user table is limited to 15 columns"; one primary XML
 * index per xml column, which must exist before a secondary; ONLINE = OFF only; no ON filegroup),
 * drop-xml-indexes ("If you drop the primary XML index, any secondary indexes that are present are
 * also deleted"), "Modify XML Indexes" (the primary key cannot change while XML indexes exist:
 * "The user must drop the XML indexes first"), create-spatial-index-transact-sql (schemes per
 * type, AUTO_GRID the default, BOUNDING_BOX required for geometry and refused for geography,
 * GRIDS levels default MEDIUM, CELLS_PER_OBJECT 1..8192 with defaults 16 / 8 / 16 / 12, ONLINE =
 * OFF only, "Spatial indexes require the table to have a clustered primary key"),
 * sys-xml-indexes-transact-sql, sys-spatial-indexes-transact-sql and
 * sys-spatial-index-tessellations-transact-sql (the AUTO_GRID schemes report NULL levels).
 * Error numbers and wording the documentation does not quote are marked inferred.
 */
import type { IndexDef, SpatialDef } from './ast';
import type { Column, Index, SpatialTessellation, Table, Value } from './catalog';
import { SqlError } from './errors';
import { sameName } from './catalog';

type Scheme = SpatialTessellation['scheme'];
const DEFAULT_CELLS: Readonly<Record<Scheme, number>> = { GEOMETRY_GRID: 16, GEOMETRY_AUTO_GRID: 8, GEOGRAPHY_GRID: 16, GEOGRAPHY_AUTO_GRID: 12 };
const DENSITIES = ['LOW', 'MEDIUM', 'HIGH'];
/** sys.spatial_index_tessellations level_n_grid: cells of the level's grid. */
const GRID_CELLS: Readonly<Record<string, number>> = { LOW: 16, MEDIUM: 64, HIGH: 256 };

/** The clustered primary key XML and spatial indexes need, or the error SQL Server raises. */
function clusteredPrimaryKey(t: Table, what: 'XML' | 'spatial'): Index {
  const pk = t.indexes.find((i) => i.isPrimaryKey);
  if (pk === undefined || pk.type !== 'CLUSTERED' || pk.keys.length > 15) {
    // 6332 for XML is SQL Server's (its text is widely quoted); the spatial one is inferred from it.
    throw what === 'XML'
      ? new SqlError(6332, 16, 201, `Table '${t.name}' needs to have a clustered primary key with less than 32 columns in it in order to create a primary XML index.`)
      : new SqlError(12008, 16, 1, `Table '${t.name}' does not have a clustered primary key as required by the spatial index. Make sure that the primary key column exists on the table before creating a spatial index.`);
  }
  return pk;
}

function refuseOnline(def: IndexDef, what: string): void {
  if (def.options?.some((o) => o.name === 'ONLINE' && o.value === 'ON')) {
    // Inferred wording: the documentation says only that "an error is raised".
    throw new SqlError(2725, 16, 2, `An online operation cannot be performed for index '${def.name}' because the index contains column of large object data type, or ${what} indexes cannot be built online.`);
  }
}

/** XML indexes take index_id 256000 and up, spatial ones 384000 and up (inferred from SQL Server 2022's sys.indexes). */
function nextId(t: Table, base: number): number {
  const ids = t.indexes.filter((i) => i.indexId >= base && i.indexId < base + 128000).map((i) => i.indexId);
  return ids.length === 0 ? base : Math.max(...ids) + 1;
}

/** The WITH options SQL Server keeps for these indexes (sys.indexes, sys.stats). */
function keptOptions(def: IndexDef, spatial: boolean): Partial<Index> {
  const out: Partial<Index> = {};
  for (const o of def.options ?? []) {
    if (o.name === 'FILLFACTOR') out.fillFactor = Number(o.value);
    else if (o.name === 'PAD_INDEX') out.padded = o.value === 'ON';
    else if (o.name === 'ALLOW_ROW_LOCKS') out.noRowLocks = o.value === 'OFF';
    else if (o.name === 'ALLOW_PAGE_LOCKS') out.noPageLocks = o.value === 'OFF';
    else if (o.name === 'STATISTICS_NORECOMPUTE' && spatial) out.noRecompute = o.value === 'ON';
    else if (o.name === 'DATA_COMPRESSION' && spatial) { if (o.value !== 'NONE') out.compression = o.value; }
    else if (o.name === 'IGNORE_DUP_KEY' && o.value === 'ON') {
      throw new SqlError(1916, 16, 1, `CREATE INDEX options nonunique and ignore_dup_key are mutually exclusive.`);
    }
  }
  return out;
}

/** CREATE [PRIMARY] XML INDEX name ON t (col) [USING XML INDEX p FOR PATH | VALUE | PROPERTY] [WITH (...)]. */
export function createXmlIndex(t: Table, def: IndexDef, column: (name: string) => Column | undefined): void {
  const col = def.columns.length === 1 ? column(def.columns[0].name) : undefined;
  if (!col || col.type.name !== 'xml') {
    // Number and wording inferred (the docs require one xml column; the exact error is not quoted there).
    throw new SqlError(6309, 16, 1, `Column '${col?.name ?? def.columns[0]?.name ?? ''}' on table '${t.name}' is not of type xml, which is required to create an XML index on it.`);
  }
  if (col.computed) throw new SqlError(6331, 16, 1, `Cannot create XML index on computed column '${col.name}' of table '${t.name}'.`); // inferred wording
  refuseOnline(def, 'XML');
  if (def.options?.some((o) => o.name === 'ON')) throw new SqlError(102, 15, 1, "Incorrect syntax near 'ON'."); // CREATE XML INDEX has no ON filegroup
  clusteredPrimaryKey(t, 'XML');
  const primaryOf = t.indexes.find((i) => i.type === 'XML' && i.xml?.usingId === null && i.keys[0]?.columnId === col.columnId);
  let xml: NonNullable<Index['xml']>;
  if (def.xml === 'primary') {
    // Inferred wording: "Each xml column in a table can have one primary XML index".
    if (primaryOf) throw new SqlError(6330, 16, 1, `Column '${col.name}' on table '${t.name}' already has a primary XML index '${primaryOf.name}'.`);
    if (def.xmlUsing !== undefined) throw new SqlError(102, 15, 1, "Incorrect syntax near 'USING'.");
    xml = { usingId: null, for: null };
  } else {
    const using = def.xmlUsing === undefined ? undefined : t.indexes.find((i) => i.name !== null && sameName(i.name, def.xmlUsing as string));
    if (!primaryOf) throw new SqlError(6339, 16, 1, `Specified primary XML index does not exist on column '${col.name}' on table '${t.name}'.`);
    if (using === undefined || using !== primaryOf) throw new SqlError(6337, 16, 1, `'${def.xmlUsing ?? ''}' is not a primary XML index on column '${col.name}' of table '${t.name}'.`); // inferred
    const kind = def.xmlFor;
    if (kind !== 'PATH' && kind !== 'VALUE' && kind !== 'PROPERTY') throw new SqlError(102, 15, 1, `Incorrect syntax near '${kind ?? def.xmlUsing ?? ''}'.`); // a secondary needs FOR (inferred)
    xml = { usingId: primaryOf.indexId, for: kind };
  }
  t.indexes.push({
    indexId: nextId(t, 256000), name: def.name, type: 'XML', unique: false, isPrimaryKey: false, isUniqueConstraint: false,
    keys: [{ columnId: col.columnId, desc: false }], includes: [], disabled: false, xml, ...keptOptions(def, false),
  });
}

/** The tessellation as SQL Server stores it, defaults filled in, or the error it raises (numbers inferred). */
function tessellation(type: 'geometry' | 'geography', w: SpatialDef): SpatialTessellation {
  const refuse = (msg: string): never => { throw new SqlError(12009, 16, 1, msg); };
  const scheme = (w.scheme ?? (type === 'geometry' ? 'GEOMETRY_AUTO_GRID' : 'GEOGRAPHY_AUTO_GRID')) as Scheme;
  if (!(scheme in DEFAULT_CELLS)) refuse(`'${scheme}' is not a valid tessellation scheme.`);
  if (!scheme.startsWith(type.toUpperCase())) refuse(`The tessellation scheme '${scheme}' cannot be used with a column of type ${type}.`);
  let box: SpatialTessellation['box'] = null;
  if (type === 'geometry') {
    const b = w.boundingBox;
    if (b === undefined) refuse('The spatial index is missing the required BOUNDING_BOX parameter. A geometry spatial index requires a bounding box.');
    else {
      if (!(b.XMAX > b.XMIN && b.YMAX > b.YMIN)) refuse('Invalid bounding box: XMAX must be greater than XMIN and YMAX greater than YMIN.');
      box = [b.XMIN, b.YMIN, b.XMAX, b.YMAX];
    }
  } else if (w.boundingBox !== undefined) refuse('The BOUNDING_BOX parameter cannot be specified for a geography spatial index.');
  let grids: string[] | null = null;
  if (scheme.endsWith('AUTO_GRID')) {
    if (w.grids !== undefined) refuse(`The GRIDS parameter cannot be used with the tessellation scheme '${scheme}'.`);
  } else {
    // "If you omit a level, its density defaults to MEDIUM."
    grids = [1, 2, 3, 4].map((l) => w.grids?.[l as 1 | 2 | 3 | 4] ?? 'MEDIUM');
    const bad = grids.find((g) => !DENSITIES.includes(g));
    if (bad !== undefined) refuse(`'${bad}' is not a valid grid density. Use LOW, MEDIUM or HIGH.`);
  }
  const cells = w.cellsPerObject ?? DEFAULT_CELLS[scheme];
  if (!Number.isInteger(cells) || cells < 1 || cells > 8192) refuse(`CELLS_PER_OBJECT must be between 1 and 8192; ${cells} was given.`);
  return { scheme, box, grids, cellsPerObject: cells };
}

/** CREATE SPATIAL INDEX name ON t (col) [USING scheme] [WITH (...)] [ON filegroup]. */
export function createSpatialIndex(t: Table, def: IndexDef, column: (name: string) => Column | undefined, dataSpaceId?: number): void {
  const col = def.columns.length === 1 ? column(def.columns[0].name) : undefined;
  const type = col?.type.name;
  if (!col || (type !== 'geometry' && type !== 'geography')) {
    // Inferred wording: "A spatial index can be created only on a column of type geometry or geography, otherwise an error is raised."
    throw new SqlError(12001, 16, 1, `Spatial indexes can only be created on a column of type geometry or geography; '${col?.name ?? def.columns[0]?.name ?? ''}' is not one.`);
  }
  refuseOnline(def, 'spatial');
  clusteredPrimaryKey(t, 'spatial');
  const spatial = tessellation(type, def.spatial ?? {});
  t.indexes.push({
    indexId: nextId(t, 384000), name: def.name, type: 'SPATIAL', unique: false, isPrimaryKey: false, isUniqueConstraint: false,
    keys: [{ columnId: col.columnId, desc: false }], includes: [], disabled: false, spatial, ...keptOptions(def, true),
    ...(dataSpaceId !== undefined ? { dataSpaceId } : {}),
  });
}

/**
 * Before the table's primary key goes (DROP CONSTRAINT): SQL Server refuses while XML or spatial
 * indexes hang off it ("The user must drop the XML indexes first"; number and wording inferred).
 */
export function checkPrimaryKeyDrop(t: Table, key: Index): void {
  const hanging = t.indexes.find((i) => i.type === 'XML' || i.type === 'SPATIAL');
  if (key.isPrimaryKey && hanging) {
    throw new SqlError(3734, 16, 1, `Could not drop the primary key constraint '${key.name}' because the table has an XML or spatial index ('${hanging.name}').`, 'statement',
      [new SqlError(3727, 16, 0, 'Could not drop constraint. See previous errors.')]);
  }
}

/** The secondary XML indexes that go with a primary one ("any secondary indexes that are present are also deleted"). */
export function secondariesOf(t: Table, ix: Index): Index[] {
  return ix.type === 'XML' && ix.xml?.usingId === null ? t.indexes.filter((i) => i.xml?.usingId === ix.indexId) : [];
}

const SECONDARY_CODE: Readonly<Record<string, string>> = { PATH: 'P', VALUE: 'V', PROPERTY: 'R' };

/** sys.xml_indexes' own columns after sys.indexes': using_xml_index_id, secondary_type, its desc, xml_index_type, its description, path_id. */
export function xmlIndexColumns(i: Index): Value[] {
  const x = i.xml;
  if (x === undefined || x.usingId === null) return [null, null, null, 0, 'PRIMARY_XML', null];
  return [x.usingId, SECONDARY_CODE[x.for ?? ''] ?? null, x.for, 1, 'SECONDARY_XML', null];
}

/** sys.spatial_indexes' own columns: spatial_index_type (1 geometry, 2 geography), its desc, tessellation_scheme. */
export function spatialIndexColumns(i: Index): Value[] {
  const s = i.spatial as SpatialTessellation;
  const geometry = s.scheme.startsWith('GEOMETRY');
  return [geometry ? 1 : 2, geometry ? 'GEOMETRY' : 'GEOGRAPHY', s.scheme];
}

/** A row of sys.spatial_index_tessellations after object_id, index_id. */
export function tessellationColumns(i: Index): Value[] {
  const s = i.spatial as SpatialTessellation;
  const g = (n: number): Value[] => (s.grids === null ? [null, null] : [GRID_CELLS[s.grids[n]] ?? null, s.grids[n]]);
  return [s.scheme, ...(s.box ?? [null, null, null, null]), ...g(0), ...g(1), ...g(2), ...g(3), s.cellsPerObject];
}
