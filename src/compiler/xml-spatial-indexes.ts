/**
 * @XmlIndex and @SpatialIndex: one xml, geometry or geography column, the definition SQL Server
 * stores (src/sqlserver/xml-spatial-indexes.ts fills in its defaults so a compiled index and a
 * catalog one compare equal), and each combination SQL Server refuses reported where it was
 * written (SC1514, SC1515, SC1512 for an option these indexes do not take).
 */
import type { ts } from 'ts-morph';
import type { BoundingBox, GridDensity, Index, SpatialIndexDefinition, TessellationScheme, XmlIndexDefinition } from '../model';
import {
  allowedIndexOptions, defaultScheme, DEFAULT_CELLS_PER_OBJECT, GRID_DENSITIES, isSpatialType, MAX_PRIMARY_KEY_COLUMNS, spatialProblems, TESSELLATION_SCHEMES, takesGrids,
} from '../sqlserver/xml-spatial-indexes';
import { Codes } from './codes';
import type { DiagnosticBag } from './diagnostics';
import { expandTemplate } from './names';
import type { TableItem } from './read-classes';
import { renamedFromOption } from './renamed-from';
import { refOf } from './source-ref';
import type { StaticValue } from './static-value';
import { keyStorage, columnstoreName } from './storage-options';
import { resolveKeyColumn, type TableDraft } from './table-draft';

/** The options each decorator takes (the WITH options SQL Server's rules allow, and the definition's); anything else is SC1512. */
const ALLOWED: Readonly<Record<'xmlIndex' | 'spatialIndex', ReadonlySet<string>>> = {
  xmlIndex: new Set([...allowedIndexOptions('xml'), 'renamedFrom', 'using', 'for']),
  spatialIndex: new Set([...allowedIndexOptions('spatial'), 'renamedFrom', 'using', 'boundingBox', 'grids', 'cellsPerObject', 'dataCompression']),
};
const SECONDARY_KINDS = new Set(['PATH', 'VALUE', 'PROPERTY']);

/** Where each XML or spatial index was written, for the checks made once the table is complete. */
const written = new WeakMap<Index, { readonly node: ts.Node; readonly using?: ts.Node }>();

function optionsOf(v: StaticValue | undefined, bag: DiagnosticBag): ReadonlyMap<string, StaticValue> {
  if (v === undefined) return new Map();
  if (v.kind === 'object') return v.props;
  bag.error(Codes.notStatic, 'options must be an object literal', v.node);
  return new Map();
}

/** @XmlIndex(name, field, opts) or @SpatialIndex(name, field, opts): the index, with what can be checked before the table is complete. */
export function addXmlOrSpatialIndex(draft: TableDraft, item: TableItem, bag: DiagnosticBag): void {
  const kind = item.kind === 'xmlIndex' ? 'xmlIndex' : 'spatialIndex';
  const name = columnstoreName(draft, item, bag);
  if (name === null) return;
  const [, columnV, optsV] = item.args;
  const what = kind === 'xmlIndex' ? `XML index ${name}` : `spatial index ${name}`;
  const opts = optionsOf(optsV, bag);
  for (const [key, v] of opts) {
    if (ALLOWED[kind].has(key)) continue;
    // A spatial index could take ON filegroup; schemac builds both kinds where their table lives.
    const why = key === 'on' ? 'schemac builds XML and spatial indexes where their table lives' : `CREATE ${kind === 'xmlIndex' ? 'XML' : 'SPATIAL'} INDEX has no such option`;
    bag.error(Codes.indexOption, `${what} cannot take ${key}: ${why}`, v.node);
  }
  if (columnV === undefined || columnV.kind === 'array') {
    bag.error(Codes.notStatic, `${what} is on one column: give its field name as a string`, columnV?.node ?? item.node);
    return;
  }
  const column = resolveKeyColumn(draft, columnV, bag, false);
  if (column === null) return;
  const info = draft.byName.get(draft.key(column.name));
  if (info === undefined) return;
  const type = info.column.type.name;
  const code = kind === 'xmlIndex' ? Codes.xmlIndex : Codes.spatialIndex;
  let definition: { xml: XmlIndexDefinition } | { spatial: SpatialIndexDefinition } | null;
  if (kind === 'xmlIndex') {
    if (type !== 'xml') bag.error(code, `${what}: column ${column.name} is ${type}; an XML index is on an xml column`, columnV.node);
    if (info.column.computed !== null) bag.error(code, `${what}: column ${column.name} is computed; SQL Server builds no XML index on a computed column`, columnV.node);
    definition = xmlDefinition(draft, opts, what, bag);
  } else {
    if (!isSpatialType(type)) bag.error(code, `${what}: column ${column.name} is ${type}; a spatial index is on a geometry or geography column`, columnV.node);
    definition = isSpatialType(type) ? spatialDefinition(opts, type, what, bag, columnV.node) : null;
  }
  if (definition === null) return;
  const allowed = new Map([...opts].filter(([k]) => ALLOWED[kind].has(k) && k !== 'renamedFrom'));
  const index: Index = {
    name, isSystemNamed: false, ...renamedFromOption(draft, opts, bag),
    columns: [{ name: column.name, descending: false }], include: [], unique: false, clustered: false, filter: null,
    ...keyStorage(allowed, what, bag), ...definition, source: refOf(item.node),
  };
  draft.indexes.push(index);
  draft.origins.set(index, { node: item.node, nameNode: item.args[0]?.node, generated: false, what: kind === 'xmlIndex' ? 'XML index' : 'spatial index' });
  written.set(index, { node: item.node, ...(opts.get('using') !== undefined ? { using: opts.get('using')?.node } : {}) });
}

/** PRIMARY, or `{ using, for }` for a secondary. */
function xmlDefinition(draft: TableDraft, opts: ReadonlyMap<string, StaticValue>, what: string, bag: DiagnosticBag): { xml: XmlIndexDefinition } | null {
  const using = opts.get('using');
  const kindV = opts.get('for');
  if (using === undefined && kindV === undefined) return { xml: { kind: 'primary' } };
  if (using?.kind !== 'string' || kindV?.kind !== 'string' || !SECONDARY_KINDS.has(kindV.value)) {
    bag.error(Codes.xmlIndex, `${what}: a secondary XML index needs both using: '<primary XML index name>' and for: 'PATH' | 'VALUE' | 'PROPERTY'`, (using ?? kindV)?.node ?? draft.info.roleNode);
    return null;
  }
  const { name, unknown } = expandTemplate(using.value, draft.name, draft.schema);
  for (const u of unknown) bag.error(Codes.unknownPlaceholder, `unknown placeholder ${u} in the using of ${what}; use {table} or {schema}`, using.node);
  return { xml: { kind: 'secondary', using: name, for: kindV.value as 'PATH' | 'VALUE' | 'PROPERTY' } };
}

function numberOf(v: StaticValue | undefined, what: string, bag: DiagnosticBag): number | undefined {
  if (v === undefined) return undefined;
  if (v.kind === 'number') return v.value;
  bag.error(Codes.notStatic, `${what} must be a number literal`, v.node);
  return undefined;
}

/** The tessellation with SQL Server's defaults filled in, or null after reporting why SQL Server refuses it. */
function spatialDefinition(opts: ReadonlyMap<string, StaticValue>, type: 'geometry' | 'geography', what: string, bag: DiagnosticBag, at: ts.Node): { spatial: SpatialIndexDefinition } | null {
  const usingV = opts.get('using');
  let scheme = defaultScheme(type);
  if (usingV !== undefined) {
    if (usingV.kind !== 'string' || !TESSELLATION_SCHEMES.includes(usingV.value as TessellationScheme)) {
      bag.error(Codes.spatialIndex, `${what}: using must be one of ${TESSELLATION_SCHEMES.join(', ')}`, usingV.node);
      return null;
    }
    scheme = usingV.value as TessellationScheme;
  }
  const boxV = opts.get('boundingBox');
  let boundingBox: BoundingBox | undefined;
  if (boxV !== undefined) {
    const props = boxV.kind === 'object' ? boxV.props : new Map<string, StaticValue>();
    const [xmin, ymin, xmax, ymax] = (['xmin', 'ymin', 'xmax', 'ymax'] as const).map((k) => numberOf(props.get(k), `boundingBox.${k}`, bag));
    if (xmin === undefined || ymin === undefined || xmax === undefined || ymax === undefined) {
      bag.error(Codes.spatialIndex, `${what}: boundingBox needs { xmin, ymin, xmax, ymax } as number literals`, boxV.node);
      return null;
    }
    boundingBox = { xmin, ymin, xmax, ymax };
  }
  const gridsV = opts.get('grids');
  let grids: SpatialIndexDefinition['grids'];
  if (gridsV !== undefined) {
    const props = gridsV.kind === 'object' ? gridsV.props : new Map<string, StaticValue>();
    if (gridsV.kind !== 'object') bag.error(Codes.notStatic, 'grids must be an object literal { level1, level2, level3, level4 }', gridsV.node);
    for (const [k, v] of props) {
      if (!/^level[1-4]$/.test(k)) bag.error(Codes.spatialIndex, `${what}: grids has level1 to level4, not ${k}`, v.node);
      else if (v.kind !== 'string' || !GRID_DENSITIES.includes(v.value as GridDensity)) bag.error(Codes.spatialIndex, `${what}: grid ${k} must be ${GRID_DENSITIES.join(', ')}`, v.node);
    }
    // "If you omit a level, its density defaults to MEDIUM."
    const level = (n: number): GridDensity => { const v = props.get(`level${n}`); return v?.kind === 'string' && GRID_DENSITIES.includes(v.value as GridDensity) ? v.value as GridDensity : 'MEDIUM'; };
    grids = [level(1), level(2), level(3), level(4)];
  } else if (takesGrids(scheme)) grids = ['MEDIUM', 'MEDIUM', 'MEDIUM', 'MEDIUM'];
  const cellsPerObject = numberOf(opts.get('cellsPerObject'), 'cellsPerObject', bag) ?? DEFAULT_CELLS_PER_OBJECT[scheme];
  const definition: SpatialIndexDefinition = { tessellation: scheme, ...(boundingBox !== undefined ? { boundingBox } : {}), ...(grids !== undefined ? { grids } : {}), cellsPerObject };
  const problems = spatialProblems(definition, type);
  const nodeFor = (p: string) => (p.includes('BOUNDING_BOX') ? boxV?.node : p.includes('GRIDS') ? gridsV?.node : p.includes('CELLS_PER_OBJECT') ? opts.get('cellsPerObject')?.node : usingV?.node) ?? at;
  for (const p of problems) bag.error(Codes.spatialIndex, `SQL Server refuses ${what}: ${p}`, nodeFor(p));
  return problems.length > 0 ? null : { spatial: definition };
}

/**
 * Once every column and decorator of the table is read: the clustered primary key XML and
 * spatial indexes are built over (at most 15 columns), one primary XML index per xml column,
 * and each secondary's primary on its own column.
 */
export function settleXmlSpatial(draft: TableDraft, bag: DiagnosticBag): void {
  const special = draft.indexes.filter((i) => i.xml !== undefined || i.spatial !== undefined);
  if (special.length === 0) return;
  const pk = draft.primaryKey;
  const table = `${draft.schema}.${draft.name}`;
  const at = (i: Index) => written.get(i)?.node ?? draft.origins.get(i)?.node ?? draft.info.roleNode;
  for (const i of special) {
    const what = i.xml !== undefined ? `XML index ${i.name}` : `spatial index ${i.name}`;
    const code = i.xml !== undefined ? Codes.xmlIndex : Codes.spatialIndex;
    if (pk === null) bag.error(code, `SQL Server builds ${what} over the table's clustered primary key, and table ${table} has none; declare a primary key (clustered)`, at(i));
    else if (!pk.clustered) bag.error(code, `SQL Server builds ${what} over the table's clustered primary key, and ${pk.name} of ${table} is nonclustered; declare it clustered: true (a uniqueidentifier key is nonclustered unless it says so)`, at(i));
    else if (pk.columns.length > MAX_PRIMARY_KEY_COLUMNS) bag.error(code, `SQL Server builds ${what} over the table's clustered primary key, which may have at most ${MAX_PRIMARY_KEY_COLUMNS} columns; ${pk.name} has ${pk.columns.length}`, at(i));
  }
  const primaries = new Map<string, Index>();
  for (const i of special) {
    if (i.xml?.kind !== 'primary') continue;
    const col = draft.key(i.columns[0]?.name ?? '');
    const prior = primaries.get(col);
    if (prior !== undefined) bag.error(Codes.xmlIndex, `column ${i.columns[0]?.name ?? ''} of ${table} already has primary XML index ${prior.name}; an xml column has one primary XML index (make this one secondary: { using: '${prior.name}', for: 'PATH' | 'VALUE' | 'PROPERTY' })`, at(i));
    else primaries.set(col, i);
  }
  for (const i of special) {
    const x = i.xml;
    if (x?.kind !== 'secondary') continue;
    const primary = special.find((p) => p.xml?.kind === 'primary' && draft.key(p.name) === draft.key(x.using));
    const node = written.get(i)?.using ?? at(i);
    if (primary === undefined) bag.error(Codes.xmlIndex, `secondary XML index ${i.name} uses ${x.using}, which is not a primary XML index of ${table}; declare @XmlIndex('${x.using}', ...) without using`, node);
    else if (draft.key(primary.columns[0]?.name ?? '') !== draft.key(i.columns[0]?.name ?? '')) bag.error(Codes.xmlIndex, `secondary XML index ${i.name} is on ${i.columns[0]?.name ?? ''} but its primary ${primary.name} is on ${primary.columns[0]?.name ?? ''}; a secondary XML index is on its primary's column`, node);
  }
}
