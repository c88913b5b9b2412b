/**
 * The order in which a chunked type check (native-type-check.ts) takes the schema files. Each
 * chunk is a program of its files and everything they import, and tsc checks every file of a
 * program: a file imported from another chunk is checked again. So files go in a depth-first walk
 * of "is imported by", from the files that import no other schema file: the files that import one
 * file follow it, and a chunk of consecutive files imports few files outside itself. (In a tree of
 * foreign keys, file order would put each file's target in an earlier chunk: with 5,000 tables each
 * chunk then checked about twice its own files.)
 *
 * Imports are found in the texts with a pattern, before anything is parsed, so the check can start
 * at once. Only the check's cost depends on this order, never its verdict: tsc follows the real imports.
 */
import { resolveModulePath } from './source-graph';

// Static imports and re-exports: `import ... from './x'`, `export ... from './x'`, `import './x'`.
const IMPORT = /(?:^|[;\n])\s*(?:(?:import|export)\b[^;'"]*?\bfrom\s*|import\s*)['"](\.{1,2}\/[^'"\n]+)['"]/g;

/** The schema files (absolute paths, with their texts) in check order. */
export function checkOrder(texts: ReadonlyMap<string, string>): string[] {
  const files = [...texts.keys()].sort();
  const known = new Set(files);
  const importers = new Map<string, string[]>();
  const importsAny = new Set<string>();
  for (const file of files) {
    for (const m of (texts.get(file) ?? '').matchAll(IMPORT)) {
      const target = resolveModulePath(file, m[1]!, (p) => known.has(p));
      if (target === undefined || target === file) continue;
      importsAny.add(file);
      const list = importers.get(target) ?? [];
      list.push(file);
      importers.set(target, list);
    }
  }
  const order: string[] = [];
  const seen = new Set<string>();
  const walk = (start: string): void => {
    // Iterative, so a long chain of imports cannot overflow the stack.
    const stack = [start];
    while (stack.length > 0) {
      const file = stack.pop() as string;
      if (seen.has(file)) continue;
      seen.add(file);
      order.push(file);
      const next = importers.get(file) ?? [];
      for (let i = next.length - 1; i >= 0; i--) if (!seen.has(next[i]!)) stack.push(next[i]!);
    }
  };
  for (const file of files) if (!importsAny.has(file)) walk(file);
  // Files that only import each other in a cycle.
  for (const file of files) walk(file);
  return order;
}
