import { createEngine } from './test/standin/engine';
(async () => {
  const e = createEngine({ password: 'pw' });
  const l = e.login('sa', 'pw', 'app'); if (!l.ok) throw 0;
  const s = l.session; const sig = new AbortController().signal;
  const run = async (q: string) => { const o = await s.executeBatch(q, sig); const errs = o.filter((x) => x.kind === 'error'); console.log(errs.length ? JSON.stringify(errs) : 'ok', '<=', q.slice(0, 90).replace(/\n/g, ' ')); return o; };
  await run(`EXEC(N'CREATE SCHEMA [sales]');`);
  await run(`CREATE TABLE [sales].[orders] (
    [id] UNIQUEIDENTIFIER NOT NULL CONSTRAINT [df_orders_id] DEFAULT (NEWID()),
    [index_id] BIGINT IDENTITY(1,1) NOT NULL,
    [code] NVARCHAR(20) COLLATE Latin1_General_CS_AS NOT NULL,
    [qty] INT NOT NULL CONSTRAINT [df_orders_qty] DEFAULT ((0)),
    [price] DECIMAL(10,2) NOT NULL CONSTRAINT [df_orders_price] DEFAULT (-1.5),
    [total] AS ([qty] * [price]) PERSISTED NOT NULL,
    CONSTRAINT [pk_orders] PRIMARY KEY NONCLUSTERED ([id]),
    CONSTRAINT [ck_orders_qty] CHECK ([qty] >= 0)
);`);
  await run(`ALTER TABLE [sales].[orders] ADD CONSTRAINT [uq_orders_code] UNIQUE NONCLUSTERED ([code] DESC);`);
  await run(`ALTER TABLE [sales].[orders] ADD [note] NVARCHAR(MAX) NULL CONSTRAINT [df_orders_note] DEFAULT (N'none');`);
  await run(`ALTER TABLE [sales].[orders] ADD CONSTRAINT [df_x] DEFAULT ((1)) FOR [index_id];`);
  await run(`EXEC sp_rename N'[sales].[orders].[note]', N'remark', N'COLUMN';`);
  await run(`EXEC sp_rename N'[sales].[orders].[uq_orders_code]', N'uq_orders_code2', N'INDEX';`);
  await run(`EXEC sp_rename N'[sales].[ck_orders_qty]', N'ck_orders_qty2', N'OBJECT';`);
  await run(`ALTER TABLE [sales].[orders] WITH NOCHECK CHECK CONSTRAINT [ck_orders_qty2];`);
  await run(`UPDATE [sales].[orders] SET [remark] = (N'x') WHERE [remark] IS NULL;`);
  await run(`ALTER TABLE [sales].[orders] ALTER COLUMN [remark] NVARCHAR(MAX) NOT NULL;`);
  await run(`DROP SCHEMA [sales];`);
  const o = await run(`SELECT c.name, c.is_nullable, c.collation_name, cc.definition FROM sys.columns c LEFT JOIN sys.computed_columns cc ON cc.object_id = c.object_id AND cc.column_id = c.column_id WHERE c.object_id = OBJECT_ID('sales.orders'); SELECT name, definition FROM sys.default_constraints; SELECT name, definition, is_not_trusted FROM sys.check_constraints`);
  for (const x of o) if (x.kind === 'resultSet') console.log(JSON.stringify(x.resultSet.rows));
})();
