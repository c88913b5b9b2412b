/**
 * `review` and its start. This module is light to load, as plan.ts is: it finds the project and
 * starts both compiles (TypeScript's native checks of the working tree and of the base ref)
 * before it loads the compiler, the differ and the rest (review-run.ts), so the checks run while
 * they load.
 */
import type { Plan } from '../differ';
import type { Review } from '../emitters/review';
import type { Diagnostic } from '../model';
import { startProjectCompile } from './compile-start';
import type { AppContext } from './context';
import { UsageError } from './errors';
import { loadProject, type ProjectFlags } from './project';
import { startRefBase, type RefSide } from './review-base';

/** What `review` compares the working tree's schema with: a git ref (default HEAD), a snapshot or a database. */
export interface ReviewInput extends ProjectFlags {
  readonly base?: string;
  readonly catalog?: string;
  readonly database?: string;
  /** With a catalog or database: drop undeclared objects (against a ref a removed declaration is always a drop). */
  readonly allowDrop: boolean;
  readonly typeCheck: boolean;
  /**
   * Against a ref, leave the findings the base already had out of the outcome's diagnostics (for
   * annotations on a pull request); linting the base costs time nothing else needs.
   */
  readonly onlyNewFindings?: boolean;
}

/**
 * How a review ended. A working tree whose schema has errors is not reviewed, but its
 * diagnostics are still worth annotating on the pull request.
 */
export type ReviewOutcome =
  | { readonly kind: 'schema-errors'; readonly diagnostics: readonly Diagnostic[]; readonly displayPath: (file: string) => string }
  | {
    readonly kind: 'reviewed'; readonly review: Review; readonly plan: Plan;
    /** The working tree's diagnostics; with onlyNewFindings against a git ref, only the findings the base did not already have. */
    readonly diagnostics: readonly Diagnostic[];
    /** With onlyNewFindings against a git ref, how many of the working tree's findings the base already had (left out of `diagnostics`); else 0. */
    readonly preexistingFindings: number;
    /** Shows a source file as the repository has it: relative to the cwd, mapped back from a base checkout. */
    readonly displayPath: (file: string) => string;
    /** Against a git ref, its commit and project (addedMigrations reads its migrations folder); null against a database. */
    readonly refSide: RefSide | null;
  };

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
  let run: typeof import('./review-run');
  try {
    run = await import('./review-run');
  } catch (err) {
    // No check outlives a failure: a running tsc would hold the process open.
    headStart.discard();
    refBase?.discard();
    throw err;
  }
  return run.reviewStarted(ctx, input, project, headStart, refBase);
}
