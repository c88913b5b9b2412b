/**
 * ALTER TABLE ... SET (LOCK_ESCALATION = AUTO | TABLE | DISABLE): reported by sys.tables
 * lock_escalation / lock_escalation_desc (0 TABLE, 1 DISABLE, 2 AUTO), undone by a rollback;
 * another value is a syntax error.
 */
import { open, type Harness } from './harness';

let h: Harness;
beforeEach(() => { h = open(); });

const SETTING = `SELECT lock_escalation, lock_escalation_desc FROM sys.tables WHERE name = 'hot'`;

test('each setting is stored and reported; a rollback puts the old one back', async () => {
  await h.ok(`CREATE TABLE dbo.hot (id int NOT NULL);`);
  expect(await h.rows(SETTING)).toEqual([{ lock_escalation: 0, lock_escalation_desc: 'TABLE' }]);
  await h.ok(`ALTER TABLE dbo.hot SET (LOCK_ESCALATION = DISABLE);`);
  expect(await h.rows(SETTING)).toEqual([{ lock_escalation: 1, lock_escalation_desc: 'DISABLE' }]);
  await h.ok(`BEGIN TRANSACTION; ALTER TABLE dbo.hot SET (LOCK_ESCALATION = AUTO); ROLLBACK;`);
  expect(await h.rows(SETTING)).toEqual([{ lock_escalation: 1, lock_escalation_desc: 'DISABLE' }]);
  await h.ok(`ALTER TABLE dbo.hot SET (LOCK_ESCALATION = AUTO);`);
  expect(await h.rows(SETTING)).toEqual([{ lock_escalation: 2, lock_escalation_desc: 'AUTO' }]);
  await h.ok(`ALTER TABLE dbo.hot SET (LOCK_ESCALATION = TABLE);`);
  expect(await h.rows(SETTING)).toEqual([{ lock_escalation: 0, lock_escalation_desc: 'TABLE' }]);
  expect((await h.errors(`ALTER TABLE dbo.hot SET (LOCK_ESCALATION = PARTITION);`)).map((e) => e.number)).toEqual([102]);
});
