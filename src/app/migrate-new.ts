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
import { readMigrations, writeMigration, writeSum, type MigrationFolder } from '../migrate/directory';
import { MigrateError } from '../migrate/errors';
import { newMigrationId, slugOf, SUM_FILE, type MigrationFileName } from '../migrate/layout';
import { loadMigrations, requireIntact } from '../migrate/load';
import { emptyState, renderState } from '../migrate/state';
import { hintsOf } from '../migrate/hints';
import { compileThen } from './compile';
import { startProjectCompile } from './compile-start';
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

/**
 * `migrate new`: compiles the schema (unless writing an empty file) and writes the next
 * migration. Reading the migrations folder (its sums, the last state) and planning the
 * migration only read, so they run while TypeScript's check is still going (compileThen), and
 * stop between their steps when it finds a type error; the migration is written only once the
 * schema is known to compile.
 */
export async function migrateNew(ctx: AppContext, cmd: MigrateNewCommand): Promise<MigrateNewResult & { readonly shown: string }> {
  return withMigrateErrors(async () => {
    const project = loadProject(ctx.cwd, cmd);
    const folder = migrationsFolder(ctx.cwd, project, cmd);
    const input = { ...cmd, ...folder, systemNames: project.config.systemNames, now: cmd.now ?? new Date() };
    const next = cmd.emptyFile
      ? planNextMigration({ ...input, desired: null })
      : await compileThen(ctx, project, startProjectCompile(project, cmd.typeCheck), async (desired, _held, abandoned) => planNextMigrationPaced({ ...input, desired }, abandoned), { overlap: true });
    return { ...writePlannedMigration(folder.dir, next), shown: folder.shown };
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

/** The next migration, planned and rendered; nothing written yet. */
export type NextMigration =
  | { readonly kind: 'unchanged'; readonly plan: Plan }
  | {
    readonly kind: 'write';
    readonly id: string;
    readonly files: Readonly<Record<MigrationFileName, string>>;
    /** Null for an empty file. */
    readonly plan: Plan | null;
    /** The folders already there, just checked against the sum (the new one sorts after them). */
    readonly before: readonly MigrationFolder[];
  };

/** Plans and writes the next migration, or says there is nothing to write. */
export function writeNextMigration(input: MigrateNewInput): MigrateNewResult {
  return writePlannedMigration(input.dir, planNextMigration(input));
}

/**
 * Plans the next migration from the folder's last state to the desired schema, and renders its
 * files; reads only. A folder that cannot be trusted, and a plan that loses data without
 * --allow-data-loss, are refused here.
 */
export function planNextMigration(input: MigrateNewInput): NextMigration {
  const steps = planningSteps(input);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}

/**
 * planNextMigration for `migrate new`, which plans while TypeScript's check runs: between its
 * steps (each up to a few hundred ms on a large schema) it lets the event loop take the check's
 * verdict, and once `abandoned` is aborted (a type error) it stops with the signal's reason
 * instead of holding the command's answer until the whole plan is rendered.
 */
export async function planNextMigrationPaced(input: MigrateNewInput, abandoned: AbortSignal): Promise<NextMigration> {
  const steps = planningSteps(input);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
    // setImmediate, not a resolved promise: the verdict comes as an event, which only a turn of the loop delivers.
    await new Promise<void>((resolve) => setImmediate(resolve));
    abandoned.throwIfAborted();
  }
}

/** planNextMigration's work, pausing (yield) between its steps. */
function* planningSteps(input: MigrateNewInput): Generator<void, NextMigration, void> {
  const slug = slugOf(input.name);
  if (slug === null) throw new MigrateError('error', `migration name ${JSON.stringify(input.name)} has no letters or digits: give a short name such as add_orders`);
  const loaded = loadMigrations(input.dir, input.shown);
  requireIntact(loaded);
  const before = loaded.disk.folders;
  const last = loaded.migrations.at(-1) ?? null;
  const previous = last?.state.model ?? emptyState(input.desired?.collation);
  const parent = last?.id ?? null;
  const id = newMigrationId(input.now, slug, parent);
  const header = [`Migration: ${id}`, `Made after: ${parent ?? 'nothing (the first migration, from an empty database)'}`];

  if (input.emptyFile) {
    const files = {
      'up.sql': renderSkeletonScript('up', header),
      'down.sql': renderSkeletonScript('down', header),
      'after.json': renderState(previous, parent),
    };
    return { kind: 'write', id, files, plan: null, before };
  }

  const desired = input.desired;
  if (desired === null) throw new Error('migrate new: a schema is needed unless writing an empty file');
  yield;
  const plan = diff(desired, previous, { allowDrop: input.allowDrop, systemNames: input.systemNames });
  if (plan.steps.length === 0) return { kind: 'unchanged', plan };
  const dataLoss = plan.steps.flatMap((s, i) => s.hazards.filter((h) => h.code === 'data-loss').map((h) => `step ${i + 1}: ${h.message}`));
  // A migration runs in its own transaction (apply/migration-runner.ts), where SQL Server refuses DDL
  // on memory-optimized tables: such a file would always fail; `schemac apply` runs them after COMMIT.
  const memory = plan.steps.filter((s) => s.memoryOptimized === true).map((s) => s.change.kind);
  if (memory.length > 0) {
    throw new MigrateError('refused', `refusing to write the migration: ${memory.length} step(s) change memory-optimized tables, which SQL Server runs only outside a transaction, and a migration runs in one; apply them with schemac apply (it runs them after COMMIT); nothing was written`);
  }
  if (dataLoss.length > 0 && !input.allowDataLoss) {
    throw new MigrateError('refused', `refusing to write the migration: ${dataLoss.length} step(s) lose data (${dataLoss.join('; ')}); pass --allow-data-loss to write it; nothing was written`);
  }
  yield;
  const after = stateAfter(desired, previous, plan);
  yield;
  const up = renderScript(plan, { direction: 'up', databaseName: null, header }).text;
  yield;
  const down = renderScript(plan, { direction: 'down', databaseName: null, header }).text;
  yield;
  const files = { 'up.sql': up, 'down.sql': down, 'after.json': renderState(after, parent, hintsOf(desired)) };
  return { kind: 'write', id, files, plan, before };
}

/** Writes a planned migration into the folder `dir` and rewrites schemac.sum. */
export function writePlannedMigration(dir: string, next: NextMigration): MigrateNewResult {
  if (next.kind === 'unchanged') return next;
  const folder = writeMigration(dir, next.id, next.files);
  writeSum(dir, [...next.before, folder]);
  return { kind: 'written', id: next.id, folder: folder.dir, plan: next.plan };
}
