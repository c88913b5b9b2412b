/**
 * `schemac.sum`: one line per migration (`<id> h1:<hash>`) after a first line hashing the
 * whole list, the way Atlas's atlas.sum works. An edited file changes its migration's hash; a
 * renamed, removed, added or reordered migration changes the list.
 */
import { isUtf8 } from 'buffer';
import { createHash, type Hash } from 'crypto';
import { MIGRATION_FILES, type MigrationFileName } from './layout';

/** A parsed schemac.sum. */
export interface SumFile {
  readonly total: string;
  readonly entries: readonly { readonly id: string; readonly hash: string }[];
}

/** A finished SHA-256 as schemac.sum writes it. */
function h1(hash: Hash): string {
  return `h1:${hash.digest('base64')}`;
}

/**
 * The hash of one migration: its id and files (their UTF-8 text), joined by NUL characters.
 * Line endings are normalized first, so a checkout with Windows line endings (git's autocrlf) is
 * not an edit. The parts are fed to the hash one by one rather than joined: the same bytes,
 * without copying a large schema's files (tens of megabytes) into one string first. A file read
 * as bytes is hashed from its bytes when it is valid UTF-8 (the bytes its text would give, CRLFs
 * as LFs), so it need not be decoded at all.
 */
export function migrationHash(id: string, files: Readonly<Record<MigrationFileName, string | Buffer>>): string {
  const hasher = new MigrationHasher(id);
  for (const name of MIGRATION_FILES) {
    const file = files[name];
    hasher.file(name);
    if (typeof file !== 'string' && isUtf8(file)) hasher.piece(file);
    else hasher.text(typeof file === 'string' ? file : file.toString('utf8'));
  }
  return hasher.digest();
}

/**
 * The hash of one migration fed file by file (migrationHash), or piece by piece for files
 * streamed from disk: a command reads every migration's files, hundreds of megabytes on a long
 * history of a large schema, and holding each whole costs more than hashing it. The pieces must
 * be valid UTF-8 (the bytes their text would give), each file's in order, none but a file's last
 * ending in a CR (so no CRLF is split).
 */
export class MigrationHasher {
  private readonly hash: Hash;
  constructor(id: string) {
    this.hash = createHash('sha256').update(id);
  }

  /** Starts the next file; files come in MIGRATION_FILES order. */
  file(name: MigrationFileName): void {
    this.hash.update(`\u0000${name}\u0000`);
  }

  /** The current file's whole text, its CRLFs hashed as LFs. */
  text(text: string): void {
    this.hash.update(withLf(text));
  }

  /** The next piece of the current file, its CRLFs hashed as LFs as text() hashes them. */
  piece(bytes: Buffer): void {
    let from = 0;
    for (let cr = bytes.indexOf('\r\n'); cr >= 0; cr = bytes.indexOf('\r\n', cr + 2)) {
      this.hash.update(bytes.subarray(from, cr));
      from = cr + 1;
    }
    this.hash.update(from === 0 ? bytes : bytes.subarray(from));
  }

  /** The hash, as schemac.sum writes it. */
  digest(): string {
    return h1(this.hash);
  }
}

function withLf(text: string): string {
  return text.includes('\r\n') ? text.replace(/\r\n/g, '\n') : text;
}

/** The hash over the list: ids and hashes, in order. */
export function listHash(entries: SumFile['entries']): string {
  return h1(createHash('sha256').update(entries.map((e) => `${e.id} ${e.hash}`).join('\n')));
}

/** The file's text for these migrations, in order. */
export function renderSum(entries: SumFile['entries']): string {
  return `${[listHash(entries), ...entries.map((e) => `${e.id} ${e.hash}`)].join('\n')}\n`;
}

/** Reads schemac.sum; a line it cannot read is an error naming its line number. */
export function parseSum(text: string, file: string): SumFile {
  const lines = text.replace(/\r\n/g, '\n').split('\n').filter((l) => l.trim() !== '');
  const total = lines[0]?.trim() ?? '';
  if (!/^h1:\S+$/.test(total)) throw new Error(`${file}:1: expected the list hash (h1:...), got ${JSON.stringify(total.slice(0, 40))}`);
  const entries = lines.slice(1).map((line, i) => {
    const m = /^(\S+)\s+(h1:\S+)$/.exec(line.trim());
    if (m === null) throw new Error(`${file}:${i + 2}: expected "<migration id> h1:<hash>", got ${JSON.stringify(line.slice(0, 60))}`);
    return { id: m[1] as string, hash: m[2] as string };
  });
  return { total, entries };
}
