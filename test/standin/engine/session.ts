/** One connection's state and the batch loop: statements in order, errors as SQL Server scopes them. */
import { cdcDisableTable, cdcEnableDb, cdcEnableTable, setDatabaseChangeTracking } from './change-tracking';
import type { Output, Parameter, ResultColumn, Session } from '../engine-interface';
import type { Expr, OutputClause, Select, Statement } from './ast';
import type { Database, Row, Value } from './catalog';
import { findTable, newDatabase, sameName } from './catalog';

import type { Host, Scope } from './scope';
import type { SqlType } from './types';
import { resolveType, ty, wireType } from './types';
import { DEFAULT_OPTIONS, globalVariable, parseParamType, toCell } from './session-support';
import { checkBatchSyntax, tokenizeBatch } from './grammar';
import { catalogMajor, checkSystemViewColumns } from './view-versions';
import { parseBatch } from './parser';
import { evaluate, test } from './eval';
import { executeSelect, resolveName, selectTypes } from './select';
import { convert, toNumber, toText } from './values';
import { SqlError, err } from './errors';
import type { DdlContext } from './ddl-constraints';
import { createStatistics, dropStatistics, updateStatistics } from './ddl-statistics';
import { createSynonym, dropSynonym } from './ddl-synonyms';
import { alterSecurityPolicy, createSecurityPolicy, dropSecurityPolicy } from './security-policies';
import { bind, createBound, dropBound, nameParts, unbind } from './ddl-bound';
import { createColumnKey } from './ddl-column-keys';
import { runSecurity } from './ddl-security';
import { checkIdent, checkidentTable } from './checkident';
import { splitObjectName } from './functions';
import { addFilegroup, createPartitionFunction, createPartitionScheme } from './ddl-data-spaces';
import { createXmlCollection, dropXmlCollection } from './ddl-xml-collections';
import { alterTable, createIndexStatement, createSchema, createTable, dropIndex, dropSchema, dropTable, setTriggerState, spRename, truncateTable } from './ddl';
import { transferObject } from './ddl-transfer';
import { createType, dropType, spAddType } from './ddl-types';
import { alterSequence, createSequence, dropSequence, sequenceGetRange } from './ddl-sequences';
import type { Changed } from './dml';
import { insert, remove, update } from './dml';
import { baseNames, modifyThrough, needsTargetPath } from './dml-target';
import { mergeOutputRows, outputRows } from './output';
import { selectInto } from './select-into';
import { merge } from './merge';
import { dropSessionTemps, isTempTable, mayNameTemps, tableVariableName, tempName, withSessionTemps } from './temp-tables';
import { parseModuleDefinition } from './views';
import type { TriggerEvent } from './triggers';
import { columnUpdated, endedInTrigger, pseudoTable, TRIGGER_ABORTED, triggersFor } from './triggers';
import { moduleHeader } from './module-header';
import { insteadTarget, refuseInsteadOfMerge, wouldChange, wouldInsert } from './instead-of';
import { spHelp, spHelpIndex } from './sp-help';
import { bindArgs, checkFunctionBody, isDefault, tableArg, type Var as RoutineVar } from './routines';
import { checkRoutineParameters, createTableType, createTypedTableVariable, findTableType, routineBody } from './ddl-table-types';
import type { Module } from './catalog';
import { withCtes } from './cte';
import { createModule, dropModule, findModule, modulesOf, refreshModule } from './modules';
import { TxLog } from './tx-log';
import { bindTables } from './bind';
import type { DatabaseStore, Target } from './tx-log';
import type { AppLocks } from './app-locks';
import type { AppLockCaller } from './app-lock-procs';
import { spGetAppLock, spReleaseAppLock } from './app-lock-procs';
import type { ObjectLocks } from './object-locks';
import type { Waiters } from './waiters';
import { sleep } from './waiters';
import type { FaultState } from './faults';
import { checkNewerOptions, checkOnline, createTableKeyOptions, ddlOptionsOf, type DdlOption, type EditionFacts, type RecordedOptions } from './editions';
import { isDriverProbe } from './faults';
import type { StatementNeeds } from './lock-needs';
import { needsOf, renameNeeds, statementNeeds } from './lock-needs';
import { runExtendedPropertyProc } from './extended-properties';
import type { StatementLog, StatementRecord } from './statement-log';

/** What a session needs from the engine. */
export interface EngineState extends DatabaseStore {
  readonly productVersion: string;
  /** The edition SERVERPROPERTY reports; decides whether ONLINE = ON is accepted. */
  readonly edition: EditionFacts;
  /** Keeps a statement's WITH (...) options for tests. */
  recordOptions(r: RecordedOptions): void;
  /** Whether logins hold VIEW DATABASE STATE. */
  readonly viewDatabaseState: boolean;
  /** The whole @@VERSION text when a fault overrides it. */
  readonly versionText: string | undefined;
  all(): Database[];
  /** Removes a database (DROP DATABASE). */
  remove(name: string): void;
  readonly appLocks: AppLocks;
  readonly locks: ObjectLocks;
  readonly waiters: Waiters;
  readonly faults: FaultState;
  readonly statementLog: StatementLog;
}

/** Statements that only wrap others: not counted by faults, no locks of their own. */
function isWrapper(s: Statement): boolean {
  if (s.k === 'block' || s.k === 'tryCatch') return true;
  if (s.k !== 'exec') return false;
  return s.dynamic !== undefined || (s.proc ?? []).map((p) => p.toLowerCase()).pop() === 'sp_executesql';
}

/** Statements whose execution changes data or definitions (statement-level undo applies). */
const NOT_MUTATING = new Set(['break', 'continue', 'identityInsert', 'createDatabase', 'dropDatabase', 'select', 'declare', 'setVar', 'setOption', 'if', 'while', 'block', 'tryCatch', 'print', 'tran', 'use', 'return', 'noop', 'raiserror', 'throw', 'exec']);

type Var = RoutineVar;
/** The batch stops here (error that aborts the batch, XACT_ABORT, RETURN). */
class BatchEnd { constructor(readonly reason: 'abort' | 'return' | 'xactAbort') {} }

/** A connection: variables, SET options, transaction state; runs batches and RPCs. */
export class EngineSession implements Session {
  private dbName: string;
  private frames: Map<string, Var>[] = [new Map()];
  private readonly options = new Map(Object.entries(DEFAULT_OPTIONS));
  /** sp_set_session_context's keys and values (SESSION_CONTEXT), for the session's life. */
  private readonly sessionContext = new Map<string, { value: Value; readOnly: boolean }>();
  private tranCount = 0;
  /** When the outermost open transaction began (temporal period columns take it). */
  private tranStartedAt: Date | null = null;
  private readonly log: TxLog;
  private lastError = 0;
  private rowCount = 0;
  private identity: number | null = null;
  private caughtStack: { number: number; message: string; severity: number; state: number; line: number }[] = [];
  private out: Output[] = [];
  private tranSeq = 0;
  /** The running request is the driver's validation probe: not counted by faults. */
  private probe = false;
  /** SET LOCK_TIMEOUT, in ms; -1 waits forever (the default). */
  private lockTimeout = -1;
  /** Per running batch (nested EXEC included): each table's columns when the batch was compiled. */
  private compiled: Map<number, Set<string>>[] = [];

  constructor(readonly id: number, private readonly engine: EngineState, database: string) {
    this.dbName = database;
    this.log = new TxLog(engine);
  }

  /** The session's current database name. */
  get database(): string { return this.dbName; }
  /** A SET option's current value (e.g. 'XACT_ABORT'). */
  option(name: string): boolean { return this.options.get(name.toUpperCase()) ?? false; }
  /** Open transaction count (@@TRANCOUNT). */
  get trancount(): number { return this.tranCount; }

  private get db(): Database { return this.engine.get(this.dbName) as Database; }

  private host(): Host {
    const self = this;
    return {
      get db() { return self.db; },
      database: (n) => self.engine.get(n),
      databaseById: (id) => self.engine.all().find((d) => d.id === id),
      allDatabases: () => self.engine.all(),
      getVar: (n) => self.frames[self.frames.length - 1].get(n.toLowerCase()),
      global: (n) => self.global(n),
      productVersion: this.engine.productVersion,
      edition: this.engine.edition,
      recordOptions: (r) => self.engine.recordOptions(r),
      viewDatabaseState: this.engine.viewDatabaseState,
      runSubquery: (sel: Select, scope: Scope | undefined) => { const r = executeSelect(sel, self.host(), scope); return { types: r.columns.map((c) => c.type), rows: r.rows }; },
      subqueryType: (sel, scope) => selectTypes(sel, self.host(), scope),
      caught: () => self.caughtStack[self.caughtStack.length - 1],
      option: (n) => self.option(n),
      compiledColumns: (id) => self.compiled[self.compiled.length - 1]?.get(id),
      session: this.id,
      sessionContext: (key) => self.sessionContext.get(key)?.value ?? null,
      identityInsert: (t) => self.identityInsertOn?.objectId === t.objectId,
      columnUpdated: (c) => {
        const e = self.triggerStack[self.triggerStack.length - 1];
        return e ? columnUpdated(e.event, c) : undefined;
      },
      pseudoTable: (n) => {
        const e = self.triggerStack[self.triggerStack.length - 1];
        const which = n.toLowerCase();
        return e && (which === 'inserted' || which === 'deleted') ? pseudoTable(e.event, which, self.host()) : undefined;
      },
    };
  }

  private global(name: string): Var | undefined {
    return globalVariable(name, { version: this.engine.productVersion, versionText: this.engine.versionText, spid: this.id, trancount: this.tranCount, error: this.lastError, rowCount: this.rowCount, identity: this.identity, lockTimeout: this.lockTimeout });
  }

  private ddl(write: boolean): DdlContext {
    const db = write ? this.log.beforeWrite(this.dbName) : this.db;
    const now = new Date();
    return {
      db, host: this.host(), quotedIdentifier: this.option('QUOTED_IDENTIFIER'), now, transactionStart: this.tranCount > 0 ? this.tranStartedAt ?? now : now, inTransaction: this.tranCount > 0,
      info: (number, message) => this.out.push({ kind: 'info', number, state: 1, class: 10, message, line: 1 }),
      identityUsed: (v) => { this.identity = v; },
      beforeModules: () => this.log.recordModules(this.dbName),
      beforeSecurity: () => this.log.recordSecurity(this.dbName),
      beforePolicies: () => this.log.recordPolicies(this.dbName),
    };
  }

  // ---- Session interface

  async executeBatch(sql: string, signal: AbortSignal): Promise<Output[]> {
    this.out = [];
    this.probe = isDriverProbe(sql);
    try { await this.runText(sql, signal, false); } catch (e) { if (!(e instanceof BatchEnd)) throw e; }
    return this.out;
  }

  async executeRpc(procedure: string, parameters: readonly Parameter[], signal: AbortSignal): Promise<Output[]> {
    this.out = [];
    try {
      // TDS may name well-known procedures by id (ProcIDs in MS-TDS 2.2.6.6): 10 is sp_executesql.
      const proc = procedure === '10' ? 'sp_executesql' : procedure.toLowerCase().replace(/^(\[?sys\]?\.|\[?dbo\]?\.)/, '').replace(/[[\]]/g, '');
      this.probe = false;
      if (proc === 'sp_executesql') {
        const stmt = parameters[0];
        this.probe = typeof stmt?.value === 'string' && isDriverProbe(stmt.value);
        const vars = new Map<string, Var>();
        for (const p of parameters.slice(2)) {
          const type = parseParamType(p.type);
          vars.set(p.name.toLowerCase(), { value: p.value === null ? null : convert(p.value as Value, type), type });
        }
        try {
          await this.runText(stmt?.value === null || stmt === undefined ? '' : String(stmt.value), signal, true, vars);
        } finally {
          this.reportOutputs(parameters.slice(2), vars);
        }
      } else {
        // Named RPC parameters bind by name, unnamed ones by position; the status lands in @__rs.
        const vars = new Map<string, Var>(parameters.map((p, i) => [`@p${i}`, { value: p.value as Value, type: parseParamType(p.type) }]));
        vars.set('@__rs', { value: null, type: ty.int });
        const args = parameters.map((p, i) => (p.name ? `${p.name} = @p${i}` : `@p${i}`)).join(', ');
        try {
          await this.runText(`EXEC @__rs = ${procedure} ${args}`, signal, true, vars);
        } finally {
          this.out.push({ kind: 'returnStatus', value: Number(vars.get('@__rs')?.value ?? 0) });
        }
      }
    } catch (e) {
      if (!(e instanceof BatchEnd)) throw e;
    }
    return this.out;
  }

  /** OUTPUT parameters of sp_executesql: their values when the statement ended. */
  private reportOutputs(parameters: readonly Parameter[], vars: Map<string, Var>): void {
    this.out.push({ kind: 'returnStatus', value: 0 });
    for (const p of parameters) {
      const v = vars.get(p.name.toLowerCase());
      if (p.output === true && v) this.out.push({ kind: 'returnValue', name: p.name, value: toCell(v.value, v.type) });
    }
  }

  async beginTransaction(_name: string | null): Promise<Output[]> { this.out = []; this.record('transaction-manager', 'BEGIN TRANSACTION'); this.tranBegin(); return this.out; }
  async commitTransaction(_name: string | null): Promise<Output[]> { this.out = []; this.record('transaction-manager', 'COMMIT TRANSACTION'); this.guard(() => this.tranCommit()); return this.out; }
  async rollbackTransaction(_name: string | null): Promise<Output[]> { this.out = []; this.record('transaction-manager', 'ROLLBACK TRANSACTION'); this.guard(() => this.tranRollback()); return this.out; }

  /** Adds the statement about to run, with the session's state now, to the engine's log when one is recording. */
  private record(kind: StatementRecord['kind'], text: string): void {
    const log = this.engine.statementLog;
    if (!log.on) return;
    log.add({ session: this.id, kind, text, options: Object.fromEntries(this.options), trancount: this.tranCount, database: this.dbName });
  }

  close(): void {
    if (this.tranCount > 0) { this.tranCount = 0; this.log.rollback(); }
    dropSessionTemps(this.engine.all(), this.id);
    this.engine.locks.releaseAll(this.id);
    this.engine.appLocks.releaseOwned(this.id);
  }

  /** Object locks and Transaction-owned app locks end with the transaction. */
  private endTransaction(): void {
    this.engine.locks.releaseAll(this.id);
    this.engine.appLocks.releaseOwned(this.id, 'Transaction');
  }

  /** Rolls back whatever is open, reporting it (XACT_ABORT, cancellation). */
  private abortTransaction(): void {
    if (this.tranCount === 0) return;
    this.tranCount = 0;
    this.log.rollback();
    this.endTransaction();
    this.out.push({ kind: 'transactionChanged', event: 'rollback', descriptor: this.descriptor() });
  }

  /** A TDS attention cancelled the running statement: with XACT_ABORT ON the transaction rolls back too. */
  private cancel(): never {
    if (this.option('XACT_ABORT')) this.abortTransaction();
    throw new BatchEnd('abort');
  }

  /** Waits until the statement's locks are granted (SET LOCK_TIMEOUT; 1222 on expiry), taking its write locks. */
  private async lockFor(needs: StatementNeeds, signal: AbortSignal): Promise<void> {
    if (needs.write.length === 0 && needs.read.length === 0 && needs.catalogs.length === 0) return;
    const { locks, waiters } = this.engine;
    for (;;) {
      let fresh: string[] = [];
      const who = { session: this.id, blockers: () => locks.blockers(needs, this.id) };
      const outcome = await waiters.wait(() => { const r = locks.tryTake(needs, this.id); if (r) fresh = r; return r !== null; }, this.lockTimeout, signal, who);
      if (outcome === 'aborted') this.cancel();
      if (outcome === 'deadlock') {
        // The victim's transaction rolls back (releasing its locks) whatever XACT_ABORT says.
        this.abortTransaction();
        throw new SqlError(1205, 13, 51, `Transaction (Process ID ${this.id}) was deadlocked on lock resources with another process and has been chosen as the deadlock victim. Rerun the transaction.`, 'batch');
      }
      if (outcome === 'timeout') throw new SqlError(1222, 16, 51, 'Lock request time out period exceeded.');
      this.log.record(needs.targets.filter((t) => fresh.includes(t.key)));
      // Another session may have run between the grant and now: re-check synchronously.
      if (locks.free(needs, this.id)) return;
    }
  }

  /** Outside a transaction a statement's locks end with it. */
  private statementEnded(): void {
    if (this.tranCount === 0) this.engine.locks.releaseAll(this.id);
  }

  private guard(f: () => void): void {
    try { f(); } catch (e) { if (e instanceof SqlError) this.emitError(e, 1); else throw e; }
  }

  // ---- transactions

  private descriptor(): Buffer { const b = Buffer.alloc(8); b.writeUInt32LE(this.id, 4); b.writeUInt32LE(this.tranSeq, 0); return b; }

  private tranBegin(): void {
    if (this.tranCount === 0) {
      this.tranSeq++;
      this.tranStartedAt = new Date();
      this.log.begin();
      this.out.push({ kind: 'transactionChanged', event: 'begin', descriptor: this.descriptor() });
    }
    this.tranCount++;
  }

  private tranCommit(): void {
    if (this.tranCount === 0) throw err.commitNoTran();
    this.tranCount--;
    if (this.tranCount === 0) { this.log.commit(); this.endTransaction(); this.out.push({ kind: 'transactionChanged', event: 'commit', descriptor: this.descriptor() }); }
  }

  private tranRollback(): void {
    if (this.tranCount === 0) throw err.rollbackNoTran();
    this.abortTransaction();
  }

  // ---- batches

  private async runText(sql: string, signal: AbortSignal, nested: boolean, vars?: Map<string, Var>): Promise<void> {
    // QUOTED_IDENTIFIER is a parse-time option: a SET in this batch only affects later batches.
    const quotedIdentifier = this.option('QUOTED_IDENTIFIER');
    const tokens = tokenizeBatch(sql, quotedIdentifier);
    const problem = checkBatchSyntax(sql, tokens, quotedIdentifier);
    if (problem) { this.emitError(err.syntax(problem.near), problem.line); return; }
    let statements: Statement[];
    try {
      statements = parseBatch(sql, tokens);
      if (tokens.some((t) => (t.kind === 'word' || t.kind === 'qid') && t.value.startsWith('#'))) statements = withSessionTemps(statements, this.id);
    } catch (e) {
      if (e instanceof SqlError) { this.emitError(e, e.line ?? 1); return; }
      throw e;
    }
    const schemaAt = statements.findIndex((s) => s.k === 'createSchema');
    if (schemaAt > 0 || (schemaAt === 0 && statements.length > 1)) {
      const line = statements[Math.max(schemaAt, 1)]?.line ?? 1;
      this.emitError(schemaAt > 0 ? err.schemaFirst() : err.syntax(statements[1].text.split(/\s/)[0]), line);
      return;
    }
    // A module's body runs to the end of the batch, so it is always last; anything before it is Msg 111.
    const moduleAt = statements.findIndex((s) => s.k === 'createModule');
    if (moduleAt > 0) {
      const m = statements[moduleAt] as Extract<Statement, { k: 'createModule' }>;
      this.emitError(err.moduleFirst(m.module.type), m.line);
      return;
    }
    // The whole batch is compiled before it runs: a system view's column this version lacks is Msg 207, whichever branch names it (view-versions.ts).
    try {
      if (NAMES_SYS.test(sql)) checkSystemViewColumns(statements, catalogMajor(this.engine.productVersion, this.engine.edition.engineEdition));
    } catch (e) {
      if (e instanceof SqlError) { this.emitError(e, e.line ?? 1); return; }
      throw e;
    }
    if (vars || nested) this.frames.push(vars ?? new Map());
    this.compiled.push(new Map(this.db.tables.map((t) => [t.objectId, new Set(t.columns.map((c) => c.name.toLowerCase()))])));
    try {
      await this.runList(statements, signal);
    } catch (e) {
      if (!(e instanceof BatchEnd)) throw e;
      if (e.reason === 'xactAbort' && nested) throw e;
    } finally {
      this.compiled.pop();
      // Table variables end with their batch (the outermost batch's frame outlives it, its table variables do not).
      this.dropTableVariables(this.frames[this.frames.length - 1]);
      if (vars || nested) this.frames.pop();
    }
  }

  private async runList(list: readonly Statement[], signal: AbortSignal): Promise<void> {
    for (const s of list) {
      if (signal.aborted) this.cancel();
      await this.runOne(s, signal);
    }
  }

  /** Faults, then locks, for a statement about to run; throws its SqlError (fault, 1222) or cancels. */
  private async prepare(s: Statement, signal: AbortSignal): Promise<void> {
    if (!isWrapper(s) && s.k !== 'setOption' && s.k !== 'identityInsert' && !this.probe) {
      const decision = this.engine.faults.next(s.text);
      if (decision.delayMs !== undefined && !(await sleep(decision.delayMs, signal))) this.cancel();
      if (decision.fail) throw decision.fail;
    }
    if (isWrapper(s)) return;
    const needs = statementNeeds(s, this.host());
    this.statementTargets = needs.targets;
    await this.lockFor(needs, signal);
  }

  /** The lock targets of the simple statement prepare() last took locks for (its undo image's tables). */
  private statementTargets: readonly Target[] = [];

  private async runOne(s: Statement, signal: AbortSignal): Promise<void> {
    if (this.option('NOEXEC') && !(s.k === 'setOption' && s.options.includes('NOEXEC'))) return;
    if (!isWrapper(s)) this.record('statement', s.text);
    // A trigger's statements run inside the triggering statement's undo image (triggers.ts).
    const mutating = (!NOT_MUTATING.has(s.k) || (s.k === 'select' && s.into !== undefined)) && this.triggerStack.length === 0;
    try {
      try { await this.prepare(s, signal); } catch (e) { if (e instanceof SqlError) { if (this.triggerStack.length > 0) throw e; this.fail(e, s.line); return; } throw e; }
      // INSERT ... EXEC: the procedure (or dynamic batch) runs first, its result sets kept as the rows to insert.
      if (s.k === 'insert' && s.exec) {
        try { this.execRows = await this.rowsOf({ ...s.exec, line: s.line, text: s.text }, signal); } catch (e) { if (e instanceof SqlError) { this.fail(e, s.line); return; } throw e; }
      }
      // From here to the end of a simple statement nothing awaits: no other session runs while it
      // writes, so the statement's whole-database undo image cannot swallow anyone else's work.
      if (mutating) this.log.startStatement(isWrapper(s) ? null : this.statementTargets);
      try {
        if (s.k === 'select' || s.k === 'insert' || s.k === 'update' || s.k === 'delete' || s.k === 'merge') bindTables(s, this.host());
        if (s.k === 'if' || s.k === 'while' || s.k === 'block' || s.k === 'tryCatch' || s.k === 'exec') await this.executeCompound(s, signal);
        else this.execute(s);
        if (this.pendingEvents.length > 0) await this.fireTriggers(signal);
        if (mutating) this.log.endStatement();
        if (!['if', 'while', 'block', 'tryCatch', 'exec'].includes(s.k)) this.lastError = 0;
      } catch (e) {
        this.pendingEvents = [];
        // Inside a trigger, an error (RAISERROR aside) fails the triggering statement.
        if (this.triggerStack.length > 0 && !(e instanceof SqlError && e.scope === 'raiserror')) throw e;
        if (mutating) this.log.undoStatement();
        if (!(e instanceof SqlError)) throw e;
        if (this.triggerFailed) {
          // SQL Server rolls the transaction back and ends the batch (Msg 3616 after the error; 3609 alone for a ROLLBACK).
          this.triggerFailed = false;
          this.abortTransaction();
          this.fail(e.number === 3609 ? e : new SqlError(e.number, e.cls, e.state, e.message, 'batch', [...e.followUps, TRIGGER_ABORTED]), s.line);
          return;
        }
        this.fail(e, s.line);
      }
    } finally {
      if (!isWrapper(s)) this.statementEnded();
    }
  }

  /** Changes made by the running statement that fire triggers. */
  private pendingEvents: TriggerEvent[] = [];
  /** The triggers running, innermost last, with the changes each sees. */
  private triggerStack: { event: TriggerEvent; module: Module }[] = [];
  /** A trigger failed or rolled back: the triggering statement's error also ends the transaction. */
  private triggerFailed = false;
  /** A trigger ran ROLLBACK (Msg 3609 once it ends). */
  private triggerRolledBack = false;

  /** The triggers running now, innermost last (an INSTEAD OF trigger's own statements are not replaced again). */
  private runningTriggers(): Module[] { return this.triggerStack.map((t) => t.module); }

  /** Notes a statement's changes for the table's triggers (only when it has some). */
  private changed(event: TriggerEvent): void {
    if (modulesOf(this.db).some((m) => m.type === 'TR' && m.parentObjectId === event.table.objectId)) this.pendingEvents.push(event);
  }

  /**
   * Runs the AFTER triggers the statement's changes fire, each once, as nested batches in their
   * own variable frames; a trigger does not fire itself again (RECURSIVE_TRIGGERS OFF, the
   * default), other triggers nest up to 32 levels. The statement's row count is sent after them.
   */
  private async fireTriggers(signal: AbortSignal): Promise<void> {
    const events = this.pendingEvents;
    this.pendingEvents = [];
    const done = this.out.length > 0 && this.out[this.out.length - 1].kind === 'done' ? this.out.pop() : undefined;
    try {
      for (const event of events) {
        for (const trg of triggersFor(this.db, event)) {
          if (this.triggerStack.some((t) => t.module.objectId === trg.module.objectId)) continue;
          if (this.triggerStack.length >= 32) throw new SqlError(217, 16, 1, 'Maximum stored procedure, function, trigger, or view nesting level exceeded (limit 32).');
          this.triggerStack.push({ event, module: trg.module });
          this.frames.push(new Map());
          this.compiled.push(new Map());
          try {
            // SET options a trigger sets end with it, as a procedure's do (set-statements-transact-sql.md).
            await this.scoped(() => this.runList(mayNameTemps(trg.module.definition) ? withSessionTemps(trg.body, this.id) : trg.body, signal));
          } catch (e) {
            if (!(e instanceof BatchEnd && e.reason === 'return')) { if (e instanceof SqlError) this.triggerFailed = true; throw e; }
          } finally {
            this.compiled.pop();
            this.dropTableVariables(this.frames[this.frames.length - 1]);
            this.frames.pop();
            this.triggerStack.pop();
          }
        }
      }
      if (this.triggerRolledBack && this.triggerStack.length === 0) {
        this.triggerRolledBack = false;
        this.triggerFailed = true;
        throw endedInTrigger();
      }
    } finally {
      if (done) this.out.push(done);
    }
  }

  /** Reports an error and applies SQL Server's scope rules (XACT_ABORT, batch-aborting errors). */
  private fail(e: SqlError, line: number): void {
    if (this.inTry > 0) throw new CaughtSignal(e, line);
    this.emitError(e, line);
    if (this.option('XACT_ABORT') && e.cls >= 11 && e.scope !== 'compile' && e.scope !== 'raiserror') {
      this.abortTransaction();
      throw new BatchEnd('xactAbort');
    }
    if (e.scope !== 'statement' && e.scope !== 'raiserror') throw new BatchEnd('abort');
  }

  private inTry = 0;
  /** WHILE loops running (BREAK and CONTINUE outside one are errors). */
  private loops = 0;

  private emitError(e: SqlError, line: number): void {
    this.lastError = e.number;
    for (const x of [e, ...e.followUps]) {
      if (x.cls <= 10) this.out.push({ kind: 'info', number: x.number, state: x.state, class: x.cls, message: x.message, line });
      else this.out.push({ kind: 'error', number: x.number, state: x.state, class: x.cls, message: x.message, line });
    }
    this.out.push({ kind: 'done' });
  }

  private done(rowCount?: number): void {
    if (rowCount !== undefined) this.rowCount = rowCount;
    this.out.push(rowCount === undefined || this.option('NOCOUNT') ? { kind: 'done' } : { kind: 'done', rowCount });
  }

  private setVar(name: string, value: Value): void {
    const v = this.frames[this.frames.length - 1].get(name.toLowerCase());
    if (!v) throw err.mustDeclare(name);
    v.value = convert(value, v.type);
  }

  private async executeCompound(s: Extract<Statement, { k: 'if' | 'while' | 'block' | 'tryCatch' | 'exec' }>, signal: AbortSignal): Promise<void> {
    const host = this.host();
    switch (s.k) {
      case 'exec': await this.exec(s, signal); return;
      case 'if': {
        if (test(s.cond, undefined, host) === true) await this.runOne(s.then, signal);
        else if (s.els) await this.runOne(s.els, signal);
        return;
      }
      case 'while': {
        // The condition is evaluated before every pass, with the variables the body set; a
        // failed statement under XACT_ABORT ends the batch by throwing out of runOne.
        this.loops++;
        try {
          for (let passes = 0; test(s.cond, undefined, this.host()) === true; passes++) {
            if (passes >= 1_000_000) throw new SqlError(50000, 16, 1, 'stand-in: WHILE ran a million passes; assuming an endless loop');
            try { await this.runOne(s.body, signal); } catch (e) {
              if (!(e instanceof LoopSignal)) throw e;
              if (e.kind === 'break') break;
            }
          }
        } finally { this.loops--; }
        return;
      }
      case 'block': await this.runList(s.body, signal); return;
      case 'tryCatch': {
        this.inTry++;
        let caught: CaughtSignal | undefined;
        try { await this.runList(s.body, signal); } catch (e) { if (e instanceof CaughtSignal) caught = e; else throw e; } finally { this.inTry--; }
        if (caught) {
          this.lastError = caught.error.number;
          this.caughtStack.push({ number: caught.error.number, message: caught.error.message, severity: caught.error.cls, state: caught.error.state, line: caught.line });
          try { await this.runList(s.handler, signal); } finally { this.caughtStack.pop(); }
        }
        return;
      }
    }
  }

  /** Msg 1712 for ONLINE = ON on an edition without online operations; otherwise records the options. */
  /** CREATE DATABASE: an empty database with the built-in schemas; never inside a transaction (Msg 226). */
  private createDatabase(name: string, collation: string | undefined): void {
    if (this.tranCount > 0) throw new SqlError(226, 16, 6, 'CREATE DATABASE statement not allowed within multi-statement transaction.');
    if (this.engine.get(name)) throw new SqlError(1801, 16, 3, `Database '${name}' already exists. Choose a different database name.`);
    // database_id 2-4 are tempdb, model and msdb: a user database is 5 or more (sys-databases-transact-sql).
    const db = newDatabase(Math.max(4, ...this.engine.all().map((d) => d.id)) + 1, name);
    if (collation !== undefined) db.collation = collation;
    this.engine.set(name, db);
  }

  /** DROP DATABASE: not the one this session is using (Msg 3702), never inside a transaction (Msg 226). */
  private dropDatabase(name: string, ifExists: boolean): void {
    if (this.tranCount > 0) throw new SqlError(226, 16, 6, 'DROP DATABASE statement not allowed within multi-statement transaction.');
    const db = this.engine.get(name);
    if (!db) {
      if (ifExists) return;
      throw new SqlError(3701, 11, 1, `Cannot drop the database '${name}', because it does not exist or you do not have permission.`);
    }
    if (db.id <= 4 || sameName(db.name, this.dbName)) throw new SqlError(3702, 16, 4, `Cannot drop database "${db.name}" because it is currently in use.`);
    this.engine.remove(db.name);
  }

  private checkOptions(statement: string, options: readonly DdlOption[]): void {
    if (options.length === 0) return;
    checkOnline(this.engine.edition, options);
    checkNewerOptions(this.engine.productVersion, this.engine.edition, options);
    this.engine.recordOptions({ statement, options });
  }

  private execute(s: Exclude<Statement, { k: 'if' | 'while' | 'block' | 'tryCatch' | 'exec' }>): void {
    const host = this.host();
    switch (s.k) {
      case 'select': {
        if (s.into) {
          const r = executeSelect({ ...s, into: undefined }, host, undefined);
          const plain = s.from.length === 1 && s.from[0].k === 'table' && s.groupBy.length === 0 && !s.distinct && !s.union;
          this.done(selectInto(this.ddl(true), s.into, r, plain));
          return;
        }
        const r = executeSelect(s, host, undefined);
        if (r.assigned) {
          const last = r.rows[r.rows.length - 1];
          if (last) s.items.forEach((it, i) => { if (it.assign) this.setVar(it.assign, last[i]); });
          this.done(r.rows.length);
          return;
        }
        const columns: ResultColumn[] = r.columns.map((c) => ({ name: c.name, nullable: c.nullable, ...wireType(c.type) }));
        const rows = r.rows.map((row) => row.map((v, i) => toCell(v, r.columns[i].type)));
        this.out.push({ kind: 'resultSet', resultSet: { columns, rows } });
        this.done(rows.length);
        return;
      }
      case 'insert': {
        const ctx = this.ddl(true);
        const given = s.exec ? this.execRows : undefined;
        this.execRows = undefined;
        const instead = insteadTarget(host, s.table, 'INSERT', this.runningTriggers());
        if (instead) {
          if (s.output) throw err.notSupported(`OUTPUT of an INSERT into '${instead.shape.name}', which has INSTEAD OF trigger '${instead.trigger.name}'`);
          const rows = withCtes(s.with, undefined, () => wouldInsert(host, instead, s, given));
          this.pendingEvents.push({ table: instead.shape, action: 'INSERT', inserted: rows, deleted: [], instead: instead.trigger });
          this.done(rows.length);
          return;
        }
        const rows = withCtes(s.with, undefined, () => insert(ctx, s.table, s.columns, s.values, s.select, given));
        const t = resolveTable(host, baseNames(s.table, host)[0]);
        if (t) this.changed({ table: t, action: 'INSERT', inserted: rows, deleted: [] });
        if (s.output && t) this.output(ctx, s.output, outputRows(s.output, 'insert', t, [], rows, host));
        this.done(rows.length);
        return;
      }
      case 'merge': {
        refuseInsteadOfMerge(host, s.table, this.runningTriggers());
        const ctx = this.ddl(true);
        const top = s.top === undefined ? undefined : evaluate(s.top, undefined, host);
        const r = withCtes(s.with, undefined, () => merge(ctx, s, top));
        if (r.inserted.length > 0) this.changed({ table: r.table, action: 'INSERT', inserted: r.inserted, deleted: [] });
        if (r.updated.after.length > 0) this.changed({ table: r.table, action: 'UPDATE', inserted: r.updated.after, deleted: r.updated.before, columns: s.clauses.flatMap((c) => (c.action.k === 'update' ? c.action.sets.map((x) => x.col) : [])) });
        if (r.deleted.length > 0) this.changed({ table: r.table, action: 'DELETE', inserted: [], deleted: r.deleted });
        if (s.output) this.output(ctx, s.output, mergeOutputRows(s.output, r.table, r, host));
        this.done(r.inserted.length + r.updated.after.length + r.deleted.length);
        return;
      }
      case 'update': case 'delete': {
        const ctx = this.ddl(true);
        const top = s.top === undefined ? undefined : evaluate(s.top, undefined, host);
        const action = s.k === 'update' ? 'UPDATE' : 'DELETE';
        const instead = insteadTarget(host, s.table, action, this.runningTriggers());
        if (instead) {
          if (s.output) throw err.notSupported(`OUTPUT of an ${action} of '${instead.shape.name}', which has INSTEAD OF trigger '${instead.trigger.name}'`);
          const { before, after } = withCtes(s.with, undefined, () => wouldChange(host, instead, s, top));
          this.pendingEvents.push({ table: instead.shape, action, inserted: after, deleted: before, instead: instead.trigger, ...(s.k === 'update' ? { columns: s.sets.map((x) => x.col) } : {}) });
          this.done(before.length);
          return;
        }
        let changed: Changed & { scopes?: ReadonlyMap<Row, Scope> };
        if (needsTargetPath(s, host)) changed = modifyThrough(ctx, s, top, (n, v) => this.setVar(n, v));
        else changed = s.k === 'update' ? update(ctx, s.table, s.sets, s.where, top) : remove(ctx, s.table, s.where, top);
        this.changed({ table: changed.table, action: s.k === 'update' ? 'UPDATE' : 'DELETE', inserted: changed.after, deleted: changed.before, columns: s.k === 'update' ? s.sets.map((x) => x.col) : [] });
        if (s.output) {
          const scopes = changed.scopes;
          this.output(ctx, s.output, outputRows(s.output, s.k, changed.table, changed.before, changed.after, host, scopes && s.from ? (r) => scopes.get(r) : undefined));
        }
        this.done(s.k === 'update' ? changed.after.length : changed.before.length);
        return;
      }
      case 'createTable': checkNewerOptions(this.engine.productVersion, this.engine.edition, createTableKeyOptions(s)); this.checkOptions(s.text, s.options ?? []); createTable(this.ddl(true), s.name, s.columns, s.constraints, s.period, s.versioning, s.options, s.graph, s.indexes, s.ledger); this.done(); return;
      case 'truncateTable': truncateTable(this.ddl(true), s.name); this.done(); return;
      case 'setTriggerState': setTriggerState(this.ddl(true), s.table, s.names, s.enabled); this.done(); return;
      case 'dropTable': { const c = this.ddl(true); for (const n of s.names) dropTable(c, n, s.ifExists); this.done(); return; }
      case 'alterTable': this.checkOptions(s.text, ddlOptionsOf(s.action)); alterTable(this.ddl(true), s.name, s.action); this.done(); return;
      case 'createIndex': {
        this.checkOptions(s.text, s.index.options ?? []);
        const { edition, productVersion, faults } = this.engine;
        const paused = createIndexStatement(this.ddl(true), s.index, { edition, productVersion, inTransaction: this.tranCount > 0, sqlText: s.text, pause: () => faults.takePause(s.text) });
        // A paused resumable build is kept (resumable.ts): end the statement before failing it, so it is not undone.
        if (paused !== null) { this.log.endStatement(); throw paused; }
        this.done();
        return;
      }
      case 'dropIndex': {
        this.checkOptions(s.text, s.items.flatMap((it) => it.options ?? []));
        const c = this.ddl(true);
        for (const it of s.items) dropIndex(c, it.index, it.table, s.ifExists, it.options);
        this.done();
        return;
      }
      case 'createStatistics': createStatistics(this.ddl(true), s); this.done(); return;
      case 'createXmlCollection': createXmlCollection(this.ddl(true), s.name, s.text); this.done(); return;
      case 'dropXmlCollection': dropXmlCollection(this.ddl(true), s.name); this.done(); return;
      case 'createPrincipal': case 'dropPrincipal': case 'alterRoleMember': case 'permission': runSecurity(this.ddl(true), s); this.done(); return;
      case 'createSynonym': createSynonym(this.ddl(true), s.name, s.base); this.done(); return;
      case 'createSecurityPolicy': createSecurityPolicy(this.ddl(true), s.name, s.predicates, s); this.done(); return;
      case 'alterSecurityPolicy': alterSecurityPolicy(this.ddl(true), s.name, s.actions, s); this.done(); return;
      case 'dropSecurityPolicy': dropSecurityPolicy(this.ddl(true), s.name, s.ifExists); this.done(); return;
      case 'createBound': createBound(this.ddl(true), s.kind, s.name, s.expr, s.text); this.done(); return;
      case 'dropBound': dropBound(this.ddl(true), s.kind, s.names, s.ifExists); this.done(); return;
      case 'createColumnKey': createColumnKey(this.ddl(true).db, s.kind, s.name, s.masterKey); this.done(); return;
      case 'setDatabaseChangeTracking': {
        const target = s.database === 'CURRENT' ? this.db : this.engine.get(s.database);
        if (!target) throw new SqlError(911, 16, 1, `Database '${s.database}' does not exist. Make sure that the name is entered correctly.`);
        setDatabaseChangeTracking(target, s.on, s.options, this.tranCount > 0);
        this.done();
        return;
      }
      case 'addFilegroup': addFilegroup(this.ddl(true).db, s.name, s.memoryOptimized === true); this.done(); return;
      case 'createPartitionFunction': createPartitionFunction(this.ddl(true).db, s.name, s.parameterType, s.boundaries); this.done(); return;
      case 'createPartitionScheme': createPartitionScheme(this.ddl(true).db, s.name, s.function, s.filegroups); this.done(); return;
      case 'dropSynonym': dropSynonym(this.ddl(true), s.name, s.ifExists); this.done(); return;
      case 'dropStatistics': { const c = this.ddl(true); for (const it of s.items) dropStatistics(c, it.table, it.name); this.done(); return; }
      case 'updateStatistics': updateStatistics(this.ddl(true), s.table, s.names, s.options); this.done(); return;
      case 'createSchema': createSchema(this.ddl(true), s.name); this.done(); return;
      case 'createModule': {
        const ctx = this.ddl(true);
        if (['P', 'FN', 'IF', 'TF'].includes(s.module.type)) checkRoutineParameters(ctx.db, s.module.definition, this.option('QUOTED_IDENTIFIER'));
        if (s.module.type === 'FN' || s.module.type === 'TF') checkFunctionBody(routineBody(s.module.definition, this.option('QUOTED_IDENTIFIER')));
        createModule(ctx, s.module, { quotedIdentifier: this.option('QUOTED_IDENTIFIER'), ansiNulls: this.option('ANSI_NULLS') });
        this.done();
        return;
      }
      case 'dropModule': { const c = this.ddl(true); for (const n of s.names) dropModule(c, s.kind, n, s.ifExists); this.done(); return; }
      case 'dropSchema': dropSchema(this.ddl(true), s.name, s.ifExists); this.done(); return;
      case 'transferObject': transferObject(this.ddl(true), s.schema, s.name); this.done(); return;
      case 'createDatabase': this.createDatabase(s.name, s.collation); this.done(); return;
      case 'dropDatabase': for (const n of s.names) this.dropDatabase(n, s.ifExists); this.done(); return;
      case 'createSequence': createSequence(this.ddl(true), s.name, s.options); this.done(); return;
      case 'alterSequence': alterSequence(this.ddl(true), s.name, s.options); this.done(); return;
      case 'dropSequence': { const c = this.ddl(true); for (const n of s.names) dropSequence(c, n, s.ifExists); this.done(); return; }
      case 'createType': createType(this.ddl(true), s.name, s.base, s.nullable); this.done(); return;
      case 'createTableType': createTableType(this.ddl(true), s.name, s.table); this.done(); return;
      case 'dropType': dropType(this.ddl(true), s.name, s.written, s.ifExists); this.done(); return;
      case 'declare':
        for (const v of s.vars) {
          const frame = this.frames[this.frames.length - 1];
          if (v.table) {
            const earlier = frame.get(v.name.toLowerCase());
            if (earlier?.table !== undefined) this.dropTableVariables(new Map([[v.name.toLowerCase(), earlier]]));
            const stored = tableVariableName(v.name, this.id, this.frames.length);
            createTable(this.ddl(false), ['dbo', stored], v.table.columns, v.table.constraints);
            frame.set(v.name.toLowerCase(), { value: null, type: ty.int, table: stored });
            continue;
          }
          // DECLARE @v [AS] s.t of a table type: a table variable of the type's shape (ddl-table-types.ts).
          const tableType = findTableType(this.db, v.type);
          if (tableType) {
            const earlier = frame.get(v.name.toLowerCase());
            if (earlier?.table !== undefined) this.dropTableVariables(new Map([[v.name.toLowerCase(), earlier]]));
            const stored = tableVariableName(v.name, this.id, this.frames.length);
            createTypedTableVariable(this.ddl(false), stored, tableType);
            frame.set(v.name.toLowerCase(), { value: null, type: ty.int, table: stored, tableType: tableType.userTypeId });
            continue;
          }
          const type = resolveType(v.type);
          frame.set(v.name.toLowerCase(), { value: null, type });
          if (v.init) this.setVar(v.name, evaluate(v.init, undefined, host));
        }
        return;
      case 'setVar': this.setVar(s.name, evaluate(s.expr, undefined, host)); this.done(); return;
      case 'setOption': {
        if (s.options.length === 1 && s.options[0] === 'LOCK_TIMEOUT') { this.lockTimeout = Math.max(-1, Math.trunc(Number(s.value))); return; }
        const on = s.value === 'ON';
        for (const o of s.options) if (s.value === 'ON' || s.value === 'OFF') this.options.set(o.replace(/\s+/g, '_'), on);
        return;
      }
      case 'identityInsert': this.setIdentityInsert(s.table, s.on); return;
      case 'checkident': {
        const ctx = this.ddl(true);
        const name = checkidentTable(s.table) ?? splitObjectName(toText(evaluate(s.table, undefined, host) ?? ''));
        const value = s.value === undefined ? undefined : toNumber(evaluate(s.value, undefined, host));
        const messages = checkIdent(resolveTable(host, name), name.join('.'), s.mode, value);
        if (!s.noInfoMsgs) for (const m of messages) ctx.info(m.number, m.message);
        this.done();
        return;
      }
      case 'print': this.out.push({ kind: 'info', number: 0, state: 1, class: 0, message: toText(evaluate(s.expr, undefined, host) ?? ''), line: s.line }); return;
      case 'raiserror': {
        const msg = evaluate(s.msg, undefined, host);
        const sev = toNumber(evaluate(s.severity, undefined, host));
        const state = toNumber(evaluate(s.state, undefined, host));
        // RAISERROR formats its message printf-style (raiserror-transact-sql.md: %d, %i, %u, %s,
        // %o, %x, %X with flags and width); '%%' is a literal percent sign.
        const args = s.args.map((a) => evaluate(a, undefined, host));
        const text = typeof msg === 'number' ? `Error ${msg}` : formatRaiserror(toText(msg), args);
        if (sev <= 10) { this.out.push({ kind: 'info', number: 50000, state, class: sev, message: text, line: s.line }); return; }
        throw new SqlError(typeof msg === 'number' ? msg : 50000, sev, state, text, 'raiserror');
      }
      case 'throw': {
        if (!s.number) {
          const c = this.caughtStack[this.caughtStack.length - 1];
          if (!c) throw new SqlError(10704, 15, 1, 'To rethrow an error, a THROW statement must be used inside a CATCH block. Insert the THROW statement inside a CATCH block, or add error handling mechanisms to catch the error.', 'batch');
          throw new SqlError(c.number, c.severity, c.state, c.message, 'batch');
        }
        throw new SqlError(toNumber(evaluate(s.number, undefined, host)), 16, toNumber(evaluate(s.state as never, undefined, host)), toText(evaluate(s.msg as never, undefined, host)), 'batch');
      }
      case 'tran':
        if (s.op === 'begin') this.tranBegin();
        else if (s.op === 'commit') this.tranCommit();
        else if (s.op === 'rollback' && this.triggerStack.length > 0) this.triggerRolledBack = true;
        else if (s.op === 'rollback') this.tranRollback();
        this.done();
        return;
      case 'use': {
        const db = this.engine.get(s.db);
        if (!db) throw err.noDatabase(s.db);
        const from = this.dbName;
        this.dbName = db.name;
        this.out.push({ kind: 'databaseChanged', from, to: db.name });
        this.out.push({ kind: 'info', number: 5701, state: 2, class: 0, message: `Changed database context to '${db.name}'.`, line: s.line });
        this.done();
        return;
      }
      case 'break': case 'continue':
        // Outside a WHILE: Msg 135 / 136, when the batch is compiled (break-transact-sql.md).
        if (this.loops === 0) throw s.k === 'break' ? new SqlError(135, 15, 1, 'Cannot use a BREAK statement outside the scope of a WHILE statement.', 'compile') : new SqlError(136, 15, 1, 'Cannot use a CONTINUE statement outside the scope of a WHILE statement.', 'compile');
        throw new LoopSignal(s.k);
      case 'return': this.returned = s.value ? toNumber(evaluate(s.value, undefined, host)) : 0; throw new BatchEnd('return');
      case 'noop': return;
    }
  }

  /** INSERT ... EXEC's rows, between running the procedure and inserting them. */
  private execRows: Value[][] | undefined;

  /**
   * Runs INSERT ... EXEC's procedure or dynamic batch and returns the rows of its result sets
   * (insert-transact-sql.md, "execute_statement"): they are not sent to the client; its other
   * messages are. Result sets of another shape than the first are Msg 213 when inserted.
   */
  private async rowsOf(s: Extract<Statement, { k: 'exec' }>, signal: AbortSignal): Promise<Value[][]> {
    const saved = this.out;
    this.out = [];
    let captured: Output[];
    try { await this.exec(s, signal); } finally { captured = this.out; this.out = saved; }
    const rows: Value[][] = [];
    for (const o of captured) {
      if (o.kind === 'resultSet') rows.push(...o.resultSet.rows.map((r) => r.map((c): Value => (typeof c === 'bigint' ? (Number.isSafeInteger(Number(c)) ? Number(c) : String(c)) : c))));
      else if (o.kind !== 'done') this.out.push(o);
    }
    return rows;
  }

  /** The table SET IDENTITY_INSERT is ON for in this session (one at a time). */
  private identityInsertOn: { readonly objectId: number; readonly label: string } | null = null;

  /**
   * SET IDENTITY_INSERT t ON | OFF (https://learn.microsoft.com/sql/t-sql/statements/set-identity-insert-transact-sql):
   * "At any time, only one table in a session can have the IDENTITY_INSERT property set to ON"
   * (Msg 8107); a table without an identity column is Msg 8106.
   */
  private setIdentityInsert(name: readonly string[], on: boolean): void {
    const { db, schema, name: n } = resolveName(this.host(), name);
    const t = findTable(db, schema, n);
    if (!t) throw err.invalidObject(name.join('.'));
    if (!t.columns.some((c) => c.identity)) throw new SqlError(8106, 16, 1, `Table '${name.join('.')}' does not have the identity property. Cannot perform SET operation.`);
    if (!on) { if (this.identityInsertOn?.objectId === t.objectId) this.identityInsertOn = null; return; }
    if (this.identityInsertOn && this.identityInsertOn.objectId !== t.objectId) {
      throw new SqlError(8107, 16, 1, `IDENTITY_INSERT is already ON for table '${this.identityInsertOn.label}'. Cannot perform SET operation for table '${name.join('.')}'.`);
    }
    this.identityInsertOn = { objectId: t.objectId, label: `${db.name}.${findSchemaName(db, t.schemaId)}.${t.name}` };
  }

  /** Removes a frame's table variables and their rows. */
  private dropTableVariables(frame: Map<string, Var> | undefined): void {
    if (!frame) return;
    for (const [k, v] of frame) {
      // A table-valued parameter is its caller's table variable: the caller's end drops it.
      if (v.table === undefined || v.borrowed) continue;
      const stored = v.table;
      for (const db of this.engine.all()) db.tables = db.tables.filter((t) => t.name !== stored);
      frame.delete(k);
    }
  }

  /** OUTPUT's rows: a result set, or (OUTPUT INTO) rows inserted into another table. */
  private output(ctx: DdlContext, clause: OutputClause, r: { columns: readonly { name: string; type: SqlType; nullable: boolean }[]; rows: Value[][] }): void {
    if (clause.into) {
      insert(ctx, clause.into.name, clause.into.columns, undefined, undefined, r.rows);
      return;
    }
    const columns: ResultColumn[] = r.columns.map((c) => ({ name: c.name, nullable: c.nullable, ...wireType(c.type) }));
    this.out.push({ kind: 'resultSet', resultSet: { columns, rows: r.rows.map((row) => row.map((v, i) => toCell(v, r.columns[i].type))) } });
  }

  private async exec(s: Extract<Statement, { k: 'exec' }>, signal: AbortSignal): Promise<void> {
    const host = this.host();
    if (s.dynamic) { await this.scoped(() => this.runText(toText(evaluate(s.dynamic as Expr, undefined, host) ?? ''), signal, true)); return; }
    const proc = (s.proc ?? []).map((p) => p.toLowerCase());
    const name = proc[proc.length - 1];
    const args = s.args.map((a) => ({ name: a.name?.toLowerCase(), value: evaluate(a.expr, undefined, host) }));
    const arg = (pos: number, named: string): Value => (args.find((a) => a.name === named) ?? args.filter((a) => !a.name)[pos] ?? { value: null }).value;
    switch (name) {
      case 'sp_executesql': {
        const text = toText(arg(0, '@stmt') ?? '');
        const decl = arg(1, '@params');
        const vars = new Map<string, Var>();
        if (decl !== null) {
          const declared = toText(decl).split(',').map((d) => d.trim()).filter(Boolean).map((d) => { const m = /^(@\w+)\s+(.*?)(\s+(output|out))?$/i.exec(d); return m ? { name: m[1].toLowerCase(), type: parseParamType(m[2]) } : null; }).filter((x): x is { name: string; type: SqlType } => x !== null);
          const positional = args.slice(2).filter((a) => !a.name);
          declared.forEach((d, i) => {
            const given = args.find((a) => a.name === d.name) ?? positional[i];
            vars.set(d.name, { value: given ? convert(given.value, d.type) : null, type: d.type });
          });
        }
        await this.scoped(() => this.runText(text, signal, true, vars));
        return;
      }
      case 'sp_rename': {
        const type = arg(2, '@objtype');
        await this.lockFor(renameNeeds(host, toText(arg(0, '@objname') ?? ''), toText(arg(1, '@newname') ?? ''), type === null ? null : toText(type)), signal);
        spRename(this.ddl(true), toText(arg(0, '@objname') ?? ''), toText(arg(1, '@newname') ?? ''), type === null ? null : toText(type));
        this.done();
        return;
      }
      case 'sp_sequence_get_range': {
        const size = arg(1, '@range_size');
        const first = sequenceGetRange(host.db, toText(arg(0, '@sequence_name') ?? ''), BigInt(size === null ? 0 : String(size).replace(/\.0+$/, '')));
        const out = s.args.find((a) => a.name?.toLowerCase() === '@range_first_value' && a.output);
        if (out && out.expr.k === 'var') this.setVar(out.expr.name, first);
        this.done();
        return;
      }
      case 'sp_getapplock': {
        const status = await spGetAppLock(this.appLockCaller(), arg(0, '@resource'), arg(1, '@lockmode'), arg(2, '@lockowner'), arg(3, '@locktimeout'), signal);
        if (status === -2) this.cancel();
        if (s.returnVar) this.setVar(s.returnVar, status);
        this.done();
        return;
      }
      case 'sp_releaseapplock': {
        const status = spReleaseAppLock(this.appLockCaller(), arg(0, '@resource'), arg(1, '@lockowner'));
        if (s.returnVar) this.setVar(s.returnVar, status);
        this.done();
        return;
      }
      case 'sp_addextendedproperty': case 'sp_updateextendedproperty': case 'sp_dropextendedproperty': {
        // The property is written on its table: the same lock as other DDL on that table.
        const first = name === 'sp_dropextendedproperty' ? 1 : 2;
        const schema = arg(first + 1, '@level0name');
        const table = arg(first + 3, '@level1name');
        if (schema !== null && table !== null) await this.lockFor(needsOf(host, [[toText(schema), toText(table)]], true, []), signal);
        runExtendedPropertyProc(this.ddl(true).db, name, arg);
        this.done();
        return;
      }
      // sp_addrolemember / sp_droprolemember @rolename, @membername: the older spelling of ALTER ROLE (sp-addrolemember-transact-sql).
      case 'sp_addrolemember': case 'sp_droprolemember': {
        const role = toText(arg(0, '@rolename') ?? '');
        const member = toText(arg(1, '@membername') ?? '');
        runSecurity(this.ddl(true), { k: 'alterRoleMember', role, op: name === 'sp_addrolemember' ? 'add' : 'drop', member });
        this.done();
        return;
      }
      case 'sp_refreshsqlmodule': case 'sp_refreshview': {
        const objname = toText(arg(0, name === 'sp_refreshview' ? '@viewname' : '@name') ?? '');
        refreshModule(this.ddl(true), objname, name, parseModuleDefinition);
        this.done();
        return;
      }
      // sp_bindefault / sp_bindrule @name, @objname [, @futureonly]; sp_unbindefault / sp_unbindrule @objname [, @futureonly] (ddl-bound.ts).
      case 'sp_bindefault': case 'sp_bindrule': case 'sp_unbindefault': case 'sp_unbindrule': {
        const binding = name === 'sp_bindefault' || name === 'sp_bindrule';
        const kind = name.endsWith('rule') ? 'R' : 'D';
        const objname = toText(arg(binding ? 1 : 0, '@objname') ?? '');
        await this.lockFor(boundNeeds(host, objname), signal);
        const future = arg(binding ? 2 : 1, '@futureonly');
        const futureonly = future !== null && toText(future).toLowerCase() === 'futureonly';
        if (binding) bind(this.ddl(true), kind, toText(arg(0, kind === 'R' ? '@rulename' : '@defname') ?? ''), objname, futureonly);
        else unbind(this.ddl(true), kind, objname, futureonly);
        this.done();
        return;
      }
      case 'sp_addtype': {
        const nulltype = arg(2, '@nulltype');
        spAddType(this.ddl(true), toText(arg(0, '@typename') ?? ''), toText(arg(1, '@phystype') ?? ''), nulltype === null ? null : toText(nulltype), this.option('ANSI_NULL_DFLT_ON'));
        if (s.returnVar) this.setVar(s.returnVar, 0);
        this.done();
        return;
      }
      case 'sp_set_session_context': {
        // sp-set-session-context-transact-sql: @key sysname, @value sql_variant (NULL frees the key),
        // @read_only: once set, the key cannot change for the session (Msg 15664, number inferred).
        const key = toText(arg(0, '@key') ?? '');
        const value = arg(1, '@value');
        const readOnly = arg(2, '@read_only');
        const slot = this.sessionContext.get(key);
        if (slot?.readOnly === true) throw new SqlError(15664, 16, 1, `Cannot set key '${key}' in the session context. The key has been set as read_only for this session.`);
        this.sessionContext.set(key, { value, readOnly: readOnly !== null && Number(readOnly) === 1 });
        this.done();
        return;
      }
      // CDC's procedures, as far as the catalog shows them (change-tracking.ts).
      case 'sp_cdc_enable_db': cdcEnableDb(this.ddl(true).db); this.done(); return;
      case 'sp_cdc_enable_table': {
        const text = (v: Value): string | null => (v === null ? null : toText(v));
        cdcEnableTable(this.ddl(true).db, text(arg(0, '@source_schema')) ?? '', text(arg(1, '@source_name')) ?? '', text(arg(2, '@role_name')), text(arg(3, '@capture_instance')), new Date());
        this.done();
        return;
      }
      case 'sp_cdc_disable_table':
        cdcDisableTable(this.ddl(true).db, toText(arg(0, '@source_schema') ?? ''), toText(arg(1, '@source_name') ?? ''), toText(arg(2, '@capture_instance') ?? 'all'));
        this.done();
        return;
      // sp_help [@objname] and sp_helpindex @objname (sp-help.ts): their result sets and messages.
      case 'sp_help': case 'sp_helpindex': {
        const objname = arg(0, '@objname');
        if (name === 'sp_helpindex' && objname === null) throw new SqlError(201, 16, 4, `Procedure or function 'sp_helpindex' expects parameter '@objname', which was not supplied.`);
        const parts = name === 'sp_help' ? spHelp(host.db, objname === null ? null : toText(objname)) : spHelpIndex(host.db, toText(objname ?? ''));
        for (const p of parts) {
          if ('info' in p) { this.out.push({ kind: 'info', number: p.info.number, state: 1, class: 10, message: p.info.message, line: s.line }); continue; }
          const columns: ResultColumn[] = p.set.columns.map((c) => ({ name: c.name, nullable: c.nullable, ...wireType(c.type) }));
          this.out.push({ kind: 'resultSet', resultSet: { columns, rows: p.set.rows.map((row) => row.map((v, i) => toCell(v, p.set.columns[i].type))) } });
          this.out.push({ kind: 'done', rowCount: p.set.rows.length });
        }
        if (s.returnVar) this.setVar(s.returnVar, 0);
        this.done();
        return;
      }
      default: {
        const { db, schema, name: procName } = resolveName(host, s.proc ?? []);
        const m = findModule(db, [schema, procName]);
        if (m?.type !== 'P') throw err.noProc((s.proc ?? []).join('.'));
        await this.runProcedure(m, s, signal);
        return;
      }
    }
  }

  /**
   * EXEC of a user procedure (execute-transact-sql.md): its parameters bound from the arguments
   * (routines.ts), its body run as a nested batch in its own variable frame; RETURN n is the
   * status (`EXEC @rc = p`), OUTPUT parameters passed as OUTPUT variables come back. An error
   * that ends a batch ends the procedure and the caller goes on (XACT_ABORT's still ends both).
   */
  private async runProcedure(m: Module, s: Extract<Statement, { k: 'exec' }>, signal: AbortSignal): Promise<void> {
    const host = this.host();
    const h = moduleHeader(m);
    const args = s.args.map((a) => ({ name: a.name, value: isDefault(a.expr) ? undefined : evaluate(a.expr, undefined, host), table: tableArg(a.expr, host) }));
    // A table-valued parameter left out is an empty table of its type, in the procedure's frame.
    const vars = bindArgs(m, h, args, host, (type, param) => {
      const stored = tableVariableName(param, this.id, this.frames.length + 1);
      createTypedTableVariable(this.ddl(false), stored, type);
      return stored;
    });
    if (this.frames.length > 33) throw new SqlError(217, 16, 1, 'Maximum stored procedure, function, trigger, or view nesting level exceeded (limit 32).');
    // The body is compiled before it runs: a system view's column this version lacks is Msg 207 (view-versions.ts).
    if (NAMES_SYS.test(m.definition)) checkSystemViewColumns(h.body, catalogMajor(this.engine.productVersion, this.engine.edition.engineEdition));
    this.frames.push(vars);
    this.compiled.push(new Map(this.db.tables.map((t) => [t.objectId, new Set(t.columns.map((c) => c.name.toLowerCase()))])));
    this.returned = 0;
    let status = 0;
    // "A local temporary table created in a stored procedure is dropped automatically when the
    // stored procedure is finished" (create-table-transact-sql.md); SET options set inside it end
    // with it too (set-statements-transact-sql.md).
    const tempsBefore = new Set(this.engine.all().flatMap((d) => d.tables.filter((t) => isTempTable(t.name)).map((t) => `${d.name}.${t.name}`)));
    try {
      await this.scoped(() => this.runList(mayNameTemps(m.definition) ? withSessionTemps(h.body, this.id) : h.body, signal));
    } catch (e) {
      if (!(e instanceof BatchEnd) || e.reason === 'xactAbort') throw e;
      status = e.reason === 'return' ? this.returned : 0;
    } finally {
      this.compiled.pop();
      this.dropTableVariables(vars);
      this.frames.pop();
      for (const d of this.engine.all()) d.tables = d.tables.filter((t) => !t.name.startsWith('#') || tempsBefore.has(`${d.name}.${t.name}`) || !t.name.endsWith(tempName('', this.id)));
    }
    h.params.forEach((p, i) => {
      if (!p.output) return;
      const a = s.args.find((x) => x.name?.toLowerCase() === p.name.toLowerCase()) ?? s.args.filter((x) => !x.name)[i];
      if (a?.output && a.expr.k === 'var') this.setVar(a.expr.name, vars.get(p.name.toLowerCase())?.value ?? null);
    });
    if (s.returnVar) this.setVar(s.returnVar, status);
    this.done();
  }

  /** The value of the last RETURN n (a procedure's status). */
  private returned = 0;

  /**
   * Runs a dynamic batch (EXEC(...), EXEC sp_executesql) whose SET options end with it: "If a SET
   * statement runs in a dynamic SQL string that runs by using either sp_executesql or EXECUTE, the
   * value of the SET option gets restored after control returns from the batch".
   * https://learn.microsoft.com/sql/t-sql/statements/set-statements-transact-sql
   * (RPC calls of sp_executesql keep the stand-in's earlier behaviour: their SETs stay.)
   */
  private async scoped(run: () => Promise<void>): Promise<void> {
    const saved = new Map(this.options);
    try { await run(); } finally {
      this.options.clear();
      for (const [k, v] of saved) this.options.set(k, v);
    }
  }

  private appLockCaller(): AppLockCaller {
    return {
      database: this.dbName, session: this.id, inTransaction: this.tranCount > 0, lockTimeout: this.lockTimeout,
      appLocks: this.engine.appLocks,
      emit: (o) => { if (o.kind === 'error') this.lastError = o.number; this.out.push(o); },
    };
  }
}

/** A schema's name by id. */
/** Text that may name a sys.* view (the compile-time check of their columns walks only such batches). */
const NAMES_SYS = /\bsys\b/i;

function findSchemaName(db: Database, schemaId: number): string {
  return db.schemas.find((x) => x.schemaId === schemaId)?.name ?? 'dbo';
}

/** The table a name resolves to, if any. */
function resolveTable(host: Host, name: readonly string[]) {
  const { db, schema, name: n } = resolveName(host, name);
  return findTable(db, schema, n);
}

/** BREAK or CONTINUE on its way to the innermost WHILE. */
class LoopSignal { constructor(readonly kind: 'break' | 'continue') {} }

/** An error raised inside BEGIN TRY, on its way to the CATCH block. */
class CaughtSignal { constructor(readonly error: SqlError, readonly line: number) {} }


/** RAISERROR's printf-style substitution (flags and width are honoured for padding only). */
function formatRaiserror(template: string, args: readonly Value[]): string {
  let next = 0;
  return template.replace(/%([-+ 0#]*)(\d*)(?:\.(\d+))?(?:h|l|I64)?([dioxXsu%])/g, (_m, flags: string, width: string, _p: string, conv: string) => {
    if (conv === '%') return '%';
    const v = args[next++];
    let out = v === null || v === undefined ? '(null)' : conv === 's' ? toText(v)
      : conv === 'x' ? Math.trunc(toNumber(v)).toString(16) : conv === 'X' ? Math.trunc(toNumber(v)).toString(16).toUpperCase()
      : conv === 'o' ? Math.trunc(toNumber(v)).toString(8) : String(Math.trunc(toNumber(v)));
    const w = Number(width || 0);
    if (out.length < w) out = flags.includes('-') ? out.padEnd(w) : out.padStart(w, flags.includes('0') ? '0' : ' ');
    return out;
  });
}


/** The lock an sp_bind* / sp_unbind* call takes: the table of a 'table.column' name (an alias type's columns are not locked; inferred). */
function boundNeeds(host: Host, objname: string): ReturnType<typeof needsOf> {
  const parts = nameParts(objname);
  if (parts.length < 2) return needsOf(host, [], true, []);
  const table: [string, string] = parts.length === 3 ? [parts[0], parts[1]] : ['dbo', parts[0]];
  return needsOf(host, findTable(host.db, table[0], table[1]) ? [table] : [], true, []);
}
