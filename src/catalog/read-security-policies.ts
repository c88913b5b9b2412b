/**
 * sys.security_policies and sys.security_predicates rows (the optional `security_policies` and
 * `security_predicates` arrays) as the model's SecurityPolicy list. A predicate's stored
 * definition is read for two facts only: the function it calls (`[sec].[tenant_predicate]`) and
 * the target's columns its arguments name (an argument may be an expression over columns,
 * literals and built-ins: create-security-policy-transact-sql, "{ column_name | expression }").
 * The text is stored bracket-quoted ("the schema.function name may be normalized (i.e. escaped)
 * as well as any other element in the text": sys-security-predicates-transact-sql); bare names
 * are read too.
 */
import type { PredicateOperation, SecurityPolicy, SecurityPredicate } from '../model';
import type { NameKey } from '../sqlserver/names';
import { compareText } from '../util/compare';
import { groupBy } from '../util/group-by';
import { tokens, type TextToken } from './module-text';
import type { CatalogSnapshot } from './snapshot-types';

const OPERATIONS: readonly PredicateOperation[] = ['AFTER INSERT', 'AFTER UPDATE', 'BEFORE UPDATE', 'BEFORE DELETE'];

/** A bare or delimited name; a bare run that starts with a digit is a number. */
function isName(t: TextToken | undefined): t is TextToken {
  return t !== undefined && (t.kind === 'quoted' || (t.kind === 'word' && !/^[0-9]/.test(t.value)));
}

/**
 * The function a predicate definition calls and the names its arguments use (a name followed by
 * `(` is a built-in's, a name after a dot is a part of a longer name: neither is a column).
 */
export function readPredicateDefinition(definition: string): { function: { schema: string; name: string } | null; names: string[] } {
  const ts = tokens(definition, true);
  const open = ts.findIndex((t) => t.kind === 'other' && t.value === '(');
  const head = open < 0 ? [] : ts.slice(0, open);
  const parts = head.filter((t) => t.kind !== 'dot');
  const fn = head.length === 3 && isName(head[0]) && head[1]?.kind === 'dot' && isName(head[2])
    ? { schema: (parts[0] as TextToken).value, name: (parts[1] as TextToken).value } : null;
  const names: string[] = [];
  const args = open < 0 ? [] : ts.slice(open + 1);
  args.forEach((t, i) => {
    if (!isName(t)) return;
    const next = args[i + 1];
    const before = args[i - 1];
    if (next !== undefined && ((next.kind === 'other' && next.value === '(') || next.kind === 'dot')) return;
    if (before !== undefined && before.kind === 'dot') return;
    names.push(t.value);
  });
  return { function: fn, names };
}

/** The security policies of a snapshot, each with its predicates in the order they were added. */
export function readSecurityPolicies(s: CatalogSnapshot, key: NameKey): SecurityPolicy[] {
  const policies = s.security_policies ?? [];
  if (policies.length === 0) return [];
  const predicates = groupBy(s.security_predicates ?? [], (p) => p.object_id);
  const columns = groupBy(s.columns, (c) => c.object_id);
  return policies.map((p): SecurityPolicy => ({
    schema: p.schema_name,
    name: p.name,
    enabled: p.is_enabled,
    schemaBound: p.is_schema_bound,
    notForReplication: p.is_not_for_replication,
    predicates: [...(predicates.get(p.object_id) ?? [])].sort((a, b) => a.security_predicate_id - b.security_predicate_id).map((r): SecurityPredicate => {
      const read = readPredicateDefinition(r.predicate_definition);
      const targetColumns = new Map((columns.get(r.target_object_id) ?? []).map((c) => [key(c.name), c.name]));
      const used = read.names.flatMap((n) => { const c = targetColumns.get(key(n)); return c === undefined ? [] : [c]; });
      const operation = OPERATIONS.find((o) => o === r.operation_desc) ?? null;
      return {
        kind: r.predicate_type_desc === 'BLOCK' ? 'BLOCK' : 'FILTER',
        operation,
        target: { schema: r.target_schema_name, name: r.target_name },
        definition: r.predicate_definition,
        function: read.function,
        columns: [...new Set(used)].sort(compareText),
      };
    }),
  })).sort((a, b) => compareText(a.schema, b.schema) || compareText(a.name, b.name));
}
