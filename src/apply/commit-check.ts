/**
 * COMMIT, and what to conclude when the connection dies during it: the history row was written
 * in the same transaction, so a fresh session that finds it knows the commit reached the server,
 * and one that does not knows the server rolled back. Shared by apply and migrate apply.
 */
import { HISTORY_ROW_EXISTS_SQL } from '../emitters/apply-sql';
import { ApplyError, isConnectionError } from './errors';
import type { SqlSession } from './session';

/** Commits; on a lost connection checks the history for `runId` through a new session. */
export async function commitOrCheck(
  session: SqlSession, openSession: () => Promise<SqlSession>, runId: string,
  words: { readonly howToLook: string; readonly rolledBack: string },
): Promise<void> {
  try {
    await session.commit();
  } catch (err) {
    if (!isConnectionError(err)) throw err;
    let found: boolean;
    try {
      const check = await openSession();
      try {
        const r = await check.query(HISTORY_ROW_EXISTS_SQL, { id: { type: 'uniqueidentifier', value: runId } });
        found = Number(r.recordsets[0]?.[0]?.found) > 0;
      } finally {
        await check.close().catch(() => undefined);
      }
    } catch (checkErr) {
      throw new ApplyError('commit-unknown', `the connection dropped during COMMIT and the database could not be checked: look for run ${runId} in [schemac].[applied_plans] (${words.howToLook})`, {}, { cause: checkErr });
    }
    if (found) return; // the commit reached the server before the connection dropped
    throw new ApplyError('connection-lost', `the connection dropped during COMMIT; run ${runId} is not in the history, so the server rolled ${words.rolledBack}`, { committed: false }, { cause: err });
  }
}
