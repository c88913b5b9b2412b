/**
 * Graph tables in the catalog: sys.tables is_node / is_edge, SQL Server's graph columns
 * (sys.columns graph_type 1-8) and the unique index it makes on graph_id stay out of the model;
 * an index a user made on $from_id / $to_id is opaque (kept, with a warning naming it); edge
 * constraints are read from sys.edge_constraints / sys.edge_constraint_clauses; older snapshots
 * without the fields read as ordinary tables; model -> rows -> model keeps graph kind and edge constraints.
 */
import { modelToSnapshot } from '../../src/catalog/from-model';
import { CATALOG_QUERIES } from '../../src/catalog/queries';
import { parseSnapshot, serializeSnapshot } from '../../src/catalog/snapshot';
import { snapshotToModel } from '../../src/catalog/to-model';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests edit the JSON document freely
type Doc = Record<string, any>;

const HEX = '6E4B1A2C3D4E5F60718293A4B5C6D7E8';
const col = (object_id: number, column_id: number, name: string, type_name: string, max_length: number, extra: Doc = {}): Doc => ({
  object_id, column_id, name, type_name, max_length, precision: type_name === 'bigint' ? 19 : type_name === 'int' ? 10 : 0, scale: 0,
  is_nullable: false, is_identity: false, seed_value: null, increment_value: null,
  collation_name: type_name === 'nvarchar' ? 'SQL_Latin1_General_CP1_CI_AS' : null, is_computed: false, computed_definition: null, graph_type: null, ...extra,
});
const index = (object_id: number, index_id: number, name: string, extra: Doc = {}): Doc => ({
  object_id, index_id, name, type_desc: 'NONCLUSTERED', is_unique: false, is_primary_key: false, is_unique_constraint: false,
  has_filter: false, filter_definition: null, is_disabled: false, ...extra,
});
const key = (object_id: number, index_id: number, column_id: number, key_ordinal: number): Doc => ({
  object_id, index_id, column_id, key_ordinal, is_included_column: false, is_descending_key: false,
});

/** person (node, id + name), city (node), lives_in (edge, since), as SQL Server 2019 reports them. */
function graphDoc(): Doc {
  return {
    format: 'schemac.catalog/v1', database: 'app', server_version: '15.0.2000.5',
    tables: [
      { object_id: 10, schema_name: 'dbo', name: 'person', is_node: true, is_edge: false },
      { object_id: 20, schema_name: 'dbo', name: 'city', is_node: true, is_edge: false },
      { object_id: 30, schema_name: 'dbo', name: 'lives_in', is_node: false, is_edge: true },
    ],
    columns: [
      col(10, 1, `graph_id_${HEX}`, 'bigint', 8, { graph_type: 1 }),
      col(10, 2, `$node_id_${HEX}`, 'nvarchar', 2000, { graph_type: 2, is_computed: true }),
      col(10, 3, 'id', 'int', 4),
      col(10, 4, 'name', 'nvarchar', 200, { is_nullable: true }),
      col(20, 1, `graph_id_A${HEX.slice(1)}`, 'bigint', 8, { graph_type: 1 }),
      col(20, 2, `$node_id_A${HEX.slice(1)}`, 'nvarchar', 2000, { graph_type: 2, is_computed: true }),
      col(20, 3, 'id', 'int', 4),
      col(30, 1, `graph_id_B${HEX.slice(1)}`, 'bigint', 8, { graph_type: 1 }),
      col(30, 2, `$edge_id_B${HEX.slice(1)}`, 'nvarchar', 2000, { graph_type: 2, is_computed: true }),
      col(30, 3, `from_obj_id_B${HEX.slice(1)}`, 'int', 4, { graph_type: 4 }),
      col(30, 4, `from_id_B${HEX.slice(1)}`, 'bigint', 8, { graph_type: 3 }),
      col(30, 5, `$from_id_B${HEX.slice(1)}`, 'nvarchar', 2000, { graph_type: 5, is_computed: true }),
      col(30, 6, `to_obj_id_B${HEX.slice(1)}`, 'int', 4, { graph_type: 7 }),
      col(30, 7, `to_id_B${HEX.slice(1)}`, 'bigint', 8, { graph_type: 6 }),
      col(30, 8, `$to_id_B${HEX.slice(1)}`, 'nvarchar', 2000, { graph_type: 8, is_computed: true }),
      col(30, 9, 'since', 'int', 4, { is_nullable: true }),
    ],
    indexes: [
      index(10, 1, 'pk_person', { type_desc: 'CLUSTERED', is_unique: true, is_primary_key: true }),
      index(10, 2, `GRAPH_UNIQUE_INDEX_${HEX}`, { is_unique: true }),
      index(20, 2, `GRAPH_UNIQUE_INDEX_A${HEX.slice(1)}`, { is_unique: true }),
      index(30, 2, `GRAPH_UNIQUE_INDEX_B${HEX.slice(1)}`, { is_unique: true }),
      index(30, 3, 'ix_lives_in_from_to'),
      index(30, 4, 'ix_lives_in_since'),
    ],
    index_columns: [
      key(10, 1, 3, 1), key(10, 2, 1, 1), key(20, 2, 1, 1), key(30, 2, 1, 1),
      // An index on ($from_id, $to_id) lists the internal columns behind them (inferred).
      key(30, 3, 3, 1), key(30, 3, 4, 2), key(30, 3, 6, 3), key(30, 3, 7, 4),
      key(30, 4, 9, 1),
    ],
    key_constraints: [{ parent_object_id: 10, unique_index_id: 1, name: 'pk_person', type: 'PK', is_system_named: false }],
    check_constraints: [], default_constraints: [], foreign_keys: [], foreign_key_columns: [],
    row_counts: [{ object_id: 10, rows: 2 }, { object_id: 20, rows: 1 }, { object_id: 30, rows: 2 }],
    edge_constraints: [
      { object_id: 40, parent_object_id: 30, name: 'ec_lives_in', delete_referential_action_desc: 'CASCADE', is_disabled: false, is_not_trusted: false, is_system_named: false },
    ],
    edge_constraint_clauses: [
      { object_id: 40, clause_number: 2, from_object_id: 10, to_object_id: 10 },
      { object_id: 40, clause_number: 1, from_object_id: 10, to_object_id: 20 },
    ],
  };
}

const read = (doc: Doc) => snapshotToModel(parseSnapshot(JSON.stringify(doc), 'graph.json'));

describe('graph tables in the catalog', () => {
  it('reads is_node, is_edge, graph_type and the edge constraint views', () => {
    const sql = (name: string) => CATALOG_QUERIES.find((q) => q.name === name)?.sql ?? '';
    expect(sql('tables')).toMatch(/t\.is_node, t\.is_edge/);
    expect(sql('columns')).toMatch(/c\.graph_type/);
    expect(sql('edge_constraints')).toMatch(/FROM sys\.edge_constraints ec/);
    expect(sql('edge_constraint_clauses')).toMatch(/FROM sys\.edge_constraint_clauses ecc/);
    // The views exist from SQL Server 2019 (15.x): older servers read no rows.
    expect(sql('edge_constraints')).toMatch(/ProductMajorVersion'\) AS int\) >= 15/);
  });

  it('keeps graph columns and the built-in graph index out of the model, reads kinds and edge constraints, and keeps a $from_id index opaque', () => {
    const { database, diagnostics } = read(graphDoc());
    const t = (name: string) => database.tables.find((x) => x.name === name);
    expect(t('person')).toMatchObject({ graph: 'node', indexes: [], primaryKey: { name: 'pk_person' } });
    expect(t('person')?.columns.map((c) => c.name)).toEqual(['id', 'name']);
    expect(t('city')).toMatchObject({ graph: 'node', indexes: [] });
    expect(t('city')?.columns.map((c) => c.name)).toEqual(['id']);
    const edge = t('lives_in');
    expect(edge?.graph).toBe('edge');
    expect(edge?.columns.map((c) => c.name)).toEqual(['since']);
    expect(edge?.indexes.map((i) => i.name)).toEqual(['ix_lives_in_since']);
    expect(edge?.edgeConstraints).toEqual([{
      name: 'ec_lives_in', isSystemNamed: false, onDelete: 'CASCADE',
      connections: [
        { fromSchema: 'dbo', fromTable: 'person', toSchema: 'dbo', toTable: 'city' },
        { fromSchema: 'dbo', fromTable: 'person', toSchema: 'dbo', toTable: 'person' },
      ],
    }]);
    expect(edge?.opaque).toEqual([{ kind: 'index', name: 'ix_lives_in_from_to', columns: ['$from_id', '$to_id'], reason: 'it is on the graph pseudo-column $from_id, which schema files cannot declare' }]);
    expect(diagnostics.map((d) => d.message)).toEqual([
      'dbo.lives_in: index ix_lives_in_from_to: it is on the graph pseudo-column $from_id, which schema files cannot declare; schemac leaves it as it is and refuses changes that would touch it',
    ]);
  });

  it('reads a snapshot without the graph fields as ordinary tables, and a user unique index on $node_id as opaque', () => {
    const doc = graphDoc();
    doc.indexes[1].name = 'ix_person_node';
    const { database } = read(doc);
    expect(database.tables.find((x) => x.name === 'person')?.opaque).toEqual([
      { kind: 'index', name: 'ix_person_node', columns: ['$node_id'], reason: 'it is on the graph pseudo-column $node_id, which schema files cannot declare' },
    ]);
    const old: Doc = { ...graphDoc(), tables: [{ object_id: 10, schema_name: 'dbo', name: 'person' }] };
    old.columns = old.columns.filter((c: Doc) => c.object_id === 10 && c.graph_type === null).map(({ graph_type: _, ...c }: Doc) => c);
    old.indexes = old.indexes.filter((i: Doc) => i.index_id === 1);
    old.index_columns = old.index_columns.filter((i: Doc) => i.object_id === 10 && i.index_id === 1);
    old.row_counts = [];
    delete old.edge_constraints;
    delete old.edge_constraint_clauses;
    const plain = read(old).database.tables[0];
    expect(plain).not.toHaveProperty('graph');
    expect(plain).not.toHaveProperty('edgeConstraints');
  });

  it('model -> snapshot rows -> model keeps the graph kind and edge constraints', () => {
    const { database } = read(graphDoc());
    const noOpaque = { ...database, tables: database.tables.map(({ opaque: _, rowCount: __, ...t }) => t) };
    const rows = modelToSnapshot(noOpaque);
    const again = read(JSON.parse(serializeSnapshot(rows))).database;
    for (const name of ['person', 'city', 'lives_in']) {
      const a = again.tables.find((x) => x.name === name);
      const b = noOpaque.tables.find((x) => x.name === name);
      expect({ graph: a?.graph, edgeConstraints: a?.edgeConstraints }).toEqual({ graph: b?.graph, edgeConstraints: b?.edgeConstraints });
    }
  });
});
