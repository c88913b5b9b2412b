/** Where a model object was declared in a schema file (1-based line and column). */
export interface SourceRef {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}
