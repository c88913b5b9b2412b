/**
 * NOT FOR REPLICATION: `notForReplication: true` on an identity column, a @ForeignKey and a
 * @Check compiles to the model's flag; left out (or false) it is absent; on a column without
 * IDENTITY it is SC1104 at the option.
 */
import { compileFiles, where } from './compile-helpers';

const imports = "import { Check, Column, ForeignKey, Table, sql } from 'schemac';\n";

function compile(source: string, typeCheck = false) {
  const files = { 't.schema.ts': `${imports}${source}` };
  const c = compileFiles(files, { typeCheck });
  const found = c.result.diagnostics.map((d) => `${d.code} ${d.source?.file.split('/').pop()}:${d.source?.line}:${d.source?.column}`);
  return { ...c, files, found };
}

describe('NOT FOR REPLICATION compiles to the model', () => {
  it('sets the flag on identity, foreign key and check, and leaves it out otherwise', () => {
    const { result, found } = compile(`
@Table('orders')
export class Order {
  @Column.int({ identity: [1, 1], notForReplication: true, primaryKey: true }) id!: number;
}
@Table('lines')
@ForeignKey('fk_lines_order', ['orderId'], () => Order, ['id'], { onDelete: 'CASCADE', notForReplication: true })
@ForeignKey('fk_lines_other', ['otherId'], () => Order, ['id'], { notForReplication: false })
@Check('ck_lines_qty', sql\`[qty] > 0\`, { notForReplication: true })
@Check('ck_lines_plain', sql\`[qty] < 1000\`)
export class Line {
  @Column.int({ identity: true, primaryKey: true }) id!: number;
  @Column.int() orderId!: number;
  @Column.int() otherId!: number;
  @Column.int() qty!: number;
}`, true); // type-checked: the options are part of the API's types
    expect(found).toEqual([]);
    const orders = result.database.tables.find((t) => t.name === 'orders');
    const lines = result.database.tables.find((t) => t.name === 'lines');
    expect(orders?.columns[0]?.identity).toEqual({ seed: '1', increment: '1', notForReplication: true });
    expect(lines?.columns[0]?.identity).toEqual({ seed: '1', increment: '1' });
    const fk = (name: string) => lines?.foreignKeys.find((f) => f.name === name);
    expect(fk('fk_lines_order')).toMatchObject({ notForReplication: true, onDelete: 'CASCADE' });
    expect(fk('fk_lines_other')).not.toHaveProperty('notForReplication');
    const ck = (name: string) => lines?.checks.find((c) => c.name === name);
    expect(ck('ck_lines_qty')).toMatchObject({ notForReplication: true });
    expect(ck('ck_lines_plain')).not.toHaveProperty('notForReplication');
  });

  it('refuses notForReplication on a column without IDENTITY (SC1104 at the option)', () => {
    const { files, found } = compile(`
@Table('t')
export class T {
  @Column.int({ primaryKey: true, notForReplication: true }) id!: number;
}`);
    expect(found).toEqual([`SC1104 ${where(files, 't.schema.ts', 'true }')}`]);
  });
});
