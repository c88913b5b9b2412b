/**
 * How each engine WireType goes on the wire: its TYPE_INFO in COLMETADATA/RETURNVALUE and its
 * value bytes in ROW. Nullable variants (INTN, BITN, FLTN, DATETIMN, ...) are used for every
 * column so one encoding serves NULL and NOT NULL alike.
 */
import type { Cell, ResultColumn, WireType } from '../engine-interface';
import { assertNever, ByteWriter } from './bytes';
import { DEFAULT_COLLATION, MAX_LENGTH, TypeId } from './type-ids';
import { decimalLength, encodeDatetime, encodeDatetime2, encodeDecimal, encodeGuid, timeLength } from './wire-values';

const PLP_NULL = 0xffffffffffffffffn;
/** nvarchar(4000) in bytes: the length used when the engine gives none. */
const DEFAULT_VARIABLE_LENGTH = 8000;
const SQL_VARIANT_MAX = 8016;

const INT_SIZES: Record<'tinyint' | 'smallint' | 'int' | 'bigint', number> = { tinyint: 1, smallint: 2, int: 4, bigint: 8 };

function declaredLength(column: ResultColumn): number {
  const length = column.length ?? DEFAULT_VARIABLE_LENGTH;
  return length < 0 || length > 8000 ? MAX_LENGTH : length;
}

/** TYPE_INFO bytes for a column. */
export function typeInfo(column: ResultColumn): Buffer {
  const w = new ByteWriter();
  const type: WireType = column.type;
  switch (type) {
    case 'bit': return w.u8(TypeId.BitN).u8(1).toBuffer();
    case 'tinyint': case 'smallint': case 'int': case 'bigint': return w.u8(TypeId.IntN).u8(INT_SIZES[type]).toBuffer();
    case 'float': return w.u8(TypeId.FloatN).u8(8).toBuffer();
    case 'decimal': {
      const precision = column.precision ?? 18;
      return w.u8(TypeId.DecimalN).u8(decimalLength(precision)).u8(precision).u8(column.scale ?? 0).toBuffer();
    }
    case 'datetime': return w.u8(TypeId.DateTimeN).u8(8).toBuffer();
    case 'datetime2': return w.u8(TypeId.DateTime2N).u8(column.scale ?? 7).toBuffer();
    case 'nvarchar': return w.u8(TypeId.NVarChar).u16(declaredLength(column)).bytes(DEFAULT_COLLATION).toBuffer();
    case 'varchar': return w.u8(TypeId.BigVarChar).u16(declaredLength(column)).bytes(DEFAULT_COLLATION).toBuffer();
    case 'varbinary': return w.u8(TypeId.BigVarBinary).u16(declaredLength(column)).toBuffer();
    case 'uniqueidentifier': return w.u8(TypeId.Guid).u8(16).toBuffer();
    case 'sql_variant': return w.u8(TypeId.SqlVariant).u32(SQL_VARIANT_MAX).toBuffer();
    default: return assertNever(type, 'wire type');
  }
}

function asNumber(cell: Cell): number {
  if (typeof cell === 'boolean') return cell ? 1 : 0;
  if (cell instanceof Date) return cell.getTime();
  return Number(cell);
}

function asBigInt(cell: Cell): bigint {
  if (typeof cell === 'bigint') return cell;
  if (typeof cell === 'string') return BigInt(cell.trim());
  return BigInt(Math.trunc(asNumber(cell)));
}

function asDate(cell: Cell): Date {
  if (cell instanceof Date) return cell;
  if (typeof cell === 'string' || typeof cell === 'number') return new Date(cell);
  throw new Error(`standin/tds: cannot send ${String(cell)} as a date`);
}

function asText(cell: Cell): string {
  if (cell instanceof Date) return cell.toISOString();
  if (Buffer.isBuffer(cell)) return cell.toString('utf8');
  return String(cell);
}

function intBytes(value: bigint, size: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigInt64LE(BigInt.asIntN(64, value), 0);
  return b.subarray(0, size);
}

/** A variable-length value: u16 length, or PLP chunks when the column is MAX. */
function variable(w: ByteWriter, data: Buffer | null, max: boolean): ByteWriter {
  if (!max) return data === null ? w.u16(0xffff) : w.u16(data.length).bytes(data);
  if (data === null) return w.u64(PLP_NULL);
  w.u64(BigInt(data.length));
  if (data.length > 0) w.u32(data.length).bytes(data);
  return w.u32(0);
}

/** sql_variant: total length, base type, property bytes, properties, value. */
function variant(w: ByteWriter, cell: Cell): ByteWriter {
  const inner = new ByteWriter();
  if (typeof cell === 'boolean') inner.u8(TypeId.Bit).u8(0).u8(cell ? 1 : 0);
  else if (typeof cell === 'bigint') inner.u8(TypeId.Int8).u8(0).i64(cell);
  else if (typeof cell === 'number' && Number.isInteger(cell) && Math.abs(cell) <= 0x7fffffff) inner.u8(TypeId.Int4).u8(0).i32(cell);
  else if (typeof cell === 'number' && Number.isSafeInteger(cell)) inner.u8(TypeId.Int8).u8(0).i64(BigInt(cell));
  else if (typeof cell === 'number') inner.u8(TypeId.Float8).u8(0).f64(cell);
  else if (cell instanceof Date) inner.u8(TypeId.DateTime).u8(0).bytes(encodeDatetime(cell));
  else if (Buffer.isBuffer(cell)) inner.u8(TypeId.BigVarBinary).u8(2).u16(8000).bytes(cell);
  else {
    const text = Buffer.from(String(cell), 'ucs2');
    inner.u8(TypeId.NVarChar).u8(7).u16(8000).bytes(DEFAULT_COLLATION).bytes(text);
  }
  return w.u32(inner.length).bytes(inner.toBuffer());
}

/** Appends the ROW bytes of one cell of a column. */
export function writeValue(w: ByteWriter, column: ResultColumn, cell: Cell): ByteWriter {
  const type: WireType = column.type;
  const isNull = cell === null || cell === undefined;
  switch (type) {
    case 'bit': return isNull ? w.u8(0) : w.u8(1).u8(asNumber(cell) !== 0 && cell !== '0' && cell !== 'false' ? 1 : 0);
    case 'tinyint': case 'smallint': case 'int': case 'bigint': {
      const size = INT_SIZES[type];
      return isNull ? w.u8(0) : w.u8(size).bytes(intBytes(asBigInt(cell), size));
    }
    case 'float': return isNull ? w.u8(0) : w.u8(8).f64(asNumber(cell));
    case 'decimal': {
      if (isNull) return w.u8(0);
      const precision = column.precision ?? 18;
      const value = typeof cell === 'number' || typeof cell === 'bigint' || typeof cell === 'string' ? cell : asNumber(cell);
      return w.u8(decimalLength(precision)).bytes(encodeDecimal(value, precision, column.scale ?? 0));
    }
    case 'datetime': return isNull ? w.u8(0) : w.u8(8).bytes(encodeDatetime(asDate(cell)));
    case 'datetime2': {
      const scale = column.scale ?? 7;
      return isNull ? w.u8(0) : w.u8(timeLength(scale) + 3).bytes(encodeDatetime2(asDate(cell), scale));
    }
    case 'nvarchar': return variable(w, isNull ? null : Buffer.from(asText(cell), 'ucs2'), declaredLength(column) === MAX_LENGTH);
    // latin1 stands in for code page 1252 of the default collation; they differ only in 0x80-0x9F.
    case 'varchar': return variable(w, isNull ? null : Buffer.from(asText(cell), 'latin1'), declaredLength(column) === MAX_LENGTH);
    case 'varbinary': {
      const data = isNull ? null : Buffer.isBuffer(cell) ? cell : Buffer.from(asText(cell), 'utf8');
      return variable(w, data, declaredLength(column) === MAX_LENGTH);
    }
    case 'uniqueidentifier': return isNull ? w.u8(0) : w.u8(16).bytes(encodeGuid(asText(cell)));
    case 'sql_variant': return isNull ? w.u32(0) : variant(w, cell);
    default: return assertNever(type, 'wire type');
  }
}
