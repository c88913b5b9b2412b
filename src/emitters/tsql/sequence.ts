/**
 * CREATE / ALTER / DROP SEQUENCE. CREATE writes every option out (never leaves one to the
 * server), so the catalog ends exactly as the model says; ALTER writes only what changed.
 * Syntax: https://learn.microsoft.com/sql/t-sql/statements/create-sequence-transact-sql and
 * https://learn.microsoft.com/sql/t-sql/statements/alter-sequence-transact-sql (ALTER has no AS:
 * the type never changes in place; a start is changed by RESTART WITH).
 */
import type { Sequence, SequenceCache } from '../../model';
import { quoteQualified } from '../../sqlserver/literals';
import { sequenceTypeRange } from '../../sqlserver/sequences';
import { typeText } from '../../sqlserver/types';
import { assertNever } from '../../util/assert-never';

/** The CACHE clause of a cache setting. */
export function cacheClause(cache: SequenceCache): string {
  switch (cache.kind) {
    case 'default': return 'CACHE';
    case 'none': return 'NO CACHE';
    case 'size': return `CACHE ${cache.size}`;
    default: return assertNever(cache, 'sequence cache');
  }
}

const sameCache = (a: SequenceCache, b: SequenceCache): boolean => cacheClause(a) === cacheClause(b);

/**
 * MINVALUE / MAXVALUE, or NO MINVALUE / NO MAXVALUE for the type's own bound: the same catalog
 * row (sys.sequences reports the type's bound for NO MINVALUE), and no negative constant where
 * none is needed (bigint's bound is -9223372036854775808).
 */
function boundClause(which: 'MINVALUE' | 'MAXVALUE', value: string, s: Sequence): string {
  const [low, high] = sequenceTypeRange(s.type);
  return value === (which === 'MINVALUE' ? low : high).toString() ? `NO ${which}` : `${which} ${value}`;
}

/** CREATE SEQUENCE with every option written. */
export function renderCreateSequence(s: Sequence): string {
  return `CREATE SEQUENCE ${quoteQualified(s.schema, s.name)} AS ${typeText(s.type)} START WITH ${s.start} INCREMENT BY ${s.increment}`
    + ` ${boundClause('MINVALUE', s.min, s)} ${boundClause('MAXVALUE', s.max, s)} ${s.cycle ? 'CYCLE' : 'NO CYCLE'} ${cacheClause(s.cache)};`;
}

/** DROP SEQUENCE. */
export function renderDropSequence(s: Sequence): string {
  return `DROP SEQUENCE ${quoteQualified(s.schema, s.name)};`;
}

/** The ALTER SEQUENCE options that take `from` to `to` (the type is the same). */
export function alterSequenceOptions(from: Sequence, to: Sequence): string[] {
  const out: string[] = [];
  if (from.start !== to.start) out.push(`RESTART WITH ${to.start}`);
  if (from.increment !== to.increment) out.push(`INCREMENT BY ${to.increment}`);
  if (from.min !== to.min) out.push(boundClause('MINVALUE', to.min, to));
  if (from.max !== to.max) out.push(boundClause('MAXVALUE', to.max, to));
  if (from.cycle !== to.cycle) out.push(to.cycle ? 'CYCLE' : 'NO CYCLE');
  if (!sameCache(from.cache, to.cache)) out.push(cacheClause(to.cache));
  return out;
}

/** ALTER SEQUENCE with the options that changed; throws when nothing did (a differ bug). */
export function renderAlterSequence(from: Sequence, to: Sequence): string {
  const options = alterSequenceOptions(from, to);
  if (options.length === 0) throw new Error(`schemac: ALTER SEQUENCE ${to.schema}.${to.name} with nothing to change`);
  return `ALTER SEQUENCE ${quoteQualified(to.schema, to.name)} ${options.join(' ')};`;
}
