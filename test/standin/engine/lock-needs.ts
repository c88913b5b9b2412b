/**
 * Which objects a statement locks or must wait for (object-locks.ts): the tables it writes
 * (with the tables an FK cascade may change), the tables it reads, the catalogs it reads.
 * Names that do not resolve are skipped: binding reports them (208) once the statement runs.
 */
import { policyTargets } from './security-policies';
import type { Name, Statement } from './ast';
import type { Database, Table } from './catalog';
import { findSchema, findTable, sameName } from './catalog';
import { collect } from './bind';
import { findModule } from './modules';
import { baseNames, writtenTables } from './dml-target';
import type { Host } from './scope';
import type { LockNeeds } from './object-locks';
import { objectKey, schemaKey } from './object-locks';
import type { Target } from './tx-log';
import { checkidentTable } from './checkident';

/** What a statement needs, with its write set as undo-log targets. */
export interface StatementNeeds extends LockNeeds { readonly targets: readonly Target[] }

/** Nothing to lock. */
export const NO_NEEDS: StatementNeeds = { write: [], targets: [], ddl: false, read: [], catalogs: [] };

function resolve(host: Host, n: Name): { db: Database; schema: string; name: string } | undefined {
  // A table variable takes no locks (temp-tables.ts).
  if (n.length === 1 && n[0].startsWith('@')) return undefined;
  const db = n.length >= 3 ? host.database(n[n.length - 3]) : host.db;
  if (!db) return undefined;
  return { db, schema: n.length >= 2 && n[n.length - 2] !== '' ? n[n.length - 2] : 'dbo', name: n[n.length - 1] };
}

function isCatalog(schema: string): boolean { return sameName(schema, 'sys') || sameName(schema, 'INFORMATION_SCHEMA'); }

/** The undo/lock target of a table name. */
export function tableTarget(db: Database, schema: string, name: string): Target {
  return { key: objectKey(db.name, schema, name), kind: 'table', db: db.name, schema, name };
}

function targetOfTable(db: Database, t: Table): Target {
  return tableTarget(db, db.schemas.find((s) => s.schemaId === t.schemaId)?.name ?? 'dbo', t.name);
}

/** Tables an FK cascade from t may change (children, transitively). */
function cascadeChildren(db: Database, t: Table, out: Set<Table>): void {
  for (const c of db.tables) {
    if (!out.has(c) && c.fks.some((f) => f.refTableId === t.objectId)) { out.add(c); cascadeChildren(db, c, out); }
  }
}

function refTables(node: unknown, out: Name[]): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) { for (const x of node) refTables(x, out); return; }
  const o = node as { refTable?: unknown };
  if (Array.isArray(o.refTable)) out.push(o.refTable as Name);
  for (const v of Object.values(node)) if (typeof v === 'object') refTables(v, out);
}

/** Builds needs from written names (ddl or not) and read names. */
export function needsOf(host: Host, writes: readonly Name[], ddl: boolean, reads: readonly Name[], schemas: readonly string[] = []): StatementNeeds {
  const targets = new Map<string, Target>();
  const read = new Set<string>();
  const catalogs = new Set<string>();
  for (const n of writes) {
    const r = resolve(host, n);
    if (!r) continue;
    const t = tableTarget(r.db, r.schema, r.name);
    targets.set(t.key, t);
    const live = findTable(r.db, r.schema, r.name);
    // A versioned table and its history table change together (history rows, propagated DDL), so both are locked and both roll back.
    const partnerId = live?.temporal?.type === 2 ? live.temporal.historyId : live?.temporal?.type === 1 ? live.temporal.currentId : undefined;
    const partner = partnerId === undefined ? undefined : r.db.tables.find((x) => x.objectId === partnerId);
    if (partner) { const pt = targetOfTable(r.db, partner); targets.set(pt.key, pt); }
    if (live && !ddl) {
      const kids = new Set<Table>();
      cascadeChildren(r.db, live, kids);
      for (const k of kids) { const kt = targetOfTable(r.db, k); targets.set(kt.key, kt); }
      for (const f of live.fks) { const p = r.db.tables.find((x) => x.objectId === f.refTableId); if (p) read.add(targetOfTable(r.db, p).key); }
    }
  }
  for (const s of schemas) {
    const key = schemaKey(host.db.name, s);
    targets.set(key, { key, kind: 'schema', db: host.db.name, schema: s, name: s });
  }
  for (const n of reads) {
    const r = resolve(host, n);
    if (!r) continue;
    if (isCatalog(r.schema)) catalogs.add(r.db.name.toLowerCase());
    else read.add(objectKey(r.db.name, r.schema, r.name));
  }
  const write = [...targets.values()];
  return { write: write.map((t) => t.key), targets: write, ddl, read: [...read], catalogs: [...catalogs] };
}

/** What one (non-wrapper) statement locks and waits for. */
export function statementNeeds(s: Statement, host: Host): StatementNeeds {
  const reads: Name[] = [];
  switch (s.k) {
    case 'if': case 'while': collect(s.cond, reads); return needsOf(host, [], false, reads);
    case 'block': case 'tryCatch': case 'exec': return NO_NEEDS;
    case 'insert': case 'merge': collect(s, reads); routines(s, reads); return needsOf(host, baseNames(s.table, host), false, viewBases(host, reads));
    case 'update': case 'delete': collect(s, reads); routines(s, reads); return needsOf(host, writtenTables(s, host), false, viewBases(host, reads));
    case 'select': collect(s, reads); routines(s, reads); return needsOf(host, s.into ? [s.into] : [], s.into !== undefined, viewBases(host, reads));
    case 'createTable': case 'alterTable': {
      const w: Name[] = [s.name];
      refTables(s, w);
      // SYSTEM_VERSIONING = ON (HISTORY_TABLE = h) creates or takes over h.
      const history = s.k === 'createTable' ? s.versioning?.history : s.action.k === 'setVersioning' ? s.action.versioning.history : undefined;
      if (history) w.push(history);
      return needsOf(host, w, true, []);
    }
    case 'dropTable': return needsOf(host, s.names, true, []);
    // "TRUNCATE TABLE always locks the table (including a schema (SCH-M) lock)" (truncate-table-transact-sql.md).
    case 'truncateTable': return needsOf(host, [s.name], true, []);
    case 'setTriggerState': return needsOf(host, [s.table], true, []);
    case 'createIndex': return needsOf(host, [s.index.table], true, []);
    case 'dropIndex': return needsOf(host, s.items.map((i) => i.table), true, []);
    // CREATE / DROP STATISTICS take a schema modification lock on the table (inferred, as for indexes);
    // UPDATE STATISTICS reads it (the stand-in changes nothing).
    case 'createStatistics': return needsOf(host, [s.table], true, []);
    case 'dropStatistics': return needsOf(host, s.items.map((i) => i.table), true, []);
    case 'updateStatistics': return needsOf(host, [], false, [s.table]);
    case 'createSchema': case 'dropSchema': return needsOf(host, [], true, [], [s.name]);
    // The object under its old name and under its new one (a name the target schema may hold).
    case 'transferObject': return needsOf(host, [s.name, [s.schema, s.name[s.name.length - 1]]], true, []);
    case 'createType': case 'createTableType': case 'dropType': {
      // An alias type is locked and undone under its own key (tx-log.ts 'type' images).
      const schema = s.name.length >= 2 ? s.name[s.name.length - 2] : 'dbo';
      const name = s.name[s.name.length - 1];
      const key = objectKey(host.db.name, schema, `type:${name}`);
      return { write: [key], targets: [{ key, kind: 'type', db: host.db.name, schema, name }], ddl: true, read: [], catalogs: [] };
    }
    case 'createXmlCollection': case 'dropXmlCollection': {
      // Locked and undone under its own key (tx-log.ts 'xmlCollection' images).
      const schema = s.name.length >= 2 ? s.name[s.name.length - 2] : 'dbo';
      const name = s.name[s.name.length - 1];
      const key = objectKey(host.db.name, schema, `xmlcollection:${name}`);
      return { write: [key], targets: [{ key, kind: 'xmlCollection', db: host.db.name, schema, name }], ddl: true, read: [], catalogs: [] };
    }
    // Principals and database or schema permissions change the database's security state
    // (rolled back whole, tx-log.ts); a permission on an object locks the object as DDL does (inferred).
    case 'createPrincipal': case 'dropPrincipal': case 'alterRoleMember': return { ...NO_NEEDS, ddl: true };
    // DBCC CHECKIDENT changes the table's identity value: locked (and undone) as a write of the table.
    case 'checkident': {
      const table = checkidentTable(s.table);
      return table === null ? NO_NEEDS : needsOf(host, [table], false, []);
    }
    case 'permission': return s.statement.on.class === 'OBJECT' ? needsOf(host, [s.statement.on.name], true, []) : { ...NO_NEEDS, ddl: true };
    // A security policy changes what its target tables return: their writers' locks, as DDL on them
    // (inferred); the policy list itself is undone whole (tx-log.ts recordPolicies).
    case 'createSecurityPolicy': return needsOf(host, s.predicates.map((p) => p.target), true, []);
    case 'alterSecurityPolicy': return needsOf(host, [...policyTargets(host.db, s.name), ...s.actions.map((a) => (a.op === 'drop' ? a.target : a.spec.target))], true, []);
    case 'dropSecurityPolicy': return needsOf(host, policyTargets(host.db, s.name), true, []);
    case 'createSynonym': case 'dropSynonym': {
      // A synonym is locked and undone under its own key (tx-log.ts 'synonym' images).
      const schema = s.name.length >= 2 ? s.name[s.name.length - 2] : 'dbo';
      const name = s.name[s.name.length - 1];
      const key = objectKey(host.db.name, schema, `synonym:${name}`);
      return { write: [key], targets: [{ key, kind: 'synonym', db: host.db.name, schema, name }], ddl: true, read: [], catalogs: [] };
    }
    case 'createSequence': case 'alterSequence': case 'dropSequence': {
      // A sequence is locked and undone under its own key (tx-log.ts 'sequence' images).
      const targets = (s.k === 'dropSequence' ? s.names : [s.name]).map((n) => {
        const schema = n.length >= 2 ? n[n.length - 2] : 'dbo';
        const name = n[n.length - 1];
        return { key: objectKey(host.db.name, schema, `sequence:${name}`), kind: 'sequence' as const, db: host.db.name, schema, name };
      });
      return { write: targets.map((t) => t.key), targets, ddl: true, read: [], catalogs: [] };
    }
    default: collect(s, reads); return needsOf(host, [], false, reads);
  }
}

/** The user functions a statement calls: table-valued ones in FROM, scalar ones (two-part names) in expressions. */
function routines(node: unknown, out: Name[]): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) { for (const x of node) routines(x, out); return; }
  const o = node as { k?: string; name?: unknown };
  if (o.k === 'tvf' && Array.isArray(o.name)) out.push(o.name as Name);
  if (o.k === 'fn' && typeof o.name === 'string' && o.name.includes('.')) out.push(o.name.split('.'));
  for (const v of Object.values(node)) if (typeof v === 'object') routines(v, out);
}

/**
 * Read names with each view or function replaced by the tables it references (nested too): a
 * reader of a view reads its tables, and waits for their writers as a reader of the tables would.
 */
function viewBases(host: Host, names: readonly Name[], depth = 0): Name[] {
  const out: Name[] = [];
  for (const n of names) {
    const r = resolve(host, n);
    const view = r && !findTable(r.db, r.schema, r.name) ? findModule(r.db, [r.schema, r.name]) : undefined;
    if (!view || view.type === 'P' || view.type === 'TR' || depth > 32 || !r) { out.push(n); continue; }
    out.push(...viewBases(host, view.references.map((x) => (n.length >= 3 ? [r.db.name, x.schema, x.name] : [x.schema, x.name])), depth + 1));
  }
  return out;
}

/** What sp_rename locks: the table named (or owning the renamed column/index/constraint) and the new name. */
export function renameNeeds(host: Host, objname: string, newname: string, objtype: string | null): StatementNeeds {
  const parts = objname.split('.').map((p) => p.replace(/^\[|\]$/g, ''));
  const db = host.db;
  const kind = (objtype ?? '').toUpperCase();
  if (kind === 'COLUMN' || kind === 'INDEX') return needsOf(host, [parts.slice(0, -1)], true, []);
  const schema = parts.length >= 2 ? parts[parts.length - 2] : 'dbo';
  const name = parts[parts.length - 1];
  if (findTable(db, schema, name)) return needsOf(host, [[schema, name], [schema, newname]], true, []);
  // A constraint (or other child object): lock its table.
  const s = findSchema(db, schema);
  const owner = s && db.tables.find((t) => t.schemaId === s.schemaId && [...t.keys, ...t.checks, ...t.defaults, ...t.fks].some((c) => sameName(c.name, name)));
  return owner ? needsOf(host, [[schema, owner.name]], true, []) : NO_NEEDS;
}
