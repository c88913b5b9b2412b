/**
 * Memory-optimized tables in a plan. SQL Server refuses their DDL inside a user transaction
 * ("Transactional DDL, such as CREATE/ALTER/DROP of In-Memory OLTP objects, is not supported
 * inside user transactions": unsupported-sql-server-features-for-in-memory-oltp), so every step
 * that touches one is marked and moved to the end of the plan: apply and the up script run the
 * rest in the one transaction, then each of these on its own after COMMIT (the down script runs
 * their inverses first, before BEGIN TRANSACTION). A table cannot change between disk-based and
 * memory-optimized, nor change its DURABILITY, in place (ALTER TABLE has no such option): that
 * is refused, naming the table, rather than dropped and re-created with its rows lost.
 */
import type { Change, PlanStep, RefusedChange, TableRef } from './changes';
import { tableOf } from './changes';
import type { Database, Table } from '../model';
import { memoryOptimizedText, sameMemoryOptimized } from '../sqlserver/memory-optimized';
import { tableKey, type NameKey } from '../sqlserver/names';

/** Steps that must run before the memory-optimized steps they follow, so cannot wait until after COMMIT. */
const NEEDS_EARLIER = new Set<Change['kind']>(['dropSchema', 'dropType', 'redefineType', 'dropSequence', 'createModule', 'refreshModule']);

/** The tables (by key, under either plan name) that are memory-optimized on either side. */
function memoryTables(desired: Database, current: Database, key: NameKey): Set<string> {
  const out = new Set<string>();
  for (const t of [...desired.tables, ...current.tables]) if (t.memoryOptimized !== undefined) out.add(tableKey(key, t.schema, t.name));
  return out;
}

/** The change's table keys under every name it may carry (a create or drop carries the table itself). */
function keysOf(change: Change, key: NameKey): string[] {
  if (change.kind === 'renameTable') return [tableKey(key, change.schema, change.from), tableKey(key, change.schema, change.to)];
  const t = tableOf(change);
  return t === null ? [] : [tableKey(key, t.schema, t.name)];
}

/** Tables whose memory-optimized setting differs between the schema and the database, refused. */
function transitions(desired: Database, current: Database, key: NameKey): { readonly refused: RefusedChange[]; readonly keys: Set<string> } {
  const byKey = new Map(current.tables.map((t) => [tableKey(key, t.schema, t.name), t] as const));
  const refused: RefusedChange[] = [];
  const keys = new Set<string>();
  for (const d of desired.tables) {
    const c: Table | undefined = byKey.get(tableKey(key, d.renamedFromSchema ?? d.schema, d.renamedFrom ?? d.name)) ?? byKey.get(tableKey(key, d.schema, d.name));
    if (c === undefined || sameMemoryOptimized(c.memoryOptimized, d.memoryOptimized)) continue;
    const ref: TableRef = { schema: d.schema, name: d.name };
    refused.push({
      table: ref,
      change: `make it ${memoryOptimizedText(d.memoryOptimized)} (it is ${memoryOptimizedText(c.memoryOptimized)})`,
      reason: 'SQL Server cannot change a table between disk-based and memory-optimized, or its DURABILITY, in place; create the new table under another name, copy the rows (INSERT ... SELECT), drop the old one and rename the new one, then plan again',
    });
    keys.add(tableKey(key, d.schema, d.name));
    keys.add(tableKey(key, c.schema, c.name));
  }
  return { refused, keys };
}

/** A short text of a step that cannot wait for the memory-optimized ones (NEEDS_EARLIER kinds). */
function stepText(change: Change): string {
  switch (change.kind) {
    case 'dropSchema': return `drop schema ${change.schema}`;
    case 'dropType': return `drop type ${change.type.schema}.${change.type.name}`;
    case 'redefineType': return `redefine type ${change.to.schema}.${change.to.name}`;
    case 'dropSequence': return `drop sequence ${change.sequence.schema}.${change.sequence.name}`;
    case 'createModule': case 'refreshModule': return `${change.kind === 'createModule' ? 're-create' : 'refresh'} ${change.module.schema}.${change.module.name}`;
    default: return change.kind;
  }
}

/** An index change as it must run on a memory-optimized table (ALTER TABLE ... ADD | DROP INDEX). */
function memoryChange(change: Change): Change {
  return change.kind === 'createIndex' || change.kind === 'dropIndex' || change.kind === 'alterColumn' ? { ...change, memoryOptimized: true } : change;
}

/**
 * The plan's steps with those on memory-optimized tables marked and moved last (their order
 * kept), and what is refused: changes between disk-based and memory-optimized, and a step that
 * must run before a memory-optimized step it comes after (dropping the schema of a dropped
 * memory-optimized table, say) since the two cannot share the transaction.
 */
export function planMemoryOptimized(steps: readonly PlanStep[], desired: Database, current: Database, key: NameKey): { readonly steps: PlanStep[]; readonly refused: RefusedChange[] } {
  const memory = memoryTables(desired, current, key);
  if (memory.size === 0) return { steps: [...steps], refused: [] };
  const moved = transitions(desired, current, key);
  const transactional: PlanStep[] = [];
  const outside: PlanStep[] = [];
  const refused = [...moved.refused];
  for (const s of steps) {
    const keys = keysOf(s.change, key);
    if (keys.some((k) => moved.keys.has(k))) continue;
    if (keys.some((k) => memory.has(k))) {
      outside.push({ ...s, change: memoryChange(s.change), inverse: s.inverse === null ? null : memoryChange(s.inverse), memoryOptimized: true });
      continue;
    }
    if (outside.length > 0 && NEEDS_EARLIER.has(s.change.kind)) {
      refused.push({
        table: { schema: '', name: '' },
        change: stepText(s.change),
        reason: 'it must run after changes to memory-optimized tables, which SQL Server runs only outside a transaction (after COMMIT); apply the memory-optimized changes first (a schema without this step), then this one',
      });
      continue;
    }
    transactional.push(s);
  }
  return { steps: [...transactional, ...outside], refused };
}
