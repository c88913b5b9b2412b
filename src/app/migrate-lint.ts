/**
 * `migrate lint`: for CI, over the migrations a branch adds (or all of them): the folder's
 * integrity, each migration's hazards, the lint findings it introduces, and an offline check
 * that its up.sql leads from the previous after.json to its own (and down.sql back).
 */
import * as fs from 'fs';
import type { Hazard } from '../differ';
import { describeWithTable } from '../emitters';
import { isMigrationId } from '../migrate/layout';
import type { AppContext } from './context';
import { commitAt, namesAt } from './git-checkout';
import { migrationsFolder, withMigrateErrors, type MigrationsFlags } from './migrate-common';
import { loadProject } from './project';
import { introducedFindings, lint, type LintSettings } from '../lint';
import type { Database, Diagnostic } from '../model';
import { describeProblem } from '../migrate/integrity';
import { impactText } from '../emitters/impact-text';
import { loadMigrations, type LoadedMigrations } from '../migrate/load';
import { checkScript, migrationPlan, type ReplayFinding } from '../migrate/replay';
import { emptyState } from '../migrate/state';

/** What one migration looks like to a reviewer. */
export interface MigrationLint {
  readonly id: string;
  readonly hazards: readonly (Hazard & { readonly step: number; readonly what: string })[];
  /** What each step that is not metadata-only locks and how it scales (the plan's lock impact). */
  readonly locks: readonly { readonly step: number; readonly what: string; readonly impact: string }[];
  /** Lint findings on its after state that the state before it did not have. */
  readonly lint: readonly Diagnostic[];
  readonly scripts: readonly ReplayFinding[];
  /** Steps of the model change (0 for a migration that changes no schema). */
  readonly steps: number;
}

/** The result of `migrate lint`. */
export interface MigrateLintResult {
  readonly loaded: LoadedMigrations;
  readonly problems: readonly string[];
  readonly migrations: readonly MigrationLint[];
  /** Whether anything is an error (the command exits 1). */
  readonly failed: boolean;
}

/** What `migrate lint` is given. */
export interface MigrateLintCommand extends MigrationsFlags {
  /** Lint only the migrations added since this git ref. */
  readonly base?: string;
}

/** The migration ids the folder held at a git ref (none when it did not exist there). */
function idsAt(ref: string, dir: string, cwd: string): Set<string> {
  return new Set(namesAt(commitAt(ref, cwd), dir).filter(isMigrationId));
}

/** `migrate lint`: the CI check of the migrations a branch adds (all of them without a base). */
export async function migrateLint(ctx: AppContext, cmd: MigrateLintCommand): Promise<MigrateLintResult & { readonly shown: string; readonly scope: string }> {
  return withMigrateErrors(() => {
    const project = loadProject(ctx.cwd, cmd);
    const folder = migrationsFolder(ctx.cwd, project, cmd);
    const baseIds = cmd.base === undefined ? null : idsAt(cmd.base, folder.dir, ctx.cwd);
    const present = fs.existsSync(folder.dir) ? fs.readdirSync(folder.dir).filter(isMigrationId) : [];
    const only = baseIds === null ? null : new Set(present.filter((id) => !baseIds.has(id)));
    const result = lintMigrations(folder.dir, folder.shown, only, project.config.lint);
    return { ...result, shown: folder.shown, scope: baseIds === null ? 'all migrations' : `migrations added since ${cmd.base}` };
  });
}

/** Lints the migrations `only` names (all when null). */
export function lintMigrations(dir: string, shown: string, only: ReadonlySet<string> | null, settings: LintSettings): MigrateLintResult {
  const loaded = loadMigrations(dir, shown);
  const problems = loaded.problems.map((p) => describeProblem(p, loaded.disk));
  const migrations: MigrationLint[] = [];
  loaded.migrations.forEach((m, i) => {
    if (only !== null && !only.has(m.id)) return;
    const before: Database = i === 0 ? emptyState(m.state.model.collation) : (loaded.migrations[i - 1]?.state.model as Database);
    const plan = migrationPlan(before, m.state);
    const had = lint(before, settings);
    migrations.push({
      id: m.id,
      hazards: plan.steps.flatMap((s, n) => s.hazards.map((h) => ({ ...h, step: n + 1, what: describeWithTable(s.change) }))),
      locks: plan.steps.flatMap((s, n) => (s.impact === undefined || s.impact.class === 'metadata-only' ? []
        : [{ step: n + 1, what: describeWithTable(s.change), impact: impactText(s.impact) }])),
      lint: introducedFindings(lint(m.state.model, settings), had).introduced,
      scripts: [...checkScript('up.sql', m.folder.files['up.sql'], plan), ...checkScript('down.sql', m.folder.files['down.sql'], plan)],
      steps: plan.steps.length,
    });
  });
  const failed = problems.length > 0
    || migrations.some((m) => m.scripts.some((f) => f.severity === 'error') || m.lint.some((d) => d.severity === 'error'));
  return { loaded, problems, migrations, failed };
}
