/**
 * Foreign keys from a schema the plan does not manage into a managed table are read (they are
 * catalog facts) and never dropped: a change SQL Server refuses while one exists (drop the table,
 * drop or alter a referenced column, drop the referenced key) is refused, naming the foreign key;
 * the rest of the plan stands.
 */
import { diff } from '../../src/differ';
import { col, db, fk, ix, pk, table } from '../support/model-builders';
import { describe as describeChange } from './run-case';
import type { Column, Database } from '../../src/model';

const users = (id: Column = col('id', 'int'), extra: Column[] = [col('email', 'varchar(100)')]) =>
  table('users', { columns: [id, ...extra], pk: pk('pk_users', ['id']), rowCount: 5 });
const auditLog = () => table('audit.log', { columns: [col('id', 'int'), col('user_id', 'int')], pk: pk('pk_log', ['id']), fks: [fk('fk_log_user', ['user_id'], 'dbo.users', ['id'])] });
const shared = (u = users()): Database => db([u, auditLog()]);
const plan = (desired: Database, allowDrop = true) => {
  const p = diff(desired, shared(), { allowDrop, managedSchemas: ['dbo'] });
  return { steps: p.steps.map((s) => describeChange(s.change)), refused: (p.refused ?? []).map((r) => `${r.change}: ${r.reason}`) };
};
const REASON = 'audit.fk_log_user references dbo.users(id), from a schema this plan does not manage';

describe('foreign keys from unmanaged schemas', () => {
  test('altering the referenced column is refused, naming the foreign key; other changes stand', () => {
    const p = plan(db([users(col('id', 'bigint'), [col('email', 'varchar(200)')])]));
    expect(p.steps).toEqual(['alterColumn dbo.users.email']);
    // The ALTER and the primary key drop it forces are both refused (the key's re-creation goes with them).
    expect(p.refused).toEqual([expect.stringContaining('drop pk_users: ' + REASON), expect.stringContaining('alter column id: ' + REASON)]);
  });

  test('dropping the referenced table is refused (and nothing else is done to it)', () => {
    const p = plan(db([]));
    expect(p.steps).toEqual([]);
    expect(p.refused).toEqual([expect.stringMatching(/^drop table dbo\.users: audit\.fk_log_user references dbo\.users\(id\).*refuses to drop the table/)]);
  });

  test('re-creating the referenced primary key (clustered -> nonclustered) is refused with its re-creation', () => {
    const desired = db([table('users', { columns: [col('id', 'int'), col('email', 'varchar(100)')], pk: pk('pk_users', ['id'], { clustered: false }), indexes: [ix('ix_users_email', ['email'], { clustered: true })] })]);
    const p = plan(desired);
    expect(p.steps).toEqual(['createIndex dbo.users.ix_users_email']);
    expect(p.refused).toEqual([expect.stringContaining('drop pk_users: ' + REASON)]);
  });

  test('a change nothing references is planned as usual, and the foreign key is never in the plan', () => {
    expect(plan(db([users(col('id', 'int'), [col('email', 'varchar(100)'), col('name', 'varchar(50)', { nullable: true })])]))).toEqual({ steps: ['addColumn dbo.users.name'], refused: [] });
  });
});
