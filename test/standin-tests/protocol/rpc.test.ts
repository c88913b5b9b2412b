import sql from 'mssql';
import type { Parameter } from '../../standin/engine-interface';
import { startHarness, type Harness } from './harness';

describe('stand-in TDS RPC requests', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  function lastRpc(): { procedure: string; parameters: readonly Parameter[] } {
    const call = [...h.engine.calls].reverse().find((c) => c.kind === 'rpc');
    if (call?.kind !== 'rpc') throw new Error('no RPC reached the session');
    return call;
  }

  it('turns a parameterised query into sp_executesql with typed parameters (types as tedious declares them)', async () => {
    h.engine.respond(/select @x/, [
      { kind: 'resultSet', resultSet: { columns: [{ name: 'x', type: 'int', nullable: true }], rows: [[5]] } },
      { kind: 'done', rowCount: 1 },
    ]);
    const pool = await h.connect();
    const result = await pool.request().input('x', sql.Int, 5).query('select @x as x');
    expect(result.recordset).toEqual([{ x: 5 }]);
    const rpc = lastRpc();
    expect(rpc.procedure).toBe('sp_executesql');
    expect(rpc.parameters).toEqual([
      { name: '@statement', type: 'nvarchar(14)', value: 'select @x as x', output: false },
      { name: '@params', type: 'nvarchar(6)', value: '@x int', output: false },
      { name: '@x', type: 'int', value: 5, output: false },
    ]);
  });

  it('decodes each supported parameter type', async () => {
    const pool = await h.connect();
    const when = new Date(Date.UTC(2023, 6, 14, 8, 30, 15, 250));
    const guid = '6F9619FF-8B86-D011-B42D-00C04FC964FF';
    const long = 'ü'.repeat(5000);
    await pool.request()
      .input('ti', sql.TinyInt, 200)
      .input('si', sql.SmallInt, -5)
      .input('bi', sql.BigInt, '9007199254740993')
      .input('b', sql.Bit, true)
      .input('nv', sql.NVarChar(50), 'Grüße 世界')
      .input('nvmax', sql.NVarChar(sql.MAX), long)
      .input('v', sql.VarChar(20), 'plain')
      .input('nc', sql.NChar(3), 'abc')
      .input('vb', sql.VarBinary(10), Buffer.from([1, 2, 3]))
      .input('g', sql.UniqueIdentifier, guid)
      .input('dt', sql.DateTime, when)
      .input('dt2', sql.DateTime2(3), when)
      .input('dec', sql.Decimal(10, 3), 1234.567)
      .input('f', sql.Float, 2.5)
      .input('vbmax', sql.VarBinary(sql.MAX), Buffer.alloc(9000, 7))
      .input('vmax', sql.VarChar(sql.MAX), 'abc')
      .input('num', sql.Numeric(5, 1), -12.5)
      .input('n', sql.Int, null)
      .query('select 1');
    const byName = Object.fromEntries(lastRpc().parameters.map((p) => [p.name, { type: p.type, value: p.value }]));
    expect(byName).toMatchObject({
      '@ti': { type: 'tinyint', value: 200 },
      '@si': { type: 'smallint', value: -5 },
      '@bi': { type: 'bigint', value: 9007199254740993n },
      '@b': { type: 'bit', value: true },
      '@nv': { type: 'nvarchar(50)', value: 'Grüße 世界' },
      '@nvmax': { type: 'nvarchar(max)', value: long },
      '@v': { type: 'varchar(20)', value: 'plain' },
      '@nc': { type: 'nchar(3)', value: 'abc' },
      '@vb': { type: 'varbinary(10)', value: Buffer.from([1, 2, 3]) },
      '@g': { type: 'uniqueidentifier', value: guid },
      '@dt': { type: 'datetime', value: when },
      '@dt2': { type: 'datetime2(3)', value: when },
      '@dec': { type: 'decimal(10, 3)', value: 1234.567 },
      '@f': { type: 'float', value: 2.5 },
      '@vbmax': { type: 'varbinary(max)', value: Buffer.alloc(9000, 7) },
      '@vmax': { type: 'varchar(max)', value: 'abc' },
      '@num': { type: 'numeric(5, 1)', value: -12.5 },
      '@n': { type: 'int', value: null },
    });
  });

  it('calls a procedure by name and answers OUTPUT parameters with RETURNVALUE', async () => {
    h.engine.respond(/dbo\.add_one/, [{ kind: 'done' }]);
    const pool = await h.connect();
    const result = await pool.request().input('a', sql.Int, 41).output('out', sql.NVarChar(20), 'kept').execute('dbo.add_one');
    expect(lastRpc()).toEqual({
      kind: 'rpc',
      procedure: 'dbo.add_one',
      parameters: [
        { name: '@a', type: 'int', value: 41, output: false },
        { name: '@out', type: 'nvarchar(20)', value: 'kept', output: true },
      ],
    });
    // The engine contract cannot set OUTPUT values yet, so the value sent comes back unchanged.
    expect(result.output).toEqual({ out: 'kept' });
    expect(result.returnValue).toBe(0);
  });

  it('answers a parameter type it cannot decode (a TVP) with an error and keeps the connection', async () => {
    const pool = await h.connect();
    const table = new sql.Table('dbo.ids');
    table.columns.add('id', sql.Int, { nullable: false });
    table.rows.add(1);
    const error = await pool.request().input('ids', table).query('select * from @ids').then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(sql.RequestError);
    expect((error as Error).message).toMatch(/could not decode this request: .*0xf3/);
    h.engine.respond(/select 7/, [{ kind: 'resultSet', resultSet: { columns: [{ name: 'v', type: 'int', nullable: false }], rows: [[7]] } }, { kind: 'done', rowCount: 1 }]);
    await expect(pool.request().query('select 7 as v')).resolves.toMatchObject({ recordset: [{ v: 7 }] });
  });
});
