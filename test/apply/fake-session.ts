/**
 * A scripted SqlSession for the executor and migration-runner tests: it records what it runs
 * (a migration's history insert as `HISTORY <id>`, anything else by its first line), grants the
 * apply lock, and lets `onQuery` answer or throw.
 */
import type { QueryResult, SqlSession } from '../../src/apply/session';

/** A session that records what it runs; `onQuery` may answer or throw. */
export function fakeSession(log: string[], onQuery: (text: string) => QueryResult | Error | undefined = () => undefined): SqlSession {
  return {
    async query(text, params) {
      log.push(params?.migration_id ? `HISTORY ${String(params.migration_id.value)}` : text.split('\n')[0]!);
      const answer = onQuery(text);
      if (answer instanceof Error) throw answer;
      if (answer) return answer;
      if (text.includes('sp_getapplock')) return { recordsets: [[{ result: 0, spid: 51 }]], rowsAffected: [] };
      return { recordsets: [], rowsAffected: [] };
    },
    async begin() { log.push('BEGIN'); },
    async commit() { log.push('COMMIT'); },
    async rollback() { log.push('ROLLBACK'); },
    cancel() { log.push('CANCEL'); },
    async close() { log.push('CLOSE'); },
  };
}
