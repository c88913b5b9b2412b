/**
 * fingerprint(db): a sha256 of the model's structure and names, so a saved plan can tell
 * whether the database changed since. Never row counts, object ids, source positions or
 * compiler-only hints (renamedFrom, backfill), and the same whatever order arrays come in.
 */
import { createHash } from 'node:crypto';
import { sortedByName } from '../util/compare';
import { INDEX_OPTION_KEYS, indexOptionsOf } from '../sqlserver/index-options';
import { spatialSignature } from '../sqlserver/xml-spatial-indexes';
import type {
  BoundObject, CheckConstraint, Column, DataSpace, Database, DefaultConstraint, ForeignKey, Identity, Index, IndexColumn, KeyConstraint, Sequence, SqlExpression, Table,
} from '../model';

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

// Code-point order by name (util/compare's sortedByName: the same comparator, and no sort at
// all for a list that is already in order, as most are).
const byName = sortedByName;

/** An object being built, before it is hashed. */
type JsonObject = { [k: string]: Json };

function sortedStrings(items: readonly string[]): string[] {
  return [...items].sort();
}

function expr(e: SqlExpression | null): Json {
  return e === null ? null : e.canonical;
}

function keyColumns(cols: readonly IndexColumn[]): Json {
  return cols.map((c) => [c.name, c.descending]);
}

/** Seed and increment, then NOT FOR REPLICATION only when set, so fingerprints without it are as before. */
function identity(i: Identity): Json {
  return i.notForReplication === true ? [i.seed, i.increment, 'not for replication'] : [i.seed, i.increment];
}

function column(c: Column): Json {
  // Optional keys are set after the literal, in this order (the JSON text is what is hashed).
  const out: JsonObject = {
    name: c.name, type: [c.type.name, c.type.length ?? null, c.type.precision ?? null, c.type.scale ?? null],
    nullable: c.nullable, identity: c.identity === null ? null : identity(c.identity),
    collation: c.collation, computed: c.computed === null ? null : [expr(c.computed.expression), c.computed.persisted],
  };
  // Only when declared with an alias type, so fingerprints of databases without one are as before.
  if (c.type.alias !== undefined) out.alias = [c.type.alias.schema, c.type.alias.name];
  // Only when present, so catalogs without descriptions keep the fingerprints they had.
  if (c.description !== undefined) out.description = c.description;
  // Storage options only when set, so fingerprints of databases without them are as before.
  if (c.sparse === true) out.sparse = true;
  // A bound default or rule (catalog only) by name, only when bound: a binding made or removed
  // since a saved plan is drift (its unbind / bind steps would fail or undo it).
  const bound = boundNames(c);
  if (bound !== null) out.bound = bound;
  return out;
}

/** The bound default's and rule's names of a column or alias type, or null when nothing is bound. */
function boundNames(o: { readonly boundDefault?: BoundObject; readonly boundRule?: BoundObject }): Json {
  if (o.boundDefault === undefined && o.boundRule === undefined) return null;
  const name = (b: BoundObject | undefined): Json => (b === undefined ? null : [b.schema, b.name]);
  return [name(o.boundDefault), name(o.boundRule)];
}

/** Adds IGNORE_DUP_KEY, columnstore and (XML) compression of an index or key to `out`, only when set. */
function withStorage(out: JsonObject, o: Index | KeyConstraint): JsonObject {
  if ('columnstore' in o && o.columnstore === true) out.columnstore = true;
  // XML and spatial definitions only when present, so other fingerprints stay as they were.
  if ('xml' in o && o.xml !== undefined) out.xml = o.xml.kind === 'primary' ? ['primary'] : ['secondary', o.xml.using, o.xml.for];
  if ('spatial' in o && o.spatial !== undefined) out.spatial = spatialSignature(o.spatial);
  if (o.ignoreDupKey === true) out.ignoreDupKey = true;
  if (o.dataCompression !== undefined) out.dataCompression = o.dataCompression;
  if (o.xmlCompression === true) out.xmlCompression = true;
  // Likewise the WITH options, in syntax order, only those set.
  const options = indexOptionsOf(o);
  if (Object.keys(options).length > 0) out.options = INDEX_OPTION_KEYS.filter((k) => options[k] !== undefined).map((k) => [k, options[k] as Json]);
  if (o.dataSpace !== undefined) out.dataSpace = placement(o.dataSpace);
  return out;
}

/** A placement off the default filegroup, only when set (so other fingerprints stay as they were). */
function placement(d: DataSpace): Json {
  return d.kind === 'filegroup' ? [d.name] : [d.name, d.column];
}

function key(k: KeyConstraint): Json {
  return withStorage({ name: k.name, columns: keyColumns(k.columns), clustered: k.clustered }, k);
}

function index(i: Index): Json {
  return withStorage({
    name: i.name, columns: keyColumns(i.columns), include: sortedStrings(i.include),
    unique: i.unique, clustered: i.clustered, filter: expr(i.filter),
  }, i);
}

function check(c: CheckConstraint): Json {
  const out: JsonObject = { name: c.name, expression: expr(c.expression), trusted: c.trusted, enabled: c.enabled };
  // Only when set, so fingerprints of databases without it are as before.
  if (c.notForReplication === true) out.notForReplication = true;
  return out;
}

function defaultConstraint(d: DefaultConstraint): Json {
  return { name: d.name, column: d.column, expression: expr(d.expression) };
}

function foreignKey(f: ForeignKey): Json {
  const out: JsonObject = {
    name: f.name, columns: [...f.columns], references: [f.referencedSchema, f.referencedTable, ...f.referencedColumns],
    onDelete: f.onDelete, onUpdate: f.onUpdate, trusted: f.trusted, enabled: f.enabled,
  };
  // Only when set, so fingerprints of databases without it are as before.
  if (f.notForReplication === true) out.notForReplication = true;
  return out;
}

function table(t: Table): Json {
  const out: JsonObject = {
    schema: t.schema, name: t.name,
    columns: byName(t.columns).map(column),
    primaryKey: t.primaryKey === null ? null : key(t.primaryKey),
    uniques: byName(t.uniqueConstraints).map(key),
    indexes: byName(t.indexes).map(index),
    checks: byName(t.checks).map(check),
    defaults: byName(t.defaults).map(defaultConstraint),
    foreignKeys: byName(t.foreignKeys).map(foreignKey),
  };
  if (t.description !== undefined) out.description = t.description;
  if (t.dataCompression !== undefined) out.dataCompression = t.dataCompression;
  if (t.xmlCompression === true) out.xmlCompression = true;
  if (t.dataSpace !== undefined) out.dataSpace = placement(t.dataSpace);
  if (t.lockEscalation !== undefined) out.lockEscalation = t.lockEscalation;
  if (t.changeTracking !== undefined) out.changeTracking = { trackColumnsUpdated: t.changeTracking.trackColumnsUpdated };
  // CDC decides warnings and refusals: enabled since a saved plan, the plan is stale.
  if (t.cdc !== undefined) out.cdc = [...t.cdc.captureInstances];
  // A saved plan that moves the table grants these again: a change to them since is a change.
  if (t.permissions !== undefined && t.permissions.length > 0) {
    out.permissions = t.permissions.map((p) => [p.column, p.grantee, p.permission, p.state]).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  }
  // Graph kind and edge constraints only when set, so fingerprints of ordinary tables are as before.
  if (t.graph !== undefined) out.graph = t.graph;
  // Likewise the ledger (its view and history names: a saved plan names them in no statement, but they are the table's).
  if (t.ledger !== undefined) {
    out.ledger = [t.ledger.kind, t.ledger.view?.schema ?? null, t.ledger.view?.name ?? null, t.ledger.history?.schema ?? null, t.ledger.history?.name ?? null];
  }
  if (t.edgeConstraints !== undefined && t.edgeConstraints.length > 0) {
    out.edgeConstraints = byName(t.edgeConstraints).map((e) => ({
      name: e.name, onDelete: e.onDelete,
      connections: sortedStrings(e.connections.map((c) => `${c.fromSchema}\u0000${c.fromTable}\u0000${c.toSchema}\u0000${c.toTable}`)),
    }));
  }
  return out;
}

function modules(db: Database): Json {
  return [...(db.modules ?? [])]
    .sort((a, b) => (`${a.schema}\u0000${a.name}` < `${b.schema}\u0000${b.name}` ? -1 : 1))
    .map((m) => ({ schema: m.schema, name: m.name, type: m.type, schemaBound: m.schemaBound, definition: m.definition, indexes: byName(m.indexes).map(index) }));
}

function securityPolicies(db: Database): Json {
  return [...(db.securityPolicies ?? [])]
    .sort((a, b) => (`${a.schema}\u0000${a.name}` < `${b.schema}\u0000${b.name}` ? -1 : 1))
    .map((p) => ({
      schema: p.schema, name: p.name, enabled: p.enabled, schemaBound: p.schemaBound, notForReplication: p.notForReplication,
      predicates: p.predicates.map((x) => [x.kind, x.operation, x.target.schema, x.target.name, x.definition]),
    }));
}

function sequence(q: Sequence): { key: string; json: Json } {
  const cache = q.cache.kind === 'size' ? q.cache.size : q.cache.kind;
  return {
    key: `${q.schema}\u0000${q.name}`,
    json: {
      schema: q.schema, name: q.name, type: [q.type.name, q.type.precision ?? null],
      start: q.start, increment: q.increment, min: q.min, max: q.max, cycle: q.cycle, cache,
    },
  };
}

/** The canonical JSON text the fingerprint hashes (exported for debugging a mismatch). */
export function canonicalJson(db: Database): string {
  const tables = [...db.tables].sort((a, b) => {
    const x = `${a.schema}\u0000${a.name}`; const y = `${b.schema}\u0000${b.name}`;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  const aliasTypes = [...(db.aliasTypes ?? [])].map((a): Json => [a.schema, a.name, a.base.name, a.base.length ?? null, a.base.precision ?? null, a.base.scale ?? null, a.nullable, ...(boundNames(a) !== null ? [boundNames(a)] : [])])
    .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  const doc: Json = {
    collation: db.collation, schemas: sortedStrings([...new Set(db.schemas)]), tables: tables.map(table),
    ...(aliasTypes.length > 0 ? { aliasTypes } : {}),
    // A saved plan re-creates views and functions from the definitions it read: one changed since
    // is drift. Present only when the database has modules, so other fingerprints stay as they were.
    ...((db.modules ?? []).length > 0 ? { modules: modules(db) } : {}),
    // A saved plan that enables change tracking was checked against the database's setting
    // (app/preflight.ts): turned off since, it is drift. Only when on, so other fingerprints stay.
    ...(db.changeTrackingOn === true ? { changeTrackingOn: true } : {}),
    // Likewise a security policy the plan re-creates from what it read (its predicates in order).
    ...((db.securityPolicies ?? []).length > 0 ? { securityPolicies: securityPolicies(db) } : {}),
  };
  // Only when there are any: a database without sequences keeps the fingerprint it always had.
  const sequences = [...(db.sequences ?? [])].map(sequence).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  if (sequences.length > 0) doc.sequences = sequences.map((q) => q.json);
  return JSON.stringify(doc);
}

/** sha256 hex of the model's canonical structure. */
export function fingerprint(db: Database): string {
  return createHash('sha256').update(canonicalJson(db)).digest('hex');
}
