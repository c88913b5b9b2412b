/**
 * Runs the corpus cases (test/fixtures/corpus/cases.ts) against one stand-in, over the wire, the
 * way a user adopting schemac would: set a database up with the case's DDL (sqlcmd-style batches),
 * `pull` it, compile the pulled files, and plan against the same database (must be empty); for a
 * pair, plan the pulled `desired` against the `current` database, run the up script as sqlcmd
 * would, and plan again (must be empty). Library calls, not the CLI, so that the whole corpus
 * stays cheap: each step is the one the app layer makes (catalog read, pull writer, compile,
 * diff with the managed schemas and systemNames "keep" that pull tells users to set, script).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { managedSchemas } from '../../src/app/managed-schemas';
import { readCatalogWith } from '../../src/catalog/read';
import { snapshotToModel } from '../../src/catalog/to-model';
import { compileSchema } from '../../src/compiler';
import { parseConfig } from '../../src/config';
import { diff, type Plan } from '../../src/differ';
import { renderScript } from '../../src/emitters';
import { pullSchema } from '../../src/emitters/typescript';
import type { Database } from '../../src/model';
import { createEngine, type StandinEngine } from '../standin/engine';
import { startStandin, type RunningStandin } from '../standin/server';
import type * as sql from 'mssql';
import { connect, splitBatches } from '../e2e/support/sqlcmd';
import type { CorpusCase } from '../fixtures/corpus/cases';

const PASSWORD = 'Corpus-Passw0rd';

/** The databases of one case: `<prefix>_cur` (current) and `<prefix>_des` (desired). */
export function databasesOf(index: number): { cur: string; des: string } {
  return { cur: `c${index}_cur`, des: `c${index}_des` };
}

/**
 * A stand-in and the one connection the cases run on. Each case creates its two databases and
 * drops them when done, so the engine holds two at a time, not two per case.
 */
export async function startCorpusStandin(): Promise<{ standin: RunningStandin; engine: StandinEngine; pool: sql.ConnectionPool; stop(): Promise<void> }> {
  const engine = createEngine({ password: PASSWORD, databases: [] });
  const standin = await startStandin({ engine });
  const pool = await connect(`mssql://sa:${encodeURIComponent(PASSWORD)}@127.0.0.1:${standin.port}/master?encrypt=false`);
  return { standin, engine, pool, stop: async () => { await pool.close(); await standin.close(); } };
}

/** What went wrong in one case, at which stage; null when it passed. */
export interface CaseOutcome {
  readonly name: string;
  readonly failure: string | null;
}

/**
 * One database of a case. Every case runs on the same connection (one login for the corpus, as a
 * DBA's session would be), switched to the database before each script and catalog read.
 */
interface CaseDb {
  readonly name: string;
  readonly pool: sql.ConnectionPool;
}

/**
 * Points the session at `db`, out of whatever an earlier script left it in: a failed script's
 * guard leaves NOEXEC on (only SET NOEXEC OFF runs then, so it goes alone) and may leave a
 * transaction open.
 */
async function use(db: CaseDb): Promise<void> {
  await db.pool.request().batch('SET NOEXEC OFF;');
  await db.pool.request().batch(`IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION; USE [${db.name}];`);
}

/**
 * Runs a script as sqlcmd does (batches split on GO, on one session, going on after an error);
 * throws with every error the server raised.
 */
async function runScript(db: CaseDb, script: string, what: string): Promise<void> {
  await use(db);
  const errors: string[] = [];
  for (const batch of splitBatches(script)) {
    try {
      await db.pool.request().batch(batch);
    } catch (err) {
      const e = err as { number?: number; message: string };
      errors.push(`Msg ${e.number ?? '?'}: ${e.message}\n  in: ${batch.trim().split('\n').slice(0, 3).join(' / ')}`);
    }
  }
  if (errors.length > 0) throw new Error(`${what}: ${errors.join('\n')}`);
}

/** The database as schemac reads it. */
async function readModel(db: CaseDb): Promise<Database> {
  await use(db);
  const { database, diagnostics } = snapshotToModel(await readCatalogWith(async (text) => (await db.pool.request().query(text)).recordsets as never, db.name));
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`catalog: ${errors.map((d) => `${d.code} ${d.message}`).join('; ')}`);
  return database;
}

/** `pull` then compile: the model of the files pull writes for `db` (null when it writes none). */
function pulledModel(db: Database, scratch: string): Database | null {
  const dir = fs.mkdtempSync(path.join(scratch, 'pull-'));
  const { files } = pullSchema(db);
  if (files.length === 0) return null;
  for (const f of files) fs.writeFileSync(path.join(dir, f.path), f.text);
  const { database, diagnostics } = compileSchema(dir, { collation: db.collation, typeCheck: false });
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`pulled files do not compile: ${errors.map((d) => `${d.code} ${d.message}`).join('; ')}`);
  return database;
}

const KEEP = parseConfig(JSON.stringify({ systemNames: 'keep' }), 'schemac.config.json', os.tmpdir());

/** plan as the app makes it for a project pulled with systemNames "keep". */
function planOf(desired: Database, current: Database): Plan {
  return diff(desired, current, { allowDrop: true, managedSchemas: managedSchemas(KEEP, desired), systemNames: 'keep' });
}

/** The plan's steps and refusals, one line each (empty: nothing to do). */
export function planLines(plan: Plan): string[] {
  return [
    ...plan.steps.map((s) => JSON.stringify(s.change).slice(0, 400)),
    ...(plan.refused ?? []).map((r) => `refused ${r.table.schema}.${r.table.name}: ${r.change}: ${r.reason}`),
  ];
}

/** Runs one case; a failure is reported with the stage it happened at. */
export async function runCase(c: CorpusCase, index: number, pool: sql.ConnectionPool, scratch: string): Promise<CaseOutcome> {
  const names = databasesOf(index);
  const cur: CaseDb = { name: names.cur, pool };
  const des: CaseDb = { name: names.des, pool };
  let stage = 'set up';
  await pool.request().batch(`CREATE DATABASE [${cur.name}]; CREATE DATABASE [${des.name}];`);
  try {
    if (c.current !== undefined) await runScript(cur, c.current, 'current DDL');
    if (c.desired !== undefined) await runScript(des, c.desired, 'desired DDL');

    stage = 'pull then plan (current)';
    const current = await readModel(cur);
    const pulledCurrent = c.current === undefined ? null : pulledModel(current, scratch);
    if (pulledCurrent !== null) expectEmpty(planOf(pulledCurrent, current), 'plan right after pull of current');
    if (c.desired === undefined) return { name: c.name, failure: null };

    stage = 'pull then plan (desired)';
    const desiredDb = await readModel(des);
    const target = pulledModel(desiredDb, scratch);
    if (target === null) return { name: c.name, failure: null };
    expectEmpty(planOf(target, desiredDb), 'plan right after pull of desired');

    stage = 'plan current -> desired';
    const plan = planOf(target, current);
    if ((plan.refused ?? []).length > 0) throw new Error(`refused: ${planLines(plan).join('\n')}`);
    stage = 'run the up script';
    const up = renderScript(plan, { direction: 'up', databaseName: cur.name }).text;
    const down = renderScript(plan, { direction: 'down', databaseName: cur.name }).text;
    await runScript(cur, up, 'up script');
    stage = 'plan again';
    try {
      expectEmpty(planOf(target, await readModel(cur)), 'plan after the up script ran');
    } catch (err) {
      throw new Error(`${(err as Error).message}\n--- the up script's steps:\n${stepsOf(up)}`);
    }
    // A plan with a step it says it cannot undo (an irreversible hazard) leaves its down script short by design.
    if (plan.steps.some((s) => s.inverse === null && s.undoneBy === undefined && s.change.kind !== 'backfillColumn')) return { name: c.name, failure: null };
    stage = 'run the down script';
    await runScript(cur, down, 'down script');
    const restored = await readModel(cur);
    try {
      // The down script re-creates a constraint SQL Server had named under that name, which SQL
      // Server then records as named by the user: the pulled files' convention name is a rename away.
      const systemNamed = new Set(current.tables.flatMap((t) => [t.primaryKey, ...t.uniqueConstraints, ...t.checks, ...t.defaults, ...t.foreignKeys])
        .flatMap((k) => (k !== null && k.isSystemNamed ? [k.name] : [])));
      const restoredPlan = pulledCurrent === null ? null : planOf(pulledCurrent, restored);
      if (restoredPlan !== null) {
        expectEmpty({ ...restoredPlan, steps: restoredPlan.steps.filter((s) => !(s.change.kind === 'renameConstraint' && systemNamed.has(s.change.from))) }, 'plan of the pulled current after the down script ran');
      } else if (restored.tables.length > 0) throw new Error(`the down script left ${restored.tables.map((t) => `${t.schema}.${t.name}`).join(', ')}`);
    } catch (err) {
      throw new Error(`${(err as Error).message}\n--- the down script's steps:\n${stepsOf(down)}`);
    }
    return { name: c.name, failure: null };
  } catch (err) {
    return { name: c.name, failure: `${stage}: ${(err as Error).message}` };
  } finally {
    await pool.request().batch('SET NOEXEC OFF;');
    await pool.request().batch('IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION; USE [master];');
    await pool.request().batch(`DROP DATABASE [${cur.name}]; DROP DATABASE [${des.name}];`);
  }
}

/** A script's statements without its comments, session options and guards, for failure messages. */
function stepsOf(script: string): string {
  return script.split('\n').filter((l) => !/^(--|SET |IF |GO$|\s*$)/.test(l)).join('\n');
}

function expectEmpty(plan: Plan, what: string): void {
  const lines = planLines(plan);
  if (lines.length > 0) throw new Error(`${what} is not empty:\n  ${lines.join('\n  ')}`);
}

/** A scratch folder for pulled files. */
export function scratchDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'schemac-corpus-'));
}
