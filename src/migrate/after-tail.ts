/**
 * The migration's own properties of after.json (its parent and hints), read from the end of the
 * file without parsing the snapshot before them. Every command needs every migration's parent
 * (the integrity check), while a snapshot is megabytes on a large schema and most commands use
 * one or two of them. schemac writes these properties last (serializeSnapshot puts extra
 * properties after the known ones), so they are the top-level object's last members; a file in
 * any other form reads as null, and the caller parses it whole, with the same result.
 */

/** The property of after.json that names the parent migration (null for the first). */
export const PARENT_PROPERTY = 'parent_migration';

/** The property of after.json that keeps the renames and backfills the migration's plan used. */
export const HINTS_PROPERTY = 'migration_hints';

/** How much of the file's end is kept; a file whose hints are longer is parsed whole. */
const TAIL_BYTES = 64 * 1024;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const HINTS_KEY = Buffer.from(`"${HINTS_PROPERTY}"`);
// Searched for first (a rare word), then checked for the whole key around it.
const HINTS_ANCHOR = Buffer.from('hints');
const HINTS_ANCHOR_AT = HINTS_KEY.indexOf(HINTS_ANCHOR);

/**
 * Reads the file's bytes as they stream by, in pieces: keeps the end, and notes what the end
 * alone cannot show, whether the hints key may appear anywhere before it.
 */
export class AfterTail {
  private readonly tail = Buffer.allocUnsafe(TAIL_BYTES);
  private tailLength = 0;
  private total = 0;
  /** Places the exact bytes `"migration_hints"` occur, anywhere in the file. */
  private hintKeys = 0;
  /** Whether a `\u` escape occurs: a key could spell migration_hints with escapes. */
  private escapes = false;

  /** The next piece of the file; pieces are consecutive and together the whole file. */
  add(piece: Buffer): void {
    // A key split between two pieces is found in the bytes around the join.
    const before = this.tail.subarray(Math.max(0, this.tailLength - (HINTS_KEY.length - 1)), this.tailLength);
    if (before.length > 0 && piece.length > 0) {
      const join = Buffer.concat([before, piece.subarray(0, HINTS_KEY.length - 1)]);
      this.note(join, before.length);
    }
    this.note(piece, 0);
    this.keep(piece);
    this.total += piece.length;
  }

  /**
   * The parent and hints properties as JSON.parse of the whole file would give them (only those
   * present), or null when the end of the file is not in the form schemac writes. Assumes the file
   * is valid JSON: a file broken elsewhere is reported when its snapshot is read.
   */
  result(): Record<string, unknown> | null {
    return trailingProperties(this.tail.subarray(0, this.tailLength), this.hintKeys === 0 && !this.escapes);
  }

  /** Counts what `bytes` holds; with `straddle` > 0, only matches that start before it and end after. */
  private note(bytes: Buffer, straddle: number): void {
    for (let at = bytes.indexOf(HINTS_ANCHOR); at >= 0; at = bytes.indexOf(HINTS_ANCHOR, at + 1)) {
      const start = at - HINTS_ANCHOR_AT;
      if (start < 0 || start + HINTS_KEY.length > bytes.length) continue;
      if (straddle > 0 && !(start < straddle && start + HINTS_KEY.length > straddle)) continue;
      if (bytes.compare(HINTS_KEY, 0, HINTS_KEY.length, start, start + HINTS_KEY.length) === 0) this.hintKeys += 1;
    }
    for (let at = bytes.indexOf(BACKSLASH); at >= 0 && !this.escapes; at = bytes.indexOf(BACKSLASH, at + 1)) {
      if (at + 1 < bytes.length && bytes[at + 1] === 0x75 && (straddle === 0 || at + 1 === straddle)) this.escapes = true;
    }
  }

  /** Keeps the last TAIL_BYTES of the file. */
  private keep(piece: Buffer): void {
    if (piece.length >= TAIL_BYTES) {
      piece.copy(this.tail, 0, piece.length - TAIL_BYTES);
      this.tailLength = TAIL_BYTES;
      return;
    }
    const kept = Math.min(this.tailLength, TAIL_BYTES - piece.length);
    this.tail.copyWithin(0, this.tailLength - kept, this.tailLength);
    piece.copy(this.tail, kept);
    this.tailLength = kept + piece.length;
  }
}

/** The parent and hints of a whole after.json held in memory (see AfterTail.result). */
export function readAfterTail(bytes: Buffer): Record<string, unknown> | null {
  const tail = new AfterTail();
  tail.add(bytes);
  return tail.result();
}

const FAILED = Symbol('not JSON');

function parsed(b: Buffer, start: number, end: number): unknown {
  try {
    return JSON.parse(b.toString('utf8', start, end));
  } catch {
    return FAILED;
  }
}

function isSpace(c: number | undefined): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

function skipSpaceBack(b: Buffer, i: number): number {
  while (i >= 0 && isSpace(b[i])) i -= 1;
  return i;
}

/**
 * The top-level members at the end of `b` (the last bytes of a JSON object), read backwards
 * until the parent is found and the hints are either found or known to be absent (`noOtherHints`:
 * no hints key occurs anywhere in the file). The first member met backwards is the last in the
 * file, the one JSON.parse keeps when a key repeats. Null when that cannot be decided from `b`.
 */
function trailingProperties(b: Buffer, noOtherHints: boolean): Record<string, unknown> | null {
  const found: Record<string, unknown> = {};
  let i = skipSpaceBack(b, b.length - 1);
  if (b[i] !== 0x7d) return null; // }
  i = skipSpaceBack(b, i - 1);
  while (!(PARENT_PROPERTY in found && (HINTS_PROPERTY in found || noOtherHints))) {
    // The object's first byte: every member was read.
    if (b[i] === 0x7b) return noOtherHints || HINTS_PROPERTY in found ? found : null;
    const valueStart = valueStartBack(b, i);
    if (valueStart < 0) return null;
    let k = skipSpaceBack(b, valueStart - 1);
    if (b[k] !== 0x3a) return null; // :
    k = skipSpaceBack(b, k - 1);
    if (b[k] !== QUOTE) return null;
    const keyStart = stringStartBack(b, k);
    if (keyStart < 0) return null;
    const key = parsed(b, keyStart, k + 1);
    if (typeof key !== 'string') return null;
    if ((key === PARENT_PROPERTY || key === HINTS_PROPERTY) && !(key in found)) {
      const value = parsed(b, valueStart, i + 1);
      if (value === FAILED) return null;
      found[key] = value;
    }
    i = skipSpaceBack(b, keyStart - 1);
    if (b[i] === 0x2c) i = skipSpaceBack(b, i - 1); // ,
    else if (b[i] !== 0x7b) return null;
  }
  return found;
}

/** Where the JSON value ending at `end` starts; -1 when it starts before `b` or is not a value. */
function valueStartBack(b: Buffer, end: number): number {
  const c = b[end];
  if (c === QUOTE) return stringStartBack(b, end);
  if (c === 0x5d || c === 0x7d) { // ] }
    let depth = 0;
    for (let j = end; j >= 0; j -= 1) {
      const d = b[j];
      if (d === QUOTE) {
        j = stringStartBack(b, j);
        if (j < 0) return -1;
      } else if (d === 0x5d || d === 0x7d) {
        depth += 1;
      } else if (d === 0x5b || d === 0x7b) {
        depth -= 1;
        if (depth === 0) return j;
      }
    }
    return -1;
  }
  // A number, true, false or null; JSON.parse of the slice checks which.
  let j = end;
  while (j >= 0 && isScalarByte(b[j] as number)) j -= 1;
  return j < 0 || j === end ? -1 : j + 1;
}

function isScalarByte(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || c === 0x2d || c === 0x2b || c === 0x2e || (c >= 0x41 && c <= 0x5a);
}

/**
 * Where the string whose closing quote is at `end` opens: the nearest quote before it that no
 * backslash escapes (an even run of backslashes before it); -1 when that is not inside `b`.
 */
function stringStartBack(b: Buffer, end: number): number {
  let j = end - 1;
  while (j >= 0) {
    j = b.lastIndexOf(QUOTE, j);
    if (j < 0) return -1;
    let slashes = 0;
    while (j - 1 - slashes >= 0 && b[j - 1 - slashes] === BACKSLASH) slashes += 1;
    if (slashes > 0 && j - 1 - slashes < 0) return -1; // the run may go on before `b`
    if (slashes % 2 === 0) return j;
    j -= 1;
  }
  return -1;
}
