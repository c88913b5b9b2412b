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
  /** The repository's root, reached from the cwd's path (what the copy's root stands for). */
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

/** Where `cwd` is in its repository. */
interface RepositoryPlace {
  /** The repository's root as git gives it; path arguments of git commands run there are from the root. */
  readonly root: string;
  /** The same folder reached from cwd's path (through the same symbolic links), to map paths back. */
  readonly rootFromCwd: string;
  /** cwd's path under the root as git writes it ("" or "sub/"). */
  readonly prefix: string;
}

/** The repository `cwd` is in, once `ref` is known to be one of its commits. */
function repositoryAt(ref: string, cwd: string): RepositoryPlace {
  const [root = '', prefix = ''] = git(['rev-parse', '--show-toplevel', '--show-prefix'], cwd).split('\n');
  try {
    execFileSync('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd, stdio: 'ignore' });
  } catch {
    throw new AppError(`--base ${ref}: not a commit in this repository`);
  }
  const up = prefix.split('/').filter((part) => part !== '').map(() => '..');
  return { root, prefix, rootFromCwd: path.resolve(cwd, ...up) };
}

/**
 * `file` (a path under `cwd`) as git names it: relative to the repository's root, with slashes.
 * Built from git's own prefix for cwd, so a cwd reached through a symbolic link (macOS's /tmp)
 * still lands inside the repository. Starts with "../" when the file is outside it.
 */
function inRepository(place: RepositoryPlace, file: string, cwd: string): string {
  const fromCwd = path.relative(cwd, path.resolve(cwd, file)).split(path.sep).join('/');
  return path.posix.normalize(`${place.prefix}${fromCwd}`);
}

/** A file of the repository as it is at a git ref. */
export interface FileAtRef {
  /** Its path as git names it (relative to the repository's root): `ref:path` shows it. */
  readonly path: string;
  /** Its text at the ref, or null when the ref has no such file. */
  readonly text: string | null;
}

/**
 * Reads `file` (a path under `cwd`) as it is at `ref`, the working tree and the index untouched;
 * null when the path is outside the repository (--config ../x.json), so not versioned with it.
 * A symbolic link is followed inside the tree at `ref`, as the file system follows it in the
 * working tree; git stores a link as a blob holding its target, which is no file's text.
 */
export function fileAt(ref: string, file: string, cwd: string): FileAtRef | null {
  const place = repositoryAt(ref, cwd);
  const rel = inRepository(place, file, cwd);
  if (rel.startsWith('../') || path.posix.isAbsolute(rel)) return null;
  return readFollowingLinks(ref, rel, place.root);
}

/** How many links one lookup follows before it is taken for a loop (Linux's MAXSYMLINKS). */
const MAX_LINKS = 40;

/** A git tree entry, as `git ls-tree` lists it. */
interface TreeEntry { readonly mode: string; readonly type: string; readonly object: string }

/** The entries at `ref` of each folder on the way to `rel` and of `rel`, in that order: one git call. */
function entriesOn(ref: string, rel: string, root: string): [string, TreeEntry | undefined][] {
  const parts = rel.split('/');
  const prefixes = parts.map((_, i) => parts.slice(0, i + 1).join('/'));
  const entries = new Map<string, TreeEntry>();
  // -z: "<mode> <type> <object>\t<path>\0", the path unquoted whatever its characters.
  for (const record of git(['ls-tree', '-z', ref, '--', ...prefixes], root).split('\0')) {
    const tab = record.indexOf('\t');
    const [mode, type, object] = record.slice(0, tab).split(' ');
    if (tab > 0 && mode !== undefined && type !== undefined && object !== undefined) entries.set(record.slice(tab + 1), { mode, type, object });
  }
  return prefixes.map((p) => [p, entries.get(p)]);
}

/**
 * The file at `rel` in the tree at `ref`, through any symbolic links on its path (the file's
 * own, or a folder's). A link that leaves the repository, or links that go round, are errors
 * naming `ref:path`: the working tree's config would have been read through them.
 */
function readFollowingLinks(ref: string, asked: string, root: string): FileAtRef {
  let rel = asked;
  const seen = new Set<string>();
  for (let hops = 0; ; hops++) {
    const entries = entriesOn(ref, rel, root);
    const link = entries.map(([at, e]) => (e?.mode === '120000' ? { at, object: e.object } : null)).find((l) => l !== null);
    if (link === undefined) {
      const entry = entries[entries.length - 1]?.[1];
      // A folder or a submodule by that name is no file.
      if (entry === undefined || entry.type !== 'blob') return { path: rel, text: null };
      return { path: rel, text: git(['cat-file', 'blob', entry.object], root) };
    }
    const { at, object } = link;
    if (hops === MAX_LINKS || seen.has(at)) {
      throw new AppError(`${ref}:${asked}: symbolic links at that ref go round in a loop or chain more than ${MAX_LINKS} deep (through ${ref}:${at})`);
    }
    seen.add(at);
    const target = git(['cat-file', 'blob', object], root);
    const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(at), target));
    if (path.posix.isAbsolute(target) || resolved === '..' || resolved.startsWith('../')) {
      throw new AppError(`${ref}:${at} is a symbolic link to ${target}, outside the repository; only files in the repository are read at a ref`);
    }
    rel = path.posix.join(resolved, rel.slice(at.length));
  }
}

/**
 * Reads `folder` (a path under `cwd`) as it is at `ref` through `git archive`, into a temporary
 * directory: the working tree and the index are never touched. Git runs at the repository's
 * root: from a subfolder, ls-tree and archive would read paths (and write entries) relative to it.
 */
export function checkoutFolderAt(ref: string, folder: string, cwd: string): CheckedOutFolder {
  const place = repositoryAt(ref, cwd);
  const rel = inRepository(place, folder, cwd);
  const repoRoot = place.rootFromCwd;
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'schemac-review-'));
  const dispose = () => fs.rmSync(root, { recursive: true, force: true });
  try {
    const listed = git(['ls-tree', '-d', '--name-only', ref, '--', rel], place.root).trim();
    if (listed === '') return { dir: null, root, repoRoot, dispose };
    const tar = execFileSync('git', ['archive', '--format=tar', ref, '--', rel], { cwd: place.root, maxBuffer: 1024 * 1024 * 1024 });
    execFileSync('tar', ['-x', '-C', root], { input: tar });
    return { dir: path.join(root, rel), root, repoRoot, dispose };
  } catch (err) {
    dispose();
    throw err;
  }
}

/**
 * The names in `folder` (a path under `cwd`) at `ref`, from git's tree alone: no file is read,
 * where a checkout of a migrations folder would copy every migration (megabytes each on a large
 * schema) only to list them. Empty when the ref has no such folder.
 */
export function namesAt(ref: string, folder: string, cwd: string): string[] {
  const place = repositoryAt(ref, cwd);
  const rel = inRepository(place, folder, cwd);
  // The trailing slash lists the folder's entries, not the folder; -z: names as they are.
  const listed = git(['ls-tree', '-z', '--name-only', ref, '--', `${rel}/`], place.root);
  return listed.split('\0').filter((entry) => entry !== '').map((entry) => path.posix.basename(entry));
}
