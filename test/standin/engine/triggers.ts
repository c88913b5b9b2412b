/**
 * DML triggers (https://learn.microsoft.com/sql/t-sql/statements/create-trigger-transact-sql):
 * which AFTER (or FOR) triggers of a table an INSERT, UPDATE, DELETE or MERGE fires, their bodies,
 * and the `inserted` / `deleted` tables they read (the statement's rows after and before). A
 * trigger fires once per statement, whatever the number of rows, and in object_id order here
 * (SQL Server's first/last order set by sp_settriggerorder is not modelled). INSTEAD OF triggers
 * run in place of their statement (instead-of.ts).
 *
 * How the session runs them (session.ts): after the statement's own changes and before its end,
 * inside the statement's undo image, so an error in a trigger undoes the statement with it and
 * rolls back the transaction and ends the batch (Msg 3616 follows the error): XACT_ABORT "ON is
 * the default setting in a trigger", and RAISERROR does not honour it, so RAISERROR lets the
 * trigger go on (https://learn.microsoft.com/sql/t-sql/statements/set-xact-abort-transact-sql).
 * A ROLLBACK inside a trigger ends the batch after the trigger with Msg 3609. TRY...CATCH inside
 * a trigger's body does not catch its errors here (inferred simplification).
 */
import type { Statement } from './ast';
import type { Database, Module, Row, Table } from './catalog';
import type { Host, ScopeColumn } from './scope';
import type { Value } from './catalog';
import { modulesOf } from './modules';
import { tokenize } from './grammar';
import { parseBatch } from './parser';
import { tableRelation } from './select';
import { SqlError, err } from './errors';

/** The statement's changes a trigger sees. */
export interface TriggerEvent {
  readonly table: Table; readonly action: 'INSERT' | 'UPDATE' | 'DELETE'; readonly inserted: readonly Row[]; readonly deleted: readonly Row[];
  /** An UPDATE's SET columns: what UPDATE(column) answers in its triggers (every column for an INSERT). */
  readonly columns?: readonly string[];
  /** The INSTEAD OF trigger that runs in place of the statement (instead-of.ts); absent: the AFTER triggers fire. */
  readonly instead?: Module;
}

/**
 * UPDATE(column) inside a trigger: whether the statement set the column (INSERT sets every
 * column), whatever the value (https://learn.microsoft.com/sql/t-sql/functions/update-trigger-functions-transact-sql).
 */
export function columnUpdated(e: TriggerEvent, column: string): boolean {
  if (!e.table.columns.some((c) => c.name.toLowerCase() === column.toLowerCase())) throw err.invalidColumn(column);
  if (e.action === 'INSERT') return true;
  return (e.columns ?? []).some((c) => c.toLowerCase() === column.toLowerCase());
}

interface Parsed { readonly events: readonly string[]; readonly instead: boolean; readonly body: readonly Statement[] }
const cache = new Map<string, Parsed | null>();

function parsed(m: Module): Parsed | null {
  const key = `${m.quotedIdentifier ? 1 : 0}${m.definition}`;
  let p = cache.get(key);
  if (p === undefined) {
    p = null;
    try {
      const toks = tokenize(m.definition, m.quotedIdentifier);
      const on = toks.findIndex((t) => t.upper === 'ON');
      let i = on + 1;
      while (toks[i] && !['FOR', 'AFTER', 'INSTEAD'].includes(toks[i].upper)) i++;
      const instead = toks[i]?.upper === 'INSTEAD';
      const events: string[] = [];
      for (; toks[i] && toks[i].upper !== 'AS'; i++) if (['INSERT', 'UPDATE', 'DELETE'].includes(toks[i].upper)) events.push(toks[i].upper);
      const bodyStart = toks[i + 1]?.start ?? m.definition.length;
      const bodyText = m.definition.slice(bodyStart);
      p = { events, instead, body: parseBatch(bodyText, tokenize(bodyText, m.quotedIdentifier)) };
    } catch (e) { if (!(e instanceof SqlError)) throw e; }
    if (cache.size > 500) cache.clear();
    cache.set(key, p);
  }
  return p;
}

/** The triggers an action on a table fires, with their bodies: its INSTEAD OF trigger, or its AFTER ones. */
export function triggersFor(db: Database, e: TriggerEvent): { module: Module; body: readonly Statement[] }[] {
  const out: { module: Module; body: readonly Statement[] }[] = [];
  for (const m of e.instead ? [e.instead] : modulesOf(db)) {
    if (m.type !== 'TR' || m.parentObjectId !== e.table.objectId || m.disabled === true) continue;
    const p = parsed(m);
    if (!p) throw err.notSupported(`running trigger '${m.name}' (its body is a form the stand-in does not parse)`);
    if (!p.events.includes(e.action) || p.instead !== (e.instead !== undefined)) continue;
    out.push({ module: m, body: p.body });
  }
  return out.sort((a, b) => a.module.objectId - b.module.objectId);
}

/** `inserted` or `deleted` as a relation of the table's columns. */
export function pseudoTable(e: TriggerEvent, which: 'inserted' | 'deleted', host: Host): { columns: ScopeColumn[]; rows: Value[][] } {
  const r = tableRelation({ ...e.table, rows: [...(which === 'inserted' ? e.inserted : e.deleted)] }, which, host);
  return { columns: r.columns.map((c) => ({ ...c, source: undefined, table: which })), rows: r.rows };
}

/** Msg 3616, after an error raised inside a trigger. */
export const TRIGGER_ABORTED = new SqlError(3616, 16, 1, 'An error was raised during trigger execution. The batch has been aborted and the user transaction, if any, has been rolled back.');

/** Msg 3609: a trigger rolled the transaction back. */
export function endedInTrigger(): SqlError {
  return new SqlError(3609, 16, 1, 'The transaction ended in the trigger. The batch has been aborted.', 'batch');
}
