/**
 * Issue 16: versioned migrations over the wire. Three migrations made one after another from
 * three schema edits, applied to an empty database, checked with plan and status, undone to the
 * first; then every refusal (edited, reordered, two branches, drift, a newer database) and a
 * failure in migration 2 of 3, each observed in the catalog and the history table.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { schemac, type CliRun } from '../cli/run-cli';
import { comparable, snapshotOf, type ComparableCatalog } from './support/catalog-compare';
import { expectExit, shown, tempProject, type TempProject } from './support/project';
import { execAll, queryRows } from './support/sqlcmd';
import { expectValidTsql } from '../support/tsql-grammar';
import { e2eTargets, type LiveTarget } from './real-server';

const FAST = '--no-type-check';

const ORDERS_V1 = `import { Column, Table } from 'schemac';

@Table('orders')
export class Order {
  @Column.int({ identity: [1, 1], primaryKey: { name: 'pk_orders', clustered: true } })
  id!: number;

  @Column.varchar(20)
  code!: string;

  @Column.int({ default: 0 })
  quantity!: number;
}
`;

/** Second edit: a nullable column and a unique index. */
const ORDERS_V2 = ORDERS_V1
  .replace("import { Column, Table } from 'schemac';", "import { Column, Index, Table } from 'schemac';")
  .replace("@Table('orders')", "@Table('orders')\n@Index('ix_orders_code', ['code'], { unique: true })")
  .replace('  quantity!: number;\n', '  quantity!: number;\n\n  @Column.nvarchar(200, { nullable: true })\n  note!: string | null;\n');

/** Third edit: a new table with a derived CHECK and a default. */
const CUSTOMERS = `import { Column, Table } from 'schemac';

export type CustomerStatus = 'active' | 'closed';

@Table('customers')
export class Customer {
  @Column.int({ identity: [1, 1], primaryKey: { name: 'pk_customers', clustered: true } })
  id!: number;

  @Column.nvarchar(100)
  name!: string;

  @Column.varchar(10, { default: 'active' })
  status!: CustomerStatus;
}
`;

/** A copy of a project folder (schema and migrations), to break without touching the original. */
function copyOf(dir: string): { dir: string; run(args: string[]): Promise<CliRun>; remove(): void } {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'schemac-migrate-'));
  fs.cpSync(dir, copy, { recursive: true });
  return { dir: copy, run: (args) => schemac(args, { cwd: copy, env: {} }), remove: () => fs.rmSync(copy, { recursive: true, force: true }) };
}

function migrationIds(dir: string): string[] {
  return fs.readdirSync(path.join(dir, 'migrations')).filter((n) => /^\d{14}_/.test(n)).sort();
}

for (const spec of e2eTargets()) {
  describe(`schemac migrate on the ${spec.name}`, () => {
    let target: LiveTarget;
    let project: TempProject;
    let ids: string[] = [];
    const db = (): string[] => ['--database', target.url];
    const snapshot = async (): Promise<ComparableCatalog> => comparable(snapshotOf(await project.run(['snapshot', ...db()])));
    const tables = async (): Promise<string[]> => (await queryRows(target.url, "SELECT SCHEMA_NAME(schema_id) + '.' + name AS t FROM sys.tables WHERE SCHEMA_NAME(schema_id) <> 'schemac' ORDER BY 1"))
      .map((r) => String(r.t));
    const recorded = async (): Promise<string[]> => {
      const rows = await queryRows(target.url, "IF OBJECT_ID(N'[schemac].[applied_plans]', N'U') IS NOT NULL AND COL_LENGTH(N'[schemac].[applied_plans]', N'migration_id') IS NOT NULL EXEC(N'SELECT [migration_id], [migration_direction] FROM [schemac].[applied_plans] WHERE [migration_id] IS NOT NULL ORDER BY [applied_at]')");
      return rows.map((r) => `${String(r.migration_direction)} ${String(r.migration_id)}`);
    };
    const resetDatabase = () => execAll(target.url, [
      "IF OBJECT_ID(N'[dbo].[customers]', N'U') IS NOT NULL DROP TABLE [dbo].[customers];",
      "IF OBJECT_ID(N'[dbo].[orders]', N'U') IS NOT NULL DROP TABLE [dbo].[orders];",
      "IF OBJECT_ID(N'[schemac].[applied_plans]', N'U') IS NOT NULL DROP TABLE [schemac].[applied_plans];",
    ]);
    const newMigration = async (name: string): Promise<void> => expectExit(await project.run(['migrate', 'new', name, FAST]), 0);

    beforeAll(async () => {
      target = await spec.start();
      project = tempProject(false);
      project.write('orders.schema.ts', ORDERS_V1);
      await newMigration('create_orders');
      project.write('orders.schema.ts', ORDERS_V2);
      await newMigration('add_note_and_code_index');
      project.write('customers.schema.ts', CUSTOMERS);
      await newMigration('add_customers');
      ids = migrationIds(project.dir);
    }, 240_000);

    beforeEach(() => resetDatabase());

    afterAll(async () => {
      project?.remove();
      await target?.stop();
    });

    it('writes one migration per schema edit, each after the last, and nothing when the schema is unchanged', async () => {
      expect(ids).toHaveLength(3);
      expect(ids.map((id) => id.slice(15))).toEqual(['create_orders', 'add_note_and_code_index', 'add_customers']);
      const again = await project.run(['migrate', 'new', 'nothing', FAST]);
      expectExit(again, 0);
      expect(again.stdout).toMatch(/^No changes: .*nothing was written\.$/m);
      expect(migrationIds(project.dir)).toEqual(ids);
      // Every script schemac wrote goes through the independent T-SQL grammar.
      const scripts = ids.flatMap((id) => ['up.sql', 'down.sql'].map((f) => fs.readFileSync(path.join(project.dir, 'migrations', id, f), 'utf8')));
      expect(expectValidTsql(scripts.join('\n')).gapsUsed).toEqual([]);
      const lint = await project.run(['migrate', 'lint']);
      expectExit(lint, 0);
      expect(lint.stdout).toContain('3 migration(s) checked (all migrations); no errors');
    }, 120_000);

    it('applies all three to an empty database; plan is then empty, status shows none pending, and down --to the first restores its state exactly', async () => {
      expectExit(await project.run(['migrate', 'status', '--detailed-exitcode', ...db()]), 2);
      expectExit(await project.run(['migrate', 'apply', ...db(), '--to', ids[0]!]), 0);
      await execAll(target.url, ["INSERT INTO [dbo].[orders] ([code], [quantity]) VALUES ('a-1', 2), ('a-2', 5);"]);
      const first = await snapshot();

      const apply = await project.run(['migrate', 'apply', ...db()]);
      expectExit(apply, 0);
      expect(apply.stdout).toContain(`Applied ${ids[1]}`);
      expect(apply.stdout).toContain(`Applied ${ids[2]}`);
      expect(await tables()).toEqual(['dbo.customers', 'dbo.orders']);
      const plan = await project.run(['plan', ...db(), '--detailed-exitcode', FAST]);
      if (plan.code !== 0) throw new Error(`plan after migrate apply: ${shown(plan)}`);
      const status = await project.run(['migrate', 'status', ...db()]);
      expectExit(status, 0);
      expect(status.stdout).toContain('3 applied, 0 pending.');
      expect(status.stdout).toContain('No drift');
      expectExit(await project.run(['migrate', 'status', '--detailed-exitcode', ...db()]), 0);
      expectExit(await project.run(['migrate', 'apply', ...db()]), 0);

      // Undoing migration 2 drops the note column of a table with rows: a data-loss refusal first.
      const refused = await project.run(['migrate', 'down', '--to', ids[0]!, ...db()]);
      expectExit(refused, 3);
      expect(refused.stderr).toMatch(/refusing to undo: .*--allow-data-loss/);
      const down = await project.run(['migrate', 'down', '--to', ids[0]!, '--allow-data-loss', ...db()]);
      expectExit(down, 0);
      expect(down.stdout).toContain(`Undid ${ids[2]}`);
      expect(down.stdout.indexOf(`Undid ${ids[2]}`)).toBeLessThan(down.stdout.indexOf(`Undid ${ids[1]}`));
      expect(await snapshot()).toEqual(first);
      const after = await project.run(['migrate', 'status', ...db()]);
      expect(after.stdout).toContain('1 applied, 2 pending.');
      expect(await recorded()).toEqual([`up ${ids[0]}`, `up ${ids[1]}`, `up ${ids[2]}`, `down ${ids[2]}`, `down ${ids[1]}`]);
    }, 240_000);

    it('a database made before migrations joins them with migrate baseline, once it is checked to be the state recorded', async () => {
      // Made without migrations: the first two applied, then their history dropped (as a database
      // restored from elsewhere, or built by hand, has none).
      expectExit(await project.run(['migrate', 'apply', ...db(), '--to', ids[1]!]), 0);
      await execAll(target.url, [
        "INSERT INTO [dbo].[orders] ([code], [quantity], [note]) VALUES ('b-1', 3, N'kept');",
        'DROP TABLE [schemac].[applied_plans];',
      ]);
      const drifted = await project.run(['migrate', 'apply', ...db()]);
      expectExit(drifted, 3);
      expect(drifted.stderr).toContain('the database drifted from an empty database');

      // Not the third migration's state (no customers table): refused, nothing recorded.
      const wrong = await project.run(['migrate', 'baseline', ids[2]!, ...db()]);
      expectExit(wrong, 3);
      expect(wrong.stderr).toMatch(/the database is not the state migration \S+_add_customers leaves.*create table dbo\.customers.*nothing was recorded/);
      expect(await recorded()).toEqual([]);

      const base = await project.run(['migrate', 'baseline', ids[1]!, ...db()]);
      expectExit(base, 0);
      expect(base.stdout).toContain(`Recorded 2 migration(s) as applied`);
      expect(await recorded()).toEqual([`up ${ids[0]}`, `up ${ids[1]}`]);
      const status = await project.run(['migrate', 'status', ...db()]);
      expect(status.stdout).toContain('2 applied, 1 pending.');
      expect(status.stdout).toContain('No drift');

      // From there the pending migration runs as usual; the rows were never touched.
      const apply = await project.run(['migrate', 'apply', ...db()]);
      expectExit(apply, 0);
      expect(apply.stdout).toContain(`Applied ${ids[2]}`);
      expect(await queryRows(target.url, 'SELECT [code], [note] FROM [dbo].[orders]')).toEqual([{ code: 'b-1', note: 'kept' }]);
      const again = await project.run(['migrate', 'baseline', ids[1]!, ...db()]);
      expectExit(again, 3);
      expect(again.stderr).toContain('already has migrations recorded');
    }, 240_000);

    describe('a failure in migration 2 of 3', () => {
      let broken: ReturnType<typeof copyOf>;
      beforeAll(async () => {
        broken = copyOf(project.dir);
        const up = path.join(broken.dir, 'migrations', ids[1]!, 'up.sql');
        // A hand-written data fix that fails on any server: NULL into a NOT NULL column (Msg 515).
        fs.writeFileSync(up, fs.readFileSync(up, 'utf8').replace('BEGIN TRANSACTION;\nGO\n', "BEGIN TRANSACTION;\nGO\nINSERT INTO [dbo].[orders] ([code]) VALUES (NULL);\nGO\n"));
        expectExit(await broken.run(['migrate', 'hash']), 0);
      });
      afterAll(() => broken.remove());

      it('leaves migration 1 applied and recorded, 2 and 3 not', async () => {
        const apply = await broken.run(['migrate', 'apply', ...db()]);
        expectExit(apply, 1);
        expect(apply.stderr).toContain(`migration ${ids[1]} (up) failed`);
        expect(apply.stderr).toContain('515');
        expect(apply.stderr).toContain(`${ids[0]} stays applied and recorded`);
        expect(await tables()).toEqual(['dbo.orders']);
        expect(await recorded()).toEqual([`up ${ids[0]}`]);
        const status = await broken.run(['migrate', 'status', ...db()]);
        expect(status.stdout).toContain('1 applied, 2 pending.');
        expect(status.stdout).toContain('No drift');
      }, 120_000);

      it('with --tx-mode all, leaves nothing', async () => {
        const apply = await broken.run(['migrate', 'apply', '--tx-mode', 'all', ...db()]);
        expectExit(apply, 1);
        expect(apply.stdout).not.toContain('Applied');
        expect(apply.stderr).toContain('every migration of this run was rolled back');
        expect(await tables()).toEqual([]);
        expect(await recorded()).toEqual([]);
      }, 120_000);
    });

    it('a migration whose statements do not lead to its after.json is rolled back before COMMIT', async () => {
      const c = copyOf(project.dir);
      try {
        const up = path.join(c.dir, 'migrations', ids[1]!, 'up.sql');
        const text = fs.readFileSync(up, 'utf8');
        // Hand-edited (and re-hashed): the unique index after.json records is no longer created.
        const edited = text.replace(/-- step \d+: [^\n]*ix_orders_code[^\n]*\n(?:-- lock: [^\n]*\n)?CREATE UNIQUE[^\n]*\nGO\n/, '');
        expect(edited).not.toBe(text);
        fs.writeFileSync(up, edited);
        expectExit(await c.run(['migrate', 'hash']), 0);
        const apply = await c.run(['migrate', 'apply', ...db()]);
        expectExit(apply, 1);
        expect(apply.stderr).toContain(`migration ${ids[1]} (up) failed`);
        expect(apply.stderr).toContain('is not the state its after.json records');
        expect(apply.stderr).toContain('ix_orders_code');
        expect(await tables()).toEqual(['dbo.orders']);
        expect(await recorded()).toEqual([`up ${ids[0]}`]);
      } finally {
        c.remove();
      }
    }, 120_000);

    it('a hand-added dedupe (CTE + ROW_NUMBER) before the unique index lets migration 2 apply over duplicate codes', async () => {
      expectExit(await project.run(['migrate', 'apply', '--to', ids[0]!, ...db()]), 0);
      await execAll(target.url, ["INSERT INTO [dbo].[orders] ([code], [quantity]) VALUES ('a-1', 1), ('b-1', 2), ('a-1', 3), ('c-1', 4), ('b-1', 5);"]);
      const c = copyOf(project.dir);
      try {
        // Without the dedupe, CREATE UNIQUE INDEX finds duplicate keys and migration 2 fails.
        const failed = await c.run(['migrate', 'apply', ...db()]);
        expectExit(failed, 1);
        expect(failed.stderr).toContain(`migration ${ids[1]} (up) failed`);
        const up = path.join(c.dir, 'migrations', ids[1]!, 'up.sql');
        const dedupe = 'WITH d AS (SELECT [id], ROW_NUMBER() OVER (PARTITION BY [code] ORDER BY [id]) AS rn FROM [dbo].[orders])\nDELETE FROM d WHERE rn > 1;\nGO\n';
        fs.writeFileSync(up, fs.readFileSync(up, 'utf8').replace('BEGIN TRANSACTION;\nGO\n', `BEGIN TRANSACTION;\nGO\n${dedupe}`));
        expectExit(await c.run(['migrate', 'hash']), 0);
        expectExit(await c.run(['migrate', 'apply', ...db()]), 0);
        expect(await queryRows(target.url, 'SELECT [id], [code] FROM [dbo].[orders] ORDER BY [id]')).toEqual([{ id: 1, code: 'a-1' }, { id: 2, code: 'b-1' }, { id: 4, code: 'c-1' }]);
        expect(await recorded()).toEqual([`up ${ids[0]}`, `up ${ids[1]}`, `up ${ids[2]}`]);
      } finally {
        c.remove();
      }
    }, 120_000);

    describe('refusals (exit 3, nothing changed)', () => {
      const copies: ReturnType<typeof copyOf>[] = [];
      const copy = () => { const c = copyOf(project.dir); copies.push(c); return c; };
      afterAll(() => copies.forEach((c) => c.remove()));

      it('an edited migration file', async () => {
        const c = copy();
        fs.appendFileSync(path.join(c.dir, 'migrations', ids[1]!, 'up.sql'), 'DROP TABLE [dbo].[orders];\nGO\n');
        const apply = await c.run(['migrate', 'apply', ...db()]);
        expectExit(apply, 3);
        expect(apply.stderr).toContain(`migration ${ids[1]} was edited after it was generated`);
        expect(apply.stderr).toContain('schemac migrate hash');
        expect(await tables()).toEqual([]);
        expectExit(await c.run(['migrate', 'new', 'more', FAST]), 3);
        // migrate lint names the edit and, offline, that up.sql no longer leads to after.json.
        expectExit(await c.run(['migrate', 'lint']), 1);
      }, 120_000);

      it('a migration edited (and re-hashed) after it was applied', async () => {
        expectExit(await project.run(['migrate', 'apply', ...db()]), 0);
        const c = copy();
        fs.appendFileSync(path.join(c.dir, 'migrations', ids[1]!, 'up.sql'), '-- tidied up\n');
        expectExit(await c.run(['migrate', 'hash']), 0);
        const apply = await c.run(['migrate', 'apply', ...db()]);
        expectExit(apply, 3);
        expect(apply.stderr).toContain(`${ids[1]} were edited after they were applied to this database`);
      }, 120_000);

      it('a reordered migration', async () => {
        const c = copy();
        const moved = `${ids[0]!.slice(0, 14)}_zz_moved`;
        fs.renameSync(path.join(c.dir, 'migrations', ids[2]!), path.join(c.dir, 'migrations', moved));
        const apply = await c.run(['migrate', 'apply', ...db()]);
        expectExit(apply, 3);
        expect(apply.stderr).toContain(`migration ${moved} is not in`);
        expect(apply.stderr).toContain(`migration ${moved} was made after ${ids[1]}`);
        expect(await tables()).toEqual([]);
      }, 120_000);

      it('two branches that each added a migration after the same one', async () => {
        const branchA = copy();
        const branchB = copy();
        fs.writeFileSync(path.join(branchA.dir, 'schema', 'customers.schema.ts'), CUSTOMERS.replace('  status!: CustomerStatus;\n', '  status!: CustomerStatus;\n\n  @Column.varchar(30, { nullable: true })\n  phone!: string | null;\n'));
        fs.writeFileSync(path.join(branchB.dir, 'schema', 'customers.schema.ts'), CUSTOMERS.replace('  status!: CustomerStatus;\n', '  status!: CustomerStatus;\n\n  @Column.varchar(200, { nullable: true })\n  email!: string | null;\n'));
        expectExit(await branchA.run(['migrate', 'new', 'add_phone', FAST]), 0);
        expectExit(await branchB.run(['migrate', 'new', 'add_email', FAST]), 0);
        // The merge: B's migration lands next to A's, and someone re-hashes to quiet the sum.
        const fromB = migrationIds(branchB.dir).at(-1)!;
        fs.cpSync(path.join(branchB.dir, 'migrations', fromB), path.join(branchA.dir, 'migrations', fromB), { recursive: true });
        expectExit(await branchA.run(['migrate', 'hash']), 0);
        const merged = migrationIds(branchA.dir);
        expect(merged).toHaveLength(5);
        const [first, second] = merged.slice(3);
        const apply = await branchA.run(['migrate', 'apply', ...db()]);
        expectExit(apply, 3);
        expect(apply.stderr).toContain(`migration ${second} was made after ${ids[2]}, like ${first} (two branches each added a migration)`);
        expect(apply.stderr).toContain('then `schemac migrate new` again');
        expect(await tables()).toEqual([]);
        expectExit(await branchA.run(['migrate', 'new', 'more', FAST]), 3);
      }, 180_000);

      it('a drifted database (unless --allow-drift)', async () => {
        expectExit(await project.run(['migrate', 'apply', '--to', ids[0]!, ...db()]), 0);
        await execAll(target.url, ['ALTER TABLE [dbo].[orders] ADD [hotfix] INT NULL;']);
        const apply = await project.run(['migrate', 'apply', ...db()]);
        expectExit(apply, 3);
        expect(apply.stderr).toContain(`the database drifted from the state migration ${ids[0]} left`);
        expect(apply.stderr).toContain('--allow-drift');
        expect(await tables()).toEqual(['dbo.orders']);
        const status = await project.run(['migrate', 'status', ...db()]);
        expect(status.stdout).toContain('DRIFT');
        expect(status.stdout).toContain('hotfix');
        expectExit(await project.run(['migrate', 'apply', '--allow-drift', ...db()]), 0);
        expect(await tables()).toEqual(['dbo.customers', 'dbo.orders']);
      }, 120_000);

      it('a database newer than the files', async () => {
        expectExit(await project.run(['migrate', 'apply', ...db()]), 0);
        const c = copy();
        fs.rmSync(path.join(c.dir, 'migrations', ids[2]!), { recursive: true });
        expectExit(await c.run(['migrate', 'hash']), 0);
        const apply = await c.run(['migrate', 'apply', ...db()]);
        expectExit(apply, 3);
        expect(apply.stderr).toContain(`the database has migration(s) ${ids[2]} applied that are not in migrations: it is newer than these files`);
      }, 120_000);
    });
  });
}
