import type { TemporalChange } from '../differ/temporal-changes';
import { retentionText } from './tsql/temporal';
import type { Change, ChangeKind, TableRef } from '../differ/changes';
import { xmlCompressionDelta } from '../sqlserver/storage';
import type { AliasTypeDef, CheckConstraint, Column, EdgeConstraint, DefaultConstraint, DependentModule, ForeignKey, Index, IndexOptions, KeyConstraint, SqlExpression, TablePermission } from '../model';
import { inListOf } from '../expr';
import { DEFAULT_COLLATION, nameKeyFor } from '../sqlserver/names';
import { stringLiteral } from '../sqlserver/literals';
import { bare, parenthesized } from './tsql/expression';
import { typeText } from '../sqlserver/types';
import { changeTrackingText } from '../sqlserver/change-tracking';
import { changedIndexOptions, effectiveIndexOption, type IndexOptionChange } from '../sqlserver/index-options';
import { dataSpaceText } from '../sqlserver/data-spaces';
import { indexOptionName, indexOptionsText } from './tsql/clauses';
import { sequenceDelta, sequenceSummary } from './sequence-text';

/** What a move grants again, for its summary: nothing when no permission was read. */
function regrants(permissions: readonly TablePermission[] | undefined): string {
  if (permissions === undefined || permissions.length === 0) return '';
  return ` (its ${permissions.length} permission${permissions.length === 1 ? '' : 's'} granted again)`;
}

/** Whether a change creates (+), alters (~) or removes (-) something: the plan text's marker. */
export type ChangeMarker = '+' | '~' | '-';

type ChangeOf<K extends ChangeKind> = Extract<Change, { kind: K }>;

/** One part of a definition that changes, old -> new: `{ part: 'include', from: 'INCLUDE (a)', to: 'INCLUDE (a, b)' }`. */
export interface DeltaPart {
  readonly part: string;
  readonly from: string;
  readonly to: string;
}

/** What every view of a change needs: its table, the object it touches, a short phrase. */
export interface ChangeFacts {
  readonly table: TableRef | null;
  readonly object: string;
  readonly marker: ChangeMarker;
  readonly summary: string;
  /** For an alteration (or a drop and re-create of a changed definition): what differs, old -> new. */
  readonly delta?: readonly DeltaPart[];
}

type Describers = { readonly [K in ChangeKind]: (change: ChangeOf<K>) => ChangeFacts };

const columnSummary = (c: Column): string => (c.computed !== null
  ? `AS ${c.computed.expression.text}${c.computed.persisted ? ' PERSISTED' : ''}`
  : `${typeText(c.type)}${c.identity !== null ? ` IDENTITY(${c.identity.seed},${c.identity.increment})${c.identity.notForReplication === true ? ' NOT FOR REPLICATION' : ''}` : ''} ${c.nullable ? 'NULL' : 'NOT NULL'}`);

/** A check's or foreign key's replication clause for old -> new. */
const replicationText = (o: CheckConstraint | ForeignKey): string => (o.notForReplication === true ? 'NOT FOR REPLICATION' : 'no NOT FOR REPLICATION');
/** How a check or foreign key is added: checked against the rows there are, WITH NOCHECK, or then disabled too. */
const stateText = (o: CheckConstraint | ForeignKey): string => (!o.enabled ? 'disabled' : o.trusted ? 'checked' : 'WITH NOCHECK');
/** What an add step does beyond a plain ADD: the rows already in the table are not checked, or it is then disabled. */
function addedState(o: CheckConstraint | ForeignKey): string {
  if (!o.enabled) return ' WITH NOCHECK, then disabled (NOCHECK CONSTRAINT): no row is checked';
  return o.trusted ? '' : ' WITH NOCHECK: the rows already in the table are not checked';
}

/** Collects the parts whose text differs. */
class Delta {
  readonly parts: DeltaPart[] = [];
  /** Adds `part` when the two renderings differ (or when `differs` says so, for texts that compare otherwise). */
  add(part: string, from: string, to: string, differs: boolean = from !== to): this {
    if (differs) this.parts.push({ part, from, to });
    return this;
  }
}

/** A description in a one-line summary: quoted, line breaks as spaces, long text cut with an ellipsis. */
function quoted(text: string): string {
  const line = text.replace(/\s+/gu, ' ').trim();
  return `"${line.length > 60 ? `${line.slice(0, 57)}...` : line}"`;
}

/** "a -> b; c -> d", or `fallback` when nothing visible differs. */
export function deltaText(parts: readonly DeltaPart[], fallback = 'redefine'): string {
  return parts.length > 0 ? parts.map((p) => `${p.from} -> ${p.to}`).join('; ') : fallback;
}

/** What differs between two column versions: "varchar(50) -> varchar(100)". */
function columnDelta(from: Column, to: Column): DeltaPart[] {
  return new Delta()
    .add('type', typeText(from.type), typeText(to.type))
    .add('nullability', from.nullable ? 'NULL' : 'NOT NULL', to.nullable ? 'NULL' : 'NOT NULL')
    .add('collation', `collation ${from.collation ?? 'default'}`, `collation ${to.collation ?? 'default'}`)
    .parts;
}

const keyList = (cols: readonly { readonly name: string; readonly descending: boolean }[]): string =>
  `(${cols.map((k) => `${k.name}${k.descending ? ' DESC' : ''}`).join(', ')})`;
const clusteredText = (clustered: boolean): string => (clustered ? 'clustered' : 'nonclustered');

/** What differs between two definitions of an index, each part old -> new: "INCLUDE (a) -> INCLUDE (a, b)". */
export function indexDelta(from: Index, to: Index): DeltaPart[] {
  const include = (i: Index) => (i.include.length === 0 ? 'no INCLUDE' : `INCLUDE (${i.include.join(', ')})`);
  const filter = (i: Index) => (i.filter === null ? 'no filter' : `WHERE ${i.filter.text}`);
  return new Delta()
    .add('columns', keyList(from.columns), keyList(to.columns))
    .add('include', include(from), include(to))
    .add('filter', filter(from), filter(to), (from.filter?.canonical ?? null) !== (to.filter?.canonical ?? null))
    .add('unique', from.unique ? 'unique' : 'not unique', to.unique ? 'unique' : 'not unique')
    .add('clustered', clusteredText(from.clustered), clusteredText(to.clustered))
    .add('columnstore', from.columnstore === true ? 'columnstore' : 'rowstore', to.columnstore === true ? 'columnstore' : 'rowstore')
    .add('placement', dataSpaceText(from.dataSpace), dataSpaceText(to.dataSpace))
    .add('kind', indexKindText(from), indexKindText(to))
    .parts;
}

/**
 * What kind of index it is: 'primary XML', 'secondary XML USING p FOR PATH', 'spatial USING
 * GEOMETRY_GRID, box (0, 0, 100, 100), grids LOW/MEDIUM/MEDIUM/HIGH, 16 cells per object', or
 * 'relational'.
 */
export function indexKindText(i: Index): string {
  return i.xml !== undefined || i.spatial !== undefined ? `${specialKind(i)}${specialDetails(i)}` : 'relational';
}

function specialKind(i: Index): string {
  return i.xml === undefined ? 'spatial' : `${i.xml.kind} XML`;
}

/** ' USING p FOR PATH' or ' USING scheme, box ..., grids ..., n cells per object'; '' for a primary XML index. */
function specialDetails(i: Index): string {
  if (i.xml?.kind === 'secondary') return ` USING ${i.xml.using} FOR ${i.xml.for}`;
  const sp = i.spatial;
  if (sp === undefined) return '';
  const b = sp.boundingBox;
  return ` USING ${[sp.tessellation, ...(b !== undefined ? [`box (${b.xmin}, ${b.ymin}, ${b.xmax}, ${b.ymax})`] : []),
    ...(sp.grids !== undefined ? [`grids ${sp.grids.join('/')}`] : []), `${sp.cellsPerObject} cells per object`].join(', ')}`;
}

/** Keys and clustering of a primary key or UNIQUE constraint, old -> new. */
function keyDelta(from: KeyConstraint, to: KeyConstraint): DeltaPart[] {
  return new Delta()
    .add('columns', keyList(from.columns), keyList(to.columns))
    .add('clustered', clusteredText(from.clustered), clusteredText(to.clustered))
    .add('placement', dataSpaceText(from.dataSpace), dataSpaceText(to.dataSpace))
    .parts;
}

/**
 * A check's expression for old -> new. An allowed-values list reads the same on both sides
 * (`status IN ('a', 'b')`), although SQL Server stores it as an OR chain; any other expression
 * is shown as its side has it, without the outer parentheses SQL Server adds.
 */
function checkText(e: SqlExpression): string {
  const list = inListOf(e.text, nameKeyFor(DEFAULT_COLLATION));
  if (list !== null) return `${list.column} IN (${list.values.map((v) => stringLiteral(v, false)).join(', ')})`;
  return bare(e);
}

/** `FILLFACTOR 0 -> 80, PAD_INDEX OFF -> ON`: the options of one kind that change. */
function optionDelta(from: IndexOptions, to: IndexOptions, how: IndexOptionChange): string {
  const text = (o: IndexOptions, k: Parameters<typeof effectiveIndexOption>[1]) => {
    const v = effectiveIndexOption(o, k);
    return typeof v === 'number' ? String(v) : v ? 'ON' : 'OFF';
  };
  return changedIndexOptions(from, to, how).map((k) => `${indexOptionName(k)} ${text(from, k)} -> ${text(to, k)}`).join(', ');
}

/** A check's expression, old -> new, when its canonical form differs. */
function checkDelta(from: CheckConstraint, to: CheckConstraint): DeltaPart[] {
  return new Delta().add('expression', `CHECK (${checkText(from.expression)})`, `CHECK (${checkText(to.expression)})`,
    from.expression.canonical !== to.expression.canonical)
    .add('notForReplication', replicationText(from), replicationText(to))
    .add('state', stateText(from), stateText(to))
    .parts;
}

function defaultDelta(from: DefaultConstraint, to: DefaultConstraint): DeltaPart[] {
  return new Delta()
    .add('column', from.column, to.column)
    .add('expression', `DEFAULT ${parenthesized(from.expression)}`, `DEFAULT ${parenthesized(to.expression)}`, from.expression.canonical !== to.expression.canonical)
    .parts;
}

/** A foreign key's columns, target, ON DELETE and ON UPDATE, old -> new. */
function foreignKeyDelta(from: ForeignKey, to: ForeignKey): DeltaPart[] {
  const target = (fk: ForeignKey) => `${fk.referencedSchema}.${fk.referencedTable} (${fk.referencedColumns.join(', ')})`;
  const action = (a: string) => a.replace(/_/g, ' ').toUpperCase();
  return new Delta()
    .add('columns', `(${from.columns.join(', ')})`, `(${to.columns.join(', ')})`)
    .add('references', target(from), target(to))
    .add('onDelete', `ON DELETE ${action(from.onDelete)}`, `ON DELETE ${action(to.onDelete)}`)
    .add('onUpdate', `ON UPDATE ${action(from.onUpdate)}`, `ON UPDATE ${action(to.onUpdate)}`)
    .add('notForReplication', replicationText(from), replicationText(to))
    .add('state', stateText(from), stateText(to))
    .parts;
}

/**
 * The facts of an add change that re-creates a changed definition: marker ~, "re-create ...:"
 * with old -> new. `plain` is what the change says as a plain addition.
 */
function recreated(plain: ChangeFacts, what: string, oldName: string, parts: DeltaPart[]): ChangeFacts {
  const delta = new Delta().add('name', oldName, plain.object).parts.concat(parts);
  return { ...plain, marker: '~', summary: `re-create ${what} ${plain.object}: ${deltaText(delta)}`, delta };
}

/** An alias type's definition as CREATE TYPE writes it, e.g. `nvarchar(320) NOT NULL`. */
function aliasDefinition(a: AliasTypeDef): string {
  return `${typeText(a.base)} ${a.nullable ? 'NULL' : 'NOT NULL'}`;
}

const TEMPORAL_DESCRIBERS: Pick<Describers, TemporalChange['kind']> = {
  addPeriod: (c) => ({ table: c.table, object: 'SYSTEM_TIME', marker: '+', summary: `add period columns ${c.start.name}, ${c.end.name} and PERIOD FOR SYSTEM_TIME` }),
  dropPeriod: (c) => ({ table: c.table, object: 'SYSTEM_TIME', marker: '-', summary: `drop PERIOD FOR SYSTEM_TIME and period columns ${c.start.name}, ${c.end.name}` }),
  enableVersioning: (c) => ({
    table: c.table, object: 'SYSTEM_VERSIONING', marker: '+',
    summary: `system versioning on, history ${c.versioning.historySchema}.${c.versioning.historyTable} (${c.historyExists ? 'existing rows checked' : 'created'}), retention ${retentionText(c.versioning.retention)}`,
  }),
  disableVersioning: (c) => ({
    table: c.table, object: 'SYSTEM_VERSIONING', marker: '-',
    summary: `system versioning off, history ${c.versioning.historySchema}.${c.versioning.historyTable} ${c.dropHistory ? 'dropped' : 'kept'}`,
  }),
  alterRetention: (c) => ({ table: c.table, object: 'SYSTEM_VERSIONING', marker: '~', summary: `history retention ${retentionText(c.from)} -> ${retentionText(c.to)}` }),
  alterPeriodHidden: (c) => ({ table: c.table, object: c.column, marker: '~', summary: `${c.hidden ? 'hide' : 'unhide'} period column ${c.column} (${c.hidden ? 'ADD' : 'DROP'} HIDDEN)` }),
};

const DESCRIBERS: Describers = {
  createType: (c) => ({ table: null, object: `${c.type.schema}.${c.type.name}`, marker: '+', summary: `create type ${c.type.schema}.${c.type.name} from ${aliasDefinition(c.type)}` }),
  dropType: (c) => ({ table: null, object: `${c.type.schema}.${c.type.name}`, marker: '-', summary: `drop type ${c.type.schema}.${c.type.name}` }),
  redefineType: (c) => ({
    table: null, object: `${c.to.schema}.${c.to.name}`, marker: '~',
    summary: `redefine type ${c.to.schema}.${c.to.name}: ${aliasDefinition(c.from)} -> ${aliasDefinition(c.to)} (DROP and CREATE TYPE)`,
  }),
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
  transferTable: (c) => ({
    table: { schema: c.to, name: c.name }, object: c.name, marker: '~',
    summary: `move table ${c.from}.${c.name} to schema ${c.to}${regrants(c.permissions)}`,
  }),
  addColumn: (c) => ({
    table: c.table, object: c.column.name, marker: '+',
    summary: `add column ${c.column.name} ${columnSummary(c.column)}${c.default !== undefined ? ` DEFAULT ${parenthesized(c.default.expression)} (${c.default.name}; fills existing rows)` : ''}`,
  }),
  dropColumn: (c) => ({
    table: c.table, object: c.column.name, marker: '-',
    summary: `drop column ${c.column.name}${c.default !== undefined ? ` and its default ${c.default.name}` : ''}`,
  }),
  renameColumn: (c) => ({ table: c.table, object: c.to, marker: '~', summary: `rename column ${c.from} to ${c.to}` }),
  alterColumn: (c) => ({
    table: c.table, object: c.to.name, marker: '~', delta: columnDelta(c.from, c.to),
    summary: `alter column ${c.to.name}: ${deltaText(columnDelta(c.from, c.to))}${(c.around ?? []).length > 0
      ? ` (rebuilding ${(c.around ?? []).map((a) => (a.kind === 'index' ? a.index.name : a.constraint.name)).join(', ')} around it)` : ''}`,
  }),
  backfillColumn: (c) => ({ table: c.table, object: c.column, marker: '~', summary: `fill NULLs in ${c.column} with ${c.expression.text}` }),
  addDefault: (c) => {
    const plain: ChangeFacts = { table: c.table, object: c.constraint.name, marker: '+', summary: `add default ${c.constraint.name} on ${c.constraint.column}: ${c.constraint.expression.text}` };
    return c.replaces === undefined ? plain : recreated(plain, 'default', c.replaces.name, defaultDelta(c.replaces, c.constraint));
  },
  dropDefault: (c) => ({ table: c.table, object: c.constraint.name, marker: '-', summary: `drop default ${c.constraint.name} on ${c.constraint.column}` }),
  addCheck: (c) => {
    const plain: ChangeFacts = { table: c.table, object: c.constraint.name, marker: '+', summary: `add check ${c.constraint.name}: ${c.constraint.expression.text}${addedState(c.constraint)}` };
    return c.replaces === undefined ? plain : recreated(plain, 'check', c.replaces.name, checkDelta(c.replaces, c.constraint));
  },
  dropCheck: (c) => ({ table: c.table, object: c.constraint.name, marker: '-', summary: `drop check ${c.constraint.name}` }),
  addPrimaryKey: (c) => {
    const plain: ChangeFacts = {
      table: c.table, object: c.constraint.name, marker: '+',
      summary: `add primary key ${c.constraint.name} ${c.constraint.clustered ? 'clustered' : 'nonclustered'} (${c.constraint.columns.map((k) => k.name).join(', ')})`,
    };
    return c.replaces === undefined ? plain : recreated(plain, 'primary key', c.replaces.name, keyDelta(c.replaces, c.constraint));
  },
  dropPrimaryKey: (c) => ({ table: c.table, object: c.constraint.name, marker: '-', summary: `drop primary key ${c.constraint.name}` }),
  addUnique: (c) => {
    const plain: ChangeFacts = {
      table: c.table, object: c.constraint.name, marker: '+',
      summary: `add unique ${c.constraint.name} (${c.constraint.columns.map((k) => k.name).join(', ')})`,
    };
    return c.replaces === undefined ? plain : recreated(plain, 'unique', c.replaces.name, keyDelta(c.replaces, c.constraint));
  },
  dropUnique: (c) => ({ table: c.table, object: c.constraint.name, marker: '-', summary: `drop unique ${c.constraint.name}` }),
  createIndex: (c) => {
    const special = c.index.xml !== undefined || c.index.spatial !== undefined;
    const plain: ChangeFacts = special ? {
      table: c.table, object: c.index.name, marker: '+',
      summary: `create ${specialKind(c.index)} index ${c.index.name} ${keyList(c.index.columns)}${specialDetails(c.index)}${indexOptionsText(c.index)}`,
    } : {
      table: c.table, object: c.index.name, marker: '+',
      summary: `create ${c.index.unique ? 'unique ' : ''}${clusteredText(c.index.clustered)}${c.index.columnstore === true ? ' columnstore' : ''}${c.index.bucketCount !== undefined ? ' hash' : ''} index ${c.index.name} ${keyList(c.index.columns)}${c.index.filter !== null ? ` WHERE ${c.index.filter.text}` : ''}${indexOptionsText(c.index)}${c.index.bucketCount !== undefined ? ` BUCKET_COUNT ${c.index.bucketCount}` : ''}`,
    };
    return c.replaces === undefined ? plain : recreated(plain, 'index', c.replaces.name, indexDelta(c.replaces, c.index));
  },
  dropIndex: (c) => ({ table: c.table, object: c.index.name, marker: '-', summary: `drop index ${c.index.name}` }),
  redefineIndex: (c) => ({
    table: c.table, object: c.to.name, marker: '~', delta: indexDelta(c.from, c.to),
    summary: `alter index ${c.to.name} in place (DROP_EXISTING): ${deltaText(indexDelta(c.from, c.to))}`,
  }),
  addForeignKey: (c) => {
    const plain: ChangeFacts = {
      table: c.table, object: c.constraint.name, marker: '+',
      summary: `add foreign key ${c.constraint.name} (${c.constraint.columns.join(', ')}) -> ${c.constraint.referencedSchema}.${c.constraint.referencedTable} (${c.constraint.referencedColumns.join(', ')})${addedState(c.constraint)}`,
    };
    return c.replaces === undefined ? plain : recreated(plain, 'foreign key', c.replaces.name, foreignKeyDelta(c.replaces, c.constraint));
  },
  dropForeignKey: (c) => ({ table: c.table, object: c.constraint.name, marker: '-', summary: `drop foreign key ${c.constraint.name}` }),
  addEdgeConstraint: (c) => {
    const plain: ChangeFacts = { table: c.table, object: c.constraint.name, marker: '+', summary: `add edge constraint ${c.constraint.name} ${connectionText(c.constraint)}` };
    return c.replaces === undefined ? plain : { ...plain, marker: '~', summary: `re-create edge constraint ${c.constraint.name}: ${connectionText(c.replaces)} -> ${connectionText(c.constraint)}` };
  },
  dropEdgeConstraint: (c) => ({ table: c.table, object: c.constraint.name, marker: '-', summary: `drop edge constraint ${c.constraint.name}` }),
  renameConstraint: (c) => ({
    table: c.table, object: c.to, marker: '~',
    summary: `rename ${c.objectType === 'INDEX' ? 'index' : 'constraint'} ${c.from} to ${c.to}`,
  }),
  revalidateConstraint: (c) => ({ table: c.table, object: c.name, marker: '~', summary: `${c.wasDisabled === true ? 'enable and ' : ''}re-validate constraint ${c.name} (WITH CHECK)` }),
  setDescription: (c) => ({
    table: c.table, object: c.column ?? c.table.name, marker: c.from === null ? '+' : c.to === null ? '-' : '~',
    summary: `${c.from === null ? 'add' : c.to === null ? 'drop' : 'update'} description of ${c.column === null ? `table ${c.table.name}` : `column ${c.column}`}${
      c.to === null ? '' : c.from === null ? `: ${quoted(c.to)}` : `: ${quoted(c.from)} -> ${quoted(c.to)}`}`,
  }),
  untrustConstraint: (c) => ({ table: c.table, object: c.name, marker: '~', summary: `mark constraint ${c.name} untrusted (NOCHECK)` }),
  disableConstraint: (c) => ({ table: c.table, object: c.name, marker: '~', summary: `disable constraint ${c.name} (NOCHECK CONSTRAINT): rows are no longer checked against it` }),
  enableConstraint: (c) => ({ table: c.table, object: c.name, marker: '~', summary: `enable constraint ${c.name} WITH NOCHECK: new rows are checked, the rows already there are not` }),
  ...TEMPORAL_DESCRIBERS,
  createSequence: (c) => ({ table: null, object: `${c.sequence.schema}.${c.sequence.name}`, marker: '+', summary: `create sequence ${c.sequence.schema}.${c.sequence.name} ${sequenceSummary(c.sequence)}` }),
  dropSequence: (c) => ({ table: null, object: `${c.sequence.schema}.${c.sequence.name}`, marker: '-', summary: `drop sequence ${c.sequence.schema}.${c.sequence.name}` }),
  recreateSequence: (c) => ({
    table: null, object: `${c.to.schema}.${c.to.name}`, marker: '~',
    summary: `re-create sequence ${c.to.schema}.${c.to.name} as ${typeText(c.to.type)} (was ${typeText(c.from.type)}), continuing after the value it has reached${
      sequenceDelta({ ...c.from, type: c.to.type }, c.to) === '' ? '' : `; ${sequenceDelta({ ...c.from, type: c.to.type }, c.to)}`}`,
  }),
  alterSequence: (c) => ({ table: null, object: `${c.to.schema}.${c.to.name}`, marker: '~', summary: `alter sequence ${c.to.schema}.${c.to.name}: ${sequenceDelta(c.from, c.to)}` }),
  rebuildCompression: (c) => ({
    table: c.table, object: c.index?.name ?? c.table.name, marker: '~',
    summary: `rebuild ${c.index === null ? 'table' : `index ${c.index.name}`} with ${[
      ...(c.from !== c.to || c.xml === undefined ? [`DATA_COMPRESSION ${c.from} -> ${c.to}`] : []), ...(c.xml !== undefined ? [xmlCompressionDelta(c.xml)] : []),
    ].join(', ')}`,
  }),
  moveHeap: (c) => ({ table: c.table, object: c.table.name, marker: '~', summary: `move heap from ${dataSpaceText(c.from ?? undefined)} to ${dataSpaceText(c.to ?? undefined)} (a transient clustered index on ${c.key}, built there and dropped)` }),
  enableChangeTracking: (c) => ({
    table: c.table, object: c.table.name, marker: '+',
    summary: `enable ${changeTrackingText(c.tracking)}${c.aroundKey === true ? ' again once its primary key is re-created' : ''}`,
  }),
  disableChangeTracking: (c) => ({
    table: c.table, object: c.table.name, marker: '-',
    summary: `disable change tracking${c.aroundKey === true ? ' until its primary key is re-created (SQL Server refuses dropping a tracked table\'s key)' : ''}`,
  }),
  setLockEscalation: (c) => ({ table: c.table, object: c.table.name, marker: '~', summary: `set LOCK_ESCALATION ${c.from} -> ${c.to}` }),
  alterBucketCount: (c) => ({ table: c.table, object: c.index, marker: '~', summary: `rebuild hash index ${c.index} with BUCKET_COUNT ${c.to} (was ${c.from})` }),
  setIgnoreDupKey: (c) => ({ table: c.table, object: c.index, marker: '~', summary: `set IGNORE_DUP_KEY ${c.to ? 'ON' : 'OFF'} on ${c.index}` }),
  rebuildIndexOptions: (c) => ({
    table: c.table, object: c.index.name, marker: '~',
    summary: `rebuild ${c.index.clustered ? 'clustered ' : ''}index ${c.index.name}: ${optionDelta(c.from, c.to, 'rebuild')}${
      c.compression !== undefined ? `, DATA_COMPRESSION ${c.compression.from} -> ${c.compression.to}` : ''}${c.xmlCompression !== undefined ? `, ${xmlCompressionDelta(c.xmlCompression)}` : ''}`,
  }),
  setIndexOptions: (c) => ({ table: c.table, object: c.index, marker: '~', summary: `set ${optionDelta(c.from, c.to, 'set')} on ${c.index}` }),
  setSparse: (c) => ({ table: c.table, object: c.column, marker: '~', summary: `${c.sparse ? 'make' : 'unmake'} column ${c.column} SPARSE` }),
  setRowGuidCol: (c) => ({ table: c.table, object: c.column, marker: '~', summary: `${c.rowguidcol ? 'make' : 'unmake'} column ${c.column} the ROWGUIDCOL` }),
  setMask: (c) => {
    const delta = [{ part: 'mask', from: c.from ?? 'not masked', to: c.to ?? 'not masked' }];
    const around = c.aroundAlter === true ? (c.to === null ? ' (until its ALTER COLUMN is done)' : ' (once its ALTER COLUMN is done)') : '';
    return { table: c.table, object: c.column, marker: '~', delta, summary: `mask of ${c.column}: ${deltaText(delta)}${around}` };
  },
  setNotForReplication: (c) => {
    const delta = [{ part: 'notForReplication', from: c.notForReplication ? 'no NOT FOR REPLICATION' : 'NOT FOR REPLICATION', to: c.notForReplication ? 'NOT FOR REPLICATION' : 'no NOT FOR REPLICATION' }];
    return { table: c.table, object: c.column, marker: '~', delta, summary: `identity ${c.column}: ${deltaText(delta)} (${c.notForReplication ? 'ADD' : 'DROP'} NOT FOR REPLICATION)` };
  },
  // A bound default or rule (CREATE DEFAULT / CREATE RULE + sp_bindefault / sp_bindrule), unbound around a step or for good.
  unbindColumn: (c) => ({ table: c.table, object: c.column, marker: '-', summary: `unbind ${c.what} ${c.object.schema}.${c.object.name} from ${c.column} (sp_unbind${c.what === 'default' ? 'efault' : 'rule'}; the ${c.what} object stays)` }),
  bindColumn: (c) => ({ table: c.table, object: c.column, marker: '+', summary: `bind ${c.what} ${c.object.schema}.${c.object.name} to ${c.column} (sp_bind${c.what === 'default' ? 'efault' : 'rule'})` }),
  unbindType: (c) => ({ table: null, object: `${c.type.schema}.${c.type.name}`, marker: '-', summary: `unbind ${c.what} ${c.object.schema}.${c.object.name} from alias type ${c.type.schema}.${c.type.name} (futureonly: its columns keep theirs)` }),
  bindType: (c) => ({ table: null, object: `${c.type.schema}.${c.type.name}`, marker: '+', summary: `bind ${c.what} ${c.object.schema}.${c.object.name} to alias type ${c.type.schema}.${c.type.name} (futureonly)` }),
  dropStatistics: (c) => ({ table: c.table, object: c.statistics.name, marker: '-', summary: `drop statistics ${c.statistics.name} (${c.statistics.columns.join(', ')})` }),
  createStatistics: (c) => ({ table: c.table, object: c.statistics.name, marker: '+', summary: `re-create statistics ${c.statistics.name} (${c.statistics.columns.join(', ')})${c.statistics.filter === null ? '' : ` WHERE ${c.statistics.filter}`}` }),
  dropModule: (c) => ({ table: moduleTable(c.module), object: c.module.name, marker: '-', summary: `drop ${moduleWord(c.module)} ${c.module.schema}.${c.module.name}` }),
  createModule: (c) => ({
    table: moduleTable(c.module), object: c.module.name, marker: '+',
    summary: `re-create ${moduleWord(c.module)} ${c.module.schema}.${c.module.name} from its stored definition${c.module.indexes.length > 0 ? ` with its indexes ${c.module.indexes.map((i) => i.name).join(', ')}` : ''}`,
  }),
  dropSecurityPolicy: (c) => ({ table: { schema: c.policy.schema, name: c.policy.name }, object: c.policy.name, marker: '-', summary: `drop security policy ${c.policy.schema}.${c.policy.name}` }),
  createSecurityPolicy: (c) => ({
    table: { schema: c.policy.schema, name: c.policy.name }, object: c.policy.name, marker: '+',
    summary: `re-create security policy ${c.policy.schema}.${c.policy.name} as it was (${c.policy.predicates.length} predicate${c.policy.predicates.length === 1 ? '' : 's'}, STATE = ${c.policy.enabled ? 'ON' : 'OFF'})`,
  }),
  refreshModule: (c) => ({ table: moduleTable(c.module), object: c.module.name, marker: '~', summary: `refresh ${moduleWord(c.module)} ${c.module.schema}.${c.module.name}` }),
};

/** What a module is, in words: view, procedure, function, trigger. */
export function moduleWord(m: DependentModule): string {
  switch (m.type) {
    case 'V': return 'view';
    case 'P': return 'procedure';
    case 'FN': case 'IF': case 'TF': return 'function';
    case 'TR': return 'trigger';
  }
}

/** A trigger belongs to its table; other modules are shown under their own name. */
function moduleTable(m: DependentModule): TableRef {
  return m.parent ?? { schema: m.schema, name: m.name };
}

/** The table, object name, marker and one-line summary of a change; throws on an unknown kind. */
export function describeChange(change: Change): ChangeFacts {
  const describe = (DESCRIBERS as Record<string, ((c: Change) => ChangeFacts) | undefined>)[change.kind];
  if (describe === undefined) throw new Error(`schemac: no description for change kind ${JSON.stringify(change.kind)}`);
  return describe(change);
}

/** A one-line description with the table, for progress output and script comments. */
export function describeWithTable(change: Change): string {
  const facts = describeChange(change);
  if (facts.table === null || change.kind === 'createTable' || change.kind === 'dropTable' || change.kind === 'renameTable' || change.kind === 'transferTable') {
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

/** An edge constraint's clauses and ON DELETE, for plan text: `(dbo.person TO dbo.city) on delete cascade`. */
function connectionText(e: EdgeConstraint): string {
  const clauses = e.connections.map((c) => `${c.fromSchema}.${c.fromTable} TO ${c.toSchema}.${c.toTable}`).join(', ');
  return `(${clauses})${e.onDelete === 'CASCADE' ? ' on delete cascade' : ''}`;
}
