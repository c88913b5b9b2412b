/**
 * Byte helpers for the stand-in's TDS layer: a growable little-endian writer and a bounds-checked
 * reader. TDS mixes little-endian token fields with a few big-endian header fields, so both are here.
 */

/** Appends fields to a list of chunks and joins them once at the end. */
export class ByteWriter {
  private readonly chunks: Buffer[] = [];
  private size = 0;

  /** Total bytes written so far. */
  get length(): number {
    return this.size;
  }

  bytes(data: Buffer): this {
    this.chunks.push(data);
    this.size += data.length;
    return this;
  }

  u8(value: number): this {
    return this.fixed(1, (b) => b.writeUInt8(value & 0xff, 0));
  }

  u16(value: number): this {
    return this.fixed(2, (b) => b.writeUInt16LE(value, 0));
  }

  u16be(value: number): this {
    return this.fixed(2, (b) => b.writeUInt16BE(value, 0));
  }

  u32(value: number): this {
    return this.fixed(4, (b) => b.writeUInt32LE(value >>> 0, 0));
  }

  i32(value: number): this {
    return this.fixed(4, (b) => b.writeInt32LE(value, 0));
  }

  u64(value: bigint): this {
    return this.fixed(8, (b) => b.writeBigUInt64LE(value, 0));
  }

  i64(value: bigint): this {
    return this.fixed(8, (b) => b.writeBigInt64LE(value, 0));
  }

  f64(value: number): this {
    return this.fixed(8, (b) => b.writeDoubleLE(value, 0));
  }

  /** B_VARCHAR: one-byte character count, then UCS-2. */
  bVarchar(text: string): this {
    return this.u8(text.length).bytes(Buffer.from(text, 'ucs2'));
  }

  /** US_VARCHAR: two-byte character count, then UCS-2. */
  usVarchar(text: string): this {
    return this.u16(text.length).bytes(Buffer.from(text, 'ucs2'));
  }

  /** B_VARBYTE: one-byte length, then the bytes. */
  bVarbyte(data: Buffer): this {
    return this.u8(data.length).bytes(data);
  }

  toBuffer(): Buffer {
    return Buffer.concat(this.chunks, this.size);
  }

  private fixed(size: number, write: (b: Buffer) => void): this {
    const b = Buffer.alloc(size);
    write(b);
    return this.bytes(b);
  }
}

/** Thrown when a client message is shorter than its own length fields say. */
export class MalformedMessageError extends Error {
  constructor(message: string) {
    super(`standin/tds: malformed client message: ${message}`);
    this.name = 'MalformedMessageError';
  }
}

/** Reads fields in order from one client message, failing loudly on truncation. */
export class ByteReader {
  constructor(private readonly data: Buffer, public offset = 0) {}

  get remaining(): number {
    return this.data.length - this.offset;
  }

  u8(): number {
    return this.take(1).readUInt8(0);
  }

  u16(): number {
    return this.take(2).readUInt16LE(0);
  }

  u32(): number {
    return this.take(4).readUInt32LE(0);
  }

  i32(): number {
    return this.take(4).readInt32LE(0);
  }

  u64(): bigint {
    return this.take(8).readBigUInt64LE(0);
  }

  bytes(count: number): Buffer {
    return this.take(count);
  }

  /** B_VARCHAR: one-byte character count, then UCS-2. */
  bVarchar(): string {
    return this.take(this.u8() * 2).toString('ucs2');
  }

  /** US_VARCHAR: two-byte character count, then UCS-2. */
  usVarchar(): string {
    return this.take(this.u16() * 2).toString('ucs2');
  }

  private take(count: number): Buffer {
    if (count < 0 || this.offset + count > this.data.length) {
      throw new MalformedMessageError(`needed ${count} bytes at offset ${this.offset}, message has ${this.data.length}`);
    }
    const slice = this.data.subarray(this.offset, this.offset + count);
    this.offset += count;
    return slice;
  }
}

/** Exhaustiveness guard for switches (local: the stand-in shares no code with src/). */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`standin/tds: unexpected ${what}: ${JSON.stringify(value)}`);
}
