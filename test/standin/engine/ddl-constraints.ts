/** Adding constraints and indexes to a table: names, clustering, stored definitions, validation. */
import { catalogMajor } from './view-versions';
import { addEdgeConstraint, expandGraphKeys } from './graph';
import type { ConstraintDef, Expr, IndexDef, Name } from './ast';
import type { Column, Database, Index, Table } from './catalog';
import { createSpatialIndex, createXmlIndex } from './ddl-xml-spatial';
import { allocObjectId, findColumn, findObject, findTable, sameName } from './catalog';
import type { Host } from './scope';
import { columnScopedName, keyName } from './naming';
import { duplicateKey, qualified, rowScope } from './integrity';
import { test, typeOf } from './eval';
import { compare } from './values';
import { SqlError, err } from './errors';
import { checkSequenceReferences } from './ddl-sequences';
import { storedForm, StoredFormError } from './stored-form';
import { resolveName } from './select';
import { breaksCascadeRule } from './cascade-paths';
import { wrongFilteredIndexOptions } from './set-options';
import { checkColumnstore, newIndexStorage } from './ddl-storage';
import { placementOf } from './ddl-data-spaces';
import { checkMemoryIndex, hashFacts } from './ddl-memory';

/** What DDL needs from the session. */
export interface DdlContext {
  readonly db: Database;
  readonly host: Host;
  readonly quotedIdentifier: boolean;
  readonly now: Date;
  /**
   * When the session's transaction began (now, for a statement outside one): a system-versioned
   * table's period columns take it, so every row a transaction writes shares one instant
   * ("the begin time of the current transaction", temporal/temporal-tables.md).
   */
  readonly transactionStart?: Date;
  info(number: number, message: string): void;
  /** INSERT reports each identity value it generates (@@IDENTITY, SCOPE_IDENTITY()). */
  identityUsed?(value: number): void;
  /** Called before views, procedures, functions or triggers change (their transaction before-image). */
  beforeModules?(): void;
  /** A user transaction is open (@@TRANCOUNT > 0): memory-optimized DDL is refused (ddl-memory.ts). */
  readonly inTransaction?: boolean;
  /** Called before users, roles or permissions change (their transaction before-image). */
  beforeSecurity?(): void;
  /** Called before security policies change (their transaction before-image). */
  beforePolicies?(): void;
}

/** SQL Server's stored text of a definition; the stored-form module's refusals become SqlErrors. */
export function stored(kind: 'check' | 'default' | 'filter' | 'computed', text: string): string {
  try {
    return storedForm(kind, text);
  } catch (e) {
    if (e instanceof StoredFormError) {
      const headline = e.message.slice(0, e.message.lastIndexOf(' ('));
      throw new SqlError(e.number, e.number === 102 ? 15 : 16, 1, headline || e.message);
    }
    throw e;
  }
}

/** The heap row (index_id 0) or clustered index of a table. */
/** Finds the table an ALTER/CREATE INDEX/DROP names, or throws `missing`. */
export function tableOrFail(ctx: DdlContext, name: Name, missing: () => SqlError): Table {
  const schema = name.length >= 2 ? name[name.length - 2] : 'dbo';
  const t = findTable(ctx.db, schema, name[name.length - 1]);
  if (!t) throw missing();
  return t;
}

export function baseIndex(t: Table): Index { return t.indexes.find((i) => i.indexId <= 1) as Index; }

/** The next index_id: index and statistics ids share one numbering per table (catalog.ts UserStatistics). */
export function nextIndexId(t: Table): number { return Math.max(1, ...t.indexes.map((i) => i.indexId), ...(t.stats ?? []).map((s) => s.statsId)) + 1; }

function columnsOrFail(t: Table, names: readonly string[]): Column[] {
  return names.map((n) => { const c = findColumn(t, n); if (!c) throw err.noColumnInTarget(n); return c; });
}

/** Places a new index in the table: a clustered one replaces the heap row as index_id 1. */
function placeIndex(t: Table, ix: Omit<Index, 'indexId'>, clustered: boolean): Index {
  if (clustered) {
    const existing = t.indexes.find((i) => i.type === 'CLUSTERED');
    if (existing) throw err.secondClustered(t.name, existing.name ?? '');
    const full: Index = { ...ix, indexId: 1, type: 'CLUSTERED' };
    t.indexes = [full, ...t.indexes.filter((i) => i.indexId !== 0)];
    return full;
  }
  const full: Index = { ...ix, indexId: nextIndexId(t), type: 'NONCLUSTERED' };
  t.indexes.push(full);
  return full;
}

/** Removes an index; dropping the clustered one brings the heap row back. */
export function removeIndex(t: Table, ix: Index): void {
  t.indexes = t.indexes.filter((i) => i !== ix);
  // "When a clustered index is dropped, the corresponding heap partitions retain their data
  // compression setting" (data-compression.md); a columnstore's is not rowstore (heap NONE, inferred).
  const kept = ix.columnstore ? undefined : ix.compression;
  // The heap stays where the clustered index was (DROP INDEX moves it only WITH (MOVE TO ...)).
  const place = ix.dataSpaceId !== undefined ? { dataSpaceId: ix.dataSpaceId, ...(ix.partitionColumnId !== undefined ? { partitionColumnId: ix.partitionColumnId } : {}) } : {};
  if (ix.type === 'CLUSTERED') t.indexes.unshift({ indexId: 0, name: null, type: 'HEAP', unique: false, isPrimaryKey: false, isUniqueConstraint: false, keys: [], includes: [], disabled: false, ...(kept !== undefined ? { compression: kept } : {}), ...place });
}

function ensureFreeName(ctx: DdlContext, t: Table, name: string): void {
  if (findObject(ctx.db, t.schemaId, name)) throw err.constraintFailed(err.objectExists(name));
}

/** Adds a PK/UNIQUE/CHECK/DEFAULT/FK to a table. `check` = WITH CHECK (validate existing rows). */
export function addConstraint(ctx: DdlContext, t: Table, def: ConstraintDef, check: boolean, ownerColumn?: Column): void {
  const { db, host } = ctx;
  if (def.name !== undefined) ensureFreeName(ctx, t, def.name);
  if (def.k === 'connection') {
    // Edge constraints are SQL Server 2019's (sys-edge-constraints-transact-sql.md, "Applies to"):
    // 2017 does not parse CONNECTION. Inferred: Msg 102 near CONNECTION, raised here when the
    // statement runs rather than when the batch is parsed.
    if (catalogMajor(ctx.host.productVersion, ctx.host.edition.engineEdition) < 15) throw new SqlError(102, 15, 1, "Incorrect syntax near 'CONNECTION'.", 'compile');
    addEdgeConstraint(db, t, def.name, def.clauses, def.cascade, ctx.now);
    return;
  }
  const objectId = allocObjectId(db);
  const dates = { created: ctx.now, modified: ctx.now };
  switch (def.k) {
    case 'pk': case 'unique': {
      const cols = def.columns.map((k) => { const c = findColumn(t, k.name); if (!c) throw err.constraintFailed(err.noColumnInTarget(k.name)); return { c, desc: k.desc }; });
      if (def.k === 'pk') {
        if (t.keys.some((k) => k.type === 'PK')) throw err.hasPrimaryKey(t.name);
        const nullable = cols.find((x) => x.c.nullable);
        if (nullable) throw err.constraintFailed(new SqlError(8111, 16, 1, `Cannot define PRIMARY KEY constraint on nullable column in table '${t.name}'.`));
      }
      const type = def.k === 'pk' ? 'PK' : 'UQ';
      const name = def.name ?? keyName(type, t.name, objectId);
      const clustered = def.clustered ?? (def.k === 'pk' && !t.indexes.some((i) => i.type === 'CLUSTERED'));
      if (clustered) { const ex = t.indexes.find((i) => i.type === 'CLUSTERED'); if (ex) throw err.constraintFailed(err.secondClustered(t.name, ex.name ?? '')); }
      checkMemoryIndex(t, clustered, false, def.options);
      const probe: Index = {
        indexId: -1, name, type: clustered ? 'CLUSTERED' : 'NONCLUSTERED', unique: true, isPrimaryKey: def.k === 'pk', isUniqueConstraint: def.k === 'unique',
        keys: cols.map((x) => ({ columnId: x.c.columnId, desc: x.desc })), includes: [], disabled: false, ...hashFacts(t, def.hash, def.options, name),
      };
      const dup = duplicateKey(t, probe, t.rows, host);
      if (dup !== null) throw err.duplicateOnCreateIndex(qualified(db, t), name, dup, true);
      const ix = placeIndex(t, { ...probe, ...newIndexStorage(t, probe, def.options), ...placementOf(db, t, def.options, probe) }, clustered);
      t.keys.push({ objectId, name, type, indexId: ix.indexId, systemNamed: def.name === undefined, ...dates });
      return;
    }
    case 'check': {
      const definition = stored('check', def.text);
      const name = def.name ?? columnScopedName('CK', t.name, ownerColumn?.name, objectId);
      // SQL Server stores a NOT FOR REPLICATION constraint untrusted even after checking the rows
      // (sp_Blitz leaves is_not_for_replication = 1 out of its untrusted list: https://www.brentozar.com/blitz/foreign-key-trusted/).
      const nfr = def.notForReplication === true;
      const ck = {
        objectId, name, columnId: ownerColumn?.columnId ?? 0, definition, expr: def.expr, disabled: false, notTrusted: !check || nfr, systemNamed: def.name === undefined,
        ...(nfr ? { notForReplication: true } : {}), ...dates,
      };
      typeOf(def.expr, rowScope(t, [], host), host); // unknown columns raise 207 even on an empty table
      if (check) {
        for (const row of t.rows) if (test(def.expr, rowScope(t, row, host), host) === false) throw err.conflict('ALTER TABLE', 'CHECK', name, db.name, qualified(db, t), ownerColumn?.name);
      }
      t.checks.push(ck);
      return;
    }
    case 'default': {
      const col = ownerColumn ?? (def.forColumn !== undefined ? findColumn(t, def.forColumn) : undefined);
      if (!col) throw err.constraintFailed(new SqlError(1752, 16, 0, `Column '${def.forColumn}' in table '${t.name}' is invalid for creating a default constraint.`));
      if (col.defaultObjectId !== 0) throw err.defaultBound();
      if (col.identity) throw err.constraintFailed(new SqlError(1754, 16, 0, `Defaults cannot be created on columns with an IDENTITY attribute. Table '${t.name}', column '${col.name}'.`));
      const definition = stored('default', def.text);
      checkSequenceReferences(db, def.expr);
      const name = def.name ?? columnScopedName('DF', t.name, col.name, objectId);
      t.defaults.push({ objectId, name, columnId: col.columnId, definition, expr: def.expr, systemNamed: def.name === undefined, ...dates });
      col.defaultObjectId = objectId;
      return;
    }
    case 'fk': {
      const target = resolveName(host, def.refTable);
      const ref = target.db === db ? findTable(db, target.schema, target.name) : undefined;
      const name = def.name ?? columnScopedName('FK', t.name, def.columns[0], objectId);
      if (!ref) throw err.constraintFailed(new SqlError(1767, 16, 0, `Foreign key '${name}' references invalid table '${def.refTable.join('.')}'.`));
      const cols = def.columns.map((n) => { const c = findColumn(t, n); if (!c) throw err.constraintFailed(new SqlError(1769, 16, 1, `Foreign key '${name}' references invalid column '${n}' in referencing table '${t.name}'.`)); return c; });
      const pk = ref.keys.find((k) => k.type === 'PK');
      const refNames = def.refColumns.length > 0 ? def.refColumns : (pk ? ref.indexes.find((i) => i.indexId === pk.indexId)?.keys.map((k) => ref.columns.find((c) => c.columnId === k.columnId)?.name ?? '') ?? [] : []);
      const refCols = refNames.map((n) => { const c = findColumn(ref, n); if (!c) throw err.constraintFailed(new SqlError(1770, 16, 0, `Foreign key '${name}' references invalid column '${n}' in referenced table '${ref.name}'.`)); return c; });
      if (refCols.length !== cols.length) throw err.constraintFailed(new SqlError(8139, 16, 0, `Number of referencing columns in foreign key differs from number of referenced columns, table '${t.name}'.`));
      const keyIx = ref.indexes.find((i) => i.unique && !i.filter && i.keys.length === refCols.length && refCols.every((rc) => i.keys.some((k) => k.columnId === rc.columnId)));
      if (!keyIx) throw err.constraintFailed(new SqlError(1776, 16, 0, `There are no primary or candidate keys in the referenced table '${qualified(db, ref)}' that match the referencing column list in the foreign key '${name}'.`));
      const columns = cols.map((c, i) => ({ parent: c.columnId, ref: refCols[i].columnId }));
      if (breaksCascadeRule(db, t.objectId, ref.objectId, def.onDelete, def.onUpdate)) {
        throw err.constraintFailed(new SqlError(1785, 16, 0, `Introducing FOREIGN KEY constraint '${name}' on table '${t.name}' may cause cycles or multiple cascade paths. Specify ON DELETE NO ACTION or ON UPDATE NO ACTION, or modify other FOREIGN KEY constraints.`));
      }
      if (check) {
        for (const row of t.rows) {
          const vals = columns.map((fc) => row[fc.parent] ?? null);
          if (vals.some((v) => v === null)) continue;
          if (!ref.rows.some((r) => columns.every((fc, i) => (r[fc.ref] ?? null) !== null && compare(r[fc.ref] as never, vals[i] as never) === 0))) throw err.conflict('ALTER TABLE', 'FOREIGN KEY', name, db.name, qualified(db, ref), refCols[0].name);
        }
      }
      // Untrusted whatever was checked when NOT FOR REPLICATION, as for a check above.
      const nfr = def.notForReplication === true;
      t.fks.push({
        objectId, name, refTableId: ref.objectId, keyIndexId: keyIx.indexId, columns, onDelete: def.onDelete, onUpdate: def.onUpdate, disabled: false,
        notTrusted: !check || nfr, systemNamed: def.name === undefined, ...(nfr ? { notForReplication: true } : {}), ...dates,
      });
      return;
    }
  }
}

/**
 * CREATE INDEX ... WITH (DROP_EXISTING = ON): the named index must exist (Msg 7999 otherwise,
 * per the CREATE INDEX documentation); it is replaced by the new definition, keeping its
 * index_id, and on failure stays as it was. A clustered index cannot become nonclustered this
 * way, and an index behind a PRIMARY KEY or UNIQUE constraint is refused (Msg 1907; inferred:
 * SQL Server accepts some definitions that still match the constraint).
 */
function redefineIndex(ctx: DdlContext, t: Table, def: IndexDef): void {
  const old = t.indexes.find((i) => i.name !== null && sameName(i.name, def.name));
  if (!old) throw new SqlError(7999, 16, 9, `Could not find any index named '${def.name}' for table '${qualified(ctx.db, t)}'.`);
  if (old.isPrimaryKey || old.isUniqueConstraint || (old.type === 'CLUSTERED' && !def.clustered)) {
    throw new SqlError(1907, 16, 1, `Cannot recreate index '${def.name}'. The new index definition does not match the constraint being enforced by the existing index.`);
  }
  const before = t.indexes;
  removeIndex(t, old);
  try {
    createIndex(ctx, t, { ...def, dropExisting: false });
  } catch (e) {
    t.indexes = before;
    throw e;
  }
  if (old.type !== 'CLUSTERED' && !def.clustered) t.indexes = t.indexes.map((i) => (i.name !== null && sameName(i.name, def.name) ? { ...i, indexId: old.indexId } : i));
}

/** CREATE INDEX on a table. */
export function createIndex(ctx: DdlContext, t: Table, def: IndexDef): void {
  if (def.dropExisting === true) { redefineIndex(ctx, t, def); return; }
  const { db, host } = ctx;
  if (t.indexes.some((i) => i.name !== null && sameName(i.name, def.name)) || t.stats?.some((x) => sameName(x.name, def.name))) throw err.indexExists(def.name, qualified(db, t));
  if (def.xml !== undefined) { createXmlIndex(t, def, (n) => findColumn(t, n)); return; }
  // A spatial index lives with the table unless placed ON a filegroup (not a partition scheme: ON takes a filegroup only).
  if (def.spatial !== undefined) { createSpatialIndex(t, def, (n) => findColumn(t, n), placementOf(db, t, def.options).dataSpaceId); return; }
  const columnstore = def.columnstore === true;
  // A key on a graph pseudo-column is on the internal columns behind it (graph.ts).
  const written = expandGraphKeys(t, def.columns);
  const named = columnsOrFail(t, written.map((c) => c.name));
  if (columnstore) checkColumnstore(t, def.clustered, named, def.name);
  // A columnstore index has no key: its columns are "included" ones (sys.index_columns).
  const keys = columnstore ? [] : named.map((c, i) => ({ columnId: c.columnId, desc: written[i].desc }));
  const includes = columnstore ? named.map((c) => c.columnId) : columnsOrFail(t, def.include).map((c) => c.columnId);
  let filter: Index['filter'];
  if (def.filter) {
    const wrong = wrongFilteredIndexOptions(host);
    if (wrong !== null) throw err.badSetOptions('CREATE INDEX', wrong);
    if (def.clustered) throw new SqlError(10635, 16, 1, `An invalid option was specified for the statement "CREATE INDEX". Filtered clustered indexes are not supported.`);
    filter = { definition: stored('filter', def.filter.text), expr: def.filter.expr as Expr };
    typeOf(def.filter.expr, rowScope(t, [], host), host);
  }
  if (def.clustered) { const ex = t.indexes.find((i) => i.type === 'CLUSTERED'); if (ex) throw err.secondClustered(qualified(db, t), ex.name ?? ''); }
  checkMemoryIndex(t, def.clustered, columnstore, def.options);
  const probe: Index = {
    indexId: -1, name: def.name, type: def.clustered ? 'CLUSTERED' : 'NONCLUSTERED', unique: def.unique, isPrimaryKey: false, isUniqueConstraint: false, keys, includes, filter, disabled: false,
    ...(columnstore ? { columnstore } : {}), ...hashFacts(t, def.hash, def.options, def.name),
  };
  if (def.unique) { const dup = duplicateKey(t, probe, t.rows, host); if (dup !== null) throw err.duplicateOnCreateIndex(qualified(db, t), def.name, dup, false); }
  placeIndex(t, { ...probe, ...newIndexStorage(t, probe, def.options), ...placementOf(db, t, def.options, probe) }, def.clustered);
}
