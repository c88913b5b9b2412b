import chalk from 'chalk';
import type { Plan, PlanStep } from '../differ/changes';
import { DEFAULT_COLLATION, nameKeyFor, tableKey, type NameKey } from '../sqlserver/names';
import { describeChange, moduleWord, noChangesLine, type ChangeMarker } from './describe';
import { findingText, preflightSummaryLines, type PreflightReport } from './preflight-report';
import { impactText } from './impact-text';
import { prerequisiteReason, prerequisiteStatement } from './prerequisites';
import { runsAfterCommit } from '../differ/changes';

/** Options of renderPlanText; the caller decides colour from the TTY and NO_COLOR. */
export interface PlanTextOptions {
  readonly color: boolean;
  /** The pre-flight counts, shown under their steps and, when blocked, before the summary. */
  readonly preflight?: PreflightReport;
  /** Show the sampled primary-key values of offending rows (`--samples`). */
  readonly samples?: boolean;
}

interface Group {
  readonly title: string;
  readonly entries: { readonly stepIndex: number; readonly step: PlanStep }[];
}

/** Counts behind the summary line. */
export interface PlanCounts {
  readonly tablesToCreate: number;
  readonly tablesToAlter: number;
  readonly tablesToDrop: number;
  readonly schemasToCreate: number;
  readonly schemasToDrop: number;
  /** Sequences created, altered and dropped (a type change counts as a drop and a create). */
  readonly sequencesToCreate: number;
  readonly sequencesToAlter: number;
  readonly sequencesToDrop: number;
  /** Alias types created, redefined (DROP + CREATE TYPE) and dropped. */
  readonly typesToCreate: number;
  readonly typesToAlter: number;
  readonly typesToDrop: number;
}

/** Names in a plan compare under its database's collation (the default for a hand-built plan). */
const planKey = (plan: Plan): NameKey => nameKeyFor(plan.collation ?? DEFAULT_COLLATION);

/** Tables created, altered (touched but neither created nor dropped) and dropped, and schemas. */
export function countPlan(plan: Plan): PlanCounts {
  const key = planKey(plan);
  const created = new Set<string>();
  const dropped = new Set<string>();
  const touched = new Set<string>();
  let schemasToCreate = 0;
  let schemasToDrop = 0;
  const sequences = { create: 0, alter: 0, drop: 0 };
  const types = { create: 0, alter: 0, drop: 0 };
  // A move that also renames is a transfer (old name, new schema) then a rename: one table.
  const renamedTo = new Map<string, string>();
  for (const { change } of plan.steps) if (change.kind === 'renameTable') renamedTo.set(tableKey(key, change.schema, change.from), tableKey(key, change.schema, change.to));
  for (const { change } of plan.steps) {
    if (change.kind === 'createType') types.create += 1;
    else if (change.kind === 'redefineType') types.alter += 1;
    else if (change.kind === 'dropType') types.drop += 1;
    else if (change.kind === 'createSequence') sequences.create += 1;
    else if (change.kind === 'alterSequence' || change.kind === 'recreateSequence') sequences.alter += 1;
    else if (change.kind === 'dropSequence') sequences.drop += 1;
    else if (change.kind === 'createSchema') schemasToCreate += 1;
    else if (change.kind === 'dropSchema') schemasToDrop += 1;
    else if (change.kind === 'createTable') created.add(tableKey(key, change.table.schema, change.table.name));
    else if (change.kind === 'dropTable') dropped.add(tableKey(key, change.table.schema, change.table.name));
    else if (change.kind === 'refreshModule') continue; // a module, not a table, and changed only in metadata
    else if (change.kind === 'dropSecurityPolicy' || change.kind === 'createSecurityPolicy') continue; // a policy put back as it was, not a table
    else if (change.kind === 'transferTable') { const k = tableKey(key, change.to, change.name); touched.add(renamedTo.get(k) ?? k); }
    else {
      const t = describeChange(change).table;
      if (t !== null) touched.add(tableKey(key, t.schema, t.name));
    }
  }
  const altered = [...touched].filter((k) => !created.has(k) && !dropped.has(k));
  return {
    tablesToCreate: created.size, tablesToAlter: altered.length, tablesToDrop: dropped.size,
    schemasToCreate, schemasToDrop,
    sequencesToCreate: sequences.create, sequencesToAlter: sequences.alter, sequencesToDrop: sequences.drop,
    typesToCreate: types.create, typesToAlter: types.alter, typesToDrop: types.drop,
  };
}

/** `Plan: 2 tables to create, 1 to alter, 0 to drop.` (schemas added only when there are any). */
export function summaryLine(counts: PlanCounts): string {
  const base = `Plan: ${counts.tablesToCreate} table${counts.tablesToCreate === 1 ? '' : 's'} to create, ${counts.tablesToAlter} to alter, ${counts.tablesToDrop} to drop`;
  const schemas: string[] = [];
  if (counts.schemasToCreate > 0) schemas.push(`${counts.schemasToCreate} schema${counts.schemasToCreate === 1 ? '' : 's'} to create`);
  if (counts.schemasToDrop > 0) schemas.push(`${counts.schemasToDrop} schema${counts.schemasToDrop === 1 ? '' : 's'} to drop`);
  const sequences = [[counts.sequencesToCreate, 'create'], [counts.sequencesToAlter, 'alter'], [counts.sequencesToDrop, 'drop']] as const;
  for (const [n, verb] of sequences) if (n > 0) schemas.push(`${n} sequence${n === 1 ? '' : 's'} to ${verb}`);
  const types = [[counts.typesToCreate, 'create'], [counts.typesToAlter, 'redefine'], [counts.typesToDrop, 'drop']] as const;
  for (const [n, verb] of types) if (n > 0) schemas.push(`${n} type${n === 1 ? '' : 's'} to ${verb}`);
  return schemas.length > 0 ? `${base}; ${schemas.join(', ')}.` : `${base}.`;
}

/** Steps grouped by the table (or schema) they touch, groups in order of first appearance. */
/** The alias type a step creates, drops or redefines, or null. */
function aliasTypeOf(change: Plan['steps'][number]['change']): { schema: string; name: string } | null {
  switch (change.kind) {
    case 'createType': case 'dropType': return change.type;
    case 'redefineType': return change.to;
    default: return null;
  }
}

/**
 * A view, function, procedure or security policy a step drops or re-creates (a trigger is shown
 * under its table), or null.
 */
function standaloneModuleOf(change: PlanStep['change']): { readonly schema: string; readonly name: string; readonly word: string } | null {
  if ((change.kind === 'dropModule' || change.kind === 'createModule') && change.module.parent === null) {
    return { schema: change.module.schema, name: change.module.name, word: moduleWord(change.module) };
  }
  if (change.kind === 'dropSecurityPolicy' || change.kind === 'createSecurityPolicy') {
    return { schema: change.policy.schema, name: change.policy.name, word: 'security policy' };
  }
  return null;
}

function groupSteps(plan: Plan): Group[] {
  const names = planKey(plan);
  const groups = new Map<string, Group>();
  plan.steps.forEach((step, stepIndex) => {
    if (step.change.kind === 'refreshModule') return; // one line for all of them (refreshLines)
    const facts = describeChange(step.change);
    const sequence = sequenceOf(step.change);
    const alias = aliasTypeOf(step.change);
    const module = standaloneModuleOf(step.change);
    const key = sequence !== null ? `sequence:${tableKey(names, sequence.schema, sequence.name)}`
      : alias !== null ? `type:${tableKey(names, alias.schema, alias.name)}`
      // Views, functions and procedures share the object namespace of tables: one key space.
      : module !== null ? `table:${tableKey(names, module.schema, module.name)}`
      : facts.table === null ? `schema:${names(facts.object)}` : `table:${tableKey(names, facts.table.schema, facts.table.name)}`;
    const title = sequence !== null ? `sequence ${sequence.schema}.${sequence.name}`
      : alias !== null ? `type ${alias.schema}.${alias.name}`
      : module !== null ? `${module.word} ${module.schema}.${module.name}`
      : facts.table === null ? `schema ${facts.object}` : `table ${facts.table.schema}.${facts.table.name}`;
    let group = groups.get(key);
    if (group === undefined) {
      group = { title, entries: [] };
      groups.set(key, group);
    }
    group.entries.push({ stepIndex, step });
  });
  return [...groups.values()];
}

/** The sequence a step creates, alters or drops, or null. */
function sequenceOf(change: PlanStep['change']): { readonly schema: string; readonly name: string } | null {
  if (change.kind === 'createSequence' || change.kind === 'dropSequence') return change.sequence;
  return change.kind === 'alterSequence' || change.kind === 'recreateSequence' ? change.to : null;
}

/** A step's line without colour: `+ summary (step n)`; the lock column is aligned on these. */
function stepLine(facts: { readonly marker: ChangeMarker; readonly summary: string }, stepIndex: number): string {
  return `${facts.marker} ${facts.summary} (step ${stepIndex + 1})`;
}

/** Where the lock column starts: after the longest step line, but never past column 72. */
function lockColumnAt(plan: Plan): number {
  const widths = plan.steps.map((s, i) => stepLine(describeChange(s.change), i).length);
  return Math.min(72, Math.max(0, ...widths) + 2);
}

function nothingToDo(plan: Plan, c: chalk.Chalk): string {
  const line = noChangesLine(plan.skipped.length);
  return plan.skipped.length === 0 ? c.green(line) : c.yellow(line);
}

/**
 * The human plan: steps grouped by table with + / ~ / - markers and their hazards beneath,
 * then skipped objects with reasons, then a summary line; "No changes. ..." when there is
 * nothing to do. A column after each step says what it locks and how it scales (its lock
 * impact: class, online or offline and why, the lock, the table's rows and MB). Ends with a newline.
 */
export function renderPlanText(plan: Plan, options: PlanTextOptions): string {
  const c = new chalk.Instance({ level: options.color ? 1 : 0 });
  const paint: Record<ChangeMarker, (s: string) => string> = { '+': c.green, '~': c.yellow, '-': c.red };
  const lines: string[] = [];
  const width = lockColumnAt(plan);
  for (const group of groupSteps(plan)) {
    lines.push(c.bold(group.title));
    for (const { stepIndex, step } of group.entries) {
      const facts = describeChange(step.change);
      const lock = step.impact === undefined ? ''
        : `${' '.repeat(Math.max(1, width - stepLine(facts, stepIndex).length))}${c.dim(`| ${impactText(step.impact)}`)}`;
      lines.push(`  ${paint[facts.marker](`${facts.marker} ${facts.summary}`)} ${c.dim(`(step ${stepIndex + 1})`)}${lock}`);
      for (const h of step.hazards) {
        const colour = h.code === 'data-loss' || h.code === 'irreversible' ? c.red : c.yellow;
        lines.push(`      ${colour(`! ${h.code}: ${h.message}`)}`);
      }
      for (const h of step.downHazards ?? []) lines.push(`      ${c.dim(`! down: ${h.code}: ${h.message}`)}`);
      if (runsAfterCommit(step.change)) lines.push(`      ${c.cyan(`> ${afterCommitText(step.change.resumable.maxDurationMinutes)}`)}`);
      if (step.inverse === null && step.undoneBy === undefined && !step.hazards.some((h) => h.code === 'irreversible')) {
        lines.push(`      ${c.red('! irreversible: the down script cannot undo this step')}`);
      }
      for (const f of options.preflight?.findings.filter((x) => x.stepIndex === stepIndex) ?? []) {
        const text = `pre-flight: ${findingText(f, options.samples === true)}`;
        lines.push(`      ${f.violations > 0 ? c.red(`x ${text}`) : c.dim(`  ${text}`)}`);
      }
    }
    lines.push('');
  }
  lines.push(...refreshLines(plan, c));
  if (plan.skipped.length > 0) {
    lines.push(c.bold('Skipped (left as they are):'));
    for (const s of plan.skipped) {
      const where = s.objectType === 'table' ? `${s.table.schema}.${s.table.name}`
        : s.objectType === 'schema' ? s.name : s.objectType === 'type' ? `${s.table.schema}.${s.name}` : `${s.table.schema}.${s.table.name}.${s.name}`;
      lines.push(`  ${c.dim('?')} ${s.objectType} ${where}: ${s.reason}`);
    }
    lines.push('');
  }
  const prerequisites = plan.prerequisites ?? [];
  if (prerequisites.length > 0) {
    lines.push(c.bold(c.yellow('Before apply (apply refuses until then; plan and emit-sql still show the change):')));
    for (const p of prerequisites) lines.push(`  ${c.yellow('!')} ${prerequisiteReason(p)}:`, `      ${prerequisiteStatement(p)}`);
    lines.push('');
  }
  const warnings = plan.warnings ?? [];
  if (warnings.length > 0) {
    lines.push(c.bold('Warnings:'));
    for (const w of warnings) lines.push(`  ${c.yellow('!')} ${w.table.schema}.${w.table.name}: ${w.message}`);
    lines.push('');
  }
  if (options.preflight !== undefined) {
    const summary = preflightSummaryLines(options.preflight);
    if (summary.length > 0) lines.push(...summary.map((l) => (options.preflight?.blocked && !l.startsWith('Pre-flight') ? c.red(l) : l)), '');
  }
  if (plan.refused !== undefined && plan.refused.length > 0) {
    lines.push(c.bold(c.red('Refused (schemac cannot make these changes; apply refuses):')));
    for (const r of plan.refused) lines.push(`  ${c.red('x')} ${r.table.name === '' ? '' : `${r.table.schema}.${r.table.name}: `}${r.change}: ${r.reason}`);
    lines.push('');
  }
  const deferred = plan.steps.filter((s) => runsAfterCommit(s.change)).length;
  if (deferred > 0) {
    lines.push(`${deferred} index build${deferred === 1 ? '' : 's'} run${deferred === 1 ? 's' : ''} after COMMIT, outside the transaction (--resumable): if one stops, the other steps stay committed.`);
  }
  const memory = plan.steps.filter((s) => s.memoryOptimized === true).length;
  if (memory > 0) {
    lines.push(`${memory} step${memory === 1 ? '' : 's'} on memory-optimized tables run${memory === 1 ? 's' : ''} after COMMIT, each on its own (SQL Server refuses their DDL inside a transaction): if one fails, the steps before it stay done.`);
  }
  lines.push(plan.steps.length === 0 && (plan.refused ?? []).length === 0
    ? nothingToDo(plan, c)
    : plan.steps.length === 0 ? c.bold('No changes can be made.')
    : c.bold(summaryLine(countPlan(plan))));
  return `${lines.join('\n')}\n`;
}

/** "7-9, 12": step numbers (1-based) as ranges. */
function stepRanges(indexes: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < indexes.length;) {
    let j = i;
    while (j + 1 < indexes.length && (indexes[j + 1] as number) === (indexes[j] as number) + 1) j++;
    const from = (indexes[i] as number) + 1;
    const to = (indexes[j] as number) + 1;
    parts.push(from === to ? `${from}` : `${from}-${to}`);
    i = j + 1;
  }
  return parts.join(', ');
}

/**
 * The refreshes of modules over changed tables, compactly: one line naming them in order (they
 * are many on a database with many views, and each is the same metadata-only call), with any
 * hazard beneath.
 */
function refreshLines(plan: Plan, c: chalk.Chalk): string[] {
  const entries = plan.steps.flatMap((step, i) => (step.change.kind === 'refreshModule' ? [{ i, step, module: step.change.module }] : []));
  if (entries.length === 0) return [];
  const names = entries.map((e) => `${moduleWord(e.module)} ${e.module.schema}.${e.module.name}`).join(', ');
  const steps = `(step${entries.length === 1 ? '' : 's'} ${stepRanges(entries.map((e) => e.i))})`;
  const impact = entries[0]?.step.impact;
  return [
    c.bold('refreshed after the table changes (sp_refreshsqlmodule)'),
    `  ${c.yellow(`~ refresh ${names}`)} ${c.dim(steps)}${impact === undefined ? '' : ` ${c.dim(`| ${impactText(impact)}`)}`}`,
    ...entries.flatMap((e) => e.step.hazards.map((h) => `      ${c.yellow(`! ${h.code}: ${h.message}`)}`)),
    '',
  ];
}

/** The line under a step --resumable runs after COMMIT. */
function afterCommitText(maxDurationMinutes: number | null): string {
  const limit = maxDurationMinutes === null ? '' : `, pausing after ${maxDurationMinutes} minute${maxDurationMinutes === 1 ? '' : 's'}`;
  return `after COMMIT, outside the transaction: resumable online build (RESUMABLE = ON${limit})`;
}
