/**
 * Memory-optimized tables: `memoryOptimized` on @Table and `bucketCount` on keys and indexes
 * compile to the model (a primary key left to its default is nonclustered); what SQL Server
 * refuses for them is an error at the option or object that asks for it.
 */
import { compileOne, where } from './compile-helpers';

const imports = "import { Column, ForeignKey, Index, PrimaryKey, Table, Unique, sql } from 'schemac';\n";

function compile(source: string, typeCheck = false) {
  return compileOne('t.schema.ts', `${imports}${source}`, typeCheck);
}

describe('memory-optimized tables compile to the model', () => {
  it('reads durability, hash keys and indexes, and range indexes', () => {
    const { result, found } = compile(`
@Table('sessions', { memoryOptimized: true })
@Index('ix_sessions_user', ['userId'], { bucketCount: 1000 })
@Index('ix_sessions_started', ['startedAt'])
@Unique('uq_sessions_token', ['token'], { bucketCount: 64 })
export class Session {
  @Column.int({ primaryKey: { bucketCount: 100000 }, identity: true }) id!: number;
  @Column.int() userId!: number;
  @Column.varchar(64) token!: string;
  @Column.datetime2(3) startedAt!: Date;
}
@Table('cart', { memoryOptimized: { durability: 'SCHEMA_ONLY' } })
@Index('ix_cart_user', ['userId'], { bucketCount: 16 })
export class Cart {
  @Column.int() userId!: number;
}`, true); // type-checked: the options are part of the API's types
    expect(found).toEqual([]);
    const sessions = result.database.tables.find((t) => t.name === 'sessions');
    expect(sessions?.memoryOptimized).toEqual({ durability: 'SCHEMA_AND_DATA' });
    expect(sessions?.primaryKey).toMatchObject({ clustered: false, bucketCount: 100000 });
    expect(sessions?.uniqueConstraints[0]).toMatchObject({ bucketCount: 64, clustered: false });
    expect(sessions?.indexes.find((i) => i.name === 'ix_sessions_user')).toMatchObject({ bucketCount: 1000, clustered: false });
    expect(sessions?.indexes.find((i) => i.name === 'ix_sessions_started')).not.toHaveProperty('bucketCount');
    const cart = result.database.tables.find((t) => t.name === 'cart');
    expect(cart?.memoryOptimized).toEqual({ durability: 'SCHEMA_ONLY' });
    expect(cart?.primaryKey).toBeNull();
  });

  it('refuses what SQL Server refuses, each at its source', () => {
    const { files, found, messages } = compile(`
@Table('disk')
@Index('ix_disk_a', ['a'], { bucketCount: 8 })
export class Disk {
  @Column.int({ primaryKey: true }) id!: number;
  @Column.int() a!: number;
}
@Table('mem', { memoryOptimized: true })
@Index('ix_mem_a', ['a'], { clustered: true })
@Index('ix_mem_b', ['b'], { where: sql\`[b] > 0\` })
@Index('ix_mem_c', ['a'], { fillFactor: 80 })
@Index('ix_mem_d', [{ column: 'b', desc: true }], { bucketCount: 0 })
@ForeignKey('fk_mem_disk', ['a'], () => Disk, ['id'])
export class Mem {
  @Column.int({ primaryKey: true }) id!: number;
  @Column.int() a!: number;
  @Column.int() b!: number;
  @Column.xml({ nullable: true }) doc!: string | null;
}
@Table('nokey', { memoryOptimized: { durability: 'SCHEMA_AND_DATA' } })
@Index('ix_nokey_a', ['a'], { bucketCount: 8 })
export class NoKey {
  @Column.int() a!: number;
}`);
    expect([...found].sort()).toEqual([
      `SC1516 ${where(files, 't.schema.ts', '8 }')}`,
      `SC1516 ${where(files, 't.schema.ts', 'bucketCount: 0', 0, 13)}`,
      `SC1602 ${where(files, 't.schema.ts', "['id'])")}`,
      `SC1404 ${where(files, 't.schema.ts', 'clustered: true', 0, 11)}`,
      `SC1404 ${where(files, 't.schema.ts', 'sql`[b]')}`,
      `SC1404 ${where(files, 't.schema.ts', '80 }')}`,
      `SC1404 ${where(files, 't.schema.ts', 'doc!')}`,
      `SC1404 ${where(files, 't.schema.ts', "{ durability: 'SCHEMA_AND_DATA' }")}`,
    ].sort());
    expect(messages.join('\n')).toMatch(/needs a primary key/);
    expect(messages.join('\n')).toMatch(/foreign keys between memory-optimized tables only/);
  });
});
