/** Naming facts shared by every constraint and index (its own file: database.ts and graph.ts both use it). */
import type { SourceRef } from './source';

export interface NamedObject {
  readonly name: string;
  /** True when SQL Server generated the name (catalog only; always false from the compiler). */
  readonly isSystemNamed: boolean;
  /** Compiler only: the object's previous name on the same table, for a declared rename (sp_rename). */
  readonly renamedFrom?: string;
  readonly source?: SourceRef;
}
