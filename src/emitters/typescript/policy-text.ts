/**
 * Line comments naming the row-level security policies whose predicates are on a table. Schema
 * files cannot declare policies (schemac never manages them), so pull names them above the table's
 * class, where a reader of the file looks; line comments, never doc comments, which the compiler
 * reads as descriptions.
 */
import type { Database, SecurityPredicate, Table } from '../../model';
import { nameKeyFor, tableKey } from '../../sqlserver/names';

/** `FILTER [sec].[f]([tenant_id])` / `BLOCK AFTER INSERT ...`. */
function predicateText(x: SecurityPredicate): string {
  return `${x.kind}${x.operation === null ? '' : ` ${x.operation}`} ${x.definition.replace(/\s+/gu, ' ')}`;
}

/** One comment line per policy with predicates on `t`; none when there is none. */
export function policyCommentLines(db: Database, t: Table): string[] {
  const key = nameKeyFor(db.collation);
  const here = tableKey(key, t.schema, t.name);
  return (db.securityPolicies ?? []).flatMap((p) => {
    const on = p.predicates.filter((x) => tableKey(key, x.target.schema, x.target.name) === here);
    if (on.length === 0) return [];
    const state = `${p.enabled ? 'STATE = ON' : 'STATE = OFF'}${p.schemaBound ? '' : ', SCHEMABINDING = OFF'}`;
    return [`// Security policy ${p.schema}.${p.name} (${state}): ${on.map(predicateText).join('; ')} (row-level security; kept, not declared here)`];
  });
}
