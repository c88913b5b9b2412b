/**
 * A session's undo log. A transaction records the before-image of each table or schema when it
 * first locks it (object-locks.ts), so ROLLBACK puts back exactly what this transaction changed
 * and never touches another session's work. A statement keeps a whole-database image for
 * statement-level rollback: safe because a writing statement runs synchronously, under its
 * locks, between taking the image and finishing (no other session runs in between).
 */
import type { Security } from './security';
import type { SecurityPolicyObject } from './security-policies';
import type { Database, Module, Schema, SequenceObject, SynonymObject, Table, UserType, XmlSchemaCollection } from './catalog';
import { cloneDatabase, cloneDatabaseTouching, deepClone, findSchema, findTable, sameName } from './catalog';

/** Where the engine keeps its databases, so the log can put images back. */
export interface DatabaseStore {
  get(name: string): Database | undefined;
  set(name: string, db: Database): void;
}

/** A lockable object: a table (or other schema-scoped name) or a schema. */
export interface Target {
  readonly key: string;
  readonly kind: 'table' | 'schema' | 'type' | 'sequence' | 'synonym' | 'xmlCollection';
  readonly db: string;
  readonly schema: string;
  /** Table name; for a schema target, the schema name again. */
  readonly name: string;
}

/** A schema-scoped object kept in a list of its own on the database (not a table). */
type Named = { readonly schemaId: number; readonly name: string };
type ListKind = 'type' | 'sequence' | 'synonym' | 'xmlCollection';

/**
 * The database lists of objects locked and undone by name, one entry per kind: alias types,
 * sequences (the values handed out since the DDL go back too: a simplification), synonyms and
 * XML schema collections. Rollback removes the live one under a recorded name and puts back its
 * before-image.
 */
const LISTS: { readonly [K in ListKind]: { get(db: Database): readonly Named[] | undefined; set(db: Database, list: Named[]): void } } = {
  type: { get: (db) => db.types, set: (db, list) => { db.types = list as UserType[]; } },
  sequence: { get: (db) => db.sequences, set: (db, list) => { db.sequences = list as SequenceObject[]; } },
  synonym: { get: (db) => db.synonyms, set: (db, list) => { db.synonyms = list as SynonymObject[]; } },
  xmlCollection: { get: (db) => db.xmlCollections, set: (db, list) => { db.xmlCollections = list as XmlSchemaCollection[]; } },
};

const isListKind = (kind: Target['kind']): kind is ListKind => kind in LISTS;

type Image =
  | { readonly kind: 'table'; readonly target: Target; readonly before: { readonly table: Table; readonly index: number } | null }
  | { readonly kind: 'schema'; readonly target: Target; readonly before: Schema | null }
  | { readonly kind: ListKind; readonly target: Target; readonly before: Named | null };

/** Before-images for the open transaction and the running statement. */
export class TxLog {
  private tran: Image[] | null = null;
  /**
   * Views, procedures, functions and triggers of each database as they were when the transaction
   * first changed one. Rollback puts the whole list back (inferred simplification: modules are not
   * locked one by one, so another session's module DDL in the same database in between is undone too).
   */
  private modules = new Map<string, Module[]>();
  /** Each database's users, roles and permissions as they were when the transaction first changed them (as modules). */
  private security = new Map<string, Security | undefined>();
  /** Each database's security policies as they were when the transaction first changed one (as modules). */
  private policies = new Map<string, SecurityPolicyObject[] | undefined>();
  private statement: Map<string, Database> | null = null;
  /** The running statement's lock targets, when it is a simple statement (null: copy everything). */
  private statementTargets: readonly Target[] | null = null;

  constructor(private readonly store: DatabaseStore) {}

  /** True while a transaction is open. */
  get inTransaction(): boolean { return this.tran !== null; }

  /** Opens a transaction (outermost BEGIN TRAN). */
  begin(): void { this.tran = []; this.modules.clear(); this.security.clear(); this.policies.clear(); }

  /** Makes the transaction's work permanent. */
  commit(): void { this.tran = null; this.modules.clear(); this.security.clear(); this.policies.clear(); }

  /** Records a database's security policies before the transaction first changes one. */
  recordPolicies(dbName: string): void {
    if (!this.tran) return;
    const key = dbName.toLowerCase();
    const db = this.store.get(dbName);
    if (db && !this.policies.has(key)) this.policies.set(key, db.securityPolicies === undefined ? undefined : deepClone(db.securityPolicies));
  }

  /** Records a database's modules before the transaction first changes one. */
  recordModules(dbName: string): void {
    if (!this.tran) return;
    const key = dbName.toLowerCase();
    const db = this.store.get(dbName);
    if (db && !this.modules.has(key)) this.modules.set(key, deepClone(db.modules ?? []));
  }

  /** Records a database's security state before the transaction first changes it. */
  recordSecurity(dbName: string): void {
    if (!this.tran) return;
    const key = dbName.toLowerCase();
    const db = this.store.get(dbName);
    if (db && !this.security.has(key)) this.security.set(key, db.security === undefined ? undefined : deepClone(db.security));
  }

  /** Records the before-image of objects the transaction just locked (call before changing them). */
  record(targets: readonly Target[]): void {
    if (!this.tran) return;
    for (const t of targets) {
      const db = this.store.get(t.db);
      if (!db) continue;
      if (isListKind(t.kind)) {
        const s = findSchema(db, t.schema);
        const found = s && LISTS[t.kind].get(db)?.find((x) => x.schemaId === s.schemaId && sameName(x.name, t.name));
        this.tran.push({ kind: t.kind, target: t, before: found ? deepClone(found) : null });
      } else if (t.kind === 'schema') {
        const s = findSchema(db, t.name);
        this.tran.push({ kind: 'schema', target: t, before: s ? { ...s } : null });
      } else {
        const table = findTable(db, t.schema, t.name);
        this.tran.push({ kind: 'table', target: t, before: table ? { table: deepClone(table), index: db.tables.indexOf(table) } : null });
      }
    }
  }

  /** Puts back every object the transaction changed, leaving everything else as it is now. */
  rollback(): void {
    const images = this.tran ?? [];
    this.tran = null;
    for (const [name, before] of this.modules) { const db = this.store.get(name); if (db) db.modules = before; }
    this.modules.clear();
    for (const [name, before] of this.security) { const db = this.store.get(name); if (db) db.security = before; }
    this.security.clear();
    for (const [name, before] of this.policies) { const db = this.store.get(name); if (db) db.securityPolicies = before; }
    this.policies.clear();
    for (const name of new Set(images.map((i) => i.target.db))) {
      const db = this.store.get(name);
      if (!db) continue;
      const mine = images.filter((i) => i.target.db === name);
      const tableImages = mine.flatMap((i) => (i.kind === 'table' ? [i] : []));
      // Live tables to drop: those now under a name the transaction locked, and the live copies
      // of tables it recorded (which may have been renamed since).
      const ids = new Set(tableImages.flatMap((i) => (i.before ? [i.before.table.objectId] : [])));
      const schemaIds = new Map(db.schemas.map((s) => [s.schemaId, s.name]));
      const locked = (t: Table): boolean => tableImages.some((i) => sameName(i.target.name, t.name) && sameName(i.target.schema, schemaIds.get(t.schemaId) ?? ''));
      db.tables = db.tables.filter((t) => !ids.has(t.objectId) && !locked(t));
      for (const i of mine) {
        if (i.kind !== 'schema') continue;
        db.schemas = db.schemas.filter((s) => !sameName(s.name, i.target.name));
        if (i.before) db.schemas.push({ ...i.before });
      }
      db.schemas.sort((a, b) => a.schemaId - b.schemaId);
      // Listed objects (LISTS): the live one under a recorded name goes, its before-image comes back.
      for (const i of mine) {
        if (i.kind === 'table' || i.kind === 'schema') continue;
        const list = LISTS[i.kind];
        const s = findSchema(db, i.target.schema);
        const kept = (list.get(db) ?? []).filter((x) => !(s && x.schemaId === s.schemaId && sameName(x.name, i.target.name)));
        list.set(db, i.before ? [...kept, deepClone(i.before)] : kept);
      }
      const back = tableImages.flatMap((i) => (i.before ? [i.before] : [])).sort((a, b) => a.index - b.index);
      const seen = new Set<number>();
      for (const b of back) {
        if (seen.has(b.table.objectId)) continue;
        seen.add(b.table.objectId);
        db.tables.splice(Math.min(b.index, db.tables.length), 0, b.table);
      }
    }
  }

  /**
   * Starts a statement: its own images, for statement-level rollback. `targets` are a simple
   * statement's lock targets (lock-needs.ts): only those tables need copying, as a transaction's
   * rollback relies on too. Null (a compound statement, whose statements take their locks as they
   * run) copies the whole database.
   */
  startStatement(targets: readonly Target[] | null = null): void { this.statement = new Map(); this.statementTargets = targets; }

  /** The statement succeeded. */
  endStatement(): void { this.statement = null; }

  /** The statement failed: undo its partial work (the transaction's earlier work stays). */
  undoStatement(): void {
    if (this.statement) for (const [name, image] of this.statement) this.store.set(name, image);
    this.statement = null;
  }

  /** Records a database's statement image; call before any change to it. Returns the live database. */
  beforeWrite(name: string): Database {
    const db = this.store.get(name) as Database;
    const key = name.toLowerCase();
    if (this.statement && !this.statement.has(key)) this.statement.set(key, this.statementImage(db));
    return db;
  }

  /**
   * The whole database, or (a simple statement in a database without triggers, whose bodies
   * would write tables the statement does not lock) only the tables the statement locked. A copy
   * per statement of every table made a long script quadratic in the catalog's size.
   */
  private statementImage(db: Database): Database {
    const targets = this.statementTargets;
    if (targets === null || (db.modules ?? []).some((m) => m.type === 'TR')) return cloneDatabase(db);
    const touched = new Set<Table>();
    for (const t of targets) {
      if (t.kind !== 'table' || !sameName(t.db, db.name)) continue;
      const table = findTable(db, t.schema, t.name);
      if (table) touched.add(table);
    }
    return cloneDatabaseTouching(db, touched);
  }
}
