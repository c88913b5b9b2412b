/**
 * TypeScript's check of the schema files by the native compiler (TypeScript 7's platform binary,
 * `@typescript/typescript-<os>-<cpu>`): `tsc --noEmit` in a child process, started before extraction and
 * awaited after it, so the check (most of a cold compile) runs beside schemac's own work and
 * with a fraction of the in-process checker's CPU. Extraction needs no program at all (it reads
 * the parsed syntax, source-graph.ts). When the binary is missing (an unsupported platform, an install without
 * optional dependencies) or does not answer as expected, the caller checks in-process instead.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { MessageChannel, receiveMessageOnPort, Worker } from 'worker_threads';
import { schemaCompilerSettings } from './schema-files';

/** One error the native check reported, at a 1-based line and column of an absolute file path. */
export interface NativeDiagnostic {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly code: number;
  /** The message with its chain, continuation lines indented as TypeScript 5 flattens them. */
  readonly message: string;
}

/** A check running in the background. */
export interface NativeTypeCheck {
  /** Its diagnostics once it has ended, or null when it failed to run (check in-process instead). */
  result(): Promise<NativeDiagnostic[] | null>;
  /** Stops it (its verdict is not needed after all: a syntax error, a cached verdict). */
  discard(): void;
}

/** A check run from a worker thread, whose verdict can also be waited for synchronously. */
export interface ThreadedNativeTypeCheck extends NativeTypeCheck {
  /** Blocks until it has ended; as result(). */
  wait(): NativeDiagnostic[] | null;
}

let cachedExe: string | null | undefined;

/** The native compiler's executable for this platform, or null when it is not installed. */
export function nativeCompilerPath(): string | null {
  if (cachedExe !== undefined) return cachedExe;
  cachedExe = null;
  try {
    // typescript@7's platform packages are schemac's optional dependencies (npm installs the one
    // matching os and cpu). Not the typescript@7 package itself: its `tsc` bin would take the
    // place of TypeScript 5's in node_modules/.bin.
    const platformPkg = require.resolve(`@typescript/typescript-${process.platform}-${process.arch}/package.json`);
    const exe = path.join(path.dirname(platformPkg), 'lib', process.platform === 'win32' ? 'tsc.exe' : 'tsc');
    if (fs.existsSync(exe)) cachedExe = exe;
  } catch {
    // Not installed for this platform: the in-process check is used.
  }
  return cachedExe;
}

/** What runChecks is given: plain data, so that it can be handed to a worker thread. */
interface CheckJob {
  readonly exe: string;
  readonly cwd: string;
  /** tsc's arguments, one list per chunk. */
  readonly chunks: readonly (readonly string[])[];
  /** How many tsc run at once while the caller's thread works, and once it waits. */
  readonly busy: number;
  readonly idle: number;
}

/** tsc's exit and output for one chunk. */
interface CheckOutput {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly error: string | null;
}

// The shared state of a running check (an Int32Array): [1] set to 1 when the check is discarded;
// [2] set to 1 when the caller's thread waits (needs no core any more); [3 + i] tsc's pid for
// chunk i while it runs, or -1 once a discard claimed the slot first (then whoever spawned that
// tsc kills it). [0] is the worker thread's "results posted" flag.
const DONE = 0;
const CANCELLED = 1;
const IDLE = 2;
const PIDS = 3;

/**
 * Runs tsc over each chunk and calls `done` with every chunk's output, in chunk order; returns the
 * scheduler, to call again when the state's CANCELLED or IDLE changed. Self-contained (its
 * require inside, the state's slots as numbers): its source text is also the worker thread's code.
 */
function runChecks(job: CheckJob, state: Int32Array, done: (outputs: CheckOutput[]) => void): () => void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { spawn } = require('child_process') as typeof import('child_process');
  const outputs: CheckOutput[] = new Array<CheckOutput>(job.chunks.length);
  let next = 0;
  let running = 0;
  let finished = 0;
  const run = (i: number): void => {
    running += 1;
    const settle = (output: CheckOutput): void => {
      outputs[i] = output;
      running -= 1;
      finished += 1;
      if (finished === job.chunks.length) done(outputs);
      else schedule();
    };
    try {
      const child = spawn(job.exe, job.chunks[i] ?? [], { cwd: job.cwd, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
      // SIGKILL: tsc 7 goes on to the end of its check on SIGTERM.
      if (child.pid !== undefined && Atomics.compareExchange(state, 3 + i, 0, child.pid) !== 0) child.kill('SIGKILL');
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout.on('data', (c: Buffer) => out.push(c));
      child.stderr.on('data', (c: Buffer) => err.push(c));
      let failure: string | null = null;
      child.on('error', (e) => { failure = String(e); });
      child.on('close', (status) => settle({ status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), error: failure }));
    } catch (e) {
      settle({ status: null, stdout: '', stderr: '', error: String(e) });
    }
  };
  const schedule = (): void => {
    if (Atomics.load(state, 1) === 1) return;
    const limit = Atomics.load(state, 2) === 1 ? job.idle : job.busy;
    while (next < job.chunks.length && running < limit) run(next++);
  };
  schedule();
  return schedule;
}

// The worker thread: runChecks on its own event loop, so the main thread goes on with extraction
// and can wait for the verdict synchronously (compileSchema is synchronous).
const WORKER_SOURCE = `
const { workerData } = require('worker_threads');
const { port } = workerData;
const state = new Int32Array(workerData.state);
const schedule = (${runChecks.toString()})(workerData.job, state, (outputs) => {
  port.postMessage(outputs);
  port.close();
  Atomics.store(state, ${DONE}, 1);
  Atomics.notify(state, ${DONE});
});
port.on('message', schedule);
`;

/**
 * At most this many schema files per tsc. Its memory grows with the files it checks (5,000
 * tables took 1.2 GB in one program, 130 MB per chunk of 455), while each further program costs
 * about 0.2 s of CPU (library files, the API's types, the files a chunk imports from others):
 * 11 chunks of 455 cost 18% more CPU than one program. So schemas of up to this many files are
 * checked whole, and larger ones in chunks of at most this many (about 250 MB each).
 */
const CHUNK_FILES = 1250;

/** How many checks run at once: beside extraction, one core is left to it; after, all may be used (up to 4, for memory's sake). */
function concurrency(): { busy: number; idle: number } {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return { busy: Math.max(1, Math.min(4, cores - 1)), idle: Math.max(1, Math.min(4, cores)) };
}

/** `files` in consecutive runs of nearly equal length, at most `size` each (checkOrder puts what imports what together). */
export function chunksOf<T>(files: readonly T[], size = CHUNK_FILES): T[][] {
  const count = Math.max(1, Math.ceil(files.length / size));
  const per = Math.ceil(files.length / count);
  const chunks: T[][] = [];
  for (let i = 0; i < files.length; i += per) chunks.push(files.slice(i, i + per));
  return chunks;
}

/**
 * One checker on one thread. By default tsc parses on every core and checks with several
 * checkers, each building its own copy of the types the schema API instantiates: at 1,000
 * tables that is about 10% more of tsc's CPU and 15% more of its memory than one checker, while
 * schemac's own process needs the other core meanwhile (the check runs beside extraction).
 */
const THREADING = ['--singleThreaded'];

/** How a native check splits its files, and where it keeps its incremental state. */
export interface NativeCheckOptions {
  /** Files in every chunk (declaresBeyondItself). */
  readonly shared?: readonly string[];
  /** Files per chunk; CHUNK_FILES by default. */
  readonly chunkFiles?: number;
  /** TypeScript's incremental state of this check between runs; none when absent. */
  readonly incremental?: IncrementalState;
}

/**
 * Where a check keeps TypeScript's incremental state: `folder/name-<chunk>.tsbuildinfo`. Each
 * run works on a copy of its own in the same folder (tsc records files relative to the
 * tsbuildinfo's folder, so the copy must sit beside it) and renames it into place once tsc has
 * given its verdict: runs at the same time never read a half-written state, and a run that is
 * discarded or killed leaves the kept state as it was.
 */
export interface IncrementalState {
  readonly folder: string;
  /** One name per schema folder, so that two schemas of one project do not undo each other's state. */
  readonly name: string;
}

/** A check's job, written to a temp folder of its own (a tsconfig per chunk). */
interface PreparedCheck {
  readonly job: CheckJob;
  readonly state: Int32Array;
  /** Marks the check discarded and kills every tsc it has started. */
  cancel(): void;
  /**
   * The diagnostics of every chunk's output (combine), or null when any gave no verdict; with a
   * verdict, the incremental state the check wrote is kept for the next run.
   */
  verdict(outputs: readonly CheckOutput[]): NativeDiagnostic[] | null;
  /** Removes the temp folder and any incremental state not kept. */
  cleanup(): void;
}

/** A working copy older than this belongs to a run that was killed before it could remove it. */
const ABANDONED_AFTER_MS = 60 * 60 * 1000;

/** Removes the working copies of `incremental` that runs killed long ago left behind. */
function removeAbandonedCopies(incremental: IncrementalState): void {
  const working = new RegExp(`^${incremental.name}-\\d+\\.\\d+-[a-z0-9]+\\.tsbuildinfo$`);
  const now = Date.now();
  for (const entry of fs.readdirSync(incremental.folder)) {
    if (!working.test(entry)) continue;
    const file = path.join(incremental.folder, entry);
    try {
      if (now - fs.statSync(file).mtimeMs > ABANDONED_AFTER_MS) fs.rmSync(file, { force: true });
    } catch {
      // Removed meanwhile by another run.
    }
  }
}

/** The kept tsbuildinfo of each chunk, and this run's working copies of them (copied in now). */
function incrementalFiles(incremental: IncrementalState | undefined, chunks: number): { kept: string; working: string }[] {
  if (incremental === undefined) return [];
  try {
    fs.mkdirSync(incremental.folder, { recursive: true });
    removeAbandonedCopies(incremental);
    const run = `${process.pid}-${Math.random().toString(36).slice(2, 10)}`;
    return Array.from({ length: chunks }, (_, i) => {
      const kept = path.join(incremental.folder, `${incremental.name}-${i}.tsbuildinfo`);
      const working = path.join(incremental.folder, `${incremental.name}-${i}.${run}.tsbuildinfo`);
      try {
        fs.copyFileSync(kept, working);
      } catch {
        // None kept yet (or unreadable): tsc checks everything and writes a new one.
      }
      return { kept, working };
    });
  } catch {
    // A folder that cannot be written only costs this run the incremental check.
    return [];
  }
}

/**
 * The job of a check of `files` with the compiler's settings, `schemac` resolved to `apiEntry`
 * (declarations when the compiler runs from dist/). Large schemas are checked in chunks, each a
 * program of its files and what they import; `shared` files (those whose declarations reach
 * other files without an import: scripts, global augmentations) go in every chunk. Null when the
 * binary is missing or the folder cannot be written.
 */
function prepareCheck(files: readonly string[], apiEntry: string, options: NativeCheckOptions): PreparedCheck | null {
  const exe = nativeCompilerPath();
  if (exe === null) return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schemac-tsc-'));
  const chunkFiles = chunksOf(files.map((f) => path.resolve(f)), options.chunkFiles);
  const states = incrementalFiles(options.incremental, chunkFiles.length);
  const cleanup = (): void => {
    for (const { working } of states) fs.rmSync(working, { force: true });
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    const settings = schemaCompilerSettings(apiEntry);
    const sharedPaths = (options.shared ?? []).map((f) => path.resolve(f));
    const chunks = chunkFiles.map((chunk, i) => {
      const tsconfig = path.join(dir, `tsconfig.${i}.json`);
      const roots = [...new Set([...chunk, ...sharedPaths])];
      const state = states[i];
      const incremental = state === undefined ? {} : { incremental: true, tsBuildInfoFile: state.working };
      fs.writeFileSync(tsconfig, JSON.stringify({ compilerOptions: { ...settings, noEmit: true, ...incremental }, files: roots }, null, 2));
      return ['--noEmit', '--pretty', 'false', ...THREADING, '-p', tsconfig];
    });
    const state = new Int32Array(new SharedArrayBuffer(4 * (PIDS + chunks.length)));
    const cancel = (): void => {
      Atomics.store(state, CANCELLED, 1);
      for (let i = 0; i < chunks.length; i++) {
        const pid = Atomics.exchange(state, PIDS + i, -1);
        if (pid <= 0) continue;
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // Already ended.
        }
      }
    };
    const verdict = (outputs: readonly CheckOutput[]): NativeDiagnostic[] | null => {
      const diagnostics = combine(outputs, dir);
      if (diagnostics === null) return null;
      for (const { kept, working } of states) {
        try {
          fs.renameSync(working, kept);
        } catch {
          // Not written (or the folder went away): the next run checks everything.
        }
      }
      return diagnostics;
    };
    return { job: { exe, cwd: dir, chunks, ...concurrency() }, state, cancel, verdict, cleanup };
  } catch {
    cleanup();
    return null;
  }
}

/**
 * Starts the check on a worker thread, so that it can be waited for synchronously. Null when the
 * binary is missing.
 */
export function startNativeTypeCheck(files: readonly string[], apiEntry: string, options: NativeCheckOptions = {}): ThreadedNativeTypeCheck | null {
  const check = prepareCheck(files, apiEntry, options);
  if (check === null) return null;
  const { job, state, cancel, verdict, cleanup } = check;
  try {
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { job, port: port2, state: state.buffer }, transferList: [port2] });
    worker.unref();
    let ended = false;
    const end = (terminate: boolean): void => {
      ended = true;
      port1.close();
      // A discarded check's worker is left to end by itself, after the tscs it spawned have been
      // killed (terminating it between a spawn and recording the pid would orphan that tsc).
      if (terminate) void worker.terminate();
      cleanup();
    };
    const wait = (): NativeDiagnostic[] | null => {
      if (ended) return null;
      try {
        // This thread needs no core while it waits: the remaining chunks may run at once.
        Atomics.store(state, IDLE, 1);
        port1.postMessage('idle');
        Atomics.wait(state, DONE, 0);
        // The message is queued before the flag is set; poll briefly in case it is still in flight.
        let message = receiveMessageOnPort(port1);
        for (let i = 0; message === undefined && i < 100; i++) {
          Atomics.wait(state, DONE, 1, 10);
          message = receiveMessageOnPort(port1);
        }
        return message === undefined ? null : verdict(message.message as CheckOutput[]);
      } finally {
        end(true);
      }
    };
    return {
      wait,
      result: () => Promise.resolve(wait()),
      discard() {
        if (ended) return;
        cancel();
        end(false);
      },
    };
  } catch {
    cleanup();
    return null;
  }
}

/**
 * Starts the check from this thread's event loop: no worker thread to start (about 130 million
 * instructions, a tenth of a small schema's compile), but the verdict can only be awaited, and
 * a chunk after the first starts only when this thread gives its event loop a turn. So it suits
 * a check of one chunk. Null when the binary is missing.
 */
export function startNativeTypeCheckInThread(files: readonly string[], apiEntry: string, options: NativeCheckOptions = {}): NativeTypeCheck | null {
  const check = prepareCheck(files, apiEntry, options);
  if (check === null) return null;
  const { job, state, cancel, verdict, cleanup } = check;
  let settle: (outputs: CheckOutput[] | null) => void = () => undefined;
  const outputs = new Promise<CheckOutput[] | null>((resolve) => { settle = resolve; });
  const schedule = runChecks(job, state, (all) => settle(all));
  let ended = false;
  return {
    async result() {
      if (ended) return null;
      Atomics.store(state, IDLE, 1);
      schedule();
      try {
        const all = await outputs;
        return all === null ? null : verdict(all);
      } finally {
        ended = true;
        cleanup();
      }
    },
    discard() {
      if (ended) return;
      ended = true;
      cancel();
      settle(null);
      cleanup();
    },
  };
}

/**
 * The diagnostics of every chunk, each once: a file imported by several chunks is checked in
 * each, alike (tsc itself drops identical diagnostics). Null when any chunk gave no verdict.
 */
function combine(results: readonly CheckOutput[], cwd: string): NativeDiagnostic[] | null {
  const seen = new Set<string>();
  const all: NativeDiagnostic[] = [];
  for (const result of results) {
    const diagnostics = interpret(result, cwd);
    if (diagnostics === null) return null;
    for (const d of diagnostics) {
      const key = `${d.file}\0${d.line}\0${d.column}\0${d.code}\0${d.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      all.push(d);
    }
  }
  return all;
}

const HEADER = /^(.+)\((\d+),(\d+)\): error TS(\d+): (.*)$/;

/** Turns tsc's `--pretty false` output into diagnostics; null when it is not a normal check's output. */
function interpret(result: CheckOutput, cwd: string): NativeDiagnostic[] | null {
  // 0: no errors; 1 and 2: errors reported. Anything else (a crash, a signal) is not a verdict.
  if (result.error !== null || result.status === null || result.status > 2) return null;
  const diagnostics: { file: string; line: number; column: number; code: number; lines: string[] }[] = [];
  for (const line of result.stdout.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const header = HEADER.exec(line);
    if (header) {
      diagnostics.push({ file: path.resolve(cwd, header[1]), line: Number(header[2]), column: Number(header[3]), code: Number(header[4]), lines: [header[5]] });
    } else if (line.startsWith('  ') && diagnostics.length > 0) {
      // A line of the message chain, already indented as flattenDiagnosticMessageText indents it.
      diagnostics[diagnostics.length - 1].lines.push(line);
    } else {
      // A diagnostic without a file (a configuration error) or text we do not understand.
      return null;
    }
  }
  if (result.status !== 0 && diagnostics.length === 0) return null;
  return diagnostics.map((d) => ({ file: d.file, line: d.line, column: d.column, code: d.code, message: d.lines.join('\n') }));
}
