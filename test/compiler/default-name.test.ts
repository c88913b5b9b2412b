/**
 * @DefaultName names a column's DEFAULT constraint, which is df_{table}_{column} otherwise: the
 * way `schemac pull` keeps system-named defaults (DF__users__statu__3B75D760) that the database has.
 */
import { compileFiles, locations, where } from './compile-helpers';

const imports = "import { Column, DefaultName, Index, Mixin, Table, sql } from 'schemac';\n";

const base = `${imports}
@Mixin()
@DefaultName('df_{schema}_{table}_created', 'createdAt')
export abstract class Audited {
  @Column.datetime({ default: sql\`GETDATE()\` }) createdAt!: Date;
  @Column.bit({ default: false, softDelete: true }) isDeleted!: boolean;
}
`;

const users = `${imports}import { Audited } from './audited.schema';
@Table('users')
@DefaultName('DF__users__is_de__38996AB5', 'isDeleted')
@DefaultName('DF__users__statu__3B75D760', 'status')
export class User extends Audited {
  @Column.varchar(20, { default: 'active' }) status!: 'active' | 'invited';
  @Column.int({ default: 0 }) loginCount!: number;
}
`;

const tenants = `${imports}import { Audited } from './audited.schema';
@Table('tenants', { schema: 'core' })
@DefaultName('DF__tenants__is_de__277227D0', 'isDeleted')
export class Tenant extends Audited {
  @Column.nvarchar(100) name!: string;
}
`;

describe('@DefaultName', () => {
  const c = compileFiles({ 'audited.schema.ts': base, 'users.schema.ts': users, 'tenants.schema.ts': tenants });
  const defaults = (table: string): string[] => c.result.database.tables.find((t) => t.name === table)?.defaults.map((d) => `${d.column}: ${d.name}`) ?? [];

  test('type-checks and compiles cleanly (TypeScript check on)', () => {
    expect(c.result.diagnostics).toEqual([]);
  });

  test('names a mixin column\'s default per table; unnamed defaults keep df_{table}_{column}', () => {
    expect(defaults('users')).toEqual([
      'created_at: df_dbo_users_created',
      'is_deleted: DF__users__is_de__38996AB5',
      'status: DF__users__statu__3B75D760',
      'login_count: df_users_login_count',
    ]);
    expect(defaults('tenants')).toEqual([
      'created_at: df_core_tenants_created',
      'is_deleted: DF__tenants__is_de__277227D0',
    ]);
  });

  test('a named default is a name the schema wrote: not system-named, expression unchanged', () => {
    const status = c.result.database.tables.find((t) => t.name === 'users')?.defaults.find((d) => d.column === 'status');
    expect(status).toMatchObject({ isSystemNamed: false, expression: expect.objectContaining({ text: "'active'" }) });
  });

  test('a written default name takes part in the name checks: two constraints of one name are SC1201', () => {
    const source = `${imports}@Table('t') @Index('same', ['a']) @DefaultName('same', 'a') @DefaultName('same', 'b')
export class T { @Column.int({ default: 1 }) a!: number; @Column.int({ default: 2 }) b!: number; }
`;
    const r = compileFiles({ 't.schema.ts': source }, { typeCheck: false });
    // An index and a constraint live in different SQL Server namespaces; two constraints do not.
    expect(locations(r.result.diagnostics, 'SC1201')).toEqual([where(r.files, 't.schema.ts', "'same'", 2)]);
    expect(r.result.diagnostics.map((d) => d.code)).toEqual(['SC1201']);
  });

  test('a written default name over 128 characters is SC1203 at the name', () => {
    const long = 'd'.repeat(129);
    const r = compileFiles({ 't.schema.ts': `${imports}@Table('t') @DefaultName('${long}', 'a')\nexport class T { @Column.int({ default: 1 }) a!: number; }\n` }, { typeCheck: false });
    expect(locations(r.result.diagnostics, 'SC1203')).toEqual([where(r.files, 't.schema.ts', `'${long}'`)]);
  });

  test('a default refused for its own reason is not reported again as having no default', () => {
    const r = compileFiles({ 't.schema.ts': `${imports}@Table('t') @DefaultName('df_x', 'a')\nexport class T { @Column.int({ default: 'zero' }) a!: number; }\n` }, { typeCheck: false });
    expect(r.result.diagnostics.map((d) => d.code)).toEqual(['SC1104']);
  });
});
