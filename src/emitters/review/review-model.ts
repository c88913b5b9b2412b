import { createTwoFilesPatch } from 'diff';
import type { Change, Plan, StepImpact, TableRef } from '../../differ/changes';
import { DEFAULT_LARGE_TABLE_ROWS } from '../../sqlserver/lock-impact';
import { schMSummary } from '../impact-text';
import type { Database, SourceRef, Table } from '../../model';
import { describeChange, type DeltaPart } from '../describe';
import { countPlan, summaryLine } from '../plan-text';
import { renderScript } from '../tsql/script';
import { nameKeyFor, tableKey } from '../../sqlserver/names';
import { tableDefinition } from './table-definition';
import type { PreflightReport } from '../preflight-report';

/** What a review is about: the plan from `before` to `after`, and how to name the two sides. */
export interface ReviewInput {
  readonly plan: Plan;
  readonly before: Database;
  readonly after: Database;
  readonly baseLabel: string;
  readonly headLabel: string;
  /** How a source file is shown (e.g. relative to the repository); identity by default. */
  readonly displayPath?: (file: string) => string;
  /** Rows from which a table counts as large in the lock summary (default 1,000,000). */
  readonly largeTableRows?: number;
  /** The pre-flight counts, when the review is against a database or catalog (never with samples: reviews land in pull requests). */
  readonly preflight?: PreflightReport | null;
}

/** One change as a reviewer sees it. */
export interface ReviewChange {
  readonly index: number;
  readonly kind: Change['kind'];
  readonly table: string | null;
  readonly summary: string;
  readonly marker: '+' | '~' | '-';
  /** What differs, old -> new, for an alteration or a re-created definition (plan-json's `delta`), or null. */
  readonly delta: readonly DeltaPart[] | null;
  readonly hazards: readonly { readonly code: string; readonly message: string }[];
  /** Hazards of the step's inverse in the down script (plan-json's `downHazards`). */
  readonly downHazards: readonly { readonly code: string; readonly message: string }[];
  /**
   * Where the change is anchored in the working tree's files: the declaration for an addition or
   * an alteration; for a drop inside a table that is still declared, that table's declaration (the
   * dropped line exists only in the base version of the file); for a table that is no longer
   * declared, its file without a line. Null when nothing in a schema file is responsible.
   */
  readonly source: ReviewSource | null;
  /** What the step locks and how it scales (plan-json's `impact`), or null. */
  readonly impact: StepImpact | null;
}

/** A position in a schema file, or a whole file (`line` and `column` null). */
export type ReviewSource = SourceRef | { readonly file: string; readonly line: null; readonly column: null };

/** One affected table: its changes and the unified diff of its whole definition. */
export interface ReviewTable {
  readonly table: string;
  readonly changes: readonly ReviewChange[];
  readonly diff: string;
}

/** Everything every review format shows, computed once. */
export interface Review {
  readonly baseLabel: string;
  readonly headLabel: string;
  readonly summary: string;
  readonly changes: readonly ReviewChange[];
  readonly tables: readonly ReviewTable[];
  readonly upScript: string;
  readonly hazardCount: number;
  /** "2 steps hold Sch-M on tables over 1,000,000 rows", or null. */
  readonly lockSummary: string | null;
  /** Rows each data-dependent step would fail on (no key values, ever); null against a git ref. */
  readonly preflight?: PreflightReport | null;
}

const keyOf = (t: TableRef): string => `${t.schema}.${t.name}`;

/** The table a change names, matched as that database's collation compares names. */
function findTable(db: Database, ref: TableRef): Table | undefined {
  const key = nameKeyFor(db.collation);
  const wanted = tableKey(key, ref.schema, ref.name);
  return db.tables.find((t) => tableKey(key, t.schema, t.name) === wanted);
}

/** Where the object a change touches was declared (the head side, or the base for drops). */
export function changeSource(change: Change): SourceRef | null {
  switch (change.kind) {
    case 'createTable': case 'dropTable': return change.table.source ?? null;
    case 'addColumn': case 'dropColumn': return change.column.source ?? null;
    case 'alterColumn': return change.to.source ?? null;
    case 'createIndex': case 'dropIndex': return change.index.source ?? null;
    case 'redefineIndex': return change.to.source ?? null;
    case 'addDefault': case 'dropDefault': case 'addCheck': case 'dropCheck':
    case 'addPrimaryKey': case 'dropPrimaryKey': case 'addUnique': case 'dropUnique':
    case 'addForeignKey': case 'dropForeignKey': case 'addEdgeConstraint': case 'dropEdgeConstraint':
      return change.constraint.source ?? null;
    case 'createType': case 'dropType': case 'redefineType': return (change.kind === 'redefineType' ? change.to : change.type).source ?? null;
    case 'createSchema': case 'dropSchema': case 'renameTable': case 'transferTable': case 'renameColumn':
    case 'backfillColumn': case 'renameConstraint': case 'revalidateConstraint': case 'untrustConstraint': case 'disableConstraint': case 'enableConstraint':
    case 'rebuildCompression': case 'setIgnoreDupKey': case 'alterBucketCount': case 'setLockEscalation': case 'enableChangeTracking': case 'disableChangeTracking': case 'moveHeap': case 'setSparse': case 'setRowGuidCol': case 'setMask': case 'setNotForReplication': case 'rebuildIndexOptions': case 'setIndexOptions':
    case 'dropModule': case 'createModule': case 'refreshModule': case 'dropStatistics': case 'createStatistics':
    case 'dropSecurityPolicy': case 'createSecurityPolicy':
    case 'unbindColumn': case 'bindColumn': case 'unbindType': case 'bindType':
    case 'setDescription':
    case 'addPeriod': case 'dropPeriod': case 'enableVersioning': case 'disableVersioning': case 'alterRetention': case 'alterPeriodHidden':
      return null;
    case 'createSequence': case 'dropSequence': return change.sequence.source ?? null;
    case 'alterSequence': case 'recreateSequence': return change.to.source ?? null;
  }
}

/** Builds the review: changes with hazards and sources, per-table definition diffs, the up script. */
export function buildReview(input: ReviewInput): Review {
  const changes: ReviewChange[] = input.plan.steps.map((step, i) => {
    const facts = describeChange(step.change);
    return {
      index: i + 1,
      kind: step.change.kind,
      table: facts.table === null ? null : keyOf(facts.table),
      summary: facts.summary,
      marker: facts.marker,
      delta: facts.delta ?? null,
      hazards: step.hazards.map((h) => ({ code: h.code, message: h.message })),
      downHazards: (step.downHazards ?? []).map((h) => ({ code: h.code, message: h.message })),
      source: located(anchorOf(step.change, facts.table, input.after), input.displayPath),
      impact: step.impact ?? null,
    };
  });
  const refs = new Map<string, TableRef>();
  for (const step of input.plan.steps) {
    const t = describeChange(step.change).table;
    if (t !== null && !refs.has(keyOf(t))) refs.set(keyOf(t), t);
  }
  const tables = [...refs].map(([name, ref]): ReviewTable => {
    const before = tableDefinition(findTable(input.before, ref), nameKeyFor(input.before.collation));
    const after = tableDefinition(findTable(input.after, ref), nameKeyFor(input.after.collation));
    const diff = createTwoFilesPatch(`${input.baseLabel}/${name}.sql`, `${input.headLabel}/${name}.sql`, before, after, undefined, undefined, { context: 3 });
    return { table: name, changes: changes.filter((c) => c.table === name), diff: stripIndexLine(diff) };
  });
  return {
    baseLabel: input.baseLabel,
    headLabel: input.headLabel,
    summary: summaryLine(countPlan(input.plan)),
    changes,
    tables,
    upScript: renderScript(input.plan, { direction: 'up', databaseName: null }).text,
    // Samples are stripped here, whatever the caller passed: key values must not reach a PR.
    preflight: input.preflight ? { ...input.preflight, findings: input.preflight.findings.map((f) => ({ ...f, samples: null })) } : null,
    hazardCount: changes.reduce((n, c) => n + c.hazards.length, 0),
    lockSummary: schMSummary(input.plan.steps, input.largeTableRows ?? DEFAULT_LARGE_TABLE_ROWS),
  };
}

/** True for the kinds whose object is declared only on the base side. */
function isDrop(kind: Change['kind']): boolean {
  switch (kind) {
    case 'dropTable': case 'dropColumn': case 'dropIndex': case 'dropDefault': case 'dropCheck':
    case 'dropPrimaryKey': case 'dropUnique': case 'dropForeignKey': case 'dropEdgeConstraint': case 'dropSchema': case 'dropType':
      return true;
    default:
      return false;
  }
}

/**
 * The working-tree position responsible for a change (see ReviewChange.source): a drop's own
 * position is a line of the base version of its file, which may not exist, or be another line,
 * in the version a pull request shows.
 */
function anchorOf(change: Change, table: TableRef | null, after: Database): ReviewSource | null {
  const own = changeSource(change);
  if (!isDrop(change.kind)) return own;
  const kept = table === null ? undefined : findTable(after, table);
  if (kept?.source) return kept.source;
  return own ? { file: own.file, line: null, column: null } : null;
}

function located(source: ReviewSource | null, displayPath?: (file: string) => string): ReviewSource | null {
  return source && displayPath ? { ...source, file: displayPath(source.file) } : source;
}

// createTwoFilesPatch starts with a rule of '=' (after an "Index:" line when given one);
// reviewers expect git's form, which starts at the --- line.
function stripIndexLine(patch: string): string {
  return patch.replace(/^(?:Index: [^\n]*\n)?=+\n/, '');
}
