import type { Database } from '../model';
import { compileOrFail } from './compile';
import type { AppContext } from './context';
import { loadProject, type ProjectFlags } from './project';

/** What `check` needs: the project and whether to run TypeScript's own type check. */
export interface CheckInput extends ProjectFlags {
  readonly typeCheck: boolean;
}

/** A schema that compiled without errors (its warnings and infos went to the report). */
export interface CheckResult {
  readonly database: Database;
  /** The schema folder as the user would write it, for messages. */
  readonly schemaShown: string;
}

/** `check`: compiles and lints the schema, reporting every finding, infos included; errors fail. */
export async function check(ctx: AppContext, input: CheckInput): Promise<CheckResult> {
  const project = loadProject(ctx.cwd, input);
  const database = await compileOrFail(ctx, project, input.typeCheck, true);
  return { database, schemaShown: project.schemaShown };
}
