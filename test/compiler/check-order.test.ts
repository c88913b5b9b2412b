/**
 * The order of a chunked type check: files that import one file follow it, so a chunk of
 * consecutive files imports few files of other chunks (each of which tsc checks again).
 */
import * as path from 'path';
import { checkOrder } from '../../src/compiler/check-order';
import { chunksOf } from '../../src/compiler/native-type-check';

const dir = path.resolve('/schema');
const file = (name: string): string => path.join(dir, `${name}.schema.ts`);

/** Table i references table floor(i / 2), as a tree of foreign keys does (bench/generate-schema.ts). */
function tree(count: number): Map<string, string> {
  const texts = new Map<string, string>();
  for (let i = 1; i <= count; i++) {
    const parent = Math.floor(i / 2);
    texts.set(file(`t${i}`), `import { Column } from 'schemac';\n${parent > 0 ? `import { T${parent} } from './t${parent}.schema';\n` : ''}export class T${i} {}\n`);
  }
  return texts;
}

/** The files a chunk imports from outside itself. */
function importedFromOutside(chunk: readonly string[], texts: ReadonlyMap<string, string>): number {
  const inside = new Set(chunk);
  const outside = new Set<string>();
  for (const f of chunk) {
    for (const m of (texts.get(f) ?? '').matchAll(/from '\.\/(.+?)'/g)) {
      const target = path.join(dir, `${m[1]}.ts`);
      if (!inside.has(target)) outside.add(target);
    }
  }
  return outside.size;
}

describe('checkOrder', () => {
  it('puts every file once, each after the file it imports', () => {
    const texts = tree(300);
    const order = checkOrder(texts);
    expect([...order].sort()).toEqual([...texts.keys()].sort());
    for (let i = 2; i <= 300; i++) expect(order.indexOf(file(`t${i}`))).toBeGreaterThan(order.indexOf(file(`t${Math.floor(i / 2)}`)));
  });

  it('keeps what imports what together: each chunk imports a handful of files from other chunks', () => {
    const texts = tree(2000);
    const chunks = chunksOf(checkOrder(texts), 250);
    // In file order, each chunk of the tree imports about half its own size from earlier chunks.
    const inFileOrder = chunksOf([...texts.keys()].sort(), 250).map((c) => importedFromOutside(c, texts));
    expect(Math.max(...inFileOrder)).toBeGreaterThan(60);
    for (const chunk of chunks) expect(importedFromOutside(chunk, texts)).toBeLessThanOrEqual(12);
  });

  it('reads imports and re-exports of every static form, and files in a cycle', () => {
    const texts = new Map<string, string>([
      [file('hub'), 'export class Hub {}\n'],
      [file('multi'), "import {\n  Hub,\n} from './hub.schema';\nexport class Multi {}\n"],
      [file('reexport'), "export * from './multi.schema';\n"],
      [file('side'), "import './reexport.schema';\n"],
      [file('cycle-a'), "import { B } from './cycle-b.schema';\nexport class A {}\n"],
      [file('cycle-b'), "import { A } from './cycle-a.schema';\nexport class B {}\n"],
      // Text that only looks like an import is not followed (a comment, a string).
      [file('lonely'), "// import { Hub } from './hub.schema';\nexport const s = \"from './side.schema'\";\n"],
    ]);
    const order = checkOrder(texts).map((f) => path.basename(f, '.schema.ts'));
    expect([...order].sort()).toEqual(['cycle-a', 'cycle-b', 'hub', 'lonely', 'multi', 'reexport', 'side']);
    expect(order.slice(0, 4)).toEqual(['hub', 'multi', 'reexport', 'side']);
  });
});
