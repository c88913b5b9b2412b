/**
 * Foreign keys from a schema the plan does not manage into a table it does manage (audit.log ->
 * dbo.users): the plan never drops them (they belong to someone else), so a change SQL Server
 * refuses while one exists is refused here, naming it, instead of failing at apply. SQL Server
 * refuses, while a foreign key references them: DROP TABLE of the referenced table (Msg 3726),
 * dropping the referenced PRIMARY KEY, UNIQUE constraint or unique index (Msg 3725), and ALTER
 * or DROP of a referenced column (Msg 5074)
 * (https://learn.microsoft.com/sql/t-sql/statements/alter-table-transact-sql, "ALTER COLUMN" and
 * "DROP"; https://learn.microsoft.com/sql/t-sql/statements/drop-table-transact-sql).
 * sp_rename of the table, the column or the key is fine: a foreign key refers by id.
 */
import type { Database, ForeignKey } from '../model';
import { tableKey, type NameKey } from '../sqlserver/names';
import type { Change, PlanStep, RefusedChange } from './changes';

/** A foreign key of an unmanaged table that references a managed one. */
interface Reference {
  readonly fk: ForeignKey;
  /** schema.table of the unmanaged table that holds it. */
  readonly holder: string;
}

function describe(r: Reference): string {
  const f = r.fk;
  return `${r.holder.split('.')[0]}.${f.name} references ${f.referencedSchema}.${f.referencedTable}(${f.referencedColumns.join(', ')})`;
}

/** The key of a table, a column of it, or a key over a column set. */
const columnKey = (key: NameKey, t: string, c: string) => `${t}.${key(c)}`;
const setKey = (key: NameKey, cols: readonly string[]) => cols.map(key).sort().join(',');

/**
 * The steps without those SQL Server would refuse because of such a foreign key (and the steps
 * that only make sense with them: the re-creation of a dropped key, the re-add of a dropped
 * column, everything else done to a table whose drop is refused), and the refusals.
 */
export function refuseUnmanagedReferences(
  steps: readonly PlanStep[], current: Database, key: NameKey, inScope: (schema: string) => boolean,
): { steps: PlanStep[]; refused: RefusedChange[] } {
  const refs: Reference[] = current.tables
    .filter((t) => !inScope(t.schema))
    .flatMap((t) => t.foreignKeys.filter((f) => inScope(f.referencedSchema)).map((fk) => ({ fk, holder: `${t.schema}.${t.name}` })));
  if (refs.length === 0) return { steps: [...steps], refused: [] };
  // Steps name a renamed table by its new name: follow renames from the current name.
  const renamed = new Map<string, string>();
  // A move runs before its rename: follow the transfer, then the rename in the new schema.
  const movedTo = new Map<string, string>();
  for (const s of steps) {
    const c = s.change;
    if (c.kind === 'transferTable') movedTo.set(tableKey(key, c.from, c.name), tableKey(key, c.to, c.name));
  }
  const renamedBy = new Map<string, string>();
  for (const s of steps) if (s.change.kind === 'renameTable') renamedBy.set(tableKey(key, s.change.schema, s.change.from), tableKey(key, s.change.schema, s.change.to));
  for (const from of new Set([...movedTo.keys(), ...renamedBy.keys()])) {
    const moved = movedTo.get(from) ?? from;
    renamed.set(from, renamedBy.get(moved) ?? moved);
  }
  const byTable = new Map<string, Reference[]>();
  const byColumn = new Map<string, Reference[]>();
  const byKeySet = new Map<string, Reference[]>();
  const add = (map: Map<string, Reference[]>, k: string, r: Reference) => map.set(k, [...(map.get(k) ?? []), r]);
  for (const r of refs) {
    const current = tableKey(key, r.fk.referencedSchema, r.fk.referencedTable);
    for (const t of new Set([current, renamed.get(current) ?? current])) {
      add(byTable, t, r);
      for (const c of r.fk.referencedColumns) add(byColumn, columnKey(key, t, c), r);
      add(byKeySet, `${t}|${setKey(key, r.fk.referencedColumns)}`, r);
    }
  }

  const refused: RefusedChange[] = [];
  const droppedTables = new Set<string>();
  /** Objects whose drop is refused, so their re-creation goes too: `table|kind|name`. */
  const kept = new Set<string>();
  const refuse = (table: { schema: string; name: string }, what: string, by: readonly Reference[], why: string): void => {
    refused.push({ table, change: what, reason: `${[...new Set(by.map(describe))].join('; ')}, from a schema this plan does not manage: SQL Server refuses to ${why} while it exists, and schemac never drops it` });
  };
  const blockers = (c: Change): { by: Reference[]; what: string; why: string; keep: string } | null => {
    switch (c.kind) {
      case 'dropTable': {
        const t = tableKey(key, c.table.schema, c.table.name);
        const by = byTable.get(t);
        return by ? { by, what: `drop table ${c.table.schema}.${c.table.name}`, why: 'drop the table', keep: `${t}|table|` } : null;
      }
      case 'dropColumn': case 'alterColumn': {
        const name = c.kind === 'dropColumn' ? c.column.name : c.from.name;
        const t = tableKey(key, c.table.schema, c.table.name);
        const by = byColumn.get(columnKey(key, t, name));
        const verb = c.kind === 'dropColumn' ? 'drop' : 'alter';
        return by ? { by, what: `${verb} column ${name}`, why: `${verb} a referenced column`, keep: `${t}|column|${key(name)}` } : null;
      }
      case 'dropPrimaryKey': case 'dropUnique': case 'dropIndex': {
        const obj = c.kind === 'dropIndex' ? c.index : c.constraint;
        if (c.kind === 'dropIndex' && !(c.index.unique && c.index.filter === null)) return null;
        const t = tableKey(key, c.table.schema, c.table.name);
        const by = byKeySet.get(`${t}|${setKey(key, obj.columns.map((x) => x.name))}`);
        return by ? { by, what: `drop ${obj.name}`, why: 'drop the key it references', keep: `${t}|key|${key(obj.name)}` } : null;
      }
      default:
        return null;
    }
  };
  for (const s of steps) {
    const b = blockers(s.change);
    if (b === null) continue;
    const c = s.change as Extract<Change, { table: unknown }>;
    refuse(c.kind === 'dropTable' ? { schema: c.table.schema, name: c.table.name } : c.table, b.what, b.by, b.why);
    kept.add(b.keep);
    if (c.kind === 'dropTable') droppedTables.add(tableKey(key, c.table.schema, c.table.name));
  }
  if (refused.length === 0) return { steps: [...steps], refused: [] };
  const out = steps.filter((s) => {
    const c = s.change;
    if (blockers(c) !== null) return false;
    if (!('table' in c) || c.kind === 'createTable') return true;
    const t = tableKey(key, c.table.schema, c.table.name);
    if (droppedTables.has(t)) return false;
    switch (c.kind) {
      // The re-add of a column or key whose drop is refused, and the fill of a column whose change is.
      case 'addColumn': return !kept.has(`${t}|column|${key(c.column.name)}`);
      case 'backfillColumn': return !kept.has(`${t}|column|${key(c.column)}`);
      case 'addPrimaryKey': case 'addUnique': return !kept.has(`${t}|key|${key(c.constraint.name)}`);
      case 'createIndex': return !kept.has(`${t}|key|${key(c.index.name)}`);
      default: return true;
    }
  });
  return { steps: out, refused };
}
