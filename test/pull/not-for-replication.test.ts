/**
 * pull writes NOT FOR REPLICATION (AdventureWorks declares it on identity columns, foreign keys
 * and checks throughout), so a pulled table with all three plans to nothing; an allowed-values
 * check with the flag stays a @Check, as a literal union cannot carry it.
 */
import { expectPlansToNothing, roundTrip } from './support';
import { ck, col, db, fk, pk, table } from '../support/model-builders';
import type { CheckConstraint, ForeignKey } from '../../src/model';

const nfr = <T extends CheckConstraint | ForeignKey>(o: T): T => ({ ...o, notForReplication: true });

/** Sales.SalesOrderHeader and Sales.SalesOrderDetail, reduced to what carries the flag. */
function adventureWorksLike() {
  const header = table('Sales.SalesOrderHeader', {
    columns: [col('SalesOrderID', 'int', { identity: { seed: '1', increment: '1', notForReplication: true } }), col('Status', 'tinyint'), col('ShipMethod', 'varchar(10)')],
    pk: pk('PK_SalesOrderHeader_SalesOrderID', ['SalesOrderID']),
    checks: [
      nfr(ck('CK_SalesOrderHeader_Status', '([Status]>=(0) AND [Status]<=(8))')),
      nfr(ck('ck_SalesOrderHeader_ShipMethod', "([ShipMethod]='air' OR [ShipMethod]='ground')")),
    ],
  });
  const detail = table('Sales.SalesOrderDetail', {
    columns: [col('SalesOrderID', 'int'), col('SalesOrderDetailID', 'int', { identity: true }), col('OrderQty', 'smallint')],
    pk: pk('PK_SalesOrderDetail_SalesOrderID_SalesOrderDetailID', ['SalesOrderID', 'SalesOrderDetailID']),
    checks: [ck('CK_SalesOrderDetail_OrderQty', '([OrderQty]>(0))')],
    fks: [nfr(fk('FK_SalesOrderDetail_SalesOrderHeader_SalesOrderID', ['SalesOrderID'], 'Sales.SalesOrderHeader', ['SalesOrderID'], { onDelete: 'CASCADE' }))],
  });
  return db([header, detail]);
}

describe('pull writes NOT FOR REPLICATION', () => {
  const { diagnostics, plan, pulled } = roundTrip(adventureWorksLike());
  const text = pulled.files.map((f) => f.text).join('\n');

  it('plans to nothing against the database it read', () => {
    expectPlansToNothing({ pulled, diagnostics, plan });
  });

  it('writes the option on the identity column, the foreign key and the checks, and only there', () => {
    expect(text).toMatch(/identity: \[1, 1\], notForReplication: true/);
    expect(text).toMatch(/@ForeignKey\('FK_SalesOrderDetail_SalesOrderHeader_SalesOrderID', .*onDelete: 'CASCADE', notForReplication: true \}\)/);
    expect(text).toMatch(/@Check\('CK_SalesOrderHeader_Status', sql`.*`, \{ notForReplication: true \}\)/);
    expect(text).toMatch(/@Check\('ck_SalesOrderHeader_ShipMethod', sql`.*`, \{ notForReplication: true \}\)/);
    expect(text.match(/notForReplication/g)).toHaveLength(4);
  });
});
