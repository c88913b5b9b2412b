/**
 * Grammar-view rewrites for user-defined table types (SQL Server 2008+), whose forms the antlr
 * grammar snapshot takes only in part. Each only changes what the grammar sees; the engine's
 * parser reads the real text (parse-ddl.ts tableTypeBody, parser.ts declare).
 * Sources: create-type-transact-sql.md (`CREATE TYPE [schema.]name AS TABLE ( <column_definition>
 * | <computed_column_definition> [<table_constraint>] [<table_index>] [,...n] ) [WITH (
 * <table_option> )]`, table_option `MEMORY_OPTIMIZED = { ON | OFF }`) and
 * declare-local-variable-transact-sql.md (`DECLARE @v [AS] table_type_definition | data_type`,
 * where a user-defined table type may be named with its schema):
 * - CREATE TYPE n AS TABLE (...)               -> CREATE TABLE n (...), so its elements are checked
 *   as a table's (the grammar's own CREATE TYPE lacks table indexes and WITH (...))
 * - DECLARE @v [AS] s.t                        -> DECLARE @v [AS] t (the grammar takes a one-part type)
 */
import type { RewriteTools } from './temporal-grammar';

/** Whether `CREATE TYPE [s.]n AS TABLE` starts at token i; returns the index of its `(` or -1. */
export function tableTypeStart(i: number, up: (j: number) => string, isName: (j: number) => boolean): number {
  if (up(i) !== 'CREATE' || up(i + 1) !== 'TYPE') return -1;
  let j = i + 2;
  if (!isName(j)) return -1;
  while (up(j + 1) === '.' && isName(j + 2)) j += 2;
  return up(j + 1) === 'AS' && up(j + 2) === 'TABLE' && up(j + 3) === '(' ? j + 3 : -1;
}

/** Applies the table-type rewrites that start at token i. */
export function typeRewrites(i: number, r: RewriteTools): void {
  const { up, tokens, blank, edit } = r;
  const isName = (j: number): boolean => tokens[j] !== undefined && (tokens[j].kind === 'word' || tokens[j].kind === 'qid');
  const open = tableTypeStart(i, up, isName);
  if (open > 0) {
    edit(tokens[i + 1], 'TABLE');
    blank(tokens[open - 2]);
    blank(tokens[open - 1]);
  }
  // DECLARE @v [AS] s.t [, ...]: after DECLARE or a comma of its list, a variable, then a two-part type.
  if (tokens[i]?.kind === 'var' && (up(i - 1) === 'DECLARE' || up(i - 1) === ',')) {
    const t = up(i + 1) === 'AS' ? i + 2 : i + 1;
    if (isName(t) && up(t + 1) === '.' && isName(t + 2) && up(t + 3) !== '.') { blank(tokens[t]); blank(tokens[t + 1]); }
  }
}
