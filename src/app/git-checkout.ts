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

/**
 * A commit a ref names, in the repository `cwd` is in: found and verified once (commitAt), then
 * read as often as a command needs (its config, its schema folder, its migrations folder).
 */
export interface CommitAt {
  /** The ref as given, for messages (`HEAD~1:schemac.config.json`). */
  readonly ref: string;
  /** The commit's id: every read sees the same commit, even if the ref moves meanwhile (a fetch). */
  readonly commit: string;
  readonly cwd: string;
  readonly place: RepositoryPlace;
}

/** Finds the repository `cwd` is in and the commit `ref` names there: one git process. */
export function commitAt(ref: string, cwd: string): CommitAt {
  let out: string;
  try {
    out = execFileSync('git', ['rev-parse', '--show-toplevel', '--show-prefix', '--verify', '--quiet', `${ref}^{commit}`], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    // --verify --quiet fails with status 1 and says nothing; outside a repository git says why (128).
    if ((err as { status?: unknown }).status === 1) throw new AppError(`--base ${ref}: not a commit in this repository`);
    const stderr = String((err as { stderr?: unknown }).stderr ?? '').trim();
    throw new AppError(`git rev-parse failed: ${stderr || (err as Error).message}`);
  }
  const [root = '', prefix = '', commit = ''] = out.split('\n');
  const up = prefix.split('/').filter((part) => part !== '').map(() => '..');
  return { ref, commit, cwd, place: { root, prefix, rootFromCwd: path.resolve(cwd, ...up) } };
}

/**
 * `file` (a path under `cwd`) as git names it: relative to the repository's root, with slashes.
 * Built from git's own prefix for cwd, so a cwd reached through a symbolic link (macOS's /tmp)
 * still lands inside the repository. Starts with "../" when the file is outside it.
 */
function inRepository(place: RepositoryPlace, file: string, cwd: string): string {
  const fromCwd = path.relative(cwd, path.resolve(cwd, file)).split(path.sep).join('/');
  // Without a trailing slash: the cwd itself under a prefix would otherwise be "sub/".
  return path.posix.normalize(`${place.prefix}${fromCwd}`).replace(/(.)\/$/, '$1');
}

/** A file of the repository as it is at a git ref. */
export interface FileAtRef {
  /** Its path as git names it (relative to the repository's root): `ref:path` shows it. */
  readonly path: string;
  /** Its text at the ref, or null when the ref has no such file. */
  readonly text: string | null;
}

/**
 * Reads `file` (a path under the cwd) as it is at the commit, the working tree and the index untouched;
 * null when the path is outside the repository (--config ../x.json), so not versioned with it.
 * A symbolic link is followed inside the commit's tree, as the file system follows it in the
 * working tree; git stores a link as a blob holding its target, which is no file's text.
 */
export function fileAt(at: CommitAt, file: string): FileAtRef | null {
  const rel = inRepository(at.place, file, at.cwd);
  if (rel.startsWith('../') || path.posix.isAbsolute(rel)) return null;
  return readFollowingLinks(at, rel);
}

/** How many links one lookup follows before it is taken for a loop (Linux's MAXSYMLINKS). */
const MAX_LINKS = 40;

/** A git tree entry, as `git ls-tree` lists it. */
interface TreeEntry { readonly mode: string; readonly type: string; readonly object: string }

/** The entries at the commit of each folder on the way to `rel` and of `rel`, in that order: one git call. */
function entriesOn(at: CommitAt, rel: string): [string, TreeEntry | undefined][] {
  const parts = rel.split('/');
  const prefixes = parts.map((_, i) => parts.slice(0, i + 1).join('/'));
  const entries = new Map<string, TreeEntry>();
  // -z: "<mode> <type> <object>\t<path>\0", the path unquoted whatever its characters.
  for (const record of git(['ls-tree', '-z', at.commit, '--', ...prefixes], at.place.root).split('\0')) {
    const tab = record.indexOf('\t');
    const [mode, type, object] = record.slice(0, tab).split(' ');
    if (tab > 0 && mode !== undefined && type !== undefined && object !== undefined) entries.set(record.slice(tab + 1), { mode, type, object });
  }
  return prefixes.map((p) => [p, entries.get(p)]);
}

/**
 * `asked` in the commit's tree, through any symbolic links on its path (its own, or a folder's):
 * the path it resolves to and the entry there (none when the commit has no such path). A link
 * that leaves the repository, or links that go round, are errors naming `ref:path`: the working
 * tree's file system would have followed them.
 */
function followLinks(at: CommitAt, asked: string): { readonly path: string; readonly entry: TreeEntry | undefined } {
  const { ref, place: { root } } = at;
  let rel = asked;
  const seen = new Set<string>();
  for (let hops = 0; ; hops++) {
    const entries = entriesOn(at, rel);
    const link = entries.map(([where, e]) => (e?.mode === '120000' ? { where, object: e.object } : null)).find((l) => l !== null);
    if (link === undefined) return { path: rel, entry: entries[entries.length - 1]?.[1] };
    const { where, object } = link;
    if (hops === MAX_LINKS || seen.has(where)) {
      throw new AppError(`${ref}:${asked}: symbolic links at that ref go round in a loop or chain more than ${MAX_LINKS} deep (through ${ref}:${where})`);
    }
    seen.add(where);
    const target = git(['cat-file', 'blob', object], root);
    const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(where), target));
    if (path.posix.isAbsolute(target) || resolved === '..' || resolved.startsWith('../')) {
      throw new AppError(`${ref}:${where} is a symbolic link to ${target}, outside the repository; only files in the repository are read at a ref`);
    }
    rel = path.posix.join(resolved, rel.slice(where.length));
  }
}

/** The file at `asked` in the commit's tree, through links (followLinks). */
function readFollowingLinks(at: CommitAt, asked: string): FileAtRef {
  const { path: rel, entry } = followLinks(at, asked);
  // A folder or a submodule by that name is no file.
  if (entry === undefined || entry.type !== 'blob') return { path: rel, text: null };
  return { path: rel, text: git(['cat-file', 'blob', entry.object], at.place.root) };
}

/**
 * Reads `folder` (a path under the cwd) as it is at the commit through `git archive`, into a
 * temporary directory: the working tree and the index are never touched. Git runs at the repository's
 * root: from a subfolder, ls-tree and archive would read paths (and write entries) relative to it.
 */
export function checkoutFolderAt(at: CommitAt, folder: string): CheckedOutFolder {
  const { place, commit } = at;
  const rel = inRepository(place, folder, at.cwd);
  const repoRoot = place.rootFromCwd;
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'schemac-review-'));
  const dispose = () => fs.rmSync(root, { recursive: true, force: true });
  try {
    // A folder that is a symbolic link at the commit (schema -> db/schema) is read where it
    // points, as the working tree's is; the repository's root is a folder with no entry.
    const found = rel === '.' ? { path: rel, entry: { type: 'tree' } } : followLinks(at, rel);
    if (found.entry?.type !== 'tree') return { dir: null, root, repoRoot, dispose };
    const tar = execFileSync('git', ['archive', '--format=tar', commit, '--', found.path], { cwd: place.root, maxBuffer: 1024 * 1024 * 1024 });
    execFileSync('tar', ['-x', '-C', root], { input: tar });
    return { dir: path.join(root, found.path), root, repoRoot, dispose };
  } catch (err) {
    dispose();
    throw err;
  }
}

/**
 * The names in `folder` (a path under the cwd) at the commit, from git's tree alone: no file is
 * read, where a checkout of a migrations folder would copy every migration (megabytes each on a
 * large schema) only to list them. Empty when the commit has no such folder.
 */
export function namesAt(at: CommitAt, folder: string): string[] {
  const rel = inRepository(at.place, folder, at.cwd);
  // The trailing slash lists the folder's entries, not the folder; -z: names as they are.
  const listed = git(['ls-tree', '-z', '--name-only', at.commit, '--', `${rel}/`], at.place.root);
  return listed.split('\0').filter((entry) => entry !== '').map((entry) => path.posix.basename(entry));
}
