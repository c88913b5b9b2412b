import { DEFAULT_COLLATION } from '../sqlserver/names';
import type { Database } from '../model';
import { UsageError } from './errors';

/** Where the current state of the database comes from. */
export type DatabaseSource =
  | { readonly kind: 'empty' }
  | { readonly kind: 'catalog'; readonly file: string }
  | { readonly kind: 'database'; readonly url: string };

/** The source flags every database-reading command accepts. */
export interface SourceFlags {
  readonly empty?: boolean;
  readonly catalog?: string;
  readonly database?: string;
}

/**
 * Picks the one database source: --empty, --catalog FILE or --database URL; with none of them,
 * SCHEMAC_DATABASE_URL, then the config file's database.url. Two at once is a usage error, since
 * silently preferring one could plan against the wrong database.
 */
export function resolveSource(flags: SourceFlags, env: Readonly<Record<string, string | undefined>>, configUrl?: string): DatabaseSource {
  const given: DatabaseSource[] = [];
  if (flags.empty) given.push({ kind: 'empty' });
  if (flags.catalog !== undefined) given.push({ kind: 'catalog', file: flags.catalog });
  if (flags.database !== undefined) given.push({ kind: 'database', url: flags.database });
  if (given.length > 1) {
    throw new UsageError('give only one of --empty, --catalog FILE and --database URL');
  }
  if (given.length === 1) return given[0];
  const fromEnv = env.SCHEMAC_DATABASE_URL;
  if (fromEnv !== undefined && fromEnv.trim() !== '') return { kind: 'database', url: fromEnv };
  if (configUrl !== undefined && configUrl.trim() !== '') return { kind: 'database', url: configUrl };
  throw new UsageError(
    'no database given: pass --empty, --catalog FILE or --database URL, set SCHEMAC_DATABASE_URL, or set database.url in schemac.config.json',
  );
}

/** The database a fresh server would have: no tables, the default collation. */
export function emptyDatabase(): Database {
  return { name: null, collation: DEFAULT_COLLATION, schemas: ['dbo'], tables: [] };
}

/**
 * The live database of a command that can only use one (history): --database, else
 * SCHEMAC_DATABASE_URL, else the config file's database.url, in the same order as resolveSource.
 */
export function resolveDatabaseUrl(flag: string | undefined, env: Readonly<Record<string, string | undefined>>, configUrl: string | undefined, command: string): string {
  const url = [flag, env.SCHEMAC_DATABASE_URL, configUrl].find((v) => v !== undefined && v.trim() !== '');
  if (url === undefined) throw new UsageError(`${command} needs a database: pass --database URL, set SCHEMAC_DATABASE_URL, or set database.url in schemac.config.json`);
  return url;
}
