/**
 * Statement parser: a recursive-descent reader over the grammar lexer's tokens (grammar.ts),
 * building the engine's tree (ast.ts). The grammar itself has already accepted the batch.
 */
import type { AlterAction, ColumnDef, ConstraintDef, Expr, FromItem, IndexDef, Name, OrderItem, RefAction, Select, SelectItem, Statement, StatementBody, TypeRef } from './ast';
import type { Token } from './grammar';
import { SqlError } from './errors';

const RESERVED = new Set(('SELECT FROM WHERE GROUP ORDER HAVING UNION JOIN INNER LEFT RIGHT FULL CROSS OUTER ON AND OR NOT IS IN LIKE BETWEEN AS CASE WHEN THEN ELSE END INSERT UPDATE DELETE CREATE ALTER DROP EXEC EXECUTE DECLARE SET IF BEGIN PRINT RAISERROR THROW COMMIT ROLLBACK USE RETURN WITH VALUES INTO NULL DISTINCT TOP EXISTS FOR ADD CONSTRAINT PRIMARY FOREIGN REFERENCES CHECK DEFAULT UNIQUE KEY TABLE INDEX BY WHILE SAVE OPTION APPLY COLLATE ESCAPE EXCEPT INTERSECT GO').split(' '));

/** Parses a batch's tokens into statements. */
export function parseBatch(sql: string, tokens: readonly Token[]): Statement[] {
  return new Parser(sql, tokens).batch();
}

/** Parses one standalone expression (used for stored definitions). */
export function parseExpression(sql: string, tokens: readonly Token[]): Expr {
  const p = new Parser(sql, tokens);
  return p.expr();
}

class Parser {
  private pos = 0;
  constructor(private readonly sql: string, private readonly toks: readonly Token[]) {}

  // ---- token helpers
  private peek(n = 0): Token { return this.toks[Math.min(this.pos + n, this.toks.length - 1)]; }
  private up(n = 0): string { const t = this.peek(n); return t.kind === 'word' || t.kind === 'op' ? t.upper : ''; }
  private is(...words: string[]): boolean { return words.every((w, i) => this.up(i) === w); }
  private accept(...words: string[]): boolean { if (this.is(...words)) { this.pos += words.length; return true; } return false; }
  private next(): Token { const t = this.peek(); this.pos++; return t; }
  private fail(): never {
    const t = this.peek();
    const prev = this.toks[this.pos - 1];
    throw new SqlError(102, 15, 1, `Incorrect syntax near '${t.kind === 'eof' ? prev?.text ?? '' : t.text}'.`);
  }
  private expect(...words: string[]): void { if (!this.accept(...words)) this.fail(); }
  private isIdent(n = 0): boolean { const t = this.peek(n); return t.kind === 'qid' || (t.kind === 'word' && !RESERVED.has(t.upper)); }
  private ident(): string {
    const t = this.peek();
    if (t.kind === 'qid' || t.kind === 'word') { this.pos++; return t.value; }
    return this.fail();
  }
  private name(): Name {
    const parts = [this.ident()];
    while (this.up() === '.') { this.pos++; parts.push(this.ident()); }
    return parts;
  }
  private textFrom(startTok: Token): string {
    const end = this.toks[this.pos - 1];
    return this.sql.slice(startTok.start, end.stop + 1);
  }
  private int(): number {
    let sign = 1;
    if (this.accept('-')) sign = -1;
    else this.accept('+');
    const t = this.next();
    if (t.kind !== 'number') this.fail();
    return sign * Number(t.text);
  }

  // ---- statements
  batch(): Statement[] {
    const out: Statement[] = [];
    while (this.peek().kind !== 'eof') {
      if (this.accept(';')) continue;
      out.push(this.statement());
    }
    return out;
  }

  private statement(): Statement {
    const first = this.peek();
    const body = this.statementBody();
    this.accept(';');
    return { ...body, line: first.line, text: this.textFrom(first) } as Statement;
  }

  private statementBody(): StatementBody {
    const w = this.up();
    switch (w) {
      case 'SELECT': return this.select();
      case '(': return this.select();
      case 'INSERT': return this.insert();
      case 'UPDATE': return this.update();
      case 'DELETE': return this.delete();
      case 'CREATE': return this.create();
      case 'DROP': return this.drop();
      case 'ALTER': return this.alter();
      case 'EXEC': case 'EXECUTE': return this.exec();
      case 'DECLARE': return this.declare();
      case 'SET': return this.set();
      case 'IF': {
        this.pos++;
        const cond = this.expr();
        const then = this.statement();
        const els = this.accept('ELSE') ? this.statement() : undefined;
        return { k: 'if', cond, then, els };
      }
      case 'BEGIN': return this.begin();
      case 'PRINT': this.pos++; return { k: 'print', expr: this.expr() };
      case 'RAISERROR': {
        this.pos++; this.expect('(');
        const msg = this.expr(); this.expect(','); const severity = this.expr(); this.expect(','); const state = this.expr();
        while (this.accept(',')) this.expr();
        this.expect(')');
        if (this.accept('WITH')) { this.ident(); while (this.accept(',')) this.ident(); }
        return { k: 'raiserror', msg, severity, state };
      }
      case 'THROW': {
        this.pos++;
        if (this.peek().kind === 'eof' || this.up() === ';' || this.up() === 'END') return { k: 'throw' };
        const number = this.expr(); this.expect(','); const msg = this.expr(); this.expect(','); const state = this.expr();
        return { k: 'throw', number, msg, state };
      }
      case 'COMMIT': case 'ROLLBACK': case 'SAVE': {
        this.pos++;
        const op = w === 'COMMIT' ? 'commit' : w === 'ROLLBACK' ? 'rollback' : 'save';
        this.accept('TRAN') || this.accept('TRANSACTION') || this.accept('WORK');
        const name = this.isIdent() || this.peek().kind === 'var' ? this.next().value : undefined;
        return { k: 'tran', op, name };
      }
      case 'USE': this.pos++; return { k: 'use', db: this.ident() };
      case 'RETURN': this.pos++; return { k: 'return' };
      case 'WITH': return this.fail();
      default: return this.fail();
    }
  }

  private begin(): StatementBody {
    this.pos++;
    if (this.accept('TRAN') || this.accept('TRANSACTION')) {
      const name = this.isIdent() || this.peek().kind === 'var' ? this.next().value : undefined;
      return { k: 'tran', op: 'begin', name };
    }
    if (this.accept('TRY')) {
      const body = this.until('END', 'TRY');
      this.expect('END', 'TRY'); this.expect('BEGIN', 'CATCH');
      const handler = this.until('END', 'CATCH');
      this.expect('END', 'CATCH');
      return { k: 'tryCatch', body, handler };
    }
    const body = this.until('END');
    this.expect('END');
    return { k: 'block', body };
  }

  private until(...words: string[]): Statement[] {
    const out: Statement[] = [];
    while (!this.is(...words)) {
      if (this.peek().kind === 'eof') this.fail();
      if (this.accept(';')) continue;
      out.push(this.statement());
    }
    return out;
  }

  private insert(): StatementBody {
    this.expect('INSERT'); this.accept('INTO');
    const table = this.name();
    let columns: string[] | undefined;
    if (this.up() === '(' ) { this.pos++; columns = [this.ident()]; while (this.accept(',')) columns.push(this.ident()); this.expect(')'); }
    if (this.accept('DEFAULT', 'VALUES')) return { k: 'insert', table, columns, values: [[]] };
    if (this.accept('VALUES')) {
      const values: Expr[][] = [];
      do { this.expect('('); const row = [this.expr()]; while (this.accept(',')) row.push(this.expr()); this.expect(')'); values.push(row); } while (this.accept(','));
      return { k: 'insert', table, columns, values };
    }
    return { k: 'insert', table, columns, select: this.select() };
  }

  private update(): StatementBody {
    this.expect('UPDATE');
    const table = this.name();
    this.expect('SET');
    const sets: { col: string; expr: Expr }[] = [];
    do { const n = this.name(); this.expect('='); sets.push({ col: n[n.length - 1], expr: this.expr() }); } while (this.accept(','));
    const where = this.accept('WHERE') ? this.expr() : undefined;
    return { k: 'update', table, sets, where };
  }

  private delete(): StatementBody {
    this.expect('DELETE'); this.accept('FROM');
    const table = this.name();
    const where = this.accept('WHERE') ? this.expr() : undefined;
    return { k: 'delete', table, where };
  }

  private create(): StatementBody {
    this.expect('CREATE');
    if (this.accept('SCHEMA')) {
      const name = this.ident();
      if (this.accept('AUTHORIZATION')) this.ident();
      return { k: 'createSchema', name };
    }
    if (this.accept('TABLE')) return this.createTable();
    const unique = this.accept('UNIQUE');
    let clustered = false;
    if (this.accept('CLUSTERED')) clustered = true; else this.accept('NONCLUSTERED');
    this.expect('INDEX');
    return { k: 'createIndex', index: this.indexBody(unique, clustered) };
  }

  private indexBody(unique: boolean, clustered: boolean): IndexDef {
    const name = this.ident();
    this.expect('ON');
    const table = this.name();
    const columns = this.keyList();
    let include: string[] = [];
    if (this.accept('INCLUDE')) { this.expect('('); include = [this.ident()]; while (this.accept(',')) include.push(this.ident()); this.expect(')'); }
    let filter: IndexDef['filter'];
    if (this.accept('WHERE')) { const s = this.peek(); const expr = this.expr(); filter = { text: this.textFrom(s), expr }; }
    this.skipWithAndOn();
    return { name, table, unique, clustered, columns, include, filter };
  }

  private skipWithAndOn(): void {
    if (this.is('WITH', '(')) { this.pos++; this.skipParens(); }
    if (this.accept('ON')) { this.ident(); if (this.accept('(')) { this.ident(); this.expect(')'); } }
  }

  private skipParens(): void {
    this.expect('(');
    let depth = 1;
    while (depth > 0) { const t = this.next(); if (t.kind === 'eof') this.fail(); if (t.text === '(') depth++; if (t.text === ')') depth--; }
  }

  private keyList(): { name: string; desc: boolean }[] {
    this.expect('(');
    const out: { name: string; desc: boolean }[] = [];
    do { const name = this.ident(); const desc = this.accept('DESC'); if (!desc) this.accept('ASC'); out.push({ name, desc }); } while (this.accept(','));
    this.expect(')');
    return out;
  }

  private createTable(): StatementBody {
    const name = this.name();
    this.expect('(');
    const columns: ColumnDef[] = [];
    const constraints: ConstraintDef[] = [];
    do {
      if (this.up() === ')') break;
      if (this.isConstraintStart()) constraints.push(this.tableConstraint());
      else if (this.is('INDEX')) this.fail();
      else columns.push(this.columnDef(false));
    } while (this.accept(','));
    this.expect(')');
    this.skipWithAndOn();
    if (this.accept('TEXTIMAGE_ON')) this.ident();
    return { k: 'createTable', name, columns, constraints };
  }

  private isConstraintStart(): boolean {
    return ['CONSTRAINT', 'PRIMARY', 'UNIQUE', 'CHECK', 'FOREIGN', 'DEFAULT'].includes(this.up());
  }

  private tableConstraint(): ConstraintDef {
    const name = this.accept('CONSTRAINT') ? this.ident() : undefined;
    if (this.accept('PRIMARY', 'KEY') || this.is('UNIQUE')) {
      const k = this.toks[this.pos - 1].upper === 'KEY' ? 'pk' : (this.pos++, 'unique');
      const clustered = this.accept('CLUSTERED') ? true : this.accept('NONCLUSTERED') ? false : undefined;
      const columns = this.keyList();
      this.skipWithAndOn();
      return { k, name, clustered, columns } as ConstraintDef;
    }
    if (this.accept('CHECK')) {
      this.accept('NOT', 'FOR', 'REPLICATION');
      return this.checkBody(name);
    }
    if (this.accept('DEFAULT')) {
      const s = this.peek(); const expr = this.expr(); const text = this.textFrom(s);
      this.expect('FOR');
      return { k: 'default', name, text, expr, forColumn: this.ident() };
    }
    this.expect('FOREIGN', 'KEY');
    this.expect('(');
    const columns = [this.ident()]; while (this.accept(',')) columns.push(this.ident());
    this.expect(')');
    return this.references(name, columns);
  }

  private checkBody(name: string | undefined): ConstraintDef {
    this.expect('(');
    const s = this.peek(); const expr = this.expr(); const text = this.textFrom(s);
    this.expect(')');
    return { k: 'check', name, text, expr };
  }

  private references(name: string | undefined, columns: string[]): ConstraintDef {
    this.expect('REFERENCES');
    const refTable = this.name();
    let refColumns: string[] = [];
    if (this.accept('(')) { refColumns = [this.ident()]; while (this.accept(',')) refColumns.push(this.ident()); this.expect(')'); }
    let onDelete: RefAction = 'NO_ACTION';
    let onUpdate: RefAction = 'NO_ACTION';
    for (;;) {
      if (this.accept('ON', 'DELETE')) onDelete = this.refAction();
      else if (this.accept('ON', 'UPDATE')) onUpdate = this.refAction();
      else if (this.accept('NOT', 'FOR', 'REPLICATION')) continue;
      else break;
    }
    return { k: 'fk', name, columns, refTable, refColumns, onDelete, onUpdate };
  }

  private refAction(): RefAction {
    if (this.accept('NO', 'ACTION')) return 'NO_ACTION';
    if (this.accept('CASCADE')) return 'CASCADE';
    if (this.accept('SET', 'NULL')) return 'SET_NULL';
    this.expect('SET', 'DEFAULT');
    return 'SET_DEFAULT';
  }

  private columnDef(alter: boolean): ColumnDef {
    const name = this.ident();
    let type: TypeRef | undefined;
    let computed: ColumnDef['computed'];
    if (!alter && this.accept('AS')) {
      const s = this.peek(); const expr = this.expr(); const text = this.textFrom(s);
      const persisted = this.accept('PERSISTED');
      computed = { text, expr, persisted };
    } else type = this.type();
    let nullable: boolean | undefined;
    let identity: ColumnDef['identity'];
    let collation: string | undefined;
    const constraints: ConstraintDef[] = [];
    for (;;) {
      if (this.accept('NOT', 'NULL')) nullable = false;
      else if (this.accept('NULL')) nullable = true;
      else if (this.accept('IDENTITY')) {
        identity = { seed: 1, increment: 1 };
        if (this.accept('(')) { const seed = this.int(); this.expect(','); identity = { seed, increment: this.int() }; this.expect(')'); }
      } else if (this.accept('COLLATE')) collation = this.ident();
      else if (this.accept('ROWGUIDCOL') || this.accept('SPARSE') || this.accept('PERSISTED')) continue;
      else if (!alter && ['CONSTRAINT', 'PRIMARY', 'UNIQUE', 'CHECK', 'FOREIGN', 'DEFAULT', 'REFERENCES'].includes(this.up())) {
        const cname = this.accept('CONSTRAINT') ? this.ident() : undefined;
        if (this.accept('NOT', 'NULL')) { nullable = false; continue; } // names the NOT NULL (flxsql gotcha)
        if (this.accept('NULL')) { nullable = true; continue; }
        if (this.accept('DEFAULT')) {
          const s = this.peek(); const expr = this.expr();
          constraints.push({ k: 'default', name: cname, text: this.textFrom(s), expr });
          this.accept('WITH', 'VALUES');
        } else if (this.accept('CHECK')) { this.accept('NOT', 'FOR', 'REPLICATION'); constraints.push(this.checkBody(cname)); }
        else if (this.accept('PRIMARY', 'KEY') || this.accept('UNIQUE')) {
          const k = this.toks[this.pos - 1].upper === 'KEY' ? 'pk' : 'unique';
          const clustered = this.accept('CLUSTERED') ? true : this.accept('NONCLUSTERED') ? false : undefined;
          this.skipWithAndOn();
          constraints.push({ k, name: cname, clustered, columns: [{ name, desc: false }] });
        } else { this.accept('FOREIGN', 'KEY'); constraints.push(this.references(cname, [name])); }
      } else break;
    }
    return { name, type, computed, nullable, identity, collation, constraints };
  }

  private type(): TypeRef {
    let name = this.ident().toLowerCase();
    if (this.up() === '.') { this.pos++; name = this.ident().toLowerCase(); }
    if (name === 'double' && this.accept('PRECISION')) name = 'float';
    const args: (number | 'max')[] = [];
    if (this.accept('(')) {
      do { if (this.accept('MAX')) args.push('max'); else args.push(this.int()); } while (this.accept(','));
      this.expect(')');
    }
    return { name, args };
  }

  private drop(): StatementBody {
    this.expect('DROP');
    if (this.accept('TABLE')) {
      const ifExists = this.accept('IF', 'EXISTS');
      const names = [this.name()]; while (this.accept(',')) names.push(this.name());
      return { k: 'dropTable', names, ifExists };
    }
    if (this.accept('INDEX')) {
      const ifExists = this.accept('IF', 'EXISTS');
      const items: { index: string; table: Name }[] = [];
      do {
        const n = this.name();
        if (this.accept('ON')) items.push({ index: n[n.length - 1], table: this.name() });
        else items.push({ index: n[n.length - 1], table: n.slice(0, -1) });
      } while (this.accept(','));
      return { k: 'dropIndex', items, ifExists };
    }
    this.expect('SCHEMA');
    const ifExists = this.accept('IF', 'EXISTS');
    return { k: 'dropSchema', name: this.ident(), ifExists };
  }

  private alter(): StatementBody {
    this.expect('ALTER', 'TABLE');
    const name = this.name();
    let check: boolean | undefined;
    if (this.accept('WITH', 'CHECK')) check = true;
    else if (this.accept('WITH', 'NOCHECK')) check = false;
    let action: AlterAction;
    if ((this.is('CHECK') || this.is('NOCHECK')) && this.up(1) === 'CONSTRAINT') {
      const enable = this.next().upper === 'CHECK';
      this.pos++;
      let names: string[] | 'ALL';
      if (this.accept('ALL')) names = 'ALL';
      else { names = [this.ident()]; while (this.accept(',')) (names as string[]).push(this.ident()); }
      action = { k: 'checkConstraints', enable, withCheck: check, names };
    } else if (this.accept('ADD')) {
      if (this.isConstraintStart()) {
        const constraints = [this.tableConstraint()];
        while (this.accept(',')) constraints.push(this.tableConstraint());
        action = { k: 'addConstraints', constraints, check };
      } else {
        const columns = [this.columnDef(false)];
        while (this.accept(',')) columns.push(this.columnDef(false));
        action = { k: 'addColumns', columns };
      }
    } else if (this.accept('DROP')) {
      if (this.accept('COLUMN')) {
        const ifExists = this.accept('IF', 'EXISTS');
        const names = [this.ident()]; while (this.accept(',')) { this.accept('COLUMN'); names.push(this.ident()); }
        action = { k: 'dropColumns', names, ifExists };
      } else {
        this.accept('CONSTRAINT');
        const ifExists = this.accept('IF', 'EXISTS');
        const names = [this.ident()]; while (this.accept(',')) { this.accept('CONSTRAINT'); names.push(this.ident()); }
        action = { k: 'dropConstraints', names, ifExists };
      }
    } else {
      this.expect('ALTER', 'COLUMN');
      action = { k: 'alterColumn', column: this.columnDef(true) };
    }
    return { k: 'alterTable', name, action };
  }

  private exec(): StatementBody {
    this.pos++;
    if (this.accept('(')) {
      const dynamic = this.expr();
      this.expect(')');
      return { k: 'exec', dynamic, args: [] };
    }
    if (this.peek().kind === 'var' && this.up(1) === '=') { this.pos += 2; }
    const proc = this.name();
    const args: { name?: string; expr: Expr }[] = [];
    if (this.peek().kind !== 'eof' && this.up() !== ';' && !this.isStatementStart()) {
      do {
        let name: string | undefined;
        if (this.peek().kind === 'var' && this.up(1) === '=') { name = this.next().value; this.pos++; }
        const expr = this.expr();
        this.accept('OUTPUT') || this.accept('OUT');
        args.push({ name, expr });
      } while (this.accept(','));
    }
    return { k: 'exec', proc, args };
  }

  private isStatementStart(): boolean {
    return ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'CREATE', 'DROP', 'ALTER', 'EXEC', 'EXECUTE', 'DECLARE', 'SET', 'IF', 'BEGIN', 'PRINT', 'END', 'ELSE', 'COMMIT', 'ROLLBACK', 'RAISERROR', 'THROW', 'USE', 'RETURN'].includes(this.up());
  }

  private declare(): StatementBody {
    this.expect('DECLARE');
    const vars: { name: string; type: TypeRef; init?: Expr }[] = [];
    do {
      const t = this.next();
      if (t.kind !== 'var') this.fail();
      this.accept('AS');
      const type = this.type();
      const init = this.accept('=') ? this.expr() : undefined;
      vars.push({ name: t.value, type, init });
    } while (this.accept(','));
    return { k: 'declare', vars };
  }

  private set(): StatementBody {
    this.expect('SET');
    if (this.peek().kind === 'var') {
      const name = this.next().value;
      const op = this.next().text;
      let expr = this.expr();
      if (op.length === 2 && op[1] === '=') expr = { k: 'bin', op: op[0], l: { k: 'var', name }, r: expr };
      else if (op !== '=') this.fail();
      return { k: 'setVar', name, expr };
    }
    const options: string[] = [];
    do {
      const parts: string[] = [];
      while (this.peek().kind === 'word' && !['ON', 'OFF'].includes(this.up()) && !(parts.length > 0 && this.isStatementStart())) parts.push(this.next().upper);
      options.push(parts.join(' '));
    } while (this.accept(','));
    const v = this.peek();
    if (v.kind === 'word' && (v.upper === 'ON' || v.upper === 'OFF')) { this.pos++; return { k: 'setOption', options, value: v.upper }; }
    if (v.kind === 'number' || v.kind === 'string' || v.kind === 'var') { this.pos++; return { k: 'setOption', options, value: v.value }; }
    if (this.up() === '-' && this.peek(1).kind === 'number') { this.pos += 2; return { k: 'setOption', options, value: '-' + this.toks[this.pos - 1].text }; }
    return { k: 'setOption', options, value: '' };
  }

  // ---- SELECT
  select(): Select {
    if (this.accept('(')) { const s = this.select(); this.expect(')'); return s; }
    this.expect('SELECT');
    const distinct = this.accept('DISTINCT');
    this.accept('ALL');
    let top: Expr | undefined;
    if (this.accept('TOP')) {
      if (this.accept('(')) { top = this.expr(); this.expect(')'); } else top = this.primary();
      this.accept('PERCENT');
    }
    const items: SelectItem[] = [];
    do items.push(this.selectItem()); while (this.accept(','));
    const from: FromItem[] = [];
    if (this.accept('FROM')) { do from.push(this.fromItem()); while (this.accept(',')); }
    const where = this.accept('WHERE') ? this.expr() : undefined;
    const groupBy: Expr[] = [];
    if (this.accept('GROUP', 'BY')) { do groupBy.push(this.expr()); while (this.accept(',')); }
    const having = this.accept('HAVING') ? this.expr() : undefined;
    let union: Select['union'];
    if (this.accept('UNION')) { const all = this.accept('ALL'); union = { all, next: this.select() }; }
    const orderBy: OrderItem[] = [];
    if (this.accept('ORDER', 'BY')) {
      do { const expr = this.expr(); const desc = this.accept('DESC'); if (!desc) this.accept('ASC'); orderBy.push({ expr, desc }); } while (this.accept(','));
    }
    if (this.accept('OPTION')) this.skipParens();
    if (this.accept('FOR')) { while (this.peek().kind === 'word' && !this.isStatementStart()) this.pos++; }
    return { k: 'select', distinct, top, items, from, where, groupBy, having, orderBy, union };
  }

  private selectItem(): SelectItem {
    if (this.up() === '*') { this.pos++; return { expr: { k: 'star' } }; }
    if (this.isIdent() && this.up(1) === '.' && this.up(2) === '*') { const q = this.ident(); this.pos += 2; return { expr: { k: 'star', qual: q } }; }
    if (this.peek().kind === 'var' && this.up(1) === '=') { const assign = this.next().value; this.pos++; return { expr: this.expr(), assign }; }
    if ((this.isIdent() || this.peek().kind === 'string') && this.up(1) === '=') { const alias = this.next().value; this.pos++; return { expr: this.expr(), alias }; }
    const expr = this.expr();
    let alias: string | undefined;
    if (this.accept('AS')) alias = this.next().value;
    else if (this.isIdent() || this.peek().kind === 'string') alias = this.next().value;
    return { expr, alias };
  }

  private fromItem(): FromItem {
    let left = this.fromPrimary();
    for (;;) {
      let type: 'INNER' | 'LEFT' | 'RIGHT' | 'FULL' | 'CROSS' | undefined;
      if (this.accept('JOIN') || this.accept('INNER', 'JOIN')) type = 'INNER';
      else if (this.accept('LEFT', 'JOIN') || this.accept('LEFT', 'OUTER', 'JOIN')) type = 'LEFT';
      else if (this.accept('RIGHT', 'JOIN') || this.accept('RIGHT', 'OUTER', 'JOIN')) type = 'RIGHT';
      else if (this.accept('FULL', 'JOIN') || this.accept('FULL', 'OUTER', 'JOIN')) type = 'FULL';
      else if (this.accept('CROSS', 'JOIN')) type = 'CROSS';
      if (!type) return left;
      const right = this.fromPrimary();
      const on = type === 'CROSS' ? undefined : (this.expect('ON'), this.expr());
      left = { k: 'join', type, l: left, r: right, on };
    }
  }

  private fromPrimary(): FromItem {
    if (this.up() === '(') {
      if (this.up(1) === 'SELECT') {
        this.pos++; const sub = this.select(); this.expect(')');
        this.accept('AS');
        return { k: 'derived', sub, alias: this.ident() };
      }
      this.pos++; const inner = this.fromItem(); this.expect(')'); return inner;
    }
    const name = this.name();
    let alias: string | undefined;
    if (this.accept('AS')) alias = this.ident();
    else if (this.isIdent()) alias = this.ident();
    if (this.is('WITH', '(')) { this.pos++; this.skipParens(); }
    return { k: 'table', name, alias };
  }

  // ---- expressions
  expr(): Expr { return this.or(); }
  private or(): Expr { let l = this.and(); while (this.accept('OR')) l = { k: 'bin', op: 'OR', l, r: this.and() }; return l; }
  private and(): Expr { let l = this.not(); while (this.accept('AND')) l = { k: 'bin', op: 'AND', l, r: this.not() }; return l; }
  private not(): Expr { if (this.accept('NOT')) return { k: 'un', op: 'NOT', e: this.not() }; return this.predicate(); }

  private compOp(): string | null {
    const a = this.peek(); const b = this.peek(1);
    const two = b.start === a.stop + 1 && ['<', '>', '!'].includes(a.text) && ['=', '>', '<'].includes(b.text) ? a.text + b.text : null;
    if (two && ['<=', '>=', '<>', '!=', '!<', '!>'].includes(two)) { this.pos += 2; return two; }
    if (['=', '<', '>', '<=', '>=', '<>', '!=', '!<', '!>'].includes(a.text) && a.kind === 'op') { this.pos++; return a.text; }
    return null;
  }

  private predicate(): Expr {
    if (this.accept('EXISTS')) { this.expect('('); const sub = this.select(); this.expect(')'); return { k: 'exists', sub }; }
    const e = this.additive();
    const op = this.compOp();
    if (op) return { k: 'bin', op: op === '!=' ? '<>' : op, l: e, r: this.additive() };
    if (this.accept('IS')) { const not = this.accept('NOT'); this.expect('NULL'); return { k: 'isnull', e, not }; }
    const not = this.accept('NOT');
    if (this.accept('IN')) {
      this.expect('(');
      if (this.up() === 'SELECT') { const sub = this.select(); this.expect(')'); return { k: 'in', e, sub, not }; }
      const list = [this.expr()]; while (this.accept(',')) list.push(this.expr());
      this.expect(')');
      return { k: 'in', e, list, not };
    }
    if (this.accept('LIKE')) { const pat = this.additive(); if (this.accept('ESCAPE')) this.additive(); return { k: 'like', e, pat, not }; }
    if (this.accept('BETWEEN')) { const lo = this.additive(); this.expect('AND'); return { k: 'between', e, lo, hi: this.additive(), not }; }
    if (not) this.fail();
    return e;
  }

  private additive(): Expr {
    let l = this.multiplicative();
    while (['+', '-', '&', '|', '^'].includes(this.up())) { const op = this.next().text; l = { k: 'bin', op, l, r: this.multiplicative() }; }
    return l;
  }
  private multiplicative(): Expr {
    let l = this.unary();
    while (['*', '/', '%'].includes(this.up())) { const op = this.next().text; l = { k: 'bin', op, l, r: this.unary() }; }
    return l;
  }
  private unary(): Expr {
    if (this.up() === '-' || this.up() === '+' || this.up() === '~') { const op = this.next().text as '-' | '+' | '~'; return { k: 'un', op, e: this.unary() }; }
    return this.primary();
  }

  primary(): Expr {
    const t = this.peek();
    if (t.kind === 'number') {
      this.pos++;
      const lt = /e/i.test(t.text) ? 'float' : t.text.includes('.') ? 'dec' : 'int';
      return { k: 'lit', v: Number(t.text), lt, text: t.text };
    }
    if (t.kind === 'string') { this.pos++; return { k: 'lit', v: t.value, lt: t.national ? 'nstr' : 'str', text: t.text }; }
    if (t.kind === 'binary') { this.pos++; return { k: 'lit', v: Buffer.from(t.text.slice(2), 'hex'), lt: 'bin', text: t.text }; }
    if (t.kind === 'var') { this.pos++; return { k: 'var', name: t.value }; }
    if (this.accept('NULL')) return { k: 'lit', v: null, lt: 'null', text: 'NULL' };
    if (this.up() === '(') {
      this.pos++;
      if (this.up() === 'SELECT') { const sub = this.select(); this.expect(')'); return { k: 'subq', sub }; }
      const e = this.expr(); this.expect(')'); return e;
    }
    if (this.accept('CASE')) {
      const operand = this.up() === 'WHEN' ? undefined : this.expr();
      const whens: [Expr, Expr][] = [];
      while (this.accept('WHEN')) { const c = this.expr(); this.expect('THEN'); whens.push([c, this.expr()]); }
      const els = this.accept('ELSE') ? this.expr() : undefined;
      this.expect('END');
      return { k: 'case', operand, whens, els };
    }
    if ((this.is('CAST', '(') || this.is('TRY_CAST', '('))) {
      const tr = this.next().upper === 'TRY_CAST'; this.pos++;
      const e = this.expr(); this.expect('AS'); const type = this.type(); this.expect(')');
      return { k: 'cast', e, type, try: tr };
    }
    if (this.is('CONVERT', '(') || this.is('TRY_CONVERT', '(')) {
      const tr = this.next().upper === 'TRY_CONVERT'; this.pos++;
      const type = this.type(); this.expect(','); const e = this.expr();
      const style = this.accept(',') ? this.expr() : undefined;
      this.expect(')');
      return { k: 'cast', e, type, style, try: tr };
    }
    if ((t.kind === 'word' || t.kind === 'qid') && (this.up(1) === '(' ) && t.kind === 'word') {
      this.pos += 2;
      const name = t.upper;
      if (this.accept(')')) return { k: 'fn', name, args: [], star: false, distinct: false };
      if (this.up() === '*') { this.pos++; this.expect(')'); return { k: 'fn', name, args: [], star: true, distinct: false }; }
      const distinct = this.accept('DISTINCT');
      const args = [this.expr()]; while (this.accept(',')) args.push(this.expr());
      this.expect(')');
      if (this.accept('OVER')) this.skipParens();
      return { k: 'fn', name, args, star: false, distinct };
    }
    if (t.kind === 'word' && ['CURRENT_TIMESTAMP', 'CURRENT_USER', 'SYSTEM_USER', 'SESSION_USER', 'USER'].includes(t.upper) && this.up(1) !== '.') {
      this.pos++; return { k: 'fn', name: t.upper, args: [], star: false, distinct: false };
    }
    if (t.kind === 'qid' || (t.kind === 'word' && !RESERVED.has(t.upper))) {
      const parts = [this.ident()];
      while (this.up() === '.' && this.up(1) !== '*') { this.pos++; parts.push(this.ident()); }
      if (this.up() === '(' && parts.length > 1) {
        // schema-qualified function call, e.g. dbo.f(x)
        this.pos++; const args: Expr[] = []; if (!this.accept(')')) { do args.push(this.expr()); while (this.accept(',')); this.expect(')'); }
        return { k: 'fn', name: parts.join('.').toUpperCase(), args, star: false, distinct: false };
      }
      return { k: 'col', parts };
    }
    return this.fail();
  }
}
