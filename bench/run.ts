/**
 * `npm run bench [-- --sizes 100,1000] [--json] [--keep] [--runs 5] [--paired-sizes 100,1000]`:
 * for each size, one child process generates the synthetic schema and catalogs and times every
 * phase (measure-size.ts); then the whole-process comparison with Alembic (paired.ts) runs on
 * the paired sizes; this process prints the tables. Exit code 1 when a correctness check failed,
 * never for slowness.
 */
import { spawnSync } from 'child_process';
import * as os from 'os';
import * as path from 'path';
import { formatResults } from './format';
import { formatPaired, runPaired, type PairedResult } from './paired';
import type { SizeResult } from './measure-size';

const DEFAULT_SIZES = [100, 1000, 5000];

interface Args {
  readonly sizes: readonly number[];
  readonly json: boolean;
  readonly keep: boolean;
  /** Sizes of the whole-process comparison; by default the sizes up to 1,000 tables. */
  readonly pairedSizes: readonly number[];
  readonly runs: number;
}

function parseSizes(value: string | undefined, flag: string): number[] {
  const sizes = (value ?? '').split(',').filter((s) => s.trim() !== '').map((s) => Number(s.trim().replace(/_/g, '')));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1 || n > 9999)) {
    throw new Error(`${flag} needs comma-separated table counts from 1 to 9999, got ${JSON.stringify(value)}`);
  }
  return sizes;
}

function parseArgs(argv: readonly string[]): Args {
  let sizes = DEFAULT_SIZES;
  let pairedSizes: number[] | null = null;
  let runs = 5;
  let json = false;
  let keep = false;
  const valueOf = (arg: string, name: string, i: number): [string | undefined, number] =>
    arg === name ? [argv[i + 1], i + 1] : [arg.slice(name.length + 1), i];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') json = true;
    else if (arg === '--keep') keep = true;
    else if (arg === '--sizes' || arg.startsWith('--sizes=')) {
      const [value, next] = valueOf(arg, '--sizes', i);
      i = next;
      sizes = parseSizes(value, '--sizes');
      if (sizes.length === 0) throw new Error('--sizes needs at least one table count');
    } else if (arg === '--paired-sizes' || arg.startsWith('--paired-sizes=')) {
      const [value, next] = valueOf(arg, '--paired-sizes', i);
      i = next;
      pairedSizes = parseSizes(value, '--paired-sizes');
    } else if (arg === '--runs' || arg.startsWith('--runs=')) {
      const [value, next] = valueOf(arg, '--runs', i);
      i = next;
      runs = Number(value);
      if (!Number.isInteger(runs) || runs < 1 || runs > 50) throw new Error(`--runs needs a whole number from 1 to 50, got ${JSON.stringify(value)}`);
    } else if (arg === '--help' || arg === '-h') {
      process.stdout.write('usage: npm run bench -- [--sizes 100,1000,5000] [--paired-sizes 100,1000] [--runs 5] [--json] [--keep]\n');
      process.exit(0);
    } else throw new Error(`unknown argument ${arg} (try --help)`);
  }
  return { sizes, json, keep, runs, pairedSizes: pairedSizes ?? sizes.filter((n) => n <= 1000) };
}

/** A size whose child process crashed (e.g. the compiler threw): reported, not fatal to other sizes. */
interface Crash {
  readonly tables: number;
  readonly message: string;
}

/** Runs one size in a child process so its peak RSS is its own. */
function runChild(size: number, keep: boolean): SizeResult | Crash {
  const script = path.join(__dirname, 'measure-size.ts');
  // transpile-only: type-checking src/ in every child would add seconds of startup, not measured but wasted.
  const args = ['--max-old-space-size=8192', '-r', 'ts-node/register/transpile-only', script, String(size), ...(keep ? ['--keep'] : [])];
  const child = spawnSync(process.execPath, args, {
    cwd: path.resolve(__dirname, '..'), encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024,
  });
  const line = child.stdout.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
  if (child.status !== 0 || line === undefined) {
    const crash = child.stdout.split('\n').find((l) => l.startsWith('BENCH_CRASH '));
    const why = crash !== undefined ? (JSON.parse(crash.slice('BENCH_CRASH '.length)) as string) : 'no result (see stderr above)';
    return { tables: size, message: `child exited with ${child.status ?? child.signal}: ${why}` };
  }
  return JSON.parse(line.slice('BENCH_RESULT '.length)) as SizeResult;
}

function main(): number {
  const args = parseArgs(process.argv.slice(2));
  const results: SizeResult[] = [];
  const crashes: Crash[] = [];
  const load = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  process.stderr.write(`bench: sizes ${args.sizes.join(', ')}; load average ${load}; ${os.cpus().length} cores; node ${process.version}\n`);
  for (const size of args.sizes) {
    const outcome = runChild(size, args.keep);
    if ('message' in outcome) crashes.push(outcome);
    else results.push(outcome);
  }
  const paired: PairedResult[] = [];
  for (const size of args.pairedSizes) {
    try {
      paired.push(runPaired(size, args.runs, (m) => process.stderr.write(`[bench] ${m}\n`)));
    } catch (error) {
      crashes.push({ tables: size, message: `whole-process comparison: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  const failed = crashes.length > 0 || results.some((r) => r.checks.some((c) => !c.ok));
  if (args.json) {
    process.stdout.write(`${JSON.stringify({ loadAverage: os.loadavg(), cores: os.cpus().length, node: process.version, results, paired, crashes }, null, 2)}\n`);
  } else {
    if (results.length > 0) process.stdout.write(`${formatResults(results)}\n`);
    if (paired.length > 0) process.stdout.write(`\n${formatPaired(paired)}\n`);
    for (const c of crashes) process.stdout.write(`FAIL [${c.tables} tables] bench run crashed: ${c.message}\n`);
    process.stdout.write(`load average at end: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
    if (!failed) process.stdout.write('all correctness checks passed\n');
  }
  return failed ? 1 : 0;
}

try {
  process.exitCode = main();
} catch (error) {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
