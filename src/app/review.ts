import * as path from 'path';
import { diff, type Plan } from '../differ';
import { buildReview, type Review } from '../emitters/review';
import type { Database, Diagnostic } from '../model';
import { compileStartedAndLint, type CompiledSchema } from './compile';
import { startProjectCompile } from './compile-start';
import type { AppContext } from './context';
import { loadCurrent } from './current';
import { UsageError } from './errors';
import { managedSchemas } from './managed-schemas';
import { loadProject, type Project, type ProjectFlags } from './project';
import { startRefBase, type RefBase, type RefSide } from './review-base';
import { resolveSource } from './sources';
import type { PreflightReport } from '../emitters/preflight-report';
import { preflightSource } from './plan-run';
import { DEFAULT_PREFLIGHT_TIMEOUT_MS, runPlanPreflight } from './preflight';
import type { DatabaseSource } from './sources';

/** What `review` compares the working tree's schema with: a git ref (default HEAD), a snapshot or a database. */
export interface ReviewInput extends ProjectFlags {
  readonly base?: string;
  readonly catalog?: string;
  readonly database?: string;
  /** With a catalog or database: drop undeclared objects (against a ref a removed declaration is always a drop). */
  readonly allowDrop: boolean;
  readonly typeCheck: boolean;
}

/**
 * How a review ended. A working tree whose schema has errors is not reviewed, but its
 * diagnostics are still worth annotating on the pull request.
 */
export type ReviewOutcome =
  | { readonly kind: 'schema-errors'; readonly diagnostics: readonly Diagnostic[]; readonly displayPath: (file: string) => string }
  | {
    readonly kind: 'reviewed'; readonly review: Review; readonly plan: Plan;
    readonly diagnostics: readonly Diagnostic[];
    /** Shows a source file as the repository has it: relative to the cwd, mapped back from a base checkout. */
    readonly displayPath: (file: string) => string;
    /** Against a git ref, its commit and project (addedMigrations reads its migrations folder); null against a database. */
    readonly refSide: RefSide | null;
  };

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

/**
 * `review`: what the working tree's schema change does, against the schema at a git ref (read
 * through `git archive`, the working tree untouched) or against a database; the diagnostics of
 * the working tree go to the report as they are found.
 */
export async function review(ctx: AppContext, input: ReviewInput): Promise<ReviewOutcome> {
  const given = [input.base, input.catalog, input.database].filter((v) => v !== undefined).length;
  if (given > 1) throw new UsageError('give only one of --base, --catalog and --database');
  const project = loadProject(ctx.cwd, input);
  const headStart = startProjectCompile(project, input.typeCheck);
  // A ref's compile starts now too, so both type checks run at once; its failures wait for the
  // working tree's verdict, which comes first as when the base was compiled after it.
  const refBase = input.catalog === undefined && input.database === undefined ? startRefBase(ctx, input.base ?? 'HEAD', input, project) : null;
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
  return { kind: 'reviewed', review: built, plan, diagnostics: head.diagnostics, displayPath, refSide: base.refSide };
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
