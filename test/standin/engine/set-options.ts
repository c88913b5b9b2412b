/**
 * The SET options a filtered index needs, at its creation and for every INSERT, UPDATE or
 * DELETE on its table: ANSI_NULLS, ANSI_PADDING, ANSI_WARNINGS, ARITHABORT,
 * CONCAT_NULL_YIELDS_NULL and QUOTED_IDENTIFIER ON, NUMERIC_ROUNDABORT OFF
 * (https://learn.microsoft.com/sql/t-sql/statements/create-index-transact-sql, "SET options
 * requirements"). ARITHABORT counts as ON while ANSI_WARNINGS is ON (database compatibility
 * level 90 and later, same page). Msg 1934 lists every option that is wrong; the order of
 * that list here is inferred.
 */
import type { Host } from './scope';

const MUST_BE_ON = ['ANSI_NULLS', 'QUOTED_IDENTIFIER', 'CONCAT_NULL_YIELDS_NULL', 'ANSI_WARNINGS', 'ANSI_PADDING', 'ARITHABORT'] as const;

/** The options set wrongly for a filtered index, as Msg 1934 lists them; null when all are right. */
export function wrongFilteredIndexOptions(host: Pick<Host, 'option'>): string | null {
  const wrong: string[] = MUST_BE_ON.filter((o) => !(host.option(o) || (o === 'ARITHABORT' && host.option('ANSI_WARNINGS'))));
  if (host.option('NUMERIC_ROUNDABORT')) wrong.push('NUMERIC_ROUNDABORT');
  return wrong.length > 0 ? wrong.join(', ') : null;
}
