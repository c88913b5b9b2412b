/**
 * `review` of a pull request that adds migration files: the migrations in the working tree's
 * folder that the base ref does not have, each with its hazards and the offline check of its
 * scripts (migrate lint's), for the review output.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { MigrationReviewItem } from '../emitters/review';
import { isMigrationId } from '../migrate/layout';
import type { AppContext } from './context';
import { namesAt } from './git-checkout';
import { migrationsFolder, withMigrateErrors, type MigrationsFlags } from './migrate-common';
import { lintMigrations } from './migrate-lint';
import { loadProject } from './project';
import type { RefSide } from './review-base';

/**
 * The migrations added since `base` (a git ref); none when the project has no migrations folder.
 * Each side's folder is its own project's (`base.project`: the project at the ref): a pull request
 * that moves the project, config and migrations together, adds only the migrations that are new,
 * not every one that moved.
 */
export async function addedMigrations(ctx: AppContext, flags: MigrationsFlags, base: RefSide): Promise<MigrationReviewItem[]> {
  return withMigrateErrors(() => {
    const project = loadProject(ctx.cwd, flags);
    const folder = migrationsFolder(ctx.cwd, project, flags);
    if (!fs.existsSync(folder.dir)) return [];
    // The ids from git's tree alone: a copy of the folder would extract every migration's files
    // (an after.json is megabytes on a large schema) only to list their names.
    const before = new Set(namesAt(base.commit, migrationsFolder(ctx.cwd, base.project, flags).dir).filter(isMigrationId));
    const added = new Set(fs.readdirSync(folder.dir).filter((id) => isMigrationId(id) && !before.has(id)));
    if (added.size === 0) return [];
    const result = lintMigrations(folder.dir, folder.shown, added, project.config.lint);
    return result.migrations.map((m) => ({
      id: m.id,
      folder: path.join(folder.shown, m.id),
      steps: m.steps,
      hazards: m.hazards.map((h) => ({ step: h.step, what: h.what, code: h.code, message: h.message })),
      locks: m.locks,
      findings: [
        ...m.scripts.map((f) => ({ severity: f.severity, file: f.file, message: f.message })),
        ...result.problems.filter((p) => p.includes(m.id)).map((p) => ({ severity: 'error', file: 'schemac.sum', message: p })),
      ],
      up: result.loaded.migrations.find((x) => x.id === m.id)?.folder.files['up.sql'] ?? '',
    }));
  });
}
