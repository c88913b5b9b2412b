/**
 * Ledger tables over the wire (SQL Server 2022): an updatable and an append-only ledger table are
 * created from nothing and planned empty (SQL Server's hidden ledger columns, history table and
 * ledger view stay out of the plan); with rows, a nullable column is added, the history keeps the
 * old versions and the plan is empty again; pull writes the option back and plans nothing; a
 * change of ledger kind is refused by name and apply changes nothing.
 */
import { expectExit, shown } from './support/project';
import { execAll, queryRows } from './support/sqlcmd';
import { e2eTargets } from './real-server';
import { liveSuite } from './support/live-suite';
import { pullPlansNothing } from './support/round-trip';

const FAST = ['--no-type-check'];

const SCHEMA = `import { Column, PrimaryKey, Table } from 'schemac';

@Table('accounts', { ledger: 'updatable' })
@PrimaryKey('pk_accounts', ['id'], { clustered: true })
export class Account {
  @Column.int() id!: number;
  @Column.decimal(10, 2) balance!: number;
}

@Table('audit_events', { ledger: 'append-only' })
export class AuditEvent {
  @Column.int() id!: number;
  @Column.nvarchar(100, { nullable: true }) note!: string | null;
}
`;

for (const spec of e2eTargets()) {
  describe(`ledger tables on the ${spec.name}`, () => {
    const suite = liveSuite(spec, { example: false, dropTables: ['dbo.accounts', 'dbo.audit_events'] });

    it('creates them, adds a nullable column over rows, pulls them, and refuses a kind change', async () => {
      // Ledger tables exist from SQL Server 2022 (16.x) and in Azure SQL (5, 8): an older real server has nothing to test.
      const [server] = await queryRows(suite.target.url, `SELECT CAST(SERVERPROPERTY('ProductMajorVersion') AS int) AS major, CAST(SERVERPROPERTY('EngineEdition') AS int) AS edition`);
      if (Number(server?.major) < 16 && ![5, 8].includes(Number(server?.edition))) return;
      suite.project.write('ledger.schema.ts', SCHEMA);
      expectExit(await suite.project.run(['apply', ...suite.db(), '--auto-approve', ...FAST]), 0);
      await suite.planIsEmpty();
      expect(await queryRows(suite.target.url, `SELECT name, ledger_type_desc FROM sys.tables WHERE name IN (N'accounts', N'audit_events') ORDER BY name`)).toEqual([
        { name: 'accounts', ledger_type_desc: 'UPDATABLE_LEDGER_TABLE' }, { name: 'audit_events', ledger_type_desc: 'APPEND_ONLY_LEDGER_TABLE' },
      ]);
      await execAll(suite.target.url, [
        'INSERT INTO dbo.accounts (id, balance) VALUES (1, 50), (2, 500); INSERT INTO dbo.audit_events (id, note) VALUES (1, N\'opened\');',
        'UPDATE dbo.accounts SET balance = 100 WHERE id = 1;',
      ]);

      suite.project.edit('ledger.schema.ts', '  @Column.decimal(10, 2) balance!: number;\n', '  @Column.decimal(10, 2) balance!: number;\n  @Column.nvarchar(50, { nullable: true }) branch!: string | null;\n');
      const applied = await suite.project.run(['apply', ...suite.db(), '--auto-approve', ...FAST]);
      expectExit(applied, 0);
      expect(shown(applied)).toContain('add column branch nvarchar(50) NULL');
      // An append-only ledger table takes no UPDATE or DELETE: being a heap costs it nothing.
      expect(shown(applied)).not.toContain('heap-table');
      await suite.planIsEmpty();
      const [counts] = await queryRows(suite.target.url, `SELECT (SELECT COUNT(*) FROM dbo.accounts) AS rows_now,
  (SELECT COUNT(*) FROM dbo.accounts_Ledger WHERE ledger_operation_type_desc = N'DELETE') AS old_versions`);
      expect(counts).toEqual({ rows_now: 2, old_versions: 1 });

      await pullPlansNothing(suite, 'accounts.schema.ts', (text) => expect(text).toContain("@Table('accounts', { ledger: 'updatable' })"));

      suite.project.edit('ledger.schema.ts', "{ ledger: 'append-only' }", "{ ledger: 'updatable' }");
      const plan = await suite.project.run(['plan', ...suite.db(), ...FAST]);
      expect(shown(plan)).toMatch(/dbo\.audit_events: make dbo\.audit_events an updatable ledger table: .*SQL Server has no ALTER that turns ledger on or off or changes its kind/);
      expectExit(await suite.project.run(['apply', ...suite.db(), '--auto-approve', ...FAST]), 3);
      expect(await queryRows(suite.target.url, `SELECT ledger_type_desc FROM sys.tables WHERE name = N'audit_events'`)).toEqual([{ ledger_type_desc: 'APPEND_ONLY_LEDGER_TABLE' }]);
    }, 240_000);
  });
}
