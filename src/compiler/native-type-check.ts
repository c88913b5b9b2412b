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
  /** Waits for it; its diagnostics, or null when it failed to run (check in-process instead). */
  wait(): NativeDiagnostic[] | null;
  /** Stops it (its verdict is not needed after all: a syntax error, a cached verdict). */
  discard(): void;
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

// Runs in a worker thread, whose own event loop spawns tsc over each chunk of the files and
// collects the output, so the main thread goes on with extraction and collects the result
// synchronously (compileSchema is synchronous). The shared state (Int32Array):
//   [DONE]       turns 1 when the results are posted;
//   [CANCELLED]  set to 1 by the main thread when it discards the check;
//   [IDLE]       set to 1 by the main thread when it waits (it needs no core any more);
//   [PIDS + i]   tsc's pid for chunk i while it runs, or -1 once the main thread claimed the slot
//                to discard (then the worker kills what it spawned itself).
// While the main thread works, `busy` checks run at once; when it waits, `idle` do.
const WORKER_SOURCE = `
const { workerData } = require('worker_threads');
const { spawn } = require('child_process');
const { chunks, exe, cwd, port, busy, idle } = workerData;
const DONE = 0, CANCELLED = 1, IDLE = 2, PIDS = 3;
const state = new Int32Array(workerData.state);
const results = new Array(chunks.length);
let next = 0, running = 0, finished = 0;
const finish = () => {
  port.postMessage(results);
  port.close();
  Atomics.store(state, DONE, 1);
  Atomics.notify(state, DONE);
};
const run = (i) => {
  running += 1;
  const settle = (result) => {
    results[i] = result;
    running -= 1;
    finished += 1;
    if (finished === chunks.length) finish();
    else schedule();
  };
  try {
    const child = spawn(exe, chunks[i], { cwd, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    if (child.pid !== undefined && Atomics.compareExchange(state, PIDS + i, 0, child.pid) !== 0) child.kill('SIGKILL');
    const out = [];
    const err = [];
    child.stdout.on('data', (c) => out.push(c));
    child.stderr.on('data', (c) => err.push(c));
    let failure = null;
    child.on('error', (e) => { failure = String(e); });
    child.on('close', (status) => settle({ status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), error: failure }));
  } catch (e) {
    settle({ status: null, stdout: '', stderr: '', error: String(e) });
  }
};
const schedule = () => {
  if (Atomics.load(state, CANCELLED) === 1) {
    if (running === 0) port.close();
    return;
  }
  const limit = Atomics.load(state, IDLE) === 1 ? idle : busy;
  while (next < chunks.length && running < limit) run(next++);
};
port.on('message', schedule);
schedule();
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

interface WorkerResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly error: string | null;
}

/** How a native check splits its files. */
export interface NativeCheckOptions {
  /** Files in every chunk (declaresBeyondItself). */
  readonly shared?: readonly string[];
  /** Files per chunk; CHUNK_FILES by default. */
  readonly chunkFiles?: number;
}

/**
 * Starts `tsc --noEmit` over `files` with the compiler's settings, `schemac` resolved to
 * `apiEntry` (declarations when the compiler runs from dist/). Large schemas are checked in
 * chunks, each a program of its files and what they import; `shared` files (those whose
 * declarations reach other files without an import: scripts, global augmentations) go in every
 * chunk. Null when the binary is missing.
 */
export function startNativeTypeCheck(files: readonly string[], apiEntry: string, options: NativeCheckOptions = {}): NativeTypeCheck | null {
  const exe = nativeCompilerPath();
  if (exe === null) return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schemac-tsc-'));
  const cleanup = (): void => fs.rmSync(dir, { recursive: true, force: true });
  try {
    const settings = schemaCompilerSettings(apiEntry);
    const sharedPaths = (options.shared ?? []).map((f) => path.resolve(f));
    const chunks = chunksOf(files.map((f) => path.resolve(f)), options.chunkFiles).map((chunk, i) => {
      const tsconfig = path.join(dir, `tsconfig.${i}.json`);
      const roots = [...new Set([...chunk, ...sharedPaths])];
      fs.writeFileSync(tsconfig, JSON.stringify({ compilerOptions: { ...settings, noEmit: true }, files: roots }, null, 2));
      return ['--noEmit', '--pretty', 'false', ...THREADING, '-p', tsconfig];
    });
    const DONE = 0, CANCELLED = 1, IDLE = 2, PIDS = 3;
    const stateBuffer = new SharedArrayBuffer(4 * (PIDS + chunks.length));
    const state = new Int32Array(stateBuffer);
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { chunks, exe, cwd: dir, port: port2, state: stateBuffer, ...concurrency() },
      transferList: [port2],
    });
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
    return {
      wait() {
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
          if (message === undefined) return null;
          return combine(message.message as WorkerResult[], dir);
        } finally {
          end(true);
        }
      },
      discard() {
        if (ended) return;
        Atomics.store(state, CANCELLED, 1);
        for (let i = 0; i < chunks.length; i++) {
          const pid = Atomics.exchange(state, PIDS + i, -1);
          // SIGKILL: tsc 7 goes on to the end of its check on SIGTERM.
          if (pid > 0) {
            try {
              process.kill(pid, 'SIGKILL');
            } catch {
              // Already ended.
            }
          }
        }
        end(false);
      },
    };
  } catch {
    cleanup();
    return null;
  }
}

/**
 * The diagnostics of every chunk, each once: a file imported by several chunks is checked in
 * each, alike (tsc itself drops identical diagnostics). Null when any chunk gave no verdict.
 */
function combine(results: readonly WorkerResult[], cwd: string): NativeDiagnostic[] | null {
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
function interpret(result: WorkerResult, cwd: string): NativeDiagnostic[] | null {
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
