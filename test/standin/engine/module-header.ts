/**
 * The header of a stored procedure or function, read again from its definition when it is called:
 * its parameters (`@p [AS] type [= default] [OUT | OUTPUT | READONLY]`), a function's RETURNS
 * type (scalar) or TABLE (inline), and the statements of its body
 * (https://learn.microsoft.com/sql/t-sql/statements/create-procedure-transact-sql,
 * https://learn.microsoft.com/sql/t-sql/statements/create-function-transact-sql).
 */
import type { ColumnDef, ConstraintDef, Expr, IndexDef, Select, Statement, TypeRef } from './ast';
import type { Module } from './catalog';
import { tokenize } from './grammar';
import { parseBatch } from './parser';
import { DdlParser } from './parse-ddl';
import { err } from './errors';

/** One declared parameter. */
export interface Param {
  readonly name: string; readonly type: TypeRef; readonly default?: Expr; readonly output: boolean;
  /** READONLY: a table-valued parameter's mark (ddl-table-types.ts). */
  readonly readonly: boolean;
}

/** What a call needs of a module. */
export interface Header {
  readonly params: readonly Param[];
  /** A scalar function's return type. */
  readonly returns?: TypeRef;
  /** An inline table-valued function's query. */
  readonly query?: Select;
  /** A multi-statement table-valued function's RETURNS @variable TABLE (...). */
  readonly returnTable?: { readonly variable: string; readonly columns: readonly ColumnDef[]; readonly constraints: readonly ConstraintDef[]; readonly indexes: readonly IndexDef[] };
  /** The body's statements (procedures, scalar functions). */
  readonly body: readonly Statement[];
}

class HeaderParser extends DdlParser {
  header(): { params: Param[]; returns?: TypeRef; query?: Select; returnTable?: Header['returnTable']; bodyStart: number } {
    this.expect('CREATE');
    this.accept('OR', 'ALTER');
    this.next(); // PROC | PROCEDURE | FUNCTION
    this.name();
    const params: Param[] = [];
    const paren = this.accept('(');
    while (this.peek().kind === 'var') {
      const name = this.next().value;
      this.accept('AS');
      const type = this.type();
      const def = this.accept('=') ? this.expr() : undefined;
      let output = false;
      let readonly = false;
      while (this.is('OUT') || this.is('OUTPUT') || this.is('READONLY')) { if (this.up() === 'READONLY') readonly = true; else output = true; this.pos++; }
      params.push({ name, type, default: def, output, readonly });
      if (!this.accept(',')) break;
    }
    if (paren) this.expect(')');
    let returns: TypeRef | undefined;
    let inline = false;
    let returnTable: Header['returnTable'];
    if (this.accept('RETURNS')) {
      if (this.accept('TABLE')) inline = true;
      else if (this.peek().kind === 'var') {
        const variable = this.next().value;
        this.expect('TABLE');
        const { columns, constraints, indexes } = this.tableElements();
        returnTable = { variable, columns, constraints, indexes };
      } else returns = this.type();
    }
    while (this.peek().kind !== 'eof' && this.up() !== 'AS') this.pos++;
    this.expect('AS');
    let query: Select | undefined;
    if (inline) {
      this.expect('RETURN');
      query = this.query();
    }
    return { params, returns, query, returnTable, bodyStart: this.peek().start };
  }
}

const cache = new Map<string, Header | null>();

/** A procedure's or function's header and body (cached by its text); Msg 40000 when the engine cannot read it. */
export function moduleHeader(m: Module): Header {
  const key = `${m.quotedIdentifier ? 1 : 0}${m.definition}`;
  let h = cache.get(key);
  if (h === undefined) {
    try {
      const toks = tokenize(m.definition, m.quotedIdentifier);
      const start = toks.findIndex((t) => t.upper === 'CREATE');
      const p = new HeaderParser(m.definition, toks.slice(start));
      const head = p.header();
      const bodyText = m.definition.slice(head.bodyStart);
      const body = head.query ? [] : parseBatch(bodyText, tokenize(bodyText, m.quotedIdentifier));
      h = { params: head.params, returns: head.returns, query: head.query, ...(head.returnTable ? { returnTable: head.returnTable } : {}), body };
    } catch { h = null; }
    if (cache.size > 500) cache.clear();
    cache.set(key, h);
  }
  if (!h) throw err.notSupported(`running '${m.name}' (its definition is a form the stand-in does not parse)`);
  return h;
}
