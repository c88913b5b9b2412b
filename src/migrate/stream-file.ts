/**
 * Reading a file through one reused buffer, in pieces of whole UTF-8 characters. The migrate
 * commands read every migration's files (to hash them for the sum); on a long history of a large
 * schema that is hundreds of megabytes, and a fresh buffer per file costs several times the
 * reading itself (the memory is new to the process each time), so only the pieces pass through.
 */
import { isUtf8 } from 'buffer';
import * as fs from 'fs';

/** How much one read takes: file offsets that are multiples of it fall on a piece's edge. */
export const PIECE_BYTES = 1 << 20;
let shared: Buffer | undefined;

/**
 * Calls `onPiece` with the file's bytes in order, in pieces that are valid UTF-8 and, but for the
 * last, never end in a CR (so a CRLF is never split). Returns false, having stopped, at the first
 * bytes that are not valid UTF-8: the caller then reads the file whole. The piece is only valid
 * during the call: its buffer is reused.
 */
export function streamUtf8(file: string, onPiece: (piece: Buffer) => void): boolean {
  // Room after a read for what the last piece held back: at most three bytes of a character.
  const buffer = (shared ??= Buffer.allocUnsafe(PIECE_BYTES + 4));
  const fd = fs.openSync(file, 'r');
  try {
    let carried = 0;
    for (;;) {
      const read = fs.readSync(fd, buffer, carried, PIECE_BYTES, null);
      const end = carried + read;
      if (read === 0) {
        const rest = buffer.subarray(0, end);
        if (!isUtf8(rest)) return false;
        if (end > 0) onPiece(rest);
        return true;
      }
      const cut = end - heldBack(buffer, end);
      const piece = buffer.subarray(0, cut);
      if (!isUtf8(piece)) return false;
      if (cut > 0) onPiece(piece);
      buffer.copyWithin(0, cut, end);
      carried = end - cut;
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** How many bytes at the end of `b[0, end)` wait for the next read: a final CR, or a character's start. */
function heldBack(b: Buffer, end: number): number {
  if (end === 0) return 0;
  if (b[end - 1] === 0x0d) return 1;
  let k = end - 1;
  let continuation = 0;
  while (k >= 0 && continuation < 3 && ((b[k] as number) & 0xc0) === 0x80) {
    k -= 1;
    continuation += 1;
  }
  if (k < 0) return 0;
  const lead = b[k] as number;
  const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return length > continuation + 1 ? continuation + 1 : 0;
}
