/** Whole scripts in the shape schemac emits, run batch by batch as sqlcmd would; the apply lock. */
import { createEngine } from '../../standin/engine';
import { open, wrap } from './harness';
import type { Harness } from './harness';

const guard = (n: number) => `IF @@ERROR <> 0 AND @@TRANCOUNT > 0 ROLLBACK TRANSACTION;
IF @@TRANCOUNT = 0 BEGIN PRINT N'schemac: step ${n} failed; the transaction was rolled back and the rest of the script does not run.'; SET NOEXEC ON; END;`;

function script(steps: string[]): string {
  return [
    `IF DB_NAME() <> N'app'\nBEGIN\n    RAISERROR(N'schemac: this script was planned against database app; 100%% sure.', 16, 1);\n    SET NOEXEC ON;\nEND;`,
    `SET ANSI_NULLS ON;\nSET QUOTED_IDENTIFIER ON;\nSET ANSI_PADDING ON;\nSET ANSI_WARNINGS ON;\nSET ARITHABORT ON;\nSET CONCAT_NULL_YIELDS_NULL ON;\nSET NUMERIC_ROUNDABORT OFF;\nSET XACT_ABORT ON;`,
    'BEGIN TRANSACTION;',
    ...steps.flatMap((s, i) => [s, guard(i + 1)]),
    'COMMIT TRANSACTION;',
    'SET NOEXEC OFF;',
  ].join('\nGO\n');
}

async function runScript(h: Harness, text: string): Promise<{ errors: number[]; prints: string[] }> {
  const errors: number[] = [];
  const prints: string[] = [];
  for (const batch of text.split(/^GO$/m)) {
    for (const o of await h.run(batch)) {
      if (o.kind === 'error') errors.push(o.number);
      if (o.kind === 'info' && o.class === 0) prints.push(o.message);
    }
  }
  return { errors, prints };
}

test('a good script applies every step and commits', async () => {
  const h = open();
  const r = await runScript(h, script([
    `EXEC(N'CREATE SCHEMA [billing]');`,
    `CREATE TABLE [billing].[invoices] ([id] INT NOT NULL, [total] DECIMAL(12,2) NOT NULL CONSTRAINT [df_invoices_total] DEFAULT 0, CONSTRAINT [pk_invoices] PRIMARY KEY NONCLUSTERED ([id]));`,
    `CREATE UNIQUE CLUSTERED INDEX [ix_invoices_total] ON [billing].[invoices] ([total], [id]);`,
  ]));
  expect(r).toEqual({ errors: [], prints: [] });
  expect(await h.rows(`SELECT @@TRANCOUNT AS tc, OBJECT_NAME(OBJECT_ID('billing.invoices')) AS t`)).toEqual([{ tc: 0, t: 'invoices' }]);
});

test('a failing step rolls everything back and NOEXEC stops the rest', async () => {
  const h = open();
  const r = await runScript(h, script([
    `CREATE TABLE [dbo].[a] ([id] INT NOT NULL);`,
    `CREATE INDEX [ix_a] ON [dbo].[a] ([missing]);`,
    `CREATE TABLE [dbo].[b] ([id] INT NOT NULL);`,
  ]));
  expect(r.errors).toEqual([1911]);
  expect(r.prints).toEqual(['schemac: step 2 failed; the transaction was rolled back and the rest of the script does not run.']);
  expect(await h.rows(`SELECT OBJECT_ID('dbo.a') AS a, OBJECT_ID('dbo.b') AS b, @@TRANCOUNT AS tc`)).toEqual([{ a: null, b: null, tc: 0 }]);
});

test('the database guard stops a script planned for another database', async () => {
  const h = open('other');
  const r = await runScript(h, script([`CREATE TABLE [dbo].[x] ([id] INT NOT NULL);`]));
  expect(r.errors).toEqual([50000]);
  const out = await h.run(`SELECT 1`);
  expect(out.some((o) => o.kind === 'resultSet')).toBe(true); // SET NOEXEC OFF ended the script
  expect(await h.rows(`SELECT OBJECT_ID('dbo.x') AS x`)).toEqual([{ x: null }]);
  const msg = await h.errors(`RAISERROR(N'100%% sure', 16, 1)`);
  expect(msg[0].message).toBe('100% sure');
});

test('sp_getapplock is exclusive between sessions and released on close', async () => {
  const engine = createEngine({ password: 'p' });
  const login = () => { const l = engine.login('sa', 'p', 'app'); if (!l.ok) throw new Error('login'); return wrap(l.session); };
  const take = `DECLARE @result int;\nEXEC @result = sp_getapplock @Resource = N'schemac.apply', @LockMode = N'Exclusive', @LockOwner = N'Session', @LockTimeout = 0;\nSELECT @result AS result, @@SPID AS spid;`;
  const a = login();
  const b = login();
  const [ra] = await a.rows(take);
  expect(ra.result).toBe(0);
  const [rb] = await b.rows(take);
  expect(rb.result).toBe(-1);
  expect(rb.spid).not.toBe(ra.spid);
  a.session.close();
  expect((await b.rows(take))[0].result).toBe(0);
  await b.ok(`EXEC sp_releaseapplock @Resource = N'schemac.apply', @LockOwner = N'Session';`);
  expect((await login().rows(take))[0].result).toBe(0);
});
