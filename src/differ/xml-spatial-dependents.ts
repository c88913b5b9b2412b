/**
 * What XML and spatial indexes hang off, and the drops that take them along. SQL Server builds
 * them over the table's clustered primary key and will not change that key while one exists ("The
 * modifications of the primary key constraint in the user table are not automatically propagated
 * to XML indexes. The user must drop the XML indexes first and then re-create them"); a secondary
 * XML index is built over its primary XML index, and dropping the primary drops it (sources in
 * src/sqlserver/xml-spatial-indexes.ts). So when the plan drops the clustered primary key, every
 * XML and spatial index of the table is dropped before it and re-created after; when it drops a
 * primary XML index, so are the secondaries over it. Ordering (order.ts) puts secondaries first
 * among drops and last among creates; the down script, being the inverses reversed, does the same.
 */
import { entitiesOf, type Entity } from './entities';
import { dropsEntity, type EntityState } from './diff-entities';
import { ForcedBuilder, mergeForced, NOTHING_FORCED, type Forced } from './forced';
import { allRowsText, hazard, mayHaveRows, qualified } from './hazards';
import type { DiffContext } from './table-pairs';
import type { Index } from '../model';

type IndexEntity = Extract<Entity, { kind: 'index' }>;

function isXmlOrSpatialEntity(e: Entity): e is IndexEntity {
  return e.kind === 'index' && (e.object.xml !== undefined || e.object.spatial !== undefined);
}

function kindText(i: Index): string {
  return i.xml !== undefined ? `${i.xml.kind} XML index` : 'spatial index';
}

/** The forced drops (with re-add) of XML and spatial indexes whose clustered primary key or primary XML index the plan drops. */
export function xmlSpatialForced(state: EntityState, forced: Forced, ctx: DiffContext): Forced {
  if (state.table.kind !== 'kept') return NOTHING_FORCED;
  const entities = entitiesOf(state.table.current);
  const special = entities.filter(isXmlOrSpatialEntity);
  if (special.length === 0) return NOTHING_FORCED;
  const ref = state.table.oldRef;
  const rows = mayHaveRows(state.table.current) ? `; rebuilding it reads ${allRowsText(state.table.current)} of ${qualified(ref)}` : '';
  const out = new ForcedBuilder();
  const pk = entities.find((e) => e.kind === 'primaryKey');
  if (pk !== undefined && dropsEntity(state, pk, ctx)) {
    for (const e of special) {
      if (forced.has(e)) continue;
      out.force(e, true, [hazard('dependent-rebuild', `${kindText(e.object)} ${e.object.name} is dropped and re-created around the change to primary key ${pk.object.name} of ${qualified(ref)} (SQL Server keeps it over the clustered primary key)${rows}`)]);
    }
  }
  const withPk = mergeForced(forced, out.result());
  const now = { ...state, forced: withPk };
  for (const p of special) {
    if (p.object.xml?.kind !== 'primary' || !dropsEntity(now, p, ctx)) continue;
    for (const e of special) {
      const x = e.object.xml;
      if (x?.kind !== 'secondary' || ctx.key(x.using) !== ctx.key(p.object.name) || withPk.has(e)) continue;
      out.force(e, true, [hazard('dependent-rebuild', `secondary XML index ${e.object.name} is dropped and re-created with primary XML index ${p.object.name} of ${qualified(ref)} (dropping a primary XML index drops its secondaries)${rows}`)]);
    }
  }
  return out.result();
}
