/** DDL execution: CREATE/DROP TABLE, ALTER TABLE, DROP INDEX, schemas, sp_rename. */
import { checkTrackedKeyDrop, setTableChangeTracking } from './change-tracking';
import { inheritedBindings } from './ddl-bound';
import type { AlterAction, ColumnDef, ConstraintDef, Expr, IndexDef, LedgerDef, Name, PeriodDef, VersioningDef } from './ast';
import type { Column, Index, Table, Value } from './catalog';
import { allObjects, allocObjectId, findColumn, findObject, findSchema, findTable, nextRowversion, sameName } from './catalog';
import type { DdlContext } from './ddl-constraints';
import { addConstraint, createIndex, removeIndex, stored, tableOrFail } from './ddl-constraints';
import { statisticsOn } from './ddl-statistics';
import { xmlTyping } from './ddl-xml-collections';
import { checkPrimaryKeyDrop, secondariesOf } from './ddl-xml-spatial';
import { qualified, rowScope } from './integrity';
import { evaluate, test, typeOf } from './eval';
import { isStringType, type SqlType } from './types';
import { dropPermissionsOn } from './security';
import { resolveColumnType } from './ddl-types';
import { convert } from './values';
import { storedMask } from './masking';
import { columnEncryption, encryptionChangeRefused, sameColumnEncryption } from './ddl-column-keys';
import { SqlError, err } from './errors';
import { splitObjectName } from './functions';
import type { DdlOption } from './editions';
import { checkDropOptions } from './drop-options';
import { placementOf } from './ddl-data-spaces';
import { addIndex, checkMemoryTableDone, checkNewMemoryTable, dropIndexes, memoryOption, rebuildBuckets, refuseIndexStatement, refuseInTransaction } from './ddl-memory';
import { rebuildIndex, rebuildTable, setIndexOptions, setSparse, sparseProblem, tableOptions } from './ddl-storage';
import { checkNoPausedBuild, checkResumableCreate, forgetBuild, noResumableOperation, pauseBuild, pausedBuild, resumableChoice, type ResumableFacts } from './resumable';
import { checkRebuild, checkTableRebuild, disableIndexes } from './index-disable';
import { createViewIndex, dropTriggersOf, dropViewIndex, findModule, modulesOf, referencedBy, renameBound, schemaBoundBlocker } from './modules';
import { dropEdgeConstraint, graphColumns, graphIndexDef, guardDropNodeTable } from './graph';
import { addPeriod, alterHidden, dropPeriod, guardDropTable, guardTemporalAlter, markGeneratedColumns, propagate, setVersioning } from './temporal';
import { checkOnlineAlterColumn } from './online-alter-column';
import { checkColumnSet, columnSetOf } from './column-sets';
import { createLedgerTable, dropLedgerColumns, dropLedgerTable, guardLedgerAlter, guardLedgerTruncate, ledgerHistoryOf, refreshLedgerView } from './ledger';

function schemaOf(ctx: DdlContext, name: Name): { schemaId: number; schema: string; name: string } {
  const schema = name.length >= 2 ? name[name.length - 2] : 'dbo';
  if (name.length >= 3 && !sameName(name[name.length - 3], ctx.db.name)) throw err.notSupported('cross-database DDL');
  const s = findSchema(ctx.db, schema);
  if (!s) throw err.noSchema(schema);
  return { schemaId: s.schemaId, schema: s.name, name: name[name.length - 1] };
}


function touch(ctx: DdlContext, t: Table): void { t.modified = ctx.now; }

/** The stored column type: what resolveColumnType says minus the alias's default nullability. */
function withoutAliasNullable(t: SqlType & { readonly aliasNullable?: boolean }): SqlType {
  const { aliasNullable: _n, ...rest } = t;
  return rest;
}

function schemaOfTable(ctx: DdlContext, t: Table): string {
  return ctx.db.schemas.find((x) => x.schemaId === t.schemaId)?.name ?? 'dbo';
}

/**
 * Whether a computed column without NULL / NOT NULL allows NULL. SQL Server derives it from the
 * expression and takes most expressions as nullable, even over NOT NULL columns (an overflow
 * gives NULL); ISNULL(x, <constant that is not NULL>) is the documented way to make one NOT NULL
 * (create-table-transact-sql.md, "computed_column_expression"; AdventureWorks' TotalDue).
 */
function computedNullable(e: Expr): boolean {
  if (e.k !== 'fn' || e.name !== 'ISNULL' || e.args.length !== 2) return true;
  const replacement = e.args[1];
  const constant = replacement?.k === 'un' && replacement.op === '-' ? replacement.e : replacement;
  return !(constant?.k === 'lit' && constant.lt !== 'null');
}

function newColumn(ctx: DdlContext, t: Table, def: ColumnDef, columnId: number, inPk: boolean): Column {
  if (findColumn(t, def.name)) throw err.columnTwice(def.name, t.name);
  const type = def.type ? resolveColumnType(ctx.db, def.type, def.name) : typeOf(def.computed?.expr ?? { k: 'lit', v: null, lt: 'null', text: 'NULL' }, rowScope(t, [], ctx.host), ctx.host);
  if (def.identity && !['int', 'bigint', 'smallint', 'tinyint', 'decimal', 'numeric'].includes(type.name)) {
    throw new SqlError(2749, 16, 2, `Identity column '${def.name}' must be of data type int, bigint, smallint, tinyint, or decimal or numeric with a scale of 0, and constrained to be nonnullable.`);
  }
  if (def.identity && t.columns.some((c) => c.identity)) throw new SqlError(2744, 16, 2, `Multiple identity columns specified for table '${t.name}'. Only one identity column per table is allowed.`);
  // Neither NULL nor NOT NULL: an alias type's own nullability (sys.types.is_nullable), else NULL.
  const aliasNullable = 'aliasNullable' in type ? type.aliasNullable : undefined;
  const nullable = def.nullable ?? ((aliasNullable ?? true) && !(def.identity || inPk || def.constraints.some((c) => c.k === 'pk')));
  const col: Column = {
    columnId, name: def.name, type: withoutAliasNullable(type), nullable: def.computed ? def.nullable ?? computedNullable(def.computed.expr) : nullable,
    identity: def.identity ? { seed: def.identity.seed, increment: def.identity.increment, last: null, ...(def.identity.notForReplication ? { notForReplication: true } : {}) } : undefined,
    collation: isStringType(type.name) ? def.collation ?? ctx.db.collation : null,
    // A column of an alias type inherits the default and rule bound to the type (sp-bindefault-transact-sql).
    ...inheritedBindings(ctx.db, type.userTypeId),
  };
  if (def.computed) col.computed = { definition: stored('computed', def.computed.text), expr: def.computed.expr, persisted: def.computed.persisted };
  const xml = xmlTyping(ctx.db, def.type?.xml);
  if (xml !== undefined) col.xml = xml;
  if (def.sparse) col.sparse = true;
  if (def.columnSet) col.columnSet = true;
  if (def.rowguidcol) col.rowguidcol = true;
  if (def.encryption) {
    col.encryption = columnEncryption(ctx.db, def.encryption, {
      name: def.name, type: col.type, collation: col.collation, alias: col.type.userTypeId !== undefined, identity: !!def.identity,
      rowguidcol: def.rowguidcol === true, hasDefault: def.constraints.some((k) => k.k === 'default'), masked: def.mask !== undefined,
    });
  }
  if (def.mask !== undefined) {
    // "A mask can't be configured on a computed column" (dynamic-data-masking.md; number and wording inferred).
    if (def.computed) throw new SqlError(16004, 16, 1, `Column '${def.name}' is a computed column and cannot be masked.`);
    col.mask = storedMask(def.mask, col.type, col.name);
  }
  return col;
}

/** CREATE TABLE with its column and table constraints. */
export function createTable(
  ctx: DdlContext, name: Name, columns: readonly ColumnDef[], constraints: readonly ConstraintDef[], period?: PeriodDef, versioning?: VersioningDef, options?: readonly DdlOption[],
  graph?: 'node' | 'edge',
  indexes: readonly IndexDef[] = [],
  ledger?: LedgerDef,
): void {
  const { schemaId, name: tname } = schemaOf(ctx, name);
  if (findObject(ctx.db, schemaId, tname)) throw err.objectExists(tname);
  const memory = memoryOption(options);
  if (memory !== undefined) checkNewMemoryTable(ctx, options);
  const t: Table = {
    objectId: allocObjectId(ctx.db), schemaId, name: tname, columns: [], rows: [], keys: [], checks: [], defaults: [], fks: [],
    indexes: [{ indexId: 0, name: null, type: 'HEAP', unique: false, isPrimaryKey: false, isUniqueConstraint: false, keys: [], includes: [], disabled: false }],
    created: ctx.now, modified: ctx.now, ...(memory !== undefined ? { memoryOptimized: memory } : {}),
  };
  const pkCols = constraints.filter((c) => c.k === 'pk').flatMap((c) => (c.k === 'pk' ? c.columns.map((k) => k.name) : []));
  // A node or edge table's internal columns come first (graph.ts).
  if (graph !== undefined) { t.graph = { kind: graph, nextId: 0 }; t.columns.push(...graphColumns(graph, t.objectId)); }
  const first = t.columns.length;
  columns.forEach((def, i) => { t.columns.push(newColumn(ctx, t, def, first + i + 1, pkCols.some((p) => sameName(p, def.name)))); });
  tableOptions(t, options);
  // CREATE TABLE ... ON fg | ON scheme (column): the heap's place (a clustered key without ON goes there too).
  Object.assign(t.indexes[0], placementOf(ctx.db, t, options));
  ctx.db.tables.push(t);
  // Column constraints in column order, then table constraints; PKs first so an unspecified PK takes the clustered index.
  const all: { def: ConstraintDef; col?: Column }[] = [];
  columns.forEach((def, i) => def.constraints.forEach((c) => all.push({ def: c, col: t.columns[i] })));
  constraints.forEach((c) => all.push({ def: c }));
  const rank = (d: ConstraintDef): number => (d.k === 'pk' ? 0 : d.k === 'unique' ? 1 : 2);
  all.sort((a, b) => rank(a.def) - rank(b.def));
  // An inline clustered index first, so a PRIMARY KEY that does not say CLUSTERED is made
  // nonclustered, as when a UNIQUE CLUSTERED constraint comes with it (inferred: the docs say so
  // for that constraint only).
  for (const def of indexes) if (def.clustered) createIndex(ctx, t, { ...def, table: name });
  for (const { def, col } of all) addConstraint(ctx, t, def, true, def.k === 'check' || def.k === 'default' ? col : undefined);
  // SQL Server's unique index on graph_id, after the declared keys (graph.ts).
  if (graph !== undefined) createIndex(ctx, t, { ...graphIndexDef(t), table: name });
  // Inline INDEX clauses (create-table-transact-sql <table_index>, <column_index>); a memory-optimized table's only way besides ALTER TABLE.
  for (const def of indexes) if (!def.clustered) createIndex(ctx, t, { ...def, table: name });
  checkMemoryTableDone(t);
  // Temporal tables (temporal.ts): generated period columns, the period, then versioning.
  markGeneratedColumns(t, columns);
  if (period) addPeriod(ctx, t, period);
  // An updatable ledger table without a period is versioned by its ledger (ledger.ts), not as a temporal table.
  if (versioning?.on && (ledger?.on !== true || period !== undefined)) setVersioning(ctx, t, versioning);
  if (ledger !== undefined) createLedgerTable(ctx, t, ledger, versioning, columns);
  checkSparseColumns(t);
  const columnSet = columnSetOf(t);
  if (columnSet !== undefined) checkColumnSet(t, columnSet, false);
}

/** Every SPARSE column of a table as it now stands (its defaults and keys in place). */
function checkSparseColumns(t: Table): void {
  for (const col of t.columns) {
    if (!col.sparse) continue;
    const problem = sparseProblem(t, col, col.defaultObjectId !== 0);
    if (problem) throw problem;
  }
}

/**
 * TRUNCATE TABLE (truncate-table-transact-sql.md): every row goes, no trigger fires, and "the
 * counter used by an identity for new rows is reset to the seed for the column". A table another
 * table's FOREIGN KEY references cannot be truncated (a self-reference can): Msg 4712. Refusing a
 * table an indexed view or replication uses is not done.
 */
export function truncateTable(ctx: DdlContext, name: Name): void {
  const t = tableOrFail(ctx, name, () => new SqlError(4701, 16, 1, `Cannot find the object "${name.join('.')}" because it does not exist or you do not have permissions.`));
  guardLedgerTruncate(ctx, t);
  if (ctx.db.tables.some((o) => o !== t && o.fks.some((f) => f.refTableId === t.objectId))) {
    throw new SqlError(4712, 16, 1, `Cannot truncate table '${name.join('.')}' because it is being referenced by a FOREIGN KEY constraint.`);
  }
  t.rows = [];
  for (const col of t.columns) if (col.identity) col.identity.last = null;
}

/**
 * ENABLE | DISABLE TRIGGER names | ALL ON t (enable-trigger-transact-sql.md, and ALTER TABLE's
 * form): a disabled trigger stays defined (sys.triggers.is_disabled = 1) and does not fire. A name
 * that is not one of t's triggers is Msg 3701 (number and wording inferred from DROP TRIGGER's).
 */
export function setTriggerState(ctx: DdlContext, table: Name, names: readonly Name[] | 'ALL', enabled: boolean): void {
  const t = tableOrFail(ctx, table, () => err.cannotFindObject(table.join('.')));
  const own = modulesOf(ctx.db).filter((m) => m.type === 'TR' && m.parentObjectId === t.objectId);
  const chosen = names === 'ALL' ? own : names.map((n) => {
    const m = own.find((x) => sameName(x.name, n[n.length - 1]));
    if (!m) throw new SqlError(3701, 11, 5, `Cannot ${enabled ? 'enable' : 'disable'} the trigger '${n.join('.')}', because it does not exist or you do not have permission.`);
    return m;
  });
  for (const m of chosen) m.disabled = !enabled;
}

/** DROP TABLE (3701 when missing, 3726 when another table's FK references it). */
export function dropTable(ctx: DdlContext, name: Name, ifExists: boolean): void {
  const schema = name.length >= 2 ? name[name.length - 2] : 'dbo';
  const t = findTable(ctx.db, schema, name[name.length - 1]);
  if (!t) { if (ifExists) return; throw err.cannotDrop('table', name.join('.')); }
  // A ledger table is renamed and kept, with its history and view (ledger.ts).
  if (dropLedgerTable(ctx, t)) return;
  guardDropTable(ctx, t);
  guardDropNodeTable(ctx.db, t, qualified(ctx.db, t));
  if (t.memoryOptimized !== undefined) refuseInTransaction(ctx);
  checkNoPausedBuild(ctx.db, t, qualified(ctx.db, t));
  const referencing = ctx.db.tables.some((o) => o !== t && o.fks.some((f) => f.refTableId === t.objectId));
  if (referencing) throw err.referencedByFk(qualified(ctx.db, t));
  const bound = schemaBoundBlocker(ctx.db, schemaOfTable(ctx, t), t.name);
  if (bound) throw referencedBy('DROP TABLE', qualified(ctx.db, t), bound);
  dropTriggersOf(ctx, t);
  ctx.db.tables = ctx.db.tables.filter((x) => x !== t);
}

function dependents(ctx: DdlContext, t: Table, col: Column): { what: 'object' | 'index' | 'statistics'; name: string; kind: string }[] {
  const out: { what: 'object' | 'index' | 'statistics'; name: string; kind: string }[] = [];
  for (const d of t.defaults) if (d.columnId === col.columnId) out.push({ what: 'object', name: d.name, kind: 'default' });
  for (const ix of t.indexes) {
    if (!ix.keys.some((k) => k.columnId === col.columnId) && !ix.includes.includes(col.columnId) && !(ix.filter && mentions(ix.filter.expr, col.name))) continue;
    const key = t.keys.find((k) => k.indexId === ix.indexId);
    // An XML or spatial index holds values derived from the column's (shredded nodes, tessellation cells): any ALTER COLUMN of it is refused (inferred).
    out.push(key ? { what: 'object', name: key.name, kind: 'key' } : { what: 'index', name: ix.name ?? '', kind: ix.type === 'XML' || ix.type === 'SPATIAL' ? 'derived-index' : 'index' });
  }
  for (const c of t.checks) if (c.columnId === col.columnId || mentions(c.expr, col.name)) out.push({ what: 'object', name: c.name, kind: 'check' });
  for (const f of t.fks) if (f.columns.some((fc) => fc.parent === col.columnId)) out.push({ what: 'object', name: f.name, kind: 'fk' });
  for (const o of ctx.db.tables) for (const f of o.fks) if (f.refTableId === t.objectId && f.columns.some((fc) => fc.ref === col.columnId)) out.push({ what: 'object', name: f.name, kind: 'fk' });
  for (const c of t.columns) if (c.computed && c !== col && mentions(c.computed.expr, col.name)) out.push({ what: 'object', name: c.name, kind: 'computed' });
  // Statistics made by CREATE STATISTICS ("First, remove the statistics using the DROP STATISTICS
  // statement", alter-table-transact-sql.md, ALTER COLUMN). DROP COLUMN is refused the same way
  // (Msg 5074 "The statistics ... is dependent on column", sqlserverscience.com); auto-created
  // statistics are dropped silently, and the stand-in keeps none.
  for (const x of statisticsOn(t, col, mentions)) out.push({ what: 'statistics', name: x.name, kind: 'statistics' });
  // A bound default or rule (sp_bindefault / sp_bindrule): "A column can't be dropped when it's ...
  // bound to a default object ... Bound to a rule" (alter-table-transact-sql.md, DROP COLUMN); an
  // ALTER COLUMN is refused as for a default definition and a CHECK constraint (inferred).
  for (const o of ctx.db.boundObjects ?? []) {
    if (o.kind === 'D' && o.objectId === col.defaultObjectId) out.push({ what: 'object', name: o.name, kind: 'default' });
    if (o.kind === 'R' && o.objectId === col.ruleObjectId) out.push({ what: 'object', name: o.name, kind: 'check' });
  }
  return out;
}

function mentions(e: unknown, col: string): boolean {
  if (!e || typeof e !== 'object') return false;
  const o = e as { k?: string; parts?: string[] };
  if (o.k === 'col' && o.parts && sameName(o.parts[o.parts.length - 1], col)) return true;
  return Object.values(e).some((v) => (Array.isArray(v) ? v.some((x) => mentions(x, col)) : typeof v === 'object' && mentions(v, col)));
}

function defaultValue(ctx: DdlContext, t: Table, col: Column): Value {
  const d = t.defaults.find((x) => x.columnId === col.columnId);
  return d ? convert(evaluate(d.expr, undefined, ctx.host), col.type) : null;
}

/** Fills identity/default values for rows that lack them (INSERT and ADD column share it). */
export function nextIdentity(col: Column): number {
  const id = col.identity as NonNullable<Column['identity']>;
  id.last = id.last === null ? id.seed : id.last + id.increment;
  return id.last;
}

/** ALTER TABLE, one action. */
export function alterTable(ctx: DdlContext, name: Name, action: AlterAction): void {
  if (action.k === 'dropItems') { for (const a of action.actions) alterTable(ctx, name, a); return; }
  const t = tableOrFail(ctx, name, () => err.cannotFindObject(name.join('.')));
  if (t.memoryOptimized !== undefined) refuseInTransaction(ctx);
  // ALTER INDEX i ON t ... (read as an action on t) is refused on a memory-optimized table.
  if (action.k === 'rebuildIndex' || action.k === 'setIndexOptions' || action.k === 'disableIndex') refuseIndexStatement(t, 'ALTER INDEX');
  guardLedgerAlter(ctx, t, action);
  // DROP COLUMN of a ledger table hides and renames the column instead (ledger.ts).
  if (action.k === 'dropColumns' && dropLedgerColumns(ctx, t, action.names, action.ifExists)) return;
  guardTemporalAlter(ctx, t, action);
  alterOne(ctx, t, action);
  // SQL Server propagates column changes of a versioned table to its history table.
  propagate(ctx, t, action, (h, a) => alterOne(ctx, h, a));
  // ... and of an updatable ledger table to its history table and ledger view (inferred).
  const ledgerHistory = t.temporal === undefined ? ledgerHistoryOf(ctx.db, t) : undefined;
  if (ledgerHistory !== undefined && (action.k === 'addColumns' || action.k === 'alterColumn')) {
    // The history keeps the column nullable: old versions may hold NULLs a NOT NULL change would refuse, and
    // ledger-limits lets nullability change "without any special handling" (inferred).
    alterOne(ctx, ledgerHistory, action.k === 'addColumns' ? { ...action, columns: action.columns.map((c) => ({ ...c, constraints: [] })), constraints: [] } : { ...action, column: { ...action.column, nullable: true } });
  }
  if (t.ledger !== undefined && (action.k === 'addColumns' || action.k === 'alterColumn')) refreshLedgerView(ctx, t);
}

function alterOne(ctx: DdlContext, t: Table, action: AlterAction): void {
  touch(ctx, t);
  if (action.k !== 'resumableIndex') checkNoPausedBuild(ctx.db, t, qualified(ctx.db, t));
  switch (action.k) {
    case 'resumableIndex': resumableIndex(ctx, t, action); return;
    case 'addIndex': addIndex(ctx, t, { ...action.index, table: [t.name] }); return;
    case 'dropIndexes': dropIndexes(t, action.names); return;
    case 'rebuildBuckets': rebuildBuckets(t, action.index, action.options); return;
    case 'setVersioning': setVersioning(ctx, t, action.versioning); return;
    case 'changeTracking': setTableChangeTracking(ctx.db, t, action.enable, action.trackColumnsUpdated); return;
    case 'setLockEscalation':
      if (action.value === 'TABLE') delete t.lockEscalation;
      else t.lockEscalation = action.value === 'DISABLE' ? 1 : 2;
      return;
    case 'dropPeriod': dropPeriod(ctx, t); return;
    case 'alterHidden': alterHidden(t, action.column, action.hidden); return;
    case 'addColumns': {
      for (const def of action.columns) {
        const col = newColumn(ctx, t, def, Math.max(0, ...t.columns.map((c) => c.columnId)) + 1, false);
        const hasDefault = def.constraints.some((c) => c.k === 'default');
        const rowversion = col.type.name === 'timestamp';
        if (!col.nullable && !hasDefault && !col.identity && !col.computed && !rowversion && t.rows.length > 0) throw err.cannotAddNotNull(col.name, t.name);
        t.columns.push(col);
        for (const c of def.constraints) addConstraint(ctx, t, c, true, c.k === 'check' || c.k === 'default' ? col : undefined);
        if (col.sparse) { const problem = sparseProblem(t, col, col.defaultObjectId !== 0); if (problem) throw problem; }
        if (col.columnSet === true) checkColumnSet(t, col, true);
        const withValues = !col.nullable; // WITH VALUES is implied for NOT NULL columns
        // SQL Server gives every existing row a rowversion value, nullable column or not.
        for (const row of t.rows) row[col.columnId] = col.identity ? nextIdentity(col) : rowversion ? nextRowversion(ctx.db) : withValues ? defaultValue(ctx, t, col) : null;
      }
      markGeneratedColumns(t, action.columns);
      if (action.period) addPeriod(ctx, t, action.period);
      for (const c of action.constraints ?? []) addConstraint(ctx, t, c, true);
      return;
    }
    case 'dropColumns': {
      for (const n of action.names) {
        const col = findColumn(t, n);
        if (!col) { if (action.ifExists) continue; throw new SqlError(4924, 16, 1, `ALTER TABLE DROP COLUMN failed because column '${n}' does not exist in table '${t.name}'.`); }
        const dep = dependents(ctx, t, col)[0];
        if (dep) throw err.dependent(dep.what, dep.name, col.name, 'DROP COLUMN');
        const bound = schemaBoundBlocker(ctx.db, schemaOfTable(ctx, t), t.name, col.name);
        if (bound) throw err.dependent('object', bound.name, col.name, 'DROP COLUMN');
        t.columns = t.columns.filter((c) => c !== col);
        for (const row of t.rows) delete row[col.columnId];
        // The column's extended properties go with it (they are keyed by its column_id).
        if (t.properties) t.properties = t.properties.filter((p) => p.minorId !== col.columnId);
        // So do its column permissions (the stand-in may give its column_id to a later column).
        if (ctx.db.security?.permissions.some((p) => p.classId === 1 && p.majorId === t.objectId && p.minorId === col.columnId)) {
          ctx.beforeSecurity?.();
          dropPermissionsOn(ctx.db, t.objectId, col.columnId);
        }
      }
      return;
    }
    case 'alterColumn': {
      const def = action.column;
      const col = findColumn(t, def.name);
      if (!col) throw new SqlError(4924, 16, 1, `ALTER TABLE ALTER COLUMN failed because column '${def.name}' does not exist in table '${t.name}'.`);
      // "The modified column can't be ... The ROWGUIDCOL for the table" (alter-table-transact-sql; number and wording inferred).
      if (col.rowguidcol === true) throw new SqlError(4928, 16, 1, `Cannot alter column '${col.name}' because it is 'ROWGUIDCOL'.`);
      // A schema-bound view or function over the column blocks any ALTER COLUMN of it (create-view-transact-sql, SCHEMABINDING).
      const bound = schemaBoundBlocker(ctx.db, schemaOfTable(ctx, t), t.name, col.name);
      if (bound) throw err.dependent('object', bound.name, col.name, 'ALTER COLUMN');
      const type = withoutAliasNullable(resolveColumnType(ctx.db, def.type ?? { name: col.type.name, args: [] }, col.name));
      // Without ENCRYPTED WITH the column would be decrypted; with other settings, re-encrypted:
      // "you can't change any encryption settings" without secure enclaves (alter-table-transact-sql).
      const encryption = def.encryption ? columnEncryption(ctx.db, def.encryption, {
        name: col.name, type, collation: isStringType(type.name) ? def.collation ?? ctx.db.collation : null, alias: type.userTypeId !== undefined,
        identity: !!col.identity, rowguidcol: false, hasDefault: false, masked: col.mask !== undefined,
      }) : undefined;
      if (!sameColumnEncryption(col.encryption, encryption)) throw encryptionChangeRefused(col.name);
      checkOnlineAlterColumn(t, col, type.name, action.options);
      const nullable = def.nullable ?? true;
      const sameType = type.name === col.type.name && type.precision === col.type.precision && type.scale === col.type.scale;
      const grows = sameType && (type.maxLength === -1 ? true : col.type.maxLength !== -1 && type.maxLength >= col.type.maxLength);
      const lengthOnly = sameType && ['varchar', 'nvarchar', 'varbinary', 'char', 'nchar', 'binary'].includes(type.name);
      const typeUnchanged = sameType && type.maxLength === col.type.maxLength;
      const sameCollation = !isStringType(type.name) || (def.collation ?? ctx.db.collation) === col.collation;
      for (const dep of dependents(ctx, t, col)) {
        const blocks =
          dep.kind === 'derived-index' ? true
          : dep.kind === 'index' ? !(typeUnchanged && nullable === col.nullable) && !(grows && ['varchar', 'nvarchar', 'varbinary'].includes(type.name) && nullable === col.nullable)
          // "Associated with a default definition. However, the length, precision, or scale of a column can be
          // changed if the data type isn't changed" (alter-table-transact-sql.md).
          : dep.kind === 'default' ? type.name !== col.type.name || type.userTypeId !== col.type.userTypeId
          // "changing the length of a variable-length column used in a CHECK or UNIQUE constraint is
          // allowed" (alter-table-transact-sql.md, ALTER COLUMN): longer or shorter. A UNIQUE
          // constraint's index keeps the index rule (the new size equal or larger), as 'key' below.
          : dep.kind === 'check' ? !(sameType && ['varchar', 'nvarchar', 'varbinary'].includes(type.name)) && !typeUnchanged
          : dep.kind === 'key' ? !(typeUnchanged && !nullable) && !(grows && lengthOnly && !nullable)
          // "Unless the column is a varchar, nvarchar, or varbinary data type, the data type isn't changed.
          // And, the new size is equal to or greater than the old size. Or, if the column is changed from
          // not null to null" (alter-table-transact-sql.md, ALTER COLUMN).
          : dep.kind === 'statistics' ? !sameCollation || (!(grows && ['varchar', 'nvarchar', 'varbinary'].includes(type.name) && nullable === col.nullable) && !(typeUnchanged && nullable && !col.nullable) && !(typeUnchanged && nullable === col.nullable))
          : !typeUnchanged || nullable !== col.nullable;
        if (blocks) throw err.dependent(dep.what, dep.name, col.name, 'ALTER COLUMN');
      }
      const converted: Value[] = t.rows.map((r) => convert(r[col.columnId] ?? null, type));
      if (!nullable && converted.some((v) => v === null)) throw err.nullInto(col.name, `${ctx.db.name}.${qualified(ctx.db, t)}`, 'UPDATE');
      t.rows.forEach((r, i) => { r[col.columnId] = converted[i]; });
      col.type = type;
      col.nullable = nullable;
      col.collation = isStringType(type.name) ? def.collation ?? ctx.db.collation : null;
      // ALTER COLUMN to or from typed xml (the stand-in does not validate the values).
      const xml = xmlTyping(ctx.db, def.type?.xml);
      if (xml !== undefined) col.xml = xml; else delete col.xml;
      // ALTER COLUMN c type MASKED WITH (...) sets the mask (dynamic-data-masking.md, "changes a masking
      // function"); without it the column keeps its mask (inferred: the documentation is silent).
      if (def.mask !== undefined) col.mask = storedMask(def.mask, type, col.name);
      else if (col.mask !== undefined) col.mask = storedMask(col.mask, type, col.name);
      return;
    }
    case 'addConstraints': {
      for (const c of action.constraints) addConstraint(ctx, t, c, action.check ?? true);
      checkSparseColumns(t);
      return;
    }
    case 'rebuild': checkTableRebuild(ctx.db, t, action.partition); rebuildTable(t, action.options); return;
    case 'dropItems': return; // each of its actions is run by alterTable
    case 'rebuildIndex':
      checkRebuild(ctx, t, action.all === true ? 'ALL' : action.index, action.partition);
      if (action.all === true) { for (const ix of t.indexes) if (ix.name !== null) rebuildIndex(t, ix.name, action.options); return; }
      rebuildIndex(t, action.index, action.options);
      return;
    case 'disableIndex': disableIndexes(ctx, t, action.all === true ? 'ALL' : action.index); return;
    case 'setIndexOptions': setIndexOptions(t, action.index, action.options); return;
    case 'mask': {
      const col = findColumn(t, action.column);
      if (!col) throw new SqlError(4924, 16, 1, `ALTER TABLE ALTER COLUMN failed because column '${action.column}' does not exist in table '${t.name}'.`);
      if (action.mask === null) {
        // Number and wording inferred.
        if (col.mask === undefined) throw new SqlError(16007, 16, 1, `Column '${col.name}' does not have a data masking function.`);
        delete col.mask;
      } else {
        if (col.computed) throw new SqlError(16004, 16, 1, `Column '${col.name}' is a computed column and cannot be masked.`);
        // "Columns that are masked" cannot be encrypted, and the other way round (always-encrypted-database-engine.md).
        if (col.encryption) throw new SqlError(16008, 16, 1, `Column '${col.name}' is encrypted and cannot be masked.`);
        // "Adding a dynamic data mask ... can't be performed on a column with dependencies ... drop the
        // index, then add the mask, and then re-create the dependent index" (dynamic-data-masking.md).
        // Editing the function of a masked column is not adding one (inferred).
        const mask = storedMask(action.mask, col.type, col.name);
        if (col.mask === undefined) {
          const dep = dependents(ctx, t, col).find((d) => d.kind === 'index' || d.kind === 'key');
          if (dep) throw err.dependent(dep.what, dep.name, col.name, 'ALTER COLUMN');
        }
        col.mask = mask;
      }
      touch(ctx, t);
      return;
    }
    case 'rowguidcol': {
      const col = findColumn(t, action.column);
      if (!col) throw new SqlError(4924, 16, 1, `ALTER TABLE ALTER COLUMN failed because column '${action.column}' does not exist in table '${t.name}'.`);
      if (action.add) {
        // "Only one uniqueidentifier column per table can be designated as the ROWGUIDCOL column",
        // and it must be uniqueidentifier (create-table-transact-sql). Numbers and wording inferred.
        if (col.type.name !== 'uniqueidentifier') throw new SqlError(8101, 16, 1, `Column '${col.name}' cannot be ROWGUIDCOL: it is not of type uniqueidentifier.`);
        if (t.columns.some((c) => c !== col && c.rowguidcol === true)) throw new SqlError(8196, 16, 1, `Duplicate column specified as ROWGUIDCOL.`);
        col.rowguidcol = true;
      } else delete col.rowguidcol;
      touch(ctx, t);
      return;
    }
    case 'identityReplication': {
      const col = findColumn(t, action.column);
      if (!col) throw new SqlError(4924, 16, 1, `ALTER TABLE ALTER COLUMN failed because column '${action.column}' does not exist in table '${t.name}'.`);
      // "This clause can be specified only if column_name is an identity column" (alter-table-transact-sql);
      // the server's message number for it is not known here, so a plain class-16 error stands in.
      if (!col.identity) throw new SqlError(50000, 16, 1, `Column '${col.name}' of table '${t.name}' is not an identity column: NOT FOR REPLICATION applies to identity columns.`);
      const { notForReplication: _old, ...identity } = col.identity;
      col.identity = action.add ? { ...identity, notForReplication: true } : identity;
      return;
    }
    case 'sparse': {
      const col = findColumn(t, action.column);
      if (!col) throw new SqlError(4924, 16, 1, `ALTER TABLE ALTER COLUMN failed because column '${action.column}' does not exist in table '${t.name}'.`);
      setSparse(t, col, action.add);
      return;
    }
    case 'dropConstraints': {
      for (const n of action.names) dropConstraint(ctx, t, n, action.ifExists, action.options?.get(n));
      return;
    }
    case 'checkConstraints': {
      const pick = <T extends { name: string }>(xs: T[]): T[] => (action.names === 'ALL' ? xs : xs.filter((x) => (action.names as readonly string[]).some((n) => sameName(n, x.name))));
      if (action.names !== 'ALL') for (const n of action.names) if (!t.checks.some((c) => sameName(c.name, n)) && !t.fks.some((f) => sameName(f.name, n))) throw new SqlError(4917, 16, 0, `Constraint '${n}' does not exist.`);
      const checks = pick(t.checks);
      const fks = pick(t.fks);
      // One statement: every named constraint is validated before any changes, so a 547 leaves all as they were.
      if (action.enable && action.withCheck === true) {
        for (const c of checks) for (const row of t.rows) if (test(c.expr, rowScope(t, row, ctx.host), ctx.host) === false) throw err.conflict('ALTER TABLE', 'CHECK', c.name, ctx.db.name, qualified(ctx.db, t), t.columns.find((x) => x.columnId === c.columnId)?.name);
        for (const f of fks) {
          const ref = ctx.db.tables.find((x) => x.objectId === f.refTableId) as Table;
          for (const row of t.rows) {
            const vals = f.columns.map((fc) => row[fc.parent] ?? null);
            if (vals.some((v) => v === null)) continue;
            if (!ref.rows.some((r) => f.columns.every((fc, i) => (r[fc.ref] ?? null) !== null && String(r[fc.ref]).toLowerCase() === String(vals[i]).toLowerCase()))) throw err.conflict('ALTER TABLE', 'FOREIGN KEY', f.name, ctx.db.name, qualified(ctx.db, ref), ref.columns.find((c) => c.columnId === f.columns[0].ref)?.name);
          }
        }
      }
      for (const c of [...checks, ...fks]) {
        // A disabled constraint checks nothing, so it is never trusted.
        if (!action.enable) { c.disabled = true; c.notTrusted = true; continue; }
        c.disabled = false;
        // WITH CHECK CHECK leaves a NOT FOR REPLICATION constraint untrusted (see ddl-constraints.ts).
        if (action.withCheck === true && c.notForReplication !== true) c.notTrusted = false;
        // Explicitly re-enabled without validation (inferred: untrusted even if it was trusted);
        // no WITH at all leaves the flag as it was (a disabled one was already untrusted).
        if (action.withCheck === false) c.notTrusted = true;
      }
      return;
    }
  }
}

function dropConstraint(ctx: DdlContext, t: Table, n: string, ifExists: boolean, options?: readonly DdlOption[]): void {
  const key = t.keys.find((k) => sameName(k.name, n));
  if (options !== undefined && (key || t.checks.some((c) => sameName(c.name, n)) || t.defaults.some((c) => sameName(c.name, n)) || t.fks.some((c) => sameName(c.name, n)))) {
    checkDropOptions(t, key && t.indexes.find((i) => i.indexId === key.indexId), n, options, 'ALTER TABLE DROP CONSTRAINT');
  }
  if (key) {
    for (const o of ctx.db.tables) for (const f of o.fks) if (f.refTableId === t.objectId && f.keyIndexId === key.indexId) {
      throw new SqlError(3725, 16, 0, `The constraint '${key.name}' is being referenced by table '${o.name}', foreign key constraint '${f.name}'.`, 'statement', [new SqlError(3727, 16, 0, 'Could not drop constraint. See previous errors.')]);
    }
    const keyIndex = t.indexes.find((i) => i.indexId === key.indexId) as Index;
    checkPrimaryKeyDrop(t, keyIndex);
    checkTrackedKeyDrop(t, key.name, key.type === 'PK');
    t.keys = t.keys.filter((k) => k !== key);
    removeIndex(t, keyIndex);
    return;
  }
  const ck = t.checks.find((c) => sameName(c.name, n));
  if (ck) { t.checks = t.checks.filter((c) => c !== ck); return; }
  const df = t.defaults.find((c) => sameName(c.name, n));
  if (df) { t.defaults = t.defaults.filter((c) => c !== df); const col = t.columns.find((c) => c.columnId === df.columnId); if (col) col.defaultObjectId = 0; return; }
  const fk = t.fks.find((c) => sameName(c.name, n));
  if (fk) { t.fks = t.fks.filter((c) => c !== fk); return; }
  if (dropEdgeConstraint(t, n)) return;
  if (!ifExists) throw err.notAConstraint(n);
}

/** CREATE INDEX. */
/** How a CREATE INDEX may run resumably (resumable.ts): the server, the session, and whether the test pauses it. */
export interface ResumableRun extends ResumableFacts {
  readonly sqlText: string;
  /** True when this build is to pause (a test's fault). */
  pause(): boolean;
}

/**
 * CREATE INDEX. A resumable build that pauses stays paused and its SqlError (3643) is returned,
 * not thrown: the caller ends the statement without undoing it, as SQL Server keeps the build.
 */
export function createIndexStatement(ctx: DdlContext, def: IndexDef, run?: ResumableRun): SqlError | null {
  const view = findModule(ctx.db, def.table);
  if (view && view.type === 'V') { createViewIndex(ctx, view, def); return null; }
  const t = tableOrFail(ctx, def.table, () => new SqlError(1088, 16, 12, `Cannot find the object "${def.table.join('.')}" because it does not exist or you do not have permissions.`));
  refuseIndexStatement(t, 'CREATE INDEX');
  if (run !== undefined) {
    checkResumableCreate(run, def, t);
    const resumable = resumableChoice(def.options ?? []).resumable;
    const paused = pausedBuild(ctx.db, t, def.name);
    // "Re-executing the original CREATE INDEX statement for resumable index, automatically resumes a paused index create operation."
    if (paused !== undefined && resumable) { forgetBuild(ctx.db, paused); createIndex(ctx, t, paused.def); touch(ctx, t); return null; }
    checkNoPausedBuild(ctx.db, t, qualified(ctx.db, t));
    if (resumable && run.pause()) return pauseBuild(ctx.db, t, def, run.sqlText, ctx.now);
  }
  createIndex(ctx, t, def);
  touch(ctx, t);
  return null;
}

/** ALTER INDEX i ON t RESUME | PAUSE | ABORT. PAUSE of an already paused build does nothing (inferred). */
function resumableIndex(ctx: DdlContext, t: Table, action: Extract<AlterAction, { k: 'resumableIndex' }>): void {
  const paused = pausedBuild(ctx.db, t, action.index);
  if (paused === undefined) throw noResumableOperation(action.index, qualified(ctx.db, t));
  if (action.op === 'PAUSE') return;
  forgetBuild(ctx.db, paused);
  if (action.op === 'RESUME') createIndex(ctx, t, paused.def);
}

/** DROP INDEX i ON t [WITH (ONLINE = ON | OFF, MAXDOP = n)]. */
export function dropIndex(ctx: DdlContext, index: string, table: Name, ifExists: boolean, options?: readonly DdlOption[]): void {
  const schema = table.length >= 2 ? table[table.length - 2] : 'dbo';
  const t = findTable(ctx.db, schema, table[table.length - 1]);
  const view = t ? undefined : findModule(ctx.db, table);
  if (view && dropViewIndex(ctx, view, index)) return;
  const ix = t?.indexes.find((i) => i.name !== null && sameName(i.name, index));
  if (!t || !ix) { if (ifExists) return; throw err.cannotDrop('index', `${table.join('.')}.${index}`); }
  refuseIndexStatement(t, 'DROP INDEX');
  if (ix.isPrimaryKey || ix.isUniqueConstraint) throw new SqlError(3723, 16, 4, `An explicit DROP INDEX is not allowed on index '${qualified(ctx.db, t)}.${ix.name}'. It is being used for ${ix.isPrimaryKey ? 'PRIMARY KEY' : 'UNIQUE KEY'} constraint enforcement.`);
  checkDropOptions(t, ix, ix.name ?? index, options, 'DROP INDEX');
  // Dropping a primary XML index drops its secondaries too (drop-xml-indexes).
  for (const secondary of secondariesOf(t, ix)) removeIndex(t, secondary);
  removeIndex(t, ix);
  touch(ctx, t);
}

/** CREATE SCHEMA. */
export function createSchema(ctx: DdlContext, name: string): void {
  if (findSchema(ctx.db, name)) throw err.objectExists(name);
  ctx.db.schemas.push({ schemaId: ctx.db.nextSchemaId++, name, principalId: 1 });
}

/** DROP SCHEMA. */
export function dropSchema(ctx: DdlContext, name: string, ifExists: boolean): void {
  const s = findSchema(ctx.db, name);
  if (!s) { if (ifExists) return; throw err.cannotDrop('schema', name); }
  const used = allObjects(ctx.db).find((o) => o.schemaId === s.schemaId) ?? ctx.db.types?.find((x) => x.schemaId === s.schemaId);
  if (used) throw new SqlError(3729, 16, 1, `Cannot drop schema '${s.name}' because it is being referenced by object '${used.name}'.`);
  ctx.db.schemas = ctx.db.schemas.filter((x) => x !== s);
}

/** sp_rename @objname, @newname, @objtype (COLUMN, INDEX, OBJECT or none). */
export function spRename(ctx: DdlContext, objname: string, newname: string, objtype: string | null): void {
  const parts = splitObjectName(objname);
  const type = objtype === null ? null : objtype.toUpperCase();
  const ambiguous = (): SqlError => err.renameAmbiguous(type ?? '(null)');
  const tableFrom = (p: string[]): Table | undefined => findTable(ctx.db, p.length >= 2 ? p[p.length - 2] : 'dbo', p[p.length - 1]);
  if (type === 'COLUMN') {
    if (parts.length < 2) throw ambiguous();
    const t = tableFrom(parts.slice(0, -1));
    const col = t && findColumn(t, parts[parts.length - 1]);
    if (!t || !col) throw ambiguous();
    if (schemaBoundBlocker(ctx.db, schemaOfTable(ctx, t), t.name, col.name)) throw renameBound(objname);
    if (t.columns.some((c) => c !== col && sameName(c.name, newname))) throw err.columnTwice(newname, t.name);
    col.name = newname;
    touch(ctx, t);
  } else if (type === 'INDEX') {
    if (parts.length < 2) throw ambiguous();
    const t = tableFrom(parts.slice(0, -1));
    const ix = t?.indexes.find((i) => i.name !== null && sameName(i.name, parts[parts.length - 1]));
    if (!t || !ix) throw ambiguous();
    if (t.indexes.some((i) => i !== ix && i.name !== null && sameName(i.name, newname))) throw err.renameExists(newname);
    const key = t.keys.find((k) => k.indexId === ix.indexId);
    if (key) { if (findObject(ctx.db, t.schemaId, newname)) throw err.renameExists(newname); key.name = newname; }
    ix.name = newname;
    touch(ctx, t);
  } else if (type === null || type === 'OBJECT') {
    const schema = findSchema(ctx.db, parts.length >= 2 ? parts[parts.length - 2] : 'dbo');
    const obj = schema && findObject(ctx.db, schema.schemaId, parts[parts.length - 1]);
    if (!schema || !obj) throw ambiguous();
    if (findObject(ctx.db, schema.schemaId, newname)) throw err.renameExists(newname);
    if (schemaBoundBlocker(ctx.db, schema.name, obj.name)) throw renameBound(objname);
    // Renaming a module leaves sys.sql_modules.definition as it was (sp-rename-transact-sql).
    for (const m of modulesOf(ctx.db)) if (m.objectId === obj.objectId) { ctx.beforeModules?.(); m.name = newname; m.modified = ctx.now; }
    for (const t of ctx.db.tables) {
      if (t.objectId === obj.objectId) { t.name = newname; touch(ctx, t); }
      for (const k of t.keys) if (k.objectId === obj.objectId) { k.name = newname; const ix = t.indexes.find((i) => i.indexId === k.indexId); if (ix) ix.name = newname; k.modified = ctx.now; }
      for (const k of [...t.checks, ...t.defaults, ...t.fks, ...(t.edgeConstraints ?? [])]) if (k.objectId === obj.objectId) { k.name = newname; k.modified = ctx.now; }
    }
  } else throw ambiguous();
  ctx.info(15477, 'Caution: Changing any part of an object name could break scripts and stored procedures.');
}

