/**
 * SQL Server's rules for XML indexes and spatial indexes, once.
 *
 * CREATE XML INDEX (https://learn.microsoft.com/sql/t-sql/statements/create-xml-index-transact-sql):
 * "CREATE [ PRIMARY ] XML INDEX index_name ON <object> ( xml_column_name ) [ USING XML INDEX
 * xml_index_name [ FOR { VALUE | PATH | PROPERTY } ] ] [ WITH ( <xml_index_option> ) ]"; the
 * options are PAD_INDEX, FILLFACTOR, SORT_IN_TEMPDB, IGNORE_DUP_KEY = OFF, DROP_EXISTING,
 * ONLINE = OFF, ALLOW_ROW_LOCKS, ALLOW_PAGE_LOCKS, MAXDOP (and XML_COMPRESSION from SQL Server
 * 2022, not modelled); no ON filegroup. "A clustered index must exist on the primary key of the
 * user table"; "The clustering key of the user table is limited to 15 columns"; "Each xml column
 * in a table can have one primary XML index and multiple secondary XML indexes"; "A primary XML
 * index on an xml column must exist before a secondary XML index can be created on the column";
 * "An XML index can only be created on a single xml column"; not on a computed xml column.
 * "If you drop the primary XML index, any secondary indexes that are present are also deleted"
 * (https://learn.microsoft.com/sql/relational-databases/xml/drop-xml-indexes); "The modifications
 * of the primary key constraint in the user table are not automatically propagated to XML
 * indexes. The user must drop the XML indexes first and then re-create them"
 * (https://learn.microsoft.com/previous-versions/sql/sql-server-2012/bb510443(v=sql.110)).
 *
 * CREATE SPATIAL INDEX (https://learn.microsoft.com/sql/t-sql/statements/create-spatial-index-transact-sql):
 * USING GEOMETRY_GRID | GEOMETRY_AUTO_GRID (geometry columns) or GEOGRAPHY_GRID |
 * GEOGRAPHY_AUTO_GRID (geography), the AUTO_GRID ones "the default for this data type"; the
 * geometry schemes take BOUNDING_BOX (xmax > xmin, ymax > ymin, "There are no default values"),
 * a geography one cannot; GRIDS only for the manual grids, each level LOW | MEDIUM | HIGH, "If you
 * omit a level, its density defaults to MEDIUM"; CELLS_PER_OBJECT 1..8192, default 16
 * (GEOMETRY_GRID, GEOGRAPHY_GRID), 8 (GEOMETRY_AUTO_GRID), 12 (GEOGRAPHY_AUTO_GRID); options
 * PAD_INDEX, FILLFACTOR, SORT_IN_TEMPDB, IGNORE_DUP_KEY = OFF, STATISTICS_NORECOMPUTE,
 * DROP_EXISTING, ONLINE = OFF, ALLOW_ROW_LOCKS, ALLOW_PAGE_LOCKS, MAXDOP, DATA_COMPRESSION; ON
 * filegroup. "Spatial indexes require the table to have a clustered primary key".
 *
 * Both: "online index builds aren't supported" (ONLINE = ON raises an error): every build, drop
 * and rebuild holds a Sch-M lock on the table for its whole duration.
 */
import type { GridDensity, Index, SpatialIndexDefinition, SqlTypeName, TessellationScheme, XmlIndexDefinition } from '../model';
import type { IndexOptionKey } from './index-options';

/** The tessellation schemes, in the documentation's order. */
export const TESSELLATION_SCHEMES: readonly TessellationScheme[] = ['GEOMETRY_GRID', 'GEOMETRY_AUTO_GRID', 'GEOGRAPHY_GRID', 'GEOGRAPHY_AUTO_GRID'];

/** The grid densities. */
export const GRID_DENSITIES: readonly GridDensity[] = ['LOW', 'MEDIUM', 'HIGH'];

/** Cells of a grid level per density (sys.spatial_index_tessellations.level_n_grid). */
export const GRID_CELLS: Readonly<Record<GridDensity, number>> = { LOW: 16, MEDIUM: 64, HIGH: 256 };

/** CELLS_PER_OBJECT when not given, by scheme. */
export const DEFAULT_CELLS_PER_OBJECT: Readonly<Record<TessellationScheme, number>> = {
  GEOMETRY_GRID: 16, GEOMETRY_AUTO_GRID: 8, GEOGRAPHY_GRID: 16, GEOGRAPHY_AUTO_GRID: 12,
};

/** CELLS_PER_OBJECT's range. */
export const MAX_CELLS_PER_OBJECT = 8192;

/** Columns a table's primary key may have for an XML or spatial index on the table. */
export const MAX_PRIMARY_KEY_COLUMNS = 15;

/** The column type a scheme is for. */
export function schemeType(s: TessellationScheme): 'geometry' | 'geography' {
  return s.startsWith('GEOMETRY') ? 'geometry' : 'geography';
}

/** Whether the scheme takes GRIDS (the manual grids). */
export function takesGrids(s: TessellationScheme): boolean {
  return !s.endsWith('AUTO_GRID');
}

/** The scheme SQL Server uses when USING is left out. */
export function defaultScheme(type: 'geometry' | 'geography'): TessellationScheme {
  return type === 'geometry' ? 'GEOMETRY_AUTO_GRID' : 'GEOGRAPHY_AUTO_GRID';
}

/** Whether the index is an XML or spatial index: one column, no ALTER for its definition, never online. */
export function isXmlOrSpatial(i: Pick<Index, 'xml' | 'spatial'>): boolean {
  return i.xml !== undefined || i.spatial !== undefined;
}

/** Whether a column of this type can hold a spatial index. */
export function isSpatialType(t: SqlTypeName): t is 'geometry' | 'geography' {
  return t === 'geometry' || t === 'geography';
}

/**
 * The WITH options of the model each kind takes. CREATE XML INDEX has no STATISTICS_NORECOMPUTE;
 * CREATE SPATIAL INDEX has it, but schemac reads it from the base table's sys.stats row of the
 * index, which a spatial index's statistics may not have there (they are on its internal table:
 * inferred), so it is not offered rather than never converging.
 */
export function allowedIndexOptions(kind: 'xml' | 'spatial'): ReadonlySet<IndexOptionKey> {
  void kind;
  return new Set<IndexOptionKey>(['padIndex', 'fillFactor', 'allowRowLocks', 'allowPageLocks']);
}

/** Why a spatial definition is refused for a column of `type`, each problem once; [] when SQL Server takes it. */
export function spatialProblems(d: SpatialIndexDefinition, type: SqlTypeName): string[] {
  const out: string[] = [];
  const wanted = schemeType(d.tessellation);
  if (type !== wanted) out.push(`USING ${d.tessellation} is for ${wanted} columns; the column is ${type}`);
  if (wanted === 'geometry' && d.boundingBox === undefined) out.push(`${d.tessellation} needs a BOUNDING_BOX (SQL Server has no default for it)`);
  if (wanted === 'geography' && d.boundingBox !== undefined) out.push(`${d.tessellation} takes no BOUNDING_BOX (a geography index covers the whole globe)`);
  const b = d.boundingBox;
  if (b !== undefined && !(b.xmax > b.xmin && b.ymax > b.ymin)) out.push(`BOUNDING_BOX needs xmax > xmin and ymax > ymin (got ${b.xmin}, ${b.ymin}, ${b.xmax}, ${b.ymax})`);
  if (!takesGrids(d.tessellation) && d.grids !== undefined) out.push(`${d.tessellation} takes no GRIDS (it chooses its own levels)`);
  if (!Number.isInteger(d.cellsPerObject) || d.cellsPerObject < 1 || d.cellsPerObject > MAX_CELLS_PER_OBJECT) {
    out.push(`CELLS_PER_OBJECT must be a whole number from 1 to ${MAX_CELLS_PER_OBJECT} (got ${d.cellsPerObject})`);
  }
  return out;
}

/** A stored tessellation: scheme, bounding box (xmin, ymin, xmax, ymax), the four levels' densities, cells per object. */
export interface StoredTessellation {
  readonly scheme: string;
  readonly box: readonly (number | null)[];
  readonly levels: readonly (string | null)[];
  readonly cellsPerObject: number | null;
}

/**
 * The model's spelling of a stored tessellation, or a problem. The AUTO_GRID schemes report NULL
 * levels ("NULL is returned when new SQL Server 11 tessellation is used",
 * https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-spatial-index-tessellations-transact-sql);
 * a NULL cells_per_object reads as the scheme's default (inferred).
 */
export function storedSpatial(r: StoredTessellation): SpatialIndexDefinition | string {
  const scheme = TESSELLATION_SCHEMES.find((s) => s === r.scheme.toUpperCase());
  if (scheme === undefined) return `its tessellation scheme ${r.scheme} is not one schemac knows`;
  const [xmin, ymin, xmax, ymax] = r.box;
  const box = typeof xmin === 'number' && typeof ymin === 'number' && typeof xmax === 'number' && typeof ymax === 'number' ? { boundingBox: { xmin, ymin, xmax, ymax } } : {};
  let grids: { grids?: SpatialIndexDefinition['grids'] } = {};
  if (takesGrids(scheme)) {
    const levels = [0, 1, 2, 3].map((n) => (r.levels[n] ?? 'MEDIUM').toUpperCase());
    const bad = levels.find((l) => !GRID_DENSITIES.includes(l as GridDensity));
    if (bad !== undefined) return `its grid density ${bad} is not LOW, MEDIUM or HIGH`;
    grids = { grids: levels as unknown as SpatialIndexDefinition['grids'] };
  }
  return { tessellation: scheme, ...box, ...grids, cellsPerObject: r.cellsPerObject ?? DEFAULT_CELLS_PER_OBJECT[scheme] };
}

/** Why an XML or spatial index build runs offline (the plan shows it beside the lock). */
export const XML_SPATIAL_OFFLINE = 'XML and spatial indexes are built offline only: SQL Server refuses ONLINE = ON for them';

/** A spatial definition as one comparable string (defaults already filled in by both model sources). */
export function spatialSignature(d: SpatialIndexDefinition): string {
  const b = d.boundingBox;
  return [d.tessellation, b === undefined ? '' : `${b.xmin},${b.ymin},${b.xmax},${b.ymax}`, (d.grids ?? []).join(','), d.cellsPerObject].join('/');
}

/**
 * An XML definition as one comparable string. A secondary's primary is not part of it: an xml
 * column has one primary XML index, so the column (compared with the index) already says which;
 * a renamed primary then leaves its secondaries alone.
 */
export function xmlSignature(d: XmlIndexDefinition): string {
  return d.kind === 'primary' ? 'primary' : `secondary/${d.for}`;
}
