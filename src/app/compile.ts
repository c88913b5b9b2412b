import * as fs from 'fs';
import { compileSchemaStaged, type CompileResult, type CompileStart } from '../compiler';
import { withoutIgnored } from '../config';
import { summarizeDiagnostics } from '../emitters/diagnostics-text';
import { lint, withoutSuperseded, withoutSuppressed } from '../lint';
import type { Database, Diagnostic } from '../model';
import type { AppContext } from './context';
import { AppError } from './errors';
import type { Project } from './project';
import { startProjectCompile } from './compile-start';

/** What a compile found: the model (ignored tables removed) and every diagnostic, lint included. */
export interface CompiledSchema {
  readonly database: Database;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Compiles the project's schema, drops ignored tables, and lints what is left; the compiler's
 * key-size warning gives way to the lint rule that owns it (so it is reported once). With
 * `typeCheck` false, TypeScript's own type errors are skipped (schemac's checks all still run):
 * the type check is most of the compile time on large schemas.
 */
export async function compileAndLint(project: Project, typeCheck = true): Promise<CompiledSchema> {
  return compileStartedAndLint(project, startProjectCompile(project, typeCheck));
}

/** compileAndLint of a compile already started (startProjectCompile): `review` starts its base's beside it. */
export async function compileStartedAndLint(project: Project, start: CompileStart): Promise<CompiledSchema> {
  return compileAndLintStaged(project, start).complete();
}

/** compileAndLint's result before TypeScript's verdict (`early`), and the whole one after it. */
interface StagedSchema {
  /** The model, with every diagnostic but the type check's (linted when these have no error). */
  readonly early: CompiledSchema;
  /** The whole CompiledSchema, once the type check has ended; call it in every case (it ends the check). */
  complete(): Promise<CompiledSchema>;
}

function compileAndLintStaged(project: Project, start: CompileStart): StagedSchema {
  const staged = compileSchemaStaged(start);
  const linted = (compiled: CompileResult): CompiledSchema => {
    const database = withoutIgnored(compiled.database, project.config.ignore);
    // Findings a schema file suppresses (with its reason) are dropped here, where files can be read.
    const findings = hasErrors(compiled.diagnostics) ? [] : withoutSuppressed(lint(database, project.config.lint), readTextOrNull);
    return { database, diagnostics: [...withoutSuperseded(compiled.diagnostics), ...findings] };
  };
  const early = linted(staged.extracted);
  return {
    early,
    // The verdict only adds type errors: without any, the result is the early one as it is.
    complete: async () => {
      const compiled = await staged.complete();
      return compiled === staged.extracted ? early : linted(compiled);
    },
  };
}

/**
 * Compiles the schema for a command that goes on to plan: diagnostics go to the context's
 * report, and any error stops the command. Info-level findings are for `check` and `review`
 * (`showInfo`); a plan shows what could go wrong.
 */
export async function compileOrFail(ctx: AppContext, project: Project, typeCheck = true, showInfo = false): Promise<Database> {
  return compileThen(ctx, project, startProjectCompile(project, typeCheck), async (desired) => desired, { overlap: false, showInfo });
}

/** How compileThen runs its work. */
export interface CompileThenOptions {
  /**
   * Start the work before TypeScript's verdict. Only for work that reads (files, a server's
   * catalog) and computes: on a type error the command stops without waiting for it, and the
   * work's signal is aborted so that it can let go of what it holds (a connection). False runs
   * the work after the verdict, as compileOrFail then the work would.
   */
  readonly overlap: boolean;
  /** Report info-level findings too (check, review). */
  readonly showInfo?: boolean;
}

/**
 * Work on the compiled model. `abandoned` is aborted when the schema turns out to have errors
 * while the work is still running (compileThen with `overlap`); the work's result is then unused.
 */
export type CompiledWork<T> = (desired: Database, ctx: AppContext, abandoned: AbortSignal) => Promise<T>;

/**
 * compileOrFail of a started compile (startProjectCompile), then `work` on the model. With
 * `overlap`, the work starts before TypeScript's type check has ended (a child process that runs
 * for seconds on large schemas), so reading the catalog (a file or a live server), diffing and
 * rendering overlap it. Nothing of the work shows before the verdict: what it reports goes
 * through its own context and is shown after the compile's diagnostics, and when the schema has
 * errors they stop the command as compileOrFail's do, whatever the work did (its own failure
 * included). So the work must have no effect beyond its result and its reports: it may read,
 * never write, lock or ask. Work that runs synchronously delays the verdict until it ends.
 */
export async function compileThen<T>(
  ctx: AppContext, project: Project, start: CompileStart, work: CompiledWork<T>, options: CompileThenOptions,
): Promise<T> {
  const staged = compileAndLintStaged(project, start);
  const held: (readonly Diagnostic[])[] = [];
  const abandon = new AbortController();
  // With errors already, the verdict only adds to them: no work starts.
  const attempt = !options.overlap || hasErrors(staged.early.diagnostics) ? null
    : work(staged.early.database, { ...ctx, report: (diagnostics) => { held.push(diagnostics); } }, abandon.signal)
      .then((value) => ({ ok: true as const, value }), (error: unknown) => ({ ok: false as const, error }));
  const { database, diagnostics } = await staged.complete();
  ctx.report(options.showInfo === true ? diagnostics : diagnostics.filter((d) => d.severity !== 'info'));
  if (hasErrors(diagnostics)) {
    // The work's result and reports are never shown; the signal tells it to let go of what it
    // holds (a server's connection) instead of finishing a read nobody will look at.
    abandon.abort();
    throw new AppError(`schema has errors (${summarizeDiagnostics(diagnostics)})`);
  }
  if (attempt === null) return work(database, ctx, abandon.signal);
  const outcome = await attempt;
  for (const reported of held) ctx.report(reported);
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}

function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

function readTextOrNull(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}
