/** Finds, reads, parses and validates schemac.config.json (or the file --config names). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConfigError } from './config-error';
import { configFileName, type LoadedConfig, type SchemacConfig } from './config-types';
import { findJsonError } from './json-position';
import type { NamingKind } from './spec';
import { configSpec } from './spec';
import { checkSpec } from './validate';

/** Everything a project gets without a config file; `schema` resolved against `dir`. */
export function defaultConfig(dir: string): SchemacConfig {
  return {
    schema: path.resolve(dir, 'schema'),
    defaultSchema: 'dbo',
    systemNames: 'adopt',
    descriptions: 'manage',
    naming: {},
    lint: {},
    ignore: { tables: [], schemas: [] },
    database: {},
  };
}

/**
 * Loads the config of a project. With `explicitPath` (--config), that file must exist;
 * otherwise `cwd/schemac.config.json` is read if present and defaults are used if not.
 * Relative paths inside the file are relative to the file's folder. Throws ConfigError.
 */
export function loadConfig(cwd: string, explicitPath?: string): LoadedConfig {
  const file = path.resolve(cwd, explicitPath ?? configFileName);
  const shown = path.relative(cwd, file) || file;
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && explicitPath === undefined) return { file: null, config: defaultConfig(cwd) };
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : error instanceof Error ? error.message : String(error);
    throw new ConfigError(shown, [`cannot read config file: ${why}`], { cause: error });
  }
  return { file, config: parseConfig(text.replace(/^\uFEFF/, ''), shown, path.dirname(file)) };
}

/** Parses and validates config text; `shown` names the file in errors, `dir` anchors relative paths. */
export function parseConfig(text: string, shown: string, dir: string): SchemacConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const at = findJsonError(text);
    // JSON.parse and the scanner agree on valid JSON; the fallback only guards a scanner bug.
    if (at === null) throw new ConfigError(shown, ['invalid JSON'], { cause: error });
    throw new ConfigError(shown, [`invalid JSON: ${at.message}`], { cause: error, position: at });
  }
  const problems = checkSpec(raw, configSpec);
  if (problems.length > 0) {
    throw new ConfigError(shown, problems.map((p) => (p.path === '' ? p.message : `${p.path}: ${p.message}`)));
  }
  return fromChecked(raw as RawConfig, dir);
}

/** The file's shape once checkSpec passed (all keys optional). */
interface RawConfig {
  readonly schema?: string;
  readonly defaultSchema?: string;
  readonly systemNames?: SchemacConfig['systemNames'];
  readonly descriptions?: SchemacConfig['descriptions'];
  readonly managedSchemas?: readonly string[];
  readonly externalSequences?: readonly string[];
  readonly naming?: Readonly<Partial<Record<NamingKind, string>>>;
  readonly lint?: { readonly rules?: SchemacConfig['lint']['rules'] };
  readonly ignore?: { readonly tables?: readonly string[]; readonly schemas?: readonly string[] };
  readonly database?: { readonly url?: string };
}

function fromChecked(raw: RawConfig, dir: string): SchemacConfig {
  const base = defaultConfig(dir);
  return {
    schema: raw.schema === undefined ? base.schema : path.resolve(dir, raw.schema),
    defaultSchema: raw.defaultSchema ?? base.defaultSchema,
    systemNames: raw.systemNames ?? base.systemNames,
    descriptions: raw.descriptions ?? base.descriptions,
    ...(raw.managedSchemas === undefined ? {} : { managedSchemas: [...raw.managedSchemas] }),
    ...(raw.externalSequences === undefined ? {} : { externalSequences: [...raw.externalSequences] }),
    naming: { ...raw.naming },
    lint: raw.lint?.rules === undefined ? {} : { rules: { ...raw.lint.rules } },
    ignore: { tables: [...(raw.ignore?.tables ?? [])], schemas: [...(raw.ignore?.schemas ?? [])] },
    database: raw.database?.url === undefined ? {} : { url: raw.database.url },
  };
}
