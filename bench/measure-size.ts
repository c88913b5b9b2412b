/**
 * Measures one size in this process (run.ts starts one child per size so each gets its own
 * peak RSS). Prints one `BENCH_RESULT {json}` line on stdout; progress goes to stderr.
 * Usage: node -r ts-node/register/transpile-only bench/measure-size.ts <tables> [--keep]
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { parseSnapshot, serializeSnapshot } from '../src/catalog/snapshot';
import { snapshotToModel } from '../src/catalog/to-model';
import { compileSchema } from '../src/compiler';
import { diff } from '../src/differ';
import { renderScript } from '../src/emitters';
import type { Plan } from '../src/differ/changes';
import { checkDiagnostics, checkDriftPlan, checkEmptyPlan, checkGreenfieldPlan, stepSummary, type CheckResult } from './checks';
import { driftShapes } from './drift';
import { writeSchemaFolder } from './generate-schema';
import { buildSnapshot } from './snapshot';
import { matchingShapes } from './table-shape';

/** What one size's run reports; run.ts formats it. Times are wall and CPU milliseconds. */
export interface SizeResult {
  readonly tables: number;
  readonly schemaFiles: number;
  readonly ms: {
    readonly generate: Timing;
    readonly endToEnd: Timing;
    readonly compile: Timing;
    readonly compileNoTypeCheck: Timing;
    readonly catalogToModel: Timing;
    readonly diffMatching: Timing;
    readonly diffDrifted: Timing;
    readonly diffEmpty: Timing;
    readonly emitDrifted: Timing;
    readonly emitEmpty: Timing;
  };
  readonly steps: { readonly matching: number; readonly drifted: number; readonly empty: number };
  readonly stepKinds: { readonly drifted: string; readonly empty: string };
  readonly scriptChars: { readonly drifted: number; readonly empty: number };
  readonly snapshotBytes: number;
  readonly maxRssMb: number;
  readonly checks: readonly CheckResult[];
  readonly dir: string | null;
}

/** Wall-clock and CPU (user + system, all threads) milliseconds of one phase. */
export interface Timing {
  readonly wall: number;
  readonly cpu: number;
}

// CPU time is reported beside wall time because the bench machine is shared: under load the
// wall clock includes waiting for a core, CPU time mostly does not.
function timed<T>(fn: () => T): [T, Timing] {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const value = fn();
  const cpu = process.cpuUsage(cpuStart);
  return [value, { wall: performance.now() - start, cpu: (cpu.user + cpu.system) / 1000 }];
}

function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

/** Runs every phase for `count` generated tables (plus tenants). */
export function measureSize(count: number, keep: boolean): SizeResult {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `schemac-bench-${count}-`));
  const schemaDir = path.join(dir, 'schema');
  try {
    const [files, generateMs] = timed(() => {
      writeSchemaFolder(schemaDir, count);
      const matching = matchingShapes(count);
      const drifted = driftShapes(matching);
      fs.writeFileSync(path.join(dir, 'matching.json'), serializeSnapshot(buildSnapshot(matching)));
      fs.writeFileSync(path.join(dir, 'drifted.json'), serializeSnapshot(buildSnapshot(drifted.shapes)));
      fs.writeFileSync(path.join(dir, 'empty.json'), serializeSnapshot(buildSnapshot([])));
      return { expectations: drifted.expectations, schemaFiles: fs.readdirSync(schemaDir).length };
    });
    log(`${count} tables: generated in ${Math.round(generateMs.wall)} ms under ${dir}`);

    // End to end first, in a fresh process: what `schemac emit-sql --catalog drifted.json` does.
    const [, endToEndMs] = timed(() => {
      const { database } = compileSchema(schemaDir);
      const current = snapshotToModel(parseSnapshot(fs.readFileSync(path.join(dir, 'drifted.json'), 'utf8'), 'drifted.json')).database;
      return renderScript(diff(database, current, { allowDrop: false }), { direction: 'up', databaseName: 'bench' }).text;
    });
    log(`${count} tables: end to end ${Math.round(endToEndMs.wall)} ms`);

    const [compiled, compileMs] = timed(() => compileSchema(schemaDir));
    log(`${count} tables: compile ${Math.round(compileMs.wall)} ms`);
    // What `--no-type-check` buys: schemac's own checks only, no TypeScript diagnostics.
    const [unchecked, compileNoTypeCheckMs] = timed(() => compileSchema(schemaDir, { typeCheck: false }));
    log(`${count} tables: compile without type check ${Math.round(compileNoTypeCheckMs.wall)} ms`);
    const read = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8');
    const matchingText = read('matching.json');
    const driftedText = read('drifted.json');
    const emptyText = read('empty.json');
    const [matchingModel, catalogMs] = timed(() => snapshotToModel(parseSnapshot(matchingText, 'matching.json')));
    const driftedModel = snapshotToModel(parseSnapshot(driftedText, 'drifted.json'));
    const emptyModel = snapshotToModel(parseSnapshot(emptyText, 'empty.json'));
    const desired = compiled.database;
    const plan = (current: typeof desired): [Plan, Timing] => timed(() => diff(desired, current, { allowDrop: false }));
    const [matchingPlan, diffMatchingMs] = plan(matchingModel.database);
    const [driftedPlan, diffDriftedMs] = plan(driftedModel.database);
    const [emptyPlan, diffEmptyMs] = plan(emptyModel.database);
    const emit = (p: Plan): [string, Timing] => timed(() => renderScript(p, { direction: 'up', databaseName: 'bench' }).text);
    const [driftedScript, emitDriftedMs] = emit(driftedPlan);
    const [emptyScript, emitEmptyMs] = emit(emptyPlan);

    const checks: CheckResult[] = [
      checkDiagnostics('schema files compile without diagnostics', compiled.diagnostics),
      { name: `compiled model has ${count + 1} tables`, ok: desired.tables.length === count + 1, detail: `got ${desired.tables.length}` },
      checkDiagnostics('schema files compile without diagnostics (typeCheck: false)', unchecked.diagnostics),
      checkDiagnostics('matching catalog reads without diagnostics', matchingModel.diagnostics),
      checkEmptyPlan(matchingPlan),
      checkDriftPlan(driftedPlan, files.expectations),
      checkGreenfieldPlan(emptyPlan, count + 1),
    ];
    return {
      tables: count,
      schemaFiles: files.schemaFiles,
      ms: {
        generate: generateMs, endToEnd: endToEndMs, compile: compileMs, compileNoTypeCheck: compileNoTypeCheckMs, catalogToModel: catalogMs,
        diffMatching: diffMatchingMs, diffDrifted: diffDriftedMs, diffEmpty: diffEmptyMs,
        emitDrifted: emitDriftedMs, emitEmpty: emitEmptyMs,
      },
      steps: { matching: matchingPlan.steps.length, drifted: driftedPlan.steps.length, empty: emptyPlan.steps.length },
      stepKinds: { drifted: stepSummary(driftedPlan), empty: stepSummary(emptyPlan) },
      scriptChars: { drifted: driftedScript.length, empty: emptyScript.length },
      snapshotBytes: Buffer.byteLength(matchingText),
      // resourceUsage().maxRSS is in kilobytes.
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      checks,
      dir: keep ? dir : null,
    };
  } finally {
    if (!keep) fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const count = Number(process.argv[2]);
  if (!Number.isInteger(count) || count < 1) {
    process.stderr.write('usage: measure-size.ts <tables> [--keep]\n');
    process.exit(2);
  }
  try {
    const result = measureSize(count, process.argv.includes('--keep'));
    process.stdout.write(`BENCH_RESULT ${JSON.stringify(result)}\n`);
  } catch (error) {
    // A crash (e.g. the compiler throwing on generated files) is a result too: say where it was.
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stdout.write(`BENCH_CRASH ${JSON.stringify(text.split('\n').slice(0, 6).map((l) => l.trim()).join(' <- '))}\n`);
    process.exitCode = 1;
  }
}
