/**
 * Always Encrypted: `encrypted: { key, type }` compiled (SC1118 where SQL Server refuses: a string
 * column encrypted deterministically without a BIN2 collation, identity, default, mask, xml ...),
 * read from sys.columns (encryption_type, algorithm, key name), written in CREATE TABLE, ADD and
 * ALTER COLUMN (which restates it), pulled; a change of an existing column's encryption is refused
 * by name while the rest of the plan is planned.
 */
import { diff } from '../../src/differ';
import { renderScript } from '../../src/emitters';
import type { Column, ColumnEncryption, Table } from '../../src/model';
import { col, db, pk, table } from '../support/model-builders';
import { compileFiles } from '../compiler/compile-helpers';
import { expectPlansToNothing, roundTrip } from '../pull/support';
import { applyPlan } from '../support/simulate';
import { modelToSnapshot } from '../../src/catalog/from-model';
import { parseSnapshot, serializeSnapshot } from '../../src/catalog/snapshot';
import { snapshotToModel } from '../../src/catalog/to-model';
import { expectValidTsql } from '../support/tsql-grammar';

const AE = 'AEAD_AES_256_CBC_HMAC_SHA_256';
const det: ColumnEncryption = { key: 'CEK1', type: 'deterministic', algorithm: AE };
const rnd: ColumnEncryption = { key: 'CEK1', type: 'randomized', algorithm: AE };
const ssn = (encryption?: ColumnEncryption, type = 'char(11)'): Column => ({
  ...col('ssn', type, { nullable: true, collation: 'Latin1_General_BIN2' }), ...(encryption !== undefined ? { encryption } : {}),
});
const people = (c: Column, extra: Column[] = []): Table => table('people', { columns: [col('id', 'int'), c, ...extra], pk: pk('pk_people', ['id']), rowCount: 2 });
const script = (desired: Table, current: Table | null, direction: 'up' | 'down' = 'up'): string =>
  renderScript(diff(db([desired]), db(current === null ? [] : [current]), { allowDrop: false }), { direction, databaseName: 'app' }).text;

test('the compiler reads encrypted, and refuses what SQL Server would, at file:line', () => {
  const c = compileFiles({ 't.schema.ts': `import { Column, Table } from 'schemac';
@Table('people')
export class Person {
  @Column.int({ primaryKey: true }) id!: number;
  @Column.char(11, { collation: 'Latin1_General_BIN2', encrypted: { key: 'CEK1', type: 'deterministic' } }) ssn!: string;
  @Column.date({ nullable: true, encrypted: { key: 'CEK1', type: 'randomized' } }) born!: Date | null;
  @Column.varchar(50, { encrypted: { key: 'CEK1', type: 'deterministic' } }) a!: string;
  @Column.xml({ encrypted: { key: 'CEK1', type: 'randomized' } }) b!: string;
  @Column.int({ default: 0, encrypted: { key: 'CEK1', type: 'randomized' } }) c!: number;
  @Column.varchar(50, { masked: 'default()', encrypted: { key: 'CEK1', type: 'randomized' } }) d!: string;
  @Column.int({ encrypted: { key: '', type: 'randomized' } }) e!: number;
}` }, { typeCheck: false });
  const cols = c.result.database.tables[0]?.columns ?? [];
  expect(cols.map((x) => x.encryption?.type ?? null)).toEqual([null, 'deterministic', 'randomized', null, null, null, null, null]);
  expect(cols[1]?.encryption).toEqual(det);
  expect(c.result.diagnostics.map((d) => `${d.code} ${d.source?.line}`)).toEqual(['SC1118 7', 'SC1118 8', 'SC1118 9', 'SC1118 10', 'SC1118 11']);
  expect(c.result.diagnostics[0]?.message).toBe("column a: encrypted: deterministic encryption of a varchar column needs a binary2 collation (e.g. collation: 'Latin1_General_BIN2'), not the database default");
  expect(c.result.diagnostics.slice(1).map((d) => d.message)).toEqual([
    'column b: encrypted: a xml column cannot be encrypted',
    'column c: encrypted: SQL Server does not encrypt a column with a default',
    'column d: encrypted: SQL Server does not encrypt a masked column',
    'column e: encrypted: key must name the column encryption key (CREATE COLUMN ENCRYPTION KEY)',
  ]);
});

test('CREATE TABLE and ADD write ENCRYPTED WITH after COLLATE', () => {
  const created = script(people(ssn(det)), null);
  expect(created).toContain("[ssn] char(11) COLLATE Latin1_General_BIN2 ENCRYPTED WITH (COLUMN_ENCRYPTION_KEY = [CEK1], ENCRYPTION_TYPE = DETERMINISTIC, ALGORITHM = 'AEAD_AES_256_CBC_HMAC_SHA_256') NULL");
  expect(expectValidTsql(created).gapsUsed).toEqual(['column-encrypted-with']);
  const born = { ...col('born', 'date', { nullable: true }), encryption: rnd };
  expect(script(people(ssn(det), [born]), people(ssn(det)))).toContain("ALTER TABLE [dbo].[people] ADD [born] date ENCRYPTED WITH (COLUMN_ENCRYPTION_KEY = [CEK1], ENCRYPTION_TYPE = RANDOMIZED, ALGORITHM = 'AEAD_AES_256_CBC_HMAC_SHA_256') NULL;");
});

test('an ALTER COLUMN of an encrypted column restates its encryption, both ways', () => {
  const up = script(people(ssn(det, 'char(20)')), people(ssn(det)));
  expect(up).toContain('ALTER TABLE [dbo].[people] ALTER COLUMN [ssn] char(20) COLLATE Latin1_General_BIN2 ENCRYPTED WITH (COLUMN_ENCRYPTION_KEY = [CEK1], ENCRYPTION_TYPE = DETERMINISTIC');
  expect(script(people(ssn(det, 'char(20)')), people(ssn(det)), 'down')).toContain('ALTER COLUMN [ssn] char(11) COLLATE Latin1_General_BIN2 ENCRYPTED WITH (COLUMN_ENCRYPTION_KEY = [CEK1]');
});

test('a change of an existing column\'s encryption is refused by name; the rest is still planned', () => {
  const added = col('note', 'varchar(10)', { nullable: true });
  for (const [from, to] of [[undefined, det], [det, undefined], [det, rnd], [det, { ...det, key: 'CEK2' }]] as const) {
    const current = db([people(ssn(from))]);
    const plan = diff(db([people(ssn(to), [added])]), current, { allowDrop: false });
    expect(plan.steps.map((s) => s.change.kind)).toEqual(['addColumn']);
    expect(plan.refused).toHaveLength(1);
    expect(plan.refused?.[0]?.change).toMatch(/^change the encryption of column ssn from /);
    expect(plan.refused?.[0]?.reason).toContain('without secure enclaves');
    expect(applyPlan(current, plan.steps, 'up').tables[0]?.columns[1]?.encryption).toEqual(from);
  }
  // Along with a type change: the ALTER COLUMN keeps the current encryption.
  const plan = diff(db([people(ssn(rnd, 'char(20)'))]), db([people(ssn(det))]), { allowDrop: false });
  expect(plan.refused).toHaveLength(1);
  expect(applyPlan(db([people(ssn(det))]), plan.steps, 'up').tables[0]?.columns[1]).toMatchObject({ encryption: det, type: { length: 20 } });
});

test('pull writes encrypted, so the pulled table plans nothing', () => {
  const { diagnostics, plan, pulled } = roundTrip(db([people(ssn(det), [{ ...col('born', 'date', { nullable: true }), encryption: rnd }])]));
  expectPlansToNothing({ pulled, diagnostics, plan });
  const text = pulled.files.map((f) => f.text).join('\n');
  expect(text).toContain("encrypted: { key: 'CEK1', type: 'deterministic' }");
  expect(text).toContain("encrypted: { key: 'CEK1', type: 'randomized' }");
});

test('a snapshot (and so a migration\'s after.json) keeps masks and encryption: model -> rows -> model', () => {
  const model = db([people(ssn(det), [{ ...col('email', 'varchar(50)'), mask: 'partial(1, "XX", 0)' }])]);
  const snapshot = modelToSnapshot(model);
  expect(snapshot.columns.find((c) => c.name === 'ssn')).toMatchObject({ encryption_type: 1, encryption_algorithm_name: AE, column_encryption_key_name: 'CEK1' });
  expect(snapshot.columns.find((c) => c.name === 'email')).toMatchObject({ is_masked: true, masking_function: 'partial(1, "XX", 0)' });
  const back = snapshotToModel(parseSnapshot(serializeSnapshot(snapshot), 'round trip')).database;
  expect(back.tables[0]?.columns.map((c) => [c.name, c.mask ?? null, c.encryption ?? null])).toEqual([
    ['id', null, null], ['ssn', null, det], ['email', 'partial(1, "XX", 0)', null],
  ]);
  expect(diff(model, back, { allowDrop: false }).steps).toEqual([]);
});
