import * as fs from 'fs';
import * as path from 'path';
import { parseConnectionString } from '../../src/catalog/connection';
import { CATALOG_BATCH, CATALOG_QUERIES, FINGERPRINT_QUERY } from '../../src/catalog/queries';
import { CatalogReadError, readCatalogWith, type CatalogQuery } from '../../src/catalog/read';
import { connectionFailure } from '../../src/catalog/read-errors';
import type { Rows } from '../../src/catalog/read-rows';
import { serializeSnapshot } from '../../src/catalog/snapshot';

const fixtureText = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'catalog', 'brownfield.json'), 'utf8');

/**
 * The brownfield catalog as the driver returns it: one result set per query, bigint and
 * sql_variant values as strings (seed_value is CAST to nvarchar; SUM(rows) is bigint).
 */
function driverResultSets(edit?: (doc: Record<string, any>) => void): Rows[] { // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON surgery
  const doc = JSON.parse(fixtureText);
  edit?.(doc);
  return CATALOG_QUERIES.map((q): Rows => {
    switch (q.name) {
      case 'database':
        return [{ database: doc.database, server_version: doc.server_version, database_collation: doc.database_collation }];
      case 'schemas':
        return doc.schemas.map((name: string) => ({ name }));
      case 'columns':
        return doc.columns.map((c: Record<string, unknown>) => ({
          ...c,
          seed_value: c.seed_value === null ? null : String(c.seed_value),
          increment_value: c.increment_value === null ? null : String(c.increment_value),
        }));
      case 'row_counts':
        return doc.row_counts.map((r: Record<string, unknown>) => ({ ...r, rows: String(r.rows) }));
      default:
        return doc[q.name] ?? [];
    }
  });
}

/** A fake server: answers the fingerprint from `fingerprints` in turn, the batch with `batch`. */
function fakeServer(fingerprints: [number, Date][], batch: () => Rows[] = () => driverResultSets()) {
  const log: string[] = [];
  let next = 0;
  const query: CatalogQuery = async (text) => {
    if (text === FINGERPRINT_QUERY) {
      log.push('fingerprint');
      const [count, date] = fingerprints[Math.min(next++, fingerprints.length - 1)]!;
      // A new Date each time, as the driver makes: equal instants must compare equal.
      return [[{ object_count: count, last_modified: new Date(date.getTime()) }]];
    }
    if (text === CATALOG_BATCH) {
      log.push('batch');
      return batch();
    }
    throw new Error(`unexpected query ${text}`);
  };
  return { query, log };
}

const t0 = new Date('2026-11-26T10:00:00.000Z');
const t1 = new Date('2026-11-26T10:00:00.003Z');

async function failure(promise: Promise<unknown>): Promise<CatalogReadError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(CatalogReadError);
    return error as CatalogReadError;
  }
  throw new Error('expected a CatalogReadError');
}

describe('readCatalogWith', () => {
  it('reads once when the fingerprint holds, and gives the snapshot the file format holds', async () => {
    const server = fakeServer([[120, t0]]);
    const snapshot = await readCatalogWith(server.query, 'app');
    expect(server.log).toEqual(['fingerprint', 'batch', 'fingerprint']);
    // Driver strings for bigint/sql_variant became the numbers the format writes.
    expect(serializeSnapshot(snapshot)).toBe(fixtureText);
  });

  it('reads again once when the schema moved during the first read', async () => {
    const server = fakeServer([[120, t0], [121, t1], [121, t1]]);
    await readCatalogWith(server.query, 'app');
    expect(server.log).toEqual(['fingerprint', 'batch', 'fingerprint', 'batch', 'fingerprint']);
  });

  it('notices a change of modify_date alone', async () => {
    const server = fakeServer([[120, t0], [120, t1], [120, t1]]);
    await readCatalogWith(server.query, 'app');
    expect(server.log.filter((q) => q === 'batch')).toHaveLength(2);
  });

  it('stops with a typed error when the schema moved during both reads', async () => {
    const server = fakeServer([[120, t0], [121, t0], [122, t0]]);
    const error = await failure(readCatalogWith(server.query, 'sa@h:1433/app (encrypted)'));
    expect(error.failure).toBe('schema-changing');
    expect(error.message).toMatch(/^catalog: the schema is changing under us/);
    expect(error.message).toContain('sa@h:1433/app');
    expect(server.log.filter((q) => q === 'batch')).toHaveLength(2);
  });

  it('keeps an identity seed beyond 2^53 as a decimal string, smaller ones as numbers', async () => {
    const server = fakeServer([[1, t0]], () => driverResultSets((doc) => {
      doc.columns[1].seed_value = '9223372036854775807';
      doc.columns[7].increment_value = 9007199254740991;
    }));
    const snapshot = await readCatalogWith(server.query, 'app');
    expect(snapshot.columns[1]!.seed_value).toBe('9223372036854775807');
    expect(snapshot.columns[7]!.increment_value).toBe(9007199254740991);
    expect(snapshot.row_counts.map((r) => r.rows)).toEqual([3, 42]);
  });

  it('reports rows of the wrong shape with their path', async () => {
    const server = fakeServer([[1, t0]], () => driverResultSets((doc) => { doc.indexes[2].is_unique = 1; }));
    const error = await failure(readCatalogWith(server.query, 'app'));
    expect(error.failure).toBe('invalid-rows');
    expect(error.message).toBe('catalog: the catalog read from app is not what schemac expects: indexes[2].is_unique: expected a boolean, got 1');
  });

  it('reports a server that returns the wrong number of result sets', async () => {
    const server = fakeServer([[1, t0]], () => driverResultSets().slice(1));
    const error = await failure(readCatalogWith(server.query, 'app'));
    expect(error.message).toMatch(new RegExp(`returned ${CATALOG_QUERIES.length - 1} result sets, expected ${CATALOG_QUERIES.length}`));
  });
});

describe('connection failures', () => {
  const password = 'Tr0ub4dor&3';
  const config = parseConnectionString(`mssql://sa:${encodeURIComponent(password)}@db.example.com:1433/app`);

  it('says the password is wrong for error 18456', () => {
    const error = connectionFailure(Object.assign(new Error("Login failed for user 'sa'."), { code: 'ELOGIN' }), [18456], config);
    expect(error.failure).toBe('login-failed');
    expect(error.message).toBe('catalog: login failed for sa@db.example.com:1433/app (encrypted): wrong user name or password, or the login is disabled (SQL Server error 18456)');
  });

  it('says the database is missing for error 4060, though 18456 follows it', () => {
    const error = connectionFailure(Object.assign(new Error("Login failed for user 'sa'."), { code: 'ELOGIN' }), [4060, 18456], config);
    expect(error.failure).toBe('database-missing');
    expect(error.message).toBe('catalog: cannot open the database of sa@db.example.com:1433/app (encrypted): it does not exist or the login cannot use it (SQL Server error 4060)');
  });

  it('recognizes the messages when the error numbers were not seen', () => {
    expect(connectionFailure(Object.assign(new Error('Cannot open database "app" requested by the login. The login failed.'), { code: 'ELOGIN' }), [], config).failure).toBe('database-missing');
    expect(connectionFailure(Object.assign(new Error("Login failed for user 'sa'."), { code: 'ELOGIN' }), [], config).failure).toBe('login-failed');
  });

  it('says the host is unreachable for socket errors and timeouts', () => {
    const socket = Object.assign(new Error('Failed to connect'), { code: 'ESOCKET', originalError: new Error('connect ECONNREFUSED 10.0.0.5:1433') });
    expect(connectionFailure(socket, [], config)).toMatchObject({
      failure: 'unreachable',
      message: 'catalog: cannot reach the server of sa@db.example.com:1433/app (encrypted): connect ECONNREFUSED 10.0.0.5:1433',
    });
    const timeout = Object.assign(new Error('Failed to connect to db.example.com:1433 in 15000ms'), { code: 'ETIMEOUT' });
    expect(connectionFailure(timeout, [], config).failure).toBe('unreachable');
  });

  it('never prints the password, even when the driver does', () => {
    const leaky = Object.assign(new Error(`handshake failed for password ${password}`), { code: 'EINSTLOOKUP' });
    const error = connectionFailure(leaky, [], config);
    expect(error.failure).toBe('connection');
    expect(error.message).not.toContain(password);
    expect(error.message).toContain('***');
  });
});
