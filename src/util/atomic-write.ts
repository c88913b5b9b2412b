/**
 * Atomic file writes: a reader (or a crash) sees the old file or the new one, never half of
 * either. Each file is written to a temporary name in its own directory (rename is atomic only
 * within one file system) and renamed over the target.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** One file to write. */
export interface FileToWrite {
  readonly path: string;
  /** Text (written as UTF-8) or bytes. */
  readonly content: string | Uint8Array;
  /** Permission bits of a new file (default 0o666 less the umask). */
  readonly mode?: number;
}

/** The temporary name beside `file`: hidden, and unique to this process. */
export function tempPathFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.tmp-${process.pid}`);
}

/** Writes `content` to `file` atomically (text as UTF-8). */
export function writeFileAtomic(file: string, content: string | Uint8Array, options: { mode?: number } = {}): void {
  writeFilesAtomic([{ path: file, content, mode: options.mode }]);
}

/**
 * Writes several files so that none is replaced unless all were written: every temporary file
 * first, then the renames. A failed write removes the temporaries and leaves every target as it was.
 */
export function writeFilesAtomic(files: readonly FileToWrite[]): void {
  const temps: string[] = [];
  try {
    for (const f of files) {
      const temp = tempPathFor(f.path);
      temps.push(temp);
      fs.writeFileSync(temp, f.content, { encoding: 'utf8', mode: f.mode });
    }
  } catch (e) {
    for (const t of temps) fs.rmSync(t, { force: true });
    throw e;
  }
  files.forEach((f, i) => fs.renameSync(temps[i] as string, f.path));
}
