/**
 * What the schema API cannot say, so pull cannot write it: the plan after pull will show these,
 * and pull says so up front instead of leaving the user to wonder why the plan is not empty.
 */
import type { Database } from '../../model';
import { nameKeyFor, sameName } from '../../sqlserver/names';

/** One sentence per object in `db` that the pulled files cannot reproduce. */
export function unexpressible(db: Database): string[] {
  const out: string[] = [];
  const key = nameKeyFor(db.collation);
  // The schemas the compiler declares (compile.ts): those of tables, history tables, alias types and sequences.
  const declared = new Set([
    ...db.tables.flatMap((t) => [t.schema, ...(t.versioning !== undefined ? [t.versioning.historySchema] : [])]),
    ...(db.aliasTypes ?? []).map((a) => a.schema),
    ...(db.sequences ?? []).map((q) => q.schema),
  ].map(key));
  for (const s of db.schemas) {
    if (!sameName(key, s, 'dbo') && !declared.has(key(s))) {
      out.push(`schema ${s} holds no table, sequence or alias type; a schema is declared only through what it holds, so plan lists it as not declared`);
    }
  }
  // Untrusted and disabled checks and foreign keys are written with validate: false / enabled: false (table-items.ts).
  return out;
}
