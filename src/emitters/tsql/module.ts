/**
 * T-SQL for views, procedures, functions and triggers that a plan drops and re-creates around a
 * change (differ/dependents.ts). A module is re-created from its stored definition
 * (sys.sql_modules.definition) run as a batch of its own through EXEC(N'...'): CREATE VIEW and
 * the others must be the only statement of their batch (Msg 111), and a dynamic batch runs inside
 * the plan's one transaction whether the script is applied by schemac or by sqlcmd.
 * https://learn.microsoft.com/sql/t-sql/language-elements/execute-transact-sql
 */
import type { DependentModule } from '../../model';
import { nLiteral, quoteQualified } from '../../sqlserver/literals';
import { renderCreateIndex } from './clauses';

const DROP_WORD: Record<DependentModule['type'], string> = { V: 'VIEW', P: 'PROCEDURE', FN: 'FUNCTION', IF: 'FUNCTION', TF: 'FUNCTION', TR: 'TRIGGER' };

/** DROP VIEW | PROCEDURE | FUNCTION | TRIGGER (DROP VIEW drops an indexed view's indexes with it). */
export function renderDropModule(m: DependentModule): string[] {
  return [`DROP ${DROP_WORD[m.type]} ${quoteQualified(m.schema, m.name)};`];
}

/**
 * EXEC sp_refreshsqlmodule N'[s].[v]': binds a non-schema-bound module's text to the tables as
 * they are now (sp_refreshview does the same for a view; one procedure serves every kind). The
 * name is bracket-quoted inside the literal, as the procedure parses it as a multi-part name.
 * https://learn.microsoft.com/sql/relational-databases/system-stored-procedures/sp-refreshsqlmodule-transact-sql
 */
export function renderRefreshModule(m: DependentModule): string[] {
  return [`EXEC sp_refreshsqlmodule ${nLiteral(quoteQualified(m.schema, m.name))};`];
}

// A line sqlcmd (or schemac's own script reader) would take for a batch separator or a command.
const CLIENT_LINE = /^[ \t]*(go\b|:[a-z!])/i;

/**
 * An N'' literal of `text` that no client splits: a line inside it that reads as GO or a sqlcmd
 * command would end the batch mid-string, so the literal is cut there and joined with +, which
 * EXEC accepts ("EXEC ( N'tsql_string' [ + ...n ] )").
 */
function unsplittableLiteral(text: string): string {
  const lines = text.split('\n');
  const parts: string[] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (CLIENT_LINE.test(line) && current.length > 0) {
      parts.push(`${current.join('\n')}\n`);
      current = [];
    }
    current.push(line);
  }
  parts.push(current.join('\n'));
  return parts.map((p) => nLiteral(p)).join(' + ');
}

/**
 * EXEC of the module's definition, then CREATE INDEX for an indexed view's indexes (clustered
 * first). A module created under SET QUOTED_IDENTIFIER or ANSI_NULLS OFF (sys.sql_modules says)
 * is re-created under the same settings: they are set inside an outer dynamic batch, because a SET
 * in a dynamic batch is undone when it returns and QUOTED_IDENTIFIER is applied when a batch is
 * parsed. https://learn.microsoft.com/sql/t-sql/statements/set-statements-transact-sql
 */
export function renderCreateModule(m: DependentModule): string[] {
  if (m.definition === null) throw new Error(`schemac: ${m.schema}.${m.name} has no stored definition to re-create it from`);
  const create = `EXEC(${unsplittableLiteral(m.definition)});`;
  const sets = [...(m.quotedIdentifier ? [] : ['SET QUOTED_IDENTIFIER OFF;']), ...(m.ansiNulls ? [] : ['SET ANSI_NULLS OFF;'])];
  const statement = sets.length === 0 ? create : `EXEC(${nLiteral([...sets, create].join('\n'))});`;
  return [statement, ...m.indexes.map((i) => renderCreateIndex(m.schema, m.name, i))];
}
