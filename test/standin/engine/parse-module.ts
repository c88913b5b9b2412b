/**
 * CREATE [OR ALTER] VIEW | PROCEDURE | FUNCTION | TRIGGER and DROP VIEW | PROCEDURE | FUNCTION |
 * TRIGGER. A module's body runs to the end of the batch (that is why CREATE VIEW and the others
 * must start a batch, Msg 111), so the parser reads its header, notes the names its body uses,
 * and consumes everything after AS. The grammar has already accepted the batch.
 */
import type { ModuleDef, ModuleType, Name, Select, StatementBody } from './ast';
import { QueryParser } from './parse-query';

const MODULE_WORDS: Record<string, 'V' | 'P' | 'FN' | 'TR'> = { VIEW: 'V', PROC: 'P', PROCEDURE: 'P', FUNCTION: 'FN', TRIGGER: 'TR' };

/** Parses module DDL; the DDL layer extends it. */
export class ModuleParser extends QueryParser {
  /** Whether the tokens at the cursor (after CREATE) start a module: [OR ALTER] VIEW|PROC|... */
  protected isModuleStart(): boolean {
    const at = this.is('OR', 'ALTER') ? 2 : 0;
    return this.up(at) in MODULE_WORDS;
  }

  /** The rest of CREATE [OR ALTER] <module> after CREATE, to the end of the batch. */
  protected createModule(): StatementBody {
    const orAlter = this.accept('OR', 'ALTER');
    const word = this.next().upper;
    let type: ModuleType = MODULE_WORDS[word] ?? this.fail();
    const name = this.name();
    // CREATE VIEW v (a, b) AS ...: names for the SELECT's columns, one for one.
    let columnList: string[] | undefined;
    if (type === 'V' && this.up() === '(') {
      this.pos++;
      columnList = [this.ident()];
      while (this.accept(',')) columnList.push(this.ident());
      this.expect(')');
    }
    let parent: Name | undefined;
    if (type === 'TR') { this.expect('ON'); parent = this.name(); }
    // The header, to the AS that starts the body (outside parentheses; a procedure parameter's
    // `@p AS int` is not it): WITH SCHEMABINDING and RETURNS live here.
    let depth = 0;
    let schemaBound = false;
    let returnsTable: 'inline' | 'variable' | null = null;
    // A trigger's { FOR | AFTER | INSTEAD OF } { [INSERT] [,] [UPDATE] [,] [DELETE] } (create-trigger-transact-sql.md).
    let insteadOf = false;
    const events: ('INSERT' | 'UPDATE' | 'DELETE')[] = [];
    while (this.peek().kind !== 'eof') {
      const t = this.peek();
      if (depth === 0 && t.upper === 'AS' && this.toks[this.pos - 1]?.kind !== 'var') break;
      if (t.text === '(') depth++;
      if (t.text === ')') depth--;
      if (depth === 0 && t.upper === 'SCHEMABINDING') schemaBound = true;
      if (type === 'TR' && depth === 0 && t.upper === 'INSTEAD') insteadOf = true;
      if (type === 'TR' && depth === 0 && (t.upper === 'INSERT' || t.upper === 'UPDATE' || t.upper === 'DELETE')) events.push(t.upper);
      if (depth === 0 && t.upper === 'RETURNS') returnsTable = this.peek(1).kind === 'var' ? 'variable' : this.up(1) === 'TABLE' ? 'inline' : null;
      this.pos++;
    }
    this.expect('AS');
    if (type === 'FN') type = returnsTable === 'inline' ? 'IF' : returnsTable === 'variable' ? 'TF' : 'FN';
    const bodyStart = this.pos;
    let select: Select | undefined;
    if (type === 'V') {
      // The view's SELECT gives its columns; a form this parser does not know leaves them unknown.
      try { select = this.query(); } catch { select = undefined; }
      this.pos = bodyStart;
    }
    const names: Name[] = [];
    const words: string[] = [];
    const aliases: string[] = [];
    while (this.peek().kind !== 'eof') {
      if (this.up() === 'AS' && (this.isIdent(1) || this.peek(1).kind === 'qid')) {
        this.pos++;
        const alias = this.next().value;
        aliases.push(alias);
        words.push(alias);
        continue;
      }
      if (this.isIdent() || this.peek().kind === 'qid') {
        const parts = [this.next().value];
        while (this.up() === '.' && (this.isIdent(1) || this.peek(1).kind === 'qid')) { this.pos++; parts.push(this.next().value); }
        names.push(parts);
        words.push(...parts);
        // `FROM dbo.p p`: a name right after an object's two-part name is its alias.
        if (parts.length >= 2 && (this.isIdent() || this.peek().kind === 'qid') && this.up(1) !== '.') aliases.push(this.peek().value);
        continue;
      }
      this.pos++;
    }
    const def: ModuleDef = {
      type, name, orAlter, schemaBound, parent, select, names, words, aliases, ...(columnList ? { columnList } : {}), ...(type === 'TR' ? { trigger: { insteadOf, events } } : {}),
      // SQL Server keeps the text as submitted, comments before CREATE included (they are part of
      // the batch, and the batch is the module); that leading whitespace is kept too is inferred.
      // https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-sql-modules-transact-sql
      definition: this.sql,
      bodyText: this.sql.slice(this.toks[bodyStart]?.start ?? this.sql.length),
    };
    return { k: 'createModule', module: def };
  }

  /** Whether the tokens at the cursor (after DROP) name a module kind. */
  protected isModuleDrop(): boolean {
    return this.up() in MODULE_WORDS;
  }

  /** The rest of DROP VIEW|PROC|PROCEDURE|FUNCTION|TRIGGER [IF EXISTS] name [, name ...]. */
  protected dropModule(): StatementBody {
    const kind = MODULE_WORDS[this.next().upper] ?? this.fail();
    const ifExists = this.accept('IF', 'EXISTS');
    const names = [this.name()];
    while (this.accept(',')) names.push(this.name());
    return { k: 'dropModule', kind, names, ifExists };
  }
}
