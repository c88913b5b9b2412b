import { lint, lintRules } from '../../src/lint';
import type { Database, Diagnostic } from '../../src/model';
import { col, df, fk, ix, pk, uq } from '../support/model-builders';
import { at, cleanDb, file, placed, withTable } from './lint-models';

/** Diagnostics of one rule. */
function findings(db: Database, id: string): Diagnostic[] {
  return lint(db).filter((d) => d.code === id);
}

/** Position and level of each diagnostic, for compact assertions. */
function where(ds: readonly Diagnostic[]): string[] {
  return ds.map((d) => `${d.severity} ${d.source?.file}:${d.source?.line}:${d.source?.column}`);
}

describe('the clean model', () => {
  it('passes every rule, so each trigger below is the only change that matters', () => {
    expect(lint(cleanDb())).toEqual([]);
  });

  it('has rule ids that are unique and kebab-case', () => {
    const ids = lintRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});

describe('fk-without-index', () => {
  it('points at a foreign key whose columns lead no index', () => {
    const db = withTable('projects', (t) => ({ ...t, indexes: [placed(ix('ix_projects_code', ['code', 'tenant_id']), 11)] }));
    const ds = findings(db, 'fk-without-index');
    expect(where(ds)).toEqual([`warning ${file}:10:1`]);
    expect(ds[0]?.message).toMatch(/fk_projects_tenant.*\(tenant_id\).*scans dbo\.projects.*Add an unfiltered index/);
  });

  it('does not count a filtered index as covering the FK', () => {
    const db = withTable('projects', (t) => ({ ...t, indexes: [placed(ix('ix_projects_tenant', ['tenant_id'], { filter: 'code IS NOT NULL' }), 11)] }));
    const ds = findings(db, 'fk-without-index');
    expect(where(ds)).toEqual([`warning ${file}:10:1`]);
    expect(ds[0]?.message).toContain('only filtered index ix_projects_tenant');
  });

  it('accepts a primary key or unique key leading with the FK columns, in any order', () => {
    const twoCol = withTable('projects', (t) => ({
      ...t,
      columns: [...t.columns, col('region', 'int')],
      indexes: [],
      uniqueConstraints: [uq('uq_projects_region_tenant', ['region', 'tenant_id', 'id'])],
      foreignKeys: [placed(fk('fk_x', ['tenant_id', 'region'], 'tenants', ['id', 'index_id']), 10)],
    }));
    expect(findings(twoCol, 'fk-without-index')).toEqual([]);
    const byPk = withTable('projects', (t) => ({ ...t, indexes: [], primaryKey: pk('pk_projects', ['tenant_id', 'id']) }));
    expect(findings(byPk, 'fk-without-index')).toEqual([]);
  });
});

describe('heap-table', () => {
  it('points at a table with no clustered index', () => {
    const db = withTable('projects', (t) => ({ ...t, primaryKey: pk('pk_projects', ['id'], { clustered: false }) }));
    const ds = findings(db, 'heap-table');
    expect(where(ds)).toEqual([`warning ${file}:12:8`]);
    expect(ds[0]?.message).toMatch(/dbo\.projects has no clustered index, so it is a heap/);
  });

  it('accepts a clustered primary key or a clustered index', () => {
    expect(findings(cleanDb(), 'heap-table')).toEqual([]);
  });

  it('leaves memory-optimized tables alone (they take no clustered rowstore index)', () => {
    const db = withTable('projects', (t) => ({ ...t, memoryOptimized: { durability: 'SCHEMA_AND_DATA' }, primaryKey: pk('pk_projects', ['id'], { clustered: false }) }));
    expect(findings(db, 'heap-table')).toEqual([]);
  });

  it('leaves edge tables alone (their key is on $from_id, $to_id, which schema files cannot declare)', () => {
    const db = withTable('projects', (t) => ({ ...t, graph: 'edge', primaryKey: pk('pk_projects', ['id'], { clustered: false }) }));
    expect(findings(db, 'heap-table')).toEqual([]);
  });
});

describe('guid-clustered-key', () => {
  it('warns on a clustered primary key led by a GUID with a random default', () => {
    const db = withTable('tenants', (t) => ({
      ...t,
      primaryKey: placed(pk('pk_tenants', ['id']), 3, 3),
      indexes: t.indexes.map((i) => ({ ...i, clustered: false })),
    }));
    const ds = findings(db, 'guid-clustered-key');
    expect(where(ds)).toEqual([`warning ${file}:3:3`]);
    expect(ds[0]?.message).toMatch(/random GUIDs.*Make this key nonclustered/);
  });

  it('says only info when the GUID default is NEWSEQUENTIALID()', () => {
    const db = withTable('tenants', (t) => ({
      ...t,
      primaryKey: placed(pk('pk_tenants', ['id']), 3, 3),
      defaults: [df('df_tenants_id', 'id', 'newsequentialid()')],
      indexes: t.indexes.map((i) => ({ ...i, clustered: false })),
    }));
    expect(where(findings(db, 'guid-clustered-key'))).toEqual([`info ${file}:3:3`]);
  });

  it('accepts a GUID key that is nonclustered, or a clustered index led by another column', () => {
    const guidSecond = withTable('tenants', (t) => ({
      ...t, indexes: [placed(ix('ix_c', ['index_id', 'id'], { clustered: true }), 1)],
    }));
    expect(findings(guidSecond, 'guid-clustered-key')).toEqual([]);
  });
});

describe('unique-nullable', () => {
  it('points at a unique index over a nullable column with no NULL-rejecting filter', () => {
    const db = withTable('projects', (t) => ({
      ...t, indexes: [...t.indexes, placed(ix('ix_projects_code', ['code'], { unique: true }), 9, 5)],
    }));
    const ds = findings(db, 'unique-nullable');
    expect(where(ds)).toEqual([`warning ${file}:9:5`]);
    expect(ds[0]?.message).toMatch(/only one NULL per key.*add code IS NOT NULL to its filter/);
  });

  it('points at a UNIQUE constraint over a nullable column and suggests a filtered index', () => {
    const db = withTable('projects', (t) => ({ ...t, uniqueConstraints: [placed(uq('uq_projects_code', ['code']), 8, 2)] }));
    const ds = findings(db, 'unique-nullable');
    expect(where(ds)).toEqual([`warning ${file}:8:2`]);
    expect(ds[0]?.message).toContain('replace it with a nonclustered unique index filtered on code IS NOT NULL');
  });

  it('still warns when the filter constrains only other columns', () => {
    const db = withTable('projects', (t) => ({
      ...t, indexes: [...t.indexes, placed(ix('ix_projects_code', ['code'], { unique: true, filter: 'id > 0' }), 9)],
    }));
    expect(findings(db, 'unique-nullable')).toHaveLength(1);
  });

  it.each([
    ['code IS NOT NULL'],
    ['id > 0 AND code IS NOT NULL'],
    ["code = 'x'"],
    ["[code] IN ('a', 'b')"],
  ])('accepts a filter that rejects NULL in the column: %s', (filter) => {
    const db = withTable('projects', (t) => ({
      ...t, indexes: [...t.indexes, placed(ix('ix_projects_code', ['code'], { unique: true, filter }), 9)],
    }));
    expect(findings(db, 'unique-nullable')).toEqual([]);
  });

  it('accepts a non-unique index over a nullable column, and a filter of IS NULL does not count', () => {
    const plain = withTable('projects', (t) => ({ ...t, indexes: [...t.indexes, ix('ix_projects_code', ['code'])] }));
    expect(findings(plain, 'unique-nullable')).toEqual([]);
    const isNull = withTable('projects', (t) => ({
      ...t, indexes: [...t.indexes, placed(ix('ix_projects_code', ['code'], { unique: true, filter: 'code IS NULL' }), 9)],
    }));
    expect(findings(isNull, 'unique-nullable')).toHaveLength(1);
  });
});

describe('index-key-too-wide', () => {
  it('counts nvarchar(n) as 2n bytes against the 1,700-byte nonclustered limit', () => {
    const db = withTable('tenants', (t) => ({
      ...t,
      columns: [...t.columns, col('title', 'nvarchar(850)'), col('flag', 'bit')],
      indexes: [...t.indexes, placed(ix('ix_tenants_title', ['title', 'flag']), 20, 2)],
    }));
    const ds = findings(db, 'index-key-too-wide');
    expect(where(ds)).toEqual([`warning ${file}:20:2`]);
    expect(ds[0]?.message).toMatch(/up to 1701 bytes, over SQL Server's 1700-byte limit for nonclustered keys/);
  });

  it('uses the 900-byte limit for clustered keys', () => {
    const atLimit = withTable('tenants', (t) => ({
      ...t,
      columns: [...t.columns, col('code', 'varchar(900)')],
      indexes: [placed(ix('ix_c', ['code'], { clustered: true }), 1)],
    }));
    expect(findings(atLimit, 'index-key-too-wide')).toEqual([]);
    const over = withTable('tenants', (t) => ({
      ...t,
      columns: [...t.columns, col('code', 'varchar(893)')],
      indexes: [placed(ix('ix_c', ['code', 'index_id'], { clustered: true }), 1)],
    }));
    expect(where(findings(over, 'index-key-too-wide'))).toEqual([`warning ${file}:1:1`]);
  });

  it('accepts nvarchar(850) alone (exactly 1,700 bytes)', () => {
    const db = withTable('tenants', (t) => ({
      ...t, columns: [...t.columns, col('title', 'nvarchar(850)')], indexes: [...t.indexes, ix('ix_t', ['title'])],
    }));
    expect(findings(db, 'index-key-too-wide')).toEqual([]);
  });
});

describe('fk-type-mismatch', () => {
  it('says SQL Server refuses a different base type', () => {
    const db = withTable('projects', (t) => ({
      ...t, columns: t.columns.map((c) => (c.name === 'tenant_id' ? col('tenant_id', 'varchar(36)') : c)),
    }));
    const ds = findings(db, 'fk-type-mismatch');
    expect(where(ds)).toEqual([`warning ${file}:10:1`]);
    expect(ds[0]?.message).toMatch(/dbo\.projects\.tenant_id is varchar\(36\) but dbo\.tenants\.id is uniqueidentifier; SQL Server refuses.*Msg 1778/);
  });

  it('reports a different length of the same type', () => {
    const db = withTable('projects', (t) => ({
      ...t,
      columns: [...t.columns, col('tenant_name', 'nvarchar(100)')],
      foreignKeys: [placed(fk('fk_name', ['tenant_name'], 'tenants', ['name']), 16, 4)],
    }));
    const ds = findings(db, 'fk-type-mismatch');
    expect(where(ds)).toEqual([`warning ${file}:16:4`]);
    expect(ds[0]?.message).toContain('nvarchar(100) but dbo.tenants.name is nvarchar(200); values can differ');
  });

  it('accepts equal types, and a target outside the model', () => {
    expect(findings(cleanDb(), 'fk-type-mismatch')).toEqual([]);
    const elsewhere = withTable('projects', (t) => ({
      ...t, foreignKeys: [placed(fk('fk_far', ['code'], 'other.things', ['id']), 10)],
    }));
    expect(findings(elsewhere, 'fk-type-mismatch')).toEqual([]);
  });
});

describe('datetime-not-datetime2', () => {
  it('points at the DATETIME column as info', () => {
    const db = withTable('tenants', (t) => ({
      ...t, columns: t.columns.map((c) => (c.name === 'created_at' ? placed(col('created_at', 'datetime'), 6, 3) : c)),
    }));
    const ds = findings(db, 'datetime-not-datetime2');
    expect(where(ds)).toEqual([`info ${file}:6:3`]);
    expect(ds[0]?.message).toMatch(/dbo\.tenants\.created_at is DATETIME.*prefer DATETIME2/);
  });

  it('accepts datetime2, date and datetimeoffset', () => {
    const db = withTable('tenants', (t) => ({ ...t, columns: [...t.columns, col('d', 'date'), col('o', 'datetimeoffset')] }));
    expect(findings(db, 'datetime-not-datetime2')).toEqual([]);
  });
});

describe('soft-delete-unfiltered', () => {
  it('points at an index of a table with is_deleted that is not filtered on it', () => {
    const db = withTable('tenants', (t) => ({ ...t, indexes: [...t.indexes, placed(ix('ix_tenants_created', ['created_at']), 30, 7)] }));
    const ds = findings(db, 'soft-delete-unfiltered');
    expect(where(ds)).toEqual([`info ${file}:30:7`]);
    expect(ds[0]?.message).toMatch(/ix_tenants_created.*not filtered on is_deleted.*WHERE is_deleted = 0/);
  });

  it('says a unique index keeps deleted keys taken', () => {
    const db = withTable('tenants', (t) => ({
      ...t, indexes: t.indexes.map((i) => (i.name === 'ix_tenants_name' ? { ...i, filter: null } : i)),
    }));
    expect(findings(db, 'soft-delete-unfiltered')[0]?.message).toContain('a deleted row keeps its key taken');
  });

  it('leaves alone filtered indexes, the clustered index, indexes keyed on is_deleted, and tables without it', () => {
    const keyed = withTable('tenants', (t) => ({ ...t, indexes: [...t.indexes, ix('ix_tenants_del', ['is_deleted', 'created_at'])] }));
    expect(findings(keyed, 'soft-delete-unfiltered')).toEqual([]);
    const noFlag = withTable('projects', (t) => ({ ...t, indexes: [...t.indexes, ix('ix_projects_code', ['code'])] }));
    expect(findings(noFlag, 'soft-delete-unfiltered')).toEqual([]);
  });
});

describe('diagnostics', () => {
  it('fall back to the table position when the object has none', () => {
    const db = withTable('projects', (t) => ({ ...t, indexes: [], foreignKeys: [fk('fk_projects_tenant', ['tenant_id'], 'tenants', ['id'])] }));
    expect(findings(db, 'fk-without-index')[0]?.source).toEqual(at(12, 8));
  });
});

describe('deprecated-type', () => {
  it('points at text, ntext and image columns with the type that replaces each', () => {
    const db = withTable('tenants', (t) => ({
      ...t, columns: [...t.columns, placed(col('notes', 'text'), 7, 3), placed(col('bio', 'ntext'), 8, 3), placed(col('photo', 'image'), 9, 3)],
    }));
    const ds = findings(db, 'deprecated-type');
    expect(where(ds)).toEqual([`warning ${file}:7:3`, `warning ${file}:8:3`, `warning ${file}:9:3`]);
    expect(ds.map((d) => d.message)).toEqual([
      expect.stringMatching(/dbo\.tenants\.notes is TEXT, which SQL Server deprecates; use varchar\(max\)/),
      expect.stringMatching(/bio is NTEXT.*use nvarchar\(max\)/),
      expect.stringMatching(/photo is IMAGE.*use varbinary\(max\)/),
    ]);
  });

  it('accepts the MAX types and the other new types', () => {
    const db = withTable('tenants', (t) => ({ ...t, columns: [...t.columns, col('a', 'varchar(max)'), col('v', 'rowversion'), col('g', 'geography')] }));
    expect(findings(db, 'deprecated-type')).toEqual([]);
  });
});

describe('untrusted-constraint', () => {
  it('points, as info, at a foreign key declared validate: false and a check declared enabled: false', () => {
    const db = withTable('projects', (t) => ({
      ...t,
      foreignKeys: t.foreignKeys.map((f) => ({ ...f, trusted: false })),
      checks: [placed({ name: 'ck_projects_code', isSystemNamed: false, expression: { text: "code <> ''", canonical: "code <> ''", parsed: false }, trusted: false, enabled: false }, 12)],
    }));
    const ds = findings(db, 'untrusted-constraint');
    expect(where(ds)).toEqual([`info ${file}:10:1`, `info ${file}:12:1`]);
    expect(ds[0]?.message).toMatch(/foreign key fk_projects_tenant of dbo\.projects is declared validate: false.*does not rely on it.*remove the option/);
    expect(ds[1]?.message).toMatch(/check ck_projects_code of dbo\.projects is declared enabled: false: no row is checked/);
  });

  it('says nothing of a NOT FOR REPLICATION key, which SQL Server never trusts', () => {
    const db = withTable('projects', (t) => ({ ...t, foreignKeys: t.foreignKeys.map((f) => ({ ...f, trusted: false, notForReplication: true })) }));
    expect(findings(db, 'untrusted-constraint')).toEqual([]);
  });
});
