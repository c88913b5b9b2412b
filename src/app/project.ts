import * as path from 'path';
import { loadConfig, type SchemacConfig } from '../config';

/** The flags every command shares for finding the project: --config and --schema. */
export interface ProjectFlags {
  readonly config?: string;
  readonly schema?: string;
}

/** The project a command works on: its configuration, with --schema overriding the file's folder. */
export interface Project {
  readonly config: SchemacConfig;
  /** Absolute path of the schema folder. */
  readonly schemaDir: string;
  /** As the user would write it, for messages. */
  readonly schemaShown: string;
  /** The project folder: the config file's, else the working directory. */
  readonly root: string;
}

/** Loads schemac.config.json (or --config FILE) relative to `cwd`; flags win over the file. */
export function loadProject(cwd: string, flags: ProjectFlags): Project {
  const { config, file } = loadConfig(cwd, flags.config);
  const schemaDir = flags.schema !== undefined ? path.resolve(cwd, flags.schema) : config.schema;
  const root = file ? path.dirname(file) : cwd;
  return { config, schemaDir, root, schemaShown: flags.schema ?? (path.relative(cwd, schemaDir) || '.') };
}
