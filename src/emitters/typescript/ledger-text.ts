/** `ledger: ...` of a pulled ledger table: its kind, with the view and history names only when SQL Server did not choose them. */
import type { LedgerObjectName, Table } from '../../model';
import { defaultLedgerViewName, isDefaultLedgerHistoryName } from '../../sqlserver/ledger';
import { tsString } from './naming';

/** A name part as `ledger.view` / `ledger.history` read it: bracketed when it holds a dot or a bracket (or braces, which would read as a placeholder). */
function part(name: string): string {
  return /[.[\]{}]/.test(name) ? `[${name.replace(/]/g, ']]')}]` : name;
}

/** 'name' in the table's schema, else 'schema.name'. */
function qualified(t: Table, o: LedgerObjectName): string {
  return tsString(o.schema === t.schema ? part(o.name) : `${part(o.schema)}.${part(o.name)}`);
}

/** The option's value: `'updatable'` / `'append-only'`, or `{ kind, view?, history? }` when the names are not SQL Server's defaults. */
export function ledgerText(t: Table): string | null {
  const l = t.ledger;
  if (l === undefined) return null;
  const view = l.view !== undefined && !(l.view.schema === t.schema && l.view.name === defaultLedgerViewName(t.name)) ? l.view : undefined;
  const history = l.history !== undefined && !(l.history.schema === t.schema && isDefaultLedgerHistoryName(l.history.name)) ? l.history : undefined;
  if (view === undefined && history === undefined) return `'${l.kind}'`;
  return `{ kind: '${l.kind}'${view !== undefined ? `, view: ${qualified(t, view)}` : ''}${history !== undefined ? `, history: ${qualified(t, history)}` : ''} }`;
}
