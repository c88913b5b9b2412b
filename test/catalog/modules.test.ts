/**
 * Catalog rows of views, procedures, functions and triggers to the model: references with their
 * columns (listed by the catalog for schema-bound ones, inferred from the text for the others),
 * the name the stored definition creates, indexed views' indexes, and a snapshot round trip.
 */
import { snapshotToModel } from '../../src/catalog/to-model';
import { parseSnapshot, serializeSnapshot, type CatalogSnapshot } from '../../src/catalog/snapshot';
import { definedNameOf, namesInText, viewColumnListOf } from '../../src/catalog/module-text';

const snapshot: CatalogSnapshot = {
  format: 'schemac.catalog/v1', database: 'app', server_version: '16.0.4135.4',
  tables: [{ object_id: 1, schema_name: 'dbo', name: 'users' }, { object_id: 2, schema_name: 'dbo', name: 'orders' }],
  columns: [
    ...['id', 'email', 'name', 'is_deleted'].map((name, i) => ({ object_id: 1, column_id: i + 1, name, type_name: 'int', max_length: 4, precision: 10, scale: 0, is_nullable: false, is_identity: false, seed_value: null, increment_value: null, collation_name: null, is_computed: false, computed_definition: null })),
    { object_id: 2, column_id: 1, name: 'id', type_name: 'int', max_length: 4, precision: 10, scale: 0, is_nullable: false, is_identity: false, seed_value: null, increment_value: null, collation_name: null, is_computed: false, computed_definition: null },
  ],
  indexes: [], index_columns: [], key_constraints: [], check_constraints: [], default_constraints: [], foreign_keys: [], foreign_key_columns: [],
  row_counts: [{ object_id: 1, rows: 0 }, { object_id: 2, rows: 0 }],
  sql_modules: [
    { object_id: 10, schema_name: 'dbo', name: 'v_active_users', type: 'V', parent_object_id: 0, definition: '-- active only\nCREATE VIEW [dbo].[v_active_users] WITH SCHEMABINDING AS SELECT u.id, u.email FROM dbo.users AS u WHERE u.is_deleted = 0', is_schema_bound: true, uses_ansi_nulls: true, uses_quoted_identifier: true },
    { object_id: 11, schema_name: 'dbo', name: 'p_names', type: 'P', parent_object_id: 0, definition: "CREATE PROCEDURE dbo.p_names AS /* email is not read here */ SELECT [name], 'email' FROM dbo.users", is_schema_bound: false, uses_ansi_nulls: true, uses_quoted_identifier: true },
    { object_id: 12, schema_name: 'dbo', name: 'tr_orders', type: 'TR', parent_object_id: 2, definition: 'CREATE TRIGGER dbo.tr_orders ON dbo.orders AFTER INSERT AS SELECT * FROM dbo.users', is_schema_bound: false, uses_ansi_nulls: true, uses_quoted_identifier: true },
    { object_id: 13, schema_name: 'dbo', name: 'f_secret', type: 'FN', parent_object_id: 0, definition: null, is_schema_bound: false, uses_ansi_nulls: true, uses_quoted_identifier: true },
  ],
  sql_expression_dependencies: [
    { referencing_id: 10, referenced_id: 1, referenced_minor_id: 1, is_schema_bound_reference: true },
    { referencing_id: 10, referenced_id: 1, referenced_minor_id: 2, is_schema_bound_reference: true },
    { referencing_id: 10, referenced_id: 1, referenced_minor_id: 4, is_schema_bound_reference: true },
    { referencing_id: 11, referenced_id: 1, referenced_minor_id: 0, is_schema_bound_reference: false },
    { referencing_id: 12, referenced_id: 1, referenced_minor_id: 0, is_schema_bound_reference: false },
    { referencing_id: 13, referenced_id: 1, referenced_minor_id: 0, is_schema_bound_reference: false },
  ],
  view_indexes: [{ object_id: 10, index_id: 1, name: 'ix_v_active_users', type_desc: 'CLUSTERED', is_unique: true }],
  view_index_columns: [{ object_id: 10, index_id: 1, index_column_id: 1, column_name: 'id', key_ordinal: 1, is_included_column: false, is_descending_key: false }],
};

test('modules read with their references, definitions and indexes', () => {
  const { database } = snapshotToModel(snapshot);
  const byName = Object.fromEntries((database.modules ?? []).map((m) => [m.name, m]));
  expect(byName.v_active_users).toMatchObject({
    type: 'V', schemaBound: true, definedName: { schema: 'dbo', name: 'v_active_users' },
    references: [{ schema: 'dbo', name: 'users', isTable: true, columns: ['email', 'id', 'is_deleted'], columnsFrom: 'catalog', schemaBound: true }],
    indexes: [{ name: 'ix_v_active_users', unique: true, clustered: true, columns: [{ name: 'id', descending: false }] }],
  });
  // Not schema-bound: the catalog lists the table only; the text names `name` (comments and strings do not count).
  expect(byName.p_names?.references).toEqual([{ schema: 'dbo', name: 'users', isTable: true, columns: ['name'], columnsFrom: 'text', schemaBound: false }]);
  // SELECT * reads every column; a trigger belongs to its table.
  expect(byName.tr_orders).toMatchObject({ parent: { schema: 'dbo', name: 'orders' }, references: [{ columns: ['email', 'id', 'is_deleted', 'name'], columnsFrom: 'text', named: [] }] });
  expect(byName.p_names?.references[0]?.named).toBeUndefined(); // no star: `columns` are the named ones
  expect(byName.f_secret?.references[0]).toMatchObject({ columns: [], columnsFrom: 'unknown' });
});

test('a qualified star reads every column of its own table only; through an alias, of every table the text reads', () => {
  const view = (object_id: number, definition: string) => ({ object_id, schema_name: 'dbo', name: `v${object_id}`, type: 'V' as const, parent_object_id: 0, definition, is_schema_bound: false, uses_ansi_nulls: true, uses_quoted_identifier: true });
  const reads = (id: number) => [1, 2].map((t) => ({ referencing_id: id, referenced_id: t, referenced_minor_id: 0, is_schema_bound_reference: false }));
  const withViews: CatalogSnapshot = {
    ...snapshot,
    sql_modules: [
      view(20, 'CREATE VIEW dbo.v20 AS SELECT orders.*, users.email FROM dbo.orders JOIN dbo.users ON users.id = orders.id'),
      view(21, 'CREATE VIEW dbo.v21 AS SELECT o.*, u.email FROM dbo.orders AS o JOIN dbo.users AS u ON u.id = o.id'),
    ],
    sql_expression_dependencies: [...reads(20), ...reads(21)],
    view_indexes: [], view_index_columns: [],
  };
  const byName = Object.fromEntries((snapshotToModel(withViews).database.modules ?? []).map((m) => [m.name, m.references.map((r) => `${r.name}: ${r.columns.join(' ')}`)]));
  expect(byName.v20).toEqual(['orders: id', 'users: email id']);
  expect(byName.v21).toEqual(['orders: id', 'users: email id is_deleted name']);
  // Through a star, `named` keeps what the text names: those must survive a refresh (refresh-modules.ts).
  const v21 = (snapshotToModel(withViews).database.modules ?? []).find((m) => m.name === 'v21');
  expect(v21?.references.map((r) => `${r.name}: ${(r.named ?? []).join(' ')}`)).toEqual(['orders: id', 'users: email id']);
});

test('references to an ignored table are left out', () => {
  const { database } = snapshotToModel(snapshot, { skipTable: (t) => t.name === 'users' });
  expect((database.modules ?? []).flatMap((m) => m.references)).toEqual([]);
});

test('the module arrays survive a snapshot round trip', () => {
  const again = parseSnapshot(serializeSnapshot(snapshot), 'x.json');
  expect(snapshotToModel(again).database.modules).toEqual(snapshotToModel(snapshot).database.modules);
});

test('module text: the created name after comments, CREATE OR ALTER, brackets; identifiers outside strings and comments', () => {
  expect(definedNameOf('/* v1 */ -- x\nCREATE OR ALTER PROC [sales].[p]]x] AS SELECT 1', true)).toEqual({ schema: 'sales', name: 'p]x' });
  expect(definedNameOf('CREATE VIEW v AS SELECT 1', true)).toEqual({ schema: null, name: 'v' });
  expect(definedNameOf('SELECT 1', true)).toBeNull();
  const key = (s: string) => s.toLowerCase();
  expect([...namesInText('SELECT "a", b /* c /* nested */ d */ FROM t WHERE x = N\'e\'', true, key).names].sort()).toEqual(['a', 'b', 'from', 'select', 't', 'where', 'x']);
  expect(namesInText('SELECT "a" FROM t', false, key).names.has('a')).toBe(false);
  expect(viewColumnListOf('/* x */ CREATE OR ALTER VIEW [dbo].[v] ([a], b) WITH SCHEMABINDING AS SELECT * FROM dbo.t', true)).toBe(2);
  expect(viewColumnListOf('CREATE VIEW dbo.v AS SELECT a FROM t', true)).toBeNull();
  expect(viewColumnListOf('CREATE FUNCTION dbo.f (@a int) RETURNS TABLE AS RETURN SELECT 1 AS x', true)).toBeNull();
  const counted = namesInText('SELECT COUNT(*), 2 * 3 FROM t', true, key);
  expect([counted.selectsAllUnqualified, counted.starQualifiers.size]).toEqual([false, 0]);
  const qualified = namesInText('SELECT t.* FROM t', true, key);
  expect([qualified.selectsAllUnqualified, [...qualified.starQualifiers]]).toEqual([false, ['t']]);
});
