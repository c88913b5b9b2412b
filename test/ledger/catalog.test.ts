/**
 * Ledger tables in the catalog (SQL Server 2022+): a ledger table's generated columns
 * (generated_always_type 5-8, or 7-10 as SQL Server 2022's published view numbers them), its
 * history table, its ledger view, dropped ledger tables and dropped ledger columns stay out of the
 * model (an index on one of those columns is opaque); the kind and the view / history names are
 * read; older snapshots and servers read as ordinary tables; model -> rows -> model keeps the ledger.
 */
import { modelToSnapshot } from '../../src/catalog/from-model';
import { CATALOG_QUERIES } from '../../src/catalog/queries';
import { parseSnapshot, serializeSnapshot } from '../../src/catalog/snapshot';
import { snapshotToModel } from '../../src/catalog/to-model';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests edit the JSON document freely
type Doc = Record<string, any>;

const col = (object_id: number, column_id: number, name: string, type_name: string, extra: Doc = {}): Doc => ({
  object_id, column_id, name, type_name, max_length: type_name === 'bigint' ? 8 : type_name === 'int' ? 4 : 100,
  precision: type_name === 'bigint' ? 19 : type_name === 'int' ? 10 : 0, scale: 0,
  is_nullable: false, is_identity: false, seed_value: null, increment_value: null,
  collation_name: type_name === 'nvarchar' ? 'SQL_Latin1_General_CP1_CI_AS' : null, is_computed: false, computed_definition: null, ...extra,
});
const ledgerCols = (id: number, from: number, updatable: boolean, codes = [5, 6, 7, 8]): Doc[] => [
  col(id, from, 'ledger_start_transaction_id', 'bigint', { generated_always_type: codes[0], is_hidden: true }),
  ...(updatable ? [col(id, from + 1, 'ledger_end_transaction_id', 'bigint', { generated_always_type: codes[1], is_hidden: true, is_nullable: true })] : []),
  col(id, from + 2, 'ledger_start_sequence_number', 'bigint', { generated_always_type: codes[2], is_hidden: true }),
  ...(updatable ? [col(id, from + 3, 'ledger_end_sequence_number', 'bigint', { generated_always_type: codes[3], is_hidden: true, is_nullable: true })] : []),
];

/**
 * account (updatable, history MSSQL_LedgerHistoryFor_10, view account_Ledger), audit_event
 * (append-only, a dropped column), and a dropped ledger table with its history, as SQL Server 2022 reports them.
 */
function ledgerDoc(): Doc {
  return {
    format: 'schemac.catalog/v1', database: 'app', server_version: '16.0.4135.4',
    tables: [
      { object_id: 10, schema_name: 'bank', name: 'account', temporal_type: 0, history_table_id: 11 },
      { object_id: 11, schema_name: 'bank', name: 'MSSQL_LedgerHistoryFor_10', temporal_type: 0 },
      { object_id: 20, schema_name: 'dbo', name: 'audit_event' },
      { object_id: 30, schema_name: 'dbo', name: 'MSSQL_DroppedLedgerTable_old_5E2C9B1A2F4D4A6C8E0B1C2D3E4F5A6B', history_table_id: 31 },
      { object_id: 31, schema_name: 'dbo', name: 'MSSQL_DroppedLedgerHistory_MSSQL_LedgerHistoryFor_30_5E2C9B1A2F4D4A6C8E0B1C2D3E4F5A6B' },
    ],
    columns: [
      col(10, 1, 'id', 'int'), col(10, 2, 'balance', 'int'), ...ledgerCols(10, 3, true),
      col(11, 1, 'id', 'int'), col(11, 2, 'balance', 'int'), ...ledgerCols(11, 3, true),
      col(20, 1, 'id', 'int'), col(20, 2, 'MSSQL_DroppedLedgerColumn_note_0A1B2C3D4E5F60718293A4B5C6D7E8F9', 'nvarchar', { is_hidden: true, is_nullable: true }),
      ...ledgerCols(20, 3, false), col(20, 7, 'note2', 'nvarchar', { is_nullable: true }),
      col(30, 1, 'id', 'int'), ...ledgerCols(30, 2, true),
      col(31, 1, 'id', 'int'), ...ledgerCols(31, 2, true),
    ],
    indexes: [{ object_id: 10, index_id: 1, name: 'pk_account', type_desc: 'CLUSTERED', is_unique: true, is_primary_key: true, is_unique_constraint: false, has_filter: false, filter_definition: null, is_disabled: false }],
    index_columns: [{ object_id: 10, index_id: 1, column_id: 1, key_ordinal: 1, is_included_column: false, is_descending_key: false }],
    key_constraints: [{ parent_object_id: 10, unique_index_id: 1, name: 'pk_account', type: 'PK', is_system_named: false }],
    check_constraints: [], default_constraints: [], foreign_keys: [], foreign_key_columns: [],
    row_counts: [{ object_id: 10, rows: 3 }, { object_id: 11, rows: 1 }, { object_id: 20, rows: 2 }],
    sql_modules: [
      { object_id: 12, schema_name: 'bank', name: 'account_Ledger', type: 'V', parent_object_id: 0, definition: 'CREATE VIEW [bank].[account_Ledger] AS SELECT [id], [balance] FROM [bank].[account]', is_schema_bound: false, uses_ansi_nulls: true, uses_quoted_identifier: true },
    ],
    sql_expression_dependencies: [{ referencing_id: 12, referenced_id: 10, referenced_minor_id: 0, is_schema_bound_reference: false }],
    ledger_tables: [
      { object_id: 10, ledger_type: 2, ledger_view_id: 12, history_table_id: 11, is_dropped_ledger_table: false, ledger_view_schema_name: 'bank', ledger_view_name: 'account_Ledger' },
      { object_id: 11, ledger_type: 1, ledger_view_id: null, history_table_id: null, is_dropped_ledger_table: false, ledger_view_schema_name: null, ledger_view_name: null },
      { object_id: 20, ledger_type: 3, ledger_view_id: 21, history_table_id: null, is_dropped_ledger_table: false, ledger_view_schema_name: 'audit', ledger_view_name: 'events_view' },
      { object_id: 30, ledger_type: 2, ledger_view_id: 32, history_table_id: 31, is_dropped_ledger_table: true, ledger_view_schema_name: null, ledger_view_name: null },
    ],
    ledger_dropped_columns: [{ object_id: 20, column_id: 2 }],
  };
}

const read = (doc: Doc) => snapshotToModel(parseSnapshot(JSON.stringify(doc), 'ledger.json'));

describe('ledger tables in the catalog', () => {
  it('reads sys.tables ledger columns and dropped ledger columns only where the server has them', () => {
    const sql = (name: string) => CATALOG_QUERIES.find((q) => q.name === name)?.sql ?? '';
    expect(sql('ledger_tables')).toMatch(/t\.ledger_type, t\.ledger_view_id, t\.history_table_id, t\.is_dropped_ledger_table/);
    expect(sql('ledger_tables')).toMatch(/LEFT JOIN sys\.views v ON v\.object_id = t\.ledger_view_id/);
    expect(sql('ledger_dropped_columns')).toMatch(/c\.is_dropped_ledger_column = 1/);
    // The columns exist from SQL Server 2022 (16.x) and in Azure SQL; the main queries never name them.
    for (const name of ['ledger_tables', 'ledger_dropped_columns']) expect(sql(name)).toMatch(/^IF CAST\(SERVERPROPERTY\('ProductMajorVersion'\) AS int\) >= 16 OR .*IN \(5, 8\)\n/);
    for (const name of ['tables', 'columns']) expect(sql(name)).not.toMatch(/ledger/);
  });

  it('keeps ledger columns, history tables, dropped tables and columns and the ledger view out of the model, and reads the kind and names', () => {
    const { database, diagnostics } = read(ledgerDoc());
    expect(diagnostics).toEqual([]);
    expect(database.tables.map((t) => `${t.schema}.${t.name}`)).toEqual(['bank.account', 'dbo.audit_event']);
    const [account, audit] = database.tables;
    expect(account?.columns.map((c) => c.name)).toEqual(['id', 'balance']);
    expect(account?.ledger).toEqual({ kind: 'updatable', view: { schema: 'bank', name: 'account_Ledger' }, history: { schema: 'bank', name: 'MSSQL_LedgerHistoryFor_10' } });
    expect(audit?.columns.map((c) => c.name)).toEqual(['id', 'note2']);
    expect(audit?.ledger).toEqual({ kind: 'append-only', view: { schema: 'audit', name: 'events_view' } });
    // The ledger view is SQL Server's: not a module that depends on the table.
    expect(database.modules ?? []).toEqual([]);
  });

  it('keeps the generated columns out when numbered 7-10 too, and reads an older snapshot without ledger rows as ordinary tables', () => {
    const doc = ledgerDoc();
    doc.columns = doc.columns.map((c: Doc) => (c.generated_always_type === undefined ? c : { ...c, generated_always_type: c.generated_always_type + 2 }));
    expect(read(doc).database.tables[0]?.columns.map((c) => c.name)).toEqual(['id', 'balance']);
    const old: Doc = { ...ledgerDoc(), tables: ledgerDoc().tables.slice(0, 1).map(({ temporal_type: _, history_table_id: __, ...t }: Doc) => t) };
    old.columns = old.columns.filter((c: Doc) => c.object_id === 10 && c.generated_always_type === undefined);
    old.row_counts = [];
    delete old.ledger_tables;
    delete old.ledger_dropped_columns;
    delete old.sql_modules;
    delete old.sql_expression_dependencies;
    const plain = read(old).database.tables[0];
    expect(plain).not.toHaveProperty('ledger');
    expect(plain?.columns.map((c) => c.name)).toEqual(['id', 'balance']);
  });

  it('keeps an index on a ledger column opaque, with a warning naming it', () => {
    const doc = ledgerDoc();
    doc.indexes.push({ object_id: 10, index_id: 2, name: 'ix_account_txn', type_desc: 'NONCLUSTERED', is_unique: false, is_primary_key: false, is_unique_constraint: false, has_filter: false, filter_definition: null, is_disabled: false });
    doc.index_columns.push({ object_id: 10, index_id: 2, column_id: 3, key_ordinal: 1, is_included_column: false, is_descending_key: false });
    const { database, diagnostics } = read(doc);
    expect(database.tables[0]?.indexes).toEqual([]);
    expect(database.tables[0]?.opaque).toEqual([{ kind: 'index', name: 'ix_account_txn', columns: ['ledger_start_transaction_id'], reason: 'it is on ledger_start_transaction_id, a column SQL Server keeps for the ledger, which schema files cannot declare' }]);
    expect(diagnostics.map((d) => d.severity)).toEqual(['warning']);
  });

  it('model -> snapshot rows -> model keeps the ledger', () => {
    const { database } = read(ledgerDoc());
    const model = { ...database, modules: undefined, tables: database.tables.map(({ rowCount: _, ...t }) => t) };
    const again = read(JSON.parse(serializeSnapshot(modelToSnapshot(model)))).database;
    expect(again.tables.map((t) => [t.name, t.ledger])).toEqual(model.tables.map((t) => [t.name, t.ledger]));
  });
});
