/**
 * Engine-level fault injection: fail or delay a statement, report another server version.
 *
 * Counting rule: from the moment faults are set (createEngine's `faults` or `setFaults`), every
 * statement the engine runs, in any session, at any nesting depth, is numbered 1, 2, 3, ...
 * EXCEPT `SET <option>` statements (all the drivers' own login batches contain) and the
 * wrappers IF, BEGIN...END, BEGIN TRY/CATCH, EXEC(...) and EXEC sp_executesql (the statements
 * inside them are counted when they run). A request whose whole text is `SELECT 1;` (mssql's
 * pool validation probe, sent before each pooled request) is not counted either, nor faulted.
 * Statements not reached (an IF branch not taken, the
 * rest of an aborted batch) are not counted. Each fault fires once, on the first statement it
 * matches, and is then spent.
 */
import { SqlError } from './errors';

/** mssql's connection validation probe (validateConnection, on by default): never counted. */
export function isDriverProbe(text: string): boolean { return /^\s*select\s+1\s*;?\s*$/i.test(text); }

/** Which statement a fault applies to: the nth counted one, or the first whose text matches. */
export type StatementSelector =
  | { readonly nth: number; readonly match?: undefined }
  | { readonly match: RegExp | string; readonly nth?: undefined };

/** Fail a statement instead of running it (default Msg 50000, class 16, state 1). */
export type StatementFailure = StatementSelector & {
  readonly number?: number;
  readonly class?: number;
  readonly state?: number;
  readonly message?: string;
};

/** Hold a statement back ms milliseconds before it runs; a TDS attention cancels the wait. */
export type StatementDelay = StatementSelector & { readonly ms: number };

/** Faults of the engine; settable at creation and at run time. */
export interface EngineFaults {
  readonly failures?: readonly StatementFailure[];
  readonly delays?: readonly StatementDelay[];
  /** What SERVERPROPERTY('ProductVersion'), @@VERSION and PRELOGIN report, e.g. '15.0.2000.5'. */
  readonly productVersion?: string;
  /** The whole @@VERSION text, when the test needs a specific one. */
  readonly versionText?: string;
  /**
   * Resumable index builds (CREATE INDEX ... RESUMABLE = ON) that pause instead of completing,
   * as when MAX_DURATION runs out (Msg 3643); they stay in sys.index_resumable_operations
   * (resumable.ts). Matched against the CREATE INDEX text; `nth` is not used for these.
   */
  readonly pauses?: readonly StatementSelector[];
}

/** What to do with the statement about to run. */
export interface FaultDecision {
  readonly fail?: SqlError;
  readonly delayMs?: number;
}

/** Engine-wide fault state: the statement counter and the faults not yet spent. */
export class FaultState {
  private faults: EngineFaults = {};
  private failures: StatementFailure[] = [];
  private delays: StatementDelay[] = [];
  private pauses: StatementSelector[] = [];
  private count = 0;

  constructor(faults?: EngineFaults) { this.set(faults ?? {}); }

  /** Replaces the faults and restarts the statement count. */
  set(faults: EngineFaults): void {
    this.faults = faults;
    this.failures = [...(faults.failures ?? [])];
    this.delays = [...(faults.delays ?? [])];
    this.pauses = [...(faults.pauses ?? [])];
    this.count = 0;
  }

  /** Counted statements since the faults were set. */
  get statementsCounted(): number { return this.count; }

  /** The version override, if any. */
  get productVersion(): string | undefined { return this.faults.productVersion; }
  get versionText(): string | undefined { return this.faults.versionText; }

  /** Whether this resumable build is to pause (spends the matching pause). */
  takePause(text: string): boolean {
    const hit = this.pauses.find((f) => (typeof f.match === 'string' ? text.includes(f.match) : f.match !== undefined && f.match.test(text)));
    if (hit) this.pauses.splice(this.pauses.indexOf(hit), 1);
    return hit !== undefined;
  }

  /** Counts one statement and says whether a fault applies to it. */
  next(text: string): FaultDecision {
    const n = ++this.count;
    const hits = (f: StatementSelector): boolean =>
      f.nth !== undefined ? f.nth === n : typeof f.match === 'string' ? text.includes(f.match) : f.match.test(text);
    const delay = this.delays.find(hits);
    if (delay) this.delays.splice(this.delays.indexOf(delay), 1);
    const failure = this.failures.find(hits);
    if (failure) this.failures.splice(this.failures.indexOf(failure), 1);
    return {
      delayMs: delay?.ms,
      fail: failure ? new SqlError(failure.number ?? 50000, failure.class ?? 16, failure.state ?? 1,
        failure.message ?? `Stand-in fault: statement ${n} failed.`) : undefined,
    };
  }
}
