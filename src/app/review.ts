import * as path from 'path';
import { compileSchemaAsync } from '../compiler';
import { withoutDescriptions, withoutIgnored } from '../config';
import { diff, type Plan } from '../differ';
import { buildReview, type Review } from '../emitters/review';
import type { Database, Diagnostic } from '../model';
import { compileAndLint } from './compile';
import { compileOptionsOf } from './compile-start';
import type { AppContext } from './context';
import { loadCurrent } from './current';
import { AppError, UsageError } from './errors';
import { checkoutFolderAt } from './git-checkout';
import { managedSchemas } from './managed-schemas';
import { projectAtRef } from './project-at-ref';
import { loadProject, type Project, type ProjectFlags } from './project';
import { emptyDatabase, resolveSource } from './sources';
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
  };

/** The state a review starts from, and how to show its files. */
interface Base {
  readonly database: Database;
  readonly label: string;
  readonly allowDrop: boolean;
  readonly rewrite: (file: string) => string;
  /** The database or catalog the review is against (null: a git ref, which has no rows). */
  readonly source: DatabaseSource | null;
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
  const head = await compileAndLint(project, input.typeCheck);
  ctx.report(head.diagnostics);
  const relative = (file: string) => path.relative(ctx.cwd, file) || file;
  if (head.diagnostics.some((d) => d.severity === 'error')) {
    return { kind: 'schema-errors', diagnostics: head.diagnostics, displayPath: relative };
  }
  const base = input.catalog !== undefined || input.database !== undefined
    ? await databaseBase(ctx, input, project)
    : await baseAtRef(ctx, input.base ?? 'HEAD', input, project);
  const displayPath = (file: string) => relative(base.rewrite(file));
  const plan = diff(head.database, base.database, { allowDrop: base.allowDrop, managedSchemas: managedSchemas(project.config, head.database), systemNames: project.config.systemNames });
  // Against a database, the rows each step would fail on (never their key values: reviews land in PRs).
  const preflight: PreflightReport | null = base.source === null ? null
    : await runPlanPreflight(plan, base.database, preflightSource(base.source), { samples: false, timeoutMs: DEFAULT_PREFLIGHT_TIMEOUT_MS });
  const built = buildReview({ plan, before: base.database, after: head.database, baseLabel: base.label, headLabel: 'working tree', displayPath, preflight });
  return { kind: 'reviewed', review: built, plan, diagnostics: head.diagnostics, displayPath };
}

/**
 * The schema as it is at `ref`, compiled with the config the ref has (projectAtRef); a ref
 * without the schema folder is an empty database.
 */
async function baseAtRef(ctx: AppContext, ref: string, input: ReviewInput, project: Project): Promise<Base> {
  const atRef = projectAtRef(ref, ctx.cwd, input, project);
  const checkout = checkoutFolderAt(ref, atRef.schemaDir, ctx.cwd);
  try {
    const rewrite = (f: string) => (f.startsWith(checkout.root) ? path.join(checkout.repoRoot, path.relative(checkout.root, f)) : f);
    if (checkout.dir === null) return { database: emptyDatabase(), label: ref, allowDrop: true, rewrite, source: null };
    const compiled = await compileSchemaAsync(checkout.dir, compileOptionsOf(atRef, input.typeCheck));
    const errors = compiled.diagnostics.filter((d) => d.severity === 'error').length;
    if (errors > 0) {
      throw new AppError(`the schema at ${ref} does not compile (${errors} error(s)); review against a ref whose schema compiles`);
    }
    // The base as the ref's own compile gave it (its ignored tables removed), then seen as the
    // working tree's plan sees a database: without what its config ignores, so that a table the
    // pull request starts to ignore (or descriptions it stops managing) is not shown as dropped.
    const asAtRef = withoutIgnored(compiled.database, atRef.config.ignore);
    const seen = withoutIgnored(asAtRef, project.config.ignore);
    const database = project.config.descriptions === 'ignore' ? withoutDescriptions(seen) : seen;
    // Against a ref, a declaration removed in the working tree is a drop the reviewer must see.
    return { database, label: ref, allowDrop: true, rewrite, source: null };
  } finally {
    checkout.dispose();
  }
}

async function databaseBase(ctx: AppContext, input: ReviewInput, project: Project): Promise<Base> {
  const source = resolveSource(input, ctx.env, project.config.database.url);
  const database = (await loadCurrent(ctx, source, project.config.ignore, project.config.descriptions)).database;
  const label = source.kind === 'catalog' ? source.file : database.name ?? 'database';
  return { database, label, allowDrop: input.allowDrop, rewrite: (f) => f, source };
}
