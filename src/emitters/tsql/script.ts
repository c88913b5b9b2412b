import type { Change, Plan, PlanStep } from '../../differ/changes';
import { runsAfterCommit, scriptOrder } from '../../differ/changes';
import { describeWithTable, noChangesLine } from '../describe';
import { impactText } from '../impact-text';
import { nLiteral } from '../../sqlserver/literals';
import { DEFAULT_COLLATION, nameKeyFor, type NameKey } from '../../sqlserver/names';
import { renderChange } from './render-change';
import { prerequisiteScriptLines } from '../prerequisites';
import { abortIndexSql, resumeIndexSql } from './online';

/** Which way a script goes: the plan itself, or its inverses in reverse order. */
export type Direction = 'up' | 'down';

/** One GO batch of a script; `stepIndex` is the 0-based plan step it belongs to, null for framing. */
export interface Batch {
  readonly statements: readonly string[];
  readonly stepIndex: number | null;
}

/** A rendered script: its batches, and the same as sqlcmd/SSMS text with GO lines. */
export interface Script {
  readonly batches: readonly Batch[];
  readonly text: string;
}

/** Options of renderScript. */
export interface ScriptOptions {
  readonly direction: Direction;
  /** The database the plan was made against; the script refuses to run anywhere else. Null: no guard. */
  readonly databaseName: string | null;
  /** Extra header lines (without `--`), e.g. the catalog fingerprint. */
  readonly header?: readonly string[];
}

/** One statement as the apply executor runs it: no GO, no transaction control, no guards. */
export interface DriverStatement {
  readonly sql: string;
  readonly stepIndex: number;
  readonly description: string;
  /** `--resumable`: a resumable index build, run after COMMIT outside the transaction. */
  readonly afterCommit?: boolean;
  /** A step on a memory-optimized table: run on its own after COMMIT, outside the transaction (differ/memory-optimized.ts). */
  readonly memoryOptimized?: true;
}

/**
 * Session options, one SET each (`SET A, B ON` is valid T-SQL but not to every reader). The
 * first seven are what filtered indexes need (sqlcmd starts with QUOTED_IDENTIFIER OFF);
 * XACT_ABORT makes any runtime error roll the whole transaction back.
 */
export const SESSION_OPTIONS: readonly string[] = [
  'SET ANSI_NULLS ON;',
  'SET QUOTED_IDENTIFIER ON;',
  'SET ANSI_PADDING ON;',
  'SET ANSI_WARNINGS ON;',
  'SET ARITHABORT ON;',
  'SET CONCAT_NULL_YIELDS_NULL ON;',
  'SET NUMERIC_ROUNDABORT OFF;',
  'SET XACT_ABORT ON;',
];

/** A step of a script in the chosen direction: the change to render, or null when it cannot be undone. */
interface ScriptStep {
  readonly stepIndex: number;
  readonly step: PlanStep;
  readonly change: Change | null;
}

function scriptSteps(plan: Plan, direction: Direction): ScriptStep[] {
  return scriptOrder(plan.steps, direction).map((stepIndex) => {
    const step = plan.steps[stepIndex] as PlanStep;
    return { stepIndex, step, change: direction === 'up' ? step.change : step.inverse };
  });
}

/** Why a step has no inverse: its irreversible hazard's message when it has one. */
function irreversibleReason(step: PlanStep): string {
  return step.hazards.find((h) => h.code === 'irreversible')?.message ?? 'it has no faithful inverse';
}

/** The down script's comment for a step with no inverse of its own. */
function noInverseComment(stepNumber: number, what: string, step: PlanStep): string {
  return step.undoneBy !== undefined
    ? `step ${stepNumber} (${what}) needs no undo: ${step.undoneBy}`
    : `step ${stepNumber} (${what}) cannot be undone: ${irreversibleReason(step)}`;
}

/**
 * Builds a script's text and its batches. Lines are joined into the text a block at a time, and
 * each batch's statements are cut out of the finished text afterwards (a slice shares the text's
 * characters). Keeping the pieces, or the statements themselves (each a small tree of
 * concatenations), until the end made the garbage collector copy thousands of them, more than
 * once, while a large script was being rendered.
 */
class ScriptBuilder {
  private readonly blocks: string[] = [];
  private pending: string[] = [];
  /** Characters of the text so far, counting the newline after every line. */
  private length = 0;
  /** Per batch, in order: its plan step index (null for framing) and its number of statements. */
  private readonly batchSteps: (number | null)[] = [];
  private readonly batchSizes: number[] = [];
  /** Each statement's start and end offsets in the text, in order. */
  private readonly bounds: number[] = [];

  /** A line of text (it may hold line breaks of its own). */
  line(text: string): void {
    this.pending.push(text);
    this.length += text.length + 1;
    if (this.pending.length >= 256) {
      this.blocks.push(this.pending.join('\n'));
      this.pending = [];
    }
  }

  /** A batch: its comment, its statements one per line, then GO. */
  batch(statements: readonly string[], stepIndex: number | null, comment?: string): void {
    if (comment !== undefined) this.line(comment);
    for (const statement of statements) {
      this.bounds.push(this.length, this.length + statement.length);
      this.line(statement);
    }
    this.line('GO');
    this.batchSteps.push(stepIndex);
    this.batchSizes.push(statements.length);
  }

  /**
   * The whole text, ending in a newline, as one flat string (one copy; the writer encodes it as
   * it is), and its batches, cut out of the text when first read: the CLI, apply and migrations
   * read only the text.
   */
  finish(): Script {
    const text = [...this.blocks, ...(this.pending.length > 0 ? [this.pending.join('\n')] : []), ''].join('\n');
    const { batchSteps, batchSizes, bounds } = this;
    let batches: readonly Batch[] | undefined;
    return {
      text,
      get batches(): readonly Batch[] {
        batches ??= cutBatches(text, batchSteps, batchSizes, bounds);
        return batches;
      },
    };
  }
}

/** Each batch's statements as slices of the text, from the offsets ScriptBuilder recorded. */
function cutBatches(text: string, steps: readonly (number | null)[], sizes: readonly number[], bounds: readonly number[]): Batch[] {
  const statement = (n: number): string => text.slice(bounds[2 * n], bounds[2 * n + 1]);
  let first = 0;
  return steps.map((stepIndex, i): Batch => {
    const count = sizes[i] as number;
    const statements = Array.from({ length: count }, (_, k) => statement(first + k));
    first += count;
    return { statements, stepIndex };
  });
}

/** Comment text on one line: a name holding a newline must not end the comment and start SQL. */
function commentLine(text: string): string {
  // Most comments hold no line break and end in no space: those are used as they are.
  const line = LINE_BREAK.test(text) ? text.replace(LINE_BREAKS, ' ') : text;
  return TRAILING_SPACE.test(line) || line === '' ? `-- ${line}`.trimEnd() : `-- ${line}`;
}

const LINE_BREAK = /[\r\n\u2028\u2029]/;
const LINE_BREAKS = /[\r\n\u2028\u2029]+/g;
const TRAILING_SPACE = /\s$/;

/**
 * Runs after every step batch. A runtime error under XACT_ABORT has already rolled back; a
 * compile error (bad syntax, unknown column) has not, but leaves @@ERROR set, so the first line
 * rolls back then. Either way no transaction remains, and NOEXEC ON makes sqlcmd/SSMS compile
 * but not execute every later batch, so nothing after the failure runs outside the transaction.
 */
function guardBatch(stepNumber: number): string {
  const message = nLiteral(`schemac: step ${stepNumber} failed; the transaction was rolled back and the rest of the script does not run.`);
  return `IF @@ERROR <> 0 AND @@TRANCOUNT > 0 ROLLBACK TRANSACTION;\nIF @@TRANCOUNT = 0 BEGIN PRINT ${message}; SET NOEXEC ON; END;`;
}

/** Stops the script (RAISERROR, then NOEXEC) unless it runs in the database it was planned against. */
function databaseGuard(databaseName: string): string {
  const message = `schemac: this script was planned against database ${databaseName}; connect to it and run the script again.`;
  return [
    `IF DB_NAME() <> ${nLiteral(databaseName)}`,
    'BEGIN',
    `    RAISERROR(${nLiteral(message.replace(/%/g, '%%'))}, 16, 1);`,
    '    SET NOEXEC ON;',
    'END;',
  ].join('\n');
}

/** The up script's steps that run after COMMIT (`--resumable`); the down script has none. */
function afterCommitSteps(steps: readonly ScriptStep[], direction: Direction): ScriptStep[] {
  return direction === 'up' ? steps.filter((s) => s.change !== null && runsAfterCommit(s.change)) : [];
}

/** The steps on memory-optimized tables: after COMMIT in the up script, before BEGIN TRANSACTION in the down script. */
function memorySteps(steps: readonly ScriptStep[]): ScriptStep[] {
  return steps.filter((s) => s.step.memoryOptimized === true && s.change !== null);
}

/** What running memory-optimized steps outside the transaction gives up, for the header. */
function memoryHeader(n: number, direction: Direction): string[] {
  return [
    `${n} step${n === 1 ? '' : 's'} on memory-optimized tables run ${direction === 'up' ? 'AFTER COMMIT' : 'FIRST, before BEGIN TRANSACTION'}, each on its own:`,
    'SQL Server refuses DDL on memory-optimized tables inside a transaction. Given up for them: all or nothing.',
    'If one fails, the steps before it stay done and the script stops; plan again to see what is left.',
  ];
}

/** What --resumable gives up, for the header and the comment above each build. */
function resumableHeader(n: number, total: number): string[] {
  return [
    `${total - n} step${total - n === 1 ? '' : 's'} all or nothing: one transaction, XACT_ABORT ON, and a guard after every batch;`,
    `then ${n} resumable index build${n === 1 ? '' : 's'} AFTER COMMIT, outside the transaction (--resumable: SQL Server refuses RESUMABLE = ON inside one).`,
    'Given up for them: all or nothing. If a build fails or pauses, the steps before it stay committed and the index is missing;',
    'a paused build is listed in sys.index_resumable_operations: ALTER INDEX ... RESUME continues it, ALTER INDEX ... ABORT gives it up.',
  ];
}

function headerLines(plan: Plan, steps: readonly ScriptStep[], options: ScriptOptions): string[] {
  const deferred = afterCommitSteps(steps, options.direction).length;
  const inTransaction = plan.steps.filter((s) => s.memoryOptimized !== true).length;
  const lines = [
    `schemac ${options.direction} script`,
    // What the database needs before the script can run comes first: the script fails without it.
    ...(options.direction === 'up' ? prerequisiteScriptLines(plan.prerequisites ?? []) : []),
    ...(deferred > 0 ? resumableHeader(deferred, plan.steps.length) : []),
    deferred > 0 ? null
    : options.direction === 'up'
      ? `${inTransaction} step${inTransaction === 1 ? '' : 's'}, all or nothing: one transaction, XACT_ABORT ON, and a guard after every batch.`
      : `Undoes ${plan.steps.length} step${plan.steps.length === 1 ? '' : 's'} in reverse order${plan.steps.some((s) => s.change.kind === 'refreshModule') ? ' (the refreshes of views, procedures and functions last, after their tables)' : ''}, all or nothing. Undoing a creation drops the object and any data written since.`,
    ...(memorySteps(steps).length > 0 ? memoryHeader(memorySteps(steps).length, options.direction) : []),
    'Run it whole, with sqlcmd -b -i <file> or in SSMS; each statement is its own GO batch.',
    options.databaseName !== null ? `Database: ${options.databaseName}` : 'Database: not checked (planned without a database).',
    ...(options.header ?? []),
  ].filter((l): l is string => l !== null);
  const warnings: string[] = [];
  for (const s of steps) {
    // Described only when it warns: most steps have nothing to say here.
    const what = () => describeWithTable(s.step.change);
    if (options.direction === 'up') {
      for (const h of s.step.hazards) warnings.push(`  step ${s.stepIndex + 1} (${what()}): ${h.code}: ${h.message}`);
    } else if (s.change === null && s.step.undoneBy === undefined) {
      warnings.push(`  step ${s.stepIndex + 1} (${what()}) cannot be undone: ${irreversibleReason(s.step)}`);
    } else {
      for (const h of s.step.downHazards ?? []) warnings.push(`  undoing step ${s.stepIndex + 1} (${what()}): ${h.code}: ${h.message}`);
    }
  }
  if (warnings.length > 0) lines.push('', 'WARNINGS:', ...warnings);
  return lines;
}

/**
 * The sqlcmd/SSMS script of a plan (design.md rules 5, 9, 11): a header with hazards, the
 * session options, the database guard, BEGIN TRANSACTION, each statement in its own batch
 * (T-SQL cannot reference a column added in the same batch) followed by a guard batch, then
 * COMMIT and SET NOEXEC OFF. `down` renders the inverses in reverse order; a step without one
 * becomes a comment saying why, and the rest still runs.
 */
export function renderScript(plan: Plan, options: ScriptOptions): Script {
  const steps = scriptSteps(plan, options.direction);
  const key = planNameKey(plan);
  const header = headerLines(plan, steps, options).map(commentLine);
  if (plan.steps.length === 0) {
    const text = [...header, commentLine(noChangesLine(plan.skipped.length))].join('\n');
    return { batches: [], text: `${text}\n` };
  }
  const script = new ScriptBuilder();
  for (const line of header) script.line(line);
  script.line('');
  script.batch(SESSION_OPTIONS, null);
  if (options.databaseName !== null) script.batch([databaseGuard(options.databaseName)], null);
  const memory = memorySteps(steps);
  // Undoing them comes first (they were last); before any transaction, as SQL Server needs.
  if (options.direction === 'down') for (const s of memory) emitOutsideTransaction(s, key, script, 'down');
  script.batch(['BEGIN TRANSACTION;'], null);
  const after = afterCommitSteps(steps, options.direction);
  const deferred = new Set([...after, ...memory]);
  for (const s of steps.filter((x) => !deferred.has(x))) {
    const what = describeWithTable(s.step.change);
    if (s.change === null) {
      script.line(commentLine(noInverseComment(s.stepIndex + 1, what, s.step)));
      continue;
    }
    // A refresh is not undone but run again, over the tables as the down script leaves them.
    const downWhat = s.step.change.kind === 'refreshModule' ? `${what}, again` : `undo ${what}`;
    const stepLine = commentLine(`step ${s.stepIndex + 1}: ${options.direction === 'up' ? what : downWhat}`);
    // The up script says what each statement locks (the impact is the planned step's, not its inverse's).
    const impact = options.direction === 'up' && s.step.impact !== undefined ? s.step.impact : null;
    const label = impact === null ? stepLine : `${stepLine}\n${commentLine(`lock: ${impactText(impact)}`)}`;
    const guard = guardBatch(s.stepIndex + 1);
    for (const statement of renderChange(s.change, key)) {
      script.batch([statement], s.stepIndex, label);
      script.batch([guard], null);
    }
  }
  script.batch(['COMMIT TRANSACTION;'], null);
  for (const s of after) emitResumable(s, key, script);
  if (options.direction === 'up') for (const s of memory) emitOutsideTransaction(s, key, script, 'up');
  script.batch(['SET NOEXEC OFF;'], null);
  return script.finish();
}

/**
 * A step on a memory-optimized table, outside the transaction: each statement its own batch,
 * then a guard that stops the script (NOEXEC) if it failed, saying what is already done.
 */
function emitOutsideTransaction(s: ScriptStep, key: NameKey, script: ScriptBuilder, direction: Direction): void {
  if (s.change === null) return;
  const n = s.stepIndex + 1;
  const what = describeWithTable(s.step.change);
  const comment = [
    commentLine(`step ${n}: ${direction === 'up' ? what : `undo ${what}`}`),
    ...(direction === 'up' && s.step.impact !== undefined ? [commentLine(`lock: ${impactText(s.step.impact)}`)] : []),
    commentLine(`memory-optimized table: runs ${direction === 'up' ? 'after COMMIT' : 'before the transaction'}, on its own (SQL Server refuses this DDL inside a transaction).`),
  ].join('\n');
  const done = direction === 'up' ? 'the transaction before it is committed' : 'the transaction after it did not start';
  for (const statement of renderChange(s.change, key)) {
    script.batch([statement], s.stepIndex, comment);
    const message = `schemac: step ${n} (${what}) on a memory-optimized table failed; ${done}, and steps on memory-optimized tables before it stay done. Plan again to see what is left.`;
    script.batch([`IF @@ERROR <> 0 BEGIN PRINT ${nLiteral(message)}; SET NOEXEC ON; END;`], null);
  }
}

/**
 * A resumable build after COMMIT: the comment says it runs outside the transaction and how to
 * resume or abort it; the guard after it stops the script (NOEXEC) and says the same if it failed.
 */
function emitResumable(s: ScriptStep, key: NameKey, script: ScriptBuilder): void {
  if (s.change === null || !runsAfterCommit(s.change)) return;
  const { table, index } = s.change;
  const n = s.stepIndex + 1;
  const comment = [
    commentLine(`step ${n}: ${describeWithTable(s.step.change)}`),
    ...(s.step.impact !== undefined ? [commentLine(`lock: ${impactText(s.step.impact)}`)] : []),
    commentLine('runs AFTER COMMIT, outside the transaction (RESUMABLE = ON cannot run inside one); if it stops, the steps above stay committed.'),
    commentLine(`If it pauses, sys.index_resumable_operations lists it: ${resumeIndexSql(table, index.name)} continues it, ${abortIndexSql(table, index.name)} gives it up.`),
  ].join('\n');
  for (const statement of renderChange(s.change, key)) {
    script.batch([statement], s.stepIndex, comment);
    const message = `schemac: step ${n} (resumable build of ${index.name}) did not complete; the steps before it are committed. If sys.index_resumable_operations lists it, ${resumeIndexSql(table, index.name)} continues it and ${abortIndexSql(table, index.name)} gives it up.`;
    script.batch([`IF @@ERROR <> 0 BEGIN PRINT ${nLiteral(message)}; SET NOEXEC ON; END;`], null);
  }
}

/** Names in a plan compare under its database's collation (the default for a hand-built plan). */
function planNameKey(plan: Plan): NameKey {
  return nameKeyFor(plan.collation ?? DEFAULT_COLLATION);
}

/**
 * The same statements for the apply executor, which runs them through the driver inside its own
 * transaction: no GO, no transaction control, no guards. Each carries its 0-based step index and
 * what it does, for progress output. Steps without an inverse contribute nothing to `down`.
 */
export function statementsForDriver(plan: Plan, direction: Direction): DriverStatement[] {
  const out: DriverStatement[] = [];
  const key = planNameKey(plan);
  for (const s of scriptSteps(plan, direction)) {
    if (s.change === null) continue;
    const description = describeWithTable(s.change);
    const afterCommit = direction === 'up' && runsAfterCommit(s.change);
    const memory = s.step.memoryOptimized === true;
    for (const sql of renderChange(s.change, key)) {
      out.push({ sql, stepIndex: s.stepIndex, description, ...(afterCommit ? { afterCommit } : {}), ...(memory ? { memoryOptimized: true as const } : {}) });
    }
  }
  return out;
}
