/**
 * A record of every statement the engine runs and the session state it ran under, for tests
 * that must prove what a client did rather than what it said it would do: that XACT_ABORT was
 * ON while an apply's steps ran, that its verification read ran inside the open transaction.
 * Off until a test starts it; the engine's behaviour never depends on it.
 */

/** One statement (or TDS transaction-manager request) as the engine ran it. */
export interface StatementRecord {
  /** The session (@@SPID) that ran it. */
  readonly session: number;
  /** 'statement': one statement of a batch or RPC; 'transaction-manager': a TDS begin/commit/rollback request. */
  readonly kind: 'statement' | 'transaction-manager';
  /** The statement's text, or `BEGIN TRANSACTION` / `COMMIT TRANSACTION` / `ROLLBACK TRANSACTION` for a request. */
  readonly text: string;
  /** Every SET option of the session (upper case, e.g. XACT_ABORT) when the statement started. */
  readonly options: Readonly<Record<string, boolean>>;
  /** @@TRANCOUNT when the statement started. */
  readonly trancount: number;
  /** The session's database when the statement started. */
  readonly database: string;
}

/** The engine-wide log: null while nobody records. */
export class StatementLog {
  private entries: StatementRecord[] | null = null;

  /** Starts a new recording (dropping any earlier one); returns its live list of records. */
  start(): readonly StatementRecord[] {
    this.entries = [];
    return this.entries;
  }

  /** Stops the recording whose list this is (a later recording goes on); the list keeps what it holds. */
  stop(list: readonly StatementRecord[]): void { if (this.entries === list) this.entries = null; }

  /** Whether a recording is on (so sessions skip building records otherwise). */
  get on(): boolean { return this.entries !== null; }

  /** Appends a record when a recording is on. */
  add(record: StatementRecord): void { this.entries?.push(record); }
}
