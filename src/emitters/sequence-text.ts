/** Sequences in plan text, review and script comments: one line per definition or change. */
import type { Sequence, SequenceCache } from '../model';
import { typeText } from '../sqlserver/types';

function cacheText(cache: SequenceCache): string {
  return cache.kind === 'none' ? 'no cache' : cache.kind === 'size' ? `cache ${cache.size}` : 'cache (default size)';
}

/** `bigint start 1 increment 1 min 1 max 999 cycle cache 50`. */
export function sequenceSummary(s: Sequence): string {
  return `${typeText(s.type)} start ${s.start} increment ${s.increment} min ${s.min} max ${s.max}${s.cycle ? ' cycle' : ''} ${cacheText(s.cache)}`;
}

/** What an ALTER SEQUENCE changes, each part old -> new: `start 1 -> 100 (restart); cache 20 -> no cache`. */
export function sequenceDelta(from: Sequence, to: Sequence): string {
  const parts: string[] = [];
  if (from.start !== to.start) parts.push(`start ${from.start} -> ${to.start} (restart)`);
  if (from.increment !== to.increment) parts.push(`increment ${from.increment} -> ${to.increment}`);
  if (from.min !== to.min) parts.push(`min ${from.min} -> ${to.min}`);
  if (from.max !== to.max) parts.push(`max ${from.max} -> ${to.max}`);
  if (from.cycle !== to.cycle) parts.push(to.cycle ? 'no cycle -> cycle' : 'cycle -> no cycle');
  if (cacheText(from.cache) !== cacheText(to.cache)) parts.push(`${cacheText(from.cache)} -> ${cacheText(to.cache)}`);
  return parts.length > 0 ? parts.join('; ') : 'redefine';
}
