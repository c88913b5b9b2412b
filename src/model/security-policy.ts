/**
 * Row-level security policies (CREATE SECURITY POLICY; sys.security_policies and
 * sys.security_predicates, SQL Server 2016+ and Azure SQL). Catalog only, like DependentModule:
 * schemac never declares, diffs or drops them; it reads them so that a step in their way is
 * planned around them (differ/security-policies.ts), and re-creates one exactly from what it read.
 * https://learn.microsoft.com/sql/t-sql/statements/create-security-policy-transact-sql
 * https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-security-predicates-transact-sql
 */

/** sys.security_predicates.operation_desc of a BLOCK predicate; null: every applicable operation. */
export type PredicateOperation = 'AFTER INSERT' | 'AFTER UPDATE' | 'BEFORE UPDATE' | 'BEFORE DELETE';

/** One ADD FILTER | BLOCK PREDICATE of a policy. */
export interface SecurityPredicate {
  /** sys.security_predicates.predicate_type_desc. */
  readonly kind: 'FILTER' | 'BLOCK';
  /** A BLOCK predicate's operation; null for FILTER, and for a BLOCK predicate on every operation. */
  readonly operation: PredicateOperation | null;
  /** The table (or view) the predicate is bound to (target_object_id). */
  readonly target: { readonly schema: string; readonly name: string };
  /** predicate_definition as stored: `[sec].[tenant_predicate]([tenant_id])`. */
  readonly definition: string;
  /** The predicate function the definition calls; null when its name cannot be read. */
  readonly function: { readonly schema: string; readonly name: string } | null;
  /**
   * The target's columns the definition passes to the function (inferred from its text: the
   * identifiers of the argument list that name a column of the target), sorted.
   */
  readonly columns: readonly string[];
}

/** A security policy and its predicates, in security_predicate_id order (the order they were added). */
export interface SecurityPolicy {
  readonly schema: string;
  readonly name: string;
  /** sys.security_policies.is_enabled: WITH (STATE = ON). */
  readonly enabled: boolean;
  /** is_schema_bound: WITH (SCHEMABINDING = ON), the default; it binds its targets' columns and its functions. */
  readonly schemaBound: boolean;
  /** is_not_for_replication: NOT FOR REPLICATION. */
  readonly notForReplication: boolean;
  readonly predicates: readonly SecurityPredicate[];
}
