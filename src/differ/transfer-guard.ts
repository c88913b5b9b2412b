/**
 * Moves SQL Server would refuse, found before any SQL runs. ALTER SCHEMA ... TRANSFER keeps the
 * names of the table's constraints and triggers, and those (like the table's own name) are
 * schema-scoped objects: each must be free in the target schema when the transfer runs (after
 * the plan's drops, before its renames), or SQL Server stops the script with a name clash. A
 * system-versioned table is not moved while it stays versioned: its history table is a table of
 * its own in its own schema, and schemac plans it only as part of its table's definition.
 * A refused move takes out the steps that need it (the rename after it, every later step on the
 * table under its new name, and the drop of the schema it was to empty); `apply` then refuses.
 * https://learn.microsoft.com/sql/t-sql/statements/alter-schema-transact-sql
 */
import { tableOf, type PlanStep, type RefusedChange, type TransferTable } from './changes';
import { tableKey, type NameKey } from '../sqlserver/names';
import type { Database, Table } from '../model';

/** A schema-scoped object: what it is, for messages ("primary key pk_orders of sales.orders"). */
type Occupants = Map<string, string>;

/** The schema-scoped objects a table brings with it (itself, its constraints, its triggers), as name -> description. */
function objectsOf(t: Table, db: Database, key: NameKey): Map<string, string> {
  const of = `of ${t.schema}.${t.name}`;
  const out = new Map<string, string>([[key(t.name), `table ${t.schema}.${t.name}`]]);
  const add = (what: string, name: string) => out.set(key(name), `${what} ${name} ${of}`);
  if (t.primaryKey !== null) add('primary key', t.primaryKey.name);
  for (const u of t.uniqueConstraints) add('unique constraint', u.name);
  for (const c of t.checks) add('check constraint', c.name);
  for (const d of t.defaults) add('default', d.name);
  for (const f of t.foreignKeys) add('foreign key', f.name);
  for (const m of db.modules ?? []) {
    if (m.type === 'TR' && m.parent !== null && key(m.parent.schema) === key(t.schema) && key(m.parent.name) === key(t.name)) add('trigger', m.name);
  }
  return out;
}

/** The plan's steps without the moves SQL Server would refuse (and what depends on them), and the refusals. */
export function refuseBlockedTransfers(steps: readonly PlanStep[], current: Database, key: NameKey): { steps: PlanStep[]; refused: RefusedChange[] } {
  if (!steps.some((s) => s.change.kind === 'transferTable')) return { steps: [...steps], refused: [] };
  const tables = new Map(current.tables.map((t) => [tableKey(key, t.schema, t.name), t] as const));
  // Every schema's objects as the catalog has them, changed as the plan's steps run.
  const schemas = new Map<string, Occupants>();
  const occupants = (schema: string): Occupants => {
    let m = schemas.get(key(schema));
    if (m === undefined) { m = new Map(); schemas.set(key(schema), m); }
    return m;
  };
  for (const t of current.tables) for (const [n, what] of objectsOf(t, current, key)) occupants(t.schema).set(n, what);
  for (const q of current.sequences ?? []) occupants(q.schema).set(key(q.name), `sequence ${q.schema}.${q.name}`);
  for (const y of current.synonyms ?? []) occupants(y.schema).set(key(y.name), `synonym ${y.schema}.${y.name}`);
  for (const m of current.modules ?? []) if (m.type !== 'TR') occupants(m.schema).set(key(m.name), `${m.type === 'V' ? 'view' : m.type === 'P' ? 'procedure' : 'function'} ${m.schema}.${m.name}`);

  const refused: RefusedChange[] = [];
  const blocked: TransferTable[] = [];
  steps.forEach((s, i) => {
    const c = s.change;
    switch (c.kind) {
      case 'dropTable': for (const n of objectsOf(c.table, current, key).keys()) occupants(c.table.schema).delete(n); return;
      case 'dropPrimaryKey': case 'dropUnique': case 'dropCheck': case 'dropDefault': case 'dropForeignKey':
        occupants(c.table.schema).delete(key(c.constraint.name)); return;
      case 'dropColumn': if (c.default !== undefined) occupants(c.table.schema).delete(key(c.default.name)); return;
      case 'dropSequence': occupants(c.sequence.schema).delete(key(c.sequence.name)); return;
      case 'dropModule': occupants(c.module.schema).delete(key(c.module.name)); return;
      case 'transferTable': {
        const t = tables.get(tableKey(key, c.from, c.name));
        if (t === undefined) return;
        const why = versionedReason(t, c, steps, i, key) ?? clashReason(t, objectsOf(t, current, key), occupants(c.to), c.to);
        if (why !== null) {
          blocked.push(c);
          refused.push({ table: { schema: c.from, name: c.name }, change: `move table ${c.from}.${c.name} to schema ${c.to}`, reason: why });
          return;
        }
        for (const [n, what] of objectsOf(t, current, key)) { occupants(c.from).delete(n); occupants(c.to).set(n, what); }
        return;
      }
      default: return;
    }
  });
  if (blocked.length === 0) return { steps: [...steps], refused };
  return { steps: withoutBlocked(steps, blocked, key), refused };
}

/**
 * Why a versioned table is not moved, or null: only a move after its versioning is turned off
 * earlier in the plan and not turned on again under its new name goes ahead.
 */
function versionedReason(t: Table, c: TransferTable, steps: readonly PlanStep[], at: number, key: NameKey): string | null {
  if (t.versioning === undefined) return null;
  const offBefore = steps.slice(0, at).some((s) => s.change.kind === 'disableVersioning'
    && key(s.change.table.schema) === key(t.schema) && key(s.change.table.name) === key(t.name));
  // Its name after the plan: a rename in the new schema follows the transfer.
  const rename = steps.find((s) => s.change.kind === 'renameTable' && key(s.change.schema) === key(c.to) && key(s.change.from) === key(c.name));
  const finalName = rename?.change.kind === 'renameTable' ? rename.change.to : c.name;
  const onAfter = steps.some((s) => s.change.kind === 'enableVersioning' && key(s.change.table.schema) === key(c.to) && key(s.change.table.name) === key(finalName));
  if (offBefore && !onAfter) return null;
  return `${t.schema}.${t.name} is system-versioned (history table ${t.versioning.historySchema}.${t.versioning.historyTable}): schemac does not move a versioned table, whose history table is a table of its own; remove systemVersioning and move the table in one plan, then declare systemVersioning again in the next`;
}

/** Why the table's objects cannot join schema `to` (the first clash), or null. */
function clashReason(t: Table, objects: ReadonlyMap<string, string>, target: Occupants, to: string): string | null {
  const clashes = [...objects].filter(([n]) => target.has(n)).map(([n, what]) => `${what} would clash with ${target.get(n) as string}`);
  if (clashes.length === 0) return null;
  const tableClash = target.has([...objects.keys()][0] as string);
  const head = tableClash ? `schema ${to} already has table ${t.name} when the move runs` : `schema ${to} already has objects of the names it brings`;
  return `${head}: ${clashes.join('; ')}. ALTER SCHEMA ... TRANSFER keeps the names of the table's constraints and triggers, and those names are unique per schema: rename one side in an earlier apply`;
}

/** The steps without each blocked transfer, the rename after it, later steps on the moved table and the drop of the schema it left. */
function withoutBlocked(steps: readonly PlanStep[], blocked: readonly TransferTable[], key: NameKey): PlanStep[] {
  const gone = new Set<string>();
  const emptied = new Set<string>();
  for (const b of blocked) {
    gone.add(tableKey(key, b.to, b.name));
    emptied.add(key(b.from));
    for (const s of steps) {
      if (s.change.kind === 'renameTable' && key(s.change.schema) === key(b.to) && key(s.change.from) === key(b.name)) gone.add(tableKey(key, b.to, s.change.to));
    }
  }
  return steps.filter((s) => {
    const c = s.change;
    if (c.kind === 'transferTable') return !blocked.includes(c);
    if (c.kind === 'dropSchema') return !emptied.has(key(c.schema));
    if (c.kind === 'renameTable') return !gone.has(tableKey(key, c.schema, c.from));
    const ref = tableOf(c);
    return ref === null || !gone.has(tableKey(key, ref.schema, ref.name));
  });
}
