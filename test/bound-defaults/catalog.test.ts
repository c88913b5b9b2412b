/**
 * Bound defaults and rules (CREATE DEFAULT + sp_bindefault, CREATE RULE + sp_bindrule) are read
 * onto the columns and alias types they are bound to, named once each as an info finding, kept
 * through a snapshot file and model -> rows -> model; older snapshots without them still load.
 */
import * as fs from 'fs';
import * as path from 'path';
import { modelToSnapshot } from '../../src/catalog/from-model';
import { parseSnapshot, serializeSnapshot } from '../../src/catalog/snapshot';
import { snapshotToModel } from '../../src/catalog/to-model';
import type { Column, Database } from '../../src/model';

const brownfield = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'catalog', 'brownfield.json'), 'utf8');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests edit the JSON document freely
type Doc = Record<string, any>;

const USERS = 613577224;
const ZERO = 901;
const POSITIVE = 902;
const DF_CONSTRAINT = 903;

/** brownfield with default dbo.zero bound to users.login_count and rule dbo.positive to it and to alias type dbo.Qty. */
function legacy(): Doc {
  const doc: Doc = JSON.parse(brownfield);
  const login = doc.columns.find((c: Doc) => c.object_id === USERS && c.name === 'login_count');
  login.default_object_id = ZERO;
  login.rule_object_id = POSITIVE;
  // A DEFAULT constraint's id in default_object_id is not a bound default.
  const status = doc.columns.find((c: Doc) => c.object_id === USERS && c.name === 'status');
  status.default_object_id = DF_CONSTRAINT;
  status.rule_object_id = 0;
  doc.types = [{ schema_name: 'dbo', name: 'Qty', system_type_name: 'int', max_length: 4, precision: 10, scale: 0, is_nullable: true, default_object_id: 0, rule_object_id: POSITIVE }];
  doc.default_rule_objects = [
    { object_id: ZERO, schema_name: 'dbo', name: 'zero', type: 'D', definition: 'CREATE DEFAULT zero AS 0' },
    { object_id: POSITIVE, schema_name: 'dbo', name: 'positive', type: 'R', definition: 'CREATE RULE positive AS @v >= 0' },
  ];
  return doc;
}

const read = (doc: Doc) => snapshotToModel(parseSnapshot(JSON.stringify(doc), 'db.json'));
const column = (db: Database, name: string): Column => db.tables.find((t) => t.name === 'users')!.columns.find((c) => c.name === name)!;

describe('bound defaults and rules in the catalog', () => {
  const { database, diagnostics } = read(legacy());

  it('puts each bound object on its column and alias type, with its stored definition', () => {
    expect(column(database, 'login_count').boundDefault).toEqual({ schema: 'dbo', name: 'zero', definition: 'CREATE DEFAULT zero AS 0' });
    expect(column(database, 'login_count').boundRule).toEqual({ schema: 'dbo', name: 'positive', definition: 'CREATE RULE positive AS @v >= 0' });
    expect(database.aliasTypes?.[0]?.boundRule?.name).toBe('positive');
    expect(database.aliasTypes?.[0]?.boundDefault).toBeUndefined();
  });

  it('does not take a DEFAULT constraint id for a bound default', () => {
    expect(column(database, 'status').boundDefault).toBeUndefined();
    expect(column(database, 'status').boundRule).toBeUndefined();
  });

  it('names each bound object once, as info, with everything it is bound to', () => {
    expect(diagnostics.map((d) => [d.code, d.severity, d.message])).toEqual([
      ['SC3001', 'info', expect.stringMatching(/^default dbo\.zero \(CREATE DEFAULT, deprecated\) is bound to dbo\.users\.login_count: schema files do not declare it; schemac keeps it/)],
      ['SC3001', 'info', expect.stringMatching(/^rule dbo\.positive \(CREATE RULE, deprecated\) is bound to dbo\.users\.login_count, type dbo\.Qty:/)],
    ]);
  });

  it('survives model -> snapshot file -> model', () => {
    const text = serializeSnapshot(modelToSnapshot(database, { database: 'app' }));
    const again = snapshotToModel(parseSnapshot(text, 'after.json'));
    expect(column(again.database, 'login_count').boundDefault).toEqual(column(database, 'login_count').boundDefault);
    expect(column(again.database, 'login_count').boundRule).toEqual(column(database, 'login_count').boundRule);
    expect(again.database.aliasTypes).toEqual(database.aliasTypes);
    // One row per object, however many columns and types it is bound to.
    expect(JSON.parse(text).default_rule_objects.map((r: Doc) => r.name).sort()).toEqual(['positive', 'zero']);
  });

  it('loads a snapshot written before bindings were read: nothing is bound', () => {
    const old = read(JSON.parse(brownfield));
    expect(old.database.tables.flatMap((t) => t.columns).some((c) => c.boundDefault !== undefined || c.boundRule !== undefined)).toBe(false);
    expect(old.diagnostics).toEqual([]);
  });
});
