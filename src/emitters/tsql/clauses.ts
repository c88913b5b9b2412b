import type { CheckConstraint, DataSpace, ForeignKey, Index, IndexColumn, IndexOptions, KeyConstraint, ReferentialAction, SpatialIndexDefinition, XmlIndexDefinition } from '../../model';
import { effectiveIndexOption, INDEX_OPTION_KEYS, type IndexOptionKey } from '../../sqlserver/index-options';
import { bare, parenthesized } from './expression';
import { quoteIdent, quoteQualified } from '../../sqlserver/literals';

/** `([a], [b] DESC)`: ASC is SQL Server's default and is left out. */
export function renderKeyColumns(columns: readonly IndexColumn[]): string {
  if (columns.length === 0) throw new Error('schemac: an index or key needs at least one column');
  return `(${columns.map((c) => `${quoteIdent(c.name)}${c.descending ? ' DESC' : ''}`).join(', ')})`;
}

/**
 * `CONSTRAINT [name] `, or '' for a constraint SQL Server is to name itself (the down script
 * re-creating a system-named one; "CONSTRAINT constraint_name" is optional in create-table and
 * alter-table-transact-sql's <table_constraint>).
 */
export function constraintName(name: string, named: boolean): string {
  return named ? `CONSTRAINT ${quoteIdent(name)} ` : '';
}

/** `([a], [b])`, for INCLUDE and foreign key column lists. */
export function renderNameList(names: readonly string[]): string {
  if (names.length === 0) throw new Error('schemac: empty column list');
  return `(${names.map(quoteIdent).join(', ')})`;
}

/**
 * `CONSTRAINT [pk] PRIMARY KEY NONCLUSTERED ([id])`. CLUSTERED/NONCLUSTERED is always written:
 * left out, a primary key defaults to CLUSTERED, the wrong choice for a GUID key (rule 1).
 */
export function renderKeyConstraint(kind: 'PRIMARY KEY' | 'UNIQUE', constraint: KeyConstraint, options: readonly string[] = [], named = true): string {
  const clustering = constraint.clustered ? 'CLUSTERED' : constraint.bucketCount !== undefined ? 'NONCLUSTERED HASH' : 'NONCLUSTERED';
  return `${constraintName(constraint.name, named)}${kind} ${clustering} ${renderKeyColumns(constraint.columns)}${withOptions([...storageOptions(constraint), ...options])}${placementClause(constraint.dataSpace)}`;
}

/**
 * An index of a memory-optimized table as CREATE TABLE and ALTER TABLE ... ADD take it:
 * `INDEX [ix] [UNIQUE] NONCLUSTERED [HASH] (...) [WITH (BUCKET_COUNT = n)]` or `INDEX [ix]
 * CLUSTERED COLUMNSTORE` (create-table-transact-sql, memory-optimized <table_index>; UNIQUE
 * where the disk-based syntax has it: "Indexes can be declared as UNIQUE on a memory-optimized
 * table", supported-data-types-for-in-memory-oltp).
 */
export function renderMemoryIndex(index: Index): string {
  if (index.columnstore === true) return `INDEX ${quoteIdent(index.name)} CLUSTERED COLUMNSTORE`;
  if (index.clustered || index.filter !== null || index.include.length > 0) {
    throw new Error(`schemac: index ${index.name} of a memory-optimized table cannot be clustered, filtered or have INCLUDE columns`);
  }
  const hash = index.bucketCount !== undefined;
  return `INDEX ${quoteIdent(index.name)} ${index.unique ? 'UNIQUE ' : ''}NONCLUSTERED ${hash ? 'HASH ' : ''}${renderKeyColumns(index.columns)}${hash ? ` WITH (BUCKET_COUNT = ${index.bucketCount})` : ''}`;
}

const OPTION_SQL: Readonly<Record<IndexOptionKey, string>> = {
  padIndex: 'PAD_INDEX', fillFactor: 'FILLFACTOR', statisticsNoRecompute: 'STATISTICS_NORECOMPUTE',
  allowRowLocks: 'ALLOW_ROW_LOCKS', allowPageLocks: 'ALLOW_PAGE_LOCKS', optimizeForSequentialKey: 'OPTIMIZE_FOR_SEQUENTIAL_KEY',
};

/** An option's T-SQL name, e.g. FILLFACTOR. */
export function indexOptionName(k: IndexOptionKey): string {
  return OPTION_SQL[k];
}

/** ` WITH (...)` of the non-default options alone (no compression), for plan text; '' when none. */
export function indexOptionsText(o: IndexOptions): string {
  return withOptions(INDEX_OPTION_KEYS.filter((k) => o[k] !== undefined).map((k) => indexOptionClause(o, k)));
}

/**
 * `NAME = value` of one option as the index has it, its default written out (to put it back).
 * The default fill factor is written 100: "Fill factor values 0 and 100 are identical in all
 * respects", and CREATE INDEX / ALTER INDEX take "an integer value from 1 to 100".
 */
export function indexOptionClause(o: IndexOptions, k: IndexOptionKey): string {
  const v = effectiveIndexOption(o, k);
  if (typeof v === 'number') return `${OPTION_SQL[k]} = ${v === 0 ? 100 : v}`;
  return `${OPTION_SQL[k]} = ${v ? 'ON' : 'OFF'}`;
}

/** `XML_COMPRESSION = ON | OFF` (create-index / alter-index / alter-table-transact-sql, SQL Server 2022+). */
export function xmlCompressionOption(on: boolean): string {
  return `XML_COMPRESSION = ${on ? 'ON' : 'OFF'}`;
}

/**
 * The index options schemac manages, as CREATE INDEX and a key's WITH (...) take them; the
 * defaults (IGNORE_DUP_KEY OFF, NONE / COLUMNSTORE, FILLFACTOR 0, locks allowed...) are left
 * out, as SQL Server applies them (XML_COMPRESSION OFF too). A rowstore clustered index or key
 * carries its table's compression and XML compression, so they are written here too. Every CREATE of an index or key goes through here,
 * so re-creating one keeps its options.
 */
export function storageOptions(o: Index | KeyConstraint): string[] {
  const out: string[] = [];
  for (const k of INDEX_OPTION_KEYS.slice(0, 2)) if (o[k] !== undefined) out.push(indexOptionClause(o, k));
  if (o.ignoreDupKey === true) out.push('IGNORE_DUP_KEY = ON');
  for (const k of INDEX_OPTION_KEYS.slice(2)) if (o[k] !== undefined) out.push(indexOptionClause(o, k));
  if (o.dataCompression !== undefined) out.push(`DATA_COMPRESSION = ${o.dataCompression}`);
  if (o.xmlCompression === true) out.push(xmlCompressionOption(true));
  if (o.bucketCount !== undefined) out.push(`BUCKET_COUNT = ${o.bucketCount}`);
  return out;
}

/**
 * `CONSTRAINT [ck] CHECK [NOT FOR REPLICATION] (expr)`: the clause comes before the expression
 * (create-table-transact-sql: "CHECK [ NOT FOR REPLICATION ] ( logical_expression )",
 * https://learn.microsoft.com/sql/t-sql/statements/create-table-transact-sql).
 */
export function renderCheckConstraint(constraint: CheckConstraint, named = true): string {
  const nfr = constraint.notForReplication === true ? ' NOT FOR REPLICATION' : '';
  return `${constraintName(constraint.name, named)}CHECK${nfr} ${parenthesized(constraint.expression)}`;
}

const ACTION_SQL: Record<ReferentialAction, string> = {
  NO_ACTION: 'NO ACTION',
  CASCADE: 'CASCADE',
  SET_NULL: 'SET NULL',
  SET_DEFAULT: 'SET DEFAULT',
};

/**
 * `CONSTRAINT [fk] FOREIGN KEY (...) REFERENCES [s].[t] (...) [ON DELETE ...] [ON UPDATE ...] [NOT
 * FOR REPLICATION]`; NO ACTION, the default, is left out. NOT FOR REPLICATION comes last
 * (create-table-transact-sql's <table_constraint>, https://learn.microsoft.com/sql/t-sql/statements/create-table-transact-sql).
 */
export function renderForeignKeyConstraint(fk: ForeignKey, named = true): string {
  if (fk.columns.length !== fk.referencedColumns.length) {
    throw new Error(`schemac: foreign key ${fk.name} has ${fk.columns.length} columns but references ${fk.referencedColumns.length}`);
  }
  const parts = [
    `${constraintName(fk.name, named)}FOREIGN KEY ${renderNameList(fk.columns)}`,
    `REFERENCES ${quoteQualified(fk.referencedSchema, fk.referencedTable)} ${renderNameList(fk.referencedColumns)}`,
  ];
  if (fk.onDelete !== 'NO_ACTION') parts.push(`ON DELETE ${ACTION_SQL[fk.onDelete]}`);
  if (fk.onUpdate !== 'NO_ACTION') parts.push(`ON UPDATE ${ACTION_SQL[fk.onUpdate]}`);
  if (fk.notForReplication === true) parts.push('NOT FOR REPLICATION');
  return parts.join(' ');
}

/**
 * ` ON [fg]` or ` ON [ps] ([column])`: where a table, index or key is built; '' for the default
 * filegroup (SQL Server's "ON { partition_scheme_name ( column_name ) | filegroup_name | default }",
 * create-index-transact-sql / create-table-transact-sql). Every CREATE of an index or key and
 * CREATE TABLE write it, so a re-created clustered index stays on its partition scheme.
 */
export function placementClause(d: DataSpace | undefined): string {
  if (d === undefined) return '';
  return d.kind === 'filegroup' ? ` ON ${quoteIdent(d.name)}` : ` ON ${quoteIdent(d.name)} (${quoteIdent(d.column)})`;
}

/** ` WITH (a, b)` for a statement's options, or '' when there are none. */
export function withOptions(options: readonly string[]): string {
  return options.length === 0 ? '' : ` WITH (${options.join(', ')})`;
}

/**
 * `CREATE [UNIQUE] CLUSTERED|NONCLUSTERED INDEX [ix] ON [s].[t] (...) [INCLUDE (...)] [WHERE ...] [WITH (options)];`
 * Clustering is always explicit, for the same reason as for keys.
 */
export function renderCreateIndex(schema: string, table: string, index: Index, options: readonly string[] = []): string {
  if (index.columnstore === true) return renderCreateColumnstore(schema, table, index, options);
  if (index.xml !== undefined) return renderCreateXmlIndex(schema, table, index, index.xml, options);
  if (index.spatial !== undefined) return renderCreateSpatialIndex(schema, table, index, index.spatial, options);
  const parts = [
    `CREATE ${index.unique ? 'UNIQUE ' : ''}${index.clustered ? 'CLUSTERED' : 'NONCLUSTERED'} INDEX ${quoteIdent(index.name)}`,
    `ON ${quoteQualified(schema, table)} ${renderKeyColumns(index.columns)}`,
  ];
  if (index.include.length > 0) {
    if (index.clustered) throw new Error(`schemac: clustered index ${index.name} cannot have INCLUDE columns`);
    parts.push(`INCLUDE ${renderNameList(index.include)}`);
  }
  if (index.filter !== null) {
    if (index.clustered) throw new Error(`schemac: clustered index ${index.name} cannot be filtered`);
    parts.push(`WHERE ${bare(index.filter)}`);
  }
  return `${parts.join(' ')}${withOptions([...storageOptions(index), ...options])}${placementClause(index.dataSpace)};`;
}

/**
 * `CREATE CLUSTERED COLUMNSTORE INDEX [i] ON [s].[t]` (no column list: it holds every column) or
 * `CREATE NONCLUSTERED COLUMNSTORE INDEX [i] ON [s].[t] ([a], [b]) [WHERE ...]`: no UNIQUE, no
 * ASC/DESC, no INCLUDE (create-columnstore-index-transact-sql).
 */
function renderCreateColumnstore(schema: string, table: string, index: Index, options: readonly string[]): string {
  if (index.unique || index.include.length > 0) throw new Error(`schemac: columnstore index ${index.name} cannot be unique or have INCLUDE columns`);
  const parts = [`CREATE ${index.clustered ? 'CLUSTERED' : 'NONCLUSTERED'} COLUMNSTORE INDEX ${quoteIdent(index.name)} ON ${quoteQualified(schema, table)}`];
  if (index.clustered) {
    if (index.columns.length > 0 || index.filter !== null) throw new Error(`schemac: clustered columnstore index ${index.name} takes no columns or filter`);
  } else {
    parts.push(renderNameList(index.columns.map((c) => c.name)));
    if (index.filter !== null) parts.push(`WHERE ${bare(index.filter)}`);
  }
  return `${parts.join(' ')}${withOptions([...storageOptions(index), ...options])}${placementClause(index.dataSpace)};`;
}

/** The one column of an XML or spatial index. */
function onlyColumn(index: Index): string {
  const [c] = index.columns;
  if (c === undefined || index.columns.length !== 1 || index.unique || index.clustered || index.include.length > 0 || index.filter !== null) {
    throw new Error(`schemac: XML or spatial index ${index.name} takes exactly one column and no UNIQUE, CLUSTERED, INCLUDE or filter`);
  }
  return quoteIdent(c.name);
}

/**
 * `CREATE PRIMARY XML INDEX [x] ON [s].[t] ([col])` or `CREATE XML INDEX [x] ON [s].[t] ([col])
 * USING XML INDEX [primary] FOR PATH | VALUE | PROPERTY`, with its WITH options; no ON (XML
 * indexes live with their table) and never ONLINE = ON (create-xml-index-transact-sql).
 */
function renderCreateXmlIndex(schema: string, table: string, index: Index, xml: XmlIndexDefinition, options: readonly string[]): string {
  const head = `CREATE ${xml.kind === 'primary' ? 'PRIMARY ' : ''}XML INDEX ${quoteIdent(index.name)} ON ${quoteQualified(schema, table)} (${onlyColumn(index)})`;
  const using = xml.kind === 'secondary' ? ` USING XML INDEX ${quoteIdent(xml.using)} FOR ${xml.for}` : '';
  return `${head}${using}${withOptions([...storageOptions(index), ...options])};`;
}

/** A coordinate as T-SQL takes a float: plain decimal or exponent form, never NaN or Infinity. */
function coordinate(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`schemac: bounding box coordinate ${n} is not a finite number`);
  return String(n);
}

/**
 * `CREATE SPATIAL INDEX [s] ON [s].[t] ([col]) USING <scheme> WITH (BOUNDING_BOX = (...), GRIDS =
 * (LEVEL_1 = ..., ...), CELLS_PER_OBJECT = n, <options>) [ON fg]`: every tessellation parameter
 * written out, so the stored index is what the model says whatever the server's defaults
 * (create-spatial-index-transact-sql).
 */
function renderCreateSpatialIndex(schema: string, table: string, index: Index, sp: SpatialIndexDefinition, options: readonly string[]): string {
  const b = sp.boundingBox;
  const tessellation = [
    ...(b !== undefined ? [`BOUNDING_BOX = (XMIN = ${coordinate(b.xmin)}, YMIN = ${coordinate(b.ymin)}, XMAX = ${coordinate(b.xmax)}, YMAX = ${coordinate(b.ymax)})`] : []),
    ...(sp.grids !== undefined ? [`GRIDS = (${sp.grids.map((g, i) => `LEVEL_${i + 1} = ${g}`).join(', ')})`] : []),
    `CELLS_PER_OBJECT = ${sp.cellsPerObject}`,
  ];
  const placement = index.dataSpace?.kind === 'filegroup' ? placementClause(index.dataSpace) : '';
  return `CREATE SPATIAL INDEX ${quoteIdent(index.name)} ON ${quoteQualified(schema, table)} (${onlyColumn(index)}) USING ${sp.tessellation}${withOptions([...tessellation, ...storageOptions(index), ...options])}${placement};`;
}
