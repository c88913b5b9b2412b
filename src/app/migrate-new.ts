/**
 * `migrate new NAME`: the next migration, planned offline from the state the existing ones
 * leave (the last after.json) to the compiled schema, with the same differ and emitters as
 * `emit-sql`, so a migration gets every SQL Server rule by construction.
 */
import * as path from 'path';
import { diff, type Plan, type SystemNames } from '../differ';
import { renderScript, renderSkeletonScript } from '../emitters';
import type { Database } from '../model';
import { stateAfter } from '../migrate/after-state';
import { readMigrations, writeMigration, writeSum } from '../migrate/directory';
import { MigrateError } from '../migrate/errors';
import { newMigrationId, slugOf, SUM_FILE } from '../migrate/layout';
import { loadMigrations, requireIntact } from '../migrate/load';
import { emptyState, renderState } from '../migrate/state';
import { hintsOf } from '../migrate/hints';
import { compileOrFail } from './compile';
import type { AppContext } from './context';
import { migrationsFolder, withMigrateErrors, type MigrationsFlags } from './migrate-common';
import { loadProject } from './project';

/** What the `migrate new` command is given. */
export interface MigrateNewCommand extends MigrationsFlags {
  readonly name: string;
  readonly allowDrop: boolean;
  readonly allowDataLoss: boolean;
  readonly emptyFile: boolean;
  readonly typeCheck: boolean;
  /** The clock, injectable for tests; now by default. */
  readonly now?: Date;
}

/** `migrate new`: compiles the schema (unless writing an empty file) and writes the next migration. */
export async function migrateNew(ctx: AppContext, cmd: MigrateNewCommand): Promise<MigrateNewResult & { readonly shown: string }> {
  return withMigrateErrors(async () => {
    const project = loadProject(ctx.cwd, cmd);
    const folder = migrationsFolder(ctx.cwd, project, cmd);
    const desired = cmd.emptyFile ? null : await compileOrFail(ctx, project, cmd.typeCheck);
    const result = writeNextMigration({ ...cmd, ...folder, desired, systemNames: project.config.systemNames, now: cmd.now ?? new Date() });
    return { ...result, shown: folder.shown };
  });
}

/** `migrate hash`: rewrites schemac.sum from the files, after a deliberate, reviewed edit. */
export async function migrateHash(ctx: AppContext, flags: MigrationsFlags): Promise<{ readonly count: number; readonly file: string }> {
  return withMigrateErrors(() => {
    const folder = migrationsFolder(ctx.cwd, loadProject(ctx.cwd, flags), flags);
    const disk = readMigrations(folder.dir, folder.shown);
    writeSum(folder.dir, disk.folders);
    return { count: disk.folders.length, file: path.join(folder.shown, SUM_FILE) };
  });
}

/** What writeNextMigration is asked to do. */
export interface MigrateNewInput {
  /** The compiled schema (ignored tables already removed); not needed for an empty file. */
  readonly desired: Database | null;
  /** Absolute path of the migrations folder, and as the user writes it. */
  readonly dir: string;
  readonly shown: string;
  readonly name: string;
  readonly allowDrop: boolean;
  readonly allowDataLoss: boolean;
  /** The config's systemNames (default 'adopt'). */
  readonly systemNames?: SystemNames;
  /** Write a hand-written skeleton that changes no schema (a data migration). */
  readonly emptyFile: boolean;
  /** The clock, injectable for tests. */
  readonly now: Date;
}

/** What `migrate new` did. */
export type MigrateNewResult =
  | { readonly kind: 'unchanged'; readonly plan: Plan }
  | { readonly kind: 'written'; readonly id: string; readonly folder: string; readonly plan: Plan | null };

/** Plans and writes the next migration, or says there is nothing to write. */
export function writeNextMigration(input: MigrateNewInput): MigrateNewResult {
  const slug = slugOf(input.name);
  if (slug === null) throw new MigrateError('error', `migration name ${JSON.stringify(input.name)} has no letters or digits: give a short name such as add_orders`);
  const loaded = loadMigrations(input.dir, input.shown);
  requireIntact(loaded);
  const last = loaded.migrations.at(-1) ?? null;
  const previous = last?.state.model ?? emptyState(input.desired?.collation);
  const parent = last?.id ?? null;
  const id = newMigrationId(input.now, slug, parent);
  const header = [`Migration: ${id}`, `Made after: ${parent ?? 'nothing (the first migration, from an empty database)'}`];

  if (input.emptyFile) {
    const folder = writeMigration(input.dir, id, {
      'up.sql': renderSkeletonScript('up', header),
      'down.sql': renderSkeletonScript('down', header),
      'after.json': renderState(previous, parent),
    });
    writeSum(input.dir, readMigrations(input.dir, input.shown).folders);
    return { kind: 'written', id, folder: folder.dir, plan: null };
  }

  const desired = input.desired;
  if (desired === null) throw new Error('migrate new: a schema is needed unless writing an empty file');
  const plan = diff(desired, previous, { allowDrop: input.allowDrop, systemNames: input.systemNames });
  if (plan.steps.length === 0) return { kind: 'unchanged', plan };
  const dataLoss = plan.steps.flatMap((s, i) => s.hazards.filter((h) => h.code === 'data-loss').map((h) => `step ${i + 1}: ${h.message}`));
  if (dataLoss.length > 0 && !input.allowDataLoss) {
    throw new MigrateError('refused', `refusing to write the migration: ${dataLoss.length} step(s) lose data (${dataLoss.join('; ')}); pass --allow-data-loss to write it; nothing was written`);
  }
  const after = stateAfter(desired, previous, plan);
  const folder = writeMigration(input.dir, id, {
    'up.sql': renderScript(plan, { direction: 'up', databaseName: null, header }).text,
    'down.sql': renderScript(plan, { direction: 'down', databaseName: null, header }).text,
    'after.json': renderState(after, parent, hintsOf(desired)),
  });
  writeSum(input.dir, readMigrations(input.dir, input.shown).folders);
  return { kind: 'written', id, folder: folder.dir, plan };
}
