/**
 * Memory-optimized tables in plans: CREATE TABLE ... WITH (MEMORY_OPTIMIZED = ON, DURABILITY =
 * ...) with the indexes inline; index changes through ALTER TABLE ... ADD | DROP INDEX and a
 * bucket count through ALTER INDEX ... REBUILD WITH (BUCKET_COUNT = n) (compared rounded up to a
 * power of two); no ONLINE; every such step last, after COMMIT in the up script and before BEGIN
 * TRANSACTION in the down script; a change between disk-based and memory-optimized refused.
 */
import { diff } from '../../src/differ';
import { renderPlanText, renderScript, statementsForDriver } from '../../src/emitters';
import type { Database, Index, KeyConstraint, Table } from '../../src/model';
import { col, db, ix, pk, table } from '../support/model-builders';
import { describePlan, roundTrip } from '../pull/support';
import { applyPlan } from '../support/simulate';
import { expectValidTsql } from '../support/tsql-grammar';
import { missingDataSpaces } from '../../src/sqlserver/data-spaces';

const ENTERPRISE = { engineEdition: 3, edition: 'Enterprise Edition (64-bit)', majorVersion: 16 };
const hash = <T extends Index | KeyConstraint>(o: T, bucketCount: number): T => ({ ...o, clustered: false, bucketCount });
const sessions = (o: { indexes?: Index[]; durability?: 'SCHEMA_ONLY' | 'SCHEMA_AND_DATA'; rows?: number } = {}): Table => ({
  ...table('sessions', {
    columns: [col('id', 'int'), col('user_id', 'int'), col('started_at', 'datetime2(3)')],
    pk: hash(pk('pk_sessions', ['id']), 1000), indexes: o.indexes ?? [], rowCount: o.rows ?? 5,
  }),
  memoryOptimized: { durability: o.durability ?? 'SCHEMA_AND_DATA' },
});
const orders = (extra: string[] = []): Table => table('orders', { columns: [col('id', 'int'), ...extra.map((c) => col(c, 'int', { nullable: true }))], pk: pk('pk_orders', ['id']), rowCount: 3 });
const withServer = (d: Database): Database => ({ ...d, server: ENTERPRISE });
const kinds = (steps: readonly { change: { kind: string } }[]) => steps.map((s) => s.change.kind);

test('a new memory-optimized table is one CREATE TABLE with its indexes inline, after COMMIT; undone before the transaction', () => {
  const desired = db([sessions({ indexes: [hash(ix('ix_sessions_user', ['user_id']), 64), ix('ix_sessions_started', ['started_at'])] })]);
  const plan = diff(desired, db([]), { allowDrop: false });
  expect(kinds(plan.steps)).toEqual(['createTable']);
  expect(plan.steps[0]?.memoryOptimized).toBe(true);
  const up = renderScript(plan, { direction: 'up', databaseName: 'app' }).text;
  expect(up).toContain([
    'CREATE TABLE [dbo].[sessions] (',
    '    [id] int NOT NULL,',
    '    [user_id] int NOT NULL,',
    '    [started_at] datetime2(3) NOT NULL,',
    '    CONSTRAINT [pk_sessions] PRIMARY KEY NONCLUSTERED HASH ([id]) WITH (BUCKET_COUNT = 1000),',
    '    INDEX [ix_sessions_user] NONCLUSTERED HASH ([user_id]) WITH (BUCKET_COUNT = 64),',
    '    INDEX [ix_sessions_started] NONCLUSTERED ([started_at])',
    ')',
    'WITH (MEMORY_OPTIMIZED = ON, DURABILITY = SCHEMA_AND_DATA);',
  ].join('\n'));
  expect(up.indexOf('COMMIT TRANSACTION;')).toBeLessThan(up.indexOf('CREATE TABLE'));
  const down = renderScript(plan, { direction: 'down', databaseName: 'app' }).text;
  expect(down.indexOf('DROP TABLE [dbo].[sessions];')).toBeLessThan(down.indexOf('BEGIN TRANSACTION;'));
  expect(statementsForDriver(plan, 'up').map((s) => s.memoryOptimized)).toEqual([true]);
  expect(renderPlanText(plan, { color: false })).toContain('1 step on memory-optimized tables runs after COMMIT');
  const after = applyPlan(db([]), plan.steps, 'up');
  expect(after.tables[0]?.indexes.map((i) => i.name)).toEqual(['ix_sessions_user', 'ix_sessions_started']);
  expect(applyPlan(after, plan.steps, 'down').tables).toEqual([]);
});

test('index changes go through ALTER TABLE; a bucket count through ALTER INDEX ... REBUILD, compared rounded up', () => {
  const current = withServer(db([sessions({ indexes: [hash(ix('ix_sessions_user', ['user_id']), 64), ix('ix_sessions_started', ['started_at'])] })]));
  // 1000 and 1024 are one hash table (the next power of two); 5000 is 8192 buckets.
  const desired = db([{ ...sessions({ indexes: [hash(ix('ix_sessions_user', ['user_id']), 5000), hash(ix('ix_sessions_both', ['user_id', 'started_at']), 128)] }), primaryKey: hash(pk('pk_sessions', ['id']), 1024) }]);
  const plan = diff(desired, current, { allowDrop: true });
  expect(kinds(plan.steps)).toEqual(['dropIndex', 'createIndex', 'alterBucketCount']);
  expect(plan.steps.every((s) => s.memoryOptimized === true && s.impact?.online === null)).toBe(true);
  expect(plan.steps.map((s) => s.impact?.rule)).toEqual(['memory-optimized-alter', 'memory-optimized-alter', 'memory-optimized-alter']);
  const up = renderScript(plan, { direction: 'up', databaseName: 'app' }).text;
  expect(up).toContain('ALTER TABLE [dbo].[sessions] DROP INDEX [ix_sessions_started];');
  expect(up).toContain('ALTER TABLE [dbo].[sessions] ADD INDEX [ix_sessions_both] NONCLUSTERED HASH ([user_id], [started_at]) WITH (BUCKET_COUNT = 128);');
  expect(up).toContain('ALTER TABLE [dbo].[sessions] ALTER INDEX [ix_sessions_user] REBUILD WITH (BUCKET_COUNT = 5000);');
  expect(up).not.toMatch(/ONLINE|CREATE INDEX|^DROP INDEX/m);
  const down = renderScript(plan, { direction: 'down', databaseName: 'app' }).text;
  expect(down).toContain('ALTER TABLE [dbo].[sessions] ALTER INDEX [ix_sessions_user] REBUILD WITH (BUCKET_COUNT = 64);');
  expect(down).toContain('ALTER TABLE [dbo].[sessions] ADD INDEX [ix_sessions_started] NONCLUSTERED ([started_at]);');
  const applied = applyPlan(current, plan.steps, 'up');
  expect(diff(desired, applied, { allowDrop: true }).steps).toEqual([]);
  expect(diff(current, applyPlan(applied, plan.steps, 'down'), { allowDrop: true }).steps).toEqual([]);
});

test('memory-optimized steps come after the transactional ones, and the driver marks them', () => {
  const current = db([orders(), sessions()]);
  const desired = db([orders(['note']), sessions({ indexes: [hash(ix('ix_sessions_user', ['user_id']), 64)] })]);
  const plan = diff(desired, current, { allowDrop: false });
  expect(kinds(plan.steps)).toEqual(['addColumn', 'createIndex']);
  expect(statementsForDriver(plan, 'up').map((s) => s.memoryOptimized ?? false)).toEqual([false, true]);
  const up = renderScript(plan, { direction: 'up', databaseName: 'app' }).text;
  expect(up.indexOf('ADD [note]')).toBeLessThan(up.indexOf('COMMIT TRANSACTION;'));
  expect(up.indexOf('COMMIT TRANSACTION;')).toBeLessThan(up.indexOf('ADD INDEX [ix_sessions_user]'));
  expect(up).toMatch(/IF @@ERROR <> 0 BEGIN PRINT N'schemac: step 2 .*memory-optimized/);
});

test('a table is not converted between disk-based and memory-optimized, nor its durability changed: refused', () => {
  const toMemory = diff(db([sessions()]), db([{ ...sessions(), memoryOptimized: undefined, primaryKey: pk('pk_sessions', ['id']) }]), { allowDrop: false });
  expect(toMemory.steps).toEqual([]);
  expect(toMemory.refused?.map((r) => `${r.table.name}: ${r.change}`)).toEqual(['sessions: make it memory-optimized (DURABILITY = SCHEMA_AND_DATA) (it is disk-based)']);
  const durability = diff(db([sessions({ durability: 'SCHEMA_ONLY' })]), db([sessions()]), { allowDrop: false });
  expect(durability.refused?.[0]?.reason).toMatch(/cannot change a table between disk-based and memory-optimized, or its DURABILITY/);
});

test('a step that must precede a memory-optimized one it follows is refused (dropping the schema of a dropped table)', () => {
  const current = db([{ ...sessions(), schema: 'cache' }]);
  const plan = diff(db([]), current, { allowDrop: true });
  expect(kinds(plan.steps)).toEqual(['dropTable']);
  expect(plan.refused?.map((r) => r.change)).toEqual(['drop schema cache']);
});

test('the pre-flight asks for a MEMORY_OPTIMIZED_DATA filegroup when the database has none', () => {
  const desired = db([sessions()]);
  expect(missingDataSpaces(desired, { ...db([]), dataSpaces: [{ name: 'PRIMARY', kind: 'filegroup', isDefault: true }] }, (n) => n.toLowerCase()))
    .toEqual([expect.stringMatching(/^table dbo\.sessions is memory-optimized, and the database has no MEMORY_OPTIMIZED_DATA filegroup/)]);
  expect(missingDataSpaces(desired, { ...db([]), dataSpaces: [{ name: 'mem', kind: 'memoryOptimizedData', isDefault: false }] }, (n) => n.toLowerCase())).toEqual([]);
});

test('pull writes memoryOptimized and the stored bucket counts, so the pulled schema plans nothing', () => {
  const stored = db([{ ...sessions({ indexes: [hash(ix('ix_sessions_user', ['user_id']), 64)], durability: 'SCHEMA_ONLY' }), primaryKey: hash(pk('pk_sessions', ['id']), 1024) }]);
  const { plan, pulled } = roundTrip(stored);
  expect(pulled.problems).toEqual([]);
  expect(describePlan(plan)).toEqual([]);
  const text = pulled.files.map((f) => f.text).join('\n');
  expect(text).toContain("memoryOptimized: { durability: 'SCHEMA_ONLY' }");
  expect(text).toContain('bucketCount: 1024');
  expect(text).toContain('bucketCount: 64');
});

test('the scripts pass the T-SQL grammar (or its listed gaps)', () => {
  const current = db([sessions({ indexes: [hash(ix('ix_sessions_user', ['user_id']), 64)] })]);
  const plan = diff(db([sessions({ indexes: [hash(ix('ix_sessions_user', ['user_id']), 4096), ix('ix_sessions_started', ['started_at'])] })]), current, { allowDrop: false });
  expectValidTsql(renderScript(plan, { direction: 'up', databaseName: 'app' }).text);
  expectValidTsql(renderScript(diff(current, db([]), { allowDrop: false }), { direction: 'up', databaseName: 'app' }).text);
});

test('a changed index is dropped and added (no DROP_EXISTING); a column under an index is altered with ALTER TABLE around it', () => {
  const withName = (len: number, cols: string[]): Table => ({
    ...table('tokens', { columns: [col('id', 'int'), col('name', `varchar(${len})`), col('kind', 'int')], pk: hash(pk('pk_tokens', ['id']), 64), indexes: [ix('ix_tokens_name', cols)], rowCount: 2 }),
    memoryOptimized: { durability: 'SCHEMA_AND_DATA' },
  });
  const redefined = diff(db([withName(20, ['name', 'kind'])]), db([withName(20, ['name'])]), { allowDrop: false });
  expect(kinds(redefined.steps)).toEqual(['dropIndex', 'createIndex']);
  expect(renderScript(redefined, { direction: 'up', databaseName: 'app' }).text).not.toContain('DROP_EXISTING');
  const widened = diff(db([withName(40, ['name'])]), db([withName(20, ['name'])]), { allowDrop: false });
  const scripts = [renderScript(widened, { direction: 'up', databaseName: 'app' }).text, renderScript(widened, { direction: 'down', databaseName: 'app' }).text].join('\n');
  expect(scripts).not.toMatch(/^(CREATE|DROP) (NONCLUSTERED )?INDEX/m);
  for (const s of widened.steps) expect(s.memoryOptimized).toBe(true);
});
