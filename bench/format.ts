/** The readable table `npm run bench` prints: one column per size, one row per measurement. */
import type { SizeResult, Timing } from './measure-size';

const num = (v: number): string => (v >= 100 ? Math.round(v).toLocaleString('en-US') : v.toFixed(1));
/** "wall (cpu) ms". */
const ms = (t: Timing): string => `${num(t.wall)} (${num(t.cpu)}) ms`;

type Row = readonly [label: string, value: (r: SizeResult) => string];

const ROWS: readonly Row[] = [
  ['schema files (incl. 3 copied)', (r) => String(r.schemaFiles)],
  ['catalog snapshot size', (r) => `${(r.snapshotBytes / 1_048_576).toFixed(1)} MB`],
  ['end to end: files -> script', (r) => ms(r.ms.endToEnd)],
  ['compile (compileSchema)', (r) => ms(r.ms.compile)],
  ['compile, typeCheck: false', (r) => ms(r.ms.compileNoTypeCheck)],
  ['catalog -> model (parse+toModel)', (r) => ms(r.ms.catalogToModel)],
  ['diff vs matching catalog', (r) => ms(r.ms.diffMatching)],
  ['diff vs drifted catalog', (r) => ms(r.ms.diffDrifted)],
  ['diff vs empty catalog', (r) => ms(r.ms.diffEmpty)],
  ['emit up script, drifted plan', (r) => ms(r.ms.emitDrifted)],
  ['emit up script, empty-db plan', (r) => ms(r.ms.emitEmpty)],
  ['plan steps: matching', (r) => String(r.steps.matching)],
  ['plan steps: drifted', (r) => String(r.steps.drifted)],
  ['plan steps: empty db', (r) => String(r.steps.empty)],
  ['script size, empty-db plan', (r) => `${(r.scriptChars.empty / 1024).toFixed(0)} KiB`],
  ['peak RSS (child maxRSS)', (r) => `${Math.round(r.maxRssMb)} MB`],
  ['checks', (r) => (r.checks.every((c) => c.ok) ? 'ok' : `${r.checks.filter((c) => !c.ok).length} FAILED`)],
];

/** The results as an aligned text table, followed by step kinds and any FAIL lines. */
export function formatResults(results: readonly SizeResult[]): string {
  const header = ['tables', ...results.map((r) => r.tables.toLocaleString('en-US'))];
  const body = ROWS.map(([label, value]) => [label, ...results.map(value)]);
  const rows = [header, ...body];
  const widths = header.map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  const line = (row: readonly string[]) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  const out = ['times: wall clock (CPU time, all threads)', line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line), ''];
  for (const r of results) {
    out.push(`${r.tables} tables: drifted plan = ${r.stepKinds.drifted}; empty-db plan = ${r.stepKinds.empty}`);
    if (r.dir !== null) out.push(`${r.tables} tables: files kept in ${r.dir}`);
  }
  for (const r of results) {
    for (const c of r.checks) if (!c.ok) out.push(`FAIL [${r.tables} tables] ${c.name}: ${c.detail}`);
  }
  return out.join('\n');
}
