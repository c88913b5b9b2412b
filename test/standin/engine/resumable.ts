/**
 * Resumable online index builds: CREATE INDEX ... WITH (ONLINE = ON, RESUMABLE = ON
 * [, MAX_DURATION = n [MINUTES]]), ALTER INDEX i ON t RESUME | PAUSE | ABORT, and
 * sys.index_resumable_operations. Builds here are instant, so an operation is only ever found
 * paused when a test injects a pause (faults.ts `pauses`), as if MAX_DURATION ran out.
 *
 * Sources (MicrosoftDocs/sql-docs):
 * - create-index-transact-sql.md, "Resumable index operations" (SQL Server 2019 (15.x) and
 *   later, Azure SQL): RESUMABLE needs ONLINE = ON; MAX_DURATION only with RESUMABLE = ON,
 *   "greater than 0 minutes and less or equal one week (10080 minutes)"; "The DDL command with
 *   RESUMABLE = ON can't be executed inside an explicit transaction"; not for filtered or
 *   columnstore indexes, computed or timestamp key columns, computed or LOB included columns;
 *   "Re-executing the original CREATE INDEX statement ... automatically resumes a paused index
 *   create operation"; "To resume/abort an index create/rebuild, use the ALTER INDEX" syntax.
 * - sys-index-resumable-operations.md: the view's columns; state 0 = RUNNING, 1 = PAUSE.
 * - perform-index-operations-online.md: while an operation is paused, operations that need a
 *   table-level lock on its table fail with Msg 10637 (text quoted below).
 * - Msg 10675 (filtered index, computed included column) as users report it
 *   (olahallengren/sql-server-maintenance-solution issues 838 and 985).
 * - Msg 3643 when MAX_DURATION ends the build (a Microsoft workshop sample's output: "The
 *   operation elapsed time exceeded the maximum time specified for this operation. The execution
 *   has been stopped."). A real server then also kills the session (Msg 596, class 21); the
 *   stand-in keeps the session (simplification).
 * - Msg 574 "%ls statement cannot be used inside a user transaction." (the database engine
 *   errors table); the statement name it reports for RESUMABLE is inferred.
 * A paused build has no row in sys.indexes (brentozar.com, "What happens when you cancel or kill
 * a resumable index creation?").
 */
import { catalogMajor } from './view-versions';
import type { IndexDef } from './ast';
import type { Database, Table } from './catalog';
import { sameName } from './catalog';
import type { DdlOption, EditionFacts } from './editions';
import { SqlError } from './errors';

/** A resumable index build SQL Server holds paused (a row of sys.index_resumable_operations). */
export interface PausedBuild {
  readonly objectId: number;
  readonly indexId: number;
  readonly name: string;
  readonly sqlText: string;
  /** The CREATE INDEX as parsed, without its RESUMABLE options: what RESUME completes. */
  readonly def: IndexDef;
  readonly startTime: Date;
  readonly pauseTime: Date;
}

/** RESUMABLE and MAX_DURATION as written in a WITH (...) list. */
export interface ResumableChoice {
  readonly resumable: boolean;
  readonly maxDurationMinutes: number | null;
}

const opt = (options: readonly DdlOption[], name: string): DdlOption | undefined => options.find((o) => o.name.toUpperCase() === name);

/** Whether a WITH (...) list asks for a resumable build, and for how long. */
export function resumableChoice(options: readonly DdlOption[]): ResumableChoice {
  const duration = opt(options, 'MAX_DURATION');
  return {
    resumable: opt(options, 'RESUMABLE')?.value.toUpperCase() === 'ON',
    maxDurationMinutes: duration === undefined || duration.detail !== undefined ? null : Number(duration.value),
  };
}

/** What the server and session are, for the checks. */
export interface ResumableFacts {
  readonly edition: EditionFacts;
  readonly productVersion: string;
  readonly inTransaction: boolean;
}

/**
 * Refuses a resumable CREATE INDEX SQL Server would refuse. ONLINE = ON on an edition without
 * online operations is Msg 1712 before this runs (editions.ts).
 */
export function checkResumableCreate(facts: ResumableFacts, def: IndexDef, table: Table): void {
  const options = def.options ?? [];
  const choice = resumableChoice(options);
  const duration = opt(options, 'MAX_DURATION');
  // MAX_DURATION outside WAIT_AT_LOW_PRIORITY belongs to RESUMABLE (number and text inferred).
  if (duration !== undefined && !choice.resumable) throw new SqlError(1052, 16, 1, 'Conflicting CREATE INDEX options "MAX_DURATION" and "RESUMABLE".');
  if (!choice.resumable) return;
  if (catalogMajor(facts.productVersion, facts.edition.engineEdition) < 15) {
    // Resumable CREATE INDEX arrived in SQL Server 2019 (15.x); earlier servers do not know the option (number and text inferred).
    throw new SqlError(155, 15, 1, "'RESUMABLE' is not a recognized CREATE INDEX option.");
  }
  if (opt(options, 'ONLINE')?.value.toUpperCase() !== 'ON') {
    // "To use the RESUMABLE option you must also use the ONLINE option" (number and text inferred).
    throw new SqlError(1052, 16, 1, 'Conflicting CREATE INDEX options "RESUMABLE" and "ONLINE = OFF".');
  }
  if (choice.maxDurationMinutes !== null && !(Number.isInteger(choice.maxDurationMinutes) && choice.maxDurationMinutes > 0 && choice.maxDurationMinutes <= 10080)) {
    // The documented range; the number and text of the refusal are inferred.
    throw new SqlError(1052, 16, 1, `MAX_DURATION = ${choice.maxDurationMinutes} is out of range: it must be greater than 0 and at most 10080 minutes.`);
  }
  if (facts.inTransaction) throw new SqlError(574, 16, 0, 'CREATE INDEX statement cannot be used inside a user transaction.');
  const computedOrTimestamp = (name: string): boolean => {
    const col = table.columns.find((c) => sameName(c.name, name));
    return col !== undefined && (col.computed !== undefined || col.type.name === 'timestamp' || col.type.name === 'rowversion');
  };
  const lobInclude = (name: string): boolean => {
    const col = table.columns.find((c) => sameName(c.name, name));
    return col !== undefined && (col.type.maxLength === -1 || ['text', 'ntext', 'image', 'xml'].includes(col.type.name));
  };
  const unsupported = def.filter !== undefined || def.columnstore === true || def.xml !== undefined
    || def.columns.some((c) => computedOrTimestamp(c.name)) || def.include.some((c) => computedOrTimestamp(c) || lobInclude(c));
  // 10675 as reported for filtered indexes and computed included columns; for the other
  // documented limitations the number is inferred to be the same.
  if (unsupported) {
    throw new SqlError(10675, 16, 2, 'Internal Query Processor Error: The query processor could not produce a query plan. The RESUMABLE option is not supported for this index build. Remove the RESUMABLE option and rerun the statement.');
  }
}

/** The paused builds of a table. */
export function pausedOn(db: Database, t: Table): PausedBuild[] {
  return (db.resumable ?? []).filter((p) => p.objectId === t.objectId);
}

/** Msg 10637: DDL that needs the table while one of its index builds is paused. */
export function checkNoPausedBuild(db: Database, t: Table, tableName: string): void {
  if (pausedOn(db, t).length === 0) return;
  throw new SqlError(10637, 16, 1, `Cannot perform this operation on '${tableName}' with ID (${t.objectId}) as one or more indexes are currently in resumable index rebuild state. Please refer to sys.index_resumable_operations for more details.`);
}

/** The paused build of this index on this table, if any. */
export function pausedBuild(db: Database, t: Table, index: string): PausedBuild | undefined {
  return pausedOn(db, t).find((p) => sameName(p.name, index));
}

/** Keeps a build paused (its index is not in sys.indexes) and returns the error its statement ends with. */
export function pauseBuild(db: Database, t: Table, def: IndexDef, sqlText: string, now: Date): SqlError {
  const indexId = Math.max(0, ...t.indexes.map((i) => i.indexId), ...pausedOn(db, t).map((p) => p.indexId)) + 1;
  const options = (def.options ?? []).filter((o) => !['RESUMABLE', 'MAX_DURATION'].includes(o.name.toUpperCase()));
  db.resumable = [...(db.resumable ?? []), { objectId: t.objectId, indexId, name: def.name, sqlText, def: { ...def, options }, startTime: now, pauseTime: now }];
  return new SqlError(3643, 16, 1, 'The operation elapsed time exceeded the maximum time specified for this operation. The execution has been stopped.');
}

/** Forgets a paused build (ABORT, or RESUME once it completed). */
export function forgetBuild(db: Database, build: PausedBuild): void {
  db.resumable = (db.resumable ?? []).filter((p) => p !== build);
}

/** ALTER INDEX ... RESUME | PAUSE | ABORT with no paused build of that index (number and text inferred). */
export function noResumableOperation(index: string, tableName: string): SqlError {
  return new SqlError(10638, 16, 1, `ALTER INDEX failed: there is no resumable index operation for index '${index}' on '${tableName}'.`);
}

/**
 * sys.index_resumable_operations rows: object_id, index_id, name, sql_text, last_max_dop,
 * partition_number, state, state_desc, start_time, last_pause_time, total_execution_time,
 * percent_complete, page_count. The stand-in's builds stop at once: percent_complete 0.
 */
export function resumableOperationRows(db: Database): (string | number | Date | null)[][] {
  return (db.resumable ?? []).map((p) => [p.objectId, p.indexId, p.name, p.sqlText, 0, null, 1, 'PAUSED', p.startTime, p.pauseTime, 0, 0, 0]);
}
