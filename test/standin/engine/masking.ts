/**
 * Dynamic Data Masking in the stand-in (its own reading, sharing nothing with src/): which
 * functions a column takes and the text sys.masked_columns.masking_function reports.
 *
 * Functions (https://learn.microsoft.com/sql/relational-databases/security/dynamic-data-masking):
 * default(), email(), random(start, end) on numeric types, partial(prefix, "padding", suffix)
 * on strings, datetime("Y|M|D|h|m|s") on date and time types (SQL Server 2022); a computed
 * column cannot be masked. Stored form: arguments joined by ", " whatever the spacing written
 * (`partial(2,"xxxx",0)` reads back `partial(2, "xxxx", 0)`: https://github.com/microsoft/DacFx/issues/206).
 * The function name is stored in lower case (inferred). Error numbers and wording are inferred.
 */
import { SqlError } from './errors';
import type { SqlType } from './types';

const NUMERIC = new Set(['bit', 'tinyint', 'smallint', 'int', 'bigint', 'decimal', 'numeric', 'money', 'smallmoney', 'float', 'real']);
const DATES = new Set(['date', 'time', 'datetime', 'datetime2', 'datetimeoffset', 'smalldatetime']);
const STRINGS = new Set(['char', 'varchar', 'nchar', 'nvarchar', 'text', 'ntext']);

const invalid = (text: string): SqlError => new SqlError(16002, 16, 1, `The masking function '${text}' is not valid.`);

/** The stored text of a masking function written `text` for a column of type `type`, or an error. */
export function storedMask(text: string, type: SqlType, column: string): string {
  const m = /^\s*([A-Za-z]+)\s*\(([^)]*)\)\s*$/.exec(text);
  if (!m) throw invalid(text);
  const name = m[1].toLowerCase();
  const raw = m[2].trim();
  const args = raw === '' ? [] : raw.split(',').map((a) => a.trim());
  const num = (a: string | undefined): boolean => a !== undefined && /^[+-]?\d+(\.\d+)?$/.test(a);
  const quoted = (a: string | undefined): boolean => a !== undefined && /^"[^"]*"$/.test(a);
  const fits = (set: Set<string>): void => {
    if (!set.has(type.name)) throw new SqlError(16003, 16, 1, `The data type of column '${column}' does not support data masking function '${name}'.`);
  };
  switch (name) {
    case 'default': case 'email':
      if (args.length !== 0) throw invalid(text);
      if (name === 'email') fits(STRINGS);
      break;
    case 'random':
      if (args.length !== 2 || !num(args[0]) || !num(args[1])) throw invalid(text);
      fits(NUMERIC);
      break;
    case 'partial':
      if (args.length !== 3 || !/^\d+$/.test(args[0]) || !quoted(args[1]) || !/^\d+$/.test(args[2])) throw invalid(text);
      fits(STRINGS);
      break;
    case 'datetime':
      if (args.length !== 1 || !/^"[YMDhms]"$/.test(args[0])) throw invalid(text);
      fits(DATES);
      break;
    default: throw invalid(text);
  }
  return `${name}(${args.join(', ')})`;
}
