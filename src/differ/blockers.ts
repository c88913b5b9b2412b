/**
 * Which constraints and indexes stop SQL Server from altering or dropping a column, following
 * the ALTER TABLE documentation (sqlserver-catalog.md section 3). Where the documentation leaves
 * room, the answer is "blocks": dropping and re-creating an object is slower but always works.
 */
import { assertNever } from './changes';
import type { Entity } from './entities';
import type { SqlType, SqlTypeName } from '../model';

/** What an ALTER COLUMN changes. */
export interface ColumnDelta {
  /** The type name changes (int -> bigint, varchar -> nvarchar). */
  readonly typeName: boolean;
  /** Only length, precision or scale change within the same type name. */
  readonly size: boolean;
  readonly nullability: boolean;
  readonly collation: boolean;
  /**
   * Only the declared alias type changes (nvarchar(320) <-> dbo.Email of nvarchar(320)): SQL
   * Server records it (sys.columns.user_type_id) through ALTER COLUMN, storage unchanged. The
   * documentation does not say whether a default, check or index allows it, so they block, as a
   * type change does (see the header: "blocks" where the documentation leaves room).
   */
  readonly declaredType: boolean;
}

const VARIABLE_LENGTH: ReadonlySet<SqlTypeName> = new Set<SqlTypeName>(['varchar', 'nvarchar', 'varbinary']);

function length(t: SqlType): number {
  return t.length === 'max' ? Number.POSITIVE_INFINITY : t.length ?? 1;
}

/** Only the length of a varchar/nvarchar/varbinary changes. */
function onlyVariableLength(delta: ColumnDelta, from: SqlType): boolean {
  return delta.size && !delta.typeName && !delta.declaredType && !delta.nullability && !delta.collation && VARIABLE_LENGTH.has(from.name);
}

/** Only a varchar/nvarchar/varbinary grows, and not to MAX (a LOB cannot be an index key). */
function onlyVariableWidening(delta: ColumnDelta, from: SqlType, to: SqlType): boolean {
  return onlyVariableLength(delta, from) && to.length !== 'max' && length(to) >= length(from);
}

/** True when `entity` must be dropped before ALTER COLUMN can change the column this way. */
export function blocksAlter(entity: Entity, delta: ColumnDelta, from: SqlType, to: SqlType): boolean {
  switch (entity.kind) {
    // "Associated with a default definition": length, precision or scale may change if the type does not.
    case 'default': return delta.typeName || delta.declaredType || delta.collation;
    // "Used in a CHECK or UNIQUE constraint": the length of a variable-length column may change.
    case 'check': return !onlyVariableLength(delta, from);
    // UNIQUE is also an index: the size may only grow.
    case 'unique': return !onlyVariableWidening(delta, from, to);
    // "Used in a PRIMARY KEY or [FOREIGN KEY] REFERENCES constraint": no change at all.
    case 'primaryKey': return true;
    case 'foreignKey': return true;
    // Indexes: varchar/nvarchar/varbinary may grow; anything else (nullability included, as
    // EF Core does for "narrowed" columns) is treated as blocking.
    case 'index': return !onlyVariableWidening(delta, from, to);
    default: return assertNever(entity, 'entity');
  }
}
