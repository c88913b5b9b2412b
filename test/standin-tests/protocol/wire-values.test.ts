import { decodeDecimal, decodeGuid, encodeDatetime, encodeDatetime2, encodeDecimal, encodeGuid, decodeDatetime, decodeDatetime2 } from '../../standin/tds/wire-values';

describe('stand-in TDS value formats', () => {
  it('writes decimals exactly, beyond what a double can hold', () => {
    const bytes = encodeDecimal('-12345678901234567890123456789012.3456', 38, 4);
    expect(bytes).toHaveLength(17);
    expect(bytes[0]).toBe(0); // sign byte: 0 is negative
    expect(decodeDecimal(bytes, 4)).toBe('-12345678901234567890123456789012.3456');
    expect(decodeDecimal(encodeDecimal(0.1, 5, 2), 2)).toBe(0.1);
  });

  it('puts a uniqueidentifier on the wire in SQL Server mixed-endian order', () => {
    const bytes = encodeGuid('00112233-4455-6677-8899-AABBCCDDEEFF');
    expect(bytes.toString('hex')).toBe('33221100554477668899aabbccddeeff');
    expect(decodeGuid(bytes)).toBe('00112233-4455-6677-8899-AABBCCDDEEFF');
  });

  it('encodes datetime as days since 1900 and 1/300 s ticks', () => {
    const bytes = encodeDatetime(new Date(Date.UTC(1900, 0, 2, 0, 0, 1)));
    expect(bytes.readInt32LE(0)).toBe(1);
    expect(bytes.readUInt32LE(4)).toBe(300);
    const before1900 = new Date(Date.UTC(1899, 11, 31, 12));
    expect(decodeDatetime(encodeDatetime(before1900))).toEqual(before1900);
  });

  it('encodes datetime2 for every scale and reads it back', () => {
    const when = new Date(Date.UTC(1, 0, 1, 23, 59, 59, 999));
    when.setUTCFullYear(1);
    for (const scale of [0, 3, 7]) {
      const back = decodeDatetime2(encodeDatetime2(when, scale), scale);
      expect(back.getTime()).toBe(scale === 0 ? when.getTime() - 999 : when.getTime());
    }
  });
});
