/**
 * Memory-optimized tables over the wire (the stand-in: a real server needs a folder for the
 * MEMORY_OPTIMIZED_DATA filegroup's container, which a test cannot choose): apply is refused
 * before any SQL runs while the database has no such filegroup; a table made by hand with rows
 * is pulled and planned empty; a new hash index and a changed bucket count apply (after COMMIT,
 * through ALTER TABLE), plan empty after; the DOWN script restores the catalog; the rows stay.
 */
import * as fs from 'fs';
import * as path from 'path';
import { expectExit, shown } from './support/project';
import { execAll, queryRows } from './support/sqlcmd';
import { standinSuite } from './support/live-suite';
import { migrateAndBack } from './support/migrate-and-back';

const FAST = ['--no-type-check'];

const SESSIONS = `CREATE TABLE dbo.sessions (
  id int NOT NULL CONSTRAINT pk_sessions PRIMARY KEY NONCLUSTERED HASH WITH (BUCKET_COUNT = 1000),
  user_id int NOT NULL,
  started_at datetime2(3) NOT NULL,
  INDEX ix_sessions_user HASH (user_id) WITH (BUCKET_COUNT = 64)
) WITH (MEMORY_OPTIMIZED = ON, DURABILITY = SCHEMA_AND_DATA);`;

describe('memory-optimized tables on the stand-in', () => {
  const suite = standinSuite({ example: false, dropTables: ['dbo.sessions'] });

  it('refuses without the filegroup, pulls a table with rows, changes its hash indexes and back', async () => {
    suite.project.write('sessions.schema.ts', `import { Column, Table } from 'schemac';
@Table('sessions', { memoryOptimized: true })
export class Session {
  @Column.int({ primaryKey: { bucketCount: 1000 } }) id!: number;
}
`);
    const refused = await suite.project.run(['apply', ...suite.db(), '--auto-approve', ...FAST]);
    expect(refused.code).toBe(1);
    expect(shown(refused)).toMatch(/no MEMORY_OPTIMIZED_DATA filegroup \(sys\.data_spaces type FX\); add one first/);
    fs.rmSync(path.join(suite.project.dir, 'schema', 'sessions.schema.ts'));

    await execAll(suite.target.url, [
      'ALTER DATABASE CURRENT ADD FILEGROUP mem_fg CONTAINS MEMORY_OPTIMIZED_DATA;',
      SESSIONS,
      "INSERT INTO dbo.sessions (id, user_id, started_at) VALUES (1, 10, '2026-01-01'), (2, 20, '2026-01-02'), (3, 10, '2026-01-03');",
    ]);
    expectExit(await suite.project.run(['pull', ...suite.db(), '--out', 'schema', '--force']), 0);
    const file = path.join(suite.project.dir, 'schema', fs.readdirSync(path.join(suite.project.dir, 'schema')).find((f) => f.startsWith('session')) as string);
    const pulled = fs.readFileSync(file, 'utf8');
    expect(pulled).toContain("@Table('sessions', { memoryOptimized: true })");
    expect(pulled).toContain('bucketCount: 1024');
    await suite.planIsEmpty();

    // A new hash index, and the user index's bucket count from 64 to 5000 (stored 8192).
    fs.writeFileSync(file, pulled
      .replace('bucketCount: 64', 'bucketCount: 5000')
      .replace('export class', "@Index('ix_sessions_started', ['startedAt'], { bucketCount: 256 })\nexport class")
      .replace(/import \{ ([^}]*) \} from 'schemac';/, (_m, names: string) => `import { ${[...new Set([...names.split(', '), 'Index'])].sort().join(', ')} } from 'schemac';`));
    const { after, up, down } = await migrateAndBack(suite);
    expect(up.indexOf('COMMIT TRANSACTION;')).toBeLessThan(up.indexOf('ALTER TABLE [dbo].[sessions] ADD INDEX [ix_sessions_started] NONCLUSTERED HASH ([started_at]) WITH (BUCKET_COUNT = 256);'));
    expect(up).toContain('ALTER TABLE [dbo].[sessions] ALTER INDEX [ix_sessions_user] REBUILD WITH (BUCKET_COUNT = 5000);');
    expect(down.indexOf('ALTER TABLE [dbo].[sessions] DROP INDEX [ix_sessions_started];')).toBeLessThan(down.indexOf('BEGIN TRANSACTION;'));
    expect(after.indexes).toContainEqual(expect.objectContaining({ table: 'dbo.sessions', name: 'ix_sessions_user', type_desc: 'NONCLUSTERED HASH', bucket_count: 8192 }));
    expect(await queryRows(suite.target.url, 'SELECT COUNT(*) AS n FROM dbo.sessions')).toEqual([{ n: 3 }]);
  }, 240_000);
});
