/**
 * XML and spatial indexes of the catalog (sys.indexes types 3 and 4) with what makes each one:
 * sys.xml_indexes (primary, or secondary over which primary FOR PATH | VALUE | PROPERTY) and
 * sys.spatial_index_tessellations (scheme, bounding box, grids, cells per object). An index whose
 * row is missing (an older snapshot) or describes what schemac does not model (a selective XML
 * index) gets a problem instead, and stays opaque (opaque.ts).
 */
import type { SecondaryXmlIndexType, SpatialIndexDefinition, XmlIndexDefinition } from '../model';
import { storedSpatial } from '../sqlserver/xml-spatial-indexes';
import type { CatalogSnapshot } from './snapshot-types';

/** What the catalog says of one XML or spatial index. */
export type XmlSpatialReading =
  | { readonly xml: XmlIndexDefinition }
  | { readonly spatial: SpatialIndexDefinition }
  | { readonly problem: string };

const SECONDARY: ReadonlySet<string> = new Set<SecondaryXmlIndexType>(['PATH', 'VALUE', 'PROPERTY']);

/** sys.indexes type_desc of the kinds read here. */
export function isXmlOrSpatialRow(typeDesc: string): boolean {
  return typeDesc === 'XML' || typeDesc === 'SPATIAL';
}

/** Every XML and spatial index of the snapshot by `object_id:index_id`; empty when it has none. */
export function readXmlSpatial(s: CatalogSnapshot): ReadonlyMap<string, XmlSpatialReading> {
  const out = new Map<string, XmlSpatialReading>();
  const special = s.indexes.filter((i) => isXmlOrSpatialRow(i.type_desc));
  if (special.length === 0) return out;
  const names = new Map(s.indexes.map((i) => [`${i.object_id}:${i.index_id}`, i.name]));
  const xmlRows = new Map((s.xml_indexes ?? []).map((r) => [`${r.object_id}:${r.index_id}`, r]));
  const tessellations = new Map((s.spatial_index_tessellations ?? []).map((r) => [`${r.object_id}:${r.index_id}`, r]));
  for (const i of special) {
    const k = `${i.object_id}:${i.index_id}`;
    if (i.type_desc === 'XML') {
      const r = xmlRows.get(k);
      if (r === undefined) { out.set(k, { problem: 'the snapshot has no sys.xml_indexes row for it (written by an older schemac?)' }); continue; }
      if (r.xml_index_type === 0) { out.set(k, { xml: { kind: 'primary' } }); continue; }
      if (r.xml_index_type !== 1) { out.set(k, { problem: 'it is a selective XML index, which schemac does not model' }); continue; }
      const kind = (r.secondary_type_desc ?? '').toUpperCase();
      const primary = r.using_xml_index_id === null ? undefined : names.get(`${i.object_id}:${r.using_xml_index_id}`);
      if (!SECONDARY.has(kind) || primary === undefined) { out.set(k, { problem: `its secondary XML index type ${r.secondary_type_desc ?? 'NULL'} or primary index ${r.using_xml_index_id ?? 'NULL'} is not one schemac can read` }); continue; }
      out.set(k, { xml: { kind: 'secondary', using: primary, for: kind as SecondaryXmlIndexType } });
    } else {
      const r = tessellations.get(k);
      if (r === undefined) { out.set(k, { problem: 'the snapshot has no sys.spatial_index_tessellations row for it (written by an older schemac?)' }); continue; }
      const spatial = storedSpatial({
        scheme: r.tessellation_scheme, box: [r.bounding_box_xmin, r.bounding_box_ymin, r.bounding_box_xmax, r.bounding_box_ymax],
        levels: [r.level_1_grid_desc, r.level_2_grid_desc, r.level_3_grid_desc, r.level_4_grid_desc], cellsPerObject: r.cells_per_object,
      });
      out.set(k, typeof spatial === 'string' ? { problem: spatial } : { spatial });
    }
  }
  return out;
}
