import * as fs from 'fs';
import { compileSchemaAsync, type CompileOptions } from '../compiler';
import { withoutIgnored } from '../config';
import { summarizeDiagnostics } from '../emitters/diagnostics-text';
import { lint, withoutSuperseded, withoutSuppressed } from '../lint';
import type { Database, Diagnostic } from '../model';
import type { AppContext } from './context';
import { AppError } from './errors';
import type { Project } from './project';
import { fileTypeCheckCache } from './type-check-cache';

/** What a compile found: the model (ignored tables removed) and every diagnostic, lint included. */
export interface CompiledSchema {
  readonly database: Database;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * The compiler options a project's config gives, for every compile of its schema (the working
 * tree's and, in `review`, a base ref's): one builder, so a config setting cannot reach one
 * compile and miss the other.
 */
export function compileOptionsOf(project: Project, typeCheck: boolean): CompileOptions {
  return {
    typeCheck, defaultSchema: project.config.defaultSchema, naming: project.config.naming,
    typeCheckCache: fileTypeCheckCache(project.root), descriptions: project.config.descriptions !== 'ignore',
    ...(project.config.externalSequences !== undefined ? { externalSequences: project.config.externalSequences } : {}),
  };
}

/**
 * Compiles the project's schema, drops ignored tables, and lints what is left; the compiler's
 * key-size warning gives way to the lint rule that owns it (so it is reported once). With
 * `typeCheck` false, TypeScript's own type errors are skipped (schemac's checks all still run):
 * the type check is most of the compile time on large schemas.
 */
export async function compileAndLint(project: Project, typeCheck = true): Promise<CompiledSchema> {
  const dir = project.schemaDir;
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new AppError(`schema folder not found: ${project.schemaShown}`);
  }
  const compiled = await compileSchemaAsync(dir, compileOptionsOf(project, typeCheck));
  const database = withoutIgnored(compiled.database, project.config.ignore);
  const hasErrors = compiled.diagnostics.some((d) => d.severity === 'error');
  // Findings a schema file suppresses (with its reason) are dropped here, where files can be read.
  const findings = hasErrors ? [] : withoutSuppressed(lint(database, project.config.lint), readTextOrNull);
  return { database, diagnostics: [...withoutSuperseded(compiled.diagnostics), ...findings] };
}

/**
 * Compiles the schema for a command that goes on to plan: diagnostics go to the context's
 * report, and any error stops the command. Info-level findings are for `check` and `review`
 * (`showInfo`); a plan shows what could go wrong.
 */
export async function compileOrFail(ctx: AppContext, project: Project, typeCheck = true, showInfo = false): Promise<Database> {
  const { database, diagnostics } = await compileAndLint(project, typeCheck);
  ctx.report(showInfo ? diagnostics : diagnostics.filter((d) => d.severity !== 'info'));
  if (diagnostics.some((d) => d.severity === 'error')) {
    throw new AppError(`schema has errors (${summarizeDiagnostics(diagnostics)})`);
  }
  return database;
}

function readTextOrNull(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}
