/**
 * Synonyms over what a plan drops, renames or moves to another schema (Database.synonyms, read from the catalog; schemac
 * never manages them). A synonym is bound to its base object by name, only when it is used, so
 * SQL Server lets a step drop or rename the table under it and the synonym then fails at its next
 * use ("the base object can be dropped or renamed without affecting the synonym"... until it is
 * referenced). Such a step carries a `dependent-object` hazard naming the synonym.
 * https://learn.microsoft.com/sql/relational-databases/synonyms/synonyms-database-engine
 */
import type { PlanStep } from './changes';
import { hazard } from './hazards';
import { tableKey, type NameKey } from '../sqlserver/names';
import { appendTo } from '../util/group-by';
import type { Database, Synonym } from '../model';

/** The table key a synonym's base object names in this database, or null (another database or server). */
function targetKey(s: Synonym, current: Database, key: NameKey): string | null {
  if (s.base.server !== null) return null;
  if (s.base.database !== null && current.name !== null && key(s.base.database) !== key(current.name)) return null;
  // A one-part base name resolves in the default schema of the user who uses the synonym: dbo for
  // the usual owner (inferred; another user's default schema is not in the catalog).
  return tableKey(key, s.base.schema ?? 'dbo', s.base.name);
}

/** The steps, with a hazard on each one that drops, renames or moves a table a synonym points to. */
export function synonymHazards(steps: readonly PlanStep[], current: Database, key: NameKey): PlanStep[] {
  const synonyms = current.synonyms ?? [];
  if (synonyms.length === 0) return [...steps];
  const byTarget = new Map<string, Synonym[]>();
  for (const s of synonyms) {
    const target = targetKey(s, current, key);
    if (target === null) continue;
    appendTo(byTarget, target, s);
  }
  return steps.map((st) => {
    const c = st.change;
    const hit = c.kind === 'dropTable' ? { schema: c.table.schema, name: c.table.name, phrase: 'which this step drops' }
      : c.kind === 'renameTable' ? { schema: c.schema, name: c.from, phrase: `which this step renames to ${c.to}` }
      : c.kind === 'transferTable' ? { schema: c.from, name: c.name, phrase: `which this step moves to schema ${c.to}` }
      : null;
    if (hit === null) return st;
    const over = byTarget.get(tableKey(key, hit.schema, hit.name)) ?? [];
    if (over.length === 0) return st;
    const hazards = over.map((s) => hazard('dependent-object',
      `synonym ${s.schema}.${s.name} points to ${hit.schema}.${hit.name}, ${hit.phrase}; it is bound by name, so it stays and fails when next used (re-create it with CREATE SYNONYM)`));
    return { ...st, hazards: [...st.hazards, ...hazards] };
  });
}
