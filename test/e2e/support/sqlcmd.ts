/**
 * Runs T-SQL the way the people using schemac's scripts do: a script split on GO lines and sent
 * batch by batch on one connection, going on after errors like sqlcmd without -b; and plain
 * statements for setting up a database by hand.
 */
import * as sql from 'mssql';
import { parseConnectionString } from '../../../src/catalog/connection';
import { sendPacketsAtOnce } from '../../../src/catalog/connect';

/** One batch of a script and what the server said about it. */
export interface BatchOutcome {
  readonly index: number;
  readonly text: string;
  readonly errors: readonly { readonly number: number; readonly message: string }[];
  readonly messages: readonly string[];
}

/** What running a whole script produced. */
export interface ScriptRun {
  readonly batches: readonly BatchOutcome[];
  /** @@TRANCOUNT on the same connection after the last batch (null when the query returned nothing, e.g. under NOEXEC). */
  readonly trancountAfter: number | null;
  /** Every @@SPID seen: one value means one connection. */
  readonly spids: readonly number[];
}

/** Splits a script into batches as sqlcmd does: a line holding only GO (any case) ends a batch. */
export function splitBatches(script: string): string[] {
  const batches: string[] = [];
  let current: string[] = [];
  for (const line of script.split(/\r?\n/)) {
    if (/^\s*go\s*$/i.test(line)) {
      batches.push(current.join('\n'));
      current = [];
    } else {
      current.push(line);
    }
  }
  batches.push(current.join('\n'));
  return batches.filter((b) => b.trim() !== '');
}

/** Opens a pool of exactly one connection, so every batch shares the session state (SET options, NOEXEC, transactions). */
export async function connect(url: string): Promise<sql.ConnectionPool> {
  // No validation probe: mssql otherwise runs `SELECT 1;` before each request, which sqlcmd
  // never does and which would reset @@ERROR between a failed batch and the guard after it.
  const config: sql.config & { validateConnection: boolean } = {
    ...parseConnectionString(url), pool: { max: 1, min: 1, idleTimeoutMillis: 2_147_483_647 }, validateConnection: false,
    beforeConnect: sendPacketsAtOnce,
  };
  const pool = new sql.ConnectionPool(config);
  await pool.connect();
  return pool;
}

/** Runs `script` batch by batch on one connection, never stopping at an error (sqlcmd without -b). */
export async function runLikeSqlcmd(url: string, script: string): Promise<ScriptRun> {
  const pool = await connect(url);
  const spids: number[] = [];
  try {
    spids.push(await spid(pool));
    const batches: BatchOutcome[] = [];
    for (const [index, text] of splitBatches(script).entries()) {
      const messages: string[] = [];
      const errors: { number: number; message: string }[] = [];
      const request = pool.request();
      request.on('info', (info: { message: string }) => messages.push(info.message));
      try {
        await request.batch(text);
      } catch (err) {
        const e = err as { number?: number; message: string; precedingErrors?: { number?: number; message: string }[] };
        for (const p of e.precedingErrors ?? []) errors.push({ number: p.number ?? -1, message: p.message });
        errors.push({ number: e.number ?? -1, message: e.message });
      }
      batches.push({ index, text, errors, messages });
    }
    const r = await pool.request().batch('SELECT @@TRANCOUNT AS trancount;');
    const row = (r.recordset as unknown as { trancount: number }[] | undefined)?.[0];
    spids.push(await spid(pool));
    return { batches, trancountAfter: row ? Number(row.trancount) : null, spids: [...new Set(spids)] };
  } finally {
    await pool.close();
  }
}

async function spid(pool: sql.ConnectionPool): Promise<number> {
  const r = await pool.request().query('SELECT @@SPID AS spid;');
  return Number((r.recordset as unknown as { spid: number }[])[0]!.spid);
}

/** Runs each string as its own batch and fails on the first error (for setting a database up by hand). */
export async function execAll(url: string, batches: readonly string[]): Promise<void> {
  const pool = await connect(url);
  try {
    for (const b of batches) await pool.request().batch(b);
  } finally {
    await pool.close();
  }
}

/** The rows of one query. */
export async function queryRows(url: string, text: string): Promise<Record<string, unknown>[]> {
  const pool = await connect(url);
  try {
    const r = await pool.request().query(text);
    return (r.recordset as unknown as Record<string, unknown>[] | undefined) ?? [];
  } finally {
    await pool.close();
  }
}
