/**
 * PRELOGIN (MS-TDS 2.2.6.5): option tokens with big-endian offsets. The stand-in never encrypts,
 * so it answers ENCRYPT_NOT_SUP and remembers whether the client asked for encryption.
 */
import { ByteWriter } from './bytes';

const Option = { Version: 0x00, Encryption: 0x01, InstOpt: 0x02, ThreadId: 0x03, Mars: 0x04, Terminator: 0xff } as const;

/** Encryption option values. */
export const Encrypt = { Off: 0x00, On: 0x01, NotSupported: 0x02, Required: 0x03 } as const;

/** What the stand-in needs from the client's PRELOGIN. */
export interface ClientPrelogin {
  /** The client wants encryption (ON or REQ); the stand-in cannot give it. */
  readonly wantsEncryption: boolean;
}

/** Reads the client's PRELOGIN options. */
export function parsePrelogin(data: Buffer): ClientPrelogin {
  let offset = 0;
  let encryption: number = Encrypt.NotSupported;
  while (offset < data.length && data[offset] !== Option.Terminator) {
    const token = data.readUInt8(offset);
    const at = data.readUInt16BE(offset + 1);
    const length = data.readUInt16BE(offset + 3);
    if (token === Option.Encryption && length >= 1) encryption = data.readUInt8(at);
    offset += 5;
  }
  return { wantsEncryption: encryption === Encrypt.On || encryption === Encrypt.Required };
}

/** Parses '16.0.4135.4' into the PRELOGIN/LOGINACK version fields. */
export function parseProductVersion(version: string): { major: number; minor: number; build: number; sub: number } {
  const [major = 0, minor = 0, build = 0, sub = 0] = version.split('.').map((p) => Number.parseInt(p, 10) || 0);
  return { major, minor, build, sub };
}

/** Builds the server's PRELOGIN answer. */
export function buildPreloginResponse(productVersion: string): Buffer {
  const v = parseProductVersion(productVersion);
  const options: { token: number; data: Buffer }[] = [
    { token: Option.Version, data: new ByteWriter().u8(v.major).u8(v.minor).u16be(v.build).u16be(v.sub).toBuffer() },
    { token: Option.Encryption, data: Buffer.from([Encrypt.NotSupported]) },
    { token: Option.InstOpt, data: Buffer.from([0]) },
    { token: Option.ThreadId, data: Buffer.alloc(0) },
    { token: Option.Mars, data: Buffer.from([0]) },
  ];
  const header = new ByteWriter();
  const body = new ByteWriter();
  let dataOffset = options.length * 5 + 1;
  for (const option of options) {
    header.u8(option.token).u16be(dataOffset).u16be(option.data.length);
    body.bytes(option.data);
    dataOffset += option.data.length;
  }
  header.u8(Option.Terminator);
  return Buffer.concat([header.toBuffer(), body.toBuffer()]);
}
