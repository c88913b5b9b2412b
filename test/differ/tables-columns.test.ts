/** Differ cases for schemas, tables and columns: what changes, in what order, with what hazards. */
import { CS, col, db, df, fk, ix, pk, table } from '../support/model-builders';
import { runCase, type DiffCase } from './run-case';

const id = () => col('id', 'int');
const parent = (rows = 0) => table('parent', { columns: [id()], pk: pk('pk_parent', ['id']), rowCount: rows });

const cases: DiffCase[] = [
  {
    name: 'identical models plan nothing',
    current: db([parent()]), desired: db([parent()]), steps: [],
  },
  {
    name: 'column order is not a change',
    current: db([table('t', { columns: [id(), col('a', 'int'), col('b', 'int')] })]),
    desired: db([table('t', { columns: [col('b', 'int'), id(), col('a', 'int')] })]),
    steps: [],
  },
  {
    name: 'names compare case-insensitively under a CI collation',
    current: db([table('Users', { columns: [col('Email', 'varchar(50)')], indexes: [ix('IX_Users_Email', ['Email'])] })]),
    desired: db([table('users', { columns: [col('email', 'varchar(50)')], indexes: [ix('ix_users_email', ['email'])] })]),
    steps: [],
  },
  {
    name: 'names compare case-sensitively under a _CS_ collation',
    current: db([table('Users', { columns: [id()] })], { collation: CS }),
    desired: db([table('users', { columns: [id()] })], { collation: CS }),
    steps: ['createTable dbo.users'],
    skipped: ['table dbo.Users.Users'],
  },
  {
    name: 'new schema and tables: schema first, tables referenced-first, then indexes, FKs last',
    current: db([]),
    desired: db([
      table('sales.a_orders', { columns: [id(), col('customer_id', 'int')], pk: pk('pk_orders', ['id']),
        indexes: [ix('ix_orders_customer', ['customer_id'])], fks: [fk('fk_orders_customer', ['customer_id'], 'b_customers', ['id'])] }),
      table('b_customers', { columns: [id()], pk: pk('pk_customers', ['id']) }),
    ]),
    steps: ['createSchema sales', 'createTable dbo.b_customers', 'createTable sales.a_orders',
      'createIndex sales.a_orders.ix_orders_customer', 'addForeignKey sales.a_orders.fk_orders_customer'],
  },
  {
    name: 'an FK cycle between new tables: both tables first, FKs after',
    current: db([]),
    desired: db([
      table('a', { columns: [id(), col('b_id', 'int', { nullable: true })], pk: pk('pk_a', ['id']), fks: [fk('fk_a_b', ['b_id'], 'b', ['id'])] }),
      table('b', { columns: [id(), col('a_id', 'int', { nullable: true })], pk: pk('pk_b', ['id']), fks: [fk('fk_b_a', ['a_id'], 'a', ['id'])] }),
    ]),
    steps: ['createTable dbo.a', 'createTable dbo.b', 'addForeignKey dbo.a.fk_a_b', 'addForeignKey dbo.b.fk_b_a'],
  },
  {
    name: 'an undeclared table is skipped without --allow-drop',
    current: db([parent(), table('legacy', { columns: [id()] })]), desired: db([parent()]),
    steps: [], skipped: ['table dbo.legacy.legacy'],
  },
  {
    name: 'an undeclared table is dropped with --allow-drop: FKs, indexes, then the table',
    current: db([parent(), table('child', { columns: [id(), col('parent_id', 'int')], rowCount: 5,
      indexes: [ix('ix_child_parent', ['parent_id'])], fks: [fk('fk_child_parent', ['parent_id'], 'parent', ['id'])] })]),
    desired: db([parent()]), allowDrop: true,
    steps: ['dropForeignKey dbo.child.fk_child_parent', 'dropIndex dbo.child.ix_child_parent', 'dropTable dbo.child'],
    hazards: ['dropTable dbo.child: data-loss'],
  },
  {
    name: 'a declared table rename; later steps use the new name',
    current: db([table('person', { columns: [id()] })]),
    desired: db([table('people', { columns: [id()], renamedFrom: 'person', indexes: [ix('ix_people_id', ['id'])] })]),
    steps: ['renameTable dbo.person->people', 'createIndex dbo.people.ix_people_id'],
  },
  {
    name: 'a rename already applied is not repeated',
    current: db([table('people', { columns: [id()] })]),
    desired: db([table('people', { columns: [id()], renamedFrom: 'person' })]),
    steps: [],
  },
  {
    name: 'a declared column rename keeps the index on it',
    current: db([table('t', { columns: [id(), col('mail', 'varchar(50)')], indexes: [ix('ix_t_mail', ['mail'])] })]),
    desired: db([table('t', { columns: [id(), col('email', 'varchar(50)', { renamedFrom: 'mail' })], indexes: [ix('ix_t_mail', ['email'])] })]),
    steps: ['renameColumn dbo.t.mail->email'],
  },
  {
    name: 'a nullable column is added as is',
    current: db([table('t', { columns: [id()], rowCount: 10 })]),
    desired: db([table('t', { columns: [id(), col('note', 'varchar(10)', { nullable: true })] })]),
    steps: ['addColumn dbo.t.note'],
  },
  {
    name: 'a NOT NULL column with a default over rows is one ADD ... NOT NULL CONSTRAINT df DEFAULT (SQL Server fills the rows)',
    current: db([table('t', { columns: [id()], rowCount: 10 })]),
    desired: db([table('t', { columns: [id(), col('status', 'varchar(20)')], defaults: [df('df_t_status', 'status', "'active'")] })]),
    steps: ['addColumn dbo.t.status'],
    noHazards: true,
  },
  {
    name: 'a NOT NULL column with a backfill over rows: add NULL, fill, make NOT NULL, then its default',
    current: db([table('t', { columns: [id()], rowCount: 10 })]),
    desired: db([table('t', { columns: [id(), col('status', 'varchar(20)', { backfill: "'invited'" })], defaults: [df('df_t_status', 'status', "'active'")] })]),
    steps: ['addColumn dbo.t.status', "backfillColumn dbo.t.status='invited'", 'alterColumn dbo.t.status', 'addDefault dbo.t.df_t_status'],
    // The column is new: the down script drops it, so filling it is not irreversible.
    noHazards: true,
  },
  {
    name: 'a NOT NULL column with a default on an empty table is added directly',
    current: db([table('t', { columns: [id()], rowCount: 0 })]),
    desired: db([table('t', { columns: [id(), col('status', 'varchar(20)')], defaults: [df('df_t_status', 'status', "'active'")] })]),
    steps: ['addColumn dbo.t.status', 'addDefault dbo.t.df_t_status'],
  },
  {
    name: 'a NOT NULL column without default over rows is a hazard (SQL Server refuses the ADD)',
    current: db([table('t', { columns: [id()], rowCount: 10 })]),
    desired: db([table('t', { columns: [id(), col('n', 'int')] })]),
    steps: ['addColumn dbo.t.n'], hazards: ['addColumn dbo.t.n: not-null-with-rows'], applies: false,
  },
  {
    name: 'an undeclared column is skipped without --allow-drop',
    current: db([table('t', { columns: [id(), col('old', 'int', { nullable: true })] })]),
    desired: db([table('t', { columns: [id()] })]),
    steps: [], skipped: ['column dbo.t.old'],
  },
  {
    name: 'dropping a column drops its default and index first',
    current: db([table('t', { columns: [id(), col('old', 'int', { nullable: true })], rowCount: 3,
      defaults: [df('df_t_old', 'old', '0')], indexes: [ix('ix_t_old', ['old'])] })]),
    desired: db([table('t', { columns: [id()] })]), allowDrop: true,
    steps: ['dropDefault dbo.t.df_t_old', 'dropIndex dbo.t.ix_t_old', 'dropColumn dbo.t.old'],
    hazards: ['dropColumn dbo.t.old: data-loss'],
  },
  {
    name: 'dropping a NOT NULL column over rows has no inverse',
    current: db([table('t', { columns: [id(), col('old', 'int')], rowCount: 3 })]),
    desired: db([table('t', { columns: [id()] })]), allowDrop: true,
    steps: ['dropColumn dbo.t.old'], hazards: ['dropColumn dbo.t.old: data-loss', 'dropColumn dbo.t.old: irreversible'],
    reversible: false,
  },
  {
    name: 'widening a varchar with a default alters in place (the default blocks neither direction)',
    current: db([table('t', { columns: [id(), col('code', 'varchar(10)')], defaults: [df('df_t_code', 'code', "'x'")] })]),
    desired: db([table('t', { columns: [id(), col('code', 'varchar(40)')], defaults: [df('df_t_code', 'code', "'x'")] })]),
    steps: ['alterColumn dbo.t.code'],
  },
  {
    // SQL Server grows an indexed varchar in place but will not shrink it: the down script's
    // narrowing ALTER needs the index out of the way, so both directions rebuild it.
    name: 'widening a varchar in an index is one ALTER COLUMN up; only the down script rebuilds the index',
    current: db([table('t', { columns: [id(), col('code', 'varchar(10)')], indexes: [ix('ix_t_code', ['code'])] })]),
    desired: db([table('t', { columns: [id(), col('code', 'varchar(40)')], indexes: [ix('ix_t_code', ['code'])] })]),
    steps: ['alterColumn dbo.t.code'],
  },
  {
    name: 'narrowing is data loss and rebuilds the index on it',
    current: db([table('t', { columns: [id(), col('code', 'varchar(40)')], indexes: [ix('ix_t_code', ['code'])] })]),
    desired: db([table('t', { columns: [id(), col('code', 'varchar(10)')], indexes: [ix('ix_t_code', ['code'])] })]),
    steps: ['dropIndex dbo.t.ix_t_code', 'alterColumn dbo.t.code', 'createIndex dbo.t.ix_t_code'],
    hazards: ['alterColumn dbo.t.code: data-loss'],
  },
  {
    name: 'a type change under default, PK and referencing FK: drop blockers, alter, recreate in order',
    current: db([
      table('parent', { columns: [col('id', 'int')], pk: pk('pk_parent', ['id']), defaults: [df('df_parent_id', 'id', '0')], indexes: [ix('ix_parent_id', ['id'], { include: [] })] }),
      table('child', { columns: [id(), col('parent_id', 'int')], fks: [fk('fk_child_parent', ['parent_id'], 'parent', ['id'])] }),
    ]),
    desired: db([
      table('parent', { columns: [col('id', 'bigint')], pk: pk('pk_parent', ['id']), defaults: [df('df_parent_id', 'id', '0')], indexes: [ix('ix_parent_id', ['id'], { include: [] })] }),
      table('child', { columns: [id(), col('parent_id', 'bigint')], fks: [fk('fk_child_parent', ['parent_id'], 'parent', ['id'])] }),
    ]),
    steps: ['dropForeignKey dbo.child.fk_child_parent', 'dropDefault dbo.parent.df_parent_id', 'dropIndex dbo.parent.ix_parent_id',
      'dropPrimaryKey dbo.parent.pk_parent', 'alterColumn dbo.child.parent_id', 'alterColumn dbo.parent.id', 'addDefault dbo.parent.df_parent_id',
      'addPrimaryKey dbo.parent.pk_parent', 'createIndex dbo.parent.ix_parent_id', 'addForeignKey dbo.child.fk_child_parent'],
  },
  {
    name: 'NULL to NOT NULL over rows backfills from the default',
    current: db([table('t', { columns: [id(), col('n', 'int', { nullable: true })], defaults: [df('df_t_n', 'n', '0')], rowCount: 4 })]),
    desired: db([table('t', { columns: [id(), col('n', 'int')], defaults: [df('df_t_n', 'n', '0')] })]),
    steps: ['backfillColumn dbo.t.n=0', 'alterColumn dbo.t.n'],
    // The column existed: on the way down it is NULL-able again, but the filled values stay.
    hazards: ['backfillColumn dbo.t.n=0: irreversible'],
  },
  {
    name: 'NULL to NOT NULL over rows backfills from the declared expression first',
    current: db([table('t', { columns: [id(), col('n', 'int', { nullable: true })], rowCount: 4 })]),
    desired: db([table('t', { columns: [id(), col('n', 'int', { backfill: '42' })] })]),
    steps: ['backfillColumn dbo.t.n=42', 'alterColumn dbo.t.n'],
  },
  {
    name: 'NULL to NOT NULL over rows with nothing to fill is a hazard',
    current: db([table('t', { columns: [id(), col('n', 'int', { nullable: true })], rowCount: 4 })]),
    desired: db([table('t', { columns: [id(), col('n', 'int')] })]),
    steps: ['alterColumn dbo.t.n'], hazards: ['alterColumn dbo.t.n: not-null-with-rows'],
  },
  {
    name: 'a collation change alters the column; the database default written out is no change',
    current: db([table('t', { columns: [id(), col('a', 'varchar(10)'), col('b', 'varchar(10)')] })]),
    desired: db([table('t', { columns: [id(), col('a', 'varchar(10)', { collation: 'Latin1_General_CS_AS' }), col('b', 'varchar(10)', { collation: 'SQL_Latin1_General_CP1_CI_AS' })] })]),
    steps: ['alterColumn dbo.t.a'],
  },
  {
    name: 'an identity change drops and re-adds the column',
    current: db([table('t', { columns: [col('n', 'int'), col('x', 'int', { nullable: true })] })]),
    desired: db([table('t', { columns: [col('n', 'int', { identity: true }), col('x', 'int', { nullable: true })] })]),
    steps: ['dropColumn dbo.t.n', 'addColumn dbo.t.n'], hazards: ['dropColumn dbo.t.n: identity-change'],
  },
  {
    name: 'a computed column change drops and re-adds it',
    current: db([table('t', { columns: [id(), col('c', 'int', { computed: 'id * 2' })] })]),
    desired: db([table('t', { columns: [id(), col('c', 'int', { computed: 'id * 3' })] })]),
    steps: ['dropColumn dbo.t.c', 'addColumn dbo.t.c'],
  },
  {
    name: 'a type with no conversion drops and re-adds the column (and its index)',
    current: db([table('t', { columns: [id(), col('g', 'uniqueidentifier', { nullable: true })], indexes: [ix('ix_t_g', ['g'])], rowCount: 3 })]),
    desired: db([table('t', { columns: [id(), col('g', 'int', { nullable: true })], indexes: [ix('ix_t_g', ['g'])] })]),
    steps: ['dropIndex dbo.t.ix_t_g', 'dropColumn dbo.t.g', 'addColumn dbo.t.g', 'createIndex dbo.t.ix_t_g'],
    hazards: ['dropColumn dbo.t.g: data-loss'],
  },
  {
    name: 'dropping a column of an empty table loses no data',
    current: db([table('t', { columns: [id(), col('g', 'int', { nullable: true })], rowCount: 0 })]),
    desired: db([table('t', { columns: [id()] })]),
    allowDrop: true,
    steps: ['dropColumn dbo.t.g'],
    noHazards: true,
  },
  {
    name: 'a computed column over an altered column is dropped and re-added around the ALTER',
    current: db([table('t', { columns: [id(), col('price', 'decimal(10,2)'), col('total', 'decimal(12,2)', { computed: 'price * 2' })] })]),
    desired: db([table('t', { columns: [id(), col('price', 'decimal(12,2)'), col('total', 'decimal(14,2)', { computed: 'price * 2' })] })]),
    steps: ['dropColumn dbo.t.total', 'alterColumn dbo.t.price', 'addColumn dbo.t.total'],
    // Not persisted: its values are computed when read, so dropping it loses nothing and rewrites nothing.
    noHazards: true,
  },
  {
    name: 'a computed column re-added from the middle of its table comes back last: a column-order hazard (none when it was last)',
    current: db([table('t', { columns: [id(), col('price', 'decimal(10,2)'), col('total', 'decimal(12,2)', { computed: 'price * 2' }), col('note', 'int', { nullable: true })] })]),
    desired: db([table('t', { columns: [id(), col('price', 'decimal(12,2)'), col('total', 'decimal(14,2)', { computed: 'price * 2' }), col('note', 'int', { nullable: true })] })]),
    steps: ['dropColumn dbo.t.total', 'alterColumn dbo.t.price', 'addColumn dbo.t.total'],
    hazards: ['addColumn dbo.t.total: column-order'],
  },
  {
    name: 'a computed column whose expression changes is re-added: no data loss, a rebuild only when persisted and over rows',
    current: db([table('t', { columns: [id(), col('price', 'int'), col('total', 'int', { computed: 'price * 2', persisted: true })], rowCount: 5 })]),
    desired: db([table('t', { columns: [id(), col('price', 'int'), col('total', 'int', { computed: 'price * 3', persisted: true })] })]),
    steps: ['dropColumn dbo.t.total', 'addColumn dbo.t.total'],
    hazards: ['dropColumn dbo.t.total: table-rebuild'],
    noDataLoss: true,
  },
  {
    name: 'the schemac schema is never diffed',
    current: db([table('schemac.history', { columns: [id()] })]), desired: db([]), allowDrop: true, steps: [],
  },
  {
    name: 'an undeclared schema is skipped, or dropped with --allow-drop',
    current: db([], { schemas: ['dbo', 'old'] }), desired: db([]), steps: [], skipped: ['schema old..old'],
  },
  {
    name: 'an undeclared schema is dropped with --allow-drop',
    current: db([], { schemas: ['dbo', 'old'] }), desired: db([]), allowDrop: true, steps: ['dropSchema old'],
  },
];

describe('differ: tables and columns', () => {
  test.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => runCase(c));
});
