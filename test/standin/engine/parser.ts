/**
 * Statement parser: a recursive-descent reader over the grammar lexer's tokens (grammar.ts),
 * building the engine's tree (ast.ts). The grammar itself has already accepted the batch.
 */
import type { Expr, FromItem, MergeClause, OutputClause, SelectItem, Statement, StatementBody, UpdateSet } from './ast';
import type { Token } from './grammar';
import { PolicyParser } from './parse-policy';
import { RESERVED, STATEMENT_STARTS, isBareProcedureCall } from './token-reader';

/** Parses a batch's tokens into statements. */
export function parseBatch(sql: string, tokens: readonly Token[]): Statement[] {
  return new Parser(sql, tokens).batch();
}
/** The statement layer: batches, control flow, DML, EXEC, DECLARE/SET. */
class Parser extends PolicyParser {
  batch(): Statement[] {
    const out: Statement[] = [];
    if (isBareProcedureCall(this.toks)) {
      const first = this.peek();
      const body = this.execBody();
      this.accept(';');
      out.push({ ...body, line: first.line, text: this.textFrom(first) } as Statement);
    }
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
      case 'UPDATE': if (this.is('UPDATE', 'STATISTICS')) { this.pos += 2; return this.updateStatistics(); } return this.update();
      case 'DELETE': return this.delete();
      case 'ENABLE': case 'DISABLE': {
        // enable-trigger-transact-sql.md / disable-trigger-transact-sql.md: DML triggers of one table.
        const enabled = this.next().upper === 'ENABLE';
        this.expect('TRIGGER');
        const names = this.triggerNames();
        this.expect('ON');
        return { k: 'setTriggerState', table: this.name(), names, enabled };
      }
      case 'TRUNCATE': this.pos++; this.expect('TABLE'); return { k: 'truncateTable', name: this.name() };
      case 'MERGE': return this.merge();
      case 'CREATE': return this.create();
      case 'DROP': return this.drop();
      case 'ALTER': return this.alter();
      case 'GRANT': case 'DENY': case 'REVOKE': return this.permissionStatement();
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
      case 'WHILE': {
        this.pos++;
        const cond = this.expr();
        return { k: 'while', cond, body: this.statement() };
      }
      case 'BEGIN': return this.begin();
      case 'PRINT': this.pos++; return { k: 'print', expr: this.expr() };
      case 'DBCC': {
        // The one DBCC command the stand-in runs; any other is Msg 102 at its name.
        this.pos++;
        this.expect('CHECKIDENT');
        this.expect('(');
        const table = this.expr();
        let mode: 'check' | 'noreseed' | 'reseed' = 'check';
        let value: Expr | undefined;
        if (this.accept(',')) {
          if (this.accept('NORESEED')) mode = 'noreseed';
          else {
            this.expect('RESEED');
            mode = 'reseed';
            if (this.accept(',')) value = this.expr();
          }
        }
        this.expect(')');
        let noInfoMsgs = false;
        if (this.accept('WITH')) {
          do { noInfoMsgs = this.up() === 'NO_INFOMSGS' || noInfoMsgs; this.pos++; } while (this.accept(','));
        }
        return value === undefined ? { k: 'checkident', table, mode, noInfoMsgs } : { k: 'checkident', table, mode, value, noInfoMsgs };
      }
      case 'RAISERROR': {
        this.pos++; this.expect('(');
        const msg = this.expr(); this.expect(','); const severity = this.expr(); this.expect(','); const state = this.expr();
        const args: Expr[] = [];
        while (this.accept(',')) args.push(this.expr());
        this.expect(')');
        if (this.accept('WITH')) { this.ident(); while (this.accept(',')) this.ident(); }
        return { k: 'raiserror', msg, severity, state, args };
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
      case 'BREAK': this.pos++; return { k: 'break' };
      case 'CONTINUE': this.pos++; return { k: 'continue' };
      case 'RETURN': {
        this.pos++;
        // RETURN [integer_expression] (return-transact-sql.md). A value starts with a literal, a
        // variable, a parenthesis, a sign, CASE / CAST / CONVERT or a function call; anything else
        // (WHILE, WITH, MERGE, a next statement's keyword) is the next statement.
        const t = this.peek();
        const value = t.kind === 'number' || t.kind === 'var' || t.kind === 'string' || ['(', '-', '+'].includes(this.up())
          || ['CASE', 'CAST', 'CONVERT', 'TRY_CAST', 'TRY_CONVERT'].includes(this.up()) || (t.kind === 'word' && !RESERVED.has(t.upper) && this.up(1) === '(')
          || (this.isIdent() && this.up(1) === '.' && !this.isStatementStart());
        return value ? { k: 'return', value: this.expr() } : { k: 'return' };
      }
      case 'WITH': {
        if (!this.isCteStart()) return this.fail();
        const ctes = this.ctes();
        const body = this.statementBody();
        if (body.k !== 'select' && body.k !== 'insert' && body.k !== 'update' && body.k !== 'delete' && body.k !== 'merge') return this.fail();
        return { ...body, with: ctes };
      }
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
    const table = this.tableName();
    let columns: string[] | undefined;
    if (this.up() === '(' ) { this.pos++; columns = [this.ident()]; while (this.accept(',')) columns.push(this.ident()); this.expect(')'); }
    const output = this.output();
    if (this.accept('DEFAULT', 'VALUES')) return { k: 'insert', table, columns, values: [[]], output };
    if (this.accept('VALUES')) {
      const values: Expr[][] = [];
      // DEFAULT in a VALUES row is kept as a marker the executor replaces by the column's default.
      const value = (): Expr => (this.accept('DEFAULT') ? { k: 'col', parts: ['DEFAULT'] } : this.expr());
      do { this.expect('('); const row = [value()]; while (this.accept(',')) row.push(value()); this.expect(')'); values.push(row); } while (this.accept(','));
      return { k: 'insert', table, columns, values, output };
    }
    if (this.up() === 'EXEC' || this.up() === 'EXECUTE') {
      const exec = this.exec();
      if (exec.k !== 'exec') return this.fail();
      return { k: 'insert', table, columns, exec, output };
    }
    return { k: 'insert', table, columns, select: this.query(), output };
  }

  /** OUTPUT item, ... [INTO target [(columns)]] (output-clause-transact-sql.md). */
  private output(): OutputClause | undefined {
    if (!this.accept('OUTPUT')) return undefined;
    const items: SelectItem[] = [];
    do items.push(this.selectItem()); while (this.accept(','));
    if (!this.accept('INTO')) return { items };
    const name = this.peek().kind === 'var' ? [this.next().value] : this.name();
    let columns: string[] | undefined;
    if (this.accept('(')) { columns = [this.ident()]; while (this.accept(',')) columns.push(this.ident()); this.expect(')'); }
    return { items, into: { name, columns } };
  }

  /** FROM item, ... of UPDATE / DELETE (update-transact-sql.md, delete-transact-sql.md). */
  private dmlFrom(): FromItem[] | undefined {
    if (!this.accept('FROM')) return undefined;
    const from: FromItem[] = [];
    do from.push(this.fromItem()); while (this.accept(','));
    return from;
  }

  private update(): StatementBody {
    this.expect('UPDATE');
    // UPDATE TOP (n): at most n rows (update-transact-sql.md; PERCENT is not supported here).
    let top: Expr | undefined;
    if (this.accept('TOP')) { this.expect('('); top = this.expr(); this.expect(')'); }
    const table = this.tableName();
    if (this.is('WITH', '(')) { this.pos++; this.skipParens(); }
    this.expect('SET');
    const sets: UpdateSet[] = [];
    do sets.push(this.updateSet()); while (this.accept(','));
    const output = this.output();
    const from = this.dmlFrom();
    const where = this.accept('WHERE') ? this.expr() : undefined;
    this.option();
    return { k: 'update', table, sets, where, top, from, output };
  }

  /** col = expr | @v = col = expr | @v = expr | col op= expr (update-transact-sql.md). */
  private updateSet(): UpdateSet {
    let assign: string | undefined;
    if (this.peek().kind === 'var' && this.up(1) === '=') {
      assign = this.next().value; this.pos++;
      if (!(this.isIdent() && (this.up(1) === '=' || this.up(1) === '.'))) return { col: '', assign, expr: this.expr() };
    }
    const n = this.name();
    const col = n[n.length - 1];
    const op = this.next().text;
    let expr = this.expr();
    if (op.length === 2 && op[1] === '=') expr = { k: 'bin', op: op[0], l: { k: 'col', parts: n }, r: expr };
    else if (op !== '=') this.fail();
    return { col, expr, assign };
  }

  /**
   * MERGE (merge-transact-sql.md). One without its terminating semicolon is refused by the
   * grammar gate (Msg 102; SQL Server says 10713).
   */
  private merge(): StatementBody {
    this.expect('MERGE');
    let top: Expr | undefined;
    if (this.accept('TOP')) { this.expect('('); top = this.expr(); this.expect(')'); this.accept('PERCENT'); }
    this.accept('INTO');
    const table = this.name();
    if (this.is('WITH', '(')) { this.pos++; this.skipParens(); }
    let alias: string | undefined;
    if (this.accept('AS')) alias = this.ident();
    else if (this.isIdent() && this.up() !== 'USING') alias = this.ident();
    this.expect('USING');
    const source = this.fromItem();
    this.expect('ON');
    const on = this.expr();
    const clauses: MergeClause[] = [];
    while (this.accept('WHEN')) {
      let when: MergeClause['when'];
      if (this.accept('MATCHED')) when = 'matched';
      else {
        this.expect('NOT', 'MATCHED');
        if (this.accept('BY', 'SOURCE')) when = 'notMatchedBySource';
        else { this.accept('BY', 'TARGET'); when = 'notMatchedByTarget'; }
      }
      const and = this.accept('AND') ? this.expr() : undefined;
      this.expect('THEN');
      let action: MergeClause['action'];
      if (this.accept('UPDATE', 'SET')) { const sets: UpdateSet[] = []; do sets.push(this.updateSet()); while (this.accept(',')); action = { k: 'update', sets }; }
      else if (this.accept('DELETE')) action = { k: 'delete' };
      else {
        this.expect('INSERT');
        let columns: string[] | undefined;
        if (this.accept('(')) { columns = [this.ident()]; while (this.accept(',')) columns.push(this.ident()); this.expect(')'); }
        if (this.accept('DEFAULT', 'VALUES')) action = { k: 'insert', columns };
        else {
          this.expect('VALUES'); this.expect('(');
          const values = [this.accept('DEFAULT') ? { k: 'col' as const, parts: ['DEFAULT'] } : this.expr()];
          while (this.accept(',')) values.push(this.accept('DEFAULT') ? { k: 'col' as const, parts: ['DEFAULT'] } : this.expr());
          this.expect(')');
          action = { k: 'insert', columns, values };
        }
      }
      clauses.push({ when, and, action });
    }
    const output = this.output();
    this.option();
    return { k: 'merge', table, alias, source, on, clauses, top, output };
  }

  private delete(): StatementBody {
    this.expect('DELETE');
    let top: Expr | undefined;
    if (this.accept('TOP')) { this.expect('('); top = this.expr(); this.expect(')'); }
    this.accept('FROM');
    const table = this.tableName();
    if (this.is('WITH', '(')) { this.pos++; this.skipParens(); }
    const output = this.output();
    const from = this.dmlFrom();
    const where = this.accept('WHERE') ? this.expr() : undefined;
    this.option();
    return { k: 'delete', table, where, top, from, output };
  }

  private exec(): StatementBody {
    this.pos++;
    return this.execBody();
  }

  /** EXEC's body: ( string ) or [@rc =] procedure [args]. */
  private execBody(): StatementBody {
    if (this.accept('(')) {
      const dynamic = this.expr();
      this.expect(')');
      return { k: 'exec', dynamic, args: [] };
    }
    let returnVar: string | undefined;
    if (this.peek().kind === 'var' && this.up(1) === '=') { returnVar = this.next().value; this.pos++; }
    const proc = this.name();
    const args: { name?: string; expr: Expr; output?: boolean }[] = [];
    if (this.peek().kind !== 'eof' && this.up() !== ';' && !this.isStatementStart()) {
      do {
        let name: string | undefined;
        if (this.peek().kind === 'var' && this.up(1) === '=') { name = this.next().value; this.pos++; }
        const expr = this.accept('DEFAULT') ? { k: 'col' as const, parts: ['DEFAULT'] } : this.bareNameArgument() ?? this.expr();
        const output = this.accept('OUTPUT') || this.accept('OUT');
        args.push({ name, expr, output });
      } while (this.accept(','));
    }
    return { k: 'exec', proc, args, returnVar };
  }

  /**
   * A procedure argument written as a bare name, as in `EXEC sp_help orders`: a character string
   * (execute-transact-sql.md: a parameter's value may be "a constant"; SQL Server reads an unquoted
   * one-part name there as a string, inferred from sp_help's and sp_rename's documented use).
   */
  private bareNameArgument(): Expr | undefined {
    const t = this.peek();
    const isName = t.kind === 'qid' || (t.kind === 'word' && !RESERVED.has(t.upper));
    const next = this.peek(1);
    if (!isName || !(next.kind === 'eof' || next.text === ',' || next.text === ';' || (next.kind === 'word' && STATEMENT_STARTS.has(next.upper)))) return undefined;
    this.pos++;
    return { k: 'lit', v: t.value, lt: 'nstr', text: t.text };
  }

  private declare(): StatementBody {
    this.expect('DECLARE');
    const vars: Extract<StatementBody, { k: 'declare' }>['vars'][number][] = [];
    do {
      const t = this.next();
      if (t.kind !== 'var') this.fail();
      this.accept('AS');
      if (this.accept('TABLE')) {
        const { columns, constraints } = this.tableElements();
        vars.push({ name: t.value, type: { name: 'table', args: [] }, table: { columns, constraints } });
        continue;
      }
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
    if (this.accept('IDENTITY_INSERT')) {
      const table = this.name();
      const v = this.next().upper;
      if (v !== 'ON' && v !== 'OFF') this.fail();
      return { k: 'identityInsert', table, on: v === 'ON' };
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

}
