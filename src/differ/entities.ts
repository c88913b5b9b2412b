/**
 * Constraints and indexes seen uniformly: every object that hangs off a table (primary key,
 * UNIQUE, index, check, default, foreign key) as one tagged "entity", with its comparison
 * signature, the columns it depends on and the changes that add or drop it.
 */
import { assertNever, type Change, type TableRef } from './changes';
import type { NameKey } from '../sqlserver/names';
import { spatialSignature, xmlSignature } from '../sqlserver/xml-spatial-indexes';
import { builtIndexColumns } from '../sqlserver/data-spaces';
import type {
  CheckConstraint, DataSpace, DefaultConstraint, ForeignKey, Index, IndexColumn, KeyConstraint, SqlExpression, Table,
} from '../model';

/** One object hanging off a table, tagged by kind. */
export type Entity =
  | { readonly kind: 'primaryKey'; readonly object: KeyConstraint }
  | { readonly kind: 'unique'; readonly object: KeyConstraint }
  | { readonly kind: 'index'; readonly object: Index }
  | { readonly kind: 'check'; readonly object: CheckConstraint }
  | { readonly kind: 'default'; readonly object: DefaultConstraint }
  | { readonly kind: 'foreignKey'; readonly object: ForeignKey };

/** Maps current names to desired ones (declared renames) while comparing or re-adding. */
export interface NameMap {
  /** The desired name of a column of the entity's own table. */
  column(name: string): string;
  /** The desired name of a (referenced) table and of its columns. */
  table(schema: string, name: string): { readonly schema: string; readonly name: string; column(name: string): string };
}

/** The map of a model compared with itself: nothing renamed. */
export const NO_RENAMES: NameMap = {
  column: (name) => name,
  table: (schema, name) => ({ schema, name, column: (c) => c }),
};

const cache = new WeakMap<Table, readonly Entity[]>();

/**
 * Every entity of a table, in a fixed kind order. The same table always yields the same
 * entity objects, so decisions about an entity can be kept in maps keyed by it.
 */
export function entitiesOf(table: Table): readonly Entity[] {
  const known = cache.get(table);
  if (known !== undefined) return known;
  const out: Entity[] = [];
  if (table.primaryKey !== null) out.push({ kind: 'primaryKey', object: table.primaryKey });
  for (const object of table.uniqueConstraints) out.push({ kind: 'unique', object });
  for (const object of table.indexes) out.push({ kind: 'index', object });
  for (const object of table.checks) out.push({ kind: 'check', object });
  for (const object of table.defaults) out.push({ kind: 'default', object });
  for (const object of table.foreignKeys) out.push({ kind: 'foreignKey', object });
  cache.set(table, out);
  return out;
}

/**
 * Where an index or key lives, its partitioning column renamed as the map says. Absent is the
 * default filegroup (diff() has already spelled a declared default filegroup as absent); a move
 * is CREATE INDEX ... WITH (DROP_EXISTING = ON) ON ... (create-index-transact-sql).
 */
function placement(d: DataSpace | undefined, key: NameKey, map: NameMap): string {
  if (d === undefined) return '';
  return d.kind === 'filegroup' ? `on fg ${key(d.name)}` : `on ps ${key(d.name)}(${key(map.column(d.column))})`;
}

function keyColumns(columns: readonly IndexColumn[], key: NameKey, map: NameMap): string {
  return columns.map((c) => `${key(map.column(c.name))}${c.descending ? ' desc' : ''}`).join(',');
}

/** '|xml ...' or '|spatial ...' for an XML or spatial index, '' otherwise (so other signatures are as before). */
function xmlSpatialMark(i: Index): string {
  if (i.xml !== undefined) return `|xml ${xmlSignature(i.xml)}`;
  if (i.spatial !== undefined) return `|spatial ${spatialSignature(i.spatial)}`;
  return '';
}

/** '|nfr' for a check or foreign key NOT FOR REPLICATION, '' otherwise (so signatures without it are as before). */
function replicationMark(o: CheckConstraint | ForeignKey): string {
  return o.notForReplication === true ? '|nfr' : '';
}

/** '|hash' for a hash index or key, '' otherwise (so signatures without it are as before). */
function hashMark(o: { readonly bucketCount?: number }): string {
  return o.bucketCount !== undefined ? '|hash' : '';
}

function sameReplication(a: CheckConstraint | ForeignKey, b: CheckConstraint | ForeignKey): boolean {
  return (a.notForReplication === true) === (b.notForReplication === true);
}

/** The definition of an entity without its name: equal signatures mean the same object. */
export function signature(e: Entity, key: NameKey, map: NameMap): string {
  switch (e.kind) {
    case 'primaryKey':
    case 'unique':
      // A hash key is another index than a range one; its bucket count changes in place (diff-storage.ts).
      return `${keyColumns(e.object.columns, key, map)}|${e.object.clustered ? 'clustered' : 'nonclustered'}|${placement(e.object.dataSpace, key, map)}${hashMark(e.object)}`;
    case 'index': {
      // As built: a partitioning column SQL Server adds by itself counts as declared.
      const built = builtIndexColumns(e.object, key);
      const include = built.include.map((c) => key(map.column(c))).sort().join(',');
      const filter = e.object.filter === null ? '' : e.object.filter.canonical;
      // Compression and IGNORE_DUP_KEY change in place (diff-storage.ts); columnstore is another index.
      return [keyColumns(built.columns, key, map), include, e.object.unique, e.object.clustered, filter, e.object.columnstore === true ? 'columnstore' : '', placement(e.object.dataSpace, key, map)].join('|')
        + xmlSpatialMark(e.object) + hashMark(e.object);
    }
    // NOT FOR REPLICATION is part of the definition: SQL Server has no ALTER CONSTRAINT to change it.
    case 'check':
      return `${e.object.expression.canonical}${replicationMark(e.object)}`;
    case 'default':
      return `${key(map.column(e.object.column))}|${e.object.expression.canonical}`;
    case 'foreignKey': {
      const fk = e.object;
      const ref = map.table(fk.referencedSchema, fk.referencedTable);
      return [
        fk.columns.map((c) => key(map.column(c))).join(','),
        key(ref.schema), key(ref.name),
        fk.referencedColumns.map((c) => key(ref.column(c))).join(','),
        fk.onDelete, fk.onUpdate,
      ].join('|') + replicationMark(fk);
    }
    default: return assertNever(e, 'entity');
  }
}

/**
 * Whether a current entity (names moved by `map`) and a desired one have the same signature,
 * without building both strings when they plainly do: field by field equality implies equal
 * signatures, and only when some field differs are the signatures compared (a name holding a
 * separator could still make two different definitions print alike; the strings decide).
 */
export function sameSignature(cur: Entity, des: Entity, key: NameKey, map: NameMap): boolean {
  return (cur.kind === des.kind && sameFields(cur, des, key, map)) || signature(cur, key, map) === signature(des, key, NO_RENAMES);
}

function sameKeyColumns(cur: readonly IndexColumn[], des: readonly IndexColumn[], key: NameKey, map: NameMap): boolean {
  if (cur.length !== des.length) return false;
  for (let i = 0; i < cur.length; i++) {
    const c = cur[i] as IndexColumn;
    const d = des[i] as IndexColumn;
    if (c.descending !== d.descending || key(map.column(c.name)) !== key(d.name)) return false;
  }
  return true;
}

function sameNames(cur: readonly string[], des: readonly string[], key: NameKey, rename: (name: string) => string): boolean {
  if (cur.length !== des.length) return false;
  for (let i = 0; i < cur.length; i++) if (key(rename(cur[i] as string)) !== key(des[i] as string)) return false;
  return true;
}

/** Key and INCLUDE columns equal in order, as SQL Server builds the two indexes on their places. */
function sameBuiltColumns(cur: Index, des: Index, key: NameKey, map: NameMap): boolean {
  const c = builtIndexColumns(cur, key);
  const d = builtIndexColumns(des, key);
  return sameKeyColumns(c.columns, d.columns, key, map) && sameNames(c.include, d.include, key, map.column);
}

/** Field by field: true only when every part of the two signatures is equal (false may still be equal). */
function sameFields(cur: Entity, des: Entity, key: NameKey, map: NameMap): boolean {
  switch (cur.kind) {
    case 'primaryKey':
    case 'unique': {
      const d = (des as typeof cur).object;
      return cur.object.clustered === d.clustered && hashMark(cur.object) === hashMark(d) && sameKeyColumns(cur.object.columns, d.columns, key, map)
        && placement(cur.object.dataSpace, key, map) === placement(d.dataSpace, key, NO_RENAMES);
    }
    case 'index': {
      const c = cur.object;
      const d = (des as typeof cur).object;
      // Include lists equal in order are equal sorted too.
      return c.unique === d.unique && c.clustered === d.clustered && (c.columnstore === true) === (d.columnstore === true)
        && xmlSpatialMark(c) === xmlSpatialMark(d) && hashMark(c) === hashMark(d)
        && (c.filter === null ? d.filter === null : d.filter !== null && c.filter.canonical === d.filter.canonical)
        && sameBuiltColumns(c, d, key, map)
        && placement(c.dataSpace, key, map) === placement(d.dataSpace, key, NO_RENAMES);
    }
    case 'check':
      return cur.object.expression.canonical === (des as typeof cur).object.expression.canonical
        && sameReplication(cur.object, (des as typeof cur).object);
    case 'default': {
      const d = (des as typeof cur).object;
      return cur.object.expression.canonical === d.expression.canonical && key(map.column(cur.object.column)) === key(d.column);
    }
    case 'foreignKey': {
      const c = cur.object;
      const d = (des as typeof cur).object;
      if (c.onDelete !== d.onDelete || c.onUpdate !== d.onUpdate || !sameReplication(c, d) || !sameNames(c.columns, d.columns, key, map.column)) return false;
      const ref = map.table(c.referencedSchema, c.referencedTable);
      return key(ref.schema) === key(d.referencedSchema) && key(ref.name) === key(d.referencedTable)
        && sameNames(c.referencedColumns, d.referencedColumns, key, ref.column);
    }
    default: return assertNever(cur, 'entity');
  }
}

/** True when `expression` mentions the column (a conservative word match on its text). */
export function mentions(expression: SqlExpression, column: string, key: NameKey): boolean {
  // The expression module's parser is not the differ's to import; a word match over-reports at
  // worst, which only means a constraint is dropped and re-created needlessly.
  const words = expression.text.match(/\[(?:[^\]]|\]\])+\]|"(?:[^"]|"")+"|[\p{L}_@#][\p{L}\p{N}_@#$]*/gu) ?? [];
  const wanted = key(column);
  return words.some((w) => {
    const bare = w.startsWith('[') ? w.slice(1, -1).replace(/\]\]/g, ']') : w.startsWith('"') ? w.slice(1, -1).replace(/""/g, '"') : w;
    return key(bare) === wanted;
  });
}

/** True when the entity depends on the (current) column. */
export function dependsOn(e: Entity, column: string, key: NameKey): boolean {
  const k = key(column);
  switch (e.kind) {
    case 'primaryKey':
    case 'unique':
      return e.object.columns.some((c) => key(c.name) === k);
    case 'index':
      return e.object.columns.some((c) => key(c.name) === k)
        || e.object.include.some((c) => key(c) === k)
        || (e.object.filter !== null && mentions(e.object.filter, column, key));
    case 'check': return mentions(e.object.expression, column, key);
    case 'default': return key(e.object.column) === k;
    case 'foreignKey': return e.object.columns.some((c) => key(c) === k);
    default: return assertNever(e, 'entity');
  }
}

/** Whether the entity is (or is backed by) the table's clustered index. */
export function isClustered(e: Entity): boolean {
  return (e.kind === 'primaryKey' || e.kind === 'unique' || e.kind === 'index') && e.object.clustered;
}

/** The change that creates the entity on an existing table. */
export function addChange(table: TableRef, e: Entity): Change {
  switch (e.kind) {
    case 'primaryKey': return { kind: 'addPrimaryKey', table, constraint: e.object };
    case 'unique': return { kind: 'addUnique', table, constraint: e.object };
    case 'index': return { kind: 'createIndex', table, index: e.object };
    case 'check': return { kind: 'addCheck', table, constraint: e.object };
    case 'default': return { kind: 'addDefault', table, constraint: e.object };
    case 'foreignKey': return { kind: 'addForeignKey', table, constraint: e.object };
    default: return assertNever(e, 'entity');
  }
}

/**
 * The change that re-creates `desired` after `current` (the same kind, dropped first because its
 * definition changed): the add change carrying the old definition, for old -> new in the plan.
 */
export function replaceChange(table: TableRef, desired: Entity, current: Entity): Change {
  const change = addChange(table, desired);
  switch (change.kind) {
    case 'addPrimaryKey': case 'addUnique':
      return current.kind === 'primaryKey' || current.kind === 'unique' ? { ...change, replaces: current.object } : change;
    case 'createIndex': return current.kind === 'index' ? { ...change, replaces: current.object } : change;
    case 'addCheck': return current.kind === 'check' ? { ...change, replaces: current.object } : change;
    case 'addDefault': return current.kind === 'default' ? { ...change, replaces: current.object } : change;
    case 'addForeignKey': return current.kind === 'foreignKey' ? { ...change, replaces: current.object } : change;
    default: return change;
  }
}

/** The change that drops the entity. */
export function dropChange(table: TableRef, e: Entity): Change {
  switch (e.kind) {
    case 'primaryKey': return { kind: 'dropPrimaryKey', table, constraint: e.object };
    case 'unique': return { kind: 'dropUnique', table, constraint: e.object };
    case 'index': return { kind: 'dropIndex', table, index: e.object };
    case 'check': return { kind: 'dropCheck', table, constraint: e.object };
    case 'default': return { kind: 'dropDefault', table, constraint: e.object };
    case 'foreignKey': return { kind: 'dropForeignKey', table, constraint: e.object };
    default: return assertNever(e, 'entity');
  }
}

/** sp_rename's object type: indexes by 'INDEX', constraints (PK and UNIQUE included) by 'OBJECT'. */
export function renameObjectType(e: Entity): 'INDEX' | 'OBJECT' {
  return e.kind === 'index' ? 'INDEX' : 'OBJECT';
}

function renameKeyColumns(columns: readonly IndexColumn[], map: NameMap): IndexColumn[] {
  return columns.map((c) => ({ ...c, name: map.column(c.name) }));
}

/**
 * A current entity with its column and table references moved to their desired names, its
 * trusted / enabled state kept: an untrusted key over orphans comes back WITH NOCHECK, not failing.
 */
export function remap(e: Entity, map: NameMap): Entity {
  switch (e.kind) {
    case 'primaryKey': return { kind: 'primaryKey', object: { ...e.object, columns: renameKeyColumns(e.object.columns, map) } };
    case 'unique': return { kind: 'unique', object: { ...e.object, columns: renameKeyColumns(e.object.columns, map) } };
    case 'index':
      return { kind: 'index', object: { ...e.object, columns: renameKeyColumns(e.object.columns, map), include: e.object.include.map((c) => map.column(c)) } };
    case 'check': return e;
    case 'default': return { kind: 'default', object: { ...e.object, column: map.column(e.object.column) } };
    case 'foreignKey': {
      const ref = map.table(e.object.referencedSchema, e.object.referencedTable);
      return {
        kind: 'foreignKey',
        object: {
          ...e.object, columns: e.object.columns.map((c) => map.column(c)),
          referencedSchema: ref.schema, referencedTable: ref.name, referencedColumns: e.object.referencedColumns.map((c) => ref.column(c)),
        },
      };
    }
    default: return assertNever(e, 'entity');
  }
}
