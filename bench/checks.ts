/** Correctness signals of a bench run: the plans must say what the generated inputs imply. */
import type { Diagnostic } from '../src/model';
import type { Change, Plan } from '../src/differ/changes';
import type { Expectation } from './drift';

/** One named check and, when it failed, why. */
export interface CheckResult {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
}

/** The table a change is about, or null (schemas). */
function tableOf(change: Change): string | null {
  if ('table' in change) return change.table.name;
  if (change.kind === 'renameTable') return change.to;
  return null;
}

function counted(items: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return [...counts].sort().map(([k, n]) => `${n} ${k}`).join(', ') || 'nothing';
}

/** A compile or catalog read must report no errors or warnings on generated input. */
export function checkDiagnostics(name: string, diagnostics: readonly Diagnostic[]): CheckResult {
  const bad = diagnostics.filter((d) => d.severity !== 'info');
  const shown = bad.slice(0, 5).map((d) => `${d.code} ${d.message}${d.source ? ` (${JSON.stringify(d.source)})` : ''}`);
  return { name, ok: bad.length === 0, detail: bad.length === 0 ? '' : `${bad.length} diagnostics, first: ${shown.join(' | ')}` };
}

/** The catalog that matches the schema files must give an empty plan. */
export function checkEmptyPlan(plan: Plan): CheckResult {
  const steps = plan.steps.map((s) => `${s.change.kind} ${tableOf(s.change) ?? ''}`.trim());
  const skipped = plan.skipped.map((s) => `${s.table.name}.${s.name} (${s.objectType})`);
  const ok = steps.length === 0 && skipped.length === 0;
  return {
    name: 'matching catalog gives an empty plan', ok,
    detail: ok ? '' : `${steps.length} steps (${counted(plan.steps.map((s) => s.change.kind))}), ${skipped.length} skipped; first: ${[...steps, ...skipped].slice(0, 5).join(' | ')}`,
  };
}

/** The drifted catalog must give exactly the expected steps and skipped objects, table by table. */
export function checkDriftPlan(plan: Plan, expectations: readonly Expectation[]): CheckResult {
  const actual = new Map<string, { steps: string[]; skipped: string[] }>();
  const entry = (t: string): { steps: string[]; skipped: string[] } => {
    let found = actual.get(t);
    if (!found) actual.set(t, (found = { steps: [], skipped: [] }));
    return found;
  };
  for (const s of plan.steps) entry(tableOf(s.change) ?? '(no table)').steps.push(s.change.kind);
  for (const s of plan.skipped) entry(s.table.name).skipped.push(`${s.objectType}:${s.name}`);
  const problems: string[] = [];
  const expected = new Map(expectations.map((e) => [e.table, e] as const));
  for (const e of expectations) {
    const got = actual.get(e.table) ?? { steps: [], skipped: [] };
    const want = `steps [${[...e.steps].sort().join(', ')}] skipped [${[...e.skipped].sort().join(', ')}]`;
    const have = `steps [${got.steps.sort().join(', ')}] skipped [${got.skipped.sort().join(', ')}]`;
    if (want !== have) problems.push(`${e.table} (${e.drift}): expected ${want}, got ${have}`);
  }
  for (const [table, got] of actual) {
    if (!expected.has(table)) problems.push(`${table} (no drift): unexpected steps [${got.steps.join(', ')}] skipped [${got.skipped.join(', ')}]`);
  }
  const steps = expectations.reduce((n, e) => n + e.steps.length, 0);
  const skipped = expectations.reduce((n, e) => n + e.skipped.length, 0);
  return {
    name: `drifted catalog gives the expected ${steps} steps and ${skipped} skipped (${expectations.length} tables drifted)`,
    ok: problems.length === 0,
    detail: problems.length === 0 ? '' : `${problems.length} tables wrong; ${problems.slice(0, 5).join(' | ')}`,
  };
}

/** An empty database must get one CREATE TABLE per declared table. */
export function checkGreenfieldPlan(plan: Plan, tables: number): CheckResult {
  const creates = plan.steps.filter((s) => s.change.kind === 'createTable').length;
  return {
    name: `empty catalog gives ${tables} createTable steps`, ok: creates === tables,
    detail: creates === tables ? '' : `got ${creates} (${counted(plan.steps.map((s) => s.change.kind))})`,
  };
}

/** Plan step counts by change kind, e.g. "3 addColumn, 1 createIndex". */
export function stepSummary(plan: Plan): string {
  return counted(plan.steps.map((s) => s.change.kind));
}
