/**
 * The paired comparison: schemac and Alembic as whole processes, cold, on the same N tables.
 * `schemac emit-sql --empty` and `schemac plan --catalog drifted.json` (the built CLI, with its
 * full type check, no type-check cache: the project has no node_modules) against
 * `python3 -m alembic upgrade head --sql` (offline rendering of the same tables). A third
 * schemac row is the everyday case: `emit-sql --empty` in a copy of the project that has a
 * node_modules folder (so the type-check cache and TypeScript's incremental state are kept),
 * each run just after an edit of one table never seen before. They run in turn A B C D, A B C D,
 * ... so a drift in the machine's speed hits all alike. Each run is measured
 * by the operating system (getrusage of the finished child, through a few lines of Python):
 * CPU time (user + system, every thread and child process), wall time and peak RSS.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { serializeSnapshot } from '../src/catalog/snapshot';
import { writeAlembicProject } from './alembic-project';
import { driftShapes } from './drift';
import { schemaFileName, writeSchemaFolder } from './generate-schema';
import { buildSnapshot } from './snapshot';
import { matchingShapes } from './table-shape';
import { className } from './synthetic-table';

const ROOT = path.resolve(__dirname, '..');

/** One measured run of a whole process. */
interface Run {
  readonly cpu: number;
  readonly wall: number;
  readonly rssMb: number;
}

/** Medians of one command's runs, and its ratios to Alembic (medians of the per-round ratios). */
export interface PairedRow {
  readonly label: string;
  readonly cpu: number;
  readonly wall: number;
  readonly rssMb: number;
  readonly ratioCpu: number | null;
  readonly ratioWall: number | null;
}

/** The paired result of one size, or why a part was skipped. */
export interface PairedResult {
  readonly tables: number;
  readonly runs: number;
  readonly rows: readonly PairedRow[];
  readonly notes: readonly string[];
}

// Python's getrusage(RUSAGE_CHILDREN) after the one child exits: its CPU (and its own children's,
// such as a native type checker it waited for) and its peak RSS, which Node cannot read for a child.
const MEASURE = [
  'import json, resource, subprocess, sys, time',
  't = time.perf_counter()',
  'p = subprocess.run(sys.argv[2:], cwd=sys.argv[1], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)',
  'w = time.perf_counter() - t',
  'r = resource.getrusage(resource.RUSAGE_CHILDREN)',
  'k = 1 if sys.platform == "darwin" else 1024',
  'print(json.dumps({"code": p.returncode, "cpu": r.ru_utime + r.ru_stime, "wall": w, "rss": r.ru_maxrss * k, "err": p.stderr.decode(errors="replace")[-2000:]}))',
].join('\n');

/** The first Python that can import Alembic and SQLAlchemy, else the first Python at all. */
function findPython(): { python: string | null; alembic: boolean } {
  const candidates = [process.env.SCHEMAC_BENCH_PYTHON, 'python3', '/usr/bin/python3', '/usr/local/bin/python3'].filter((c): c is string => !!c);
  let any: string | null = null;
  for (const python of candidates) {
    const probe = spawnSync(python, ['-c', 'import alembic, sqlalchemy'], { encoding: 'utf8' });
    if (probe.error) continue;
    any ??= python;
    if (probe.status === 0) return { python, alembic: true };
  }
  return { python: any, alembic: false };
}

function newest(dir: string): number {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
  }
  return latest;
}

/** Builds dist/ when it is missing or older than src/: the comparison runs the CLI a user installs. */
function ensureBuilt(log: (m: string) => void): void {
  const main = path.join(ROOT, 'dist', 'cli', 'main.js');
  if (fs.existsSync(main) && fs.statSync(main).mtimeMs >= newest(path.join(ROOT, 'src'))) return;
  log('building dist/ (npm run build) for the whole-process runs');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const built = spawnSync(npm, ['run', 'build', '--silent'], { cwd: ROOT, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`npm run build failed:\n${built.stdout}${built.stderr}`);
}

function measure(python: string, cwd: string, command: readonly string[], okCodes: readonly number[]): Run {
  const out = spawnSync(python, ['-c', MEASURE, cwd, ...command], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (out.status !== 0) throw new Error(`measuring ${command.join(' ')} failed: ${out.stderr}`);
  const r = JSON.parse(out.stdout) as { code: number; cpu: number; wall: number; rss: number; err: string };
  if (!okCodes.includes(r.code)) throw new Error(`${command.join(' ')} exited with ${r.code}: ${r.err}`);
  return { cpu: r.cpu, wall: r.wall, rssMb: r.rss / 1_048_576 };
}

/**
 * An edit of table `i` in `schemaDir` that no earlier run has seen: each call gives the table
 * one extra column under a new name (the previous call's column removed), as a user adding or
 * renaming a column does. So neither the remembered clean verdicts nor the model can be reused
 * whole; TypeScript's incremental state can.
 */
function oneTableEdit(schemaDir: string, i: number): () => void {
  const file = path.join(schemaDir, schemaFileName(i));
  const original = fs.readFileSync(file, 'utf8');
  const opening = `export class ${className(i)} extends BaseEntity {`;
  if (!original.includes(opening)) throw new Error(`${file} does not declare ${opening}`);
  let edits = 0;
  return () => {
    edits += 1;
    fs.writeFileSync(file, original.replace(opening, `${opening}\n  @Column.int({ nullable: true })\n  edit${Date.now()}x${edits}!: number | null;\n`));
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs the comparison for `count` tables, `runs` rounds after one warm-up round (file cache). */
export function runPaired(count: number, runs: number, log: (m: string) => void): PairedResult {
  const { python, alembic } = findPython();
  if (python === null) {
    return { tables: count, runs: 0, rows: [], notes: ['skipped the whole-process comparison: no python3 to measure processes with'] };
  }
  ensureBuilt(log);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `schemac-paired-${count}-`));
  try {
    writeSchemaFolder(path.join(dir, 'schema'), count);
    fs.writeFileSync(path.join(dir, 'drifted.json'), serializeSnapshot(buildSnapshot(driftShapes(matchingShapes(count)).shapes)));
    if (alembic) writeAlembicProject(dir, count);
    const bin = path.join(ROOT, 'bin', 'schemac.js');
    const edited = path.join(dir, 'edited');
    fs.cpSync(path.join(dir, 'schema'), path.join(edited, 'schema'), { recursive: true });
    fs.mkdirSync(path.join(edited, 'node_modules'));
    // plan exits 0 (nothing to do) or 2 (changes) only with --detailed-exitcode; without it, 0.
    const commands: { label: string; cwd: string; argv: string[]; ok: number[]; before?: () => void }[] = [
      { label: 'schemac emit-sql --empty', cwd: dir, argv: [process.execPath, bin, 'emit-sql', '--empty'], ok: [0] },
      { label: 'schemac plan --catalog drifted.json', cwd: dir, argv: [process.execPath, bin, 'plan', '--catalog', 'drifted.json'], ok: [0] },
      {
        label: 'schemac emit-sql --empty, after a one-table edit', cwd: edited, argv: [process.execPath, bin, 'emit-sql', '--empty'], ok: [0],
        before: oneTableEdit(path.join(edited, 'schema'), Math.ceil(count / 2)),
      },
    ];
    if (alembic) commands.push({ label: 'alembic upgrade head --sql', cwd: dir, argv: [python, '-m', 'alembic', 'upgrade', 'head', '--sql'], ok: [0] });
    const results: Run[][] = commands.map(() => []);
    for (let round = 0; round <= runs; round++) {
      commands.forEach((c, i) => {
        c.before?.();
        const run = measure(python, c.cwd, c.argv, c.ok);
        if (round > 0) results[i].push(run);
      });
      log(`${count} tables: paired round ${round === 0 ? 'warm-up' : `${round}/${runs}`} done`);
    }
    const alembicRuns = alembic ? results[results.length - 1] : null;
    const rows = commands.map((c, i): PairedRow => {
      const own = results[i];
      const ratio = (pick: (r: Run) => number): number | null =>
        alembicRuns === null || c.label.startsWith('alembic') ? null : median(own.map((r, k) => pick(r) / pick(alembicRuns[k])));
      return {
        label: c.label, cpu: median(own.map((r) => r.cpu)), wall: median(own.map((r) => r.wall)), rssMb: median(own.map((r) => r.rssMb)),
        ratioCpu: ratio((r) => r.cpu), ratioWall: ratio((r) => r.wall),
      };
    });
    const notes = alembic ? [] : [
      `skipped the Alembic side: ${python} cannot import alembic and sqlalchemy (pip install alembic, or on Debian/Ubuntu apt install python3-alembic; SCHEMAC_BENCH_PYTHON picks the interpreter)`,
    ];
    return { tables: count, runs, rows, notes };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The paired results as text: one line per command and size. */
export function formatPaired(results: readonly PairedResult[]): string {
  const out: string[] = [];
  for (const r of results) {
    out.push(`whole processes, ${r.tables.toLocaleString('en-US')} tables, cold (no type-check cache) unless said, median of ${r.runs} alternated runs:`);
    const cells = r.rows.map((row) => [
      row.label, `${row.cpu.toFixed(2)} s cpu`, `${row.wall.toFixed(2)} s wall`, `${Math.round(row.rssMb)} MiB peak`,
      row.ratioCpu === null ? '' : `x${row.ratioCpu.toFixed(2)} cpu, x${(row.ratioWall ?? 0).toFixed(2)} wall vs alembic`,
    ]);
    const widths = cells[0]?.map((_, c) => Math.max(...cells.map((row) => row[c].length))) ?? [];
    for (const row of cells) out.push(`  ${row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ')}`.trimEnd());
    for (const n of r.notes) out.push(`  ${n}`);
  }
  return out.join('\n');
}
