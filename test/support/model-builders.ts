/**
 * Small builders for hand-made models in differ tests. Every facet defaults to what SQL Server
 * would store for a plain declaration; expressions go through src/expr like the real builders.
 */
import { defaultNameKey } from '../../src/sqlserver/names';
import { makeExpression } from '../../src/expr';
import type {
  CheckConstraint, Column, Database, DefaultConstraint, ForeignKey, Identity, Index, IndexColumn, KeyConstraint,
  ReferentialAction, Sequence, SqlExpression, SqlType, SqlTypeName, Table,
} from '../../src/model';

/** The default database collation (case-insensitive). */
export const CI = 'SQL_Latin1_General_CP1_CI_AS';
/** A case-sensitive collation. */
export const CS = 'SQL_Latin1_General_CP1_CS_AS';

const expressions = new Map<string, SqlExpression>();

/** An expression as the model carries it (memoized: expressions are immutable values). */
export function expr(text: string): SqlExpression {
  let e = expressions.get(text);
  if (e === undefined) { e = makeExpression(text, defaultNameKey).expression; expressions.set(text, e); }
  return e;
}

/** Parses 'int', 'varchar(50)', 'nvarchar(max)', 'decimal(10,2)', 'datetime2(3)'. */
export function type(text: string): SqlType {
  const m = /^(\w+)(?:\((\w+)(?:,\s*(\d+))?\))?$/.exec(text.trim());
  if (m === null) throw new Error(`bad type ${text}`);
  const name = m[1] as SqlTypeName;
  const a = m[2]; const b = m[3];
  switch (name) {
    case 'char': case 'varchar': case 'nchar': case 'nvarchar': case 'binary': case 'varbinary':
      return { name, length: a === undefined ? 1 : a === 'max' ? 'max' : Number(a) };
    case 'decimal': case 'numeric': return { name, precision: a === undefined ? 18 : Number(a), scale: b === undefined ? 0 : Number(b) };
    case 'float': return { name, precision: 53 };
    case 'time': case 'datetime2': case 'datetimeoffset': return { name, scale: a === undefined ? 7 : Number(a) };
    default: return { name };
  }
}

/** Column options; a column is NOT NULL unless `nullable`. */
export interface ColumnOptions {
  nullable?: boolean; identity?: Identity | true; collation?: string; computed?: string; persisted?: boolean;
  renamedFrom?: string; backfill?: string;
}

/** A column. */
export function col(name: string, typeText: string, o: ColumnOptions = {}): Column {
  return {
    name, type: type(typeText), nullable: o.nullable ?? false,
    identity: o.identity === true ? { seed: '1', increment: '1' } : o.identity ?? null,
    collation: o.collation ?? null,
    computed: o.computed === undefined ? null : { expression: expr(o.computed), persisted: o.persisted ?? false },
    ...(o.renamedFrom !== undefined ? { renamedFrom: o.renamedFrom } : {}),
    ...(o.backfill !== undefined ? { backfill: expr(o.backfill) } : {}),
  };
}

function keyCols(cols: readonly string[]): IndexColumn[] {
  return cols.map((c) => (c.endsWith(' desc') ? { name: c.slice(0, -5), descending: true } : { name: c, descending: false }));
}

/** Options shared by named objects. */
export interface NamedOptions { system?: boolean; renamedFrom?: string }

const named = (name: string, o: NamedOptions) => ({ name, isSystemNamed: o.system ?? false, ...(o.renamedFrom !== undefined ? { renamedFrom: o.renamedFrom } : {}) });

/** A PRIMARY KEY (clustered unless said otherwise). Columns may end in ' desc'. */
export function pk(name: string, cols: readonly string[], o: NamedOptions & { clustered?: boolean } = {}): KeyConstraint {
  return { ...named(name, o), columns: keyCols(cols), clustered: o.clustered ?? true };
}

/** A UNIQUE constraint (nonclustered unless said otherwise). */
export function uq(name: string, cols: readonly string[], o: NamedOptions & { clustered?: boolean } = {}): KeyConstraint {
  return { ...named(name, o), columns: keyCols(cols), clustered: o.clustered ?? false };
}

/** An index. */
export function ix(name: string, cols: readonly string[], o: NamedOptions & { unique?: boolean; clustered?: boolean; include?: string[]; filter?: string } = {}): Index {
  return {
    ...named(name, o), columns: keyCols(cols), include: o.include ?? [],
    unique: o.unique ?? false, clustered: o.clustered ?? false, filter: o.filter === undefined ? null : expr(o.filter),
  };
}

/** A check constraint. */
export function ck(name: string, text: string, o: NamedOptions & { trusted?: boolean; enabled?: boolean } = {}): CheckConstraint {
  return { ...named(name, o), expression: expr(text), trusted: o.trusted ?? true, enabled: o.enabled ?? true };
}

/** A default constraint. */
export function df(name: string, column: string, text: string, o: NamedOptions = {}): DefaultConstraint {
  return { ...named(name, o), column, expression: expr(text) };
}

/** A foreign key; `ref` is 'table' (dbo) or 'schema.table'. */
export function fk(name: string, cols: readonly string[], ref: string, refCols: readonly string[],
  o: NamedOptions & { onDelete?: ReferentialAction; onUpdate?: ReferentialAction; trusted?: boolean; enabled?: boolean } = {}): ForeignKey {
  const [schema, table] = ref.includes('.') ? ref.split('.') as [string, string] : ['dbo', ref];
  return {
    ...named(name, o), columns: [...cols], referencedSchema: schema, referencedTable: table,
    referencedColumns: [...refCols], onDelete: o.onDelete ?? 'NO_ACTION', onUpdate: o.onUpdate ?? 'NO_ACTION',
    trusted: o.trusted ?? true, enabled: o.enabled ?? true,
  };
}

/** Parts of a table; everything but columns is optional. */
export interface TableParts {
  columns: Column[]; pk?: KeyConstraint; uniques?: KeyConstraint[]; indexes?: Index[]; checks?: CheckConstraint[];
  defaults?: DefaultConstraint[]; fks?: ForeignKey[]; rowCount?: number; renamedFrom?: string;
}

/** A table; `qualified` is 'name' (dbo) or 'schema.name'. Row count defaults to 0. */
export function table(qualified: string, p: TableParts): Table {
  const [schema, name] = qualified.includes('.') ? qualified.split('.') as [string, string] : ['dbo', qualified];
  return {
    schema, name, columns: p.columns, primaryKey: p.pk ?? null, uniqueConstraints: p.uniques ?? [], indexes: p.indexes ?? [],
    checks: p.checks ?? [], defaults: p.defaults ?? [], foreignKeys: p.fks ?? [], rowCount: p.rowCount ?? 0,
    ...(p.renamedFrom !== undefined ? { renamedFrom: p.renamedFrom } : {}),
  };
}

/** A database; its schemas are dbo plus those of its tables and sequences unless given. */
export function db(tables: Table[], o: { collation?: string; schemas?: string[]; sequences?: Sequence[] } = {}): Database {
  const sequences = o.sequences ?? [];
  const schemas = o.schemas ?? [...new Set(['dbo', ...tables.map((t) => t.schema), ...sequences.map((q) => q.schema)])].sort();
  return { name: null, collation: o.collation ?? CI, schemas, tables, ...(sequences.length > 0 ? { sequences } : {}) };
}

/** A sequence (`schema.name` or `name` in dbo): bigint 1..9223372036854775807 by 1, NO CYCLE, CACHE unless given. */
export function seq(qualified: string, o: Partial<Omit<Sequence, 'schema' | 'name'>> = {}): Sequence {
  const [schema, name] = qualified.includes('.') ? qualified.split('.') as [string, string] : ['dbo', qualified];
  return {
    schema, name, type: o.type ?? { name: 'bigint' }, start: o.start ?? '1', increment: o.increment ?? '1',
    min: o.min ?? '1', max: o.max ?? '9223372036854775807', cycle: o.cycle ?? false, cache: o.cache ?? { kind: 'default' },
  };
}
