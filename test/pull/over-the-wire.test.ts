/**
 * pull --database over the wire: the SQL Server stand-in holds a database made by hand-written
 * DDL (system-named primary keys and checks, definitions stored SQL Server's way); pull reads it
 * through the real driver, and the pulled files, compiled, plan to nothing against it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { loadCurrent } from '../../src/app/current';
import { compileSchema } from '../../src/compiler';
import { diff } from '../../src/differ';
import { createEngine } from '../standin/engine';
import { startStandin, type RunningStandin } from '../standin/server';
import { describeDiagnostics, describePlan, tempDir } from './support';
import { schemac } from '../cli/run-cli';

const PASSWORD = 'Pull#Secret1';

// Each string is one batch: CREATE SCHEMA must run alone.
const batches = [
  'CREATE SCHEMA [sales]',
  `CREATE TABLE [dbo].[customers] (
    [id] INT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    [name] NVARCHAR(100) NOT NULL,
    [kind] VARCHAR(20) NOT NULL CONSTRAINT [df_customers_kind] DEFAULT 'person',
    [region] NVARCHAR(10) NULL CHECK ([region] IN (N'eu', N'us')),
    CONSTRAINT [ck_customers_kind] CHECK ([kind] IN ('person', 'business'))
  )`,
  `CREATE TABLE [sales].[orders] (
    [id] INT IDENTITY(100,5) NOT NULL,
    [customer_id] INT NOT NULL,
    [amount] DECIMAL(12,2) NOT NULL CONSTRAINT [df_orders_amount] DEFAULT 0.00,
    [discount] DECIMAL(12,2) NULL,
    [net] AS ([amount] - ISNULL([discount], 0)) PERSISTED,
    [placed_at] DATETIME2(3) NOT NULL CONSTRAINT [df_orders_placed_at] DEFAULT SYSUTCDATETIME(),
    [is_deleted] BIT NOT NULL CONSTRAINT [df_orders_is_deleted] DEFAULT 0,
    CONSTRAINT [pk_orders] PRIMARY KEY CLUSTERED ([id]),
    CONSTRAINT [ck_orders_amount_positive] CHECK ([amount] >= 0),
    CONSTRAINT [fk_orders_customer] FOREIGN KEY ([customer_id]) REFERENCES [dbo].[customers] ([id]) ON DELETE CASCADE
  )`,
  'CREATE NONCLUSTERED INDEX [ix_orders_placed] ON [sales].[orders] ([placed_at] DESC) INCLUDE ([amount]) WHERE [is_deleted] = 0',
];

describe('schemac pull --database', () => {
  let standin: RunningStandin;
  let cwd: string;

  beforeAll(async () => {
    const engine = createEngine({ password: PASSWORD, databases: ['app'] });
    const login = engine.login('sa', PASSWORD, 'app');
    if (!login.ok) throw new Error(login.error.message);
    for (const batch of batches) {
      const out = await login.session.executeBatch(batch, new AbortController().signal);
      const errors = out.filter((o) => o.kind === 'error');
      if (errors.length > 0) throw new Error(`seed DDL failed: ${JSON.stringify(errors)}`);
    }
    standin = await startStandin({ engine });
    cwd = tempDir();
  });

  afterAll(async () => {
    await standin.close();
    fs.rmSync(cwd, { recursive: true, force: true });
  });

  test('writes files that compile back to the database read, so plan is empty', async () => {
    const url = `mssql://sa:${encodeURIComponent(PASSWORD)}@127.0.0.1:${standin.port}/app?encrypt=false`;
    const r = await schemac(['pull', '--database', url], { cwd });
    expect(r.code).toBe(0);
    expect(fs.readdirSync(path.join(cwd, 'schema')).sort()).toEqual(['customers.schema.ts', 'sales.orders.schema.ts']);

    const compiled = compileSchema(path.join(cwd, 'schema'));
    expect(describeDiagnostics(compiled.diagnostics)).toEqual([]);
    const { database } = await loadCurrent({ cwd, env: {}, report: () => undefined }, { kind: 'database', url });
    // pull writes schemac's names for the stand-in's system-named PK and check; "keep" leaves them (as pull's note advises).
    expect(describePlan(diff(compiled.database, database, { allowDrop: false, systemNames: 'keep' }))).toEqual([]);

    const customers = fs.readFileSync(path.join(cwd, 'schema/customers.schema.ts'), 'utf8');
    // The primary key and the region check were named by SQL Server; pull does not write those names.
    expect(customers).toContain("@PrimaryKey(['id'], { clustered: true })");
    expect(customers).toContain("export type CustomersRegion = 'eu' | 'us';");
    expect(customers).not.toMatch(/(PK|CK)__/);
  });
});
