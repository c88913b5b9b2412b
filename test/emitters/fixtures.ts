/**
 * Hand-built models and plans for the emitter tests: the design.md tenants/users schema, and
 * small helpers to build columns, constraints and plan steps without a compiler or differ.
 */
import type { Change, Hazard, Plan, PlanStep, TableRef } from '../../src/differ/changes';
import type {
  CheckConstraint, Column, DefaultConstraint, ForeignKey, Index, KeyConstraint, SqlExpression, SqlType, Table,
} from '../../src/model';

/** An expression as a builder would hand it over (the canonical key is irrelevant to emitters). */
export function expr(text: string): SqlExpression {
  return { text, canonical: text.replace(/\s+/g, '').toLowerCase(), parsed: true };
}

/** Types as a builder fills them in. */
export const t = {
  uuid: { name: 'uniqueidentifier' } as SqlType,
  bigint: { name: 'bigint' } as SqlType,
  int: { name: 'int' } as SqlType,
  bit: { name: 'bit' } as SqlType,
  datetime: { name: 'datetime' } as SqlType,
  varchar: (length: number | 'max'): SqlType => ({ name: 'varchar', length }),
  nvarchar: (length: number | 'max'): SqlType => ({ name: 'nvarchar', length }),
  decimal: (precision: number, scale: number): SqlType => ({ name: 'decimal', precision, scale }),
};

/** A plain NOT NULL column unless `opts` says otherwise. */
export function col(name: string, type: SqlType, opts: Partial<Column> = {}): Column {
  return { name, type, nullable: false, identity: null, collation: null, computed: null, ...opts };
}

/** A named default constraint. */
export function df(name: string, column: string, text: string): DefaultConstraint {
  return { name, column, expression: expr(text), isSystemNamed: false };
}

/** A trusted, enabled check constraint. */
export function ck(name: string, text: string, opts: Partial<CheckConstraint> = {}): CheckConstraint {
  return { name, expression: expr(text), trusted: true, enabled: true, isSystemNamed: false, ...opts };
}

/** A PRIMARY KEY or UNIQUE constraint on ascending columns. */
export function key(name: string, columns: string[], clustered: boolean): KeyConstraint {
  return { name, columns: columns.map((c) => ({ name: c, descending: false })), clustered, isSystemNamed: false };
}

/** An index; a column written `name DESC` is descending. */
export function ix(name: string, columns: string[], opts: Partial<Index> = {}): Index {
  return {
    name, columns: columns.map((c) => ({ name: c.replace(/ DESC$/, ''), descending: c.endsWith(' DESC') })),
    include: [], unique: false, clustered: false, filter: null, isSystemNamed: false, ...opts,
  };
}

/** A trusted foreign key with NO ACTION both ways unless `opts` says otherwise. */
export function fk(name: string, columns: string[], ref: TableRef, refColumns: string[], opts: Partial<ForeignKey> = {}): ForeignKey {
  return {
    name, columns, referencedSchema: ref.schema, referencedTable: ref.name, referencedColumns: refColumns,
    onDelete: 'NO_ACTION', onUpdate: 'NO_ACTION', trusted: true, enabled: true, isSystemNamed: false, ...opts,
  };
}

/** A plan step. */
export function step(change: Change, inverse: Change | null, hazards: Hazard[] = []): PlanStep {
  return { change, inverse, hazards };
}

/** A plan. */
export function plan(steps: PlanStep[], skipped: Plan['skipped'] = [], warnings: Plan['warnings'] = []): Plan {
  return { steps, skipped, warnings };
}

const ACTIVE = 'is_deleted = 0';

/** AuditedEntity's columns, defaults and indexes for table `tn` (design.md). */
function audited(tn: string): Pick<Table, 'columns' | 'defaults' | 'primaryKey' | 'indexes'> {
  return {
    columns: [
      col('id', t.uuid),
      col('index_id', t.bigint, { identity: { seed: '1', increment: '1' } }),
      col('created_at', t.datetime),
      col('updated_at', t.datetime),
      col('is_deleted', t.bit),
    ],
    defaults: [
      df(`df_${tn}_id`, 'id', 'NEWID()'),
      df(`df_${tn}_created_at`, 'created_at', 'GETDATE()'),
      df(`df_${tn}_updated_at`, 'updated_at', 'GETDATE()'),
      df(`df_${tn}_is_deleted`, 'is_deleted', '0'),
    ],
    primaryKey: key(`pk_${tn}`, ['id'], false),
    indexes: [
      ix(`ix_${tn}_index_id`, ['index_id'], { unique: true, clustered: true }),
      ix(`ix_${tn}_active`, ['is_deleted'], { filter: expr(ACTIVE) }),
    ],
  };
}

/** The two tables of design.md. */
export const TENANTS: TableRef = { schema: 'dbo', name: 'tenants' };
export const USERS: TableRef = { schema: 'dbo', name: 'users' };

/** design.md's `tenants`. */
export function tenantsTable(): Table {
  const a = audited('tenants');
  return {
    ...TENANTS, ...a,
    columns: [...a.columns, col('name', t.varchar(255))],
    uniqueConstraints: [], checks: [], foreignKeys: [],
  };
}

/** design.md's `users` (a BaseEntity: tenant_id, its FK and the tenant indexes). */
export function usersTable(): Table {
  const a = audited('users');
  return {
    ...USERS,
    columns: [
      ...a.columns,
      col('tenant_id', t.uuid),
      col('identity_provider', t.varchar(50)),
      col('identity_provider_id', t.varchar(255)),
      col('email', t.varchar(255)),
      col('display_name', t.varchar(255)),
      col('last_login_at', t.datetime, { nullable: true }),
      col('login_count', t.int),
      col('total_usage_minutes', t.int),
      col('last_session_start', t.datetime, { nullable: true }),
      col('last_active_at', t.datetime, { nullable: true }),
      col('status', t.varchar(20)),
      col('user_metadata', t.varchar(4000), { nullable: true }),
    ],
    defaults: [
      ...a.defaults,
      df('df_users_login_count', 'login_count', '0'),
      df('df_users_total_usage_minutes', 'total_usage_minutes', '0'),
      df('df_users_status', 'status', "'active'"),
    ],
    primaryKey: a.primaryKey,
    uniqueConstraints: [],
    checks: [
      ck('ck_users_status', "status IN ('active', 'invited', 'suspended', 'pending_verification')"),
      ck('ck_users_identity_provider', "identity_provider IN ('entra_id', 'google', 'email', 'github')"),
    ],
    indexes: [
      ...a.indexes,
      ix('ix_users_tenant_active', ['tenant_id', 'is_deleted', 'index_id'], { filter: expr(ACTIVE) }),
      ix('ix_users_tenant_id_lookup', ['tenant_id', 'id'], { filter: expr(ACTIVE) }),
      ix('ix_users_tenant_email', ['tenant_id', 'email'], { unique: true, filter: expr(ACTIVE) }),
      ix('ix_users_identity_provider', ['identity_provider', 'identity_provider_id'], { unique: true, filter: expr(ACTIVE) }),
      ix('ix_users_tenant_status', ['tenant_id', 'status'], { filter: expr(ACTIVE) }),
      ix('ix_users_tenant_last_login', ['tenant_id', 'last_login_at'], { filter: expr(ACTIVE) }),
    ],
    foreignKeys: [fk('fk_users_tenant', ['tenant_id'], TENANTS, ['id'])],
  };
}

/**
 * The plan a differ would make for an empty database: tables (PK inside), then each table's
 * clustered index before its nonclustered ones, then the FK (design.md rule 7).
 */
export function createTenantsUsersPlan(): Plan {
  const tenants = tenantsTable();
  const users = usersTable();
  const steps: PlanStep[] = [
    step({ kind: 'createTable', table: tenants }, { kind: 'dropTable', table: tenants }),
    step({ kind: 'createTable', table: users }, { kind: 'dropTable', table: users }),
  ];
  for (const table of [tenants, users]) {
    const ref = { schema: table.schema, name: table.name };
    const ordered = [...table.indexes].sort((a, b) => Number(b.clustered) - Number(a.clustered));
    for (const index of ordered) {
      steps.push(step({ kind: 'createIndex', table: ref, index }, { kind: 'dropIndex', table: ref, index }));
    }
  }
  for (const f of users.foreignKeys) {
    steps.push(step({ kind: 'addForeignKey', table: USERS, constraint: f }, { kind: 'dropForeignKey', table: USERS, constraint: f }));
  }
  return plan(steps);
}

/**
 * A type change blocked by a default (ALTER COLUMN fails while a DEFAULT is bound): drop the
 * default, alter, re-add it; each with its inverse.
 */
export function blockedAlterColumnPlan(): Plan {
  const from = col('login_count', t.int);
  const to = col('login_count', t.bigint);
  const dflt = df('df_users_login_count', 'login_count', '((0))');
  return plan([
    step({ kind: 'dropDefault', table: USERS, constraint: dflt }, { kind: 'addDefault', table: USERS, constraint: dflt }),
    step({ kind: 'alterColumn', table: USERS, from, to }, { kind: 'alterColumn', table: USERS, from: to, to: from },
      [{ code: 'table-rebuild', message: 'int -> bigint rewrites every row of dbo.users (1,204 rows)' }]),
    step({ kind: 'addDefault', table: USERS, constraint: dflt }, { kind: 'dropDefault', table: USERS, constraint: dflt }),
  ]);
}

/** Adds a column and drops another whose data cannot come back: the down script says so and undoes the rest. */
export function irreversibleDropColumnPlan(): Plan {
  const nickname = col('nickname', t.nvarchar(50), { nullable: true });
  const legacy = col('legacy_flags', t.int, { nullable: true });
  return plan([
    step({ kind: 'addColumn', table: USERS, column: nickname }, { kind: 'dropColumn', table: USERS, column: nickname }),
    step({ kind: 'dropColumn', table: USERS, column: legacy }, null, [
      { code: 'data-loss', message: 'dbo.users.legacy_flags holds data in 1,204 rows; it is destroyed' },
      { code: 'irreversible', message: 'the dropped values cannot be restored' },
    ]),
  ], [
    { table: { schema: 'dbo', name: 'audit_log' }, objectType: 'table', name: 'audit_log', reason: 'not declared in the schema; --allow-drop drops it' },
    { table: USERS, objectType: 'index', name: 'ix_users_old', reason: 'not declared in the schema; --allow-drop drops it' },
  ]);
}
