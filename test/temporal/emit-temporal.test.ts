/**
 * T-SQL of system-versioned tables: CREATE TABLE with its period and SYSTEM_VERSIONING, and the
 * drop of a versioned table (versioning off first: SQL Server refuses DROP TABLE otherwise).
 */
import { renderChange } from '../../src/emitters/tsql/render-change';
import { DEFAULT_COLLATION, nameKeyFor } from '../../src/sqlserver/names';
import { versionedOrders } from './fixtures';
import { expectValidTsql } from '../support/tsql-grammar';

const key = nameKeyFor(DEFAULT_COLLATION);
describe('temporal T-SQL', () => {
  test('CREATE TABLE writes the period columns, PERIOD FOR SYSTEM_TIME and SYSTEM_VERSIONING with the history table', () => {
    const sql = renderChange({ kind: 'createTable', table: versionedOrders() }, key);
    expect(sql).toEqual([[
      'CREATE TABLE [sales].[orders] (',
      '    [id] int NOT NULL,',
      '    [note] nvarchar(100) NOT NULL,',
      '    [valid_from] datetime2(3) GENERATED ALWAYS AS ROW START HIDDEN NOT NULL,',
      '    [valid_to] datetime2(3) GENERATED ALWAYS AS ROW END HIDDEN NOT NULL,',
      '    CONSTRAINT [pk_orders] PRIMARY KEY CLUSTERED ([id]),',
      '    PERIOD FOR SYSTEM_TIME ([valid_from], [valid_to])',
      ')',
      'WITH (SYSTEM_VERSIONING = ON (HISTORY_TABLE = [sales].[orders_history], HISTORY_RETENTION_PERIOD = 6 MONTHS));',
    ].join('\n')]);
    expect(expectValidTsql(sql.join('\nGO\n')).gapsUsed).toEqual(['temporal-create-table']);
  });

  test('INFINITE retention is SQL Server\'s default and is left out', () => {
    const table = { ...versionedOrders(), versioning: { historySchema: 'sales', historyTable: 'orders_history', retention: { unit: 'INFINITE' as const } } };
    expect(renderChange({ kind: 'createTable', table }, key)[0]).toMatch(/WITH \(SYSTEM_VERSIONING = ON \(HISTORY_TABLE = \[sales\]\.\[orders_history\]\)\);$/);
  });

  test('DROP TABLE of a versioned table turns versioning off, then drops the table and its history', () => {
    const sql = renderChange({ kind: 'dropTable', table: versionedOrders() }, key);
    expect(sql).toEqual([
      'ALTER TABLE [sales].[orders] SET (SYSTEM_VERSIONING = OFF);',
      'DROP TABLE [sales].[orders];',
      'DROP TABLE [sales].[orders_history];',
    ]);
    expect(expectValidTsql(sql.join('\nGO\n')).gapsUsed).toEqual(['temporal-set-system-versioning']);
  });
});
