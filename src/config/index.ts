/** Project configuration: schemac.config.json, its validation and its JSON Schema. */
export { loadConfig, parseConfig, defaultConfig } from './load';
export { configFileName } from './config-types';
export type { IgnoreSettings, LoadedConfig, SchemacConfig } from './config-types';
export { ConfigError } from './config-error';
export { configJsonSchema } from './json-schema';
export type { JsonSchema } from './json-schema';
export { ignoredTable, withoutDescriptions, withoutIgnored } from './ignore';
export type { NamingKind } from './spec';
