/**
 * Reading and writing `schemac.catalog/v1` snapshot files: validation with errors that name the
 * file and the JSON path of the problem, and a stable, pretty serialization.
 */
import { checkReferences } from './snapshot-references';
import {
  OPTIONAL_ROW_ARRAYS, OPTIONAL_ROW_ORDER, OPTIONAL_ROW_SPECS, ROW_ARRAYS, ROW_ORDER, ROW_SPECS, type FieldSpec,
} from './snapshot-spec';
import { SERVER_PROPERTIES, SNAPSHOT_FORMAT, type CatalogSnapshot } from './snapshot-types';

export * from './snapshot-types';

/** A snapshot that is not valid; `path` is the JSON path of the problem ('' for the document). */
export class SnapshotError extends Error {
  /** The message without the source: `path: problem`. */
  readonly detail: string;
  constructor(readonly source: string, readonly path: string, problem: string, options?: { cause?: unknown }) {
    const detail = `${path === '' ? '' : `${path}: `}${problem}`;
    super(`${source}: ${detail}`, options);
    this.name = 'SnapshotError';
    this.detail = detail;
  }
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

function expected(spec: FieldSpec): string {
  const t = spec.type;
  const base = t.kind === 'integer' ? 'an integer'
    : t.kind === 'string' ? 'a string'
    : t.kind === 'boolean' ? 'a boolean'
    : t.kind === 'decimal' ? 'an integer or a string of decimal digits'
    : t.kind === 'number' ? 'a number'
    : `one of ${t.values.map((v) => JSON.stringify(v)).join(', ')}`;
  return spec.nullable ? `${base} or null` : base;
}

function fits(spec: FieldSpec, value: unknown): boolean {
  if (value === null) return spec.nullable;
  const t = spec.type;
  switch (t.kind) {
    case 'integer': return typeof value === 'number' && Number.isInteger(value);
    case 'string': return typeof value === 'string';
    case 'boolean': return typeof value === 'boolean';
    case 'decimal': return (typeof value === 'number' && Number.isInteger(value)) || (typeof value === 'string' && /^-?\d+$/.test(value));
    case 'number': return typeof value === 'number' && Number.isFinite(value);
    case 'enum': return typeof value === 'string' && t.values.includes(value);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkField(source: string, path: string, spec: FieldSpec, value: unknown): void {
  if (value === undefined) {
    if (spec.optional) return;
    throw new SnapshotError(source, path, `missing, expected ${expected(spec)}`);
  }
  if (!fits(spec, value)) throw new SnapshotError(source, path, `expected ${expected(spec)}, got ${describe(value)}`);
}

/**
 * Checks every row of one array against its field specs. A snapshot holds tens of thousands of
 * rows: the JSON path of a field is only built for the error, never for a field that fits.
 */
function checkRows(source: string, array: string, rows: readonly unknown[], fields: readonly (readonly [string, FieldSpec])[]): void {
  const properties = fields.map(([property]) => property);
  const specs = fields.map(([, spec]) => spec);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (!isObject(row)) throw new SnapshotError(source, `${array}[${i}]`, `expected an object, got ${describe(row)}`);
    for (let f = 0; f < properties.length; f++) {
      const property = properties[f] as string;
      const value = row[property];
      const spec = specs[f] as FieldSpec;
      if (value === undefined ? !spec.optional : !fits(spec, value)) checkField(source, `${array}[${i}].${property}`, spec, value);
    }
  }
}

/**
 * Checks that a parsed JSON value (or rows read from a server) is a valid snapshot: format,
 * every required array and property with its type, and that rows refer to rows that exist.
 * `source` names where it came from (a file name) and starts every error message.
 */
export function validateSnapshot(value: unknown, source: string): CatalogSnapshot {
  if (!isObject(value)) throw new SnapshotError(source, '', `expected a JSON object at the top level, got ${describe(value)}`);
  if (value.format !== SNAPSHOT_FORMAT) {
    throw new SnapshotError(source, 'format', `expected "${SNAPSHOT_FORMAT}", got ${describe(value.format)}`);
  }
  const text: FieldSpec = { type: { kind: 'string' }, nullable: false, optional: false };
  checkField(source, 'database', text, value.database);
  checkField(source, 'server_version', text, value.server_version);
  checkField(source, 'database_collation', { ...text, nullable: true, optional: true }, value.database_collation);
  checkField(source, 'engine_edition', { type: { kind: 'integer' }, nullable: true, optional: true }, value.engine_edition);
  checkField(source, 'edition', { ...text, nullable: true, optional: true }, value.edition);
  checkField(source, 'product_major_version', { type: { kind: 'integer' }, nullable: true, optional: true }, value.product_major_version);
  checkField(source, 'change_tracking_on', { type: { kind: 'boolean' }, nullable: true, optional: true }, value.change_tracking_on);
  if (value.schemas !== undefined) {
    if (!Array.isArray(value.schemas)) throw new SnapshotError(source, 'schemas', `expected an array of strings, got ${describe(value.schemas)}`);
    value.schemas.forEach((name, i) => checkField(source, `schemas[${i}]`, text, name));
  }
  const arrays: [string, Readonly<Record<string, FieldSpec>>, boolean][] = [
    ...ROW_ARRAYS.map((a): [string, Readonly<Record<string, FieldSpec>>, boolean] => [a, ROW_SPECS[a], false]),
    ...OPTIONAL_ROW_ARRAYS.map((a): [string, Readonly<Record<string, FieldSpec>>, boolean] => [a, OPTIONAL_ROW_SPECS[a], true]),
  ];
  for (const [array, spec, isOptional] of arrays) {
    const rows = value[array];
    if (rows === undefined && isOptional) continue;
    if (rows === undefined) throw new SnapshotError(source, array, 'missing, expected an array (it may be empty)');
    if (!Array.isArray(rows)) throw new SnapshotError(source, array, `expected an array, got ${describe(rows)}`);
    checkRows(source, array, rows, Object.entries(spec));
  }
  // The checks above prove the shape CatalogSnapshot describes.
  const snapshot = value as unknown as CatalogSnapshot;
  const problem = checkReferences(snapshot);
  if (problem !== null) throw new SnapshotError(source, problem.path, problem.message);
  return snapshot;
}

/** Parses and validates snapshot JSON; errors read `file: path: problem`. */
export function parseSnapshot(json: string, fileName: string): CatalogSnapshot {
  return validateSnapshot(parseSnapshotJson(json, fileName), fileName);
}

/** A snapshot file's JSON, not yet validated (validateSnapshot); text that is not JSON is a SnapshotError. */
export function parseSnapshotJson(json: string, fileName: string): unknown {
  try {
    return JSON.parse(json);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SnapshotError(fileName, '', `not valid JSON (${reason})`, { cause: error });
  }
}

function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === undefined || a === null) return -1;
  if (b === undefined || b === null) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

// Known properties in spec order, then extra ones by name, so output never depends on who wrote it.
function orderRow(row: Record<string, unknown>, spec: Readonly<Record<string, FieldSpec>>): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const key of Object.keys(spec)) if (row[key] !== undefined) out[key] = row[key] as Json;
  for (const key of Object.keys(row).filter((k) => !(k in spec)).sort()) out[key] = row[key] as Json;
  return out;
}

/** Stable, pretty JSON: fixed key order, rows sorted as the catalog queries order them. */
export function serializeSnapshot(s: CatalogSnapshot): string {
  const doc: Record<string, Json> = {
    format: s.format,
    database: s.database,
    server_version: s.server_version,
  };
  if (s.database_collation !== undefined) doc.database_collation = s.database_collation;
  for (const p of SERVER_PROPERTIES) if (s[p] !== undefined) doc[p] = s[p] ?? null;
  if (s.schemas !== undefined) doc.schemas = [...s.schemas].sort();
  const arrays: [string, readonly object[] | undefined, readonly string[], Readonly<Record<string, FieldSpec>>][] = [
    ...ROW_ARRAYS.map((a): [string, readonly object[] | undefined, readonly string[], Readonly<Record<string, FieldSpec>>] => [a, s[a], ROW_ORDER[a], ROW_SPECS[a]]),
    ...OPTIONAL_ROW_ARRAYS.map((a): [string, readonly object[] | undefined, readonly string[], Readonly<Record<string, FieldSpec>>] => [a, s[a], OPTIONAL_ROW_ORDER[a], OPTIONAL_ROW_SPECS[a]]),
  ];
  for (const [array, source, keys, spec] of arrays) {
    if (source === undefined) continue;
    const rows = [...source] as Record<string, unknown>[];
    rows.sort((a, b) => {
      for (const key of keys) {
        const c = compareValues(a[key], b[key]);
        if (c !== 0) return c;
      }
      return 0;
    });
    doc[array] = rows.map((row) => orderRow(row, spec));
  }
  // Extra top-level properties survive too, after the known ones.
  const extras = s as unknown as Record<string, Json>;
  for (const key of Object.keys(extras).filter((k) => !(k in doc) && k !== 'database_collation' && k !== 'schemas').sort()) doc[key] = extras[key]!;
  return `${JSON.stringify(doc, null, 2)}\n`;
}
