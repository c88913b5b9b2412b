/**
 * The one synthetic table shape the bench multiplies: a BaseEntity (six inherited columns, four
 * inherited indexes, a primary key and a tenant foreign key) plus ten columns and four indexes of
 * its own. Each column is described twice, as its decorator and as the sys.columns row SQL
 * Server would store for it, so the schema writer and the snapshot writer cannot drift apart.
 */
import type { ColumnRow } from '../src/catalog/snapshot-types';

/** The database collation of every generated snapshot (and the compiler's default). */
export const COLLATION = 'SQL_Latin1_General_CP1_CI_AS';

/** The sys.columns facts of one column, without the ids and the name. */
export type ColumnFacts = Omit<ColumnRow, 'object_id' | 'column_id' | 'name'>;

/** One column: its TypeScript field, its decorator, its stored row and stored default. */
export interface ColumnSpec {
  readonly field: string;
  readonly name: string;
  /** Decorator call without the leading `@`, e.g. `Column.int({ default: 0 })`. */
  readonly decorator: string;
  readonly tsType: string;
  readonly facts: ColumnFacts;
  /** sys.default_constraints.definition as SQL Server stores it, or null. */
  readonly storedDefault: string | null;
}

/** One index as sys.indexes/sys.index_columns describe it (names of `{table}` expanded later). */
export interface IndexSpec {
  /** Name with `{table}` standing for the table name. */
  readonly name: string;
  readonly keys: readonly { readonly column: string; readonly desc: boolean }[];
  readonly include: readonly string[];
  readonly unique: boolean;
  readonly clustered: boolean;
  readonly primaryKey: boolean;
  /** filter_definition as stored, or null. */
  readonly filter: string | null;
}

function facts(type: string, maxLength: number, precision: number, scale: number, nullable: boolean, collated = false): ColumnFacts {
  return {
    type_name: type, system_type_name: null, max_length: maxLength, precision, scale, is_nullable: nullable,
    is_identity: false, seed_value: null, increment_value: null, collation_name: collated ? COLLATION : null,
    is_computed: false, computed_definition: null, is_persisted: null,
  };
}

/** The soft-delete filter of every activeOnly index, as SQL Server stores it. */
export const ACTIVE_FILTER = '([is_deleted]=(0))';

/** AuditedEntity's columns, in the order the compiler emits inherited columns. */
export const AUDITED_COLUMNS: readonly ColumnSpec[] = [
  { field: 'id', name: 'id', decorator: '', tsType: 'string', facts: facts('uniqueidentifier', 16, 0, 0, false), storedDefault: '(newid())' },
  {
    field: 'indexId', name: 'index_id', decorator: '', tsType: 'number', storedDefault: null,
    facts: { ...facts('bigint', 8, 19, 0, false), is_identity: true, seed_value: 1, increment_value: 1 },
  },
  { field: 'createdAt', name: 'created_at', decorator: '', tsType: 'Date', facts: facts('datetime', 8, 23, 3, false), storedDefault: '(getdate())' },
  { field: 'updatedAt', name: 'updated_at', decorator: '', tsType: 'Date', facts: facts('datetime', 8, 23, 3, false), storedDefault: '(getdate())' },
  { field: 'isDeleted', name: 'is_deleted', decorator: '', tsType: 'boolean', facts: facts('bit', 1, 1, 0, false), storedDefault: '((0))' },
];

/** BaseEntity adds tenant_id after AuditedEntity's columns. */
export const BASE_COLUMNS: readonly ColumnSpec[] = [
  ...AUDITED_COLUMNS,
  { field: 'tenantId', name: 'tenant_id', decorator: '', tsType: 'string', facts: facts('uniqueidentifier', 16, 0, 0, false), storedDefault: null },
];

/** tenants' own column. */
export const TENANT_COLUMNS: readonly ColumnSpec[] = [
  ...AUDITED_COLUMNS,
  { field: 'name', name: 'name', decorator: '', tsType: 'string', facts: facts('varchar', 255, 0, 0, false, true), storedDefault: null },
];

/** The status values, in declaration order; the check stores them reversed, OR-joined. */
export const STATUS_VALUES: readonly string[] = ['active', 'archived', 'draft'];

/** The ten columns every generated table declares itself. notes stays last (see drift.ts). */
export const OWN_COLUMNS: readonly ColumnSpec[] = [
  { field: 'code', name: 'code', decorator: 'Column.varchar(50)', tsType: 'string', facts: facts('varchar', 50, 0, 0, false, true), storedDefault: null },
  { field: 'name', name: 'name', decorator: 'Column.nvarchar(200)', tsType: 'string', facts: facts('nvarchar', 400, 0, 0, false, true), storedDefault: null },
  {
    field: 'status', name: 'status', decorator: "Column.varchar(20, { default: 'active' })", tsType: 'Status',
    facts: facts('varchar', 20, 0, 0, false, true), storedDefault: "('active')",
  },
  { field: 'amount', name: 'amount', decorator: 'Column.decimal(18, 2, { default: 0 })', tsType: 'number', facts: facts('decimal', 9, 18, 2, false), storedDefault: '((0))' },
  { field: 'quantity', name: 'quantity', decorator: 'Column.int({ default: 0 })', tsType: 'number', facts: facts('int', 4, 10, 0, false), storedDefault: '((0))' },
  { field: 'priority', name: 'priority', decorator: 'Column.smallint({ default: 3 })', tsType: 'number', facts: facts('smallint', 2, 5, 0, false), storedDefault: '((3))' },
  { field: 'isActive', name: 'is_active', decorator: 'Column.bit({ default: true })', tsType: 'boolean', facts: facts('bit', 1, 1, 0, false), storedDefault: '((1))' },
  { field: 'dueAt', name: 'due_at', decorator: 'Column.datetime2(3, { nullable: true })', tsType: 'Date | null', facts: facts('datetime2', 7, 23, 3, true), storedDefault: null },
  { field: 'parentId', name: 'parent_id', decorator: 'Column.uniqueidentifier({ nullable: true })', tsType: 'string | null', facts: facts('uniqueidentifier', 16, 0, 0, true), storedDefault: null },
  { field: 'notes', name: 'notes', decorator: "Column.nvarchar('max', { nullable: true })", tsType: 'string | null', facts: facts('nvarchar', -1, 0, 0, true, true), storedDefault: null },
];

const key = (column: string, desc = false) => ({ column, desc });
const plain = { include: [], unique: false, clustered: false, primaryKey: false, filter: null };

/** AuditedEntity's indexes (clustered identity index, nonclustered primary key, active filter). */
export const AUDITED_INDEXES: readonly IndexSpec[] = [
  { ...plain, name: 'ix_{table}_index_id', keys: [key('index_id')], unique: true, clustered: true },
  { ...plain, name: 'pk_{table}', keys: [key('id')], unique: true, primaryKey: true },
  { ...plain, name: 'ix_{table}_active', keys: [key('is_deleted')], filter: ACTIVE_FILTER },
];

/** BaseEntity's indexes on top of AuditedEntity's. */
export const BASE_INDEXES: readonly IndexSpec[] = [
  ...AUDITED_INDEXES,
  { ...plain, name: 'ix_{table}_tenant_active', keys: [key('tenant_id'), key('is_deleted'), key('index_id')], filter: ACTIVE_FILTER },
  { ...plain, name: 'ix_{table}_tenant_id_lookup', keys: [key('tenant_id'), key('id')], filter: ACTIVE_FILTER },
];

/** The four indexes every generated table declares itself, with their decorators. */
export const OWN_INDEXES: readonly (IndexSpec & { readonly decorator: string })[] = [
  {
    ...plain, name: 'ix_{table}_code', keys: [key('tenant_id'), key('code')], unique: true, filter: ACTIVE_FILTER,
    decorator: "Index('ix_{table}_code', ['tenantId', 'code'], { unique: true, activeOnly: true })",
  },
  {
    ...plain, name: 'ix_{table}_status', keys: [key('tenant_id'), key('status')], include: ['amount'], filter: ACTIVE_FILTER,
    decorator: "Index('ix_{table}_status', ['tenantId', 'status'], { include: ['amount'], activeOnly: true })",
  },
  { ...plain, name: 'ix_{table}_due', keys: [key('due_at', true)], decorator: "Index('ix_{table}_due', [{ column: 'dueAt', desc: true }])" },
  { ...plain, name: 'ix_{table}_parent', keys: [key('parent_id')], decorator: "Index('ix_{table}_parent', ['parentId'])" },
];

/** Name of the i-th generated table (1-based), e.g. entity_0042. */
export function tableName(i: number): string {
  return `entity_${String(i).padStart(4, '0')}`;
}

/** Class name of the i-th generated table, e.g. Entity0042. */
export function className(i: number): string {
  return `Entity${String(i).padStart(4, '0')}`;
}

/** The table whose id the i-th table's parent_id references; null for the first. */
export function parentOf(i: number): number | null {
  return i >= 2 ? Math.floor(i / 2) : null;
}

/** The check on status as SQL Server stores `[status] IN (...)`: reversed, OR-joined, each compared. */
export function storedInCheck(column: string, values: readonly string[]): string {
  return `(${[...values].reverse().map((v) => `[${column}]='${v}'`).join(' OR ')})`;
}
