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

// Runs in a worker thread: spawnSync blocks only the worker, so the main thread goes on with
// extraction and collects the result synchronously (compileSchema is synchronous).
const WORKER_SOURCE = `
const { workerData } = require('worker_threads');
const { spawnSync } = require('child_process');
const r = spawnSync(workerData.exe, workerData.args, { cwd: workerData.cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, windowsHide: true });
workerData.port.postMessage({ status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', error: r.error ? String(r.error) : null });
const flag = new Int32Array(workerData.flag);
Atomics.store(flag, 0, 1);
Atomics.notify(flag, 0);
`;

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

/**
 * Starts `tsc --noEmit` over `files` with the compiler's settings, `schemac` resolved to
 * `apiEntry` (declarations when the compiler runs from dist/). Null when the binary is missing.
 */
export function startNativeTypeCheck(files: readonly string[], apiEntry: string): NativeTypeCheck | null {
  const exe = nativeCompilerPath();
  if (exe === null) return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schemac-tsc-'));
  const cleanup = (): void => fs.rmSync(dir, { recursive: true, force: true });
  try {
    const tsconfig = path.join(dir, 'tsconfig.json');
    const settings = schemaCompilerSettings(apiEntry);
    fs.writeFileSync(tsconfig, JSON.stringify({ compilerOptions: { ...settings, noEmit: true }, files: files.map((f) => path.resolve(f)) }, null, 2));
    const flag = new SharedArrayBuffer(4);
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { exe, args: ['--noEmit', '--pretty', 'false', ...THREADING, '-p', tsconfig], cwd: dir, port: port2, flag },
      transferList: [port2],
    });
    worker.unref();
    return {
      wait() {
        try {
          const state = new Int32Array(flag);
          Atomics.wait(state, 0, 0);
          // The message is queued before the flag is set; poll briefly in case it is still in flight.
          let message = receiveMessageOnPort(port1);
          for (let i = 0; message === undefined && i < 100; i++) {
            Atomics.wait(state, 0, 1, 10);
            message = receiveMessageOnPort(port1);
          }
          port1.close();
          void worker.terminate();
          if (message === undefined) return null;
          return interpret(message.message as WorkerResult, dir);
        } finally {
          cleanup();
        }
      },
    };
  } catch {
    cleanup();
    return null;
  }
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
