/**
 * `migrate apply`, `migrate down` and `migrate status` against a live database: the session
 * wiring around the policy (migrate-policy.ts) and the runner (apply/migration-runner.ts).
 */
import type sql from 'mssql';
import { executeMigrations, readAppliedMigrations, recordBaseline, type DoneMigration, type MigrationProgress } from '../apply/migration-runner';
import { openMssqlSession, type SqlSession } from '../apply/session';
import { describeTarget, parseConnectionString, redactConfig } from '../catalog/connection';
import { readCatalogWith } from '../catalog/read';
import { snapshotToModel } from '../catalog/to-model';
import { withoutIgnored, type IgnoreSettings } from '../config';
import { fingerprint, type SystemNames } from '../differ';
import type { Database, Diagnostic } from '../model';
import { MigrateError } from '../migrate/errors';
import { loadMigrations, type LoadedMigrations } from '../migrate/load';
import type { AppContext } from './context';
import { migrationsFolder, withMigrateErrors, type MigrationsFlags } from './migrate-common';
import { migrationsStatus, planBaseline, planRun, type MigrationsStatus, type RunPolicy } from './migrate-policy';
import { loadProject } from './project';
import { resolveDatabaseUrl } from './sources';

/** What `migrate status` is given: the project, the folder, the database. */
export interface MigrateStatusCommand extends MigrationsFlags {
  readonly database?: string;
}

/** What `migrate apply` / `migrate down` are given. */
export interface MigrateRunCommand extends MigrateStatusCommand {
  readonly policy: RunPolicy;
  readonly txMode: 'each' | 'all';
  readonly toolVersion: string;
  readonly lockTimeoutMs: number;
  readonly statementLockTimeoutMs?: number;
  readonly statementTimeoutMs?: number;
}

/** How a run reports progress and is interrupted. */
export interface MigrateRunHooks {
  readonly signal?: AbortSignal;
  readonly onProgress?: (event: MigrationProgress) => void;
}

/** Resolves the project, folder and database of a command. */
function targetOf(ctx: AppContext, cmd: MigrateStatusCommand, command: string): MigrateTarget {
  const project = loadProject(ctx.cwd, cmd);
  const url = resolveDatabaseUrl(cmd.database, ctx.env, project.config.database.url, command);
  return { ...migrationsFolder(ctx.cwd, project, cmd), connection: parseConnectionString(url), ignore: project.config.ignore, systemNames: project.config.systemNames, report: ctx.report };
}

/** `migrate apply` / `migrate down`: what was committed, and where. */
export async function migrate(ctx: AppContext, cmd: MigrateRunCommand, hooks: MigrateRunHooks = {}): Promise<{ readonly done: readonly DoneMigration[]; readonly target: string }> {
  return withMigrateErrors(async () => {
    const target = targetOf(ctx, cmd, cmd.policy.direction === 'up' ? 'migrate apply' : 'migrate down');
    const { done } = await migrateRun({
      ...target, policy: cmd.policy, txMode: cmd.txMode, toolVersion: cmd.toolVersion, lockTimeoutMs: cmd.lockTimeoutMs,
      statementLockTimeoutMs: cmd.statementLockTimeoutMs ?? null, statementTimeoutMs: cmd.statementTimeoutMs,
      signal: hooks.signal, onProgress: hooks.onProgress,
    });
    return { done, target: describeTarget(target.connection) };
  });
}

/** What `migrate baseline` is given. */
export interface MigrateBaselineCommand extends MigrateStatusCommand {
  /** The last migration the database already holds. */
  readonly id: string;
  readonly allowDrift: boolean;
  readonly toolVersion: string;
  readonly lockTimeoutMs: number;
}

/**
 * `migrate baseline <id>`: records the migrations up to `id` as applied without running them,
 * once the catalog shows the database already is the state `id` leaves (migrate-policy.ts,
 * planBaseline). The way a database made before the team took up migrations joins them.
 */
export async function baseline(ctx: AppContext, cmd: MigrateBaselineCommand): Promise<{ readonly done: readonly DoneMigration[]; readonly target: string }> {
  return withMigrateErrors(async () => {
    const target = targetOf(ctx, cmd, 'migrate baseline');
    const loaded = loadMigrations(target.dir, target.shown);
    const done = await recordBaseline({
      openSession: () => openMssqlSession(target.connection),
      readCurrent: catalogReader(target),
      fingerprint,
      prepare: (current, rows) => planBaseline(loaded, migrationsStatus(loaded, rows, current, target.systemNames), current, cmd.id, cmd.allowDrift, target.systemNames),
      toolVersion: cmd.toolVersion,
      lockTimeoutMs: cmd.lockTimeoutMs,
    });
    return { done, target: describeTarget(target.connection) };
  });
}

/** `migrate status`: the database against the folder. */
export async function status(ctx: AppContext, cmd: MigrateStatusCommand): Promise<{ readonly loaded: LoadedMigrations; readonly status: MigrationsStatus; readonly target: string; readonly shown: string }> {
  return withMigrateErrors(async () => {
    const target = targetOf(ctx, cmd, 'migrate status');
    return { ...(await migrateStatus(target)), target: describeTarget(target.connection), shown: target.shown };
  });
}

/** Where the migrations are and which database they go to. */
export interface MigrateTarget {
  readonly dir: string;
  readonly shown: string;
  readonly connection: sql.config;
  readonly ignore: IgnoreSettings;
  /** The config's systemNames: whether drift and verification rename system-named objects. */
  readonly systemNames: SystemNames;
  /** Catalog warnings, shown once. */
  readonly report: (diagnostics: readonly Diagnostic[]) => void;
}

/** What `migrate apply` / `migrate down` are asked to do. */
export interface MigrateRunInput extends MigrateTarget {
  readonly policy: RunPolicy;
  readonly txMode: 'each' | 'all';
  readonly toolVersion: string;
  readonly lockTimeoutMs: number;
  readonly statementLockTimeoutMs: number | null;
  readonly statementTimeoutMs?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (event: MigrationProgress) => void;
}

/** Reads the catalog through a session into the model, ignored tables left out. */
function catalogReader(target: MigrateTarget): (session: SqlSession) => Promise<Database> {
  let reported = false;
  return async (session) => {
    const snapshot = await readCatalogWith(async (text) => (await session.query(text)).recordsets, describeTarget(target.connection));
    const { database, diagnostics } = snapshotToModel(snapshot);
    if (!reported) target.report(diagnostics);
    reported = true;
    if (diagnostics.some((d) => d.severity === 'error')) {
      throw new MigrateError('error', 'the database has objects schemac cannot read; see the errors above');
    }
    return withoutIgnored(database, target.ignore);
  };
}

/** Applies (or undoes) migrations under the apply lock; returns what was committed. */
export async function migrateRun(input: MigrateRunInput): Promise<{ readonly done: readonly DoneMigration[]; readonly loaded: LoadedMigrations }> {
  const loaded = loadMigrations(input.dir, input.shown);
  const done = await executeMigrations({
    openSession: () => openMssqlSession(input.connection, input.statementTimeoutMs),
    readCurrent: catalogReader(input),
    fingerprint,
    prepare: async (current, rows) => planRun(loaded, migrationsStatus(loaded, rows, current, input.systemNames), current, input.policy, input.systemNames),
    txMode: input.txMode,
    toolVersion: input.toolVersion,
    redact: (text) => redactConfig(text, input.connection),
    lockTimeoutMs: input.lockTimeoutMs,
    statementLockTimeoutMs: input.statementLockTimeoutMs,
    signal: input.signal,
    onProgress: input.onProgress,
  });
  return { done, loaded };
}

/** The database against the migrations folder, read without taking the apply lock. */
export async function migrateStatus(target: MigrateTarget): Promise<{ readonly loaded: LoadedMigrations; readonly status: MigrationsStatus }> {
  const loaded = loadMigrations(target.dir, target.shown);
  const session = await openMssqlSession(target.connection);
  try {
    const rows = await readAppliedMigrations(session);
    const current = await catalogReader(target)(session);
    return { loaded, status: migrationsStatus(loaded, rows, current, target.systemNames) };
  } finally {
    await session.close().catch(() => undefined);
  }
}
