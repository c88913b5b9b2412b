/**
 * The base of `review --base REF`: the schema at the ref, compiled with the config the ref has
 * (projectAtRef). Its compile is started beside the working tree's, so the two TypeScript checks
 * (child processes) run at once; what goes wrong with it is held until `complete`, which the
 * review calls only once the working tree has compiled, so errors show in the order they did
 * when the base was compiled after it.
 */
import * as path from 'path';
import { compileSchemaStaged, startCompile } from '../compiler';
import { withoutDescriptions, withoutIgnored } from '../config';
import type { Database } from '../model';
import { compileOptionsOf } from './compile-start';
import type { AppContext } from './context';
import { AppError } from './errors';
import { checkoutFolderAt, commitAt, type CheckedOutFolder, type CommitAt } from './git-checkout';
import type { Project, ProjectFlags } from './project';
import { projectAtRef } from './project-at-ref';
import { emptyDatabase } from './sources';

/** The ref's side of a review: its commit, found once, and the project it has (whose migrations folder is its own). */
export interface RefSide {
  readonly commit: CommitAt;
  /** The project as the ref has it: its config, schema folder and project folder. */
  readonly project: Project;
}

/** The base state at a ref, and how to show its files (paths in the checkout, mapped back to the repository). */
export interface RefBase extends RefSide {
  readonly database: Database;
  /** The ref, as the review names its base. */
  readonly label: string;
  readonly rewrite: (file: string) => string;
}

/** A base whose compile has started. Call one of the two, once: each ends the check and removes the checkout. */
export interface StartedRefBase {
  /** The base, once its check has ended; rejects with what stopped it (a bad ref, its config, its compile). */
  complete(): Promise<RefBase>;
  /** Ends the check and removes the checkout, for a review that stops before the base is needed. */
  discard(): void;
}

/** Reads the schema folder at `ref` and starts compiling it; never throws (see StartedRefBase.complete). */
export function startRefBase(ctx: AppContext, ref: string, flags: ProjectFlags & { readonly typeCheck: boolean }, project: Project): StartedRefBase {
  let checkout: CheckedOutFolder | undefined;
  try {
    // The repository and the commit are found once, for every read at the ref.
    const commit = commitAt(ref, ctx.cwd);
    const side: RefSide = { commit, project: projectAtRef(commit, flags, project) };
    checkout = checkoutFolderAt(commit, side.project.schemaDir);
    return startOn(checkout, side, flags.typeCheck, project);
  } catch (err) {
    checkout?.dispose();
    return { complete: () => Promise.reject(err), discard: () => undefined };
  }
}

/** startRefBase once the folder is checked out: the checkout lives until the check has ended (tsc reads its files). */
function startOn(checkout: CheckedOutFolder, side: RefSide, typeCheck: boolean, project: Project): StartedRefBase {
  const { commit: { ref }, project: atRef } = side;
  const rewrite = (f: string) => (f.startsWith(checkout.root) ? path.join(checkout.repoRoot, path.relative(checkout.root, f)) : f);
  if (checkout.dir === null) {
    checkout.dispose();
    return { complete: async () => ({ ...side, database: emptyDatabase(), label: ref, rewrite }), discard: () => undefined };
  }
  // No type-check cache: the checkout is a new temp folder each time, so neither a verdict nor
  // TypeScript's incremental state of it could serve a later run; kept, they would only pile up
  // (and, written beside the working tree's at the same time, could drop its verdict).
  const { typeCheckCache: _none, ...options } = compileOptionsOf(atRef, typeCheck);
  const start = startCompile(checkout.dir, options);
  const discard = (): void => {
    start.discard();
    checkout.dispose();
  };
  return {
    async complete() {
      try {
        const compiled = await compileSchemaStaged(start).complete();
        const errors = compiled.diagnostics.filter((d) => d.severity === 'error').length;
        if (errors > 0) {
          throw new AppError(`the schema at ${ref} does not compile (${errors} error(s)); review against a ref whose schema compiles`);
        }
        return { ...side, database: asWorkingTreeSees(withoutIgnored(compiled.database, atRef.config.ignore), project), label: ref, rewrite };
      } finally {
        discard();
      }
    },
    discard,
  };
}

/**
 * The base as the working tree's plan sees a database: without what its config ignores, so a
 * table the pull request starts to ignore (or descriptions it stops managing) shows no drop.
 */
function asWorkingTreeSees(database: Database, project: Project): Database {
  const seen = withoutIgnored(database, project.config.ignore);
  return project.config.descriptions === 'ignore' ? withoutDescriptions(seen) : seen;
}
