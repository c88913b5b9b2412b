/**
 * NOT FOR REPLICATION in the catalog: the queries read the three is_not_for_replication columns,
 * a snapshot's rows carry them into the model, an older snapshot without them reads as false,
 * and model -> snapshot rows -> model keeps them.
 */
import * as fs from 'fs';
import * as path from 'path';
import { modelToSnapshot } from '../../src/catalog/from-model';
import { CATALOG_QUERIES } from '../../src/catalog/queries';
import { parseSnapshot, serializeSnapshot } from '../../src/catalog/snapshot';
import { snapshotToModel } from '../../src/catalog/to-model';
import type { Table } from '../../src/model';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests edit the JSON document freely
type Doc = Record<string, any>;

const brownfield = (): Doc => JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'catalog', 'brownfield.json'), 'utf8'));

function users(doc: Doc): Table {
  const found = snapshotToModel(parseSnapshot(JSON.stringify(doc), 'brownfield.json')).database.tables.find((t) => t.name === 'users');
  if (!found) throw new Error('no users');
  return found;
}

/** brownfield.json with NOT FOR REPLICATION on users.index_id, ck_users_identity_provider and fk_users_tenant. */
function flagged(): Doc {
  const doc = brownfield();
  const usersId = doc.tables.find((t: Doc) => t.name === 'users').object_id;
  doc.columns.find((c: Doc) => c.object_id === usersId && c.name === 'index_id').is_not_for_replication = true;
  doc.check_constraints.find((c: Doc) => c.name === 'ck_users_identity_provider').is_not_for_replication = true;
  doc.foreign_keys.find((f: Doc) => f.name === 'fk_users_tenant').is_not_for_replication = true;
  return doc;
}

describe('NOT FOR REPLICATION in the catalog', () => {
  it('reads is_not_for_replication of identity columns, checks and foreign keys', () => {
    const sql = (name: string) => CATALOG_QUERIES.find((q) => q.name === name)?.sql ?? '';
    expect(sql('columns')).toMatch(/ic\.is_not_for_replication/);
    expect(sql('check_constraints')).toMatch(/cc\.is_not_for_replication/);
    expect(sql('foreign_keys')).toMatch(/fk\.is_not_for_replication/);
  });

  it('carries the flags from snapshot rows into the model', () => {
    const t = users(flagged());
    expect(t.columns.find((c) => c.name === 'index_id')?.identity).toEqual({ seed: '1', increment: '1', notForReplication: true });
    expect(t.checks.find((c) => c.name === 'ck_users_identity_provider')).toMatchObject({ notForReplication: true });
    expect(t.checks.find((c) => c.name === 'ck_users_status')).not.toHaveProperty('notForReplication');
    expect(t.foreignKeys.find((f) => f.name === 'fk_users_tenant')).toMatchObject({ notForReplication: true });
  });

  it('counts a NOT FOR REPLICATION constraint trusted: SQL Server stores it is_not_trusted whatever was checked', () => {
    const doc = flagged();
    doc.check_constraints.find((c: Doc) => c.name === 'ck_users_identity_provider').is_not_trusted = true;
    doc.foreign_keys.find((f: Doc) => f.name === 'fk_users_tenant').is_not_trusted = true;
    doc.check_constraints.find((c: Doc) => c.name === 'ck_users_status').is_not_trusted = true;
    const t = users(doc);
    expect(t.checks.find((c) => c.name === 'ck_users_identity_provider')).toMatchObject({ trusted: true, enabled: true });
    expect(t.foreignKeys.find((f) => f.name === 'fk_users_tenant')).toMatchObject({ trusted: true });
    // Without the flag, untrusted stays untrusted (and is re-validated by a plan).
    expect(t.checks.find((c) => c.name === 'ck_users_status')).toMatchObject({ trusted: false });
    // And model -> rows writes is_not_trusted as SQL Server would.
    const rows = modelToSnapshot(snapshotToModel(parseSnapshot(JSON.stringify(doc), 'b.json')).database);
    expect(rows.foreign_keys.find((f) => f.name === 'fk_users_tenant')).toMatchObject({ is_not_trusted: true, is_not_for_replication: true });
  });

  it('reads an older snapshot without the properties (or with false/null) as not NOT FOR REPLICATION', () => {
    const doc = brownfield();
    for (const c of doc.columns) c.is_not_for_replication = c.is_identity ? false : null;
    const t = users(doc);
    expect(t.columns.find((c) => c.name === 'index_id')?.identity).toEqual({ seed: '1', increment: '1' });
    expect(users(brownfield()).foreignKeys[0]).not.toHaveProperty('notForReplication');
  });

  it('keeps the flags from model to snapshot rows and back', () => {
    const before = snapshotToModel(parseSnapshot(JSON.stringify(flagged()), 'brownfield.json')).database;
    const rows = modelToSnapshot(before);
    expect(rows.foreign_keys.find((f) => f.name === 'fk_users_tenant')?.is_not_for_replication).toBe(true);
    const after = snapshotToModel(parseSnapshot(serializeSnapshot(rows), 'after.json')).database.tables.find((t) => t.name === 'users');
    expect(after?.columns.find((c) => c.name === 'index_id')?.identity?.notForReplication).toBe(true);
    expect(after?.checks.find((c) => c.name === 'ck_users_identity_provider')?.notForReplication).toBe(true);
    expect(after?.foreignKeys.find((f) => f.name === 'fk_users_tenant')?.notForReplication).toBe(true);
  });
});
