/**
 * Disabled indexes: ALTER INDEX i | ALL ON t DISABLE, what a disabled index stops, and the rebuild
 * that enables it again, after disable-indexes-and-constraints.md and alter-index-transact-sql.md:
 * - "Disabling a clustered index on a table prevents access to the data ... unavailable for data
 *   manipulation language (DML) operations until the index is dropped or rebuilt": every read or
 *   write of the table is Msg 8655 ("The query processor is unable to produce a plan because the
 *   index '%.*ls' on table or view '%.*ls' is disabled.", the error catalog's wording).
 * - "Nonclustered indexes are automatically disabled when the associated clustered index is
 *   disabled. They cannot be enabled until ... the clustered index ... is enabled" (rebuilding one
 *   first is refused; number and wording inferred), "unless the clustered index was enabled by
 *   using the ALTER INDEX ALL REBUILD statement".
 * - "When disabling a unique index, ... all FOREIGN KEY constraints that reference the indexed
 *   columns from other tables are also disabled. When disabling a clustered index, all incoming and
 *   outgoing FOREIGN KEY constraints on the underlying table are also disabled. The constraint
 *   names are listed in a warning message" (its wording from alter-index-transact-sql.md's example;
 *   its number inferred), and stay disabled after the rebuild (ALTER TABLE ... CHECK CONSTRAINT).
 * Not done: disabling the indexes of indexed views over the table.
 */
import type { Database, Index, Table } from './catalog';
import type { DdlContext } from './ddl-constraints';
import { SqlError, err } from './errors';
import { duplicateKey, qualified } from './integrity';
import { partitionCount } from './ddl-data-spaces';
import { namedIndex } from './ddl-storage';

/** The clustered index (rowstore or columnstore) that holds a table's rows, when one does. */
function clusteredIndex(t: Table): Index | undefined {
  return t.indexes.find((i) => i.indexId === 1);
}

/** Msg 8655 when the table's clustered index is disabled: its rows can be neither read nor written. */
export function checkReadable(t: Table): void {
  const ix = clusteredIndex(t);
  if (ix?.disabled && ix.name !== null) {
    throw new SqlError(8655, 16, 1, `The query processor is unable to produce a plan because the index '${ix.name}' on table or view '${t.name}' is disabled.`);
  }
}

/** ALTER INDEX i | ALL ON t DISABLE: the index (ALL: every index), with what disabling it disables too. */
export function disableIndexes(ctx: DdlContext, t: Table, name: string | 'ALL'): void {
  const chosen = name === 'ALL' ? t.indexes.filter((i) => i.name !== null) : [namedIndex(t, name)];
  for (const ix of chosen) disableOne(ctx, t, ix);
}

function disableOne(ctx: DdlContext, t: Table, ix: Index): void {
  ix.disabled = true;
  const fks: { owner: Table; fk: Table['fks'][number] }[] = [];
  if (ix.unique) for (const owner of ctx.db.tables) for (const fk of owner.fks) if (fk.refTableId === t.objectId && fk.keyIndexId === ix.indexId) fks.push({ owner, fk });
  if (ix.indexId === 1) {
    for (const other of t.indexes) if (other.indexId > 1) other.disabled = true;
    for (const owner of ctx.db.tables) for (const fk of owner.fks) if (fk.refTableId === t.objectId || owner === t) fks.push({ owner, fk });
  }
  for (const { owner, fk } of fks) {
    if (fk.disabled) continue;
    fk.disabled = true;
    fk.notTrusted = true;
    const referenced = ctx.db.tables.find((x) => x.objectId === fk.refTableId)?.name ?? '';
    ctx.info(1992, `Warning: Foreign key '${fk.name}' on table '${owner.name}' referencing table '${referenced}' was disabled as a result of disabling the index '${ix.name}'.`);
  }
}

/**
 * Before a REBUILD of index `name` (or ALL): a nonclustered index cannot be enabled while the
 * clustered one is disabled (Msg 1974, number and wording inferred), except by ALL, which rebuilds
 * the clustered index first; `PARTITION = n` must name one of the index's partitions (Msg 7722,
 * number and wording inferred); a disabled unique index's rows must be unique again (1505).
 */
export function checkRebuild(ctx: DdlContext, t: Table, name: string | 'ALL', partition: number | undefined): void {
  const chosen = name === 'ALL' ? t.indexes.filter((i) => i.name !== null) : [namedIndex(t, name)];
  const clustered = clusteredIndex(t);
  for (const ix of chosen) {
    if (name !== 'ALL' && ix.indexId > 1 && clustered?.disabled) {
      throw new SqlError(1974, 16, 1, `Cannot perform the specified operation on table '${t.name}' because its clustered index '${clustered.name}' is disabled.`);
    }
    if (partition !== undefined) checkPartition(ctx.db, t, ix, partition);
    // A disabled unique index was not maintained: the rows written meanwhile must still be unique (Msg 1505, as CREATE UNIQUE INDEX).
    if (ix.disabled && ix.unique) {
      const dup = duplicateKey(t, ix, t.rows, ctx.host);
      if (dup !== null) throw err.duplicateOnCreateIndex(qualified(ctx.db, t), ix.name ?? '', dup, false);
    }
  }
}

/** ALTER TABLE t REBUILD PARTITION = n: n must be a partition of the heap or clustered index. */
export function checkTableRebuild(db: Database, t: Table, partition: number | undefined): void {
  const base = t.indexes.find((i) => i.indexId <= 1);
  if (partition !== undefined && base !== undefined) checkPartition(db, t, base, partition, true);
}

function checkPartition(db: Database, t: Table, ix: Index, n: number, table = false): void {
  const count = partitionCount(db, ix);
  if (count === undefined || (n >= 1 && n <= count)) return;
  const what = table || ix.indexId === 0 ? `table '${t.name}'` : `index '${ix.name}'`;
  throw new SqlError(7722, 16, 2, `Invalid partition number ${n} specified for ${what}, partition number can range from 1 to ${count}.`);
}
