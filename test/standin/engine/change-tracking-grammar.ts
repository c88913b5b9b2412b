/**
 * Grammar-view rewrites for change tracking statements the antlr grammar snapshot lacks (each is
 * documented T-SQL): `ALTER TABLE t { ENABLE | DISABLE } CHANGE_TRACKING [ WITH ( TRACK_COLUMNS_UPDATED
 * = { ON | OFF } ) ]` (alter-table-transact-sql.md) is shown as `... ENABLE | DISABLE TRIGGER x_ct`;
 * in `ALTER DATABASE d SET CHANGE_TRACKING = ON ( CHANGE_RETENTION = n DAYS, AUTO_CLEANUP = ON )`
 * and `SET CHANGE_TRACKING ( ... )` (alter-database-transact-sql-set-options.md) the options group is
 * blanked (and `= ON` shown for the second form). The engine's parser reads the real text.
 */
import type { RewriteTools } from './temporal-grammar';

/** Applies the change tracking rewrites that start at token i. */
export function changeTrackingRewrites(i: number, r: RewriteTools): void {
  const { up, tokens, blank, blankGroup, edit } = r;
  if ((up(i) === 'ENABLE' || up(i) === 'DISABLE') && up(i + 1) === 'CHANGE_TRACKING') {
    edit(tokens[i + 1], 'TRIGGER x_ct');
    if (up(i + 2) === 'WITH' && up(i + 3) === '(') { blank(tokens[i + 2]); blankGroup(i + 3); }
  }
  if (up(i) === 'SET' && up(i + 1) === 'CHANGE_TRACKING') {
    if (up(i + 2) === '(') { edit(tokens[i + 1], 'CHANGE_TRACKING = ON'); blankGroup(i + 2); }
    if (up(i + 2) === '=' && up(i + 3) === 'ON' && up(i + 4) === '(') blankGroup(i + 4);
  }
}
