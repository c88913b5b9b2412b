import * as fs from 'fs';
import * as path from 'path';
import { parseSnapshot, type CatalogSnapshot } from '../catalog/snapshot';
import { snapshotToModel } from '../catalog/to-model';
import { ignoredTable, withoutDescriptions, withoutIgnored, type IgnoreSettings, type SchemacConfig } from '../config';
import { DEFAULT_COLLATION, nameKeyFor } from '../sqlserver/names';
import { summarizeDiagnostics } from '../emitters/diagnostics-text';
import type { Database, Diagnostic } from '../model';
import type { AppContext } from './context';
import { AppError } from './errors';
import { emptyDatabase, type DatabaseSource } from './sources';

/** The current database state: nothing, a snapshot file, or a live server's catalog. */
export interface CurrentState {
  readonly database: Database;
  /** The raw catalog rows, when the source had any (not for --empty). */
  readonly snapshot: CatalogSnapshot | null;
}

/**
 * Reads the current state from the chosen source; catalog warnings go to the context's report.
 * `abandoned` lets go of a live server's connection when the result is no longer wanted.
 */
export async function loadCurrent(
  ctx: AppContext, source: DatabaseSource, ignore?: IgnoreSettings, descriptions: SchemacConfig['descriptions'] = 'manage', abandoned?: AbortSignal,
): Promise<CurrentState> {
  const state = await readSource(ctx, source, ignore, abandoned);
  const scoped = ignore ? withoutIgnored(state.database, ignore) : state.database;
  const database = descriptions === 'ignore' ? withoutDescriptions(scoped) : scoped;
  return database === state.database ? state : { ...state, database };
}

/** The raw catalog of the source: a snapshot file as it is, or a live server read now. */
export async function readSnapshot(ctx: AppContext, source: Exclude<DatabaseSource, { kind: 'empty' }>, abandoned?: AbortSignal): Promise<CatalogSnapshot> {
  switch (source.kind) {
    case 'catalog': {
      const file = path.resolve(ctx.cwd, source.file);
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch (err) {
        throw new AppError(`cannot read catalog file ${source.file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
      }
      return parseSnapshot(text, source.file);
    }
    case 'database': {
      // Loaded here, not at the top: the driver is only needed when a server is read.
      const [{ parseConnectionString }, { readCatalog }] = await Promise.all([
        import('../catalog/connection'), import('../catalog/read'),
      ]);
      return readCatalog(parseConnectionString(source.url), abandoned);
    }
  }
}

async function readSource(ctx: AppContext, source: DatabaseSource, ignore: IgnoreSettings | undefined, abandoned: AbortSignal | undefined): Promise<CurrentState> {
  if (source.kind === 'empty') return { database: emptyDatabase(), snapshot: null };
  const snapshot = await readSnapshot(ctx, source, abandoned);
  return { database: catalogModel(snapshot, ctx.report, ignore), snapshot };
}

/**
 * A snapshot as the model, ignored tables left out before anything is read (so nothing in them
 * can warn or stop a command). Warnings go to `report`: an object schemac cannot model is a
 * warning, kept opaque. Only rows that contradict each other stop the command.
 */
export function catalogModel(snapshot: CatalogSnapshot, report: (diagnostics: readonly Diagnostic[]) => void, ignore?: IgnoreSettings): Database {
  const key = nameKeyFor(snapshot.database_collation ?? DEFAULT_COLLATION);
  const ignoredSchemas = new Set((ignore?.schemas ?? []).map(key));
  const { database, diagnostics } = snapshotToModel(snapshot, ignore
    ? { skipTable: ignoredTable(ignore, key), skipSchema: (schema) => ignoredSchemas.has(key(schema)) } : {});
  report(diagnostics);
  if (diagnostics.some((d) => d.severity === 'error')) {
    throw new AppError(`the database has objects schemac cannot read (${summarizeDiagnostics(diagnostics)})`);
  }
  return database;
}
