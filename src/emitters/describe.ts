import type { Change, ChangeKind, TableRef } from '../differ/changes';
import type { Column, Index } from '../model';
import { typeText } from '../sqlserver/types';
import { sequenceDelta, sequenceSummary } from './sequence-text';

/** Whether a change creates (+), alters (~) or removes (-) something: the plan text's marker. */
export type ChangeMarker = '+' | '~' | '-';

type ChangeOf<K extends ChangeKind> = Extract<Change, { kind: K }>;

/** What every view of a change needs: its table, the object it touches, a short phrase. */
export interface ChangeFacts {
  readonly table: TableRef | null;
  readonly object: string;
  readonly marker: ChangeMarker;
  readonly summary: string;
}

type Describers = { readonly [K in ChangeKind]: (change: ChangeOf<K>) => ChangeFacts };

const columnSummary = (c: Column): string => (c.computed !== null
  ? `AS ${c.computed.expression.text}${c.computed.persisted ? ' PERSISTED' : ''}`
  : `${typeText(c.type)}${c.identity !== null ? ` IDENTITY(${c.identity.seed},${c.identity.increment})` : ''} ${c.nullable ? 'NULL' : 'NOT NULL'}`);

/** What differs between two column versions, for "alter column x: varchar(50) -> varchar(100)". */
function columnDelta(from: Column, to: Column): string {
  const parts: string[] = [];
  const ft = typeText(from.type);
  const tt = typeText(to.type);
  if (ft !== tt) parts.push(`${ft} -> ${tt}`);
  if (from.nullable !== to.nullable) parts.push(`${from.nullable ? 'NULL' : 'NOT NULL'} -> ${to.nullable ? 'NULL' : 'NOT NULL'}`);
  if (from.collation !== to.collation) parts.push(`collation ${from.collation ?? 'default'} -> ${to.collation ?? 'default'}`);
  return parts.length > 0 ? parts.join(', ') : 'redefine';
}

const keyList = (cols: Index['columns']): string => `(${cols.map((k) => `${k.name}${k.descending ? ' DESC' : ''}`).join(', ')})`;

/** What differs between two definitions of an index, each part old -> new: "INCLUDE (a) -> INCLUDE (a, b)". */
export function indexDelta(from: Index, to: Index): string {
  const parts: string[] = [];
  if (keyList(from.columns) !== keyList(to.columns)) parts.push(`${keyList(from.columns)} -> ${keyList(to.columns)}`);
  const include = (i: Index) => (i.include.length === 0 ? 'no INCLUDE' : `INCLUDE (${i.include.join(', ')})`);
  if (include(from) !== include(to)) parts.push(`${include(from)} -> ${include(to)}`);
  const filter = (i: Index) => (i.filter === null ? 'no filter' : `WHERE ${i.filter.text}`);
  if ((from.filter?.canonical ?? null) !== (to.filter?.canonical ?? null)) parts.push(`${filter(from)} -> ${filter(to)}`);
  if (from.unique !== to.unique) parts.push(`${from.unique ? 'unique' : 'not unique'} -> ${to.unique ? 'unique' : 'not unique'}`);
  if (from.clustered !== to.clustered) parts.push(`${from.clustered ? 'clustered' : 'nonclustered'} -> ${to.clustered ? 'clustered' : 'nonclustered'}`);
  return parts.length > 0 ? parts.join('; ') : 'redefine';
}

const DESCRIBERS: Describers = {
  createSchema: (c) => ({ table: null, object: c.schema, marker: '+', summary: `create schema ${c.schema}` }),
  dropSchema: (c) => ({ table: null, object: c.schema, marker: '-', summary: `drop schema ${c.schema}` }),
  createTable: (c) => ({
    table: { schema: c.table.schema, name: c.table.name }, object: c.table.name, marker: '+',
    summary: `create table ${c.table.schema}.${c.table.name} (${c.table.columns.length} column${c.table.columns.length === 1 ? '' : 's'})`,
  }),
  dropTable: (c) => ({
    table: { schema: c.table.schema, name: c.table.name }, object: c.table.name, marker: '-',
    summary: `drop table ${c.table.schema}.${c.table.name}`,
  }),
  renameTable: (c) => ({
    table: { schema: c.schema, name: c.to }, object: c.to, marker: '~',
    summary: `rename table ${c.schema}.${c.from} to ${c.to}`,
  }),
  addColumn: (c) => ({ table: c.table, object: c.column.name, marker: '+', summary: `add column ${c.column.name} ${columnSummary(c.column)}` }),
  dropColumn: (c) => ({ table: c.table, object: c.column.name, marker: '-', summary: `drop column ${c.column.name}` }),
  renameColumn: (c) => ({ table: c.table, object: c.to, marker: '~', summary: `rename column ${c.from} to ${c.to}` }),
  alterColumn: (c) => ({
    table: c.table, object: c.to.name, marker: '~',
    summary: `alter column ${c.to.name}: ${columnDelta(c.from, c.to)}${(c.around ?? []).length > 0
      ? ` (rebuilding ${(c.around ?? []).map((a) => (a.kind === 'index' ? a.index.name : a.constraint.name)).join(', ')} around it)` : ''}`,
  }),
  backfillColumn: (c) => ({ table: c.table, object: c.column, marker: '~', summary: `fill NULLs in ${c.column} with ${c.expression.text}` }),
  addDefault: (c) => ({ table: c.table, object: c.constraint.name, marker: '+', summary: `add default ${c.constraint.name} on ${c.constraint.column}: ${c.constraint.expression.text}` }),
  dropDefault: (c) => ({ table: c.table, object: c.constraint.name, marker: '-', summary: `drop default ${c.constraint.name} on ${c.constraint.column}` }),
  addCheck: (c) => ({ table: c.table, object: c.constraint.name, marker: '+', summary: `add check ${c.constraint.name}: ${c.constraint.expression.text}` }),
  dropCheck: (c) => ({ table: c.table, object: c.constraint.name, marker: '-', summary: `drop check ${c.constraint.name}` }),
  addPrimaryKey: (c) => ({
    table: c.table, object: c.constraint.name, marker: '+',
    summary: `add primary key ${c.constraint.name} ${c.constraint.clustered ? 'clustered' : 'nonclustered'} (${c.constraint.columns.map((k) => k.name).join(', ')})`,
  }),
  dropPrimaryKey: (c) => ({ table: c.table, object: c.constraint.name, marker: '-', summary: `drop primary key ${c.constraint.name}` }),
  addUnique: (c) => ({
    table: c.table, object: c.constraint.name, marker: '+',
    summary: `add unique ${c.constraint.name} (${c.constraint.columns.map((k) => k.name).join(', ')})`,
  }),
  dropUnique: (c) => ({ table: c.table, object: c.constraint.name, marker: '-', summary: `drop unique ${c.constraint.name}` }),
  createIndex: (c) => ({
    table: c.table, object: c.index.name, marker: '+',
    summary: `create ${c.index.unique ? 'unique ' : ''}${c.index.clustered ? 'clustered' : 'nonclustered'} index ${c.index.name} (${c.index.columns.map((k) => `${k.name}${k.descending ? ' DESC' : ''}`).join(', ')})${c.index.filter !== null ? ` WHERE ${c.index.filter.text}` : ''}`,
  }),
  dropIndex: (c) => ({ table: c.table, object: c.index.name, marker: '-', summary: `drop index ${c.index.name}` }),
  redefineIndex: (c) => ({
    table: c.table, object: c.to.name, marker: '~',
    summary: `alter index ${c.to.name} in place (DROP_EXISTING): ${indexDelta(c.from, c.to)}`,
  }),
  addForeignKey: (c) => ({
    table: c.table, object: c.constraint.name, marker: '+',
    summary: `add foreign key ${c.constraint.name} (${c.constraint.columns.join(', ')}) -> ${c.constraint.referencedSchema}.${c.constraint.referencedTable} (${c.constraint.referencedColumns.join(', ')})`,
  }),
  dropForeignKey: (c) => ({ table: c.table, object: c.constraint.name, marker: '-', summary: `drop foreign key ${c.constraint.name}` }),
  renameConstraint: (c) => ({
    table: c.table, object: c.to, marker: '~',
    summary: `rename ${c.objectType === 'INDEX' ? 'index' : 'constraint'} ${c.from} to ${c.to}`,
  }),
  revalidateConstraint: (c) => ({ table: c.table, object: c.name, marker: '~', summary: `re-validate constraint ${c.name} (WITH CHECK)` }),
  untrustConstraint: (c) => ({ table: c.table, object: c.name, marker: '~', summary: `mark constraint ${c.name} untrusted (NOCHECK)` }),
  createSequence: (c) => ({ table: null, object: `${c.sequence.schema}.${c.sequence.name}`, marker: '+', summary: `create sequence ${c.sequence.schema}.${c.sequence.name} ${sequenceSummary(c.sequence)}` }),
  dropSequence: (c) => ({ table: null, object: `${c.sequence.schema}.${c.sequence.name}`, marker: '-', summary: `drop sequence ${c.sequence.schema}.${c.sequence.name}` }),
  alterSequence: (c) => ({ table: null, object: `${c.to.schema}.${c.to.name}`, marker: '~', summary: `alter sequence ${c.to.schema}.${c.to.name}: ${sequenceDelta(c.from, c.to)}` }),
};

/** The table, object name, marker and one-line summary of a change; throws on an unknown kind. */
export function describeChange(change: Change): ChangeFacts {
  const describe = (DESCRIBERS as Record<string, ((c: Change) => ChangeFacts) | undefined>)[change.kind];
  if (describe === undefined) throw new Error(`schemac: no description for change kind ${JSON.stringify(change.kind)}`);
  return describe(change);
}

/** A one-line description with the table, for progress output and script comments. */
export function describeWithTable(change: Change): string {
  const facts = describeChange(change);
  if (facts.table === null || change.kind === 'createTable' || change.kind === 'dropTable' || change.kind === 'renameTable') {
    return facts.summary;
  }
  return `${facts.table.schema}.${facts.table.name}: ${facts.summary}`;
}

/**
 * The line for a plan without steps. "The database matches the schema" is true only when nothing
 * was skipped: undeclared objects are still there, so the line says how many (listed above it).
 */
export function noChangesLine(undeclared: number): string {
  if (undeclared === 0) return 'No changes. The database matches the schema.';
  const objects = undeclared === 1 ? '1 object in the database is' : `${undeclared} objects in the database are`;
  return `No changes to declared objects; ${objects} not declared (skipped).`;
}
