/**
 * sp_addextendedproperty / sp_updateextendedproperty / sp_dropextendedproperty on a table or a
 * column (level0 SCHEMA, level1 TABLE, optional level2 COLUMN), stored on the table (catalog.ts
 * ExtendedProperty) and shown by sys.extended_properties (system-views.ts).
 *
 * Arguments, by name or by position, as documented: @name, @value (add/update only), @level0type,
 * @level0name, @level1type, @level1name, @level2type, @level2name
 * (https://learn.microsoft.com/sql/relational-databases/system-stored-procedures/sp-addextendedproperty-transact-sql).
 * Errors and their wording from the documented message table
 * (https://learn.microsoft.com/sql/relational-databases/errors-events/database-engine-events-and-errors-15000-to-15999):
 * 15233 adding one that exists, 15217 updating or dropping one that does not, 15097 a value over
 * 7,500 bytes, 15135 no such object, 15600 an invalid parameter. The object named in 15233 and
 * 15217 ('schema.table.column') is inferred, and so is storing the value exactly as passed
 * (sql_variant keeps the argument's base type and text; no trimming or normalization). Other levels (database, schema, views, procedures)
 * exist on SQL Server but not here: the stand-in refuses them with a message that says so.
 */
import type { Database, ExtendedProperty, Table, Value } from './catalog';
import { findColumn, findTable, sameName } from './catalog';
import { SqlError } from './errors';
import { toText } from './values';

/** Which procedure runs. */
export type ExtendedPropertyProc = 'sp_addextendedproperty' | 'sp_updateextendedproperty' | 'sp_dropextendedproperty';

/** A named-or-positional argument reader, as the session's EXEC builds it. */
export type ArgReader = (position: number, name: string) => Value;

const LEVELS = ['@level0type', '@level0name', '@level1type', '@level1name', '@level2type', '@level2name'] as const;

/** The bytes a value takes in sql_variant: 2 per character of text (nvarchar), else its length. */
function valueBytes(v: Value): number {
  if (v === null) return 0;
  if (typeof v === 'string') return v.length * 2;
  if (Buffer.isBuffer(v) || v instanceof Uint8Array) return v.length;
  return 8;
}

function invalidParameter(proc: string): SqlError {
  return new SqlError(15600, 16, 1, `An invalid parameter or option was specified for procedure '${proc}'.`);
}

/** The table (and column id, 0 for the table) the level arguments name. */
function target(db: Database, proc: ExtendedPropertyProc, levels: readonly Value[]): { table: Table; minorId: number; shown: string } {
  const [type0, name0, type1, name1, type2, name2] = levels.map((v) => (v === null ? null : toText(v)));
  const up = (s: string | null | undefined) => (s ?? '').toUpperCase();
  if (up(type0) !== 'SCHEMA' || up(type1) !== 'TABLE' || (type2 !== null && type2 !== undefined && up(type2) !== 'COLUMN')) {
    if (type0 === null || type0 === undefined) throw new SqlError(50000, 16, 1, `stand-in: ${proc} on the database itself is not modelled; only tables and columns are`);
    if (!['SCHEMA', 'USER', 'TYPE'].includes(up(type0))) throw invalidParameter(proc);
    throw new SqlError(50000, 16, 1, `stand-in: ${proc} on ${up(type0)} ${up(type1)} ${up(type2)} is not modelled; only tables and columns are`);
  }
  const shown = [name0, name1, name2].filter((n) => n !== null && n !== undefined).join('.');
  const table = name0 && name1 ? findTable(db, name0, name1) : undefined;
  if (!table) throw new SqlError(15135, 16, 1, `Object is invalid. Extended properties are not permitted on '${shown}', or the object does not exist.`);
  if (type2 === null || type2 === undefined) return { table, minorId: 0, shown };
  const column = name2 ? findColumn(table, name2) : undefined;
  if (!column) throw new SqlError(15135, 16, 1, `Object is invalid. Extended properties are not permitted on '${shown}', or the object does not exist.`);
  return { table, minorId: column.columnId, shown };
}

/** Runs one of the three procedures against the database being written. */
export function runExtendedPropertyProc(db: Database, proc: ExtendedPropertyProc, arg: ArgReader): void {
  const name = arg(0, '@name');
  if (name === null) throw new SqlError(15004, 16, 1, 'Name cannot be NULL.');
  const withValue = proc !== 'sp_dropextendedproperty';
  const value = withValue ? arg(1, '@value') : null;
  const offset = withValue ? 2 : 1;
  const levels = LEVELS.map((l, i) => arg(offset + i, l));
  if (valueBytes(value) > 7500) throw new SqlError(15097, 16, 1, 'The size associated with an extended property cannot be more than 7,500 bytes.');
  const { table, minorId, shown } = target(db, proc, levels);
  const text = toText(name);
  const list: ExtendedProperty[] = table.properties ?? [];
  const existing = list.find((p) => p.minorId === minorId && sameName(p.name, text));
  if (proc === 'sp_addextendedproperty') {
    if (existing) throw new SqlError(15233, 16, 1, `Property cannot be added. Property '${text}' already exists for '${shown}'.`);
    table.properties = [...list, { minorId, name: text, value }];
    return;
  }
  if (!existing) throw new SqlError(15217, 16, 1, `Property cannot be updated or deleted. Property '${text}' does not exist for '${shown}'.`);
  table.properties = proc === 'sp_updateextendedproperty'
    ? list.map((p) => (p === existing ? { ...p, value } : p))
    : list.filter((p) => p !== existing);
}
