import type { SqlType } from '../../src/model';
import { snapshotToModel } from '../../src/catalog/to-model';
import type { CatalogSnapshot, ColumnRow } from '../../src/catalog/snapshot';

/** A one-table snapshot holding just `column` (as sys.columns has it). */
function oneColumn(column: Partial<ColumnRow>, collation?: string): CatalogSnapshot {
  const row: ColumnRow = {
    object_id: 10, column_id: 1, name: 'c', type_name: 'int', max_length: 4, precision: 10, scale: 0,
    is_nullable: true, is_identity: false, seed_value: null, increment_value: null,
    collation_name: null, is_computed: false, computed_definition: null, ...column,
  };
  return {
    format: 'schemac.catalog/v1', database: 'db', server_version: '16.0.4135.4',
    ...(collation === undefined ? {} : { database_collation: collation }),
    tables: [{ object_id: 10, schema_name: 'dbo', name: 't' }], columns: [row],
    indexes: [], index_columns: [], key_constraints: [], check_constraints: [], default_constraints: [],
    foreign_keys: [], foreign_key_columns: [], row_counts: [],
  };
}

function readColumn(column: Partial<ColumnRow>, collation?: string) {
  const { database, diagnostics } = snapshotToModel(oneColumn(column, collation));
  return { column: database.tables[0]!.columns[0], diagnostics };
}

// [what sys.columns says, the model type]; byte lengths as SQL Server stores them.
const cases: [Partial<ColumnRow>, SqlType][] = [
  [{ type_name: 'nvarchar', max_length: 510 }, { name: 'nvarchar', length: 255 }],
  [{ type_name: 'nvarchar', max_length: -1 }, { name: 'nvarchar', length: 'max' }],
  [{ type_name: 'nchar', max_length: 20 }, { name: 'nchar', length: 10 }],
  [{ type_name: 'varchar', max_length: -1 }, { name: 'varchar', length: 'max' }],
  [{ type_name: 'varchar', max_length: 255 }, { name: 'varchar', length: 255 }],
  [{ type_name: 'char', max_length: 2 }, { name: 'char', length: 2 }],
  [{ type_name: 'varbinary', max_length: -1 }, { name: 'varbinary', length: 'max' }],
  [{ type_name: 'binary', max_length: 16 }, { name: 'binary', length: 16 }],
  [{ type_name: 'decimal', max_length: 9, precision: 18, scale: 2 }, { name: 'decimal', precision: 18, scale: 2 }],
  [{ type_name: 'numeric', max_length: 17, precision: 38, scale: 10 }, { name: 'numeric', precision: 38, scale: 10 }],
  [{ type_name: 'datetime2', max_length: 7, precision: 23, scale: 3 }, { name: 'datetime2', scale: 3 }],
  [{ type_name: 'datetime2', max_length: 8, precision: 27, scale: 7 }, { name: 'datetime2', scale: 7 }],
  [{ type_name: 'time', max_length: 3, precision: 8, scale: 0 }, { name: 'time', scale: 0 }],
  [{ type_name: 'datetimeoffset', max_length: 10, precision: 34, scale: 7 }, { name: 'datetimeoffset', scale: 7 }],
  [{ type_name: 'float', max_length: 8, precision: 53 }, { name: 'float', precision: 53 }],
  [{ type_name: 'real', max_length: 4, precision: 24 }, { name: 'real' }],
  [{ type_name: 'datetime', max_length: 8, precision: 23, scale: 3 }, { name: 'datetime' }],
  [{ type_name: 'uniqueidentifier', max_length: 16, precision: 0 }, { name: 'uniqueidentifier' }],
  [{ type_name: 'bigint', max_length: 8, precision: 19 }, { name: 'bigint' }],
  [{ type_name: 'bit', max_length: 1, precision: 1 }, { name: 'bit' }],
  [{ type_name: 'money', max_length: 8, precision: 19, scale: 4 }, { name: 'money' }],
  [{ type_name: 'xml', max_length: -1, precision: 0 }, { name: 'xml' }],
  // Alias types resolve through their base type (sysname is nvarchar(128)) and keep their name.
  [{ type_name: 'sysname', system_type_name: 'nvarchar', max_length: 256 }, { name: 'nvarchar', length: 128, alias: { schema: 'sys', name: 'sysname' } }],
  [{ type_name: 'Flag', system_type_name: 'bit', max_length: 1, precision: 1, type_schema_name: 'hr' }, { name: 'bit', alias: { schema: 'hr', name: 'Flag' } }],
  // timestamp is rowversion's old name, the one sys.types keeps; the CLR system types have no
  // base type name (TYPE_NAME(240) is NULL).
  [{ type_name: 'timestamp', max_length: 8 }, { name: 'rowversion' }],
  [{ type_name: 'hierarchyid', system_type_name: null, max_length: 892 }, { name: 'hierarchyid' }],
  [{ type_name: 'geography', max_length: -1 }, { name: 'geography' }],
  [{ type_name: 'geometry', max_length: -1 }, { name: 'geometry' }],
  [{ type_name: 'sql_variant', max_length: 8016 }, { name: 'sql_variant' }],
  [{ type_name: 'text', max_length: 16, collation_name: 'SQL_Latin1_General_CP1_CI_AS' }, { name: 'text' }],
  [{ type_name: 'ntext', max_length: 16 }, { name: 'ntext' }],
  [{ type_name: 'image', max_length: 16 }, { name: 'image' }],
];

describe('column types from sys.columns', () => {
  it.each(cases)('%j -> %j', (row, expected) => {
    const { column, diagnostics } = readColumn(row);
    expect(diagnostics).toEqual([]);
    expect(column!.type).toEqual(expected);
  });

  it('keeps a column of a type schemac does not model (a CLR type) opaque, with a warning naming it', () => {
    const { database, diagnostics } = snapshotToModel(oneColumn({ name: 'shape', type_name: 'MyClrType', max_length: -1 }));
    expect(database.tables[0]!.columns).toEqual([]);
    expect(database.tables[0]!.opaque).toEqual([expect.objectContaining({ kind: 'column', name: 'shape', columns: ['shape'] })]);
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'SC3001', severity: 'warning', message: expect.stringMatching(/dbo\.t: column shape: type MyClrType/) }),
    ]);
  });
});

describe('column facts', () => {
  it('keeps an identity seed beyond 2^53 exactly, as a decimal string', () => {
    const { column } = readColumn({ type_name: 'bigint', is_identity: true, seed_value: '9007199254740993', increment_value: -1, is_nullable: false });
    expect(column!.identity).toEqual({ seed: '9007199254740993', increment: '-1' });
    expect(column!.nullable).toBe(false);
  });

  it('has no identity when the column is not one', () => {
    expect(readColumn({}).column!.identity).toBeNull();
  });

  it('writes null for the database collation and keeps an explicit one', () => {
    const db = 'Latin1_General_100_CI_AS_SC_UTF8';
    expect(readColumn({ type_name: 'varchar', max_length: 10, collation_name: db }, db).column!.collation).toBeNull();
    expect(readColumn({ type_name: 'varchar', max_length: 10, collation_name: 'Latin1_General_BIN2' }, db).column!.collation).toBe('Latin1_General_BIN2');
    // Absent database_collation means SQL Server's default.
    expect(readColumn({ type_name: 'varchar', max_length: 10, collation_name: 'SQL_Latin1_General_CP1_CI_AS' }).column!.collation).toBeNull();
  });

  it('reads a computed column', () => {
    const { column } = readColumn({ is_computed: true, computed_definition: '([a]+[b])', is_persisted: true });
    expect(column!.computed).toEqual({ expression: expect.objectContaining({ text: '([a]+[b])' }), persisted: true });
  });

  it('keeps a computed column without a definition (no VIEW DEFINITION) opaque, with a warning', () => {
    const { column, diagnostics } = readColumn({ is_computed: true, computed_definition: null });
    expect(column).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([['SC3001', 'warning']]);
  });
});
