/**
 * System-versioned temporal tables in the schema: period columns (`generatedAlways` on a
 * datetime2 column) and `@Table(..., { systemVersioning })`. The rules are SQL Server's
 * (https://learn.microsoft.com/sql/relational-databases/tables/temporal-table-considerations-and-limitations):
 * two datetime2 period columns, NOT NULL, whose values the server generates; a primary key on
 * the current table; a retention of one whole count of DAYS, WEEKS, MONTHS or YEARS, or INFINITE.
 */
import type { ts } from 'ts-morph';
import type { HistoryRetention, PeriodColumn, SqlType, SystemVersioning } from '../model';
import { typeText } from '../sqlserver/types';
import { Codes } from './codes';
import type { DiagnosticBag } from './diagnostics';
import { expandTemplate } from './names';
import type { StaticValue } from './static-value';
import type { TableDraft } from './table-draft';

/** The history table's name when the schema does not give one: `<table>_history`, in the table's schema. */
export const HISTORY_TABLE_TEMPLATE = '{table}_history';

/** Options a period column cannot take: SQL Server generates its value. */
const NOT_ON_PERIOD = ['default', 'backfill', 'identity', 'computed', 'primaryKey'] as const;

/**
 * The period role of a column from its options (`generatedAlways`, `hidden`), reporting what
 * SQL Server refuses; undefined for an ordinary column.
 */
export function readPeriodColumn(
  opts: ReadonlyMap<string, StaticValue>, type: SqlType, column: string, at: ts.Node, bag: DiagnosticBag,
): PeriodColumn | undefined {
  const generated = opts.get('generatedAlways');
  const hidden = opts.get('hidden');
  if (generated === undefined) {
    if (hidden !== undefined) bag.error(Codes.optionMismatch, `column ${column}: hidden applies to period columns only (generatedAlways: 'rowStart' | 'rowEnd')`, hidden.node);
    return undefined;
  }
  if (generated.kind !== 'string' || (generated.value !== 'rowStart' && generated.value !== 'rowEnd')) {
    bag.error(Codes.notStatic, `column ${column}: generatedAlways must be 'rowStart' or 'rowEnd'`, generated.node);
    return undefined;
  }
  if (type.name !== 'datetime2') {
    bag.error(Codes.periodColumnType, `period column ${column} is ${typeText(type)}; SQL Server requires datetime2 for GENERATED ALWAYS AS ROW START/END`, at);
  }
  const nullable = opts.get('nullable');
  if (nullable?.kind === 'boolean' && nullable.value) {
    bag.error(Codes.periodColumnNullable, `period column ${column} cannot be nullable; SQL Server requires period columns to be NOT NULL`, nullable.node);
  }
  for (const option of NOT_ON_PERIOD) {
    const v = opts.get(option);
    if (v !== undefined) bag.error(Codes.periodColumnValue, `period column ${column} cannot have ${option}: SQL Server generates its value`, v.node);
  }
  if (hidden !== undefined && hidden.kind !== 'boolean') bag.error(Codes.notStatic, `column ${column}: hidden must be true or false`, hidden.node);
  return { end: generated.value === 'rowStart' ? 'start' : 'end', hidden: hidden?.kind === 'boolean' && hidden.value };
}

const UNITS: Readonly<Record<string, Exclude<HistoryRetention['unit'], 'INFINITE'>>> = { days: 'DAY', weeks: 'WEEK', months: 'MONTH', years: 'YEAR' };

function readRetention(v: StaticValue | undefined, bag: DiagnosticBag): HistoryRetention {
  if (v === undefined || (v.kind === 'string' && v.value === 'infinite')) return { unit: 'INFINITE' };
  if (v.kind === 'object' && v.props.size === 1) {
    const [[key, count]] = [...v.props];
    const unit = UNITS[key];
    if (unit !== undefined && count.kind === 'number' && Number.isInteger(count.value) && count.value > 0) return { unit, count: count.value };
    if (unit !== undefined) {
      bag.error(Codes.badVersioning, `retention ${key} must be a whole number above 0`, count.node);
      return { unit: 'INFINITE' };
    }
  }
  bag.error(Codes.badVersioning, "retention must be 'infinite' or one of { days: n }, { weeks: n }, { months: n }, { years: n }", v.node);
  return { unit: 'INFINITE' };
}

/** Reads `systemVersioning` of @Table; the draft's versioning is set when it is on. */
export function readVersioning(draft: TableDraft, v: StaticValue | undefined, bag: DiagnosticBag): void {
  if (v === undefined || (v.kind === 'boolean' && !v.value)) return;
  const opts = v.kind === 'object' ? v.props : new Map<string, StaticValue>();
  if (v.kind !== 'object' && v.kind !== 'boolean') {
    bag.error(Codes.notStatic, 'systemVersioning must be true or { historyTable?, historySchema?, retention? }', v.node);
    return;
  }
  const text = (key: string): string | undefined => {
    const x = opts.get(key);
    if (x === undefined) return undefined;
    if (x.kind === 'string') return x.value;
    bag.error(Codes.notStatic, `systemVersioning.${key} must be a string literal`, x.node);
    return undefined;
  };
  const template = text('historyTable') ?? HISTORY_TABLE_TEMPLATE;
  const { name, unknown } = expandTemplate(template, draft.name, draft.schema);
  for (const u of unknown) bag.error(Codes.unknownPlaceholder, `unknown placeholder ${u} in the history table name; use {table} or {schema}`, opts.get('historyTable')?.node ?? v.node);
  const versioning: SystemVersioning = { historySchema: text('historySchema') ?? draft.schema, historyTable: name, retention: readRetention(opts.get('retention'), bag) };
  draft.versioning = { versioning, node: v.node };
}

/** Table-wide rules once every column and key is known: the pair of period columns, the primary key. */
export function checkTemporal(draft: TableDraft, bag: DiagnosticBag): void {
  const starts = draft.columns.filter((c) => c.column.period?.end === 'start');
  const ends = draft.columns.filter((c) => c.column.period?.end === 'end');
  const where = `table ${draft.schema}.${draft.name}`;
  for (const extra of [...starts.slice(1), ...ends.slice(1)]) {
    bag.error(Codes.periodColumns, `${where} already has a ${extra.column.period?.end === 'start' ? 'ROW START' : 'ROW END'} column; PERIOD FOR SYSTEM_TIME takes exactly one of each`, extra.node);
  }
  const versioned = draft.versioning;
  if (versioned !== undefined) {
    if (starts.length === 0 || ends.length === 0) {
      const missing = [starts.length === 0 ? "generatedAlways: 'rowStart'" : '', ends.length === 0 ? "generatedAlways: 'rowEnd'" : ''].filter(Boolean).join(' and ');
      bag.error(Codes.periodColumns, `${where} is system-versioned but has no period column with ${missing}; declare two Column.datetime2(...) period columns`, versioned.node);
    }
    if (draft.primaryKey === null) bag.error(Codes.versionedWithoutKey, `${where} is system-versioned but has no primary key; SQL Server requires one`, versioned.node);
  } else if ((starts.length === 0) !== (ends.length === 0)) {
    const lone = [...starts, ...ends][0];
    bag.error(Codes.periodColumns, `period column ${lone.column.name} has no partner: PERIOD FOR SYSTEM_TIME needs a ROW START and a ROW END column`, lone.node);
  }
}
