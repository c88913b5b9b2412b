/** fingerprint(): structure and names only, stable under reordering. */
import { fingerprint } from '../../src/differ';
import { ck, col, db, df, expr, fk, ix, pk, table } from '../support/model-builders';
import type { Database } from '../../src/model';

function model(rows = 0): Database {
  return db([
    table('parent', { columns: [col('id', 'int'), col('name', 'varchar(50)')], pk: pk('pk_parent', ['id']), rowCount: rows }),
    table('child', {
      columns: [col('id', 'int'), col('parent_id', 'int'), col('n', 'int', { nullable: true })],
      indexes: [ix('ix_a', ['n'], { include: ['id', 'parent_id'] }), ix('ix_b', ['parent_id'])],
      checks: [ck('ck_a', 'n > 0'), ck('ck_b', 'n < 10')], defaults: [df('df_n', 'n', '0')],
      fks: [fk('fk_child_parent', ['parent_id'], 'parent', ['id'])], rowCount: rows,
    }),
  ]);
}

describe('fingerprint', () => {
  const base = fingerprint(model());

  test('is a sha256 hex digest', () => {
    expect(base).toMatch(/^[0-9a-f]{64}$/);
  });

  test('ignores row counts, source positions, compiler hints and array order', () => {
    const m = model(123456);
    const reordered: Database = {
      ...m, schemas: [...m.schemas].reverse(),
      tables: [...m.tables].reverse().map((t) => ({
        ...t, columns: [...t.columns].reverse().map((c) => ({ ...c, renamedFrom: 'x', source: { file: 'a.ts', line: 1, column: 1 } })),
        indexes: [...t.indexes].reverse().map((i) => ({ ...i, include: [...i.include].reverse() })),
        checks: [...t.checks].reverse(), source: { file: 'a.ts', line: 3, column: 1 },
      })),
    };
    expect(fingerprint(reordered)).toBe(base);
  });

  test('changes when a name, a type, an expression or trust changes', () => {
    const m = model();
    const child = m.tables[1]!;
    const variants: Database[] = [
      { ...m, tables: [m.tables[0]!, { ...child, name: 'Child' }] },
      { ...m, tables: [m.tables[0]!, { ...child, columns: child.columns.map((c) => (c.name === 'n' ? { ...c, type: { name: 'bigint' as const } } : c)) }] },
      { ...m, tables: [m.tables[0]!, { ...child, checks: [ck('ck_a', 'n > 1'), child.checks[1]!] }] },
      { ...m, tables: [m.tables[0]!, { ...child, checks: [{ ...child.checks[0]!, trusted: false }, child.checks[1]!] }] },
      { ...m, tables: [m.tables[0]!, { ...child, defaults: [{ ...child.defaults[0]!, name: 'DF__x' }] }] },
      { ...m, tables: [m.tables[0]!, { ...child, indexes: [child.indexes[0]!, { ...child.indexes[1]!, filter: expr('n = 0') }] }] },
    ];
    const prints = variants.map(fingerprint);
    for (const p of prints) expect(p).not.toBe(base);
    expect(new Set(prints).size).toBe(prints.length);
  });
});
