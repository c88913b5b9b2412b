/**
 * Row-level security policies in the catalog: sys.security_policies and sys.security_predicates
 * rows become the model's SecurityPolicy list (predicates in the order they were added, the
 * predicate function and the target columns read from the stored definition), survive a
 * snapshot file, and an older snapshot without them still loads; the catalog batch reads them
 * behind a version check.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CATALOG_QUERIES } from '../../src/catalog/queries';
import { readPredicateDefinition } from '../../src/catalog/read-security-policies';
import { parseSnapshot, serializeSnapshot } from '../../src/catalog/snapshot';
import { snapshotToModel } from '../../src/catalog/to-model';

const brownfield = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'catalog', 'brownfield.json'), 'utf8');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests edit the JSON document freely
type Doc = Record<string, any>;

const USERS = 613577224;
const POLICY = 990;

function withPolicy(): Doc {
  const doc: Doc = JSON.parse(brownfield);
  doc.security_policies = [{ object_id: POLICY, schema_name: 'sec', name: 'tenant_policy', is_enabled: true, is_schema_bound: true, is_not_for_replication: false }];
  // Listed out of order: the model keeps security_predicate_id order.
  doc.security_predicates = [
    { object_id: POLICY, security_predicate_id: 2, target_object_id: USERS, target_schema_name: 'dbo', target_name: 'users',
      predicate_definition: '[sec].[tenant_predicate]([tenant_id])', predicate_type_desc: 'BLOCK', operation_desc: 'AFTER INSERT' },
    { object_id: POLICY, security_predicate_id: 1, target_object_id: USERS, target_schema_name: 'dbo', target_name: 'users',
      predicate_definition: '[sec].[tenant_predicate]([TENANT_ID], CONVERT([int],[login_count]*(2)))', predicate_type_desc: 'FILTER', operation_desc: null },
  ];
  return doc;
}

const read = (doc: Doc) => snapshotToModel(parseSnapshot(JSON.stringify(doc), 'db.json')).database;

describe('security policies in the catalog', () => {
  it('reads each policy with its options and its predicates in order', () => {
    expect(read(withPolicy()).securityPolicies).toEqual([{
      schema: 'sec', name: 'tenant_policy', enabled: true, schemaBound: true, notForReplication: false,
      predicates: [
        { kind: 'FILTER', operation: null, target: { schema: 'dbo', name: 'users' }, definition: '[sec].[tenant_predicate]([TENANT_ID], CONVERT([int],[login_count]*(2)))',
          function: { schema: 'sec', name: 'tenant_predicate' }, columns: ['login_count', 'tenant_id'] },
        { kind: 'BLOCK', operation: 'AFTER INSERT', target: { schema: 'dbo', name: 'users' }, definition: '[sec].[tenant_predicate]([tenant_id])',
          function: { schema: 'sec', name: 'tenant_predicate' }, columns: ['tenant_id'] },
      ],
    }]);
  });

  it('keeps the rows through a snapshot file, and loads an older snapshot without them', () => {
    const doc = withPolicy();
    const again = parseSnapshot(serializeSnapshot(parseSnapshot(JSON.stringify(doc), 'a.json')), 'b.json');
    expect(again.security_predicates?.map((r) => r.security_predicate_id)).toEqual([1, 2]);
    expect(snapshotToModel(again).database.securityPolicies).toEqual(read(doc).securityPolicies);
    expect(read(JSON.parse(brownfield)).securityPolicies).toBeUndefined();
  });

  it('refuses a predicate of no policy, and a predicate type SQL Server has not', () => {
    const orphan = withPolicy();
    orphan.security_policies = [];
    expect(() => read(orphan)).toThrow(/security_predicates\[0\]\.object_id: no security policy has object_id 990/);
    const bad = withPolicy();
    bad.security_predicates[0].predicate_type_desc = 'READ';
    expect(() => read(bad)).toThrow(/security_predicates\[0\]\.predicate_type_desc/);
  });

  it('reads a definition: the function, and the names its arguments use (not built-ins, not parts of names)', () => {
    expect(readPredicateDefinition('[sec].[f]([a], [b c], [d]]e])')).toEqual({ function: { schema: 'sec', name: 'f' }, names: ['a', 'b c', 'd]e'] });
    expect(readPredicateDefinition('sec.f(a, isnull(b, N\'x\'), 3)')).toEqual({ function: { schema: 'sec', name: 'f' }, names: ['a', 'b'] });
    expect(readPredicateDefinition('f(a)').function).toBeNull();
  });

  it('reads both views behind one version check, with an empty result of the same shape on older servers', () => {
    for (const name of ['security_policies', 'security_predicates'] as const) {
      const q = CATALOG_QUERIES.find((x) => x.name === name);
      expect(q?.sql).toMatch(/^IF CAST\(SERVERPROPERTY\('ProductMajorVersion'\) AS int\) >= 13 OR CAST\(SERVERPROPERTY\('EngineEdition'\) AS int\) IN \(5, 8\)\nSELECT[\s\S]*\nELSE\nSELECT[\s\S]*WHERE 1 = 0 AND /);
    }
  });
});
