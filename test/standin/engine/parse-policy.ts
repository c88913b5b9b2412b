/**
 * The parser layer for row-level security: CREATE, ALTER and DROP SECURITY POLICY
 * (create-security-policy-transact-sql, alter-security-policy-transact-sql,
 * drop-security-policy-transact-sql). The statements run in security-policies.ts.
 */
import type { PolicyAction, PredicateOperation, PredicateSpec, StatementBody } from './ast';
import { SecurityParser } from './parse-security';

export class PolicyParser extends SecurityParser {
  protected override create(): StatementBody {
    if (!this.is('CREATE', 'SECURITY', 'POLICY')) return super.create();
    this.pos += 3;
    const name = this.name();
    const predicates: PredicateSpec[] = [];
    do {
      this.expect('ADD');
      predicates.push(this.policyPredicate());
    } while (this.accept(','));
    const options = this.policyOptions();
    return { k: 'createSecurityPolicy', name, predicates, ...options, notForReplication: this.accept('NOT', 'FOR', 'REPLICATION') };
  }

  protected override alter(): StatementBody {
    if (!this.is('ALTER', 'SECURITY', 'POLICY')) return super.alter();
    this.pos += 3;
    const name = this.name();
    const actions: PolicyAction[] = [];
    if (this.is('ADD') || this.is('ALTER') || this.is('DROP')) {
      do {
        if (this.accept('ADD')) actions.push({ op: 'add', spec: this.policyPredicate() });
        else if (this.accept('ALTER')) actions.push({ op: 'alter', spec: this.policyPredicate() });
        else {
          this.expect('DROP');
          const kind = this.predicateKind();
          this.expect('PREDICATE', 'ON');
          actions.push({ op: 'drop', kind, target: this.name(), operation: this.operation() });
        }
      } while (this.accept(','));
    }
    const options = this.policyOptions();
    if (options.schemaBinding !== undefined) this.fail(); // ALTER takes WITH (STATE = ...) only
    return { k: 'alterSecurityPolicy', name, actions, ...(options.state !== undefined ? { state: options.state } : {}), notForReplication: this.accept('NOT', 'FOR', 'REPLICATION') };
  }

  protected override drop(): StatementBody {
    if (!this.is('DROP', 'SECURITY', 'POLICY')) return super.drop();
    this.pos += 3;
    const ifExists = this.accept('IF', 'EXISTS');
    return { k: 'dropSecurityPolicy', name: this.name(), ifExists };
  }

  private predicateKind(): 'FILTER' | 'BLOCK' {
    if (this.accept('FILTER')) return 'FILTER';
    this.expect('BLOCK');
    return 'BLOCK';
  }

  /** `FILTER | BLOCK PREDICATE fn(arg, ...) ON table [operation]` (ADD / ALTER already read). */
  private policyPredicate(): PredicateSpec {
    const kind = this.predicateKind();
    this.expect('PREDICATE');
    const fn = this.name();
    this.expect('(');
    const args: { expr: PredicateSpec['args'][number]['expr']; text: string }[] = [];
    if (!this.accept(')')) {
      do {
        const start = this.peek();
        const expr = this.expr();
        args.push({ expr, text: this.textFrom(start) });
      } while (this.accept(','));
      this.expect(')');
    }
    this.expect('ON');
    return { kind, fn, args, target: this.name(), operation: this.operation() };
  }

  private operation(): PredicateOperation | null {
    for (const op of ['AFTER INSERT', 'AFTER UPDATE', 'BEFORE UPDATE', 'BEFORE DELETE'] as const) {
      if (this.accept(...op.split(' '))) return op;
    }
    return null;
  }

  /** `WITH ( STATE = ON | OFF [,] [ SCHEMABINDING = ON | OFF ] )`, either option alone too. */
  private policyOptions(): { state?: boolean; schemaBinding?: boolean } {
    if (!this.accept('WITH', '(')) return {};
    const out: { state?: boolean; schemaBinding?: boolean } = {};
    do {
      const option = this.up();
      if (option !== 'STATE' && option !== 'SCHEMABINDING') this.fail();
      this.pos++;
      this.expect('=');
      const value = this.up();
      if (value !== 'ON' && value !== 'OFF') this.fail();
      this.pos++;
      if (option === 'STATE') out.state = value === 'ON'; else out.schemaBinding = value === 'ON';
      this.accept(',');
    } while (this.up() !== ')');
    this.expect(')');
    return out;
  }
}
