import sql from 'mssql';
import type { Output, ResultColumn } from '../../standin/engine-interface';
import { startHarness, type Harness } from './harness';

const GUID = '6F9619FF-8B86-D011-B42D-00C04FC964FF';
const WHEN = new Date(Date.UTC(2024, 1, 29, 13, 45, 30, 123));

const columns: ResultColumn[] = [
  { name: 'b', type: 'bit', nullable: true },
  { name: 'ti', type: 'tinyint', nullable: true },
  { name: 'si', type: 'smallint', nullable: true },
  { name: 'i', type: 'int', nullable: true },
  { name: 'bi', type: 'bigint', nullable: true },
  { name: 'f', type: 'float', nullable: true },
  { name: 'd', type: 'decimal', nullable: true, precision: 38, scale: 4 },
  { name: 'dt', type: 'datetime', nullable: true },
  { name: 'dt2', type: 'datetime2', nullable: true, scale: 7 },
  { name: 'nv', type: 'nvarchar', nullable: true, length: 200 },
  { name: 'nvmax', type: 'nvarchar', nullable: true, length: -1 },
  { name: 'v', type: 'varchar', nullable: true, length: 50 },
  { name: 'g', type: 'uniqueidentifier', nullable: true },
  { name: 'vb', type: 'varbinary', nullable: true, length: 16 },
  { name: 'sv', type: 'sql_variant', nullable: true },
];

const longText = 'x'.repeat(9000) + 'é';

describe('stand-in TDS result sets', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('round-trips every wire type, NULLs and two result sets through mssql', async () => {
    const outputs: Output[] = [
      {
        kind: 'resultSet',
        resultSet: {
          columns,
          rows: [
            [true, 255, -32768, -2147483648, 9007199254740993n, 1.5, '-123456789.0625', WHEN, WHEN,
              'Grüße, 世界 🌍', longText, 'plain', GUID, Buffer.from([0xde, 0xad, 0xbe, 0xef]), 'variant text'],
            columns.map(() => null),
          ],
        },
      },
      { kind: 'done', rowCount: 2 },
      { kind: 'resultSet', resultSet: { columns: [{ name: 'n', type: 'int', nullable: false }], rows: [[1], [2], [3]] } },
      { kind: 'done', rowCount: 3 },
    ];
    h.engine.respond(/select \* from everything/, outputs);
    const pool = await h.connect();
    const result = await pool.request().query('select * from everything');

    // mssql types recordsets as array-or-record; a query's recordsets are an array.
    const recordsets = result.recordsets as sql.IRecordSet<Record<string, unknown>>[];
    expect(recordsets).toHaveLength(2);
    const [row, nulls] = recordsets[0]!;
    expect(row).toEqual({
      b: true, ti: 255, si: -32768, i: -2147483648, bi: '9007199254740993', f: 1.5,
      d: -123456789.0625, dt: WHEN, dt2: WHEN,
      nv: 'Grüße, 世界 🌍', nvmax: longText, v: 'plain', g: GUID, vb: Buffer.from([0xde, 0xad, 0xbe, 0xef]), sv: 'variant text',
    });
    expect(Object.values(nulls!)).toEqual(columns.map(() => null));
    expect(recordsets[1]).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(result.rowsAffected).toEqual([2, 3]);
  });

  it('reports the column types SQL Server would declare', async () => {
    h.engine.respond(/select meta/, [{ kind: 'resultSet', resultSet: { columns, rows: [] } }, { kind: 'done', rowCount: 0 }]);
    const pool = await h.connect();
    const result = await pool.request().query('select meta');
    const meta = result.recordset.columns;
    expect(meta.bi!.type).toBe(sql.BigInt);
    expect(meta.d!.type).toBe(sql.Decimal);
    expect([meta.d!.precision, meta.d!.scale]).toEqual([38, 4]);
    expect(meta.dt!.type).toBe(sql.DateTime);
    expect(meta.dt2!.type).toBe(sql.DateTime2);
    expect(meta.nv!.type).toBe(sql.NVarChar);
    // mssql reports the byte length SQL Server declares: nvarchar(100) is 200 bytes.
    expect(meta.nv!.length).toBe(200);
    expect(meta.g!.type).toBe(sql.UniqueIdentifier);
    expect(meta.sv!.type).toBe(sql.Variant);
  });

  it('exact decimals survive as text in a batch', async () => {
    h.engine.respond(/select money/, [
      { kind: 'resultSet', resultSet: { columns: [{ name: 'm', type: 'decimal', nullable: false, precision: 10, scale: 2 }], rows: [['-1234.50'], [0.1], [-0.05]] } },
      { kind: 'done', rowCount: 3 },
    ]);
    const pool = await h.connect();
    const result = await pool.request().batch('select money');
    expect(result.recordset.map((r: { m: number }) => r.m)).toEqual([-1234.5, 0.1, -0.05]);
  });

  it('sends a large result in packets of the negotiated size', async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => [i, `row ${i} ${'y'.repeat(40)}`]);
    h.engine.respond(/select many/, [
      { kind: 'resultSet', resultSet: { columns: [{ name: 'i', type: 'int', nullable: false }, { name: 's', type: 'nvarchar', nullable: false, length: 200 }], rows } },
      { kind: 'done', rowCount: rows.length },
    ]);
    const pool = await h.connect({ options: { packetSize: 512 } });
    const result = await pool.request().query('select many');
    expect(result.recordset).toHaveLength(2000);
    expect(result.recordset[1999]).toEqual({ i: 1999, s: `row 1999 ${'y'.repeat(40)}` });
  });
});
