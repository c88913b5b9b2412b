import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AppError } from './errors';

/** A folder of the repository as it is at a git ref, extracted to a temporary directory. */
export interface CheckedOutFolder {
  /** The folder's path inside the temporary copy, or null when the ref has no such folder. */
  readonly dir: string | null;
  /** The temporary copy's root, to map its paths back to the repository's. */
  readonly root: string;
  readonly repoRoot: string;
  dispose(): void;
}

function git(args: string[], cwd: string): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  } catch (err) {
    const stderr = String((err as { stderr?: unknown }).stderr ?? '').trim();
    throw new AppError(`git ${args[0]} failed: ${stderr || (err as Error).message}`);
  }
}

/**
 * Reads `folder` (a path under `cwd`) as it is at `ref` through `git archive`, into a temporary
 * directory: the working tree and the index are never touched.
 */
export function checkoutFolderAt(ref: string, folder: string, cwd: string): CheckedOutFolder {
  const repoRoot = git(['rev-parse', '--show-toplevel'], cwd).trim();
  try {
    execFileSync('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd, stdio: 'ignore' });
  } catch {
    throw new AppError(`--base ${ref}: not a commit in this repository`);
  }
  const rel = path.relative(repoRoot, path.resolve(cwd, folder)).split(path.sep).join('/');
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'schemac-review-'));
  const dispose = () => fs.rmSync(root, { recursive: true, force: true });
  try {
    const listed = git(['ls-tree', '-d', '--name-only', ref, '--', rel], cwd).trim();
    if (listed === '') return { dir: null, root, repoRoot, dispose };
    const tar = execFileSync('git', ['archive', '--format=tar', ref, '--', rel], { cwd, maxBuffer: 1024 * 1024 * 1024 });
    execFileSync('tar', ['-x', '-C', root], { input: tar });
    return { dir: path.join(root, rel), root, repoRoot, dispose };
  } catch (err) {
    dispose();
    throw err;
  }
}
