/**
 * Ledger tables in the schema: `@Table(..., { ledger: 'updatable' | 'append-only' | { kind, view?, history? } })`
 * with SQL Server's rules as compile errors (SC1411). Sources:
 * https://learn.microsoft.com/sql/t-sql/statements/create-table-transact-sql (LEDGER = ON, <ledger_option>),
 * https://learn.microsoft.com/sql/relational-databases/security/ledger/ledger-limits ("Ledger table
 * considerations and limitations", "Unsupported data types").
 */
import type { ts } from 'ts-morph';
import type { Ledger, LedgerKind, LedgerObjectName } from '../model';
import { parseQualifiedName } from '../sqlserver/qualified-name';
import { LEDGER_COLUMN_NAMES } from '../sqlserver/ledger';
import { Codes } from './codes';
import type { DiagnosticBag } from './diagnostics';
import { expandTemplate } from './names';
import type { StaticValue } from './static-value';
import type { TableDraft } from './table-draft';

const KINDS: readonly LedgerKind[] = ['updatable', 'append-only'];
const SHAPE = "ledger must be 'updatable', 'append-only' or { kind: 'updatable' | 'append-only', view?: 'schema.name', history?: 'schema.name' }";

/** Reads `ledger` of @Table into the draft. */
export function readLedger(draft: TableDraft, v: StaticValue | undefined, bag: DiagnosticBag): void {
  if (v === undefined || v.kind === 'null') return;
  const kindV = v.kind === 'object' ? v.props.get('kind') : v;
  if (kindV?.kind !== 'string' || !KINDS.includes(kindV.value as LedgerKind)) {
    bag.error(Codes.ledgerTable, SHAPE, kindV?.node ?? v.node);
    return;
  }
  const kind = kindV.value as LedgerKind;
  const props = v.kind === 'object' ? v.props : new Map<string, StaticValue>();
  for (const [key, x] of props) if (!['kind', 'view', 'history'].includes(key)) bag.error(Codes.ledgerTable, `${SHAPE}; '${key}' is not a ledger option`, x.node);
  const view = objectName(draft, props.get('view'), 'view', bag);
  const history = objectName(draft, props.get('history'), 'history', bag);
  const ledger: Ledger = { kind, ...(view !== undefined ? { view } : {}), ...(history !== undefined ? { history } : {}) };
  draft.ledger = { value: ledger, node: v.node, ...(history !== undefined ? { historyNode: props.get('history')?.node as ts.Node } : {}) };
}

/** `'name'` (the table's schema) or `'schema.name'`, `{table}` expanded. */
function objectName(draft: TableDraft, v: StaticValue | undefined, what: string, bag: DiagnosticBag): LedgerObjectName | undefined {
  if (v === undefined) return undefined;
  if (v.kind !== 'string') {
    bag.error(Codes.notStatic, `ledger.${what} must be a string literal ('name' or 'schema.name')`, v.node);
    return undefined;
  }
  const expanded = expandTemplate(v.value, draft.name, draft.schema);
  for (const u of expanded.unknown) bag.error(Codes.unknownPlaceholder, `unknown placeholder ${u} in ledger.${what}; use {table} or {schema}`, v.node);
  const parsed = parseQualifiedName(expanded.name);
  if (!parsed.ok) {
    bag.error(Codes.ledgerTable, `ledger.${what}: ${parsed.message}`, v.node);
    return undefined;
  }
  return { schema: parsed.schema ?? draft.schema, name: parsed.name };
}

/** SQL Server's rules of a ledger table, once its columns and options are known. */
export function checkLedgerTable(draft: TableDraft, bag: DiagnosticBag): void {
  const l = draft.ledger;
  if (l === undefined) return;
  const where = `table ${draft.schema}.${draft.name} is ${l.value.kind === 'updatable' ? 'an updatable' : 'an append-only'} ledger table`;
  const refuse = (message: string, node: ts.Node) => bag.error(Codes.ledgerTable, `${where}: ${message}`, node);
  if (l.value.kind === 'append-only' && l.value.history !== undefined) refuse('an append-only ledger table has no history table; remove history', l.historyNode ?? l.node);
  const v = draft.versioning;
  if (v !== undefined) {
    // An append-only table has no history (ledger-append-only-ledger-tables); APPEND_ONLY = ON with SYSTEM_VERSIONING is refused (inferred).
    if (l.value.kind === 'append-only') refuse('an append-only ledger table cannot be system-versioned; make it updatable or remove systemVersioning', v.node);
    if (l.value.history !== undefined) refuse('a system-versioned ledger table keeps its history in systemVersioning\'s history table; remove ledger.history', l.historyNode ?? l.node);
    // "Deleting older data in ... the history table of updatable ledger tables isn't supported" (ledger-limits).
    if (v.versioning.retention.unit !== 'INFINITE') refuse('its history rows cannot be deleted, so the retention must be infinite', v.node);
  }
  // "In-memory tables aren't supported", "Ledger tables can't be graph table" (ledger-limits).
  if (draft.memoryOptimized !== undefined) refuse('SQL Server cannot make a memory-optimized table a ledger table', draft.memoryOptimized.node);
  if (draft.graph !== undefined) refuse('SQL Server cannot make a node or edge table a ledger table', draft.graph.node);
  for (const c of draft.columns) {
    const col = c.column;
    // "If there is a name conflict with an already defined column, the system will raise an error" (create-table-transact-sql).
    if (LEDGER_COLUMN_NAMES.some((n) => draft.key(n) === draft.key(col.name))) {
      refuse(`column ${col.name} has the name of a column SQL Server adds to ledger tables; rename it (SQL Server keeps ${LEDGER_COLUMN_NAMES.join(', ')} itself)`, c.node);
    }
    // "Unsupported data types: XML, SqlVariant, User-defined data type, FILESTREAM" (ledger-limits);
    // an alias type of the database is read as a user-defined data type (inferred; sysname is SQL Server's own).
    if (col.type.name === 'xml' || col.type.name === 'sql_variant') refuse(`column ${col.name} is ${col.type.name}, a type ledger tables cannot hold`, c.node);
    else if (col.type.alias !== undefined && col.type.alias.schema.toLowerCase() !== 'sys') {
      refuse(`column ${col.name} has the user-defined type ${col.type.alias.schema}.${col.type.alias.name}, which ledger tables cannot hold; declare its base type`, c.node);
    }
  }
  // "Ledger tables can't have a rowstore non-clustered index when they have a clustered columnstore index" (ledger-limits).
  const cci = draft.indexes.find((i) => i.columnstore === true && i.clustered);
  const rowstore = cci === undefined ? undefined : draft.indexes.find((i) => i.columnstore !== true && !i.clustered);
  if (cci !== undefined && rowstore !== undefined) refuse(`it has the clustered columnstore index ${cci.name}, so it cannot also have the rowstore nonclustered index ${rowstore.name}`, l.node);
}
