/**
 * Stable diagnostic codes of the catalog reader (SC30xx), kept apart from the compiler's SC1xxx.
 * A code never changes meaning once released; messages may improve.
 */
export const CatalogCodes = {
  /**
   * An object schemac cannot model (a CLR-typed column, a column set, an XML, spatial,
   * hash or full-text index, a constraint over such a column): a warning; the object is
   * left as it is and changes that would touch it are refused.
   */
  opaqueObject: 'SC3001',
  /** A stored check, default, filter or computed definition src/expr could not parse. */
  unparsedDefinition: 'SC3002',
  /** A disabled index: the model has no such state, so it is read as if enabled. */
  disabledIndex: 'SC3003',
  /** Rows that contradict each other (e.g. a computed column with no definition). */
  inconsistentRows: 'SC3004',
  /** A heap or index whose partitions differ in DATA_COMPRESSION: read as partition 1's (warning). */
  mixedCompression: 'SC3005',
} as const;
