import { openMssqlSession } from '../apply/session';
import { parseConnectionString } from '../catalog/connection';
import { RECENT_HISTORY_SQL } from '../emitters/apply-sql';
import type { AppContext } from './context';
import { UsageError } from './errors';
import { loadProject } from './project';
import { resolveDatabaseUrl } from './sources';

/** What `history` needs: the database and how many entries. */
export interface HistoryInput {
  readonly database?: string;
  /** The project config, for its database.url. */
  readonly config?: string;
  readonly limit: number;
}

/** One row of [schemac].[applied_plans], newest first, as the database returns it. */
export type HistoryEntry = Readonly<Record<string, unknown>>;

/** `history`: the most recent applies recorded in [schemac].[applied_plans]. */
export async function history(ctx: AppContext, input: HistoryInput): Promise<readonly HistoryEntry[]> {
  const project = loadProject(ctx.cwd, { config: input.config });
  const url = resolveDatabaseUrl(input.database, ctx.env, project.config.database.url, 'history');
  if (!Number.isInteger(input.limit) || input.limit < 1) throw new UsageError('--limit must be a positive whole number');
  const session = await openMssqlSession(parseConnectionString(url));
  try {
    const result = await session.query(RECENT_HISTORY_SQL, { limit: { type: 'int', value: input.limit } });
    return result.recordsets[0] ?? [];
  } finally {
    await session.close();
  }
}
