/**
 * The project as it was at a git ref, for `review --base`: a base is compiled with the config
 * it had, not the working tree's, or a pull request that changes `naming` or `defaultSchema`
 * would compile its base under the new settings and hide (or invent) renames and moves.
 */
import * as path from 'path';
import { ConfigError, configFileName, defaultConfig, parseConfig, type SchemacConfig } from '../config';
import { AppError } from './errors';
import { fileAt, type CommitAt } from './git-checkout';
import type { Project, ProjectFlags } from './project';

/**
 * The project `flags` find in the cwd, with the config file as the commit has it (the defaults
 * when it has none, as loadProject without a file) and --schema as given. Paths stay the working tree's;
 * the caller reads the schema folder at the ref (checkoutFolderAt). A config file outside the
 * repository is not versioned with it: `current`, the working tree's project, is used as it is.
 */
export function projectAtRef(commit: CommitAt, flags: ProjectFlags, current: Project): Project {
  const { ref, cwd } = commit;
  const file = path.resolve(cwd, flags.config ?? configFileName);
  const at = fileAt(commit, file);
  if (at === null) return current;
  const config = at.text === null ? defaultConfig(cwd) : configAtRef(ref, at.path, at.text, path.dirname(file));
  const schemaDir = flags.schema !== undefined ? path.resolve(cwd, flags.schema) : config.schema;
  return {
    config, schemaDir, root: at.text === null ? cwd : path.dirname(file),
    schemaShown: flags.schema ?? (path.relative(cwd, schemaDir) || '.'),
  };
}

/** Parses the ref's config; a problem names the file as git does at the ref (`HEAD~1:schemac.config.json`). */
function configAtRef(ref: string, gitPath: string, text: string, dir: string): SchemacConfig {
  try {
    // As loadConfig reads a file: an editor's byte-order mark is not part of the JSON.
    return parseConfig(text.replace(/^\uFEFF/, ''), `${ref}:${gitPath}`, dir);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    throw new AppError(`--base ${ref}: the config file at that ref cannot be used (the base is compiled with its own config)\n${err.message}`, 'error', { cause: err });
  }
}
