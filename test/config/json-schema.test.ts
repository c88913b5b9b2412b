/**
 * The JSON Schema editors use (schemac.config.schema.json at the repository root) and the
 * validator loadConfig uses must describe the same file. The schema file is read from disk and
 * walked on its own terms; the validator is probed through parseConfig.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConfigError, configJsonSchema, parseConfig } from '../../src/config';
import { configSpec, type Spec } from '../../src/config/spec';
import { lintRules, planLintRules } from '../../src/lint';

interface SchemaNode {
  type?: string;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: unknown;
  items?: SchemaNode;
  enum?: string[];
}

const onDisk = JSON.parse(fs.readFileSync(path.join(__dirname, '../../schemac.config.schema.json'), 'utf8')) as SchemaNode & { $schema: string };

/** Every node of the on-disk schema with its key path (array items as [0]). */
function nodes(node: SchemaNode, at: string[] = []): { at: string[]; node: SchemaNode }[] {
  const here = [{ at, node }];
  if (node.properties) for (const [k, v] of Object.entries(node.properties)) here.push(...nodes(v, [...at, k]));
  if (node.items) here.push(...nodes(node.items, [...at, '0']));
  return here;
}

/** A value the schema node accepts, built from the node alone. */
function sample(node: SchemaNode): unknown {
  if (node.enum) return node.enum[0];
  if (node.type === 'string') return 'a';
  if (node.type === 'array') return node.items ? [sample(node.items)] : [];
  if (node.type === 'object') return {};
  throw new Error(`schema node without a known type: ${JSON.stringify(node)}`);
}

/** A config holding `value` at `at` (numeric segments are array positions). */
function configAt(at: string[], value: unknown): unknown {
  if (at.length === 0) return value;
  const [head, ...rest] = at as [string, ...string[]];
  return /^\d+$/.test(head) ? [configAt(rest, value)] : { [head]: configAt(rest, value) };
}

/** The problems parseConfig reports for a config object (empty when accepted). */
function problems(config: unknown): string[] {
  try {
    parseConfig(JSON.stringify(config), 'c.json', '/project');
    return [];
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    return [...e.problems];
  }
}

const pathText = (at: string[]): string => at.map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
const all = nodes(onDisk);

describe('schemac.config.schema.json', () => {
  it('is what the spec prints (regenerate it with configJsonSchema() when the spec changes)', () => {
    expect(onDisk).toEqual(configJsonSchema());
  });

  it('is a draft-07 schema whose every object forbids additional properties', () => {
    expect(onDisk.$schema).toBe('http://json-schema.org/draft-07/schema#');
    const objects = all.filter((n) => n.node.type === 'object');
    expect(objects.length).toBeGreaterThan(5);
    for (const { node } of objects) expect(node.additionalProperties).toBe(false);
  });

  it.each(all.filter((n) => n.at.length > 0).map((n) => [pathText(n.at), n]))('validator accepts a schema-valid %s', (_, n) => {
    expect(problems(configAt(n.at, sample(n.node)))).toEqual([]);
  });

  it.each(all.filter((n) => n.at.length > 0).map((n) => [pathText(n.at), n]))('validator rejects a wrongly typed %s, naming it', (_, n) => {
    const found = problems(configAt(n.at, 42));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(new RegExp(`^${pathText(n.at).replace(/[.[\]$]/g, '\\$&')}: expected `));
  });

  it.each(all.filter((n) => n.node.type === 'object').map((n) => [pathText(n.at) || '(top level)', n]))(
    'validator rejects a key the schema does not list under %s', (_, n) => {
      const at = [...n.at, 'not_in_schema'];
      expect(problems(configAt(at, 'a'))).toEqual([expect.stringMatching(new RegExp(`^${pathText(at).replace(/[.[\]$]/g, '\\$&')}: unknown key`))]);
    });

  it('lists every key the validator knows (its spec), and every lint rule', () => {
    const specPaths = (spec: Spec, at: string[] = []): string[] => {
      if (spec.type === 'object') return Object.entries(spec.properties).flatMap(([k, v]) => [pathText([...at, k]), ...specPaths(v, [...at, k])]);
      if (spec.type === 'array') return specPaths(spec.items, [...at, '0']);
      return [];
    };
    const diskPaths = all.filter((n) => n.at.length > 0).map((n) => pathText(n.at));
    expect(diskPaths.filter((p) => !p.endsWith(']')).sort()).toEqual(specPaths(configSpec).sort());
    expect(Object.keys(onDisk.properties?.lint?.properties?.rules?.properties ?? {}).sort()).toEqual([...lintRules, ...planLintRules].map((r) => r.id).sort());
  });
});
