/**
 * What a migrations run may do, decided from the files, the history and the catalog as they
 * are under the apply lock: which migrations are applied, which pending, whether the database
 * drifted from the last applied after.json, and the refusals (edited, newer database, out of
 * order, drift, data loss). Pure: the database work is the caller's.
 */
import { nameKeyFor, tableKey } from '../sqlserver/names';
import type { AppliedMigrationRow, BaselineEntry, MigrationUnit } from '../apply/migration-runner';
import { describeRemaining } from '../apply/executor';
import { diff, type Plan, type SystemNames } from '../differ';
import { driverStatementsOfScript, ScriptSyntaxError } from '../emitters';
import type { Database } from '../model';
import { MigrateError } from '../migrate/errors';
import { requireIntact, type LoadedMigrations, type Migration } from '../migrate/load';
import { emptyState } from '../migrate/state';
import { reverseHints, withHints, type TableHints } from '../migrate/hints';
import * as path from 'path';

/** Target of `migrate down --to`: before the first migration. */
export const BASE = 'base';

/** Which migrations the history says are applied: id -> the hash recorded when it was applied. */
export function appliedMigrations(rows: readonly AppliedMigrationRow[]): Map<string, string | null> {
  const net = new Map<string, { count: number; hash: string | null }>();
  for (const r of rows) {
    const e = net.get(r.id) ?? { count: 0, hash: null };
    net.set(r.id, r.direction === 'up' ? { count: e.count + 1, hash: r.hash } : { count: e.count - 1, hash: e.hash });
  }
  return new Map([...net].filter(([, e]) => e.count > 0).map(([id, e]) => [id, e.hash]));
}

/** The database against the files: what is applied, pending, unknown or edited, and drift. */
export interface MigrationsStatus {
  readonly applied: readonly Migration[];
  readonly pending: readonly Migration[];
  /** Applied to the database but not in the folder: the database is newer than these files. */
  readonly unknown: readonly string[];
  /** Applied with another hash than the files have now. */
  readonly edited: readonly string[];
  /** Pending migrations that come before an applied one. */
  readonly outOfOrder: readonly string[];
  /** What differs between the last applied after.json (or an empty database) and the catalog. */
  readonly drift: Plan;
  /** The state the applied migrations leave. */
  readonly expected: Database;
}

/** Compares the folder, the history rows and the catalog; `systemNames` as the project config sets it. */
export function migrationsStatus(loaded: LoadedMigrations, rows: readonly AppliedMigrationRow[], current: Database, systemNames: SystemNames = 'adopt'): MigrationsStatus {
  const applied = appliedMigrations(rows);
  const inFiles = new Set(loaded.migrations.map((m) => m.id));
  const done = loaded.migrations.filter((m) => applied.has(m.id));
  const pending = loaded.migrations.filter((m) => !applied.has(m.id));
  const lastApplied = loaded.migrations.reduce((last, m, i) => (applied.has(m.id) ? i : last), -1);
  const expected = lastApplied < 0 ? emptyState(current.collation) : (loaded.migrations[lastApplied] as Migration).state.model;
  return {
    applied: done,
    pending,
    unknown: [...applied.keys()].filter((id) => !inFiles.has(id)),
    edited: done.filter((m) => { const h = applied.get(m.id); return h !== null && h !== undefined && h !== m.folder.hash; }).map((m) => m.id),
    outOfOrder: loaded.migrations.slice(0, Math.max(0, lastApplied)).filter((m) => !applied.has(m.id)).map((m) => m.id),
    drift: diff(expected, current, { allowDrop: true, systemNames }),
    expected,
  };
}

/** Options of a run. */
export interface RunPolicy {
  readonly direction: 'up' | 'down';
  /** up: the last migration to apply (null: all); down: the migration to go back to, or BASE. */
  readonly to: string | null;
  readonly allowDrift: boolean;
  readonly allowDataLoss: boolean;
}

/** The refusals every run shares, on what the database and the files say. */
function refuseUnsafe(loaded: LoadedMigrations, status: MigrationsStatus, policy: RunPolicy): void {
  requireIntact(loaded);
  if (status.unknown.length > 0) {
    throw new MigrateError('refused', `the database has migration(s) ${status.unknown.join(', ')} applied that are not in ${loaded.disk.shown}: it is newer than these files; update your checkout; nothing was changed`);
  }
  if (status.edited.length > 0) {
    throw new MigrateError('refused', `migration(s) ${status.edited.join(', ')} were edited after they were applied to this database (the hash recorded then differs from the files now); a migration that ran must not change: add a new one; nothing was changed`);
  }
  if (status.outOfOrder.length > 0) {
    throw new MigrateError('refused', `migration(s) ${status.outOfOrder.join(', ')} are not applied but come before applied ones: they were added out of order (a merge?); nothing was changed`);
  }
  if (status.drift.steps.length > 0 && !policy.allowDrift) {
    const since = status.applied.at(-1)?.id;
    throw new MigrateError('refused', `the database drifted from ${since === undefined ? 'an empty database (no migration is applied yet)' : `the state migration ${since} left`}: ${describeRemaining(status.drift)}; pass --allow-drift to run anyway; nothing was changed`);
  }
}

/** A model with the catalog's row counts, so data-loss hazards know which tables hold rows. */
function withRows(model: Database, current: Database): Database {
  const key = nameKeyFor(current.collation);
  const rows = new Map(current.tables.map((t) => [tableKey(key, t.schema, t.name), t.rowCount]));
  return { ...model, tables: model.tables.map((t) => ({ ...t, rowCount: rows.get(tableKey(key, t.schema, t.name)) })) };
}

function unit(loaded: LoadedMigrations, m: Migration, direction: 'up' | 'down', target: Database, allowDrift: boolean, systemNames: SystemNames): MigrationUnit {
  const file = direction === 'up' ? 'up.sql' : 'down.sql';
  let statements;
  try {
    statements = driverStatementsOfScript(m.folder.files[file]);
  } catch (err) {
    if (err instanceof ScriptSyntaxError) throw new MigrateError('error', `${path.join(loaded.disk.shown, m.id, file)}:${err.message}`);
    throw err;
  }
  return {
    id: m.id, hash: m.folder.hash, direction, script: m.folder.files[file],
    statements: statements.map((s) => ({ sql: s.sql, stepIndex: s.stepIndex, description: s.description })),
    // With --allow-drift, objects the files do not know may stay: only what they describe must match.
    verify: (db) => diff(target, db, { allowDrop: !allowDrift, systemNames }),
  };
}

/** The units to run, in order, or a refusal. */
export function planRun(loaded: LoadedMigrations, status: MigrationsStatus, current: Database, policy: RunPolicy, systemNames: SystemNames = 'adopt'): MigrationUnit[] {
  refuseUnsafe(loaded, status, policy);
  const all = loaded.migrations;
  const stateBefore = (i: number): Database => (i === 0 ? emptyState(current.collation) : (all[i - 1] as Migration).state.model);
  const index = (id: string): number => all.findIndex((m) => m.id === id);
  if (policy.to !== null && policy.to !== BASE && index(policy.to) < 0) {
    throw new MigrateError('error', `there is no migration ${policy.to} in ${loaded.disk.shown}`);
  }
  // Planned with the migration's hints, so a declared rename is a rename, not a drop and an add.
  const lossOf = (from: Database, to: Database, hints: readonly TableHints[]): string[] =>
    diff(withHints(to, hints), withRows(from, current), { allowDrop: true, systemNames }).steps.flatMap((s) => s.hazards.filter((h) => h.code === 'data-loss').map((h) => h.message));

  if (policy.direction === 'up') {
    if (policy.to === BASE) throw new MigrateError('error', `--to ${BASE} is for migrate down`);
    const last = policy.to === null ? all.length - 1 : index(policy.to);
    const first = status.applied.length;
    if (last < first - 1) throw new MigrateError('error', `migration ${policy.to} is already applied; to go back to it use \`schemac migrate down --to ${policy.to}\``);
    const run = all.slice(first, last + 1);
    const loss = run.flatMap((m) => lossOf(stateBefore(index(m.id)), m.state.model, m.state.hints).map((h) => `${m.id}: ${h}`));
    if (loss.length > 0 && !policy.allowDataLoss) {
      throw new MigrateError('refused', `refusing to apply: ${loss.length} step(s) lose data (${loss.join('; ')}); pass --allow-data-loss to apply them; nothing was changed`);
    }
    return run.map((m) => unit(loaded, m, 'up', m.state.model, policy.allowDrift, systemNames));
  }
  if (policy.to === null) throw new MigrateError('error', 'migrate down needs --to ID (the migration to go back to) or --to base');
  const keep = policy.to === BASE ? 0 : index(policy.to) + 1;
  if (keep > status.applied.length) throw new MigrateError('error', `migration ${policy.to} is not applied to this database; nothing to undo`);
  const undo = all.slice(keep, status.applied.length).reverse();
  const loss = undo.flatMap((m) => lossOf(m.state.model, stateBefore(index(m.id)), reverseHints(m.state.hints)).map((h) => `${m.id}: ${h}`));
  if (loss.length > 0 && !policy.allowDataLoss) {
    throw new MigrateError('refused', `refusing to undo: ${loss.length} step(s) lose data (${loss.join('; ')}); pass --allow-data-loss to run them; nothing was changed`);
  }
  return undo.map((m) => unit(loaded, m, 'down', stateBefore(index(m.id)), policy.allowDrift, systemNames));
}

/**
 * `migrate baseline <id>`: the migrations up to `id`, to record as applied without running them,
 * for a database that already is the state `id`'s after.json records (made before the team took
 * up migrations, or by hand). Refused when any migration is already recorded (that database has
 * a history: apply or down), when `id` is not in the folder, and when the database is not that
 * state: recording migrations that did not happen would make every later one run against a
 * database it was not written for. With `allowDrift`, objects the migrations do not describe may
 * stay (only what they describe must match), as for apply.
 */
export function planBaseline(loaded: LoadedMigrations, status: MigrationsStatus, current: Database, id: string, allowDrift: boolean, systemNames: SystemNames = 'adopt'): BaselineEntry[] {
  requireIntact(loaded);
  const all = loaded.migrations;
  const last = all.findIndex((m) => m.id === id);
  if (last < 0) throw new MigrateError('error', `there is no migration ${id} in ${loaded.disk.shown}`);
  const recorded = [...status.applied.map((m) => m.id), ...status.unknown];
  if (recorded.length > 0) {
    throw new MigrateError('refused', `this database already has migrations recorded (${recorded.join(', ')}): a baseline is for a database no migration has run on; use migrate apply or migrate down; nothing was recorded`);
  }
  const target = (all[last] as Migration).state.model;
  const differs = diff(target, current, { allowDrop: !allowDrift, systemNames });
  const refused = differs.refused ?? [];
  if (differs.steps.length > 0 || refused.length > 0) {
    const gaps = [
      ...(differs.steps.length > 0 ? [`making it so would take ${describeRemaining(differs)}`] : []),
      ...(refused.length > 0 ? [`${refused.length} difference(s) schemac cannot change: ${refused.map((r) => `${r.table.schema}.${r.table.name}: ${r.change}`).join(', ')}`] : []),
    ];
    throw new MigrateError('refused', `the database is not the state migration ${id} leaves, so its migrations cannot be recorded as applied: ${gaps.join('; ')}; see \`schemac migrate status\`${allowDrift ? '' : ' (or pass --allow-drift if only objects the migrations do not describe differ)'}; nothing was recorded`);
  }
  return all.slice(0, last + 1).map((m) => ({ id: m.id, hash: m.folder.hash }));
}
