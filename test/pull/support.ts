/** Helpers of the pull tests: read a snapshot, pull into a temp folder, compile it and plan. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseSnapshot, type CatalogSnapshot } from '../../src/catalog/snapshot';
import { snapshotToModel } from '../../src/catalog/to-model';
import { compileSchema } from '../../src/compiler';
import { diff, type Plan, type SystemNames } from '../../src/differ';
import { pullSchema, type PullResult } from '../../src/emitters/typescript';
import type { Database, Diagnostic } from '../../src/model';

/** test/fixtures/catalog/brownfield.json, the ORM-made database. */
export const brownfieldFile = path.resolve(__dirname, '../fixtures/catalog/brownfield.json');

/** The raw snapshot of brownfield.json (a fresh copy each call, so tests may change it). */
export function brownfieldSnapshot(): CatalogSnapshot {
  return parseSnapshot(fs.readFileSync(brownfieldFile, 'utf8'), brownfieldFile);
}

/** The model of a snapshot; fails on catalog diagnostics so a broken fixture is not mistaken for a pull bug. */
export function modelOf(snapshot: CatalogSnapshot): Database {
  const { database, diagnostics } = snapshotToModel(snapshot);
  if (diagnostics.length > 0) throw new Error(`fixture has catalog diagnostics: ${JSON.stringify(diagnostics)}`);
  return database;
}

/** A new empty temp folder. */
export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'schemac-pull-'));
}

/** What pull then compile then diff gave. */
export interface RoundTrip {
  readonly pulled: PullResult;
  readonly diagnostics: readonly Diagnostic[];
  readonly plan: Plan;
}

/**
 * Pulls `db` into a temp folder, compiles that folder and plans it against `db` itself, with
 * the config's systemNames as pull tells users to set it ("keep") unless a test says otherwise.
 */
export function roundTrip(db: Database, systemNames: SystemNames = 'keep', compile: { readonly externalSequences?: readonly string[] } = {}): RoundTrip {
  const dir = tempDir();
  try {
    const pulled = pullSchema(db);
    for (const f of pulled.files) fs.writeFileSync(path.join(dir, f.path), f.text);
    const { database, diagnostics } = compileSchema(dir, { collation: db.collation, ...compile });
    return { pulled, diagnostics, plan: diff(database, db, { allowDrop: false, systemNames }) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Asserts that a round trip plans to nothing: pull wrote everything it read, the files it wrote
 * compile without a diagnostic, and planning them against the database they came from is empty.
 */
export function expectPlansToNothing({ pulled, diagnostics, plan }: RoundTrip): void {
  expect(pulled.problems).toEqual([]);
  expect(describeDiagnostics(diagnostics)).toEqual([]);
  expect(describePlan(plan)).toEqual([]);
}

/** One line per plan step and skipped object, for readable failures. */
export function describePlan(plan: Plan): string[] {
  return [
    ...plan.steps.map((s) => JSON.stringify(s.change)),
    ...plan.skipped.map((s) => `skipped ${s.objectType} ${s.name}: ${s.reason}`),
  ];
}

/** Diagnostics as "code message" lines. */
export function describeDiagnostics(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.code} ${d.message}`);
}
