import { Command, Option } from 'commander';

/** Options shared by every command that compiles the schema. */
export function addSchemaOption(cmd: Command): Command {
  return cmd
    .option('--schema <dir>', 'folder holding the *.schema.ts files (default: the config\'s, else schema)')
    .option('--config <file>', 'the project config (default: schemac.config.json if present)');
}

/** --config alone, for commands that read only the config's database.url. */
export function addConfigOption(cmd: Command): Command {
  return cmd.option('--config <file>', 'the project config, for its database.url (default: schemac.config.json if present)');
}

/**
 * The database source flags: exactly one of them (or SCHEMAC_DATABASE_URL, or the config's
 * database.url). `verb` says what the command does with it; commands that need real rows leave
 * --empty out of their help.
 */
export function addSourceOptions(cmd: Command, use: { empty: boolean; verb: 'compare against' | 'read' } = { empty: true, verb: 'compare against' }): Command {
  if (use.empty) cmd.option('--empty', `${use.verb} an empty database`);
  return cmd
    .option('--catalog <file>', `${use.verb} a catalog snapshot file (schemac snapshot)`)
    .option('--database <url>', `${use.verb} a live database: mssql://user:pass@host:port/db or an ADO string`);
}

/** --database alone, for commands that need a live server. */
export function addDatabaseOption(cmd: Command): Command {
  return cmd.option('--database <url>', 'the database: mssql://user:pass@host:port/db or an ADO string (default: SCHEMAC_DATABASE_URL, then the config\'s database.url)');
}

/** Flags that shape a plan. */
export function addPlanOptions(cmd: Command): Command {
  return cmd.option('--allow-drop', 'drop objects the schema does not declare (otherwise they are skipped)');
}

/** --no-color, on every command whose output is coloured on a terminal. */
export function addColorOption(cmd: Command): Command {
  return cmd.option('--no-color', 'never colour the output');
}

/** --no-type-check, on every command that compiles the schema. */
export function addTypeCheckOption(cmd: Command): Command {
  return cmd.option('--no-type-check', "skip TypeScript's type check of the schema files (faster on large schemas; schemac's own checks still run)");
}

/** --format with a fixed set of choices. */
export function formatOption(choices: string[]): Option {
  return new Option('--format <format>', 'output format').choices(choices).default(choices[0]);
}
