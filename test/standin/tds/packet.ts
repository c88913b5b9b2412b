/**
 * TDS packets (MS-TDS 2.2.3): an 8-byte header (type, status, big-endian length, SPID, packet id,
 * window) in front of each piece of a message. Messages end at the packet whose status has EOM.
 */

/** Packet types the stand-in receives or sends. */
export const PacketType = {
  SqlBatch: 0x01,
  RpcRequest: 0x03,
  TabularResult: 0x04,
  Attention: 0x06,
  TransactionManager: 0x0e,
  Login7: 0x10,
  Prelogin: 0x12,
} as const;

/** Status bits of the packet header. */
export const PacketStatus = { EndOfMessage: 0x01, Ignore: 0x02, ResetConnection: 0x08 } as const;

/** Length of the packet header. */
export const HEADER_LENGTH = 8;

/** One reassembled client message. */
export interface ClientMessage {
  readonly type: number;
  /** The client set IGNORE on the last packet: it cancelled before sending the whole request. */
  readonly ignored: boolean;
  readonly data: Buffer;
}

/** Collects socket bytes and yields whole messages as their final packet arrives. */
export class MessageAssembler {
  private pending: Buffer = Buffer.alloc(0);
  private parts: Buffer[] = [];
  private partsType: number | null = null;

  /** Feeds bytes from the socket; returns the messages completed by them. */
  push(chunk: Buffer): ClientMessage[] {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const done: ClientMessage[] = [];
    while (this.pending.length >= HEADER_LENGTH) {
      const length = this.pending.readUInt16BE(2);
      if (length < HEADER_LENGTH) throw new Error(`standin/tds: packet length ${length} is shorter than its header`);
      if (this.pending.length < length) break;
      const type = this.pending.readUInt8(0);
      const status = this.pending.readUInt8(1);
      this.parts.push(this.pending.subarray(HEADER_LENGTH, length));
      this.partsType ??= type;
      this.pending = this.pending.subarray(length);
      if ((status & PacketStatus.EndOfMessage) !== 0) {
        done.push({ type: this.partsType, ignored: (status & PacketStatus.Ignore) !== 0, data: Buffer.concat(this.parts) });
        this.parts = [];
        this.partsType = null;
      }
    }
    return done;
  }
}

/** Splits a message payload into packets of at most packetSize bytes (header included). */
export function toPackets(type: number, payload: Buffer, packetSize: number, spid = 0): Buffer[] {
  const room = packetSize - HEADER_LENGTH;
  const packets: Buffer[] = [];
  let offset = 0;
  let id = 1;
  do {
    const body = payload.subarray(offset, offset + room);
    offset += body.length;
    const header = Buffer.alloc(HEADER_LENGTH);
    header.writeUInt8(type, 0);
    header.writeUInt8(offset >= payload.length ? PacketStatus.EndOfMessage : 0, 1);
    header.writeUInt16BE(HEADER_LENGTH + body.length, 2);
    header.writeUInt16BE(spid, 4);
    header.writeUInt8(id % 256, 6);
    packets.push(Buffer.concat([header, body]));
    id += 1;
  } while (offset < payload.length);
  return packets;
}
