/**
 * A session's transaction log. Every mutating statement calls beforeWrite(db) first; the log
 * keeps the before-image of each database the open transaction (and the running statement)
 * touched, so ROLLBACK and a failed statement restore exactly what was there. Images are kept
 * per database, copy-on-first-write: simple and always correct while one session writes at a
 * time; issue 5's locks decide who may write, and can later narrow images to per-table undo.
 */
import type { Database } from './catalog';
import { cloneDatabase } from './catalog';

/** Where the engine keeps its databases, so the log can put images back. */
export interface DatabaseStore {
  get(name: string): Database | undefined;
  set(name: string, db: Database): void;
}

/** Before-images for the open transaction and the running statement. */
export class TxLog {
  private tran: Map<string, Database> | null = null;
  private statement: Map<string, Database> | null = null;

  constructor(private readonly store: DatabaseStore) {}

  /** True while a transaction is open. */
  get inTransaction(): boolean { return this.tran !== null; }

  /** Opens a transaction (outermost BEGIN TRAN). */
  begin(): void { this.tran = new Map(); }

  /** Makes the transaction's work permanent. */
  commit(): void { this.tran = null; }

  /** Puts back every database the transaction touched. */
  rollback(): void {
    if (this.tran) for (const [name, image] of this.tran) this.store.set(name, image);
    this.tran = null;
  }

  /** Starts a statement: its own images, for statement-level rollback. */
  startStatement(): void { this.statement = new Map(); }

  /** The statement succeeded. */
  endStatement(): void { this.statement = null; }

  /** The statement failed: undo its partial work (the transaction's earlier work stays). */
  undoStatement(): void {
    if (this.statement) for (const [name, image] of this.statement) this.store.set(name, image);
    this.statement = null;
  }

  /** Records a database's before-image; call before any change to it. Returns the live database. */
  beforeWrite(name: string): Database {
    const db = this.store.get(name) as Database;
    const key = name.toLowerCase();
    if (this.tran && !this.tran.has(key)) this.tran.set(key, cloneDatabase(db));
    if (this.statement && !this.statement.has(key)) this.statement.set(key, cloneDatabase(db));
    return db;
  }
}
