/**
 * The security layer of the parser: CREATE/DROP USER and ROLE, ALTER ROLE, and GRANT, DENY and
 * REVOKE (security.ts; syntax from create-user-transact-sql, create-role-transact-sql,
 * alter-role-transact-sql, grant-transact-sql, deny-transact-sql, revoke-transact-sql).
 */
import type { StatementBody } from './ast';
import { DdlParser } from './parse-ddl';
import type { PermissionStatement, Securable } from './security';

/** Words that end a permission's name. */
const PERMISSION_END = new Set([',', '(', 'ON', 'TO', 'FROM', '']);

export class SecurityParser extends DdlParser {
  protected override create(): StatementBody {
    if (this.is('CREATE', 'USER')) {
      this.pos += 2;
      const name = this.principal();
      let withoutLogin = false;
      let login: string | undefined;
      if (this.accept('WITHOUT', 'LOGIN')) withoutLogin = true;
      else if (this.accept('FOR', 'LOGIN') || this.accept('FROM', 'LOGIN')) login = this.principal();
      let defaultSchema: string | undefined;
      if (this.accept('WITH')) {
        do {
          const option = this.up();
          this.pos++;
          this.expect('=');
          const value = this.ident();
          if (option === 'DEFAULT_SCHEMA') defaultSchema = value;
        } while (this.accept(','));
      }
      return { k: 'createPrincipal', kind: 'user', name, withoutLogin, ...(login !== undefined ? { login } : {}), ...(defaultSchema !== undefined ? { defaultSchema } : {}) };
    }
    if (this.is('CREATE', 'ROLE')) {
      this.pos += 2;
      const name = this.principal();
      const owner = this.accept('AUTHORIZATION') ? this.principal() : undefined;
      return { k: 'createPrincipal', kind: 'role', name, ...(owner !== undefined ? { owner } : {}) };
    }
    return super.create();
  }

  protected override drop(): StatementBody {
    for (const kind of ['USER', 'ROLE'] as const) {
      if (!this.is('DROP', kind)) continue;
      this.pos += 2;
      const ifExists = this.accept('IF', 'EXISTS');
      return { k: 'dropPrincipal', kind: kind === 'USER' ? 'user' : 'role', name: this.principal(), ifExists };
    }
    return super.drop();
  }

  protected override alter(): StatementBody {
    if (this.is('ALTER', 'ROLE')) {
      this.pos += 2;
      const role = this.principal();
      const op = this.accept('ADD', 'MEMBER') ? 'add' : (this.expect('DROP', 'MEMBER'), 'drop');
      return { k: 'alterRoleMember', role, op, member: this.principal() };
    }
    return super.alter();
  }

  /** GRANT | DENY | REVOKE ... (the statement's first word not yet read). */
  protected permissionStatement(): StatementBody {
    const verb = this.up() as PermissionStatement['verb'];
    this.pos++;
    const grantOptionOnly = verb === 'REVOKE' && this.accept('GRANT', 'OPTION', 'FOR');
    const permissions: { name: string; columns: string[] }[] = [];
    do {
      if (this.accept('ALL')) {
        this.accept('PRIVILEGES');
        permissions.push({ name: 'ALL', columns: this.columnList() });
        continue;
      }
      const words: string[] = [];
      while (!PERMISSION_END.has(this.up()) && this.peek().kind === 'word') { words.push(this.up()); this.pos++; }
      if (words.length === 0) this.fail();
      permissions.push({ name: words.join(' '), columns: this.columnList() });
    } while (this.accept(','));
    let on: Securable = { class: 'DATABASE' };
    if (this.accept('ON')) on = this.securable();
    if (verb === 'REVOKE') { if (!this.accept('FROM')) this.expect('TO'); } else this.expect('TO');
    const principals = [this.principal()];
    while (this.accept(',')) principals.push(this.principal());
    const withGrantOption = verb === 'GRANT' && this.accept('WITH', 'GRANT', 'OPTION');
    this.accept('CASCADE');
    const as = this.accept('AS') ? this.principal() : undefined;
    const statement: PermissionStatement = { verb, permissions, on, principals, withGrantOption, grantOptionOnly, ...(as !== undefined ? { as } : {}) };
    return { k: 'permission', statement };
  }

  /** [class ::] securable [(columns)]: OBJECT (the default), SCHEMA or DATABASE. */
  private securable(): Securable {
    if (this.peek(1).text === ':' && this.peek(2).text === ':') {
      const cls = this.up();
      this.pos += 3;
      if (cls === 'SCHEMA') return { class: 'SCHEMA', name: this.ident() };
      if (cls === 'DATABASE') { this.ident(); return { class: 'DATABASE' }; }
      if (cls !== 'OBJECT') this.fail();
    }
    const name = this.name();
    return { class: 'OBJECT', name, columns: this.columnList() };
  }

  /** An optional parenthesized column list. */
  private columnList(): string[] {
    if (!this.accept('(')) return [];
    const cols = [this.ident()];
    while (this.accept(',')) cols.push(this.ident());
    this.expect(')');
    return cols;
  }

  /** A principal's name: any word (public is a reserved word) or a quoted name. */
  private principal(): string {
    const t = this.peek();
    if (t.kind !== 'word' && t.kind !== 'qid') this.fail();
    this.pos++;
    return t.value;
  }
}
