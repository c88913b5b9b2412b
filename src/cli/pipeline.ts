import * as fs from 'fs';
import * as path from 'path';
import { compileSchema } from '../compiler';
import { parseSnapshot } from '../catalog/snapshot';
import { snapshotToModel } from '../catalog/to-model';
import { readCatalog } from '../catalog/read';
import { parseConnectionString } from '../catalog/connection';
import type { CatalogSnapshot } from '../catalog/snapshot';
import { formatDiagnostic, summarizeDiagnostics } from '../emitters/diagnostics-text';
import type { Database, Diagnostic } from '../model';
import { CliError } from './errors';
import type { CliIo } from './io';
import { emptyDatabase, type DatabaseSource } from './sources';
import type { Project } from './project';
import { fileTypeCheckCache } from './type-check-cache';
import { ignoredTable, withoutIgnored, type IgnoreSettings } from '../config';
import { lint, withoutSuperseded } from '../lint';

/** Prints diagnostics to stderr, errors and warnings alike. */
export function reportDiagnostics(io: CliIo, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) io.stderr.write(`${formatDiagnostic(d, io.cwd)}\n`);
}

/**
 * Compiles the schema folder; any error is reported and stops the command (exit 1). With
 * `typeCheck` false, TypeScript's own type errors are skipped (schemac's checks all still run):
 * the type check is most of the compile time on large schemas.
 */
export function compileOrFail(io: CliIo, project: Project, typeCheck = true, showInfo = false): Database {
  const { database, diagnostics } = compileAndLint(project, typeCheck);
  // Info-level findings are for `check` and `review`; a plan shows what could go wrong.
  reportDiagnostics(io, showInfo ? diagnostics : diagnostics.filter((d) => d.severity !== 'info'));
  if (diagnostics.some((d) => d.severity === 'error')) {
    throw new CliError(`schema has errors (${summarizeDiagnostics(diagnostics)})`);
  }
  return database;
}

/**
 * Compiles the project's schema, drops ignored tables, and lints what is left; the compiler's
 * key-size warning gives way to the lint rule that owns it (so it is reported once).
 */
export function compileAndLint(project: Project, typeCheck = true): { database: Database; diagnostics: Diagnostic[] } {
  const dir = project.schemaDir;
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new CliError(`schema folder not found: ${project.schemaShown}`);
  }
  const compiled = compileSchema(dir, {
    typeCheck, defaultSchema: project.config.defaultSchema, naming: project.config.naming,
    typeCheckCache: fileTypeCheckCache(project.root),
  });
  const database = withoutIgnored(compiled.database, project.config.ignore);
  const hasErrors = compiled.diagnostics.some((d) => d.severity === 'error');
  const findings = hasErrors ? [] : lint(database, project.config.lint);
  return { database, diagnostics: [...withoutSuperseded(compiled.diagnostics), ...findings] };
}

/** The current database state: nothing, a snapshot file, or a live server's catalog. */
export interface CurrentState {
  readonly database: Database;
  readonly snapshot: CatalogSnapshot | null;
}

/** Reads the current state from the chosen source; catalog warnings go to stderr. */
export async function loadCurrent(io: CliIo, source: DatabaseSource, ignore?: IgnoreSettings): Promise<CurrentState> {
  const state = await readSource(io, source, ignore);
  return ignore ? { ...state, database: withoutIgnored(state.database, ignore) } : state;
}

async function readSource(io: CliIo, source: DatabaseSource, ignore?: IgnoreSettings): Promise<CurrentState> {
  switch (source.kind) {
    case 'empty':
      return { database: emptyDatabase(), snapshot: null };
    case 'catalog': {
      const file = path.resolve(io.cwd, source.file);
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch (err) {
        throw new CliError(`cannot read catalog file ${source.file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
      }
      return toState(io, parseSnapshot(text, source.file), ignore);
    }
    case 'database': {
      const config = parseConnectionString(source.url);
      return toState(io, await readCatalog(config), ignore);
    }
  }
}

function toState(io: CliIo, snapshot: CatalogSnapshot, ignore?: IgnoreSettings): CurrentState {
  return { database: catalogModel(snapshot, (d) => reportDiagnostics(io, d), ignore), snapshot };
}

/**
 * A snapshot as the model, ignored tables left out before anything is read. Warnings go to
 * `report` (an object schemac cannot model is a warning: it is kept opaque). Only rows that
 * contradict each other stop the command.
 */
export function catalogModel(snapshot: CatalogSnapshot, report: (diagnostics: readonly Diagnostic[]) => void, ignore?: IgnoreSettings): Database {
  const { database, diagnostics } = snapshotToModel(snapshot, ignore ? { skipTable: ignoredTable(ignore) } : {});
  report(diagnostics);
  if (diagnostics.some((d) => d.severity === 'error')) {
    throw new CliError(`the database has objects schemac cannot read (${summarizeDiagnostics(diagnostics)})`);
  }
  return database;
}
