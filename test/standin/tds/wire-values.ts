/**
 * Encoders and decoders for the TDS value formats that are not plain integers: datetime,
 * datetime2/date/time, decimal, uniqueidentifier. Dates are read and written in UTC, as mssql
 * does by default (useUTC: true).
 */

const MS_PER_DAY = 86_400_000;
/** 1900-01-01, the datetime epoch. */
const DATETIME_EPOCH = Date.UTC(1900, 0, 1);
/** 0001-01-01, the date/datetime2 epoch (Date.UTC maps years 0-99 to 19xx, hence setUTCFullYear). */
const DATE_EPOCH = (() => {
  const d = new Date(0);
  d.setUTCFullYear(1, 0, 1);
  d.setUTCHours(0, 0, 0, 0);
  return d.getTime();
})();

/** datetime: days since 1900-01-01, then 1/300-second ticks since midnight. */
export function encodeDatetime(value: Date): Buffer {
  const ms = value.getTime() - DATETIME_EPOCH;
  let days = Math.floor(ms / MS_PER_DAY);
  let ticks = Math.round(((ms - days * MS_PER_DAY) * 300) / 1000);
  if (ticks >= 300 * 86_400) {
    days += 1;
    ticks = 0;
  }
  const b = Buffer.alloc(8);
  b.writeInt32LE(days, 0);
  b.writeUInt32LE(ticks, 4);
  return b;
}

/** Reverses encodeDatetime. */
export function decodeDatetime(b: Buffer): Date {
  const days = b.readInt32LE(0);
  const ticks = b.readUInt32LE(4);
  return new Date(DATETIME_EPOCH + days * MS_PER_DAY + Math.round((ticks * 1000) / 300));
}

/** smalldatetime: days since 1900-01-01 (u16), minutes since midnight (u16). */
export function decodeSmallDatetime(b: Buffer): Date {
  return new Date(DATETIME_EPOCH + b.readUInt16LE(0) * MS_PER_DAY + b.readUInt16LE(2) * 60_000);
}

/** Bytes of the time part for a given fractional-seconds scale. */
export function timeLength(scale: number): number {
  if (scale <= 2) return 3;
  if (scale <= 4) return 4;
  return 5;
}

/** time(scale): units of 10^-scale seconds since midnight, little-endian in 3-5 bytes. */
export function encodeTime(value: Date, scale: number): Buffer {
  const msOfDay = ((value.getTime() - DATE_EPOCH) % MS_PER_DAY + MS_PER_DAY) % MS_PER_DAY;
  const units = (BigInt(msOfDay) * 10n ** BigInt(scale)) / 1000n;
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(units, 0);
  return b.subarray(0, timeLength(scale));
}

/** date: days since 0001-01-01 in 3 bytes. */
export function encodeDate(value: Date): Buffer {
  const days = Math.floor((value.getTime() - DATE_EPOCH) / MS_PER_DAY);
  const b = Buffer.alloc(3);
  b.writeUIntLE(days, 0, 3);
  return b;
}

/** datetime2(scale): time part then date part. */
export function encodeDatetime2(value: Date, scale: number): Buffer {
  return Buffer.concat([encodeTime(value, scale), encodeDate(value)]);
}

/** Reads time(scale) bytes as milliseconds since midnight (sub-millisecond digits dropped). */
export function decodeTimeMs(b: Buffer, scale: number): number {
  let units = 0n;
  for (let i = b.length - 1; i >= 0; i -= 1) units = (units << 8n) | BigInt(b[i]!);
  return Number((units * 1000n) / 10n ** BigInt(scale));
}

/** Reads 3 date bytes as a UTC midnight. */
export function decodeDate(b: Buffer): Date {
  return new Date(DATE_EPOCH + b.readUIntLE(0, 3) * MS_PER_DAY);
}

/** Reads datetime2(scale) bytes. */
export function decodeDatetime2(b: Buffer, scale: number): Date {
  const t = timeLength(scale);
  return new Date(decodeDate(b.subarray(t, t + 3)).getTime() + decodeTimeMs(b.subarray(0, t), scale));
}

/** decimal/numeric value bytes (after the length byte) for a precision. */
export function decimalLength(precision: number): number {
  if (precision <= 9) return 5;
  if (precision <= 19) return 9;
  if (precision <= 28) return 13;
  return 17;
}

/** Scales a decimal given as number, bigint or string into its unscaled integer, exactly. */
export function toUnscaled(value: number | bigint | string, scale: number): bigint {
  if (typeof value === 'bigint') return value * 10n ** BigInt(scale);
  const text = typeof value === 'number' ? value.toFixed(scale) : value.trim();
  const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!match) throw new Error(`standin/tds: '${text}' is not a decimal value`);
  const [, sign = '', whole = '', fraction = ''] = match;
  const digits = (whole || '0') + fraction.padEnd(scale, '0').slice(0, scale);
  const magnitude = BigInt(digits);
  return sign === '-' ? -magnitude : magnitude;
}

/** decimal: sign byte (1 = positive) then the magnitude little-endian. */
export function encodeDecimal(value: number | bigint | string, precision: number, scale: number): Buffer {
  const unscaled = toUnscaled(value, scale);
  const size = decimalLength(precision);
  const b = Buffer.alloc(size);
  b.writeUInt8(unscaled < 0n ? 0 : 1, 0);
  let magnitude = unscaled < 0n ? -unscaled : unscaled;
  for (let i = 1; i < size; i += 1) {
    b[i] = Number(magnitude & 0xffn);
    magnitude >>= 8n;
  }
  return b;
}

/** Reads decimal bytes: a number when it is exact in a double, else the decimal string. */
export function decodeDecimal(b: Buffer, scale: number): number | string {
  let magnitude = 0n;
  for (let i = b.length - 1; i >= 1; i -= 1) magnitude = (magnitude << 8n) | BigInt(b[i]!);
  const negative = b.readUInt8(0) === 0;
  const digits = magnitude.toString().padStart(scale + 1, '0');
  const text = `${negative ? '-' : ''}${digits.slice(0, digits.length - scale)}${scale > 0 ? `.${digits.slice(-scale)}` : ''}`;
  return magnitude <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(text) : text;
}

/** uniqueidentifier: the first three groups are little-endian on the wire, the rest as written. */
export function encodeGuid(text: string): Buffer {
  const hex = text.replace(/[{}-]/g, '');
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) throw new Error(`standin/tds: '${text}' is not a uniqueidentifier`);
  const raw = Buffer.from(hex, 'hex');
  return Buffer.concat([
    Buffer.from(raw.subarray(0, 4)).reverse(),
    Buffer.from(raw.subarray(4, 6)).reverse(),
    Buffer.from(raw.subarray(6, 8)).reverse(),
    raw.subarray(8, 16),
  ]);
}

/** Reverses encodeGuid, giving SQL Server's upper-case text form. */
export function decodeGuid(b: Buffer): string {
  const swapped = Buffer.concat([
    Buffer.from(b.subarray(0, 4)).reverse(),
    Buffer.from(b.subarray(4, 6)).reverse(),
    Buffer.from(b.subarray(6, 8)).reverse(),
    b.subarray(8, 16),
  ]).toString('hex').toUpperCase();
  return `${swapped.slice(0, 8)}-${swapped.slice(8, 12)}-${swapped.slice(12, 16)}-${swapped.slice(16, 20)}-${swapped.slice(20)}`;
}
