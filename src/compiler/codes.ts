/**
 * Stable diagnostic codes of the schema compiler. A code never changes meaning once released;
 * messages may improve. SC10xx: reading files; SC11xx: columns and types; SC12xx: names;
 * SC13xx: references; SC14xx: classes and keys; SC15xx: indexes; SC16xx: foreign keys (and the validate / enabled state of checks);
 * SC17xx: expressions; SC18xx: literal values (defaults, backfills, literal unions);
 * SC19xx: descriptions (doc comments); SC20xx: sequences.
 */
export const Codes = {
  /** A TypeScript error in a schema file (the message carries the TS code). */
  typescript: 'SC1000',
  /** A decorator argument that is not a literal the compiler can read without running the file. */
  notStatic: 'SC1001',
  /** The schema directory holds no *.schema.ts file. */
  noSchemaFiles: 'SC1002',
  /** A class decorator spelled like schemac's (`@Index`) that the file does not import from 'schemac', so it is not read. */
  unimportedDecorator: 'SC1003',
  /** `Column.<x>` where x is no SQL Server type schemac maps. */
  unknownColumnType: 'SC1101',
  /** A field of a table or mixin with no column decorator: its type has no SQL Server mapping. */
  unmappedField: 'SC1102',
  /** A length, precision or scale outside what SQL Server accepts for the type. */
  invalidTypeFacet: 'SC1103',
  /** An option that does not fit the column (identity on a nullable or non-integer column, ...). */
  optionMismatch: 'SC1104',
  /** More than one IDENTITY column in one table. */
  twoIdentities: 'SC1105',
  /** A primary key on a nullable column. */
  nullableKey: 'SC1106',
  /** A field whose TypeScript type and the column's nullability disagree (warning). */
  nullabilityMismatch: 'SC1107',
  /** More than one rowversion column in one table (SQL Server allows one). */
  twoRowversions: 'SC1108',
  /** A default, backfill, identity or computed expression on a rowversion column (SQL Server sets its value). */
  rowversionValue: 'SC1109',
  /**
   * A system-versioned table without exactly one ROW START and one ROW END column, or a period
   * column on a table that is not versioned and lacks its partner.
   */
  periodColumns: 'SC1110',
  /** A period column (generatedAlways) whose type is not datetime2. */
  periodColumnType: 'SC1111',
  /** A nullable period column (SQL Server requires NOT NULL). */
  periodColumnNullable: 'SC1112',
  /** A default, backfill, identity, computed expression or primary key on a period column. */
  periodColumnValue: 'SC1113',
  /** A system-versioned table without a primary key (SQL Server requires one). */
  versionedWithoutKey: 'SC1114',
  /** systemVersioning options SQL Server refuses: a retention that is not one positive whole count. */
  badVersioning: 'SC1115',
  /** A SPARSE column SQL Server refuses: NOT NULL, a default, IDENTITY, computed, a type that cannot be sparse, in the primary key or clustered index, on a compressed table. */
  sparseColumn: 'SC1116',
  /** A `masked` function SQL Server does not take, or one on a column it cannot mask (computed, wrong type). */
  maskedColumn: 'SC1117',
  /** An `encrypted` option SQL Server refuses: no key, an unknown type, a column it cannot encrypt (type, collation, identity, default, mask ...). */
  encryptedColumn: 'SC1118',
  /** `Column.alias(X)` where X is not an alias type declared with AliasType.<base>(...). */
  unknownAliasType: 'SC1130',
  /** An alias type based on another alias type (sysname included): CREATE TYPE takes system types only. */
  aliasOfAlias: 'SC1131',
  /** An alias type on a base type CREATE TYPE refuses (xml, rowversion, hierarchyid, geography, geometry). */
  aliasBaseRefused: 'SC1132',
  /** A `graph` option SQL Server refuses: not 'node' or 'edge', a versioned node or edge table, a node table without columns. */
  graphTable: 'SC1119',
  /** A table, column, index or constraint name declared twice. */
  duplicateName: 'SC1201',
  /** Two generated names are equal; name one of the objects explicitly. */
  generatedNameCollision: 'SC1202',
  /** A written identifier longer than 128 characters. */
  identifierTooLong: 'SC1203',
  /** A generated identifier longer than 128 characters; name the object explicitly. */
  generatedNameTooLong: 'SC1204',
  /**
   * A `{placeholder}` in a name template that is neither {table} nor {schema} (in a naming
   * template of the compile options: neither {schema}, {table} nor {columns}).
   */
  unknownPlaceholder: 'SC1205',
  /** A table's `renamedFrom` that is not 'table' or 'schema.table' (three parts, an empty part, an unclosed bracket). */
  badQualifiedName: 'SC1206',
  /** An index, key, check, filter or foreign key naming a column the table does not have. */
  unknownColumn: 'SC1301',
  /** A foreign key whose target is not a @Table class. */
  unknownTable: 'SC1302',
  /** A foreign key whose column count differs from the referenced key, or whose target has no key. */
  foreignKeyShape: 'SC1303',
  /** A foreign key whose referenced columns are not a primary key or unique key of the target. */
  foreignKeyNotKey: 'SC1304',
  /** @DefaultName on a column that declares no default, so there is no constraint to name. */
  defaultNameWithoutDefault: 'SC1305',
  /**
   * `nextValueFor(x)` where x is not a declared Sequence, or NEXT VALUE FOR in a sql`...` default
   * naming a sequence the schema does not declare and the config does not list in externalSequences.
   */
  unknownSequence: 'SC1306',
  /** An edge constraint SQL Server refuses: on a table that is not an edge table, a clause naming a table that is not a node table, no clause, a clause twice, an ON DELETE other than NO_ACTION / CASCADE. */
  edgeConstraint: 'SC1307',
  /** Classes that extend each other in a cycle. */
  mixinCycle: 'SC1401',
  /** A table or mixin extending a class that is not a @Mixin. */
  notAMixin: 'SC1402',
  /** More than one primary key on one table. */
  twoPrimaryKeys: 'SC1403',
  /**
   * A memory-optimized table SQL Server refuses: no index, SCHEMA_AND_DATA without a primary key,
   * a clustered, filtered or INCLUDE index, index options, compression, placement, a column type
   * or column option it cannot hold, system versioning or a move to another schema.
   */
  memoryOptimized: 'SC1404',
  /** A `lockEscalation` of @Table other than 'TABLE', 'AUTO' or 'DISABLE'. */
  badLockEscalation: 'SC1410',
  /**
   * A `ledger` option SQL Server refuses: not 'updatable' / 'append-only' / { kind, view, history },
   * a history table on an append-only table, a memory-optimized, graph or (append-only) versioned
   * ledger table, a finite history retention, a column named as SQL Server's ledger columns, an
   * xml, sql_variant or user-defined type column, a rowstore nonclustered index beside a clustered columnstore one.
   */
  ledgerTable: 'SC1411',
  /** A `changeTracking` of @Table other than `true` or `{ trackColumnsUpdated: boolean }`. */
  badChangeTracking: 'SC1413',
  /** Change tracking on a table SQL Server refuses it for: no primary key (Msg 4997), a rowversion key (Msg 4999). */
  changeTrackingNeedsKey: 'SC1414',
  /** More than one clustered index (a clustered primary key or unique key counts). */
  twoClustered: 'SC1501',
  /** A filtered-index predicate SQL Server refuses (design rule 10). */
  badFilter: 'SC1502',
  /** A filter on a clustered index (filtered indexes must be nonclustered). */
  filteredClustered: 'SC1503',
  /** `activeOnly` on a table that has no `softDelete` column. */
  noSoftDelete: 'SC1504',
  /** An index key wider than 900 bytes (clustered) or 1,700 bytes (nonclustered): a warning. */
  keyTooWide: 'SC1505',
  /**
   * A column SQL Server cannot index used as a key column (MAX, xml, text, ntext, image,
   * geography, geometry), or a text/ntext/image column as an INCLUDE column.
   */
  lobKey: 'SC1506',
  /** INCLUDE on a clustered index. */
  includeOnClustered: 'SC1507',
  /** A key or INCLUDE list that is empty or names a column twice. */
  badColumnList: 'SC1508',
  /** A columnstore index SQL Server refuses: clustered with columns, INCLUDE or a filter; DESC; two per table; a type it cannot hold. */
  columnstoreShape: 'SC1509',
  /** IGNORE_DUP_KEY on an index that is not unique, or is filtered. */
  ignoreDupKey: 'SC1510',
  /** DATA_COMPRESSION that does not fit: ROW/PAGE on a columnstore, COLUMNSTORE on rowstore, on a clustered index instead of its table. */
  compressionMismatch: 'SC1511',
  /** An index option SQL Server refuses: FILLFACTOR outside 1..100, or FILLFACTOR and the like on a columnstore index. */
  indexOption: 'SC1512',
  /** An `on` placement that is not a filegroup name or { partitionScheme, column }, or a clustered index's that differs from its table's. */
  placement: 'SC1513',
  /** An XML index SQL Server refuses: not one xml column, computed, no clustered primary key, a secondary without its primary, two primaries on a column. */
  xmlIndex: 'SC1514',
  /** A spatial index SQL Server refuses: not a geometry/geography column, a scheme for the other type, BOUNDING_BOX missing or misplaced, GRIDS on AUTO_GRID, CELLS_PER_OBJECT out of range, no clustered primary key. */
  spatialIndex: 'SC1515',
  /** A hash index SQL Server refuses: on a disk-based table, a bucketCount outside 1..1,073,741,824, a DESC key column. */
  hashIndex: 'SC1516',
  /** Foreign keys whose ON DELETE / ON UPDATE actions form a cycle or multiple cascade paths (Msg 1785). */
  cascadePaths: 'SC1601',
  /** A foreign key between a memory-optimized and a disk-based table, or from a memory-optimized table to anything but its target's primary key. */
  memoryForeignKey: 'SC1602',
  /** A check or foreign key declared `enabled: false` with `validate: true`: a disabled constraint is never trusted. */
  constraintState: 'SC1603',
  /** An expression src/expr could not parse; it is compared as text (warning). */
  unparsedExpression: 'SC1701',
  /** A literal default or backfill that is not a member of the column's literal union. */
  defaultNotInUnion: 'SC1801',
  /** A literal default or backfill longer than its character column. */
  defaultTooLong: 'SC1802',
  /** A literal default or backfill outside the range or precision of its column's type. */
  defaultOutOfRange: 'SC1803',
  /** A literal default or backfill that does not convert to its column's type (a date, time or GUID). */
  defaultNotConvertible: 'SC1804',
  /** A member of a column's literal union longer than the column. */
  unionMemberTooLong: 'SC1805',
  /** A doc comment longer than an extended property holds (7,500 bytes as nvarchar). */
  descriptionTooLong: 'SC1901',
  /** A sequence's START, INCREMENT, MINVALUE or MAXVALUE outside the range of its type. */
  sequenceValueOutOfRange: 'SC2001',
  /** INCREMENT BY 0 (SQL Server refuses it). */
  sequenceZeroIncrement: 'SC2002',
  /** MINVALUE not below MAXVALUE. */
  sequenceMinNotBelowMax: 'SC2003',
  /** START WITH outside MINVALUE..MAXVALUE. */
  sequenceStartOutside: 'SC2004',
  /** An increment larger than the distance between MINVALUE and MAXVALUE. */
  sequenceIncrementTooLarge: 'SC2005',
  /** A sequence type other than tinyint, smallint, int, bigint, decimal(p,0), numeric(p,0). */
  sequenceType: 'SC2006',
  /** A CACHE size that is not a positive integer. */
  sequenceCache: 'SC2007',
} as const;

/** One diagnostic code. */
export type Code = (typeof Codes)[keyof typeof Codes];
