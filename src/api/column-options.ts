/**
 * Options a column decorator accepts. Each SQL type family gets only the options that make
 * sense for it (collation only on character types, identity only on exact integers), so a
 * misplaced option is a type error in the editor.
 */
import type { SqlFragment } from './sql';

/** Length of a character or binary column: 1-8000 (1-4000 for nchar/nvarchar), or 'max'. */
export type Length = number | 'max';

/**
 * WITH options SQL Server keeps for a rowstore index or key (CREATE INDEX); each left out is
 * SQL Server's default. FILLFACTOR and PAD_INDEX change by rebuilding the index, the others by
 * ALTER INDEX ... SET.
 */
export interface IndexWithOptions {
  /** FILLFACTOR: how full (1-100 percent) the leaf pages are built; 0 and 100 (the default) mean full. */
  readonly fillFactor?: number;
  /** PAD_INDEX = ON: the intermediate pages take the fill factor too. */
  readonly padIndex?: boolean;
  /** ALLOW_ROW_LOCKS (default true). */
  readonly allowRowLocks?: boolean;
  /** ALLOW_PAGE_LOCKS (default true). */
  readonly allowPageLocks?: boolean;
  /** OPTIMIZE_FOR_SEQUENTIAL_KEY = ON (SQL Server 2019+): for last-page insert contention. */
  readonly optimizeForSequentialKey?: boolean;
  /** STATISTICS_NORECOMPUTE = ON: the index's statistics are not updated automatically. */
  readonly statisticsNoRecompute?: boolean;
}

/** A primary key declared on its only column; the constraint is named pk_{table} unless named. */
export type PrimaryKeyOption = boolean | IndexWithOptions & {
  readonly name?: string; readonly clustered?: boolean; readonly renamedFrom?: string;
  /** WITH (IGNORE_DUP_KEY = ON): an INSERT of a duplicate key is skipped with a warning instead of failing. */
  readonly ignoreDupKey?: boolean;
  /** DATA_COMPRESSION of a nonclustered key's index (a clustered key has the table's). */
  readonly dataCompression?: RowstoreCompression;
  /** XML_COMPRESSION = ON (SQL Server 2022+) of a nonclustered key's index (a clustered key has the table's). */
  readonly xmlCompression?: boolean;
  /** NONCLUSTERED HASH WITH (BUCKET_COUNT = n): a hash primary key of a memory-optimized table. */
  readonly bucketCount?: number;
};

/** DATA_COMPRESSION of a rowstore table or index. */
export type RowstoreCompression = 'NONE' | 'ROW' | 'PAGE';

/** A computed column: a raw expression, optionally PERSISTED. */
export type ComputedOption = SqlFragment | { readonly expression: SqlFragment; readonly persisted?: boolean };

/** Options every column accepts; D is the literal type a default may be written as. */
export interface ColumnOptions<D> {
  /** Explicit column name; otherwise the field name in snake_case (lastLoginAt -> last_login_at). */
  readonly name?: string;
  /** NULL allowed; columns are NOT NULL unless this is true. */
  readonly nullable?: boolean;
  /** Server default: a literal typed like the column, or sql`...` for an expression. */
  readonly default?: D | SqlFragment;
  /** Declared rename: the column's previous name. */
  readonly renamedFrom?: string;
  /** Fills NULLs before the column becomes NOT NULL (used by a plan that tightens nullability). */
  readonly backfill?: D | SqlFragment;
  /** A computed column; its SQL type is then derived by SQL Server and not compared. */
  readonly computed?: ComputedOption;
  /** Makes this column the table's primary key. */
  readonly primaryKey?: PrimaryKeyOption;
  /**
   * SPARSE: NULLs take no space. SQL Server requires the column to be nullable, without a
   * default or IDENTITY, outside the primary key and clustered index, on an uncompressed table.
   */
  readonly sparse?: boolean;
  /**
   * Dynamic Data Masking: `MASKED WITH (FUNCTION = '...')`. Users without UNMASK read masked
   * values. One of `'default()'`, `'email()'`, `'random(1, 100)'` (numeric columns),
   * `'partial(1, "XXXX", 0)'` (prefix shown, padding, suffix shown) or `'datetime("Y")'`
   * (date and time columns; SQL Server 2022). Not on computed columns (SC1117).
   */
  readonly masked?: string;
  /**
   * Always Encrypted: `ENCRYPTED WITH (COLUMN_ENCRYPTION_KEY = key, ENCRYPTION_TYPE = ...,
   * ALGORITHM = 'AEAD_AES_256_CBC_HMAC_SHA_256')`. The key (CREATE COLUMN ENCRYPTION KEY) must
   * exist; deterministic encryption of a string column needs a `_BIN2` collation (SC1118). Only a
   * new table or column gets it: SQL Server cannot change an existing column's encryption in T-SQL
   * without secure enclaves, so a plan refuses that change.
   */
  readonly encrypted?: { readonly key: string; readonly type: 'deterministic' | 'randomized' };
}

/** Options of character columns (char, varchar, nchar, nvarchar). */
export interface StringColumnOptions extends ColumnOptions<string> {
  /** COLLATE for this column; the database default otherwise. */
  readonly collation?: string;
}

/** Options of a uniqueidentifier column. */
export interface UniqueidentifierColumnOptions extends ColumnOptions<string> {
  /** ROWGUIDCOL: the table's row GUID column ($ROWGUID; merge replication). At most one per table. */
  readonly rowguidcol?: boolean;
}

/** Options of an xml column. */
export interface XmlColumnOptions extends ColumnOptions<string> {
  /**
   * Typed XML: the XML schema collection that validates the column, `'schema.name'` (or `'name'`
   * in dbo). The collection itself is not managed by schemac: it must exist (CREATE XML SCHEMA
   * COLLECTION) before the plan runs.
   */
  readonly schemaCollection?: string;
  /** With schemaCollection: DOCUMENT (exactly one top-level element) instead of CONTENT. */
  readonly document?: boolean;
}

/** Options of a rowversion column: SQL Server sets its value, so no default, backfill or computed. */
export type RowversionColumnOptions = Pick<ColumnOptions<never>, 'name' | 'nullable' | 'renamedFrom'>;

/** IDENTITY: true for (1, 1), or [seed, increment]; strings for values beyond 2^53. */
export type IdentityOption = boolean | readonly [seed: number | string, increment: number | string];

/** Options of exact-integer columns (tinyint, smallint, int, bigint) and decimal/numeric. */
export interface IdentityColumnOptions extends ColumnOptions<number> {
  /** IDENTITY(seed, increment); the column must be NOT NULL and carries no default. */
  readonly identity?: IdentityOption;
  /**
   * IDENTITY ... NOT FOR REPLICATION: rows a replication agent inserts keep their values and do
   * not move the seed. Only with `identity`.
   */
  readonly notForReplication?: boolean;
}

/** Options of a bit column. */
export interface BitColumnOptions extends ColumnOptions<boolean | 0 | 1> {
  /** Marks the soft-delete flag that `activeOnly` indexes filter on ([col] = 0). */
  readonly softDelete?: boolean;
}

/**
 * A period column of a system-versioned table: GENERATED ALWAYS AS ROW START (`'rowStart'`) or
 * ROW END (`'rowEnd'`). SQL Server sets its value, so it takes no default, backfill, identity
 * or computed expression, and it is NOT NULL.
 */
export interface PeriodColumnOptions {
  readonly name?: string;
  readonly generatedAlways: 'rowStart' | 'rowEnd';
  /** HIDDEN: `SELECT *` leaves the column out (name it to read it). */
  readonly hidden?: boolean;
  readonly nullable?: false;
  readonly renamedFrom?: string;
}

/** Options of a datetime2 column: an ordinary column, or a period column of a versioned table. */
export type Datetime2ColumnOptions =
  | (ColumnOptions<string> & { readonly generatedAlways?: undefined; readonly hidden?: undefined })
  | PeriodColumnOptions;

/**
 * SPARSE in the editor: `sparse: true` needs `nullable: true` and takes no default, IDENTITY,
 * primary key or computed expression (SQL Server's rules, "Use sparse columns"; the compiler
 * reports them too, SC1116).
 */
export type Sparse<O> = O & (
  | { readonly sparse?: false }
  | ({ readonly sparse: true; readonly nullable: true; readonly default?: never; readonly primaryKey?: never; readonly computed?: never }
    // Only where the family has IDENTITY, so `identity` elsewhere stays an unknown-option error.
    & ('identity' extends keyof O ? { readonly identity?: never } : unknown))
);

/** Options of a type that can never be SPARSE (text, ntext, image, geography, geometry). */
export type NotSparse<O> = O & { readonly sparse?: never };
