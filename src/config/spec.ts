/**
 * The shape of schemac.config.json as data. The validator (validate.ts) interprets it and the
 * JSON Schema (json-schema.ts, written to schemac.config.schema.json) is printed from it, so
 * both know the same keys; a test also probes the validator with the schema file.
 */
import { lintRules, planLintRules, ruleLevels } from '../lint';

/** A string value, optionally limited to a list or a pattern. */
export interface StringSpec {
  readonly type: 'string';
  readonly description: string;
  readonly enum?: readonly string[];
  readonly minLength?: number;
  readonly maxLength?: number;
  /** A JavaScript- and JSON-Schema-compatible regular expression. */
  readonly pattern?: string;
  /** What the pattern means, for error messages ("a table pattern like dbo.legacy_*"). */
  readonly patternHint?: string;
}

/** A list of values of one spec. */
export interface ArraySpec {
  readonly type: 'array';
  readonly description: string;
  readonly items: Spec;
}

/** An object with a fixed set of optional keys; any other key is an error. */
export interface ObjectSpec {
  readonly type: 'object';
  readonly description: string;
  readonly properties: Readonly<Record<string, Spec>>;
}

/** One node of the config shape. */
export type Spec = StringSpec | ArraySpec | ObjectSpec;

/** The kinds of object a naming template names. */
export type NamingKind = 'pk' | 'fk' | 'ck' | 'df' | 'uq' | 'ix';

const identifier = (description: string): StringSpec => ({ type: 'string', description, minLength: 1, maxLength: 128 });

const template = (kind: string, example: string): StringSpec => ({
  type: 'string',
  description: `Name template for ${kind}, e.g. "${example}"; placeholders {schema}, {table} and {columns} (the columns joined by _).`,
  minLength: 1,
  pattern: '^(?:[^{}]|\\{(?:schema|table|columns)\\})+$',
  patternHint: 'a name whose only placeholders are {schema}, {table} and {columns}',
});

const tablePattern: StringSpec = {
  type: 'string',
  description: 'schema.table, or a table name in any schema; * matches any characters, ? one character.',
  minLength: 1,
  pattern: '^[^.]+(?:\\.[^.]+)?$',
  patternHint: 'a pattern like dbo.legacy_* or legacy_* (at most one dot)',
};

const ruleLevel = (description: string): StringSpec => ({ type: 'string', description, enum: ruleLevels });

/** The whole config file. */
export const configSpec: ObjectSpec = {
  type: 'object',
  description: 'schemac project configuration (schemac.config.json).',
  properties: {
    $schema: { type: 'string', description: 'The JSON Schema editors use to check and complete this file.' },
    schema: { type: 'string', description: 'Folder holding the *.schema.ts files, relative to this file (default "schema").', minLength: 1 },
    defaultSchema: identifier('SQL schema of tables that do not name one (default "dbo").'),
    systemNames: {
      type: 'string',
      description: 'What plan does with constraints and indexes SQL Server named itself (DF__users__statu__3B75D760) that otherwise match the schema: "adopt" renames them to the names schemac would give (sp_rename); "keep" leaves them as they are, as pull writes for an existing database (default "adopt").',
      enum: ['adopt', 'keep'],
    },
    descriptions: {
      type: 'string',
      description: 'Doc comments on @Table classes and column fields are the MS_Description extended properties of their tables and columns: "manage" plans adding, updating and dropping them (default "manage"); "ignore" neither reads the comments nor plans or drops any description, for databases whose descriptions are maintained elsewhere.',
      enum: ['manage', 'ignore'],
    },
    managedSchemas: {
      type: 'array',
      description: 'SQL schemas plans may drop objects in (with --allow-drop); objects in other schemas are left out of plans. Default: the schemas the schema files declare tables in.',
      items: identifier('A SQL schema name.'),
    },
    externalSequences: {
      type: 'array',
      description: 'Sequences the database has that no schema file declares (created by someone else), which sql`NEXT VALUE FOR ...` defaults may name: "schema.name", or "name" in the default schema. Any other undeclared sequence is a compile error (SC1306).',
      items: { type: 'string', description: 'A sequence: schema.name or name.', minLength: 1, pattern: '^[^.]+(?:\\.[^.]+)?$', patternHint: 'a sequence name like sales.order_numbers or order_numbers (at most one dot)' },
    },
    naming: {
      type: 'object',
      description: 'Templates for the names schemac generates when a schema file gives none.',
      properties: {
        pk: template('primary keys', 'pk_{table}'), fk: template('foreign keys', 'fk_{table}_{columns}'),
        ck: template('column check constraints', 'ck_{table}_{columns}'), df: template('default constraints', 'df_{table}_{columns}'),
        uq: template('unique constraints', 'uq_{table}_{columns}'), ix: template('indexes', 'ix_{table}_{columns}'),
      } satisfies Record<NamingKind, StringSpec>,
    },
    lint: {
      type: 'object',
      description: 'Lint settings.',
      properties: {
        rules: {
          type: 'object',
          description: 'Per rule: "off", or the severity its findings are reported at.',
          properties: Object.fromEntries([...lintRules, ...planLintRules].map((r) => [r.id, ruleLevel(`${r.description} (default "${r.defaultSeverity}").`)])),
        },
      },
    },
    ignore: {
      type: 'object',
      description: 'Objects schemac neither plans for nor lints.',
      properties: {
        tables: { type: 'array', description: 'Tables to ignore.', items: tablePattern },
        schemas: { type: 'array', description: 'SQL schemas whose tables are all ignored.', items: identifier('A SQL schema name.') },
      },
    },
    database: {
      type: 'object',
      description: 'The database to compare against when no --database, --catalog or --empty is given.',
      properties: {
        url: { type: 'string', description: 'mssql://user:pass@host:port/db or an ADO connection string. Prefer SCHEMAC_DATABASE_URL for secrets.', minLength: 1 },
      },
    },
  },
};
