import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConfigError, loadConfig } from '../../src/config';

let dir: string;
beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schemac-config-')); });
afterEach(() => { fs.rmSync(dir, { recursive: true, force: true }); });

function write(text: string, name = 'schemac.config.json'): void {
  fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
  fs.writeFileSync(path.join(dir, name), text);
}

/** The message of the ConfigError loadConfig throws. */
function errorOf(explicit?: string): string {
  try {
    loadConfig(dir, explicit);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error('loadConfig did not throw');
}

describe('loadConfig', () => {
  it('uses defaults when there is no config file', () => {
    const loaded = loadConfig(dir);
    expect(loaded.file).toBeNull();
    expect(loaded.config).toEqual({
      schema: path.join(dir, 'schema'), defaultSchema: 'dbo', naming: {}, lint: {},
      ignore: { tables: [], schemas: [] }, database: {}, systemNames: 'adopt', descriptions: 'manage',
    });
  });

  it('reads every section, resolving the schema folder against the file', () => {
    write(JSON.stringify({
      $schema: './node_modules/schemac/schemac.config.schema.json',
      schema: 'db/tables', defaultSchema: 'app',
      naming: { pk: 'PK_{schema}_{table}', ix: 'IX_{table}_{columns}' },
      lint: { rules: { 'fk-without-index': 'error', 'heap-table': 'off' } },
      ignore: { tables: ['dbo.legacy_*'], schemas: ['staging'] },
      database: { url: 'mssql://sa:pw@localhost/app' },
      systemNames: 'keep',
      descriptions: 'ignore',
    }), 'conf/schemac.json');
    const loaded = loadConfig(dir, 'conf/schemac.json');
    expect(loaded.file).toBe(path.join(dir, 'conf/schemac.json'));
    expect(loaded.config).toEqual({
      schema: path.join(dir, 'conf/db/tables'), defaultSchema: 'app',
      naming: { pk: 'PK_{schema}_{table}', ix: 'IX_{table}_{columns}' },
      lint: { rules: { 'fk-without-index': 'error', 'heap-table': 'off' } },
      ignore: { tables: ['dbo.legacy_*'], schemas: ['staging'] },
      database: { url: 'mssql://sa:pw@localhost/app' },
      systemNames: 'keep',
      descriptions: 'ignore',
    });
  });

  it('names the key path and the allowed values for a bad systemNames', () => {
    write('{ "systemNames": "rename" }');
    expect(errorOf()).toBe('schemac.config.json: systemNames: expected one of "adopt", "keep", got "rename"');
  });

  it('reads managedSchemas as a list of schema names; absent leaves it to the schema files', () => {
    write('{"managedSchemas": ["billing", "dbo"]}');
    expect(loadConfig(dir).config.managedSchemas).toEqual(['billing', 'dbo']);
    write('{"managedSchemas": []}');
    expect(loadConfig(dir).config.managedSchemas).toEqual([]);
    write('{}');
    expect(loadConfig(dir).config.managedSchemas).toBeUndefined();
  });

  it('names the key path of a bad managedSchemas value', () => {
    write('{"managedSchemas": "billing"}');
    expect(errorOf()).toBe('schemac.config.json: managedSchemas: expected an array, got "billing"');
    write(JSON.stringify({ managedSchemas: ['billing', '', 7, 'x'.repeat(129)] }));
    expect(errorOf().split('\n')).toEqual([
      'schemac.config.json: managedSchemas[1]: must not be empty',
      'schemac.config.json: managedSchemas[2]: expected a string, got number 7',
      'schemac.config.json: managedSchemas[3]: must be at most 128 characters, got 129',
    ]);
  });

  it('reads externalSequences as schema.name or name, and names a bad one', () => {
    write('{"externalSequences": ["billing.invoice_numbers", "legacy_ids"]}');
    expect(loadConfig(dir).config.externalSequences).toEqual(['billing.invoice_numbers', 'legacy_ids']);
    write('{}');
    expect(loadConfig(dir).config.externalSequences).toBeUndefined();
    write('{"externalSequences": ["a.b.c"]}');
    expect(errorOf()).toMatch(/^schemac\.config\.json: externalSequences\[0\]: .*a sequence name like sales\.order_numbers/);
  });

  it('accepts a UTF-8 byte order mark (some Windows editors write one)', () => {
    write('\uFEFF{"defaultSchema": "app"}');
    expect(loadConfig(dir).config.defaultSchema).toBe('app');
  });

  it('names the file when --config points at nothing', () => {
    expect(errorOf('missing.json')).toBe('missing.json: cannot read config file: no such file');
  });

  it('names the key path and the allowed levels for a bad rule level', () => {
    write('{ "lint": { "rules": { "fk-without-index": "loud" } } }');
    expect(errorOf()).toBe('schemac.config.json: lint.rules.fk-without-index: expected one of "off", "error", "warning", "info", got "loud"');
  });

  it('rejects unknown keys, including unknown rule ids, naming where they are', () => {
    write('{ "lints": {}, "lint": { "rules": { "no-such-rule": "off" } } }');
    expect(errorOf().split('\n')).toEqual([
      'schemac.config.json: lints: unknown key; expected one of $schema, schema, defaultSchema, systemNames, descriptions, managedSchemas, externalSequences, naming, lint, ignore, database',
      expect.stringMatching(/^schemac\.config\.json: lint\.rules\.no-such-rule: unknown key; expected one of fk-without-index, heap-table, /),
    ]);
  });

  it('reports every wrong type at once, with array positions', () => {
    write(JSON.stringify({ schema: 5, ignore: { tables: ['ok_*', 3] }, database: 'mssql://x', naming: { pk: 'pk_{tabel}' } }));
    expect(errorOf().split('\n')).toEqual([
      'schemac.config.json: schema: expected a string, got number 5',
      'schemac.config.json: ignore.tables[1]: expected a string, got number 3',
      'schemac.config.json: database: expected an object, got "mssql://x"',
      'schemac.config.json: naming.pk: expected a name whose only placeholders are {schema}, {table} and {columns}, got "pk_{tabel}"',
    ]);
  });

  it('rejects a file that is not an object, and empty or overlong names', () => {
    write('[]');
    expect(errorOf()).toBe('schemac.config.json: expected an object, got an array');
    write(JSON.stringify({ defaultSchema: '', ignore: { schemas: ['s'.repeat(129)] } }));
    expect(errorOf().split('\n')).toEqual([
      'schemac.config.json: defaultSchema: must not be empty',
      'schemac.config.json: ignore.schemas[0]: must be at most 128 characters, got 129',
    ]);
  });

  it('gives the line and column of invalid JSON', () => {
    write('{\n  "schema": "db",\n  "lint": { "rules": { } },\n}\n');
    expect(errorOf()).toBe('schemac.config.json:4:1: invalid JSON: expected a "quoted" key, found "}"');
    write('{ "schema": "db" "defaultSchema": "x" }');
    expect(errorOf()).toBe('schemac.config.json:1:18: invalid JSON: expected "," or "}", found "\\""');
    write('');
    expect(errorOf()).toBe('schemac.config.json:1:1: invalid JSON: expected a value, found end of file');
  });
});
