/**
 * Sequences: created, altered (ALTER SEQUENCE, every option but the type), or dropped and
 * created again when the type changes (ALTER SEQUENCE has no AS), continuing after the value it
 * had reached (read when the script runs: tsql/sequence.ts). A sequence re-created that
 * way takes down every default drawing from it first (SQL Server refuses DROP SEQUENCE while a
 * default references it, Msg 3729) and puts them back after: those defaults are forced drops.
 * Sequences in schemas the plan does not manage are never touched.
 */
import { referencedSequences } from '../expr';
import type { Database, Sequence, Table } from '../model';
import type { NameKey } from '../sqlserver/names';
import { sameType, typeText } from '../sqlserver/types';
import type { Hazard, PlanStep, SkippedObject } from './changes';
import { entitiesOf } from './entities';
import { ForcedBuilder, type Forced } from './forced';
import { hazard } from './hazards';
import { NOT_DECLARED } from './skip-reasons';
import { step } from './step';
import type { Planned } from './table-pairs';

/** The sequence steps, and the keys (`schema.name`) of current sequences the plan drops and creates again. */
export interface SequencePlan {
  readonly planned: Planned;
  readonly recreated: ReadonlySet<string>;
}

const sequenceKey = (key: NameKey, schema: string, name: string): string => `${key(schema)}.${key(name)}`;

/** Keys of the sequences a default expression draws from (a one-part name is in dbo, inferred: the usual default schema). */
function drawnFrom(text: string, key: NameKey): string[] {
  return referencedSequences(text).flatMap((parts) => (parts.length === 1 ? [sequenceKey(key, 'dbo', parts[0] as string)]
    : parts.length === 2 ? [sequenceKey(key, parts[0] as string, parts[1] as string)] : []));
}

/** The plan for sequences. `inScope` says whether the plan manages a schema. */
export function diffSequences(desired: Database, current: Database, key: NameKey, allowDrop: boolean, inScope: (schema: string) => boolean): SequencePlan {
  const have = new Map((current.sequences ?? []).map((q) => [sequenceKey(key, q.schema, q.name), q] as const));
  const want = new Map((desired.sequences ?? []).map((q) => [sequenceKey(key, q.schema, q.name), q] as const));
  // A sequence a declared default still draws from (one listed as external) is never dropped.
  // Only asked about current sequences: without any, no default is read.
  let used: Set<string> | undefined;
  const isUsed = (k: string) => (used ??= new Set(desired.tables.flatMap((t) => t.defaults.flatMap((d) => drawnFrom(d.expression.text, key))))).has(k);
  const steps: PlanStep[] = [];
  const skipped: SkippedObject[] = [];
  const recreated = new Set<string>();
  for (const [k, to] of want) {
    const from = have.get(k);
    if (from === undefined) steps.push(step({ kind: 'createSequence', sequence: to }));
    else if (!sameType(from.type, to.type)) {
      recreated.add(k);
      steps.push(step({ kind: 'recreateSequence', from, to }, [...narrowing(from, to), ...narrowing(to, from, 'down')]));
    } else if (changed(from, to)) {
      steps.push(step({ kind: 'alterSequence', from, to }, restartHazards(from, to)));
    }
  }
  for (const [k, from] of have) {
    if (want.has(k) || !inScope(from.schema) || isUsed(k)) continue;
    if (allowDrop) steps.push(step({ kind: 'dropSequence', sequence: from }, [lostValue(from, 'the schema no longer declares it')]));
    else skipped.push({ table: { schema: from.schema, name: '' }, objectType: 'sequence', name: from.name, reason: NOT_DECLARED });
  }
  return { planned: { steps, skipped }, recreated };
}

/** Whether any option ALTER SEQUENCE can change differs. */
function changed(a: Sequence, b: Sequence): boolean {
  const cache = (q: Sequence) => (q.cache.kind === 'size' ? `size:${q.cache.size}` : q.cache.kind);
  return a.start !== b.start || a.increment !== b.increment || a.min !== b.min || a.max !== b.max || a.cycle !== b.cycle || cache(a) !== cache(b);
}

/**
 * When the values `from` can reach go beyond what `to` can continue after (a narrower type or
 * range), the re-create may be unable to keep the sequence's position: the script then stops
 * the apply (THROW) rather than restart the numbering. Said before anything runs.
 */
function narrowing(from: Sequence, to: Sequence, direction: 'up' | 'down' = 'up'): Hazard[] {
  const ascending = BigInt(to.increment) > 0n;
  const reach = ascending ? BigInt(from.max) : BigInt(from.min);
  const limit = ascending ? BigInt(to.max) : BigInt(to.min);
  const next = reach + BigInt(to.increment);
  if (ascending ? next <= limit : next >= limit) return [];
  const where = direction === 'up' ? '' : 'the down script: ';
  return [hazard('sequence-restart', `${where}sequence ${to.schema}.${to.name} can reach ${reach} as ${typeText(from.type)} but can continue only up to ${limit} as ${typeText(to.type)}: if the value it has reached leaves no next value there, the apply stops before any change (the numbering is never restarted)`)];
}

function lostValue(q: Sequence, why: string): Hazard {
  return hazard('data-loss', `drops sequence ${q.schema}.${q.name} (${why}): the value it has reached is lost, and a sequence created again starts over at its START value`);
}

/**
 * RESTART WITH sets the next value: numbers already handed out may come again. Its inverse in the
 * down script restarts at the old START value, not at the value the sequence had reached, which
 * no plan can know (sys.sequences.current_value moves with every NEXT VALUE FOR).
 */
function restartHazards(from: Sequence, to: Sequence): Hazard[] {
  if (from.start === to.start) return [];
  return [hazard('sequence-restart', `ALTER SEQUENCE ${to.schema}.${to.name} RESTART WITH ${to.start}: the next value becomes ${to.start}, so values already used may be generated again; the down script restarts it at ${from.start}, not at the value it had reached (a plan cannot know it)`)];
}

/** Defaults of a current table that draw from a sequence the plan drops and creates again: dropped first, added back after. */
export function sequenceForced(table: Table, recreated: ReadonlySet<string>, key: NameKey): Forced {
  const out = new ForcedBuilder();
  if (recreated.size === 0) return out.result();
  for (const e of entitiesOf(table)) {
    if (e.kind === 'default' && drawnFrom(e.object.expression.text, key).some((k) => recreated.has(k))) out.force(e, true);
  }
  return out.result();
}
