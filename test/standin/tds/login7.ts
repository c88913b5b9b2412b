/**
 * LOGIN7 (MS-TDS 2.2.6.4): a fixed block of offset/length pairs into a variable part. The password
 * is obfuscated, not encrypted: each byte had its nibbles swapped and was XORed with 0xA5.
 */
import { ByteReader } from './bytes';

/** The LOGIN7 fields the stand-in uses. */
export interface Login7 {
  readonly tdsVersion: number;
  readonly packetSize: number;
  readonly userName: string;
  readonly password: string;
  readonly database: string | null;
  readonly appName: string;
  /** Integrated (SSPI) login requested: the stand-in supports SQL logins only. */
  readonly integratedSecurity: boolean;
}

/** Offsets of the ib/cch pairs in the fixed part. */
const Field = { HostName: 36, UserName: 40, Password: 44, AppName: 48, ServerName: 52, Database: 68 } as const;

function readString(data: Buffer, field: number): string {
  const at = data.readUInt16LE(field);
  const chars = data.readUInt16LE(field + 2);
  return data.subarray(at, at + chars * 2).toString('ucs2');
}

/** Reverses the client's password obfuscation. */
export function decodePassword(bytes: Buffer): string {
  const plain = Buffer.alloc(bytes.length);
  for (let i = 0; i < bytes.length; i += 1) {
    const x = bytes[i]! ^ 0xa5;
    plain[i] = ((x & 0x0f) << 4) | (x >> 4);
  }
  return plain.toString('ucs2');
}

/** Parses a LOGIN7 message. */
export function parseLogin7(data: Buffer): Login7 {
  const reader = new ByteReader(data);
  const length = reader.u32();
  if (length > data.length || data.length < 94) throw new Error('standin/tds: LOGIN7 shorter than its fixed part');
  const tdsVersion = data.readUInt32LE(4);
  const packetSize = data.readUInt32LE(8);
  const optionFlags2 = data.readUInt8(25);
  const passwordAt = data.readUInt16LE(Field.Password);
  const passwordChars = data.readUInt16LE(Field.Password + 2);
  const database = readString(data, Field.Database);
  return {
    tdsVersion,
    packetSize,
    userName: readString(data, Field.UserName),
    password: decodePassword(data.subarray(passwordAt, passwordAt + passwordChars * 2)),
    database: database === '' ? null : database,
    appName: readString(data, Field.AppName),
    integratedSecurity: (optionFlags2 & 0x80) !== 0,
  };
}
