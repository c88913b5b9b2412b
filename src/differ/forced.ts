/**
 * Forced drops: current entities that must be dropped whatever the schema says, because they
 * block an ALTER/DROP COLUMN, a clustered index change or a change to the key a foreign key
 * references. Each pass returns its own set; the diff merges them.
 */
import type { Hazard } from './changes';
import type { Entity } from './entities';

/** Why a current entity is dropped against the schema's wishes, and whether it comes back. */
export interface ForcedDrop {
  /** Re-create it after (its desired version if paired, else its current definition). */
  readonly readd: boolean;
  readonly hazards: readonly Hazard[];
}

/** Forced drops by entity (entities are stable objects per table, see entitiesOf). */
export type Forced = ReadonlyMap<Entity, ForcedDrop>;

/** An empty set of forced drops. */
export const NOTHING_FORCED: Forced = new Map();

/** Merges forced drops, keeping the strongest answer (re-add wins) and every hazard. */
export function mergeForced(...sets: readonly Forced[]): Forced {
  const out = new Map<Entity, ForcedDrop>();
  for (const set of sets) {
    for (const [entity, drop] of set) {
      const before = out.get(entity);
      out.set(entity, before === undefined ? drop : {
        readd: before.readd || drop.readd,
        hazards: [...before.hazards, ...drop.hazards],
      });
    }
  }
  return out;
}

/** A builder for one pass's forced drops (local to the pass; the result is read-only). */
export class ForcedBuilder {
  private readonly drops = new Map<Entity, ForcedDrop>();

  /** Records a forced drop, merging with an earlier one for the same entity. */
  force(entity: Entity, readd: boolean, hazards: readonly Hazard[] = []): void {
    const before = this.drops.get(entity);
    this.drops.set(entity, {
      readd: readd || (before?.readd ?? false),
      hazards: [...(before?.hazards ?? []), ...hazards],
    });
  }

  /** Whether the entity is forced out already. */
  has(entity: Entity): boolean {
    return this.drops.has(entity);
  }

  /** The forced drops recorded so far. */
  result(): Forced {
    return new Map(this.drops);
  }
}
