/** Test helpers: an engine session driven directly (no wire), with outputs picked apart. */
import type { Cell, Output, Session } from '../../standin/engine-interface';
import { createEngine } from '../../standin/engine';

/** One error or info message as the session reported it. */
export type Message = Extract<Output, { kind: 'error' }>;

/** A session on a fresh engine, with helpers. */
export interface Harness {
  readonly session: Session;
  run(sql: string): Promise<Output[]>;
  /** Rows of the batch's first result set as objects. */
  rows(sql: string): Promise<Record<string, Cell>[]>;
  /** All result sets of a batch. */
  sets(sql: string): Promise<Record<string, Cell>[][]>;
  /** Errors the batch raised. */
  errors(sql: string): Promise<Message[]>;
  /** Runs a batch that must not fail. */
  ok(sql: string): Promise<Output[]>;
}

/** Opens a session (as sa, on database `app`) on a new engine. */
export function open(database = 'app'): Harness {
  const engine = createEngine({ password: 'Secret#1', databases: ['app', 'other'] });
  const login = engine.login('sa', 'Secret#1', database);
  if (!login.ok) throw new Error(login.error.message);
  return wrap(login.session);
}

/** The numbers of the errors a batch raised, in order. */
export async function errorNumbers(h: Harness, sql: string): Promise<number[]> {
  return (await h.errors(sql)).map((e) => e.number);
}

/** Wraps an existing session with the helpers. */
export function wrap(session: Session): Harness {
  const signal = new AbortController().signal;
  const run = (sql: string): Promise<Output[]> => session.executeBatch(sql, signal);
  const sets = async (sql: string): Promise<Record<string, Cell>[][]> => {
    const out = await run(sql);
    const errs = out.filter((o) => o.kind === 'error');
    if (errs.length) throw new Error(`unexpected error: ${JSON.stringify(errs)}`);
    return out.flatMap((o) => (o.kind === 'resultSet' ? [o.resultSet.rows.map((r) => Object.fromEntries(o.resultSet.columns.map((c, i) => [c.name, r[i]])))] : []));
  };
  return {
    session,
    run,
    sets,
    rows: async (sql) => (await sets(sql))[0] ?? [],
    errors: async (sql) => (await run(sql)).filter((o): o is Message => o.kind === 'error'),
    ok: async (sql) => {
      const out = await run(sql);
      const errs = out.filter((o) => o.kind === 'error');
      if (errs.length) throw new Error(`unexpected error: ${JSON.stringify(errs)}`);
      return out;
    },
  };
}

/** The example schema of design.md (tenants, users), as schemac would emit it. */
export const SAAS_DDL = `
CREATE TABLE [dbo].[tenants] (
  [id] UNIQUEIDENTIFIER NOT NULL CONSTRAINT [df_tenants_id] DEFAULT NEWID(),
  [index_id] BIGINT IDENTITY(1,1) NOT NULL,
  [created_at] DATETIME NOT NULL CONSTRAINT [df_tenants_created_at] DEFAULT GETDATE(),
  [updated_at] DATETIME NOT NULL CONSTRAINT [df_tenants_updated_at] DEFAULT GETDATE(),
  [is_deleted] BIT NOT NULL CONSTRAINT [df_tenants_is_deleted] DEFAULT 0,
  [name] VARCHAR(255) NOT NULL,
  CONSTRAINT [pk_tenants] PRIMARY KEY NONCLUSTERED ([id])
);
CREATE UNIQUE CLUSTERED INDEX [ix_tenants_index_id] ON [dbo].[tenants] ([index_id]);
CREATE NONCLUSTERED INDEX [ix_tenants_active] ON [dbo].[tenants] ([is_deleted]) WHERE [is_deleted] = 0;
CREATE TABLE [dbo].[users] (
  [id] UNIQUEIDENTIFIER NOT NULL CONSTRAINT [df_users_id] DEFAULT NEWID(),
  [index_id] BIGINT IDENTITY(1,1) NOT NULL,
  [tenant_id] UNIQUEIDENTIFIER NOT NULL,
  [created_at] DATETIME NOT NULL CONSTRAINT [df_users_created_at] DEFAULT GETDATE(),
  [is_deleted] BIT NOT NULL CONSTRAINT [df_users_is_deleted] DEFAULT 0,
  [email] VARCHAR(255) NOT NULL,
  [display_name] NVARCHAR(255) NOT NULL,
  [login_count] INT NOT NULL CONSTRAINT [df_users_login_count] DEFAULT 0,
  [last_login_at] DATETIME NULL,
  [status] VARCHAR(20) NOT NULL CONSTRAINT [df_users_status] DEFAULT 'active',
  [user_metadata] VARCHAR(4000) NULL,
  [balance] DECIMAL(18,2) NULL,
  [seen_at] DATETIME2(3) NULL,
  CONSTRAINT [pk_users] PRIMARY KEY NONCLUSTERED ([id]),
  CONSTRAINT [ck_users_status] CHECK ([status] IN ('active','invited','suspended','pending_verification')),
  CONSTRAINT [fk_users_tenant] FOREIGN KEY ([tenant_id]) REFERENCES [dbo].[tenants] ([id]) ON DELETE CASCADE
);
CREATE UNIQUE CLUSTERED INDEX [ix_users_index_id] ON [dbo].[users] ([index_id]);
CREATE UNIQUE NONCLUSTERED INDEX [ix_users_tenant_email] ON [dbo].[users] ([tenant_id], [email]) WHERE [is_deleted] = 0;
CREATE NONCLUSTERED INDEX [ix_users_tenant_last_login] ON [dbo].[users] ([tenant_id], [last_login_at] DESC) INCLUDE ([display_name]) WHERE [is_deleted] = 0;
`;
