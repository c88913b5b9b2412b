/** The options of a compile run: what compile-start.ts and compile.ts both read. */
import type { NamingTemplates } from './names';

/** Options of a compile run. */
export interface CompileOptions {
  /** Schema of tables that do not name one; 'dbo' by default. */
  readonly defaultSchema?: string;
  /** Database collation the model carries; SQL_Latin1_General_CP1_CI_AS by default. */
  readonly collation?: string;
  /**
   * Run the full TypeScript check of the schema files (SC1000 diagnostics); true by default.
   * It is most of the compile time on large schemas, so callers that already ran tsc (CI, an
   * editor) may turn it off; everything schemac itself checks is still checked.
   */
  readonly typeCheck?: boolean;
  /**
   * Project templates (schemac.config.json "naming") for the names the schema does not write;
   * placeholders {schema}, {table}, {columns}. `ix` has no effect: index names are always written.
   */
  readonly naming?: NamingTemplates;
  /**
   * Remembers inputs that type-checked clean, so an unchanged schema skips TypeScript's check
   * (the slow part) on the next run. The key covers every input of the check: the text of each
   * non-library source file of the program (schema files, what they import, the schemac API)
   * and the TypeScript version.
   */
  readonly typeCheckCache?: TypeCheckCache;
  /**
   * Who runs the full check: 'native' (the default) is TypeScript 7's compiler in a child
   * process, beside extraction, falling back to 'in-process' (the TypeScript bundled with ts-morph) when its
   * binary is not installed for this platform. Both report the same codes at the same positions.
   */
  readonly typeChecker?: 'native' | 'in-process';
  /** Schema files per native check of a large schema (native-type-check.ts chooses by default). */
  readonly typeCheckChunkFiles?: number;
  /**
   * Sequences the database has that the schema does not declare (schemac.config.json
   * "externalSequences": `schema.name`, or `name` in the default schema), so a sql`NEXT VALUE
   * FOR ...` default may name them.
   */
  readonly externalSequences?: readonly string[];
  /**
   * Read doc comments as descriptions (MS_Description); true by default. Off for projects whose
   * descriptions are maintained elsewhere (config "descriptions": "ignore").
   */
  readonly descriptions?: boolean;
}

/** Where clean type-check results are remembered between runs (a file, in the CLI). */
export interface TypeCheckCache {
  has(key: string): boolean;
  remember(key: string): void;
  /**
   * A folder where the native check keeps TypeScript's incremental state (tsbuildinfo files)
   * between runs, so that after an edit tsc checks again only what the edit can affect. The
   * verdict is the same as a full check's; only its cost differs.
   */
  readonly incrementalFolder?: string;
}
