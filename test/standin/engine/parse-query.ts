/** The query layer of the parser: SELECT (FROM, joins, grouping, ordering) and expressions. */
import type { Cte, Expr, FromItem, OrderItem, Select, SelectItem, SystemTime, WindowFrame } from './ast';
import { RESERVED, TokenReader } from './token-reader';

/** Words after a table name that are never its alias (the clauses that may follow it). */
const NOT_ALIAS = new Set(['OUTPUT', 'WINDOW']);

/** Parses SELECT statements and expressions. */
export class QueryParser extends TokenReader {
  // ---- WITH (common table expressions)
  /** Whether the cursor is at `WITH name [(cols)] AS (`, a CTE list rather than a table hint. */
  protected isCteStart(): boolean { return this.up() === 'WITH' && this.isIdent(1) && (this.up(2) === 'AS' || this.up(2) === '('); }

  /**
   * WITH name [(columns)] AS (query) [, ...] (with-common-table-expression-transact-sql.md);
   * the cursor is left at the statement the CTEs belong to.
   */
  protected ctes(): Cte[] {
    this.expect('WITH');
    const out: Cte[] = [];
    do {
      const name = this.ident();
      let columns: string[] | undefined;
      if (this.accept('(')) { columns = [this.ident()]; while (this.accept(',')) columns.push(this.ident()); this.expect(')'); }
      this.expect('AS'); this.expect('(');
      const sel = this.select();
      this.expect(')');
      out.push({ name, columns, sel });
    } while (this.accept(','));
    return out;
  }

  /** A query: [WITH ...] SELECT ... (a view's body may start with WITH). */
  query(): Select {
    if (!this.isCteStart()) return this.select();
    const ctes = this.ctes();
    return { ...this.select(), with: ctes };
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
    const into = this.accept('INTO') ? this.name() : undefined;
    const from: FromItem[] = [];
    if (this.accept('FROM')) { do from.push(this.fromItem()); while (this.accept(',')); }
    const where = this.accept('WHERE') ? this.expr() : undefined;
    const groupBy: Expr[] = [];
    let rollup: Select['rollup'];
    if (this.accept('GROUP', 'BY')) {
      // ROLLUP (a, b) | CUBE (a, b) over the whole list, or the older a, b WITH ROLLUP | CUBE (select-group-by-transact-sql).
      if ((this.is('ROLLUP', '(') || this.is('CUBE', '('))) {
        rollup = this.next().upper === 'ROLLUP' ? 'rollup' : 'cube';
        this.expect('(');
        do groupBy.push(this.expr()); while (this.accept(','));
        this.expect(')');
      } else {
        do groupBy.push(this.expr()); while (this.accept(','));
        if (this.is('WITH', 'ROLLUP') || this.is('WITH', 'CUBE')) { this.pos++; rollup = this.next().upper === 'ROLLUP' ? 'rollup' : 'cube'; }
      }
    }
    const having = this.accept('HAVING') ? this.expr() : undefined;
    let union: Select['union'];
    if (this.accept('UNION')) { const all = this.accept('ALL'); union = { all, next: this.select() }; }
    const orderBy: OrderItem[] = [];
    if (this.accept('ORDER', 'BY')) {
      do { const expr = this.expr(); const desc = this.accept('DESC'); if (!desc) this.accept('ASC'); orderBy.push({ expr, desc }); } while (this.accept(','));
    }
    // OFFSET n ROW[S] [FETCH FIRST|NEXT m ROW[S] ONLY] after ORDER BY (select-order-by-clause-transact-sql.md).
    let offset: Select['offset'];
    if (orderBy.length > 0 && this.accept('OFFSET')) {
      const skip = this.additive();
      if (!this.accept('ROWS')) this.expect('ROW');
      let fetch: Expr | undefined;
      if (this.accept('FETCH')) {
        if (!this.accept('NEXT')) this.expect('FIRST');
        fetch = this.additive();
        if (!this.accept('ROWS')) this.expect('ROW');
        this.expect('ONLY');
      }
      offset = { skip, fetch };
    }
    const maxRecursion = this.option();
    if (this.accept('FOR')) { while (this.peek().kind === 'word' && !this.isStatementStart()) this.pos++; }
    return { k: 'select', distinct, top, items, from, where, groupBy, ...(rollup ? { rollup } : {}), having, orderBy, union, into, maxRecursion, ...(offset ? { offset } : {}) };
  }

  /** OPTION (hint, ...): MAXRECURSION n is kept (query-hints-transact-sql.md), other hints are read past. */
  protected option(): number | undefined {
    if (!this.accept('OPTION')) return undefined;
    this.expect('(');
    let maxRecursion: number | undefined;
    let depth = 1;
    while (depth > 0) {
      if (this.is('MAXRECURSION') && this.peek(1).kind === 'number') { this.pos++; maxRecursion = Number(this.next().text); continue; }
      const t = this.next();
      if (t.kind === 'eof') this.fail();
      if (t.text === '(') depth++;
      if (t.text === ')') depth--;
    }
    return maxRecursion;
  }

  protected selectItem(): SelectItem {
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

  protected fromItem(): FromItem {
    let left = this.fromPrimary();
    for (;;) {
      let type: 'INNER' | 'LEFT' | 'RIGHT' | 'FULL' | 'CROSS' | undefined;
      if (this.accept('JOIN') || this.accept('INNER', 'JOIN')) type = 'INNER';
      else if (this.accept('LEFT', 'JOIN') || this.accept('LEFT', 'OUTER', 'JOIN')) type = 'LEFT';
      else if (this.accept('RIGHT', 'JOIN') || this.accept('RIGHT', 'OUTER', 'JOIN')) type = 'RIGHT';
      else if (this.accept('FULL', 'JOIN') || this.accept('FULL', 'OUTER', 'JOIN')) type = 'FULL';
      else if (this.accept('CROSS', 'JOIN')) type = 'CROSS';
      else if (this.accept('CROSS', 'APPLY') || this.accept('OUTER', 'APPLY')) {
        left = { k: 'apply', outer: this.toks[this.pos - 2].upper === 'OUTER', l: left, r: this.fromPrimary() };
        continue;
      }
      if (!type) return left;
      const right = this.fromPrimary();
      const on = type === 'CROSS' ? undefined : (this.expect('ON'), this.expr());
      left = { k: 'join', type, l: left, r: right, on };
    }
  }

  protected fromPrimary(): FromItem {
    if (this.up() === '(') {
      if (this.up(1) === 'SELECT') {
        this.pos++; const sub = this.select(); this.expect(')');
        this.accept('AS');
        return { k: 'derived', sub, alias: this.ident() };
      }
      this.pos++; const inner = this.fromItem(); this.expect(')'); return inner;
    }
    const name = this.tableName();
    let args: Expr[] | undefined;
    if (this.accept('(')) { args = []; if (!this.accept(')')) { do args.push(this.expr()); while (this.accept(',')); this.expect(')'); } }
    // FOR SYSTEM_TIME goes between the table's name and its alias (temporal/query-data.md).
    const systemTime = args === undefined && this.is('FOR', 'SYSTEM_TIME') ? this.systemTime() : undefined;
    let alias: string | undefined;
    if (this.accept('AS')) alias = this.ident();
    else if (this.isIdent() && !NOT_ALIAS.has(this.up())) alias = this.ident();
    if (this.is('WITH', '(')) { this.pos++; this.skipParens(); }
    return args ? { k: 'tvf', name, args, alias } : { k: 'table', name, alias, ...(systemTime ? { systemTime } : {}) };
  }

  /** FOR SYSTEM_TIME AS OF t | FROM s TO e | BETWEEN s AND e | CONTAINED IN (s, e) | ALL (from-transact-sql.md). */
  protected systemTime(): SystemTime {
    this.expect('FOR', 'SYSTEM_TIME');
    if (this.accept('ALL')) return { k: 'all' };
    if (this.accept('AS', 'OF')) return { k: 'asOf', at: this.additive() };
    if (this.accept('FROM')) { const start = this.additive(); this.expect('TO'); return { k: 'fromTo', start, end: this.additive() }; }
    if (this.accept('BETWEEN')) { const start = this.additive(); this.expect('AND'); return { k: 'between', start, end: this.additive() }; }
    this.expect('CONTAINED', 'IN', '(');
    const start = this.additive(); this.expect(','); const end = this.additive(); this.expect(')');
    return { k: 'containedIn', start, end };
  }

  /** expr [ASC|DESC], ... */
  protected orderList(): OrderItem[] {
    const out: OrderItem[] = [];
    do { const expr = this.expr(); const desc = this.accept('DESC'); if (!desc) this.accept('ASC'); out.push({ expr, desc }); } while (this.accept(','));
    return out;
  }

  /** OVER ([PARTITION BY ...] [ORDER BY ...] [ROWS|RANGE ...]) after a function (select-over-clause-transact-sql.md). */
  protected over(fn: Extract<Expr, { k: 'fn' }>): Expr {
    this.expect('(');
    const partition: Expr[] = [];
    if (this.accept('PARTITION', 'BY')) { do partition.push(this.expr()); while (this.accept(',')); }
    const order = this.accept('ORDER', 'BY') ? this.orderList() : [];
    let frame: WindowFrame | undefined;
    if (this.is('ROWS') || this.is('RANGE')) {
      const unit = this.next().upper as 'ROWS' | 'RANGE';
      if (this.accept('BETWEEN')) { const start = this.frameBound(); this.expect('AND'); frame = { unit, start, end: this.frameBound() }; }
      else frame = { unit, start: this.frameBound(), end: 0 };
    }
    this.expect(')');
    return { k: 'over', fn, partition, order, frame };
  }

  /** UNBOUNDED PRECEDING | n PRECEDING | CURRENT ROW | n FOLLOWING | UNBOUNDED FOLLOWING as a row offset. */
  private frameBound(): number {
    if (this.accept('CURRENT', 'ROW')) return 0;
    const n = this.accept('UNBOUNDED') ? Infinity : this.int();
    if (this.accept('PRECEDING')) return -n;
    this.expect('FOLLOWING');
    return n;
  }

  /** A table's name, or a table variable's (`@t`, a one-part name). */
  protected tableName(): string[] {
    return this.peek().kind === 'var' ? [this.next().value] : [...this.name()];
  }

  // ---- expressions
  expr(): Expr { return this.or(); }
  protected or(): Expr { let l = this.and(); while (this.accept('OR')) l = { k: 'bin', op: 'OR', l, r: this.and() }; return l; }
  protected and(): Expr { let l = this.not(); while (this.accept('AND')) l = { k: 'bin', op: 'AND', l, r: this.not() }; return l; }
  protected not(): Expr { if (this.accept('NOT')) return { k: 'un', op: 'NOT', e: this.not() }; return this.predicate(); }

  protected compOp(): string | null {
    const a = this.peek(); const b = this.peek(1);
    const two = b.start === a.stop + 1 && ['<', '>', '!'].includes(a.text) && ['=', '>', '<'].includes(b.text) ? a.text + b.text : null;
    if (two && ['<=', '>=', '<>', '!=', '!<', '!>'].includes(two)) { this.pos += 2; return two; }
    if (['=', '<', '>', '<=', '>=', '<>', '!=', '!<', '!>'].includes(a.text) && a.kind === 'op') { this.pos++; return a.text; }
    return null;
  }

  protected predicate(): Expr {
    if (this.accept('EXISTS')) { this.expect('('); const sub = this.select(); this.expect(')'); return { k: 'exists', sub }; }
    const e = this.additive();
    const op = this.compOp();
    if (op) return { k: 'bin', op: op === '!=' ? '<>' : op, l: e, r: this.additive() };
    if (this.accept('IS')) { const not = this.accept('NOT'); this.expect('NULL'); return { k: 'isnull', e, not }; }
    // NOT here only negates IN / LIKE / BETWEEN: a NOT before anything else is not this
    // predicate's (a column's `DEFAULT 0 NOT NULL` ends the default's expression at NOT).
    const not = ['IN', 'LIKE', 'BETWEEN'].includes(this.up(1)) && this.accept('NOT');
    if (this.accept('IN')) {
      this.expect('(');
      if (this.up() === 'SELECT') { const sub = this.select(); this.expect(')'); return { k: 'in', e, sub, not }; }
      const list = [this.expr()]; while (this.accept(',')) list.push(this.expr());
      this.expect(')');
      return { k: 'in', e, list, not };
    }
    if (this.accept('LIKE')) { const pat = this.additive(); if (this.accept('ESCAPE')) this.additive(); return { k: 'like', e, pat, not }; }
    if (this.accept('BETWEEN')) { const lo = this.additive(); this.expect('AND'); return { k: 'between', e, lo, hi: this.additive(), not }; }
    return e;
  }

  protected additive(): Expr {
    let l = this.multiplicative();
    while (['+', '-', '&', '|', '^'].includes(this.up())) { const op = this.next().text; l = { k: 'bin', op, l, r: this.multiplicative() }; }
    return l;
  }
  protected multiplicative(): Expr {
    let l = this.unary();
    while (['*', '/', '%'].includes(this.up())) { const op = this.next().text; l = { k: 'bin', op, l, r: this.unary() }; }
    return l;
  }
  protected unary(): Expr {
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
    // A money constant: a currency symbol before a number ($12, $542023.14, $.10), the value typed
    // money, the symbol not kept (learn.microsoft.com/sql/t-sql/data-types/constants-transact-sql).
    if (t.kind === 'op' && t.text === '$' && this.peek(1).kind === 'number' && !/e/i.test(this.peek(1).text)) {
      const n = this.toks[this.pos + 1];
      this.pos += 2;
      return { k: 'cast', e: { k: 'lit', v: Number(n.text), lt: n.text.includes('.') ? 'dec' : 'int', text: n.text }, type: { name: 'money', args: [] }, try: false };
    }
    if (t.kind === 'string') { this.pos++; return { k: 'lit', v: t.value, lt: t.national ? 'nstr' : 'str', text: t.text }; }
    if (t.kind === 'binary') { this.pos++; return { k: 'lit', v: Buffer.from(t.text.slice(2), 'hex'), lt: 'bin', text: t.text }; }
    if (t.kind === 'var') { this.pos++; return { k: 'var', name: t.value }; }
    // MERGE's OUTPUT $action (output-clause-transact-sql.md), read as a column of its OUTPUT rows.
    if (t.kind === 'op' && t.upper === '$ACTION') { this.pos++; return { k: 'col', parts: ['$action'] }; }
    if (this.accept('NULL')) return { k: 'lit', v: null, lt: 'null', text: 'NULL' };
    if (this.up() === '(') {
      this.pos++;
      if (this.up() === 'SELECT') { const sub = this.select(); this.expect(')'); return { k: 'subq', sub }; }
      const e = this.expr(); this.expect(')'); return e;
    }
    if (this.is('NEXT', 'VALUE', 'FOR')) { this.pos += 3; return { k: 'nextval', name: this.name() }; }
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
      let fn: Extract<Expr, { k: 'fn' }>;
      if (this.accept(')')) fn = { k: 'fn', name, args: [], star: false, distinct: false };
      else if (this.up() === '*') { this.pos++; this.expect(')'); fn = { k: 'fn', name, args: [], star: true, distinct: false }; }
      else {
        const distinct = this.accept('DISTINCT');
        const args = [this.expr()]; while (this.accept(',')) args.push(this.expr());
        this.expect(')');
        fn = { k: 'fn', name, args, star: false, distinct };
      }
      // STRING_AGG (...) WITHIN GROUP (ORDER BY ...) (string-agg-transact-sql.md).
      if (this.accept('WITHIN', 'GROUP')) { this.expect('('); this.expect('ORDER', 'BY'); fn = { ...fn, within: this.orderList() }; this.expect(')'); }
      if (this.accept('OVER')) return this.over(fn);
      return fn;
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
