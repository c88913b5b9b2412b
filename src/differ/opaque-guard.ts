/**
 * Changes that would touch an object schemac cannot model (Table.opaque, read from the catalog)
 * are taken out of the plan and reported as refused: the object is never dropped or altered by
 * schemac (design.md "A database is never refused as a whole ... only the changes that would
 * have to touch it are refused"). Everything else in the plan stands.
 */
import type { Change, PlanStep, RefusedChange, TableRef } from './changes';
import { tableKey, type NameKey } from '../sqlserver/names';
import type { Database, OpaqueObject } from '../model';

/** The columns of its table a change reads or writes, and a short description of it. */
function touches(change: Change): { table: TableRef; columns: readonly string[]; what: string } | null {
  switch (change.kind) {
    case 'addColumn': return { table: change.table, columns: [change.column.name], what: `add column ${change.column.name}` };
    case 'dropColumn': return { table: change.table, columns: [change.column.name], what: `drop column ${change.column.name}` };
    case 'alterColumn': return { table: change.table, columns: [change.from.name, change.to.name], what: `alter column ${change.to.name}` };
    case 'backfillColumn': return { table: change.table, columns: [change.column], what: `fill NULLs of ${change.column}` };
    case 'renameColumn': return { table: change.table, columns: [change.from], what: `rename column ${change.from}` };
    case 'createIndex': return { table: change.table, columns: [...change.index.columns.map((c) => c.name), ...change.index.include], what: `create index ${change.index.name}` };
    case 'addUnique': case 'addPrimaryKey':
      return { table: change.table, columns: change.constraint.columns.map((c) => c.name), what: `add ${change.constraint.name}` };
    case 'addDefault': return { table: change.table, columns: [change.constraint.column], what: `add default ${change.constraint.name}` };
    case 'addForeignKey': return { table: change.table, columns: change.constraint.columns, what: `add foreign key ${change.constraint.name}` };
    default: return null;
  }
}

/** Whether changing `column` this way runs into `o` (an opaque column is touched by anything). */
function blockedBy(o: OpaqueObject, kind: Change['kind'], column: string, key: NameKey): boolean {
  if (!o.columns.some((c) => key(c) === key(column))) return false;
  if (o.kind === 'column') return true;
  // An index or constraint over a column stops ALTER COLUMN and DROP COLUMN of it; a rename or
  // an added object beside it is fine.
  // https://learn.microsoft.com/sql/t-sql/statements/alter-table-transact-sql (ALTER COLUMN restrictions)
  return kind === 'alterColumn' || kind === 'dropColumn';
}

function describe(o: OpaqueObject): string {
  return `${o.kind} ${o.name} (${o.reason})`;
}

/** The plan's steps without those that touch opaque objects, and the refusals. */
export function refuseOpaqueTouches(steps: readonly PlanStep[], current: Database, key: NameKey): { steps: PlanStep[]; refused: RefusedChange[] } {
  const opaqueByTable = new Map<string, readonly OpaqueObject[]>();
  for (const t of current.tables) if (t.opaque !== undefined && t.opaque.length > 0) opaqueByTable.set(tableKey(key, t.schema, t.name), t.opaque);
  if (opaqueByTable.size === 0) return { steps: [...steps], refused: [] };
  // A renamed or moved table keeps its opaque objects under the new name (a move runs before its rename).
  for (const s of steps) {
    const c = s.change;
    if (c.kind !== 'renameTable' && c.kind !== 'transferTable') continue;
    const [from, to] = c.kind === 'renameTable' ? [tableKey(key, c.schema, c.from), tableKey(key, c.schema, c.to)] : [tableKey(key, c.from, c.name), tableKey(key, c.to, c.name)];
    const found = opaqueByTable.get(from);
    if (found !== undefined) opaqueByTable.set(to, found);
  }

  const refused: RefusedChange[] = [];
  const droppedTables = new Set<string>();
  for (const s of steps) {
    if (s.change.kind !== 'dropTable') continue;
    const t = s.change.table;
    const found = opaqueByTable.get(tableKey(key, t.schema, t.name));
    if (found === undefined) continue;
    droppedTables.add(tableKey(key, t.schema, t.name));
    refused.push({ table: { schema: t.schema, name: t.name }, change: `drop table ${t.schema}.${t.name}`,
      reason: `it holds ${found.map(describe).join(', ')}, which schemac cannot recreate` });
  }

  const kept: PlanStep[] = [];
  for (const s of steps) {
    const c = s.change;
    const ref = 'table' in c && c.kind !== 'createTable' && c.kind !== 'dropTable' ? c.table : null;
    // Everything done to a table whose drop is refused goes too (its FKs and indexes).
    if (ref !== null && droppedTables.has(tableKey(key, ref.schema, ref.name))) continue;
    if (c.kind === 'dropTable' && droppedTables.has(tableKey(key, c.table.schema, c.table.name))) continue;
    const t = touches(c);
    const found = t === null ? undefined : opaqueByTable.get(tableKey(key, t.table.schema, t.table.name));
    const blocker = t === null || found === undefined ? undefined
      : found.find((o) => t.columns.some((col) => blockedBy(o, c.kind, col, key)));
    if (t !== null && blocker !== undefined) {
      refused.push({ table: t.table, change: t.what, reason: `it would touch ${describe(blocker)}` });
      continue;
    }
    kept.push(s);
  }
  return { steps: kept, refused };
}
