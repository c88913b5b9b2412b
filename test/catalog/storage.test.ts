/**
 * Storage rows to the model (issue 15, item 4): sys.columns.is_sparse, sys.indexes columnstore
 * types and ignore_dup_key, sys.index_columns of columnstore indexes (key_ordinal 0, included),
 * and sys.partitions.data_compression_desc. Sparse columns and columnstore indexes are modelled
 * now; a column set (and XML, spatial, hash indexes) stays opaque.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseSnapshot } from '../../src/catalog/snapshot';
import { snapshotToModel } from '../../src/catalog/to-model';
import { modelToSnapshot } from '../../src/catalog/from-model';

const brownfieldText = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'catalog', 'brownfield.json'), 'utf8');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests edit the JSON document freely
type Doc = Record<string, any>;
const T = 900;

function column(columnId: number, name: string, typeName: string, extra: Doc = {}): Doc {
  return {
    object_id: T, column_id: columnId, name, type_name: typeName, system_type_name: null, max_length: 4,
    precision: 10, scale: 0, is_nullable: false, is_identity: false, seed_value: null, increment_value: null,
    collation_name: null, is_computed: false, computed_definition: null, ...extra,
  };
}

function index(indexId: number, name: string, typeDesc: string, extra: Doc = {}): Doc {
  return {
    object_id: T, index_id: indexId, name, type_desc: typeDesc, is_unique: false, is_primary_key: false,
    is_unique_constraint: false, has_filter: false, filter_definition: null, is_disabled: false, ...extra,
  };
}

/** brownfield plus a table `facts` with a sparse column, a column set, columnstore and compressed indexes. */
function withStorage(): Doc {
  const doc: Doc = JSON.parse(brownfieldText);
  doc.tables.push({ object_id: T, schema_name: 'dbo', name: 'facts' });
  doc.columns.push(
    column(1, 'id', 'int'), column(2, 'amount', 'int'),
    column(3, 'note', 'int', { is_nullable: true, is_sparse: true }),
    column(4, 'code', 'int'),
  );
  doc.indexes.push(
    index(1, 'cci_facts', 'CLUSTERED COLUMNSTORE'),
    index(2, 'ux_facts_code', 'NONCLUSTERED', { is_unique: true, ignore_dup_key: true }),
  );
  // A clustered columnstore index lists every column as an included one (key_ordinal 0).
  for (const id of [1, 2, 3, 4]) doc.index_columns.push({ object_id: T, index_id: 1, index_column_id: id, column_id: id, key_ordinal: 0, is_included_column: true, is_descending_key: false });
  doc.index_columns.push({ object_id: T, index_id: 2, index_column_id: 1, column_id: 4, key_ordinal: 1, is_included_column: false, is_descending_key: false });
  doc.row_counts.push({ object_id: T, rows: 10 });
  doc.partitions = [
    { object_id: T, index_id: 1, partition_number: 1, data_compression_desc: 'COLUMNSTORE_ARCHIVE' },
    { object_id: T, index_id: 2, partition_number: 1, data_compression_desc: 'PAGE' },
  ];
  return doc;
}

const read = (doc: Doc) => snapshotToModel(parseSnapshot(JSON.stringify(doc), 'db.json'));

describe('storage in the catalog', () => {
  it('models sparse columns, columnstore indexes, IGNORE_DUP_KEY and compression instead of leaving them opaque', () => {
    const { database, diagnostics } = read(withStorage());
    const facts = database.tables.find((t) => t.name === 'facts')!;
    expect(diagnostics.filter((d) => d.message.startsWith('dbo.facts'))).toEqual([]);
    expect(facts.opaque).toBeUndefined();
    expect(facts.columns.find((c) => c.name === 'note')).toMatchObject({ sparse: true, nullable: true });
    expect(facts.indexes).toEqual([
      { name: 'cci_facts', isSystemNamed: false, columns: [], include: [], unique: false, clustered: true, filter: null, columnstore: true, dataCompression: 'COLUMNSTORE_ARCHIVE' },
      { name: 'ux_facts_code', isSystemNamed: false, columns: [{ name: 'code', descending: false }], include: [], unique: true, clustered: false, filter: null, ignoreDupKey: true, dataCompression: 'PAGE' },
    ]);
    // A clustered columnstore table has no rowstore compression of its own.
    expect(facts.dataCompression).toBeUndefined();
  });

  it('reads a nonclustered columnstore index column list from its included columns, and a heap compression as the table\'s', () => {
    const doc = withStorage();
    doc.indexes = doc.indexes.filter((i: Doc) => !(i.object_id === T && i.index_id === 1));
    doc.index_columns = doc.index_columns.filter((i: Doc) => !(i.object_id === T && i.index_id === 1));
    doc.indexes.push(index(3, 'ncci_facts', 'NONCLUSTERED COLUMNSTORE'));
    doc.index_columns.push(
      { object_id: T, index_id: 3, index_column_id: 1, column_id: 2, key_ordinal: 0, is_included_column: true, is_descending_key: false },
      { object_id: T, index_id: 3, index_column_id: 2, column_id: 1, key_ordinal: 0, is_included_column: true, is_descending_key: false },
    );
    doc.partitions = [{ object_id: T, index_id: 0, partition_number: 1, data_compression_desc: 'ROW' }];
    const facts = read(doc).database.tables.find((t) => t.name === 'facts')!;
    expect(facts.dataCompression).toBe('ROW');
    expect(facts.indexes.find((i) => i.name === 'ncci_facts')).toMatchObject({ columnstore: true, clustered: false, columns: [{ name: 'amount' }, { name: 'id' }] });
  });

  it('keeps a column set opaque (SC3001), and warns (SC3005) when partitions differ in compression', () => {
    const doc = withStorage();
    doc.columns.push(column(5, 'props', 'xml', { is_nullable: true, is_column_set: true }));
    doc.partitions.push({ object_id: T, index_id: 2, partition_number: 2, data_compression_desc: 'NONE' });
    const { database, diagnostics } = read(doc);
    const facts = database.tables.find((t) => t.name === 'facts')!;
    expect(facts.opaque).toEqual([{ kind: 'column', name: 'props', columns: ['props'], reason: 'it is the column set of the sparse columns' }]);
    expect(diagnostics.map((d) => `${d.code} ${d.severity}`)).toEqual(expect.arrayContaining(['SC3001 warning', 'SC3005 warning']));
    expect(diagnostics.find((d) => d.code === 'SC3005')?.message).toContain('index ux_facts_code differ in DATA_COMPRESSION (PAGE, NONE)');
    expect(facts.indexes.find((i) => i.name === 'ux_facts_code')?.dataCompression).toBe('PAGE');
  });

  it('loads a snapshot written before these rows existed (no partitions, no ignore_dup_key) as uncompressed, duplicates refused', () => {
    const { database } = read(JSON.parse(brownfieldText));
    for (const t of database.tables) {
      expect(t.dataCompression).toBeUndefined();
      for (const i of t.indexes) expect([i.dataCompression, i.ignoreDupKey, i.columnstore]).toEqual([undefined, undefined, undefined]);
    }
  });

  it('writes the same rows back from the model (modelToSnapshot), so reading them again gives the same model', () => {
    const first = read(withStorage()).database;
    const again = snapshotToModel(modelToSnapshot(first)).database;
    expect(again.tables.find((t) => t.name === 'facts')).toEqual(first.tables.find((t) => t.name === 'facts'));
  });
});
