/**
 * User alias types (CREATE TYPE dbo.Email FROM nvarchar(320) NOT NULL): created before the tables
 * that use them, dropped after the last column that used them, redefined only when no column
 * uses them, never dropped in an unmanaged schema; columns compare by base type, and a change of
 * the declared type alone is a metadata ALTER COLUMN.
 */
import { diff } from '../../src/differ';
import { renderScript } from '../../src/emitters';
import type { AliasTypeDef, Column, Database } from '../../src/model';
import { col, db, df, pk, table } from '../support/model-builders';
import { expectValidTsql } from '../support/tsql-grammar';
import { describe as describeChange, runCase } from './run-case';

const EMAIL: AliasTypeDef = { schema: 'dbo', name: 'Email', base: { name: 'nvarchar', length: 320 }, nullable: false };
const WIDER: AliasTypeDef = { ...EMAIL, base: { name: 'nvarchar', length: 400 } };
const emailCol = (name: string, def: AliasTypeDef = EMAIL, o: { nullable?: boolean } = {}): Column => ({
  ...col(name, 'int', o), type: { ...def.base, alias: { schema: def.schema, name: def.name } },
});
const withTypes = (d: Database, types: AliasTypeDef[]): Database => ({ ...d, aliasTypes: types });
const users = (email: Column, rowCount = 0) => table('users', { columns: [col('id', 'int'), email], pk: pk('pk_users', ['id']), rowCount });

describe('alias types', () => {
  test('a new type is created before the table that uses it; down drops the table, then the type', () => {
    runCase({
      name: 'create', current: db([]), desired: withTypes(db([users(emailCol('email'))]), [EMAIL]),
      steps: ['createType dbo.Email', 'createTable dbo.users'], noHazards: true,
    });
    const plan = diff(withTypes(db([users(emailCol('email'))]), [EMAIL]), db([]), { allowDrop: false });
    const up = renderScript(plan, { direction: 'up', databaseName: null }).text;
    const down = renderScript(plan, { direction: 'down', databaseName: null }).text;
    expect(up).toContain('CREATE TYPE [dbo].[Email] FROM nvarchar(320) NOT NULL;');
    expect(up).toContain('[email] [dbo].[Email] NOT NULL');
    expect(down.indexOf('DROP TABLE [dbo].[users]')).toBeLessThan(down.indexOf('DROP TYPE [dbo].[Email]'));
    expectValidTsql(up);
    expectValidTsql(down);
    expect(plan.steps.map((s) => s.impact?.rule)).toEqual(['type-ddl', 'create-table']);
  });

  test('an undeclared type is skipped without --allow-drop and dropped after its last column with it', () => {
    const current = withTypes(db([users(emailCol('email'), 5)]), [EMAIL]);
    runCase({ name: 'skip', current, desired: db([users(col('email', 'nvarchar(320)'), 5)]), steps: ['alterColumn dbo.users.email'], skipped: ['type dbo..Email'] });
    runCase({
      name: 'drop', current, desired: db([users(col('email', 'nvarchar(320)'), 5)]), allowDrop: true,
      steps: ['alterColumn dbo.users.email', 'dropType dbo.Email'],
    });
  });

  test('switching a column from its base type to the alias is one metadata ALTER COLUMN (SQL Server records user_type_id)', () => {
    const plan = diff(withTypes(db([users(emailCol('email'), 100)]), [EMAIL]), withTypes(db([users(col('email', 'nvarchar(320)'), 100)]), [EMAIL]), { allowDrop: false });
    expect(plan.steps.map((s) => [describeChange(s.change), s.impact?.rule])).toEqual([['alterColumn dbo.users.email', 'alter-column-metadata']]);
    expect(renderScript(plan, { direction: 'up', databaseName: null }).text).toContain('ALTER COLUMN [email] [dbo].[Email] NOT NULL;');
    expect(renderScript(plan, { direction: 'down', databaseName: null }).text).toContain('ALTER COLUMN [email] nvarchar(320) NOT NULL;');
  });

  test('a column overriding the type nullability is compared as declared', () => {
    runCase({
      name: 'nullable', current: withTypes(db([users(emailCol('email'))]), [EMAIL]),
      desired: withTypes(db([users(emailCol('email', EMAIL, { nullable: true }))]), [EMAIL]),
      steps: ['alterColumn dbo.users.email'],
    });
  });

  test('a type no column uses is redefined: DROP and CREATE TYPE, undone the same way', () => {
    runCase({
      name: 'redefine', current: withTypes(db([users(col('email', 'nvarchar(320)'))]), [EMAIL]),
      desired: withTypes(db([users(col('email', 'nvarchar(320)'))]), [WIDER]),
      steps: ['redefineType dbo.Email'],
    });
  });

  test('a redefinition while columns use the type is refused, naming them, and the columns stay as they are', () => {
    const current = withTypes(db([users(emailCol('email'), 3), table('audit.log', { columns: [col('id', 'int'), emailCol('actor')] })]), [EMAIL]);
    const desired = withTypes(db([users(emailCol('email', WIDER), 3), table('audit.log', { columns: [col('id', 'int'), emailCol('actor', WIDER)] })]), [WIDER]);
    const plan = diff(desired, current, { allowDrop: false });
    expect(plan.steps).toEqual([]);
    expect(plan.refused).toEqual([{
      table: { schema: 'dbo', name: '' }, change: 'redefine type dbo.Email',
      reason: expect.stringMatching(/columns audit\.log\.actor, dbo\.users\.email use it.*Msg 3732.*new alias type/),
    }]);
  });

  test('a redefinition goes through when the plan drops the only column that used the type', () => {
    runCase({
      name: 'redefine after drop', current: withTypes(db([users(emailCol('email'))]), [EMAIL]),
      desired: withTypes(db([table('users', { columns: [col('id', 'int')], pk: pk('pk_users', ['id']) })]), [WIDER]), allowDrop: true,
      steps: ['dropColumn dbo.users.email', 'redefineType dbo.Email'],
    });
  });

  test('a type still used by a column in an unmanaged schema is refused, not dropped; types of unmanaged schemas are never dropped', () => {
    const shared: AliasTypeDef = { ...EMAIL, schema: 'crm', name: 'Phone' };
    const current = withTypes(db([users(col('email', 'nvarchar(320)')), table('crm.contacts', { columns: [col('id', 'int'), emailCol('mail')] })]), [EMAIL, shared]);
    const plan = diff(db([users(col('email', 'nvarchar(320)'))]), current, { allowDrop: true, managedSchemas: ['dbo'] });
    expect(plan.steps).toEqual([]);
    expect(plan.refused).toEqual([expect.objectContaining({ change: 'drop type dbo.Email', reason: expect.stringContaining('crm.contacts.mail') })]);
  });

  test('a default on a column switching to the alias is rebuilt around the ALTER (conservative: the documentation does not say)', () => {
    const t = (email: Column) => table('users', { columns: [col('id', 'int'), email], pk: pk('pk_users', ['id']), defaults: [df('df_users_email', 'email', "(N'x')")] });
    runCase({
      name: 'default', current: withTypes(db([t(col('email', 'nvarchar(320)'))]), [EMAIL]), desired: withTypes(db([t(emailCol('email'))]), [EMAIL]),
      steps: ['dropDefault dbo.users.df_users_email', 'alterColumn dbo.users.email', 'addDefault dbo.users.df_users_email'],
    });
  });
});
