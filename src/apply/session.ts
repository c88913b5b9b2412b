import sql from 'mssql';
import { connectPool } from '../catalog/connect';

/** A typed parameter for a query (only the types apply needs). */
export type QueryParam =
  | { readonly type: 'uniqueidentifier'; readonly value: string }
  | { readonly type: 'nvarchar'; readonly value: string }
  | { readonly type: 'int'; readonly value: number };

/** What a query returned: its result sets as plain rows. */
export interface QueryResult {
  readonly recordsets: readonly (readonly Record<string, unknown>[])[];
  readonly rowsAffected: readonly number[];
}

/**
 * One connection to SQL Server, used for everything an apply does: the session-owned apply
 * lock, the transaction, the statements and the verification read must all share one session.
 */
export interface SqlSession {
  /** Runs a batch; `onInfo` hears its informational messages (PRINT, RAISERROR severity 0-10) as they arrive. */
  query(text: string, params?: Readonly<Record<string, QueryParam>>, onInfo?: (message: string) => void): Promise<QueryResult>;
  begin(): Promise<void>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
  /** Cancels the running statement (an ATTENTION); the query rejects. */
  cancel(): void;
  close(): Promise<void>;
}

/** Opens a session over mssql: a pool of exactly one connection, so every request shares it. */
export async function openMssqlSession(config: sql.config, requestTimeoutMs?: number): Promise<SqlSession> {
  const pool = await connectPool(config, {
    requestTimeout: requestTimeoutMs ?? config.requestTimeout ?? 0,
    pool: { max: 1, min: 1, idleTimeoutMillis: 2_147_483_647 },
  });
  let transaction: sql.Transaction | null = null;
  let running: sql.Request | null = null;
  const request = () => (transaction ? new sql.Request(transaction) : new sql.Request(pool));
  return {
    async query(text, params, onInfo) {
      const req = request();
      if (onInfo) req.on('info', (info: { message?: unknown }) => onInfo(String(info.message ?? '')));
      for (const [name, p] of Object.entries(params ?? {})) req.input(name, mssqlType(p), p.value);
      running = req;
      try {
        const result = await req.query(text);
        return {
          recordsets: (result.recordsets as unknown as Record<string, unknown>[][]) ?? [],
          rowsAffected: result.rowsAffected ?? [],
        };
      } finally {
        running = null;
      }
    },
    async begin() {
      transaction = new sql.Transaction(pool);
      await transaction.begin();
    },
    async commit() {
      const tx = transaction;
      transaction = null;
      if (tx) await tx.commit();
    },
    async rollback() {
      const tx = transaction;
      transaction = null;
      // After XACT_ABORT the server has already rolled back; mssql then reports "aborted".
      if (tx) await tx.rollback().catch(() => undefined);
    },
    cancel() {
      running?.cancel();
    },
    async close() {
      await pool.close();
    },
  };
}

function mssqlType(p: QueryParam): sql.ISqlType | (() => sql.ISqlType) {
  switch (p.type) {
    case 'uniqueidentifier': return sql.UniqueIdentifier;
    case 'nvarchar': return sql.NVarChar(sql.MAX);
    case 'int': return sql.Int;
  }
}
