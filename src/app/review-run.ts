/**
 * The rest of `review` once both compiles have started (review.ts): the working tree's verdict
 * and lint, the base (a ref's compile, or a database or snapshot read), the diff, the pre-flight
 * counts against a database, and the review document's model.
 */
import * as path from 'path';
import { diff } from '../differ';
import { introducedFindings, lint } from '../lint';
import { buildReview } from '../emitters/review';
import type { CompileStart } from '../compiler/compile-start';
import type { Database } from '../model';
import { compileStartedAndLint, type CompiledSchema } from './compile';
import type { AppContext } from './context';
import { loadCurrent } from './current';
import { managedSchemas } from './managed-schemas';
import type { Project } from './project';
import type { RefBase, RefSide, StartedRefBase } from './review-base';
import type { ReviewInput, ReviewOutcome } from './review';
import { resolveSource } from './sources';
import type { PreflightReport } from '../emitters/preflight-report';
import { preflightSource } from './plan-run';
import { DEFAULT_PREFLIGHT_TIMEOUT_MS, runPlanPreflight } from './preflight';
import type { DatabaseSource } from './sources';

/** The state a review starts from, and how to show its files. */
interface Base {
  readonly database: Database;
  readonly label: string;
  readonly allowDrop: boolean;
  readonly rewrite: (file: string) => string;
  /** The database or catalog the review is against (null: a git ref, which has no rows). */
  readonly source: DatabaseSource | null;
  /** The git ref's commit and project (null against a database). */
  readonly refSide: RefSide | null;
}

/** review() once the working tree's compile (`headStart`) and the ref's (`refBase`, null against a database) have started. */
export async function reviewStarted(
  ctx: AppContext, input: ReviewInput, project: Project, headStart: CompileStart, refBase: StartedRefBase | null,
): Promise<ReviewOutcome> {
  let head: CompiledSchema;
  let base: Base;
  const relative = (file: string) => path.relative(ctx.cwd, file) || file;
  try {
    head = await compileStartedAndLint(project, headStart);
    ctx.report(head.diagnostics);
    if (head.diagnostics.some((d) => d.severity === 'error')) {
      refBase?.discard();
      return { kind: 'schema-errors', diagnostics: head.diagnostics, displayPath: relative };
    }
    // Against a ref, a declaration removed in the working tree is a drop the reviewer must see.
    base = refBase === null ? await databaseBase(ctx, input, project) : atRef(await refBase.complete());
  } catch (err) {
    // No check outlives a failure: a running tsc would hold the process open.
    headStart.discard();
    refBase?.discard();
    throw err;
  }
  const displayPath = (file: string) => relative(base.rewrite(file));
  const plan = diff(head.database, base.database, { allowDrop: base.allowDrop, managedSchemas: managedSchemas(project.config, head.database), systemNames: project.config.systemNames });
  // Against a database, the rows each step would fail on (never their key values: reviews land in PRs).
  const preflight: PreflightReport | null = base.source === null ? null
    : await runPlanPreflight(plan, base.database, preflightSource(base.source), { samples: false, timeoutMs: DEFAULT_PREFLIGHT_TIMEOUT_MS });
  const built = buildReview({ plan, before: base.database, after: head.database, baseLabel: base.label, headLabel: 'working tree', displayPath, preflight });
  // Against a ref, the pull request's own findings: what the base already had is not annotated
  // on every pull request again (the report above still lists them all, as check does).
  const { introduced, preexisting } = base.refSide === null || input.onlyNewFindings !== true ? { introduced: head.diagnostics, preexisting: 0 }
    : introducedFindings(head.diagnostics, lint(base.database, project.config.lint));
  return { kind: 'reviewed', review: built, plan, diagnostics: introduced, preexistingFindings: preexisting, displayPath, refSide: base.refSide };
}

function atRef(ref: RefBase): Base {
  const { commit, project, ...rest } = ref;
  return { ...rest, allowDrop: true, source: null, refSide: { commit, project } };
}

async function databaseBase(ctx: AppContext, input: ReviewInput, project: Project): Promise<Base> {
  const source = resolveSource(input, ctx.env, project.config.database.url);
  const database = (await loadCurrent(ctx, source, project.config.ignore, project.config.descriptions)).database;
  const label = source.kind === 'catalog' ? source.file : database.name ?? 'database';
  return { database, label, allowDrop: input.allowDrop, rewrite: (f) => f, source, refSide: null };
}
