/**
 * The stand-in must store definitions exactly as real SQL Server does. Every pair in
 * test/fixtures/normalization-cases.json (the repository's one copy of the cases: text written in DDL
 * and the text a live server returned, each with its public source) is checked both ways:
 * written -> stored, and stored -> stored (re-applying what the catalog returned must not
 * change it, or a second plan after apply would never be empty).
 */
import { storedForm, DefinitionKind } from '../../standin/engine/stored-form';
import cases from '../../fixtures/normalization-cases.json';

interface Case {
  readonly kind: DefinitionKind;
  readonly written: string;
  readonly stored: string;
  readonly source: string;
}

const all = cases as readonly Case[];

// Readable, unique test names: kind, the written text, and the case's position in the file.
const named = all.map((c, i) => [`#${i + 1} ${c.kind}: ${c.written}`, c] as const);

describe('stored form of every public written->stored pair', () => {
  it('covers the whole file', () => {
    expect(all).toHaveLength(66);
    expect(new Set(all.map((c) => c.kind))).toEqual(new Set(['check', 'default', 'filter']));
  });

  it.each(named)('%s', (_name, c) => {
    expect(storedForm(c.kind, c.written)).toBe(c.stored);
  });
});

describe('already-stored text is stored unchanged (re-applying the catalog is a no-op)', () => {
  it.each(named)('%s', (_name, c) => {
    expect(storedForm(c.kind, c.stored)).toBe(c.stored);
  });
});
