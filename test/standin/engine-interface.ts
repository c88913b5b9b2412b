/**
 * The seam between the stand-in's TDS protocol layer (test/standin/tds) and its SQL engine
 * (test/standin/engine). The protocol layer turns packets into calls on a Session and the
 * Outputs back into tokens; the engine knows nothing of packets. Shares no code with src/.
 */

/** SQL Server types the stand-in can put on the wire in a result set column. */
export type WireType =
  | 'bit' | 'tinyint' | 'smallint' | 'int' | 'bigint'
  | 'float' | 'decimal' | 'datetime' | 'datetime2'
  | 'nvarchar' | 'varchar' | 'uniqueidentifier' | 'varbinary' | 'sql_variant';

export interface ResultColumn {
  readonly name: string;
  readonly type: WireType;
  readonly nullable: boolean;
  /** For nvarchar/varchar/varbinary: max length in bytes, or -1 for MAX. */
  readonly length?: number;
  readonly precision?: number;
  readonly scale?: number;
}

/** Cell values: null, number, bigint (for bigint columns beyond 2^53), string, boolean, Date, Buffer. */
export type Cell = null | number | bigint | string | boolean | Date | Buffer;

export interface ResultSet {
  readonly columns: readonly ResultColumn[];
  readonly rows: readonly (readonly Cell[])[];
}

/** What executing a batch or RPC produced, in order, as SQL Server would send it. */
export type Output =
  | { readonly kind: 'resultSet'; readonly resultSet: ResultSet }
  /** End of one statement; rowCount set when the statement affected/returned rows (DONE_COUNT). */
  | { readonly kind: 'done'; readonly rowCount?: number }
  | { readonly kind: 'error'; readonly number: number; readonly state: number; readonly class: number; readonly message: string; readonly line: number; readonly procName?: string }
  | { readonly kind: 'info'; readonly number: number; readonly state: number; readonly class: number; readonly message: string; readonly line: number }
  /** USE db or login: the current database changed. */
  | { readonly kind: 'databaseChanged'; readonly from: string; readonly to: string }
  /** A transaction began/committed/rolled back (the TDS layer sends ENVCHANGE 8/9/10 with the descriptor). */
  | { readonly kind: 'transactionChanged'; readonly event: 'begin' | 'commit' | 'rollback'; readonly descriptor: Buffer }
  /** RPC only: the procedure's return status (RETURNSTATUS token; 0 when the engine reports none). */
  | { readonly kind: 'returnStatus'; readonly value: number }
  /** RPC only: an OUTPUT parameter's value when the procedure ended (RETURNVALUE token); name with the @. */
  | { readonly kind: 'returnValue'; readonly name: string; readonly value: Cell };

/** A typed RPC parameter (sp_executesql's @params, or mssql's parameterised query). */
export interface Parameter {
  readonly name: string;          // with the leading @
  readonly type: string;          // SQL type as declared, e.g. 'nvarchar(4000)', 'int'
  readonly value: Cell;
  readonly output?: boolean;
}

/** One client connection's state in the engine. */
export interface Session {
  readonly id: number;
  /** Runs a SQL batch (SQLBatch packet). */
  executeBatch(sql: string, signal: AbortSignal): Promise<Output[]>;
  /** Runs an RPC request: procedure name (e.g. 'sp_executesql') or id, with parameters. */
  executeRpc(procedure: string, parameters: readonly Parameter[], signal: AbortSignal): Promise<Output[]>;
  /** Transaction manager requests (TDS TM_BEGIN_XACT / TM_COMMIT_XACT / TM_ROLLBACK_XACT). */
  beginTransaction(name: string | null): Promise<Output[]>;
  commitTransaction(name: string | null): Promise<Output[]>;
  rollbackTransaction(name: string | null): Promise<Output[]>;
  /** The connection closed (cleanly or not): roll back anything open, release session locks. */
  close(): void;
}

/** Login outcome: a session, or the error SQL Server sends (18456 for a bad password). */
export type LoginResult =
  | { readonly ok: true; readonly session: Session; readonly database: string }
  | { readonly ok: false; readonly error: Extract<Output, { kind: 'error' }> };

/** The engine as the protocol layer sees it. */
export interface Engine {
  login(user: string, password: string, database: string | null): LoginResult;
  /** What @@VERSION and the PRELOGIN version report, e.g. '16.0.4135.4'. */
  readonly productVersion: string;
}
