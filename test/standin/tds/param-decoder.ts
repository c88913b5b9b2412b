/**
 * Decodes one typed RPC parameter value (MS-TDS 2.2.6.6 ParameterData): TYPE_INFO, then the value
 * in that type's format. Gives the declared SQL type as text, the value as an engine Cell, and the
 * result column to use if the parameter must be sent back in a RETURNVALUE.
 */
import type { Cell, ResultColumn } from '../engine-interface';
import { ByteReader, MalformedMessageError } from './bytes';
import { MAX_LENGTH, TypeId } from './type-ids';
import { decodeDate, decodeDatetime, decodeDatetime2, decodeDecimal, decodeGuid, decodeSmallDatetime, decodeTimeMs, timeLength } from './wire-values';

/** A parameter's type and value as read from the wire. */
export interface DecodedValue {
  /** SQL type as declared, e.g. 'int', 'nvarchar(max)', 'decimal(18, 4)'. */
  readonly type: string;
  readonly value: Cell;
  /** Closest result-set column type, for echoing the value in a RETURNVALUE token. */
  readonly column: Omit<ResultColumn, 'name'>;
}

const PLP_NULL = 0xffffffffffffffffn;
const INT_NAMES: Record<number, 'tinyint' | 'smallint' | 'int' | 'bigint'> = { 1: 'tinyint', 2: 'smallint', 4: 'int', 8: 'bigint' };

function readPlp(r: ByteReader): Buffer | null {
  const total = r.u64();
  if (total === PLP_NULL) return null;
  const chunks: Buffer[] = [];
  for (let size = r.u32(); size !== 0; size = r.u32()) chunks.push(r.bytes(size));
  return Buffer.concat(chunks);
}

function readInt(b: Buffer): number | bigint {
  switch (b.length) {
    case 1: return b.readUInt8(0);
    case 2: return b.readInt16LE(0);
    case 4: return b.readInt32LE(0);
    case 8: {
      const v = b.readBigInt64LE(0);
      return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
    }
    default: throw new MalformedMessageError(`integer of ${b.length} bytes`);
  }
}

function readMoney(b: Buffer): number {
  if (b.length === 4) return b.readInt32LE(0) / 10_000;
  const value = (BigInt(b.readInt32LE(0)) << 32n) | BigInt(b.readUInt32LE(4));
  return Number(value) / 10_000;
}

/** One-byte-length value (the *N types): null when the length is 0. */
function readShort(r: ByteReader): Buffer | null {
  const size = r.u8();
  return size === 0 ? null : r.bytes(size);
}

/** Two-byte-length value, or PLP when the declared length is MAX. */
function readVariable(r: ByteReader, maxLength: number): Buffer | null {
  if (maxLength === MAX_LENGTH) return readPlp(r);
  const size = r.u16();
  return size === 0xffff ? null : r.bytes(size);
}

function sized(name: string, maxLength: number, unit: number): string {
  return maxLength === MAX_LENGTH ? `${name}(max)` : `${name}(${maxLength / unit})`;
}

/** Reads TYPE_INFO and the value that follows it. */
export function decodeTypedValue(r: ByteReader): DecodedValue {
  const typeId = r.u8();
  const nullable = { nullable: true } as const;
  switch (typeId) {
    case TypeId.Null: return { type: 'sql_variant', value: null, column: { type: 'sql_variant', ...nullable } };
    case TypeId.Int1: case TypeId.Int2: case TypeId.Int4: case TypeId.Int8: {
      const size = { [TypeId.Int1]: 1, [TypeId.Int2]: 2, [TypeId.Int4]: 4, [TypeId.Int8]: 8 }[typeId];
      const name = INT_NAMES[size]!;
      return { type: name, value: readInt(r.bytes(size)), column: { type: name, ...nullable } };
    }
    case TypeId.IntN: {
      const name = INT_NAMES[r.u8()];
      if (name === undefined) throw new MalformedMessageError('INTN with a bad length');
      const b = readShort(r);
      return { type: name, value: b === null ? null : readInt(b), column: { type: name, ...nullable } };
    }
    case TypeId.Bit: return { type: 'bit', value: r.u8() !== 0, column: { type: 'bit', ...nullable } };
    case TypeId.BitN: {
      r.u8();
      const b = readShort(r);
      return { type: 'bit', value: b === null ? null : b[0] !== 0, column: { type: 'bit', ...nullable } };
    }
    case TypeId.Float4: return { type: 'real', value: r.bytes(4).readFloatLE(0), column: { type: 'float', ...nullable } };
    case TypeId.Float8: return { type: 'float', value: r.bytes(8).readDoubleLE(0), column: { type: 'float', ...nullable } };
    case TypeId.FloatN: {
      const size = r.u8();
      const b = readShort(r);
      const value = b === null ? null : b.length === 4 ? b.readFloatLE(0) : b.readDoubleLE(0);
      return { type: size === 4 ? 'real' : 'float', value, column: { type: 'float', ...nullable } };
    }
    case TypeId.Money: case TypeId.Money4: case TypeId.MoneyN: {
      const size = typeId === TypeId.Money ? 8 : typeId === TypeId.Money4 ? 4 : r.u8();
      const b = typeId === TypeId.MoneyN ? readShort(r) : r.bytes(size);
      return { type: size === 4 ? 'smallmoney' : 'money', value: b === null ? null : readMoney(b), column: { type: 'decimal', precision: 19, scale: 4, ...nullable } };
    }
    case TypeId.DecimalN: case TypeId.NumericN: {
      r.u8();
      const precision = r.u8();
      const scale = r.u8();
      const b = readShort(r);
      const name = typeId === TypeId.DecimalN ? 'decimal' : 'numeric';
      return { type: `${name}(${precision}, ${scale})`, value: b === null ? null : decodeDecimal(b, scale), column: { type: 'decimal', precision, scale, ...nullable } };
    }
    case TypeId.DateTime: return { type: 'datetime', value: decodeDatetime(r.bytes(8)), column: { type: 'datetime', ...nullable } };
    case TypeId.DateTime4: return { type: 'smalldatetime', value: decodeSmallDatetime(r.bytes(4)), column: { type: 'datetime', ...nullable } };
    case TypeId.DateTimeN: {
      const size = r.u8();
      const b = readShort(r);
      const value = b === null ? null : b.length === 4 ? decodeSmallDatetime(b) : decodeDatetime(b);
      return { type: size === 4 ? 'smalldatetime' : 'datetime', value, column: { type: 'datetime', ...nullable } };
    }
    case TypeId.DateN: {
      const b = readShort(r);
      return { type: 'date', value: b === null ? null : decodeDate(b), column: { type: 'datetime2', scale: 0, ...nullable } };
    }
    case TypeId.TimeN: {
      const scale = r.u8();
      const b = readShort(r);
      return { type: `time(${scale})`, value: b === null ? null : new Date(decodeTimeMs(b, scale)), column: { type: 'datetime2', scale, ...nullable } };
    }
    case TypeId.DateTime2N: {
      const scale = r.u8();
      const b = readShort(r);
      return { type: `datetime2(${scale})`, value: b === null ? null : decodeDatetime2(b, scale), column: { type: 'datetime2', scale, ...nullable } };
    }
    case TypeId.DateTimeOffsetN: {
      const scale = r.u8();
      const b = readShort(r);
      // The time and date parts are already UTC; the trailing two bytes are the offset in minutes.
      const value = b === null ? null : decodeDatetime2(b.subarray(0, timeLength(scale) + 3), scale);
      return { type: `datetimeoffset(${scale})`, value, column: { type: 'datetime2', scale, ...nullable } };
    }
    case TypeId.Guid: {
      r.u8();
      const b = readShort(r);
      return { type: 'uniqueidentifier', value: b === null ? null : decodeGuid(b), column: { type: 'uniqueidentifier', ...nullable } };
    }
    case TypeId.NVarChar: case TypeId.NChar: {
      const maxLength = r.u16();
      r.bytes(5);
      const b = readVariable(r, maxLength);
      const name = typeId === TypeId.NVarChar ? 'nvarchar' : 'nchar';
      return { type: sized(name, maxLength, 2), value: b === null ? null : b.toString('ucs2'), column: { type: 'nvarchar', length: maxLength === MAX_LENGTH ? -1 : maxLength, ...nullable } };
    }
    case TypeId.BigVarChar: case TypeId.BigChar: {
      const maxLength = r.u16();
      r.bytes(5);
      const b = readVariable(r, maxLength);
      const name = typeId === TypeId.BigVarChar ? 'varchar' : 'char';
      return { type: sized(name, maxLength, 1), value: b === null ? null : b.toString('latin1'), column: { type: 'varchar', length: maxLength === MAX_LENGTH ? -1 : maxLength, ...nullable } };
    }
    case TypeId.BigVarBinary: case TypeId.BigBinary: {
      const maxLength = r.u16();
      const b = readVariable(r, maxLength);
      const name = typeId === TypeId.BigVarBinary ? 'varbinary' : 'binary';
      return { type: sized(name, maxLength, 1), value: b === null ? null : Buffer.from(b), column: { type: 'varbinary', length: maxLength === MAX_LENGTH ? -1 : maxLength, ...nullable } };
    }
    default:
      throw new MalformedMessageError(`parameter type 0x${typeId.toString(16)} is not supported by the stand-in`);
  }
}
