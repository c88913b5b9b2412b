/**
 * MS_Description as T-SQL: sys.sp_addextendedproperty / sp_updateextendedproperty /
 * sp_dropextendedproperty on a table (level 1) or a column (level 2), with named arguments.
 * https://learn.microsoft.com/sql/relational-databases/system-stored-procedures/sp-addextendedproperty-transact-sql
 */
import type { TableRef } from '../../differ/changes';
import type { Table } from '../../model';
import { MS_DESCRIPTION } from '../../sqlserver/descriptions';
import { nLiteral } from '../../sqlserver/literals';

/** Where a description lives: a table, or one of its columns. */
interface Target {
  readonly table: TableRef;
  readonly column: string | null;
}

/** The @level arguments naming the table (and column). */
function levels(t: Target): string {
  const table = `@level0type = N'SCHEMA', @level0name = ${nLiteral(t.table.schema)}, @level1type = N'TABLE', @level1name = ${nLiteral(t.table.name)}`;
  return t.column === null ? table : `${table}, @level2type = N'COLUMN', @level2name = ${nLiteral(t.column)}`;
}

/**
 * The value as T-SQL: an N'' literal when it is one line; otherwise a variable built with
 * NCHAR(13)/NCHAR(10) for the line breaks, so no line of the text starts a script line (sqlcmd and
 * SSMS would take a line reading `GO` as the end of the batch, and `:r` as a command). The
 * variable is nvarchar(4000), not max: a sql_variant parameter cannot take a MAX type, and a
 * description is at most 3,750 characters (7,500 bytes).
 */
function withValue(value: string, call: (valueArg: string) => string): string {
  if (!/[\r\n]/u.test(value)) return call(nLiteral(value));
  const parts = value.split(/(\r|\n)/u).filter((p) => p !== '')
    .map((p) => (p === '\r' ? 'NCHAR(13)' : p === '\n' ? 'NCHAR(10)' : nLiteral(p)));
  return `DECLARE @description nvarchar(4000) = ${parts.join(' + ')};\n${call('@description')}`;
}

/** The statement taking a description from `from` to `to` (null: none). */
export function renderSetDescription(t: Target, from: string | null, to: string | null): string {
  const name = `@name = N'${MS_DESCRIPTION}'`;
  if (to === null) {
    if (from === null) throw new Error('schemac: a description change from none to none');
    return `EXEC sys.sp_dropextendedproperty ${name}, ${levels(t)};`;
  }
  const proc = from === null ? 'sys.sp_addextendedproperty' : 'sys.sp_updateextendedproperty';
  return withValue(to, (v) => `EXEC ${proc} ${name}, @value = ${v}, ${levels(t)};`);
}

/** The statements that give a new table (and its columns) their descriptions, after its CREATE. */
export function renderNewTableDescriptions(table: Table): string[] {
  const ref = { schema: table.schema, name: table.name };
  return [
    ...(table.description !== undefined ? [renderSetDescription({ table: ref, column: null }, null, table.description)] : []),
    ...table.columns.flatMap((c) => (c.description !== undefined ? [renderSetDescription({ table: ref, column: c.name }, null, c.description)] : [])),
  ];
}
