/**
 * Summarises a V8 .cpuprofile (from `node --cpu-prof`): the functions with the most self time
 * and the most inclusive time (each sample counted once per function, however deep the
 * recursion), so a slow phase can be pinned to function names without a GUI.
 * Usage: node -r ts-node/register/transpile-only bench/profile-summary.ts FILE.cpuprofile [top=25] [filter]
 * `filter` keeps only the inclusive rows whose url contains it (e.g. src/compiler).
 */
import * as fs from 'fs';
import * as path from 'path';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Self and inclusive milliseconds per function key ("name file:line"). */
export interface FunctionTimes {
  readonly self: Map<string, number>;
  readonly inclusive: Map<string, number>;
  readonly totalMs: number;
}

function keyOf(node: ProfileNode, root: string): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url.startsWith('file://') ? url.slice('file://'.length) : url;
  const shown = file.startsWith(root) ? path.relative(root, file) : file.replace(/^.*node_modules\//, '');
  return `${functionName || '(anonymous)'} ${shown || '(native)'}:${lineNumber + 1}`;
}

/** Aggregates a profile's samples per function. */
export function functionTimes(profile: CpuProfile, root: string): FunctionTimes {
  const byId = new Map(profile.nodes.map((n) => [n.id, n] as const));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let totalMs = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    totalMs += ms;
    const leaf = byId.get(id);
    if (!leaf) return;
    const leafKey = keyOf(leaf, root);
    self.set(leafKey, (self.get(leafKey) ?? 0) + ms);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const node = byId.get(cur);
      if (!node) break;
      const k = keyOf(node, root);
      if (seen.has(k)) continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + ms);
    }
  });
  return { self, inclusive, totalMs };
}

function top(map: Map<string, number>, n: number, total: number, filter?: string): string[] {
  return [...map].filter(([k]) => filter === undefined || k.includes(filter)).sort((a, b) => b[1] - a[1]).slice(0, n)
    .map(([k, ms]) => `${Math.round(ms).toString().padStart(8)} ms ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${k}`);
}

if (require.main === module) {
  const [file, n = '25', filter] = process.argv.slice(2);
  if (!file) {
    process.stderr.write('usage: profile-summary.ts FILE.cpuprofile [top] [filter]\n');
    process.exit(2);
  }
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const times = functionTimes(profile, path.resolve(__dirname, '..'));
  const count = Number(n);
  process.stdout.write(`total sampled: ${Math.round(times.totalMs)} ms\n\nby self time:\n${top(times.self, count, times.totalMs).join('\n')}\n`);
  process.stdout.write(`\nby inclusive time${filter ? ` (url contains ${filter})` : ''}:\n${top(times.inclusive, count, times.totalMs, filter).join('\n')}\n`);
}
