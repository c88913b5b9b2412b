/** The schema API that `import { Table, Column, ... } from 'schemac'` gives a schema file. */
export { sql } from './sql';
export type { SqlFragment } from './sql';
export { Column } from './column';
export { AliasType } from './alias-type';
export type { AliasTypeOptions, AliasTypeRef } from './alias-type';
export type { Length } from './column';
export type {
  BitColumnOptions, ColumnOptions, Datetime2ColumnOptions, PeriodColumnOptions, RowversionColumnOptions, ComputedOption, IdentityColumnOptions, IdentityOption, PrimaryKeyOption,
  IndexWithOptions, NotSparse, RowstoreCompression, Sparse, StringColumnOptions, UniqueidentifierColumnOptions, XmlColumnOptions,
} from './column-options';
export { nextValueFor, Sequence } from './sequence';
export type { SequenceOptions, SequenceRef, SequenceType, SequenceValue } from './sequence';
export { Check, ClusteredColumnstoreIndex, ColumnstoreIndex, Connection, DefaultName, ForeignKey, Index, Mixin, PrimaryKey, SpatialIndex, Table, Unique, XmlIndex } from './table';
export type {
  CheckOptions, ClusteredColumnstoreOptions, ConstraintStateOptions, ColumnstoreOptions, ConnectionClause, ConnectionOptions, ForeignKeyOptions, DataSpaceOption, HistoryRetentionOption, IndexOptions, KeyOptions, ReferentialAction, RenameOptions,
  GridDensityOption, SecondaryXmlIndexOptions, SpatialIndexOptions, SystemVersioningOptions, TableOptions, LedgerOptions, XmlSpatialIndexWithOptions,
} from './table';
export type { ClassDecorator, ClassOf, ColumnOf, FieldDecorator, KeyColumn, SortedColumn } from './decorator-types';
