/**
 * Ledger tables in a plan (SQL Server 2022+, Azure SQL). What SQL Server allows on them, from
 * https://learn.microsoft.com/sql/relational-databases/security/ledger/ledger-limits:
 * - no ALTER turns ledger on or off or changes its kind ("Existing tables ... can't be converted
 *   to ledger tables", "After a ledger table is created, it can't be reverted"), and re-creating
 *   one would keep the old one, renamed, with its verification history: a kind change is refused
 *   by name with what to do instead (the rest of the plan is still planned, as graph-kind changes);
 * - "Adding nullable columns is supported. Adding non-nullable columns is not supported";
 * - dropping a column or the table is allowed: SQL Server hides and renames what is dropped and
 *   keeps its data, so the down script cannot bring a NOT NULL column back (ADD of a NOT NULL
 *   column is refused): such a drop has no inverse;
 * - ALTER COLUMN may change "nullability", "collation for Unicode strings" and "the length of
 *   variable length columns"; "any operations that might affect the format of existing data,
 *   such as changing the data type aren't supported";
 * - an append-only table takes INSERT only (UPDATE and DELETE fail), so no backfill UPDATE runs on one;
 * - system versioning of an updatable ledger table is part of the ledger: no temporal change
 *   (versioning off or on, period, retention) is planned on one (inferred: history rows cannot be
 *   deleted, "Deleting older data in ... the history table ... isn't supported").
 * schemac never re-creates a table by copying its rows, so nothing here has to turn that off.
 */
import type { Column, Ledger, ServerFacts, Table } from '../model';
import type { Change, PlanStep, RefusedChange, TableRef } from './changes';
import { tableOf } from './changes';
import { hazard } from './hazards';
import type { AddedTable, TablePair } from './table-pairs';
import { tableKey, type NameKey } from '../sqlserver/names';
import { typeText } from '../sqlserver/types';
import { supportsLedger } from '../sqlserver/ledger';
import { editionName } from '../sqlserver/editions';

/**
 * A schema the plan creates for a new ledger table is not dropped again by the down script: the
 * down script's DROP TABLE leaves the table, its history table and its ledger view in the schema,
 * renamed MSSQL_DroppedLedger..., so DROP SCHEMA would fail (Msg 3729) and with it the whole
 * script ("Dropped ledger tables", https://learn.microsoft.com/sql/relational-databases/security/ledger/ledger-limits;
 * sys.ledger_table_history records the DROP). The creation has no inverse, and says why.
 */
export function keepLedgerSchemas(steps: readonly PlanStep[], key: NameKey): PlanStep[] {
  const ledgerSchemas = new Set(steps.flatMap((s) => (s.change.kind === 'createTable' && s.change.table.ledger !== undefined ? [key(s.change.table.schema)] : [])));
  if (ledgerSchemas.size === 0) return [...steps];
  return steps.map((s) => {
    if (s.change.kind !== 'createSchema' || !ledgerSchemas.has(key(s.change.schema))) return s;
    const why = hazard('irreversible', `schema ${s.change.schema} keeps the ledger tables created in it: dropping one leaves it in the schema, renamed MSSQL_DroppedLedgerTable_..., with its history table and ledger view`);
    return { ...s, hazards: [...s.hazards, why], inverse: null };
  });
}

/** What a ledger kind is called in messages. */
function kindText(l: Ledger | undefined): string {
  return l === undefined ? 'an ordinary table' : l.kind === 'updatable' ? 'an updatable ledger table' : 'an append-only ledger table';
}

/** A new ledger table on a server without ledger tables (before SQL Server 2022), refused by name. */
export function ledgerServerRefusals(tables: readonly TablePair[], server: ServerFacts | undefined): RefusedChange[] {
  if (supportsLedger(server) || server === undefined) return [];
  return tables.filter((t): t is AddedTable => t.kind === 'added' && t.desired.ledger !== undefined).map((t) => ({
    table: { schema: t.desired.schema, name: t.desired.name },
    change: `create ${t.desired.schema}.${t.desired.name} as ${kindText(t.desired.ledger)}`,
    reason: `${editionName(server)} ${server.majorVersion} has no ledger tables (LEDGER = ON needs SQL Server 2022 or Azure SQL); remove ledger from the table or use a newer server`,
  }));
}

/** The refusals of kept tables whose ledger kind, or declared view or history name, differs from the database's. */
export function ledgerRefusals(tables: readonly TablePair[], key: NameKey): RefusedChange[] {
  const out: RefusedChange[] = [];
  for (const t of tables) {
    if (t.kind !== 'kept') continue;
    const cur = t.current.ledger;
    const des = t.desired.ledger;
    if (cur === undefined && des === undefined) continue;
    const name = `${t.newRef.schema}.${t.newRef.name}`;
    if (cur?.kind !== des?.kind) {
      out.push({
        table: t.newRef,
        change: des === undefined ? `make ${name} an ordinary table` : `make ${name} ${kindText(des)}`,
        reason: `${name} is ${kindText(cur)} in the database and ${kindText(des)} in the schema; SQL Server has no ALTER that turns ledger on or off or changes its kind`
          + (cur === undefined
            ? `, and an existing table cannot become a ledger table: create the ledger table under another name, copy the rows into it (EXEC sys.sp_copy_data_in_batches, ledger-how-to-migrate-data-to-ledger-tables), drop ${name} and rename the new table, then plan again; or keep it an ordinary table`
            : ', and dropping a ledger table keeps it (renamed MSSQL_DroppedLedgerTable_...) with its verification history: create a table of the kind you want under another name, copy the rows into it, and declare that table instead; or keep the kind'),
      });
      continue;
    }
    if (cur === undefined || des === undefined) continue;
    for (const [what, c, d] of [['ledger view', cur.view, des.view], ['history table', cur.history, des.history]] as const) {
      if (d === undefined || c === undefined || (key(c.schema) === key(d.schema) && key(c.name) === key(d.name))) continue;
      out.push({
        table: t.newRef,
        change: `name ${name}'s ${what} ${d.schema}.${d.name}`,
        reason: `the ${what} of ${name} is ${c.schema}.${c.name} in the database; SQL Server names it when the table is created and schemac does not rename it: `
          + `rename it yourself (EXEC sp_rename N'${c.schema}.${c.name}', N'${d.name}'; a ledger view's rename is recorded in sys.ledger_table_history)${key(c.schema) !== key(d.schema) ? ' or move it with ALTER SCHEMA ... TRANSFER' : ''}, or declare its name as it is`,
      });
    }
  }
  return out;
}

const TEMPORAL_KINDS = new Set<Change['kind']>(['addPeriod', 'dropPeriod', 'enableVersioning', 'disableVersioning', 'alterRetention', 'alterPeriodHidden']);
/** Types whose length may change on a ledger table; Unicode types whose collation may. */
const VARIABLE_LENGTH = new Set(['varchar', 'nvarchar', 'varbinary']);
const UNICODE = new Set(['nchar', 'nvarchar', 'ntext']);

/** Why SQL Server refuses this ALTER COLUMN on a ledger table, or null when it allows it. */
function alterRefusal(from: Column, to: Column): string | null {
  const a = from.type;
  const b = to.type;
  if (a.name !== b.name || a.precision !== b.precision || a.scale !== b.scale || (a.alias?.name ?? '') !== (b.alias?.name ?? '')) {
    return `its type changes from ${typeText(a)} to ${typeText(b)}, and a ledger table's column cannot change type (it would change the stored rows the ledger hashed)`;
  }
  if (a.length !== b.length && !VARIABLE_LENGTH.has(a.name)) return `its length changes from ${typeText(a)} to ${typeText(b)}, and only a variable-length column's length can change on a ledger table`;
  if ((from.collation ?? '') !== (to.collation ?? '') && !UNICODE.has(a.name)) return `its collation changes, and only a Unicode column's collation can change on a ledger table`;
  return null;
}

/** The columns a change is about on its table (for the steps that go with a refused column). */
function columnsNamed(change: Change): readonly string[] {
  switch (change.kind) {
    case 'addColumn': case 'dropColumn': return [change.column.name];
    case 'alterColumn': return [change.to.name];
    case 'backfillColumn': case 'setSparse': case 'setRowGuidCol': case 'setMask': case 'setNotForReplication': return [change.column];
    case 'setDescription': return change.column === null ? [] : [change.column];
    case 'addDefault': return [change.constraint.column];
    case 'createIndex': return [...change.index.columns.map((c) => c.name), ...change.index.include];
    case 'addUnique': case 'addPrimaryKey': return change.constraint.columns.map((c) => c.name);
    case 'addForeignKey': return change.constraint.columns;
    default: return [];
  }
}

/**
 * The plan's steps on ledger tables as SQL Server allows them: refused steps out (with the steps
 * about the same column), each refusal naming the table, the column and why; a drop of a NOT NULL
 * column without an inverse. Tables are matched under their database and schema names.
 */
export function guardLedgerTables(steps: readonly PlanStep[], tables: readonly TablePair[], key: NameKey): { readonly steps: PlanStep[]; readonly refused: RefusedChange[] } {
  const ledgers = new Map<string, Table>();
  for (const t of tables) {
    if (t.kind !== 'kept' || t.current.ledger === undefined) continue;
    ledgers.set(tableKey(key, t.oldRef.schema, t.oldRef.name), t.current);
    ledgers.set(tableKey(key, t.newRef.schema, t.newRef.name), t.current);
  }
  if (ledgers.size === 0) return { steps: [...steps], refused: [] };
  const ledgerOf = (change: Change): { ref: TableRef; table: Table } | undefined => {
    if (change.kind === 'createTable' || change.kind === 'dropTable') return undefined;
    const ref = tableOf(change);
    const table = ref === null ? undefined : ledgers.get(tableKey(key, ref.schema, ref.name));
    return ref === null || table === undefined ? undefined : { ref, table };
  };
  const refused: RefusedChange[] = [];
  const refusedColumns = new Set<string>();
  const kept: (PlanStep | null)[] = steps.map((s) => {
    const on = ledgerOf(s.change);
    if (on === undefined) return s;
    const name = `${on.ref.schema}.${on.ref.name}`;
    const kind = kindText(on.table.ledger);
    const refuse = (change: string, reason: string, column?: string): null => {
      refused.push({ table: on.ref, change, reason: `${name} is ${kind}: ${reason}` });
      if (column !== undefined) refusedColumns.add(`${tableKey(key, on.ref.schema, on.ref.name)}\u0000${key(column)}`);
      return null;
    };
    const c = s.change;
    if (TEMPORAL_KINDS.has(c.kind)) return refuse(c.kind, 'its system versioning is part of the ledger and stays as it is (history rows cannot be deleted, and versioning cannot be turned off)');
    if (c.kind === 'addColumn' && !c.column.nullable && c.column.computed === null) {
      return refuse(`add column ${c.column.name}`, `SQL Server adds only nullable columns to a ledger table; declare ${c.column.name} nullable (then, if every row has a value, make it NOT NULL in a later plan)`, c.column.name);
    }
    if (c.kind === 'alterColumn') {
      const why = alterRefusal(c.from, c.to);
      if (why !== null) return refuse(`alter column ${c.to.name}`, `${why}; add a new nullable column and fill it instead, or keep the column as it is`, c.to.name);
    }
    if (c.kind === 'backfillColumn' && on.table.ledger?.kind === 'append-only') {
      return refuse(`fill NULLs of ${c.column}`, `UPDATE is refused on an append-only ledger table, so the NULLs of ${c.column} cannot be filled; keep ${c.column} nullable`, c.column);
    }
    // SQL Server keeps the dropped column hidden with its data (the hazard says so); a NOT NULL column cannot be added back.
    if (c.kind === 'dropColumn') {
      const hazards = s.hazards.map((h) => (h.code === 'data-loss'
        ? { ...h, message: `${h.message}; on this ledger table SQL Server keeps them, hidden, as MSSQL_DroppedLedgerColumn_${c.column.name}_<GUID>, out of the application's reach` } : h));
      return { ...s, hazards, ...(!c.column.nullable ? { inverse: null } : {}) };
    }
    return s;
  });
  if (refusedColumns.size === 0) return { steps: kept.filter((s): s is PlanStep => s !== null), refused };
  // The steps about a refused column (its default, its NOT NULL after a refused backfill, an index on it) go with it.
  const out = kept.filter((s): s is PlanStep => {
    if (s === null) return false;
    const on = ledgerOf(s.change);
    if (on === undefined) return true;
    const t = tableKey(key, on.ref.schema, on.ref.name);
    return !columnsNamed(s.change).some((col) => refusedColumns.has(`${t}\u0000${key(col)}`));
  });
  return { steps: out, refused };
}
