/**
 * Storage declarations (issue 15, item 4): SPARSE, DATA_COMPRESSION, IGNORE_DUP_KEY and
 * columnstore indexes compile to the model, and each combination SQL Server refuses is a compile
 * error at its file:line:col with a stable code (SC1116 sparse, SC1509 columnstore, SC1510
 * IGNORE_DUP_KEY, SC1511 compression).
 */
import { compileFiles, where } from './compile-helpers';

const imports = "import { ClusteredColumnstoreIndex, Column, ColumnstoreIndex, Index, PrimaryKey, Table, Unique, sql } from 'schemac';\n";

function compile(source: string) {
  const files = { 't.schema.ts': `${imports}${source}` };
  const c = compileFiles(files, { typeCheck: false });
  const found = c.result.diagnostics.map((d) => `${d.code} ${d.source?.file.split('/').pop()}:${d.source?.line}:${d.source?.column}`);
  return { ...c, files, found };
}

describe('storage options compile to the model', () => {
  it('reads sparse columns, compression on tables, indexes and keys, IGNORE_DUP_KEY and columnstore indexes', () => {
    const { result } = compile(`
@Table('readings', { dataCompression: 'PAGE' })
@Index('ix_readings_id', ['id'], { unique: true, clustered: true })
@Index('ix_readings_code', ['code'], { unique: true, ignoreDupKey: true, dataCompression: 'ROW' })
@Unique('uq_readings_code_at', ['code', 'at'], { ignoreDupKey: true })
export class Reading {
  @Column.bigint({ identity: true }) id!: number;
  @Column.varchar(20) code!: string;
  @Column.datetime2() at!: Date;
}
@Table('docs')
@ColumnstoreIndex('ncci_docs', ['title', 'size'], { where: sql\`[size] > 0\`, dataCompression: 'COLUMNSTORE_ARCHIVE' })
export class Doc {
  @Column.int({ primaryKey: { ignoreDupKey: true, clustered: false, dataCompression: 'ROW' } }) id!: number;
  @Column.varchar(100) title!: string;
  @Column.int() size!: number;
  @Column.nvarchar(50, { nullable: true, sparse: true }) spec!: string | null;
}
@Table('facts')
@ClusteredColumnstoreIndex('cci_facts')
export class Fact { @Column.int() id!: number; @Column.money() amount!: number; }
`);
    expect(result.diagnostics).toEqual([]);
    const [docs, facts, readings] = result.database.tables;
    expect(readings).toMatchObject({ dataCompression: 'PAGE' });
    // The clustered index holds the table's rows: it carries the table's compression.
    expect(readings?.indexes.find((i) => i.name === 'ix_readings_id')).toMatchObject({ clustered: true, dataCompression: 'PAGE' });
    expect(readings?.indexes.find((i) => i.name === 'ix_readings_code')).toMatchObject({ ignoreDupKey: true, dataCompression: 'ROW' });
    expect(readings?.uniqueConstraints[0]).toMatchObject({ ignoreDupKey: true });
    expect(docs?.primaryKey).toMatchObject({ ignoreDupKey: true, dataCompression: 'ROW', clustered: false });
    expect(docs?.columns.find((c) => c.name === 'spec')).toMatchObject({ sparse: true, nullable: true });
    expect(docs?.indexes[0]).toMatchObject({
      name: 'ncci_docs', columnstore: true, clustered: false, columns: [{ name: 'title', descending: false }, { name: 'size', descending: false }],
      dataCompression: 'COLUMNSTORE_ARCHIVE', include: [], unique: false,
    });
    expect(docs?.indexes[0]?.filter?.text).toBe('[size] > 0');
    // COLUMNSTORE is a columnstore index's default: left out, as the catalog reader leaves it out.
    expect(facts?.indexes[0]).toEqual(expect.objectContaining({ name: 'cci_facts', columnstore: true, clustered: true, columns: [] }));
    expect(facts?.indexes[0]).not.toHaveProperty('dataCompression');
  });
});

describe('storage combinations SQL Server refuses are compile errors at their source', () => {
  const cases: { title: string; code: string; source: string; at: string; skip?: number }[] = [
    { title: 'a NOT NULL sparse column', code: 'SC1116', at: 'sparse: true', skip: 8, source: `
@Table('t1') export class T1 { @Column.int() id!: number; @Column.int({ sparse: true }) a!: number; }` },
    { title: 'a sparse column with a default', code: 'SC1116', at: 'sparse: true', skip: 8, source: `
@Table('t2') export class T2 { @Column.int() id!: number; @Column.int({ nullable: true, sparse: true, default: 0 }) a!: number | null; }` },
    { title: 'a sparse column of a type that cannot be sparse', code: 'SC1116', at: 'sparse: true', skip: 8, source: `
@Table('t3') export class T3 { @Column.int() id!: number; @Column.geography({ nullable: true, sparse: true }) g!: string | null; }` },
    { title: 'a sparse column in the clustered index', code: 'SC1116', at: 'sparse: true', skip: 8, source: `
@Table('t4') @Index('cx_t4', ['a'], { clustered: true }) export class T4 { @Column.int({ nullable: true, sparse: true }) a!: number | null; }` },
    { title: 'a sparse column on a compressed table', code: 'SC1116', at: 'sparse: true', skip: 8, source: `
@Table('t5', { dataCompression: 'ROW' }) export class T5 { @Column.int() id!: number; @Column.int({ nullable: true, sparse: true }) a!: number | null; }` },
    { title: 'a clustered columnstore index with key columns', code: 'SC1509', at: "['id']", source: `
@Table('t6') @ClusteredColumnstoreIndex('cci_t6', ['id'] as never) export class T6 { @Column.int() id!: number; }` },
    { title: 'a clustered columnstore index with a filter', code: 'SC1509', at: 'sql`[id] > 0`', source: `
@Table('t7') @ClusteredColumnstoreIndex('cci_t7', { where: sql\`[id] > 0\` } as never) export class T7 { @Column.int() id!: number; }` },
    { title: 'a columnstore index with INCLUDE', code: 'SC1509', at: "['b']", source: `
@Table('t8') @ColumnstoreIndex('ncci_t8', ['a'], { include: ['b'] } as never) export class T8 { @Column.int() a!: number; @Column.int() b!: number; }` },
    { title: 'a second columnstore index', code: 'SC1509', at: "@ColumnstoreIndex('ncci_t9b'", source: `
@Table('t9') @ColumnstoreIndex('ncci_t9a', ['a']) @ColumnstoreIndex('ncci_t9b', ['b']) export class T9 { @Column.int() a!: number; @Column.int() b!: number; }` },
    { title: 'a columnstore index over an xml column', code: 'SC1509', at: "@ColumnstoreIndex('ncci_t10'", source: `
@Table('t10') @ColumnstoreIndex('ncci_t10', ['x']) export class T10 { @Column.int() a!: number; @Column.xml() x!: string; }` },
    { title: 'IGNORE_DUP_KEY on a non-unique index', code: 'SC1510', at: 'ignoreDupKey: true', skip: 14, source: `
@Table('t11') @Index('ix_t11', ['a'], { ignoreDupKey: true }) export class T11 { @Column.int() a!: number; }` },
    { title: 'IGNORE_DUP_KEY on a filtered unique index', code: 'SC1510', at: 'ignoreDupKey: true', skip: 14, source: `
@Table('t12') @Index('ix_t12', ['a'], { unique: true, where: sql\`[a] > 0\`, ignoreDupKey: true }) export class T12 { @Column.int() a!: number; }` },
    { title: 'ROW compression on a columnstore index', code: 'SC1511', at: "'ROW'", source: `
@Table('t13') @ClusteredColumnstoreIndex('cci_t13', { dataCompression: 'ROW' } as never) export class T13 { @Column.int() a!: number; }` },
    { title: 'COLUMNSTORE compression on a rowstore index', code: 'SC1511', at: "'COLUMNSTORE'", source: `
@Table('t14') @Index('ix_t14', ['a'], { dataCompression: 'COLUMNSTORE' } as never) export class T14 { @Column.int() a!: number; }` },
    { title: 'compression on a clustered index instead of its table', code: 'SC1511', at: "'PAGE'", source: `
@Table('t15') @Index('cx_t15', ['a'], { clustered: true, dataCompression: 'PAGE' }) export class T15 { @Column.int() a!: number; }` },
    { title: 'rowstore compression on a clustered columnstore table', code: 'SC1511', at: "'PAGE'", source: `
@Table('t16', { dataCompression: 'PAGE' }) @ClusteredColumnstoreIndex('cci_t16') export class T16 { @Column.int() a!: number; }` },
  ];

  it.each(cases)('$code: $title', ({ code, source, at, skip }) => {
    const { files, found } = compile(source);
    expect(found).toEqual([`${code} ${where(files, 't.schema.ts', at, 0, skip ?? 0)}`]);
  });
});
