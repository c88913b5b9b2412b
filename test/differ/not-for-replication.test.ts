/**
 * NOT FOR REPLICATION in the differ, table-driven: an identity's flag changes in place (ALTER
 * COLUMN ADD | DROP NOT FOR REPLICATION), a check's or foreign key's by drop and re-create; each
 * plan converges and its down script restores the fingerprint exactly. A column re-added for
 * another reason (an identity seed change) keeps the flag.
 */
import { ck, col, db, fk, pk, table } from '../support/model-builders';
import { runCase, type DiffCase } from './run-case';
import { diff } from '../../src/differ';
import type { CheckConstraint, Column, ForeignKey, Table } from '../../src/model';

const nfrId = (seed = '1'): Column => col('id', 'int', { identity: { seed, increment: '1', notForReplication: true } });
const plainId = col('id', 'int', { identity: true });
const qty = col('qty', 'int');
const orderId = col('order_id', 'int');
const nfr = <T extends CheckConstraint | ForeignKey>(o: T): T => ({ ...o, notForReplication: true });

const orders = (id: Column = plainId): Table => table('orders', { columns: [id], pk: pk('pk_orders', ['id']), rowCount: 10 });
const lines = (p: { check?: CheckConstraint; fk?: ForeignKey } = {}): Table => table('lines', {
  columns: [col('id', 'int'), orderId, qty], pk: pk('pk_lines', ['id']), rowCount: 10,
  checks: [p.check ?? ck('ck_lines_qty', '[qty] > 0')],
  fks: [p.fk ?? fk('fk_lines_order', ['order_id'], 'orders', ['id'])],
});

const cases: DiffCase[] = [
  {
    name: 'identity NOT FOR REPLICATION on: one in-place ALTER COLUMN ADD, no hazard',
    current: db([orders(), lines()]),
    desired: db([orders(nfrId()), lines()]),
    steps: ['setNotForReplication dbo.orders.id=NOT FOR REPLICATION'],
    noHazards: true,
  },
  {
    name: 'identity NOT FOR REPLICATION off: DROP in place',
    current: db([orders(nfrId()), lines()]),
    desired: db([orders(), lines()]),
    steps: ['setNotForReplication dbo.orders.id=for replication'],
    noHazards: true,
  },
  {
    name: 'check NOT FOR REPLICATION on: drop and re-create (no ALTER CONSTRAINT)',
    current: db([orders(), lines()]),
    desired: db([orders(), lines({ check: nfr(ck('ck_lines_qty', '[qty] > 0')) })]),
    steps: ['dropCheck dbo.lines.ck_lines_qty', 'addCheck dbo.lines.ck_lines_qty'],
  },
  {
    name: 'foreign key NOT FOR REPLICATION off: drop and re-create',
    current: db([orders(), lines({ fk: nfr(fk('fk_lines_order', ['order_id'], 'orders', ['id'])) })]),
    desired: db([orders(), lines()]),
    steps: ['dropForeignKey dbo.lines.fk_lines_order', 'addForeignKey dbo.lines.fk_lines_order'],
  },
  {
    name: 'an untrusted foreign key gaining the flag: re-created checked',
    current: db([orders(), lines({ fk: fk('fk_lines_order', ['order_id'], 'orders', ['id'], { trusted: false }) })]),
    desired: db([orders(), lines({ fk: nfr(fk('fk_lines_order', ['order_id'], 'orders', ['id'])) })]),
    steps: ['dropForeignKey dbo.lines.fk_lines_order', 'addForeignKey dbo.lines.fk_lines_order'],
    // The down script's WITH NOCHECK ADD keeps it untrusted (test/emitters/not-for-replication.test.ts).
  },
  {
    name: 'an identity re-added for a new seed keeps NOT FOR REPLICATION',
    current: db([orders(nfrId('1'))]),
    desired: db([orders(nfrId('100'))]),
    steps: ['dropPrimaryKey dbo.orders.pk_orders', 'dropColumn dbo.orders.id', 'addColumn dbo.orders.id', 'addPrimaryKey dbo.orders.pk_orders'],
    noDataLoss: false,
  },
];

describe('NOT FOR REPLICATION in the differ', () => {
  for (const c of cases) it(c.name, () => runCase(c));

  it('plans nothing when both sides carry the same flags', () => {
    const both = db([orders(nfrId()), lines({ check: nfr(ck('ck_lines_qty', '[qty] > 0')), fk: nfr(fk('fk_lines_order', ['order_id'], 'orders', ['id'])) })]);
    expect(diff(both, both, { allowDrop: false }).steps).toEqual([]);
  });

  it('re-creates a changed check with the old definition beside the new one (replaces)', () => {
    const plan = diff(db([orders(), lines({ check: nfr(ck('ck_lines_qty', '[qty] > 0')) })]), db([orders(), lines()]), { allowDrop: false });
    const add = plan.steps.find((s) => s.change.kind === 'addCheck')?.change;
    expect(add).toMatchObject({ constraint: { notForReplication: true }, replaces: { name: 'ck_lines_qty' } });
    expect(add?.kind === 'addCheck' ? add.replaces : undefined).not.toHaveProperty('notForReplication');
  });
});
