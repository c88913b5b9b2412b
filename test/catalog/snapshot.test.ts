import * as fs from 'fs';
import * as path from 'path';
import { parseSnapshot, serializeSnapshot, SnapshotError } from '../../src/catalog/snapshot';

const fixtures = path.join(__dirname, '..', 'fixtures', 'catalog');
const brownfieldText = fs.readFileSync(path.join(fixtures, 'brownfield.json'), 'utf8');
const emptyText = fs.readFileSync(path.join(fixtures, 'empty.json'), 'utf8');

/** The brownfield document as a mutable object, to break one thing at a time. */
function brownfield(): Record<string, any> { // eslint-disable-line @typescript-eslint/no-explicit-any -- test surgery on JSON
  return JSON.parse(brownfieldText);
}

function parseError(doc: unknown, file = 'catalog.json'): string {
  const text = typeof doc === 'string' ? doc : JSON.stringify(doc);
  try {
    parseSnapshot(text, file);
  } catch (error) {
    expect(error).toBeInstanceOf(SnapshotError);
    return (error as Error).message;
  }
  throw new Error('expected parseSnapshot to throw');
}

describe('parseSnapshot', () => {
  it('reads the fixtures', () => {
    const s = parseSnapshot(brownfieldText, 'brownfield.json');
    expect(s.tables.map((t) => t.name)).toEqual(['tenants', 'users']);
    expect(s.columns).toHaveLength(23);
    expect(parseSnapshot(emptyText, 'empty.json').tables).toEqual([]);
  });

  it('names the file when the text is not JSON', () => {
    expect(parseError('{"format": ', 'prod.json')).toMatch(/^prod\.json: not valid JSON/);
  });

  it('rejects a document that is not an object', () => {
    expect(parseError([])).toBe('catalog.json: expected a JSON object at the top level, got an array');
  });

  it('rejects a wrong or missing format string', () => {
    const doc = brownfield();
    doc.format = 'schemac.catalog/v2';
    expect(parseError(doc)).toBe('catalog.json: format: expected "schemac.catalog/v1", got "schemac.catalog/v2"');
    delete doc.format;
    expect(parseError(doc)).toBe('catalog.json: format: expected "schemac.catalog/v1", got nothing');
  });

  it('rejects a missing array, naming it', () => {
    const doc = brownfield();
    delete doc.foreign_key_columns;
    expect(parseError(doc)).toBe('catalog.json: foreign_key_columns: missing, expected an array (it may be empty)');
  });

  it('rejects an array of the wrong type', () => {
    const doc = brownfield();
    doc.indexes = {};
    expect(parseError(doc)).toBe('catalog.json: indexes: expected an array, got an object');
  });

  it('names the JSON path of a property with the wrong type', () => {
    const doc = brownfield();
    doc.columns[3].max_length = 'x';
    expect(parseError(doc)).toBe('catalog.json: columns[3].max_length: expected an integer, got "x"');
  });

  it('names a missing required property', () => {
    const doc = brownfield();
    delete doc.check_constraints[1].is_not_trusted;
    expect(parseError(doc)).toBe('catalog.json: check_constraints[1].is_not_trusted: missing, expected a boolean');
  });

  it('rejects null where the view never holds null, allows it where it may', () => {
    const doc = brownfield();
    doc.columns[0].collation_name = null;
    doc.columns[0].computed_definition = null;
    expect(() => parseSnapshot(JSON.stringify(doc), 'x.json')).not.toThrow();
    doc.tables[1].name = null;
    expect(parseError(doc)).toBe('catalog.json: tables[1].name: expected a string, got null');
  });

  it('checks enumerated values', () => {
    const doc = brownfield();
    doc.foreign_keys[0].delete_referential_action_desc = 'CASCADE_ALL';
    expect(parseError(doc)).toBe(
      'catalog.json: foreign_keys[0].delete_referential_action_desc: expected one of "NO_ACTION", "CASCADE", "SET_NULL", "SET_DEFAULT", got "CASCADE_ALL"',
    );
  });

  it('accepts an identity seed as a decimal string and rejects other strings', () => {
    const doc = brownfield();
    doc.columns[1].seed_value = '9223372036854775807';
    expect(parseSnapshot(JSON.stringify(doc), 'x.json').columns[1]!.seed_value).toBe('9223372036854775807');
    doc.columns[1].seed_value = '1.5';
    expect(parseError(doc)).toBe('catalog.json: columns[1].seed_value: expected an integer or a string of decimal digits or null, got "1.5"');
  });

  it('allows the optional properties to be absent', () => {
    const doc = brownfield();
    delete doc.schemas;
    delete doc.database_collation;
    for (const c of doc.columns) {
      delete c.system_type_name;
      delete c.is_persisted;
    }
    for (const ic of doc.index_columns) delete ic.index_column_id;
    expect(() => parseSnapshot(JSON.stringify(doc), 'x.json')).not.toThrow();
  });

  it('reports rows that refer to something the snapshot lacks', () => {
    const doc = brownfield();
    doc.index_columns[4].column_id = 99;
    expect(parseError(doc)).toMatch(/^catalog\.json: index_columns\[4\]\.column_id: no column has column_id 99 in table object_id \d+$/);
    const other = brownfield();
    other.foreign_keys[0].referenced_object_id = 12345;
    expect(parseError(other)).toBe('catalog.json: foreign_keys[0].referenced_object_id: no table has object_id 12345');
  });

  it('reports duplicate table ids', () => {
    const doc = brownfield();
    doc.tables[1].object_id = doc.tables[0].object_id;
    expect(parseError(doc)).toMatch(/^catalog\.json: tables\[1\]\.object_id: duplicate object_id/);
  });
});

describe('serializeSnapshot', () => {
  it('writes the fixture byte for byte (the fixture is in the stable form)', () => {
    expect(serializeSnapshot(parseSnapshot(brownfieldText, 'b.json'))).toBe(brownfieldText);
  });

  it('does not depend on row or property order', () => {
    const doc = brownfield();
    doc.columns.reverse();
    doc.index_columns.reverse();
    doc.default_constraints.reverse();
    doc.tables = doc.tables.map((t: Record<string, unknown>) => Object.fromEntries(Object.entries(t).reverse()));
    doc.row_counts.reverse();
    const shuffled = JSON.stringify(Object.fromEntries(Object.entries(doc).reverse()));
    expect(serializeSnapshot(parseSnapshot(shuffled, 's.json'))).toBe(brownfieldText);
  });

  it('keeps extra properties', () => {
    const doc = brownfield();
    doc.tables[0].create_date = '2024-01-01T00:00:00';
    doc.generated_by = 'a test';
    const out = JSON.parse(serializeSnapshot(parseSnapshot(JSON.stringify(doc), 'e.json')));
    expect(out.tables[0].create_date).toBe('2024-01-01T00:00:00');
    expect(out.generated_by).toBe('a test');
  });
});
