/**
 * Imports point one way (design.md: cli -> app -> modules -> sqlserver -> model), so no file of
 * src/ can reach itself through its imports. A cycle is what makes a module impossible to read,
 * test or move on its own (the catalog's connect.ts <-> read.ts was one).
 */
import * as fs from 'fs';
import * as path from 'path';

const SRC = path.resolve(__dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** The src/ files a file imports or re-exports (type-only imports included: they are dependencies too). */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'";]*?(?:from\s*)?['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]!);
  return specifiers.map((spec) => {
    const base = path.resolve(path.dirname(file), spec);
    const candidates = [`${base}.ts`, path.join(base, 'index.ts'), base];
    const found = candidates.find((c) => fs.existsSync(c) && fs.statSync(c).isFile());
    if (found === undefined) throw new Error(`${path.relative(SRC, file)} imports ${spec}, which does not resolve`);
    return found;
  });
}

/** Every strongly connected group of more than one file (or a file importing itself), as relative paths. */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(path.relative(SRC, w));
      } while (w !== v);
      if (group.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(group.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('the import graph of src/', () => {
  const graph = new Map(sourceFiles(SRC).map((f) => [f, importsOf(f)]));

  it('reads the imports it checks (a parser that found nothing would pass any tree)', () => {
    expect(graph.get(path.join(SRC, 'catalog/read.ts'))).toContain(path.join(SRC, 'catalog/connect.ts'));
    expect(cycles(new Map([['a', ['b']], ['b', ['a']], ['c', ['a']]]))).toEqual([['a', 'b'].map((f) => path.relative(SRC, f))]);
  });

  it('has no cycle: no file reaches itself through its imports', () => {
    expect(cycles(graph)).toEqual([]);
  });
});
