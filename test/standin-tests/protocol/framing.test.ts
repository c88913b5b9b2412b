import Login7Payload from 'tedious/lib/login7-payload';
import { parseLogin7 } from '../../standin/tds/login7';
import { HEADER_LENGTH, MessageAssembler, PacketType, toPackets } from '../../standin/tds/packet';
import { parsePrelogin } from '../../standin/tds/prelogin';
import { encodeResponse } from '../../standin/tds/response';

describe('stand-in TDS framing', () => {
  it('splits a message into packets no larger than the negotiated size and reassembles it', () => {
    const payload = Buffer.from(Array.from({ length: 1300 }, (_, i) => i % 251));
    const packets = toPackets(PacketType.TabularResult, payload, 512);
    expect(packets.map((p) => p.length)).toEqual([512, 512, 1300 - 2 * (512 - HEADER_LENGTH) + HEADER_LENGTH]);
    expect(packets.map((p) => p[1])).toEqual([0, 0, 1]); // EOM only on the last
    expect(packets.map((p) => p[6])).toEqual([1, 2, 3]); // packet ids count up
    const assembler = new MessageAssembler();
    const bytes = Buffer.concat(packets);
    // Feed in awkward pieces: the assembler must not care where the socket splits.
    const messages = [bytes.subarray(0, 5), bytes.subarray(5, 700), bytes.subarray(700)].flatMap((c) => assembler.push(c));
    expect(messages).toHaveLength(1);
    expect(messages[0]!.data).toEqual(payload);
  });

  it('reads user, password, database and packet size from a LOGIN7 built by tedious', () => {
    const payload = new Login7Payload({ tdsVersion: 0x74000004, packetSize: 8192, clientProgVer: 0, clientPid: 1, connectionId: 0, clientTimeZone: 0, clientLcid: 0x409 });
    payload.userName = 'sa';
    payload.password = 'Pässwörd!{}';
    payload.database = 'app';
    payload.appName = 'node-mssql';
    expect(parseLogin7(payload.toBuffer())).toMatchObject({
      userName: 'sa', password: 'Pässwörd!{}', database: 'app', packetSize: 8192, appName: 'node-mssql', integratedSecurity: false,
    });
  });

  it('notices a client that asks for encryption in PRELOGIN', () => {
    const prelogin = (encrypt: number): Buffer => Buffer.from([0x01, 0x00, 0x06, 0x00, 0x01, 0xff, encrypt]);
    expect(parsePrelogin(prelogin(0x01)).wantsEncryption).toBe(true);
    expect(parsePrelogin(prelogin(0x03)).wantsEncryption).toBe(true);
    expect(parsePrelogin(prelogin(0x02)).wantsEncryption).toBe(false);
  });

  it('sets DONE_MORE on every DONE but the last, DONE_COUNT with a row count, DONE_ERROR after an error', () => {
    const DONE = 13; // token, status, curcmd, 8-byte count
    const plain = encodeResponse([{ kind: 'done', rowCount: 2 }, { kind: 'done' }, { kind: 'done', rowCount: 0 }], { kind: 'batch' }, 'standin');
    expect(plain).toHaveLength(3 * DONE);
    expect([0, 1, 2].map((k) => [plain[k * DONE], plain.readUInt16LE(k * DONE + 1)])).toEqual([[0xfd, 0x11], [0xfd, 0x01], [0xfd, 0x10]]);
    expect(plain.readBigUInt64LE(5)).toBe(2n);

    const failed = encodeResponse([{ kind: 'error', number: 547, state: 0, class: 16, line: 2, message: 'conflict' }], { kind: 'batch' }, 'standin');
    expect(failed[0]).toBe(0xaa);
    const last = failed.subarray(failed.length - DONE);
    expect([last[0], last.readUInt16LE(1)]).toEqual([0xfd, 0x02]);
  });

  it('frames an RPC as DONEINPROC per statement, RETURNSTATUS, then a final DONEPROC', () => {
    const bytes = encodeResponse([{ kind: 'done', rowCount: 1 }], { kind: 'rpc', returnStatus: 0, returnValues: [] }, 'standin');
    expect([bytes[0], bytes.readUInt16LE(1)]).toEqual([0xff, 0x11]);
    expect([bytes[13], bytes.readInt32LE(14)]).toEqual([0x79, 0]);
    expect([bytes[18], bytes.readUInt16LE(19)]).toEqual([0xfe, 0x00]);
    expect(bytes).toHaveLength(31);
  });
});
