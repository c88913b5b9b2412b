/**
 * `npm run bench [-- --sizes 100,1000] [--json] [--keep]`: for each size, one child process
 * generates the synthetic schema and catalogs and times every phase (measure-size.ts); this
 * process prints the table. Exit code 1 when a correctness check failed, never for slowness.
 */
import { spawnSync } from 'child_process';
import * as os from 'os';
import * as path from 'path';
import { formatResults } from './format';
import type { SizeResult } from './measure-size';

const DEFAULT_SIZES = [100, 1000, 5000];

interface Args {
  readonly sizes: readonly number[];
  readonly json: boolean;
  readonly keep: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  let sizes = DEFAULT_SIZES;
  let json = false;
  let keep = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') json = true;
    else if (arg === '--keep') keep = true;
    else if (arg === '--sizes' || arg.startsWith('--sizes=')) {
      const value = arg === '--sizes' ? argv[++i] : arg.slice('--sizes='.length);
      sizes = (value ?? '').split(',').map((s) => Number(s.trim().replace(/_/g, '')));
      if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 1 || n > 9999)) {
        throw new Error(`--sizes needs comma-separated table counts from 1 to 9999, got ${JSON.stringify(value)}`);
      }
    } else if (arg === '--help' || arg === '-h') {
      process.stdout.write('usage: npm run bench -- [--sizes 100,1000,5000] [--json] [--keep]\n');
      process.exit(0);
    } else throw new Error(`unknown argument ${arg} (try --help)`);
  }
  return { sizes, json, keep };
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
  const failed = crashes.length > 0 || results.some((r) => r.checks.some((c) => !c.ok));
  if (args.json) {
    process.stdout.write(`${JSON.stringify({ loadAverage: os.loadavg(), cores: os.cpus().length, node: process.version, results, crashes }, null, 2)}\n`);
  } else {
    if (results.length > 0) process.stdout.write(`${formatResults(results)}\n`);
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
