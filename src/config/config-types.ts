/** schemac.config.json after validation, with every default filled in. */
import type { LintSettings } from '../lint';
import type { NamingKind } from './spec';

/** Objects schemac neither plans for nor lints. */
export interface IgnoreSettings {
  /** Patterns over `schema.table` (or a bare table name in any schema); * and ? wildcards. */
  readonly tables: readonly string[];
  readonly schemas: readonly string[];
}

/** The project configuration. */
export interface SchemacConfig {
  /** Schema folder, absolute (the file gives it relative to the config file's folder). */
  readonly schema: string;
  readonly defaultSchema: string;
  /** Schemas plans manage; undefined means the schemas the schema files declare tables in. */
  readonly managedSchemas?: readonly string[];
  /** Sequences the database has but no schema file declares, `schema.name` or `name` (config "externalSequences"). */
  readonly externalSequences?: readonly string[];
  /** 'adopt' renames system-named constraints and indexes to schemac's names; 'keep' leaves them. */
  readonly systemNames: 'adopt' | 'keep';
  /** 'manage': doc comments are MS_Description and plans keep them in step; 'ignore': descriptions are left alone. */
  readonly descriptions: 'manage' | 'ignore';
  /** Only the templates the file sets; the compiler's built-in names apply to the rest. */
  readonly naming: Readonly<Partial<Record<NamingKind, string>>>;
  readonly lint: LintSettings;
  readonly ignore: IgnoreSettings;
  readonly database: { readonly url?: string };
}

/** A loaded configuration and where it came from (null when no file exists: all defaults). */
export interface LoadedConfig {
  readonly file: string | null;
  readonly config: SchemacConfig;
}

/** The file name `loadConfig` looks for in the working directory. */
export const configFileName = 'schemac.config.json';
