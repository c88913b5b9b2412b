/** Token cursor shared by the parser layers: lookahead, keywords, names, SQL Server's Msg 102. */
import type { Name, TypeRef } from './ast';
import type { Token } from './grammar';
import { SqlError } from './errors';

/** Keywords that are never bare identifiers or aliases. */
export const RESERVED = new Set(('SELECT FROM WHERE GROUP ORDER HAVING UNION JOIN INNER LEFT RIGHT FULL CROSS OUTER ON AND OR NOT IS IN LIKE BETWEEN AS CASE WHEN THEN ELSE END INSERT UPDATE DELETE CREATE ALTER DROP EXEC EXECUTE DECLARE SET IF BEGIN PRINT RAISERROR THROW COMMIT ROLLBACK USE RETURN WITH VALUES INTO NULL DISTINCT TOP EXISTS FOR ADD CONSTRAINT PRIMARY FOREIGN REFERENCES CHECK DEFAULT UNIQUE KEY TABLE INDEX BY WHILE SAVE OPTION APPLY COLLATE ESCAPE EXCEPT INTERSECT GO TRUNCATE').split(' '));

/** Words that start a statement, where an unterminated statement ends. */
export const STATEMENT_STARTS = new Set(['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'MERGE', 'WHILE', 'CREATE', 'DROP', 'ALTER', 'EXEC', 'EXECUTE', 'DECLARE', 'SET', 'IF', 'BEGIN', 'PRINT', 'END', 'ELSE', 'COMMIT', 'ROLLBACK', 'RAISERROR', 'THROW', 'USE', 'RETURN', 'BREAK', 'CONTINUE', 'GRANT', 'DENY', 'REVOKE', 'TRUNCATE']);

/** Words that begin a statement of their own; a batch's first word outside them is a procedure's name. */
const BATCH_WORDS = new Set([...STATEMENT_STARTS, 'WITH', 'TRUNCATE', 'SAVE', 'GOTO', 'WAITFOR', 'OPEN', 'CLOSE', 'FETCH', 'DEALLOCATE', 'BULK', 'DBCC',
  'KILL', 'CHECKPOINT', 'RECONFIGURE', 'SHUTDOWN', 'BACKUP', 'RESTORE', 'ENABLE', 'DISABLE', 'READTEXT', 'WRITETEXT', 'UPDATETEXT', 'SETUSER', 'REVERT',
  'MOVE', 'RECEIVE', 'SEND', 'GET', 'GO', 'SELECT']);

/**
 * Whether a batch opens with a procedure call without EXEC, as "sp_help t": "You do not have to
 * specify the EXECUTE keyword when executing stored procedures when the statement is the first one
 * in a batch" (execute-transact-sql.md; GO's page: "any execution of a stored procedure after the
 * first statement in a batch must include the EXECUTE keyword"). A label (`name:`) is not one.
 */
export function isBareProcedureCall(tokens: readonly Token[]): boolean {
  const t = tokens[0];
  if (t === undefined || (t.kind !== 'qid' && (t.kind !== 'word' || BATCH_WORDS.has(t.upper)))) return false;
  return tokens[1]?.text !== ':';
}

/** Reads grammar tokens; the parser layers extend it. */
export class TokenReader {
  protected pos = 0;
  constructor(protected readonly sql: string, protected readonly toks: readonly Token[]) {}

  // ---- token helpers
  protected peek(n = 0): Token { return this.toks[Math.min(this.pos + n, this.toks.length - 1)]; }
  protected up(n = 0): string { const t = this.peek(n); return t.kind === 'word' || t.kind === 'op' ? t.upper : ''; }
  protected is(...words: string[]): boolean { return words.every((w, i) => this.up(i) === w); }
  protected accept(...words: string[]): boolean { if (this.is(...words)) { this.pos += words.length; return true; } return false; }
  protected next(): Token { const t = this.peek(); this.pos++; return t; }
  protected fail(): never {
    const t = this.peek();
    const prev = this.toks[this.pos - 1];
    throw new SqlError(102, 15, 1, `Incorrect syntax near '${t.kind === 'eof' ? prev?.text ?? '' : t.text}'.`, 'compile', [], t.kind === 'eof' ? prev?.line ?? 1 : t.line);
  }
  protected expect(...words: string[]): void { if (!this.accept(...words)) this.fail(); }
  protected isIdent(n = 0): boolean { const t = this.peek(n); return t.kind === 'qid' || (t.kind === 'word' && !RESERVED.has(t.upper)); }
  protected ident(): string {
    const t = this.peek();
    if (t.kind === 'qid' || t.kind === 'word') { this.pos++; return t.value; }
    return this.fail();
  }
  protected name(): Name {
    const parts = [this.ident()];
    while (this.up() === '.') { this.pos++; parts.push(this.ident()); }
    return parts;
  }
  protected textFrom(startTok: Token): string {
    const end = this.toks[this.pos - 1];
    return this.sql.slice(startTok.start, end.stop + 1);
  }
  protected int(): number {
    let sign = 1;
    if (this.accept('-')) sign = -1;
    else this.accept('+');
    const t = this.next();
    if (t.kind !== 'number') this.fail();
    return sign * Number(t.text);
  }

  protected skipParens(): void {
    this.expect('(');
    let depth = 1;
    while (depth > 0) { const t = this.next(); if (t.kind === 'eof') this.fail(); if (t.text === '(') depth++; if (t.text === ')') depth--; }
  }

  protected type(): TypeRef {
    let name = this.ident().toLowerCase();
    let schema: string | undefined;
    if (this.up() === '.') { this.pos++; schema = name; name = this.ident().toLowerCase(); }
    if (name === 'double' && this.accept('PRECISION')) name = 'float';
    // ISO synonyms (data-type-synonyms-transact-sql.md): national char[acter] [varying], national
    // text, char[acter] varying, character, binary varying. The base type is what is stored.
    if (schema === undefined) {
      const national = name === 'national';
      if (national && this.accept('TEXT')) name = 'ntext';
      else if (national) {
        if (!this.accept('CHARACTER')) this.expect('CHAR');
        name = this.accept('VARYING') ? 'nvarchar' : 'nchar';
      } else if ((name === 'char' || name === 'character') && this.accept('VARYING')) name = 'varchar';
      else if (name === 'character') name = 'char';
      else if (name === 'binary' && this.accept('VARYING')) name = 'varbinary';
    }
    if (name === 'xml' && schema === undefined && this.accept('(')) {
      const document = this.accept('DOCUMENT');
      if (!document) this.accept('CONTENT');
      const collection = this.name();
      this.expect(')');
      return { name, args: [], xml: { document, collection } };
    }
    const args: (number | 'max')[] = [];
    if (this.accept('(')) {
      do { if (this.accept('MAX')) args.push('max'); else args.push(this.int()); } while (this.accept(','));
      this.expect(')');
    }
    return schema === undefined ? { name, args } : { name, args, schema };
  }

  protected isStatementStart(): boolean { return STATEMENT_STARTS.has(this.up()); }
}
