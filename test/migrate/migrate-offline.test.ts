/**
 * Versioned migrations without a database: ids and the clock, the sum, the parent chain, the
 * state after a migration, empty files, the data-loss gate, and the offline lint check.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { lintMigrations } from '../../src/app/migrate-lint';
import { migrationsStatus, planBaseline, planRun } from '../../src/app/migrate-policy';
import { writeNextMigration, type MigrateNewInput } from '../../src/app/migrate-new';
import { diff } from '../../src/differ';
import { renderSkeletonScript } from '../../src/emitters';
import { APPLIED_MIGRATIONS_SQL, ensureMigrationColumnsSql, INSERT_MIGRATION_HISTORY_SQL } from '../../src/emitters/migration-history-sql';
import type { Database } from '../../src/model';
import { newMigrationId, slugOf } from '../../src/migrate/layout';
import { loadMigrations } from '../../src/migrate/load';
import { migrationHash, parseSum } from '../../src/migrate/sum';
import { col, db, df, ix, pk, table } from '../support/model-builders';
import { expectValidTsql } from '../support/tsql-grammar';

const orders = (extra: ReturnType<typeof col>[] = []) => table('orders', {
  columns: [col('id', 'int', { identity: true }), col('code', 'varchar(20)'), ...extra],
  pk: pk('pk_orders', ['id']),
  indexes: [ix('ix_orders_code', ['code'], { unique: true })],
  defaults: [],
});

let dir: string;
beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schemac-migrations-')); });
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const at = (iso: string) => new Date(iso);
function make(desired: Database | null, name: string, when: string, more: Partial<MigrateNewInput> = {}) {
  return writeNextMigration({ desired, dir, shown: 'migrations', name, allowDrop: false, allowDataLoss: false, emptyFile: false, now: at(when), ...more });
}

describe('migration ids', () => {
  it('are the UTC time and a slug of the name, and always later than the last', () => {
    expect(newMigrationId(at('2026-03-04T05:06:07Z'), 'add_orders', null)).toBe('20260304050607_add_orders');
    // A clock behind (or equal to) the last migration moves one second past it, across midnight too.
    expect(newMigrationId(at('2026-03-04T05:06:07Z'), 'x', '20261231235959_y')).toBe('20270101000000_x');
    expect(slugOf('  Add Orders: v2! ')).toBe('add_orders_v2');
    expect(slugOf('!!!')).toBeNull();
  });

  it('a name with nothing usable is an error naming it', () => {
    expect(() => make(db([orders()]), '***', '2026-01-01T00:00:00Z')).toThrow(/migration name "\*\*\*" has no letters or digits/);
  });
});

describe('migrate new, offline', () => {
  it('plans each migration from the previous after.json, records its parent, and writes nothing when unchanged', () => {
    const first = make(db([orders()]), 'create_orders', '2026-01-01T00:00:00Z');
    expect(first.kind).toBe('written');
    const second = make(db([orders([col('note', 'nvarchar(200)', { nullable: true })])]), 'add_note', '2026-01-02T00:00:00Z');
    expect(second.kind === 'written' && second.plan?.steps.map((s) => s.change.kind)).toEqual(['addColumn']);
    expect(make(db([orders([col('note', 'nvarchar(200)', { nullable: true })])]), 'again', '2026-01-03T00:00:00Z').kind).toBe('unchanged');
    const loaded = loadMigrations(dir, 'migrations');
    expect(loaded.problems).toEqual([]);
    expect(loaded.migrations.map((m) => [m.id, m.state.parent])).toEqual([
      ['20260101000000_create_orders', null],
      ['20260102000000_add_note', '20260101000000_create_orders'],
    ]);
    const sum = parseSum(fs.readFileSync(path.join(dir, 'schemac.sum'), 'utf8'), 'schemac.sum');
    expect(sum.entries.map((e) => e.id)).toEqual(loaded.migrations.map((m) => m.id));
    const lint = lintMigrations(dir, 'migrations', null, {});
    expect(lint.failed).toBe(false);
    expect(lint.migrations.flatMap((m) => m.scripts)).toEqual([]);
  });

  it('keeps what the plan skipped (a column the schema dropped, without --allow-drop) in after.json', () => {
    make(db([orders([col('legacy', 'int', { nullable: true })])]), 'create_orders', '2026-01-01T00:00:00Z');
    // Only a skipped column: nothing to write.
    expect(make(db([orders()]), 'forget_legacy', '2026-01-02T00:00:00Z').kind).toBe('unchanged');
    const note = col('note', 'nvarchar(200)', { nullable: true });
    const r = make(db([orders([note])]), 'add_note', '2026-01-03T00:00:00Z');
    expect(r.kind === 'written' && r.plan?.skipped.map((s) => s.name)).toEqual(['legacy']);
    const columns = () => loadMigrations(dir, 'migrations').migrations.at(-1)?.state.model.tables[0]?.columns.map((c) => c.name);
    expect(columns()).toEqual(['id', 'code', 'note', 'legacy']);
    const dropped = make(db([orders([note])]), 'drop_legacy', '2026-01-04T00:00:00Z', { allowDrop: true, allowDataLoss: true });
    expect(dropped.kind).toBe('written');
    expect(columns()).toEqual(['id', 'code', 'note']);
    expect(lintMigrations(dir, 'migrations', null, {}).failed).toBe(false);
  });

  it('refuses a step that loses data without --allow-data-loss, and writes nothing', () => {
    make(db([orders([col('legacy', 'int', { nullable: true })])]), 'create_orders', '2026-01-01T00:00:00Z');
    expect(() => make(db([orders()]), 'drop_legacy', '2026-01-02T00:00:00Z', { allowDrop: true }))
      .toThrow(/refusing to write the migration: 1 step\(s\) lose data .*--allow-data-loss/);
    expect(loadMigrations(dir, 'migrations').migrations).toHaveLength(1);
  });

  it('refuses steps on memory-optimized tables (a migration runs in a transaction, where SQL Server refuses them), and writes nothing', () => {
    const memory = { ...table('cache', { columns: [col('id', 'int')], pk: { ...pk('pk_cache', ['id']), clustered: false, bucketCount: 64 } }), memoryOptimized: { durability: 'SCHEMA_ONLY' as const } };
    expect(() => make(db([memory]), 'create_cache', '2026-01-01T00:00:00Z'))
      .toThrow(/refusing to write the migration: 1 step\(s\) change memory-optimized tables.*schemac apply/);
    expect(loadMigrations(dir, 'migrations').migrations).toHaveLength(0);
  });

  it('--empty-file writes a skeleton whose after.json is the previous state', () => {
    const model = db([table('t', { columns: [col('id', 'int'), col('at', 'datetime2(3)')], defaults: [df('df_t_at', 'at', '(sysutcdatetime())')] })]);
    make(model, 'create_t', '2026-01-01T00:00:00Z');
    const r = make(null, 'backfill_at', '2026-01-02T00:00:00Z', { emptyFile: true });
    expect(r.kind).toBe('written');
    const [before, after] = loadMigrations(dir, 'migrations').migrations;
    expect(diff(after!.state.model, before!.state.model, { allowDrop: true }).steps).toEqual([]);
    expect(after!.state.parent).toBe(before!.id);
    expect(fs.readFileSync(path.join(dir, after!.id, 'up.sql'), 'utf8')).toContain('-- your statements here');
  });
});

describe('integrity', () => {
  it('a migration\'s hash is the one every schemac.sum already holds', () => {
    // Pinned: a change here would make every existing schemac.sum read as edited.
    const files = {
      'up.sql': 'CREATE TABLE [dbo].[t] (a int);\r\nGO\r\n-- café 😀\n',
      'down.sql': 'DROP TABLE [dbo].[t];\n',
      'after.json': '{"format":"schemac.catalog/v1","name":"ü"}\n',
    };
    expect(migrationHash('20260101000000_init', files)).toBe('h1:SWdfxQlw6+4xFscFDJDHhO6vL428OoTrv1zlyQpj2vk=');
    // Read as bytes (as the folder is read), the same files hash the same.
    const bytes = { 'up.sql': Buffer.from(files['up.sql']), 'down.sql': Buffer.from(files['down.sql']), 'after.json': Buffer.from(files['after.json']) };
    expect(migrationHash('20260101000000_init', bytes)).toBe('h1:SWdfxQlw6+4xFscFDJDHhO6vL428OoTrv1zlyQpj2vk=');
  });

  it('bytes that are not valid UTF-8 hash as the text they decode to', () => {
    const broken = Buffer.concat([Buffer.from('-- caf'), Buffer.from([0xe9]), Buffer.from('\n')]);
    const asText = { 'up.sql': broken.toString('utf8'), 'down.sql': '', 'after.json': '{}' };
    expect(migrationHash('20260101000000_x', { ...asText, 'up.sql': broken })).toBe(migrationHash('20260101000000_x', asText));
  });

  it('a hand-edited sum and a missing one are named', () => {
    make(db([orders()]), 'create_orders', '2026-01-01T00:00:00Z');
    const sumFile = path.join(dir, 'schemac.sum');
    fs.writeFileSync(sumFile, fs.readFileSync(sumFile, 'utf8').replace(/^h1:\S+/, 'h1:AAAA'));
    expect(loadMigrations(dir, 'migrations').problems.map((p) => p.kind)).toEqual(['list-hash']);
    fs.rmSync(sumFile);
    expect(loadMigrations(dir, 'migrations').problems.map((p) => p.kind)).toEqual(['no-sum']);
    fs.writeFileSync(sumFile, 'h1:x\nnot a line\n');
    expect(() => loadMigrations(dir, 'migrations')).toThrow(/schemac\.sum:2: expected "<migration id> h1:<hash>"/);
  });

  it('Windows line endings are not an edit', () => {
    const r = make(db([orders()]), 'create_orders', '2026-01-01T00:00:00Z');
    const up = path.join(dir, r.kind === 'written' ? r.id : '', 'up.sql');
    fs.writeFileSync(up, fs.readFileSync(up, 'utf8').replace(/\n/g, '\r\n'));
    expect(loadMigrations(dir, 'migrations').problems).toEqual([]);
  });
});

describe('migrate lint, offline replay', () => {
  it('names a generated statement that up.sql lost, and counts hand-written extras as info', () => {
    make(db([orders()]), 'create_orders', '2026-01-01T00:00:00Z');
    const r = make(db([orders([col('note', 'nvarchar(200)', { nullable: true })])]), 'add_note', '2026-01-02T00:00:00Z');
    const up = path.join(dir, r.kind === 'written' ? r.id : '', 'up.sql');
    const original = fs.readFileSync(up, 'utf8');
    fs.writeFileSync(up, original.replace(/ALTER TABLE \[dbo\]\.\[orders\] ADD \[note\][^\n]*\n/, ''));
    const lost = lintMigrations(dir, 'migrations', new Set([r.kind === 'written' ? r.id : '']), {});
    expect(lost.failed).toBe(true);
    expect(lost.migrations[0]?.scripts.map((f) => f.message).join('\n')).toMatch(/does not lead to its after\.json: it lacks \(or reorders\) step 1, .*note/);
    fs.writeFileSync(up, original.replace('COMMIT TRANSACTION;', "UPDATE [dbo].[orders] SET [note] = N'' WHERE [note] IS NULL;\nGO\nCOMMIT TRANSACTION;"));
    const extra = lintMigrations(dir, 'migrations', null, {});
    expect(extra.migrations[1]?.scripts).toEqual([expect.objectContaining({ severity: 'info', file: 'up.sql' })]);
    // The sum still says the file was edited: that is an error until `migrate hash`.
    expect(extra.failed).toBe(true);
    expect(extra.problems.join('\n')).toContain('was edited after it was generated');
  });
});

describe('the T-SQL migrations add', () => {
  it('passes the independent grammar', () => {
    const text = [
      renderSkeletonScript('up', ['Migration: 20260101000000_x']),
      ...ensureMigrationColumnsSql().map((s) => `${s}\nGO`),
      `${INSERT_MIGRATION_HISTORY_SQL}\nGO`,
      `${APPLIED_MIGRATIONS_SQL}\nGO`,
    ].join('\n');
    expect(expectValidTsql(text).gapsUsed).toEqual([]);
  });
});

describe('apply policy, offline', () => {
  /** The two migrations in the folder, planned up from the first and down from the second, over tables with rows (no data loss allowed). */
  function upAndDown() {
    const loaded = loadMigrations(dir, 'migrations');
    const [m1, m2] = loaded.migrations;
    const withRows = (d: Database): Database => ({ ...d, name: 'app', tables: d.tables.map((t) => ({ ...t, rowCount: 5 })) });
    const upFrom = withRows(m1!.state.model);
    const up = planRun(loaded, migrationsStatus(loaded, [{ id: m1!.id, hash: m1!.folder.hash, direction: 'up' }], upFrom), upFrom,
      { direction: 'up', to: null, allowDrift: false, allowDataLoss: false });
    expect(up.map((u) => u.id)).toEqual([m2!.id]);
    const downFrom = withRows(m2!.state.model);
    const applied = [m1!, m2!].map((m) => ({ id: m.id, hash: m.folder.hash, direction: 'up' as const }));
    const down = planRun(loaded, migrationsStatus(loaded, applied, downFrom), downFrom,
      { direction: 'down', to: m1!.id, allowDrift: false, allowDataLoss: false });
    expect(down.map((u) => `${u.direction} ${u.id}`)).toEqual([`down ${m2!.id}`]);
    return { second: m2!, downSql: down[0]!.statements.map((st) => st.sql).join('\n') };
  }

  it('a declared rename is not data loss, up or down, over tables with rows', () => {
    make(db([orders([col('full_name', 'nvarchar(100)')])]), 'create_orders', '2026-01-01T00:00:00Z');
    make(db([orders([col('display_name', 'nvarchar(100)', { renamedFrom: 'full_name' })])]), 'rename', '2026-01-02T00:00:00Z');
    expect(upAndDown().downSql).toContain("sp_rename N'[dbo].[orders].[display_name]', N'full_name', N'COLUMN'");
  });

  it('a table moved to another schema is recorded like a rename: a transfer up and back down, never data loss', () => {
    const moved = (t: ReturnType<typeof orders>, schema: string, extra: Partial<ReturnType<typeof orders>> = {}) => ({ ...t, schema, ...extra });
    make(db([moved(orders(), 'sales')]), 'create_orders', '2026-01-01T00:00:00Z');
    const written = make(db([moved(orders(), 'archive', { name: 'purchases', renamedFrom: 'orders', renamedFromSchema: 'sales' })]), 'move', '2026-01-02T00:00:00Z');
    expect(written.kind === 'written' && written.plan?.steps.map((st) => st.change.kind)).toEqual(['createSchema', 'transferTable', 'renameTable']);
    const { second, downSql } = upAndDown();
    expect(second.state.hints).toEqual([{ schema: 'archive', table: 'purchases', renamedFrom: 'orders', renamedFromSchema: 'sales' }]);
    expect(downSql.indexOf("sp_rename N'[archive].[purchases]', N'orders', N'OBJECT'")).toBeGreaterThanOrEqual(0);
    expect(downSql.indexOf('ALTER SCHEMA [sales] TRANSFER OBJECT::[archive].[orders];')).toBeGreaterThan(downSql.indexOf("sp_rename N'[archive].[purchases]'"));
  });
});

describe('baseline policy, offline', () => {
  /** Two migrations: orders, then orders with a note column. */
  function twoMigrations() {
    make(db([orders()]), 'create_orders', '2026-01-01T00:00:00Z');
    make(db([orders([col('note', 'nvarchar(200)', { nullable: true })])]), 'add_note', '2026-01-02T00:00:00Z');
    const loaded = loadMigrations(dir, 'migrations');
    const [m1, m2] = loaded.migrations;
    const live = (d: Database): Database => ({ ...d, name: 'app', tables: d.tables.map((t) => ({ ...t, rowCount: 5 })) });
    return { loaded, m1: m1!, m2: m2!, live };
  }

  it('records every migration up to the one whose state the database already is', () => {
    const { loaded, m1, m2, live } = twoMigrations();
    const current = live(m2.state.model);
    expect(planBaseline(loaded, migrationsStatus(loaded, [], current), current, m2.id, false))
      .toEqual([{ id: m1.id, hash: m1.folder.hash }, { id: m2.id, hash: m2.folder.hash }]);
    const older = live(m1.state.model);
    expect(planBaseline(loaded, migrationsStatus(loaded, [], older), older, m1.id, false)).toEqual([{ id: m1.id, hash: m1.folder.hash }]);
  });

  it('refuses a database that is not that state, naming what differs; --allow-drift accepts only objects the migrations do not describe', () => {
    const { loaded, m1, m2, live } = twoMigrations();
    // The database is still the first state: the note column is missing.
    const current = live(m1.state.model);
    expect(() => planBaseline(loaded, migrationsStatus(loaded, [], current), current, m2.id, false))
      .toThrow(/the database is not the state migration \d+_add_note leaves.*1 change\(s\): dbo\.orders: add column note.*nothing was recorded/);
    expect(() => planBaseline(loaded, migrationsStatus(loaded, [], current), current, m2.id, true)).toThrow(/add column note/);
    // An extra table the migrations never made: refused, unless --allow-drift.
    const extra = live(db([...m2.state.model.tables, table('audit', { columns: [col('id', 'int')], pk: pk('pk_audit', ['id']), indexes: [], defaults: [] })]));
    expect(() => planBaseline(loaded, migrationsStatus(loaded, [], extra), extra, m2.id, false)).toThrow(/drop table dbo\.audit.*--allow-drift/);
    expect(planBaseline(loaded, migrationsStatus(loaded, [], extra), extra, m2.id, true).map((e) => e.id)).toEqual([m1.id, m2.id]);
  });

  it('refuses a database with migrations already recorded, and an id not in the folder', () => {
    const { loaded, m1, m2, live } = twoMigrations();
    const current = live(m2.state.model);
    const applied = [{ id: m1.id, hash: m1.folder.hash, direction: 'up' as const }];
    expect(() => planBaseline(loaded, migrationsStatus(loaded, applied, current), current, m2.id, false))
      .toThrow(new RegExp(`already has migrations recorded \\(${m1.id}\\).*use migrate apply`));
    expect(() => planBaseline(loaded, migrationsStatus(loaded, [], current), current, '20990101000000_nope', false)).toThrow(/there is no migration 20990101000000_nope in migrations/);
  });
});
