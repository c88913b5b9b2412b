/**
 * CREATE / ALTER / DROP SEQUENCE. CREATE writes every option out (never leaves one to the
 * server), so the catalog ends exactly as the model says; ALTER writes only what changed.
 * Syntax: https://learn.microsoft.com/sql/t-sql/statements/create-sequence-transact-sql and
 * https://learn.microsoft.com/sql/t-sql/statements/alter-sequence-transact-sql (ALTER has no AS:
 * the type never changes in place; a start is changed by RESTART WITH).
 */
import type { Sequence, SequenceCache } from '../../model';
import { nLiteral, quoteQualified } from '../../sqlserver/literals';
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

/**
 * A sequence re-created under a new type, continuing where the old one was. One statement
 * text, so one batch (the variables live in it): the value the old one reached is read when the script runs, not when
 * it was planned, so a value handed out in between is never handed out again; sys.sequences
 * current_value is that value ("If the sequence has never been used, it returns the START
 * WITH value", sys-sequences-transact-sql; so a never-used sequence skips its start value:
 * a gap, never a repeat). The new sequence keeps its declared START; its values up to the one
 * reached are handed out with sp_sequence_get_range (sp-sequence-get-range-transact-sql), so
 * the next NEXT VALUE FOR is the first after it, and a plan made after compares equal. When that
 * next value is outside the new sequence's range, THROW stops the apply before anything else
 * runs (the whole script is one transaction), rather than restarting the numbering.
 */
export function renderRecreateSequence(from: Sequence, to: Sequence): string {
  const name = quoteQualified(to.schema, to.name);
  const asText = nLiteral(name);
  const reached = '@schemac_reached';
  const taken = '@schemac_taken';
  const next = '@schemac_next';
  return [
    `DECLARE ${reached} decimal(38, 0) = (SELECT CONVERT(decimal(38, 0), current_value) FROM sys.sequences WHERE object_id = OBJECT_ID(${nLiteral(quoteQualified(from.schema, from.name))}));`,
    renderDropSequence(from),
    renderCreateSequence(to),
    // How many of the new sequence's values, from its START, are at or before the one reached.
    `DECLARE ${taken} decimal(38, 0) = FLOOR((${reached} - (${to.start})) / (${to.increment})) + 1;`,
    `DECLARE ${next} decimal(38, 0) = (${to.start}) + ${taken} * (${to.increment});`,
    `IF ${taken} > 0 AND (${next} < (${to.min}) OR ${next} > (${to.max}) OR ${taken} > 9223372036854775807)`,
    `  THROW 50000, N'schemac: sequence ${name.replace(/'/g, "''")} has reached a value its new type or range cannot continue after; re-create it by hand or widen its MINVALUE / MAXVALUE', 1;`,
    `IF ${taken} > 0 EXEC sys.sp_sequence_get_range @sequence_name = ${asText}, @range_size = ${taken};`,
  ].join('\n');
}
