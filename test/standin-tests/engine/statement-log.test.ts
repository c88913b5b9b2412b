/**
 * The stand-in's statement log (test/standin/engine/statement-log.ts): each statement with the
 * session's SET options and @@TRANCOUNT when it started. Over the wire with the real driver, so
 * the options tedious sends in its login batch (`set quoted_identifier off`, ...) are the ones
 * recorded: what schemac's apply tests rely on to prove its own SET statements took effect.
 */
import sql from 'mssql';
import { startWire, scalar, type WireHarness } from './wire';

let wire: WireHarness;

beforeAll(async () => { wire = await startWire(); }, 60_000);
afterAll(async () => { await wire.close(); });

/** Driver options that turn off what schemac's scripts need (tedious sends them at login). */
const OFF = { enableQuotedIdentifier: false, enableAnsiNull: false, abortTransactionOnError: false, encrypt: false };

test('honours the options the driver sends at login, and records each statement with them', async () => {
  const recording = wire.engine.recordStatements();
  // The first batch a process parses warms the grammar up for seconds: allow for it.
  const pool = await wire.connect({ options: OFF, connectionTimeout: 60_000 });
  try {
    expect(await scalar(pool, "SELECT SESSIONPROPERTY('QUOTED_IDENTIFIER') AS v")).toBe(0);
    await pool.request().batch('SET XACT_ABORT ON;\nSELECT 2 AS two;');
  } finally {
    recording.stop();
  }
  const login = recording.records.find((r) => /set quoted_identifier off/i.test(r.text));
  expect(login).toBeDefined();
  const probe = recording.records.find((r) => r.text.includes('SESSIONPROPERTY'))!;
  expect(probe.options).toMatchObject({ QUOTED_IDENTIFIER: false, ANSI_NULLS: false, XACT_ABORT: false });
  // A SET is recorded with the options before it; the next statement sees its effect.
  const set = recording.records.find((r) => r.text.startsWith('SET XACT_ABORT ON'))!;
  expect(set.options.XACT_ABORT).toBe(false);
  const after = recording.records.find((r) => r.text.startsWith('SELECT 2'))!;
  expect(after.options.XACT_ABORT).toBe(true);
  expect(after.session).toBe(set.session);
});

test('records transaction-manager requests and @@TRANCOUNT, and nothing once stopped', async () => {
  const pool = await wire.connect();
  const recording = wire.engine.recordStatements();
  const tx = new sql.Transaction(pool);
  await tx.begin();
  await new sql.Request(tx).query('SELECT 3 AS three;');
  await tx.commit();
  recording.stop();
  await pool.request().query('SELECT 4 AS four;');
  const texts = recording.records.map((r) => `${r.kind}:${r.text}:${r.trancount}`);
  expect(texts).toEqual(expect.arrayContaining(['transaction-manager:BEGIN TRANSACTION:0', 'statement:SELECT 3 AS three;:1', 'transaction-manager:COMMIT TRANSACTION:1']));
  expect(texts.indexOf('statement:SELECT 3 AS three;:1')).toBeLessThan(texts.indexOf('transaction-manager:COMMIT TRANSACTION:1'));
  expect(recording.records.some((r) => r.text.includes('SELECT 4'))).toBe(false);
});
