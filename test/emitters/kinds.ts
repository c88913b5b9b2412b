/** One example change of every kind, with the statements it must render to (a Record, so a new kind must be added here). */
import type { Change, ChangeKind } from '../../src/differ/changes';
import type { Sequence } from '../../src/model';
import type { DependentModule, SecurityPolicy } from '../../src/model';
import { ck, col, df, expr, fk, ix, key, t, TENANTS, tenantsTable, USERS } from './fixtures';

type Example = { readonly change: Change; readonly sql: string[] };

/** An indexed, schema-bound view over users (catalog-only: modules are never compiled). */
const INDEXED_VIEW: DependentModule = {
  schema: 'dbo', name: 'v_active_users', type: 'V', schemaBound: true,
  definition: "CREATE VIEW dbo.v_active_users WITH SCHEMABINDING AS\nSELECT u.id, u.email FROM dbo.users AS u WHERE u.status = 'active'",
  ansiNulls: true, quotedIdentifier: true, parent: null, definedName: { schema: 'dbo', name: 'v_active_users' },
  references: [{ schema: 'dbo', name: 'users', isTable: true, columns: ['email', 'id', 'status'], columnsFrom: 'catalog', schemaBound: true }],
  indexes: [{ name: 'ix_v_active_users_id', isSystemNamed: false, columns: [{ name: 'id', descending: false }], include: [], unique: true, clustered: true, filter: null }],
};

/** A tenant policy on users: a filter and an AFTER INSERT block predicate, NOT FOR REPLICATION. */
const TENANT_POLICY: SecurityPolicy = {
  schema: 'sec', name: 'tenant_policy', enabled: true, schemaBound: true, notForReplication: true,
  predicates: (['FILTER', 'BLOCK'] as const).map((kind) => ({
    kind, operation: kind === 'BLOCK' ? 'AFTER INSERT' as const : null, target: { schema: 'dbo', name: 'users' },
    definition: '[sec].[tenant_predicate]([tenant_id])', function: { schema: 'sec', name: 'tenant_predicate' }, columns: ['tenant_id'],
  })),
};

const smallTable = {
  schema: 'sales', name: 'order]lines',
  columns: [col('id', t.int, { identity: { seed: '1', increment: '1' } }), col('qty', t.decimal(18, 2)), col('note', t.nvarchar(100), { nullable: true })],
  primaryKey: key('pk_order_lines', ['id'], true),
  uniqueConstraints: [key('uq_order_lines_note', ['note'], false)],
  indexes: [], checks: [ck('ck_order_lines_qty', '([qty]>(0))')],
  defaults: [df('df_order_lines_qty', 'qty', '((1.5))')], foreignKeys: [],
};

/** A descending decimal sequence with a bracket in its name: every option written out. */
const ORDER_NUMBERS: Sequence = {
  schema: 'sales', name: 'order]numbers', type: t.decimal(20, 0), start: '1000', increment: '-5',
  min: '-99999999999999999999', max: '1000', cycle: true, cache: { kind: 'size', size: 50 },
};

/** Every change kind, rendered. */
export const KIND_EXAMPLES: Record<ChangeKind, Example> = {
  createSchema: { change: { kind: 'createSchema', schema: "o'brien" }, sql: ["EXEC(N'CREATE SCHEMA [o''brien]');"] },
  dropSchema: { change: { kind: 'dropSchema', schema: 'old' }, sql: ['DROP SCHEMA [old];'] },
  createType: {
    change: { kind: 'createType', type: { schema: 'dbo', name: 'Email', base: t.nvarchar(320), nullable: false } },
    sql: ['CREATE TYPE [dbo].[Email] FROM nvarchar(320) NOT NULL;'],
  },
  dropType: { change: { kind: 'dropType', type: { schema: 'sales', name: 'Amount', base: t.decimal(19, 4), nullable: true } }, sql: ['DROP TYPE [sales].[Amount];'] },
  redefineType: {
    change: { kind: 'redefineType', from: { schema: 'dbo', name: 'Code', base: t.varchar(10), nullable: true }, to: { schema: 'dbo', name: 'Code', base: t.varchar(20), nullable: false } },
    sql: ['DROP TYPE [dbo].[Code];', 'CREATE TYPE [dbo].[Code] FROM varchar(20) NOT NULL;'],
  },
  createTable: {
    change: { kind: 'createTable', table: smallTable },
    sql: [[
      'CREATE TABLE [sales].[order]]lines] (',
      '    [id] int IDENTITY(1,1) NOT NULL,',
      '    [qty] decimal(18,2) NOT NULL CONSTRAINT [df_order_lines_qty] DEFAULT (1.5),',
      '    [note] nvarchar(100) NULL,',
      '    CONSTRAINT [pk_order_lines] PRIMARY KEY CLUSTERED ([id]),',
      '    CONSTRAINT [uq_order_lines_note] UNIQUE NONCLUSTERED ([note]),',
      '    CONSTRAINT [ck_order_lines_qty] CHECK ([qty]>(0))',
      ');',
    ].join('\n')],
  },
  dropTable: { change: { kind: 'dropTable', table: tenantsTable() }, sql: ['DROP TABLE [dbo].[tenants];'] },
  renameTable: { change: { kind: 'renameTable', schema: 'dbo', from: 'user', to: 'users' }, sql: ["EXEC sp_rename N'[dbo].[user]', N'users', N'OBJECT';"] },
  transferTable: { change: { kind: 'transferTable', name: 'order]s', from: 'sales', to: 'arch ive' }, sql: ['ALTER SCHEMA [arch ive] TRANSFER OBJECT::[sales].[order]]s];'] },
  addColumn: {
    change: { kind: 'addColumn', table: USERS, column: col('nickname', t.nvarchar(50), { nullable: true }) },
    sql: ['ALTER TABLE [dbo].[users] ADD [nickname] nvarchar(50) NULL;'],
  },
  dropColumn: { change: { kind: 'dropColumn', table: USERS, column: col('legacy', t.int) }, sql: ['ALTER TABLE [dbo].[users] DROP COLUMN [legacy];'] },
  renameColumn: {
    change: { kind: 'renameColumn', table: USERS, from: 'mail', to: 'email' },
    sql: ["EXEC sp_rename N'[dbo].[users].[mail]', N'email', N'COLUMN';"],
  },
  alterColumn: {
    change: { kind: 'alterColumn', table: USERS, from: col('email', t.varchar(100)), to: col('email', t.varchar(255), { collation: 'Latin1_General_CI_AS' }) },
    sql: ['ALTER TABLE [dbo].[users] ALTER COLUMN [email] varchar(255) COLLATE Latin1_General_CI_AS NOT NULL;'],
  },
  backfillColumn: {
    change: { kind: 'backfillColumn', table: USERS, column: 'login_count', expression: expr('0') },
    sql: ['UPDATE [dbo].[users] SET [login_count] = (0) WHERE [login_count] IS NULL;'],
  },
  addDefault: {
    change: { kind: 'addDefault', table: USERS, constraint: df('df_users_status', 'status', "'active'") },
    sql: ["ALTER TABLE [dbo].[users] ADD CONSTRAINT [df_users_status] DEFAULT ('active') FOR [status];"],
  },
  dropDefault: {
    change: { kind: 'dropDefault', table: USERS, constraint: df('DF__users__statu__3B75D760', 'status', "('active')") },
    sql: ['ALTER TABLE [dbo].[users] DROP CONSTRAINT [DF__users__statu__3B75D760];'],
  },
  addCheck: {
    change: { kind: 'addCheck', table: USERS, constraint: ck('ck_users_status', "status IN ('active', 'invited')") },
    sql: ["ALTER TABLE [dbo].[users] ADD CONSTRAINT [ck_users_status] CHECK (status IN ('active', 'invited'));"],
  },
  dropCheck: { change: { kind: 'dropCheck', table: USERS, constraint: ck('ck_users_status', '1=1') }, sql: ['ALTER TABLE [dbo].[users] DROP CONSTRAINT [ck_users_status];'] },
  addPrimaryKey: {
    change: { kind: 'addPrimaryKey', table: USERS, constraint: key('pk_users', ['id'], false) },
    sql: ['ALTER TABLE [dbo].[users] ADD CONSTRAINT [pk_users] PRIMARY KEY NONCLUSTERED ([id]);'],
  },
  dropPrimaryKey: { change: { kind: 'dropPrimaryKey', table: USERS, constraint: key('pk_users', ['id'], false) }, sql: ['ALTER TABLE [dbo].[users] DROP CONSTRAINT [pk_users];'] },
  addUnique: {
    change: { kind: 'addUnique', table: USERS, constraint: { ...key('uq_users_email', ['tenant_id', 'email'], false), columns: [{ name: 'tenant_id', descending: false }, { name: 'email', descending: true }] } },
    sql: ['ALTER TABLE [dbo].[users] ADD CONSTRAINT [uq_users_email] UNIQUE NONCLUSTERED ([tenant_id], [email] DESC);'],
  },
  dropUnique: { change: { kind: 'dropUnique', table: USERS, constraint: key('uq_users_email', ['email'], false) }, sql: ['ALTER TABLE [dbo].[users] DROP CONSTRAINT [uq_users_email];'] },
  createIndex: {
    change: { kind: 'createIndex', table: USERS, index: ix('ix_users_tenant_last_login', ['tenant_id', 'last_login_at DESC'], { include: ['status', 'email'], filter: expr('([is_deleted]=(0))') }) },
    sql: ['CREATE NONCLUSTERED INDEX [ix_users_tenant_last_login] ON [dbo].[users] ([tenant_id], [last_login_at] DESC) INCLUDE ([status], [email]) WHERE [is_deleted]=(0);'],
  },
  dropIndex: { change: { kind: 'dropIndex', table: USERS, index: ix('ix_users_active', ['is_deleted']) }, sql: ['DROP INDEX [ix_users_active] ON [dbo].[users];'] },
  addForeignKey: {
    change: { kind: 'addForeignKey', table: USERS, constraint: fk('fk_users_tenant', ['tenant_id'], TENANTS, ['id'], { onDelete: 'CASCADE', onUpdate: 'SET_NULL' }) },
    sql: ['ALTER TABLE [dbo].[users] ADD CONSTRAINT [fk_users_tenant] FOREIGN KEY ([tenant_id]) REFERENCES [dbo].[tenants] ([id]) ON DELETE CASCADE ON UPDATE SET NULL;'],
  },
  dropForeignKey: { change: { kind: 'dropForeignKey', table: USERS, constraint: fk('fk_users_tenant', ['tenant_id'], TENANTS, ['id']) }, sql: ['ALTER TABLE [dbo].[users] DROP CONSTRAINT [fk_users_tenant];'] },
  addEdgeConstraint: {
    change: { kind: 'addEdgeConstraint', table: { schema: 'dbo', name: 'likes' }, constraint: { name: 'ec_likes', isSystemNamed: false, onDelete: 'CASCADE', connections: [
      { fromSchema: 'dbo', fromTable: 'person', toSchema: 'dbo', toTable: 'person' }, { fromSchema: 'dbo', fromTable: 'person', toSchema: 'geo', toTable: 'city' },
    ] } },
    sql: ['ALTER TABLE [dbo].[likes] ADD CONSTRAINT [ec_likes] CONNECTION ([dbo].[person] TO [dbo].[person], [dbo].[person] TO [geo].[city]) ON DELETE CASCADE;'],
  },
  dropEdgeConstraint: {
    change: { kind: 'dropEdgeConstraint', table: { schema: 'dbo', name: 'likes' }, constraint: { name: 'ec_likes', isSystemNamed: false, onDelete: 'NO_ACTION', connections: [{ fromSchema: 'dbo', fromTable: 'person', toSchema: 'dbo', toTable: 'person' }] } },
    sql: ['ALTER TABLE [dbo].[likes] DROP CONSTRAINT [ec_likes];'],
  },
  redefineIndex: {
    change: { kind: 'redefineIndex', table: USERS, from: ix('ix_users_tenant_status', ['tenant_id', 'status']), to: ix('ix_users_tenant_status', ['tenant_id', 'status'], { include: ['email'], filter: expr('([is_deleted]=(0))') }) },
    sql: ['CREATE NONCLUSTERED INDEX [ix_users_tenant_status] ON [dbo].[users] ([tenant_id], [status]) INCLUDE ([email]) WHERE [is_deleted]=(0) WITH (DROP_EXISTING = ON);'],
  },
  renameConstraint: {
    change: { kind: 'renameConstraint', table: USERS, objectType: 'OBJECT', from: 'DF__users__statu__3B75D760', to: 'df_users_status' },
    sql: ["EXEC sp_rename N'[dbo].[DF__users__statu__3B75D760]', N'df_users_status', N'OBJECT';"],
  },
  revalidateConstraint: {
    change: { kind: 'revalidateConstraint', table: USERS, name: 'fk_users_tenant' },
    sql: ['ALTER TABLE [dbo].[users] WITH CHECK CHECK CONSTRAINT [fk_users_tenant];'],
  },
  untrustConstraint: {
    change: { kind: 'untrustConstraint', table: USERS, name: 'fk_users_tenant' },
    sql: ['ALTER TABLE [dbo].[users] NOCHECK CONSTRAINT [fk_users_tenant];', 'ALTER TABLE [dbo].[users] WITH NOCHECK CHECK CONSTRAINT [fk_users_tenant];'],
  },
  disableConstraint: {
    change: { kind: 'disableConstraint', table: USERS, name: 'fk_users_tenant', wasTrusted: true },
    sql: ['ALTER TABLE [dbo].[users] NOCHECK CONSTRAINT [fk_users_tenant];'],
  },
  enableConstraint: {
    change: { kind: 'enableConstraint', table: USERS, name: 'fk_users_tenant' },
    sql: ['ALTER TABLE [dbo].[users] WITH NOCHECK CHECK CONSTRAINT [fk_users_tenant];'],
  },
  createSequence: {
    change: { kind: 'createSequence', sequence: ORDER_NUMBERS },
    sql: ['CREATE SEQUENCE [sales].[order]]numbers] AS decimal(20,0) START WITH 1000 INCREMENT BY -5 NO MINVALUE MAXVALUE 1000 CYCLE CACHE 50;'],
  },
  dropSequence: { change: { kind: 'dropSequence', sequence: ORDER_NUMBERS }, sql: ['DROP SEQUENCE [sales].[order]]numbers];'] },
  alterSequence: {
    change: { kind: 'alterSequence', from: ORDER_NUMBERS, to: { ...ORDER_NUMBERS, start: '500', max: '999', cycle: false, cache: { kind: 'none' } } },
    sql: ['ALTER SEQUENCE [sales].[order]]numbers] RESTART WITH 500 MAXVALUE 999 NO CYCLE NO CACHE;'],
  },
  recreateSequence: {
    change: { kind: 'recreateSequence', from: ORDER_NUMBERS, to: { ...ORDER_NUMBERS, type: { name: 'bigint' }, min: '-9223372036854775808' } },
    sql: [[
      "DECLARE @schemac_reached decimal(38, 0) = (SELECT CONVERT(decimal(38, 0), current_value) FROM sys.sequences WHERE object_id = OBJECT_ID(N'[sales].[order]]numbers]'));",
      'DROP SEQUENCE [sales].[order]]numbers];',
      'CREATE SEQUENCE [sales].[order]]numbers] AS bigint START WITH 1000 INCREMENT BY -5 NO MINVALUE MAXVALUE 1000 CYCLE CACHE 50;',
      'DECLARE @schemac_taken decimal(38, 0) = FLOOR((@schemac_reached - (1000)) / (-5)) + 1;',
      'DECLARE @schemac_next decimal(38, 0) = (1000) + @schemac_taken * (-5);',
      'IF @schemac_taken > 0 AND (@schemac_next < (-9223372036854775808) OR @schemac_next > (1000) OR @schemac_taken > 9223372036854775807)',
      "  THROW 50000, N'schemac: sequence [sales].[order]]numbers] has reached a value its new type or range cannot continue after; re-create it by hand or widen its MINVALUE / MAXVALUE', 1;",
      "IF @schemac_taken > 0 EXEC sys.sp_sequence_get_range @sequence_name = N'[sales].[order]]numbers]', @range_size = @schemac_taken;",
    ].join('\n')],
  },
  rebuildCompression: {
    change: { kind: 'rebuildCompression', table: USERS, index: null, from: 'NONE', to: 'PAGE' },
    sql: ['ALTER TABLE [dbo].[users] REBUILD WITH (DATA_COMPRESSION = PAGE);'],
  },
  alterBucketCount: {
    change: { kind: 'alterBucketCount', table: USERS, index: 'ix_users_tenant_email', from: 1024, to: 65536 },
    sql: ['ALTER TABLE [dbo].[users] ALTER INDEX [ix_users_tenant_email] REBUILD WITH (BUCKET_COUNT = 65536);'],
  },
  setIgnoreDupKey: {
    change: { kind: 'setIgnoreDupKey', table: USERS, index: 'ix_users_tenant_email', to: true },
    sql: ['ALTER INDEX [ix_users_tenant_email] ON [dbo].[users] SET (IGNORE_DUP_KEY = ON);'],
  },
  rebuildIndexOptions: {
    change: { kind: 'rebuildIndexOptions', table: USERS, index: { name: 'ix_users_tenant_email', clustered: false }, from: { fillFactor: 90, allowPageLocks: false }, to: { padIndex: true, allowPageLocks: false } },
    sql: ['ALTER INDEX [ix_users_tenant_email] ON [dbo].[users] REBUILD WITH (PAD_INDEX = ON, FILLFACTOR = 100);'],
  },
  setIndexOptions: {
    change: { kind: 'setIndexOptions', table: USERS, index: 'ix_users_tenant_email', from: { fillFactor: 90, statisticsNoRecompute: true }, to: { allowRowLocks: false, optimizeForSequentialKey: true } },
    sql: ['ALTER INDEX [ix_users_tenant_email] ON [dbo].[users] SET (STATISTICS_NORECOMPUTE = OFF, ALLOW_ROW_LOCKS = OFF, OPTIMIZE_FOR_SEQUENTIAL_KEY = ON);'],
  },
  setSparse: {
    change: { kind: 'setSparse', table: USERS, column: 'last_login_at', sparse: true },
    sql: ['ALTER TABLE [dbo].[users] ALTER COLUMN [last_login_at] ADD SPARSE;'],
  },
  moveHeap: {
    change: { kind: 'moveHeap', table: USERS, from: null, to: { kind: 'partitionScheme', name: 'ps_tenant', column: 'tenant_id' }, key: 'tenant_id', compression: 'PAGE' },
    sql: ['CREATE CLUSTERED INDEX [schemac_heap_move] ON [dbo].[users] ([tenant_id]) WITH (DATA_COMPRESSION = PAGE) ON [ps_tenant] ([tenant_id]);', 'DROP INDEX [schemac_heap_move] ON [dbo].[users];'],
  },
  setLockEscalation: {
    change: { kind: 'setLockEscalation', table: USERS, from: 'TABLE', to: 'DISABLE' },
    sql: ['ALTER TABLE [dbo].[users] SET (LOCK_ESCALATION = DISABLE);'],
  },
  enableChangeTracking: {
    change: { kind: 'enableChangeTracking', table: USERS, tracking: { trackColumnsUpdated: true } },
    sql: ['ALTER TABLE [dbo].[users] ENABLE CHANGE_TRACKING WITH (TRACK_COLUMNS_UPDATED = ON);'],
  },
  disableChangeTracking: {
    change: { kind: 'disableChangeTracking', table: USERS, tracking: { trackColumnsUpdated: false } },
    sql: ['ALTER TABLE [dbo].[users] DISABLE CHANGE_TRACKING;'],
  },
  setRowGuidCol: {
    change: { kind: 'setRowGuidCol', table: USERS, column: 'id', rowguidcol: true },
    sql: ['ALTER TABLE [dbo].[users] ALTER COLUMN [id] ADD ROWGUIDCOL;'],
  },
  setMask: {
    change: { kind: 'setMask', table: USERS, column: 'email', from: null, to: 'partial(1, "XXXX", 0)' },
    sql: ['ALTER TABLE [dbo].[users] ALTER COLUMN [email] ADD MASKED WITH (FUNCTION = \'partial(1, "XXXX", 0)\');'],
  },
  setNotForReplication: {
    change: { kind: 'setNotForReplication', table: USERS, column: 'index_id', notForReplication: true },
    sql: ['ALTER TABLE [dbo].[users] ALTER COLUMN [index_id] ADD NOT FOR REPLICATION;'],
  },
  dropModule: { change: { kind: 'dropModule', module: INDEXED_VIEW }, sql: ['DROP VIEW [dbo].[v_active_users];'] },
  createModule: {
    change: { kind: 'createModule', module: INDEXED_VIEW },
    sql: [
      "EXEC(N'CREATE VIEW dbo.v_active_users WITH SCHEMABINDING AS\nSELECT u.id, u.email FROM dbo.users AS u WHERE u.status = ''active''');",
      'CREATE UNIQUE CLUSTERED INDEX [ix_v_active_users_id] ON [dbo].[v_active_users] ([id]);',
    ],
  },
  dropSecurityPolicy: { change: { kind: 'dropSecurityPolicy', policy: TENANT_POLICY }, sql: ['DROP SECURITY POLICY [sec].[tenant_policy];'] },
  createSecurityPolicy: {
    change: { kind: 'createSecurityPolicy', policy: TENANT_POLICY },
    sql: [[
      'CREATE SECURITY POLICY [sec].[tenant_policy]',
      '  ADD FILTER PREDICATE [sec].[tenant_predicate]([tenant_id]) ON [dbo].[users],',
      '  ADD BLOCK PREDICATE [sec].[tenant_predicate]([tenant_id]) ON [dbo].[users] AFTER INSERT',
      '  WITH (STATE = ON)',
      '  NOT FOR REPLICATION;',
    ].join('\n')],
  },
  refreshModule: { change: { kind: 'refreshModule', module: { ...INDEXED_VIEW, name: "v_o'brien" } }, sql: ["EXEC sp_refreshsqlmodule N'[dbo].[v_o''brien]';"] },
  unbindColumn: {
    change: { kind: 'unbindColumn', table: USERS, column: "o'clock", what: 'default', object: { schema: 'dbo', name: 'zero', definition: 'CREATE DEFAULT zero AS 0' } },
    sql: ["EXEC sp_unbindefault N'[dbo].[users].[o''clock]';"],
  },
  unbindType: {
    change: { kind: 'unbindType', type: { schema: 'dbo', name: 'Qty' }, what: 'rule', object: { schema: 'dbo', name: 'positive', definition: null } },
    sql: ["EXEC sp_unbindrule N'[dbo].[Qty]', 'futureonly';"],
  },
  bindType: {
    change: { kind: 'bindType', type: { schema: 'dbo', name: 'Qty' }, what: 'default', object: { schema: 'dbo', name: 'zero', definition: null } },
    sql: ["EXEC sp_bindefault N'[dbo].[zero]', N'[dbo].[Qty]', 'futureonly';"],
  },
  bindColumn: {
    change: { kind: 'bindColumn', table: USERS, column: 'login_count', what: 'rule', object: { schema: 'dbo', name: 'non.negative', definition: 'CREATE RULE [non.negative] AS @v >= 0' } },
    sql: ["EXEC sp_bindrule N'[dbo].[non.negative]', N'[dbo].[users].[login_count]';"],
  },
  dropStatistics: {
    change: { kind: 'dropStatistics', table: USERS, statistics: { name: 'st_users_email', columns: ['email', 'status'], filter: null, noRecompute: false, incremental: false } },
    sql: ['DROP STATISTICS [dbo].[users].[st_users_email];'],
  },
  createStatistics: {
    change: { kind: 'createStatistics', table: USERS, statistics: { name: 'st_users_email', columns: ['email', 'status'], filter: '([is_deleted]=(0))', noRecompute: true, incremental: false } },
    sql: ['CREATE STATISTICS [st_users_email] ON [dbo].[users] ([email], [status]) WHERE ([is_deleted]=(0)) WITH NORECOMPUTE;'],
  },
  // Line breaks go through NCHAR so no line of the text can start a script line (a `GO`).
  setDescription: {
    change: { kind: 'setDescription', table: USERS, column: 'email', from: 'old', to: "The user's e-mail\naddress, café" },
    sql: [[
      "DECLARE @description nvarchar(4000) = N'The user''s e-mail' + NCHAR(10) + N'address, café';",
      "EXEC sys.sp_updateextendedproperty @name = N'MS_Description', @value = @description, @level0type = N'SCHEMA', @level0name = N'dbo', @level1type = N'TABLE', @level1name = N'users', @level2type = N'COLUMN', @level2name = N'email';",
    ].join('\n')],
  },
  addPeriod: {
    change: { kind: 'addPeriod', table: USERS, start: { ...col('valid_from', { name: 'datetime2' as const, scale: 3 }), period: { end: 'start', hidden: true } }, end: { ...col('valid_to', { name: 'datetime2' as const, scale: 3 }), period: { end: 'end', hidden: true } } },
    sql: [
      "ALTER TABLE [dbo].[users] ADD [valid_from] datetime2(3) GENERATED ALWAYS AS ROW START HIDDEN NOT NULL CONSTRAINT [df_users_valid_from] DEFAULT (SYSUTCDATETIME()), [valid_to] datetime2(3) GENERATED ALWAYS AS ROW END HIDDEN NOT NULL CONSTRAINT [df_users_valid_to] DEFAULT (CONVERT(datetime2(3), '9999-12-31 23:59:59.999')), PERIOD FOR SYSTEM_TIME ([valid_from], [valid_to]);",
      'ALTER TABLE [dbo].[users] DROP CONSTRAINT [df_users_valid_from];',
      'ALTER TABLE [dbo].[users] DROP CONSTRAINT [df_users_valid_to];',
    ],
  },
  dropPeriod: {
    change: { kind: 'dropPeriod', table: USERS, start: { ...col('valid_from', { name: 'datetime2' as const, scale: 7 }), period: { end: 'start', hidden: false, defaultName: 'DF_ValidFrom' } }, end: { ...col('valid_to', { name: 'datetime2' as const, scale: 7 }), period: { end: 'end', hidden: false } } },
    sql: [
      'ALTER TABLE [dbo].[users] DROP PERIOD FOR SYSTEM_TIME;',
      'ALTER TABLE [dbo].[users] DROP CONSTRAINT [DF_ValidFrom];',
      'ALTER TABLE [dbo].[users] DROP COLUMN [valid_from], [valid_to];',
    ],
  },
  enableVersioning: {
    change: { kind: 'enableVersioning', table: USERS, versioning: { historySchema: 'audit', historyTable: 'users_history', retention: { unit: 'YEAR', count: 2 } }, historyExists: true },
    sql: ['ALTER TABLE [dbo].[users] SET (SYSTEM_VERSIONING = ON (HISTORY_TABLE = [audit].[users_history], HISTORY_RETENTION_PERIOD = 2 YEARS, DATA_CONSISTENCY_CHECK = ON));'],
  },
  disableVersioning: {
    change: { kind: 'disableVersioning', table: USERS, versioning: { historySchema: 'dbo', historyTable: 'users_history', retention: { unit: 'INFINITE' } }, dropHistory: true },
    sql: ['ALTER TABLE [dbo].[users] SET (SYSTEM_VERSIONING = OFF);', 'DROP TABLE [dbo].[users_history];'],
  },
  alterRetention: {
    change: { kind: 'alterRetention', table: USERS, from: { unit: 'INFINITE' }, to: { unit: 'DAY', count: 90 } },
    sql: ['ALTER TABLE [dbo].[users] SET (SYSTEM_VERSIONING = ON (HISTORY_RETENTION_PERIOD = 90 DAYS));'],
  },
  alterPeriodHidden: {
    change: { kind: 'alterPeriodHidden', table: USERS, column: 'valid_from', hidden: false },
    sql: ['ALTER TABLE [dbo].[users] ALTER COLUMN [valid_from] DROP HIDDEN;'],
  },
};
