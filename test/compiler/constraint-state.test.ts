/**
 * Checks and foreign keys declared not validated (`validate: false`) or disabled (`enabled:
 * false`) compile to the model's trusted / enabled; `validate: true` beside `enabled: false` is
 * SC1603 at the option, and a value that is not a boolean SC1001.
 */
import { compileOne, where } from './compile-helpers';

const imports = "import { Check, Column, ForeignKey, Table, sql } from 'schemac';\n";

function compile(source: string, typeCheck = false) {
  const files = { 't.schema.ts': `${imports}${source}` };
  return { ...compileOne('t.schema.ts', files['t.schema.ts'], typeCheck), files };
}

describe('validate and enabled compile to the model', () => {
  it('sets trusted and enabled on checks and foreign keys', () => {
    const { result, found } = compile(`
@Table('tenants')
export class Tenant {
  @Column.int({ primaryKey: true }) id!: number;
}
@Table('orders')
@ForeignKey('fk_orders_nocheck', ['tenantId'], () => Tenant, ['id'], { validate: false })
@ForeignKey('fk_orders_off', ['otherId'], () => Tenant, ['id'], { enabled: false })
@ForeignKey('fk_orders_plain', ['thirdId'], () => Tenant, ['id'], { validate: true, enabled: true })
@Check('ck_orders_nocheck', sql\`[qty] > 0\`, { validate: false })
@Check('ck_orders_off', sql\`[qty] < 1000\`, { enabled: false, validate: false })
@Check('ck_orders_plain', sql\`[qty] <> 7\`)
export class Order {
  @Column.int({ primaryKey: true }) id!: number;
  @Column.int() tenantId!: number;
  @Column.int() otherId!: number;
  @Column.int() thirdId!: number;
  @Column.int() qty!: number;
}`, true); // type-checked: the options are part of the API's types
    expect(found).toEqual([]);
    const orders = result.database.tables.find((t) => t.name === 'orders');
    const state = (o: { trusted: boolean; enabled: boolean } | undefined) => (o === undefined ? 'missing' : `${o.trusted ? 'trusted' : 'not trusted'}, ${o.enabled ? 'enabled' : 'disabled'}`);
    const fk = (name: string) => state(orders?.foreignKeys.find((f) => f.name === name));
    const ck = (name: string) => state(orders?.checks.find((c) => c.name === name));
    expect([fk('fk_orders_nocheck'), fk('fk_orders_off'), fk('fk_orders_plain')]).toEqual(['not trusted, enabled', 'not trusted, disabled', 'trusted, enabled']);
    expect([ck('ck_orders_nocheck'), ck('ck_orders_off'), ck('ck_orders_plain')]).toEqual(['not trusted, enabled', 'not trusted, disabled', 'trusted, enabled']);
  });

  it('refuses validate: true on a disabled constraint (SC1603) and a non-boolean (SC1001), at the option', () => {
    const { files, found } = compile(`
@Table('t')
@Check('ck_t_a', sql\`[n] > 0\`, { enabled: false, validate: true })
@Check('ck_t_b', sql\`[n] > 1\`, { validate: 'no' })
export class T {
  @Column.int({ primaryKey: true }) n!: number;
}`);
    expect(found).toEqual([`SC1603 ${where(files, 't.schema.ts', 'true })')}`, `SC1001 ${where(files, 't.schema.ts', "'no'")}`]);
  });
});
