/**
 * One file holding V8's compiled code of many small modules (schemac's own dist/ files, commander,
 * chalk, the driver's): read once per run instead of a file per module, which would cost as much
 * as it saves on modules of a few kilobytes. Each entry is valid for one version of its source
 * file only, told by the file's size, times and inode (V8 itself checks only the source's length).
 */
import * as fs from 'fs';
import { writeFileAtomic } from '../util/atomic-write';

/** What identifies one version of a file: rewriting it changes its ctime, which no tool can set back. */
export function fileIdentity(file: string): string | null {
  try {
    const st = fs.statSync(file);
    return `${st.size}:${st.mtimeMs}:${st.ctimeMs}:${st.ino}`;
  } catch {
    return null;
  }
}

interface StoredEntry {
  readonly identity: string;
  readonly data: Buffer;
}

/** The cached data of each module file, as read from the store's file. */
export type StoredEntries = ReadonlyMap<string, StoredEntry>;

/** A compiled module whose cached data is to be stored: called at exit, so lazily compiled functions are in it too. */
export interface FreshEntry {
  readonly identity: string;
  data(): Buffer;
}

// Layout: a 4-byte little-endian header length, the header (JSON: [file, identity, bytes][]),
// then each entry's bytes in header order.
const FORMAT = 'schemac.code-cache/v1';

/** The entries of the store file; empty when it is missing or not one this version wrote. */
export function readStore(file: string): StoredEntries {
  const entries = new Map<string, StoredEntry>();
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return entries;
  }
  try {
    const headerLength = bytes.readUInt32LE(0);
    const header = JSON.parse(bytes.toString('utf8', 4, 4 + headerLength)) as { format?: unknown; modules?: unknown };
    if (header.format !== FORMAT || !Array.isArray(header.modules)) return entries;
    let offset = 4 + headerLength;
    for (const m of header.modules as unknown[]) {
      if (!Array.isArray(m) || typeof m[0] !== 'string' || typeof m[1] !== 'string' || typeof m[2] !== 'number') return new Map();
      const end = offset + m[2];
      if (end > bytes.length) return new Map();
      entries.set(m[0], { identity: m[1], data: bytes.subarray(offset, end) });
      offset = end;
    }
  } catch {
    return new Map();
  }
  return entries;
}

/**
 * Writes the store: this run's fresh entries, the entries it reused, and those of files it did
 * not load that are still the version cached (so running one command keeps another's modules).
 */
export function writeStore(file: string, previous: StoredEntries, fresh: ReadonlyMap<string, FreshEntry>): void {
  const modules: [string, string, number][] = [];
  const blobs: Buffer[] = [];
  const add = (name: string, identity: string, data: Buffer): void => {
    modules.push([name, identity, data.length]);
    blobs.push(data);
  };
  for (const [name, entry] of fresh) add(name, entry.identity, entry.data());
  for (const [name, entry] of previous) {
    if (!fresh.has(name) && fileIdentity(name) === entry.identity) add(name, entry.identity, entry.data);
  }
  const header = Buffer.from(JSON.stringify({ format: FORMAT, modules }), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length, 0);
  writeFileAtomic(file, Buffer.concat([length, header, ...blobs]), { mode: 0o600 });
}
