/**
 * T-SQL for row-level security policies a plan drops and re-creates around a step they bind
 * (differ/security-policies.ts). The CREATE is written from what the catalog read: each predicate
 * in the order it was added, its stored definition verbatim (the function and its arguments, as
 * sys.security_predicates.predicate_definition holds them), its target and BLOCK operation, then
 * the policy's STATE and SCHEMABINDING, and NOT FOR REPLICATION.
 * https://learn.microsoft.com/sql/t-sql/statements/create-security-policy-transact-sql
 * https://learn.microsoft.com/sql/t-sql/statements/drop-security-policy-transact-sql
 */
import type { SecurityPolicy, SecurityPredicate } from '../../model';
import { quoteQualified } from '../../sqlserver/literals';

/** DROP SECURITY POLICY [s].[p]: its predicates go with it. */
export function renderDropSecurityPolicy(p: SecurityPolicy): string[] {
  return [`DROP SECURITY POLICY ${quoteQualified(p.schema, p.name)};`];
}

/** `ADD FILTER PREDICATE [sec].[f]([tenant_id]) ON [dbo].[orders]` (`AFTER INSERT` for a BLOCK predicate on one operation). */
function predicateClause(x: SecurityPredicate): string {
  const operation = x.kind === 'BLOCK' && x.operation !== null ? ` ${x.operation}` : '';
  return `ADD ${x.kind} PREDICATE ${x.definition} ON ${quoteQualified(x.target.schema, x.target.name)}${operation}`;
}

/**
 * CREATE SECURITY POLICY with its STATE spelled out (ON when not given). SCHEMABINDING is ON when
 * not given ("By default, all functions must be created with SCHEMABINDING"), so it is written only
 * when OFF: `WITH (STATE = ON, SCHEMABINDING = OFF)`, a form the test grammar lacks (a listed gap).
 */
export function renderCreateSecurityPolicy(p: SecurityPolicy): string[] {
  if (p.predicates.length === 0) throw new Error(`schemac: security policy ${p.schema}.${p.name} has no predicate to re-create it with`);
  const lines = [
    `CREATE SECURITY POLICY ${quoteQualified(p.schema, p.name)}`,
    ...p.predicates.map((x, i) => `  ${predicateClause(x)}${i < p.predicates.length - 1 ? ',' : ''}`),
    `  WITH (STATE = ${p.enabled ? 'ON' : 'OFF'}${p.schemaBound ? '' : ', SCHEMABINDING = OFF'})${p.notForReplication ? '\n  NOT FOR REPLICATION' : ''};`,
  ];
  return [lines.join('\n')];
}
