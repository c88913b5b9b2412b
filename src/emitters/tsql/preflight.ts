/**
 * The pre-flight batch: for each plan step that can fail on the rows already in the database, a
 * set-based count of the rows that would make it fail. One SELECT per kind of check (a UNION ALL
 * branch per step), all in one batch, so the cost is a fixed number of statements whatever the
 * number of tables or rows. With samples, a second SELECT per kind returns up to five primary-key
 * values of offending rows (never other column values).
 *
 * The queries read the database as it is before the plan runs, so they use the current names of
 * tables and columns the plan renames; a step on a table the plan creates has no rows to check.
 */
import { classifyTypeChange } from '../../differ/type-changes';
import type { Change, Plan, TableRef } from '../../differ/changes';
import { assertNever } from '../../differ/changes';
import { referencedColumns } from '../../expr';
import type { Column, Database, SqlExpression, SqlType, Table } from '../../model';
import { bare, parenthesized } from './expression';
import { isCharacterType as isStringType, isDateTimeType, isUnicodeType, quoteIdent, quoteQualified, typeText as renderType } from '../../sqlserver';
import { appendTo } from '../../util/group-by';

/** What a check counts; each kind is one SELECT of the batch. */
export type PreflightKind =
  | 'not-null'      // NULLs in a column that becomes NOT NULL
  | 'add-not-null'  // rows of a table that gets a NOT NULL column without a default
  | 'narrowing'     // values that do not fit a column's new type or length
  | 'check'         // rows where a new or re-validated CHECK is false
  | 'duplicates'    // rows whose key a new UNIQUE index, UNIQUE or PRIMARY KEY would duplicate
  | 'orphans';      // rows a new or re-validated FOREIGN KEY finds no parent for

/** Kinds in batch order. */
export const PREFLIGHT_KINDS: readonly PreflightKind[] = ['not-null', 'add-not-null', 'narrowing', 'check', 'duplicates', 'orphans'];

/** One count the batch makes; `id` is its `check_id` in the result rows. */
export interface PreflightCheck {
  readonly id: number;
  /** 0-based index of the plan step it guards. */
  readonly stepIndex: number;
  readonly kind: PreflightKind;
  /** The table as it is named in the database now. */
  readonly table: TableRef;
  /** What a counted row is, e.g. `rows where email IS NULL`. */
  readonly what: string;
  /** Whether the batch also samples primary-key values (the table has a primary key). */
  readonly sampled: boolean;
}

/** A step that can fail on data but whose rows could not be counted, and why. */
export interface PreflightGap {
  readonly stepIndex: number;
  readonly kind: PreflightKind;
  readonly reason: string;
}

/** The batch and what each of its result rows means. `sql` is null when there is nothing to count. */
export interface PreflightBatch {
  readonly sql: string | null;
  readonly checks: readonly PreflightCheck[];
  readonly gaps: readonly PreflightGap[];
}

/** Options of preflightBatch. */
export interface PreflightOptions {
  /** Also select up to 5 primary-key values of offending rows per check. */
  readonly samples: boolean;
  /** The database's name comparison (case-insensitive unless the collation says otherwise). */
  readonly key: (name: string) => string;
}

/** The number of primary-key values sampled per check. */
export const SAMPLE_LIMIT = 5;

/** A check before it has an id: the table (current names) and the predicate or query shape. */
type Draft =
  | { kind: 'not-null' | 'narrowing' | 'check' | 'add-not-null'; stepIndex: number; table: Table; what: string; where: string | null }
  | { kind: 'duplicates'; stepIndex: number; table: Table; what: string; keys: readonly string[]; filter: string | null }
  | { kind: 'orphans'; stepIndex: number; table: Table; what: string; columns: readonly string[]; parent: Table | null; parentColumns: readonly string[] };

/** The plan's renames, so a step's new names can be traced back to what the database has now. */
interface Renames {
  tableBefore(ref: TableRef): TableRef;
  columnBefore(ref: TableRef, column: string): string;
}

function renamesOf(plan: Plan, key: (n: string) => string): Renames {
  const tables = new Map<string, TableRef>();
  const columns = new Map<string, string>();
  const tk = (schema: string, name: string) => `${key(schema)}\u0000${key(name)}`;
  // Renames compose in plan order: a swap goes a -> tmp, b -> a, tmp -> b, so the name each
  // step leaves traces back through the earlier ones to what the database has now; a move to
  // another schema (transferTable) is one more such step.
  const moved = <T>(map: Map<string, T>, fromKey: string, toKey: string, from: T) => {
    const origin = map.get(fromKey) ?? from;
    map.delete(fromKey);
    map.set(toKey, origin);
  };
  for (const { change } of plan.steps) {
    if (change.kind === 'renameTable') moved(tables, tk(change.schema, change.from), tk(change.schema, change.to), { schema: change.schema, name: change.from });
    if (change.kind === 'transferTable') moved(tables, tk(change.from, change.name), tk(change.to, change.name), { schema: change.from, name: change.name });
    if (change.kind === 'renameColumn') {
      const at = tk(change.table.schema, change.table.name);
      moved(columns, `${at}\u0000${key(change.from)}`, `${at}\u0000${key(change.to)}`, change.from);
    }
  }
  return {
    tableBefore: (ref) => tables.get(tk(ref.schema, ref.name)) ?? ref,
    columnBefore: (ref, column) => columns.get(`${tk(ref.schema, ref.name)}\u0000${key(column)}`) ?? column,
  };
}

/**
 * The pre-flight batch of a plan against the database it was made from (`current`). Steps on
 * tables the plan creates need no count (they have no rows); steps whose predicate names a column
 * the database does not have yet are listed as gaps.
 */
export function preflightBatch(plan: Plan, current: Database, options: PreflightOptions): PreflightBatch {
  const { key } = options;
  const renames = renamesOf(plan, key);
  const findTable = (ref: TableRef): Table | null => {
    const before = renames.tableBefore(ref);
    return current.tables.find((t) => key(t.schema) === key(before.schema) && key(t.name) === key(before.name)) ?? null;
  };
  const drafts: Draft[] = [];
  const gaps: PreflightGap[] = [];
  plan.steps.forEach(({ change }, stepIndex) => {
    const ctx: DraftContext = { stepIndex, plan, key, renames, findTable, drafts, gaps };
    draftsOf(change, ctx);
  });
  const checks: PreflightCheck[] = [];
  const counts = new Map<PreflightKind, string[]>();
  const samples = new Map<PreflightKind, string[]>();
  drafts.forEach((d, i) => {
    const id = i + 1;
    const pk = d.table.primaryKey?.columns.map((c) => c.name) ?? [];
    const sampled = options.samples && pk.length > 0;
    checks.push({ id, stepIndex: d.stepIndex, kind: d.kind, table: { schema: d.table.schema, name: d.table.name }, what: d.what, sampled });
    appendTo(counts, d.kind, countBranch(id, d));
    if (sampled) appendTo(samples, d.kind, `SELECT [check_id], [sample] FROM (${sampleQuery(id, d, pk)}) AS [s${id}]`);
  });
  const statements: string[] = [];
  for (const kind of PREFLIGHT_KINDS) {
    const branches = counts.get(kind);
    if (branches) statements.push(`-- pre-flight: ${kind}\n${branches.join('\nUNION ALL\n')};`);
  }
  for (const kind of PREFLIGHT_KINDS) {
    const branches = samples.get(kind);
    if (branches) statements.push(`-- pre-flight samples: ${kind}\n${branches.join('\nUNION ALL\n')};`);
  }
  return { sql: statements.length > 0 ? statements.join('\n') : null, checks, gaps };
}

interface DraftContext {
  readonly stepIndex: number;
  readonly plan: Plan;
  readonly key: (n: string) => string;
  readonly renames: Renames;
  readonly findTable: (ref: TableRef) => Table | null;
  readonly drafts: Draft[];
  readonly gaps: PreflightGap[];
}

/** Adds the checks one step needs (most kinds need none). */
function draftsOf(change: Change, ctx: DraftContext): void {
  switch (change.kind) {
    case 'addColumn': {
      const c = change.column;
      // With its DEFAULT in the same ADD, SQL Server fills every existing row: nothing can fail.
      if (c.nullable || c.identity !== null || c.computed !== null || change.default !== undefined) return;
      const table = ctx.findTable(change.table);
      if (table === null) return;
      // ADD of a NOT NULL column without a default fails on any row (Msg 4901).
      ctx.drafts.push({ kind: 'add-not-null', stepIndex: ctx.stepIndex, table, what: `rows in a table that gets ${c.name} NOT NULL without a default`, where: null });
      return;
    }
    case 'alterColumn': {
      const table = ctx.findTable(change.table);
      if (table === null) return;
      const name = ctx.renames.columnBefore(change.table, change.to.name);
      const col = table.columns.find((c) => ctx.key(c.name) === ctx.key(name));
      if (col === undefined) return; // added earlier in this plan: its rows are filled by the plan
      if (!change.to.nullable && col.nullable && !backfilledBefore(ctx, change.table, change.to.name)) {
        ctx.drafts.push({ kind: 'not-null', stepIndex: ctx.stepIndex, table, what: `rows where ${col.name} IS NULL`, where: `${quoteIdent(col.name)} IS NULL` });
      }
      const narrowing = narrowingPredicate(col, change.to.type);
      if (narrowing !== null) {
        ctx.drafts.push({ kind: 'narrowing', stepIndex: ctx.stepIndex, table, what: `values of ${col.name} that cannot become ${renderType(change.to.type)}`, where: narrowing });
      }
      return;
    }
    case 'addCheck':
      if (change.constraint.trusted && change.constraint.enabled) checkDraft(ctx, change.table, change.constraint.name, change.constraint.expression);
      return;
    case 'addEdgeConstraint': {
      // SQL Server checks the edges already there; counting them needs OBJECT_ID_FROM_NODE_ID per
      // clause, which the batch does not do yet: said, not counted (a table the plan creates is empty).
      const table = ctx.findTable(change.table);
      if (table !== null && (table.rowCount ?? 0) > 0) {
        ctx.gaps.push({ stepIndex: ctx.stepIndex, kind: 'check', reason: `edge constraint ${change.constraint.name} checks the ${table.rowCount} edge(s) already in ${table.schema}.${table.name}; schemac does not count the ones it would refuse beforehand` });
      }
      return;
    }
    case 'addPrimaryKey':
    case 'addUnique':
      uniqueDraft(ctx, change.table, change.constraint.name, change.constraint.columns.map((c) => c.name), null);
      return;
    case 'redefineIndex':
      if (change.to.unique) uniqueDraft(ctx, change.table, change.to.name, change.to.columns.map((c) => c.name), change.to.filter);
      return;
    case 'createIndex':
      if (change.index.unique) uniqueDraft(ctx, change.table, change.index.name, change.index.columns.map((c) => c.name), change.index.filter);
      return;
    case 'addForeignKey': {
      const fk = change.constraint;
      if (fk.trusted && fk.enabled) orphanDraft(ctx, change.table, fk.name, fk.columns, { schema: fk.referencedSchema, name: fk.referencedTable }, fk.referencedColumns);
      return;
    }
    case 'revalidateConstraint': {
      const table = ctx.findTable(change.table);
      if (table === null) return;
      const ck = table.checks.find((c) => ctx.key(c.name) === ctx.key(change.name));
      if (ck) { checkDraft(ctx, change.table, ck.name, ck.expression); return; }
      const fk = table.foreignKeys.find((f) => ctx.key(f.name) === ctx.key(change.name));
      if (fk) orphanDraft(ctx, change.table, fk.name, fk.columns, { schema: fk.referencedSchema, name: fk.referencedTable }, fk.referencedColumns);
      return;
    }
    case 'createType': case 'dropType': case 'redefineType':
    case 'createSchema': case 'dropSchema': case 'createTable': case 'dropTable': case 'renameTable': case 'transferTable':
    case 'dropColumn': case 'renameColumn': case 'backfillColumn': case 'addDefault': case 'dropDefault':
    case 'dropCheck': case 'dropPrimaryKey': case 'dropUnique': case 'dropIndex': case 'dropForeignKey':
    case 'dropEdgeConstraint':
    case 'addPeriod': case 'dropPeriod': case 'enableVersioning': case 'disableVersioning': case 'alterRetention': case 'alterPeriodHidden':
    case 'createSequence': case 'dropSequence': case 'alterSequence': case 'recreateSequence':
    case 'renameConstraint': case 'untrustConstraint': case 'disableConstraint': case 'enableConstraint': case 'setDescription': case 'dropModule': case 'createModule': case 'refreshModule': case 'rebuildCompression': case 'setIgnoreDupKey': case 'alterBucketCount': case 'setSparse':
    case 'setNotForReplication': case 'setRowGuidCol': case 'setMask': case 'setLockEscalation': case 'enableChangeTracking': case 'disableChangeTracking': case 'moveHeap': case 'dropStatistics': case 'createStatistics':
    case 'unbindColumn': case 'bindColumn': case 'unbindType': case 'bindType': case 'dropSecurityPolicy': case 'createSecurityPolicy':
    case 'rebuildIndexOptions': case 'setIndexOptions':
      return;
    default:
      assertNever(change, 'change kind');
  }
}

/** True when an earlier step of the plan fills NULLs of this column (its backfill or default). */
function backfilledBefore(ctx: DraftContext, table: TableRef, column: string): boolean {
  return ctx.plan.steps.slice(0, ctx.stepIndex).some(({ change: c }) => c.kind === 'backfillColumn'
    && ctx.key(c.table.schema) === ctx.key(table.schema) && ctx.key(c.table.name) === ctx.key(table.name) && ctx.key(c.column) === ctx.key(column));
}

/** The columns of `text` the database does not have under that name now, or [] when all exist. */
function missingColumns(ctx: DraftContext, ref: TableRef, table: Table, text: string): string[] {
  const renamed = (c: string) => ctx.key(ctx.renames.columnBefore(ref, c)) !== ctx.key(c);
  return referencedColumns(text, ctx.key).filter((c) => renamed(c) || !table.columns.some((x) => ctx.key(x.name) === ctx.key(c)));
}

function checkDraft(ctx: DraftContext, ref: TableRef, name: string, expression: SqlExpression): void {
  const table = ctx.findTable(ref);
  if (table === null) return;
  const missing = missingColumns(ctx, ref, table, expression.text);
  if (missing.length > 0) {
    ctx.gaps.push({ stepIndex: ctx.stepIndex, kind: 'check', reason: `check ${name} names ${missing.join(', ')}, which the plan adds or renames` });
    return;
  }
  // A CHECK fails only where its predicate is FALSE (UNKNOWN passes), exactly the rows NOT (...) keeps.
  ctx.drafts.push({ kind: 'check', stepIndex: ctx.stepIndex, table, what: `rows violating ${name}`, where: `NOT ${parenthesized(expression)}` });
}

function uniqueDraft(ctx: DraftContext, ref: TableRef, name: string, columns: readonly string[], filter: SqlExpression | null): void {
  const table = ctx.findTable(ref);
  if (table === null) return;
  const keys = columns.map((c) => ctx.renames.columnBefore(ref, c));
  const absent = keys.filter((c) => !table.columns.some((x) => ctx.key(x.name) === ctx.key(c)));
  const inFilter = filter === null ? [] : missingColumns(ctx, ref, table, filter.text);
  if (absent.length > 0 || inFilter.length > 0) {
    ctx.gaps.push({ stepIndex: ctx.stepIndex, kind: 'duplicates', reason: `${name} is on ${[...absent, ...inFilter].join(', ')}, which the plan adds or renames` });
    return;
  }
  ctx.drafts.push({ kind: 'duplicates', stepIndex: ctx.stepIndex, table, what: `rows with a duplicate (${keys.join(', ')}) for ${name}`, keys, filter: filter === null ? null : bare(filter) });
}

function orphanDraft(ctx: DraftContext, ref: TableRef, name: string, columns: readonly string[], parentRef: TableRef, parentColumns: readonly string[]): void {
  const table = ctx.findTable(ref);
  if (table === null) return;
  const cols = columns.map((c) => ctx.renames.columnBefore(ref, c));
  const parent = ctx.findTable(parentRef);
  const parentCols = parent === null ? [] : parentColumns.map((c) => ctx.renames.columnBefore(parentRef, c));
  const absent = [
    ...cols.filter((c) => !table.columns.some((x) => ctx.key(x.name) === ctx.key(c))),
    ...(parent === null ? [] : parentCols.filter((c) => !parent.columns.some((x) => ctx.key(x.name) === ctx.key(c)))),
  ];
  if (absent.length > 0) {
    ctx.gaps.push({ stepIndex: ctx.stepIndex, kind: 'orphans', reason: `${name} is on ${absent.join(', ')}, which the plan adds or renames` });
    return;
  }
  // A parent table the plan creates is empty: every child row with a full key is an orphan.
  ctx.drafts.push({ kind: 'orphans', stepIndex: ctx.stepIndex, table, what: `rows with no parent row for ${name}`, columns: cols, parent, parentColumns: parentCols });
}

/** The predicate of rows whose value would not survive ALTER COLUMN to `to`, or null when none can fail. */
function narrowingPredicate(col: Column, to: SqlType): string | null {
  const safety = classifyTypeChange(col.type, to);
  if (safety !== 'narrowing') return null;
  const c = quoteIdent(col.name);
  if (to.length !== undefined && to.length !== 'max' && (isStringType(to) || to.name === 'binary' || to.name === 'varbinary')) {
    if (isStringType(to) && isStringType(col.type)) {
      // Characters, trailing spaces aside: SQL Server drops trailing blanks that do not fit without
      // an error (ANSI padding rules), and LEN ignores them too.
      const tooLong = `LEN(${c}) > ${to.length}`;
      // Unicode to a code page may also lose characters: the round trip tells.
      return isUnicodeType(col.type) && !isUnicodeType(to)
        ? `(${tooLong} OR CONVERT(nvarchar(max), TRY_CONVERT(${renderType({ ...to, length: 'max' })}, ${c})) <> ${c})`
        : tooLong;
    }
    if (!isStringType(to) && !isStringType(col.type)) return `DATALENGTH(${c}) > ${to.length}`;
  }
  // Other conversions: the rows TRY_CONVERT cannot convert (overflow, out of range, bad text).
  return `${c} IS NOT NULL AND TRY_CONVERT(${renderType(to)}, ${c}) IS NULL`;
}

const ref = (t: Table): string => quoteQualified(t.schema, t.name);
const on = (alias: string, column: string): string => `${quoteIdent(alias)}.${quoteIdent(column)}`;

/** One UNION ALL branch: `SELECT <id> AS [check_id], <count> AS [violations] ...`. */
function countBranch(id: number, d: Draft): string {
  const head = `SELECT ${id} AS [check_id], `;
  switch (d.kind) {
    case 'not-null': case 'add-not-null': case 'narrowing': case 'check':
      return `${head}COUNT_BIG(*) AS [violations] FROM ${ref(d.table)}${d.where === null ? '' : ` WHERE ${d.where}`}`;
    case 'duplicates':
      // Unique indexes treat NULLs as equal, and so does GROUP BY.
      return `${head}ISNULL(SUM([d].[n]), 0) AS [violations] FROM (SELECT COUNT_BIG(*) AS [n] FROM ${ref(d.table)}${d.filter === null ? '' : ` WHERE ${d.filter}`} GROUP BY ${d.keys.map(quoteIdent).join(', ')} HAVING COUNT_BIG(*) > 1) AS [d]`;
    case 'orphans':
      return `${head}COUNT_BIG(*) AS [violations] FROM ${ref(d.table)} AS [c] WHERE ${orphanPredicate(d)}`;
    default:
      return assertNever(d, 'pre-flight draft');
  }
}

/** A FOREIGN KEY checks only rows whose key columns are all non-NULL (MATCH SIMPLE). */
function orphanPredicate(d: Extract<Draft, { kind: 'orphans' }>): string {
  const full = d.columns.map((c) => `${on('c', c)} IS NOT NULL`).join(' AND ');
  if (d.parent === null) return full;
  const match = d.columns.map((c, i) => `${on('p', d.parentColumns[i] as string)} = ${on('c', c)}`).join(' AND ');
  return `${full} AND NOT EXISTS (SELECT 1 FROM ${ref(d.parent)} AS [p] WHERE ${match})`;
}

/** Up to SAMPLE_LIMIT primary-key values of offending rows, as text, in key order. */
function sampleQuery(id: number, d: Draft, pk: readonly string[]): string {
  const alias = d.kind === 'orphans' ? 'c' : 'x';
  const keyText = pk.map((c) => `CONVERT(nvarchar(4000), ${on(alias, c)}${isDateLike(d.table, c) ? ', 126' : ''})`).join(` + N', ' + `);
  const head = `SELECT TOP (${SAMPLE_LIMIT}) ${id} AS [check_id], ${keyText} AS [sample] FROM ${ref(d.table)} AS [${alias}]`;
  const order = ` ORDER BY ${pk.map((c) => on(alias, c)).join(', ')}`;
  switch (d.kind) {
    case 'not-null': case 'add-not-null': case 'narrowing': case 'check':
      return `${head}${d.where === null ? '' : ` WHERE ${d.where}`}${order}`;
    case 'duplicates': {
      // Unqualified names in the filter resolve to the innermost table: [x] outside, [y] inside.
      const same = d.keys.map((k) => `(${on('y', k)} = ${on('x', k)} OR (${on('y', k)} IS NULL AND ${on('x', k)} IS NULL))`).join(' AND ');
      const other = `NOT (${pk.map((c) => `${on('y', c)} = ${on('x', c)}`).join(' AND ')})`;
      const filter = d.filter === null ? '' : `(${d.filter}) AND `;
      return `${head} WHERE ${filter}EXISTS (SELECT 1 FROM ${ref(d.table)} AS [y] WHERE ${filter}${same} AND ${other})${order}`;
    }
    case 'orphans':
      return `${head} WHERE ${orphanPredicate(d)}${order}`;
    default:
      return assertNever(d, 'pre-flight draft');
  }
}

function isDateLike(table: Table, column: string): boolean {
  // The key column names come from this same table model, so they are spelled as its columns are.
  const t = table.columns.find((c) => c.name === column)?.type;
  return t !== undefined && isDateTimeType(t);
}
