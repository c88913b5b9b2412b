/**
 * XML_COMPRESSION (SQL Server 2022+) in schema files: `xmlCompression` on @Table (the heap or
 * rowstore clustered index, which carries it), on nonclustered indexes and keys; each place SQL
 * Server has no such option is a compile error at its source.
 */
import { compileOne, where } from './compile-helpers';

const imports = "import { ClusteredColumnstoreIndex, Column, ColumnstoreIndex, Index, Table, Unique } from 'schemac';\n";
const compile = (source: string) => compileOne('t.schema.ts', `${imports}${source}`);

test('xmlCompression on a table, a nonclustered index and keys compiles; the clustered key carries the table\'s; false is the default', () => {
  const { result } = compile(`
@Table('docs', { xmlCompression: true })
@Index('ix_docs_code', ['code'], { include: ['body'], xmlCompression: true })
@Unique('uq_docs_code', ['code'], { xmlCompression: false })
export class Doc {
  @Column.int({ primaryKey: true }) id!: number;
  @Column.int() code!: number;
  @Column.xml({ nullable: true }) body!: string | null;
}
@Table('notes')
export class Note {
  @Column.int({ primaryKey: { clustered: false, xmlCompression: true } }) id!: number;
  @Column.xml() body!: string;
}
`);
  expect(result.diagnostics).toEqual([]);
  const [docs, notes] = result.database.tables;
  expect(docs).toMatchObject({ xmlCompression: true, primaryKey: { clustered: true, xmlCompression: true } });
  expect(docs?.indexes[0]).toMatchObject({ name: 'ix_docs_code', xmlCompression: true });
  expect(docs?.uniqueConstraints[0]).not.toHaveProperty('xmlCompression');
  expect(notes).not.toHaveProperty('xmlCompression');
  expect(notes?.primaryKey).toMatchObject({ clustered: false, xmlCompression: true });
});

describe('XML_COMPRESSION where SQL Server has none is a compile error at its source', () => {
  const cases: { title: string; code: string; source: string; at: string; nth?: number; skip?: number }[] = [
    { title: 'on a clustered index instead of its table', code: 'SC1511', at: 'xmlCompression: true', skip: 16, source: `
@Table('t1') @Index('cx_t1', ['a'], { clustered: true, xmlCompression: true }) export class T1 { @Column.int() a!: number; @Column.xml() x!: string; }` },
    { title: 'on a columnstore index', code: 'SC1512', at: 'true', source: `
@Table('t2') @ColumnstoreIndex('ncci_t2', ['a'], { xmlCompression: true } as never) export class T2 { @Column.int() a!: number; }` },
    { title: 'on a table stored as a clustered columnstore index', code: 'SC1511', at: 'true', source: `
@Table('t3', { xmlCompression: true }) @ClusteredColumnstoreIndex('cci_t3') export class T3 { @Column.int() a!: number; }` },
    { title: 'on a memory-optimized table', code: 'SC1404', at: 'true', source: `
@Table('t4', { memoryOptimized: true, xmlCompression: true }) export class T4 { @Column.int({ primaryKey: { bucketCount: 64 } }) a!: number; }` },
    { title: 'on a memory-optimized table\'s index', code: 'SC1404', at: 'true', nth: 1, source: `
@Table('t6', { memoryOptimized: true }) @Index('ix_t6', ['b'], { xmlCompression: true }) export class T6 { @Column.int({ primaryKey: { bucketCount: 64 } }) a!: number; @Column.int() b!: number; }` },
    { title: 'not a boolean literal', code: 'SC1001', at: "'ON'", source: `
@Table('t5', { xmlCompression: 'ON' as never }) export class T5 { @Column.int() a!: number; }` },
  ];

  it.each(cases)('$code: $title', ({ code, source, at, nth, skip }) => {
    const { files, found } = compile(source);
    expect(found).toEqual([`${code} ${where(files, 't.schema.ts', at, nth ?? 0, skip ?? 0)}`]);
  });
});
