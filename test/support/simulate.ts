/**
 * applyPlan: runs a plan's changes against a model the way SQL Server would, refusing what SQL
 * Server refuses (dropping a column something depends on, a second clustered index, a foreign
 * key without a matching key, a duplicate name), so ordering mistakes fail convergence tests.
 * Written independently of the differ: it shares only the model and the change types.
 */
import { assertNever, type Change, type PlanStep, type TableRef } from '../../src/differ/changes';
import { sameMask } from '../../src/sqlserver/masking';
import { sameEncryption } from '../../src/sqlserver/encryption';
import type {
  EdgeConstraint, AliasTypeDef, CheckConstraint, Column, Database, DefaultConstraint, ForeignKey, Index, KeyConstraint, Sequence, SystemVersioning, Table, UserStatistics,
} from '../../src/model';

interface MTable {
  schema: string; name: string; columns: Column[]; primaryKey: KeyConstraint | null; uniqueConstraints: KeyConstraint[];
  indexes: Index[]; checks: CheckConstraint[]; defaults: DefaultConstraint[]; foreignKeys: ForeignKey[]; rowCount: number;
  dataCompression?: Table['dataCompression'];
  xmlCompression?: true;
  description?: string;
  versioning?: SystemVersioning;
  statistics?: UserStatistics[];
  memoryOptimized?: Table['memoryOptimized'];
  graph?: Table['graph'];
  lockEscalation?: Table['lockEscalation'];
  changeTracking?: Table['changeTracking'];
  cdc?: Table['cdc'];
  edgeConstraints?: EdgeConstraint[];
  ledger?: Table['ledger'];
}

class Sim {
  readonly tables: MTable[];
  readonly schemas: string[];
  sequences: Sequence[];
  types: AliasTypeDef[];
  readonly k: (s: string) => string;

  constructor(readonly db: Database) {
    this.k = /_CS(_|$)|_BIN/i.test(db.collation) ? (s) => s : (s) => s.toLowerCase();
    this.tables = db.tables.map((t) => this.mutable(t, t.rowCount ?? 0));
    this.schemas = [...db.schemas];
    this.sequences = [...(db.sequences ?? [])];
    this.types = [...(db.aliasTypes ?? [])];
  }

  /** Whether some default draws from the sequence (SQL Server then refuses DROP SEQUENCE, Msg 3729). */
  sequenceUsed(q: Sequence): boolean {
    const name = `next value for [${this.k(q.schema)}].[${this.k(q.name)}]`;
    return this.tables.some((t) => t.defaults.some((d) => d.expression.canonical.includes(name)));
  }
  findSequence(schema: string, name: string): Sequence | undefined {
    return this.sequences.find((q) => this.eq(q.schema, schema) && this.eq(q.name, name));
  }

  /** Columns (schema.table.column) declared with alias type `a`: DROP TYPE fails while one is (Msg 3732). */
  usersOf(a: { schema: string; name: string }): string[] {
    return this.tables.flatMap((t) => t.columns.filter((c) => c.type.alias !== undefined && this.eq(c.type.alias.schema, a.schema) && this.eq(c.type.alias.name, a.name))
      .map((c) => `${t.schema}.${t.name}.${c.name}`));
  }

  typeExists(a: { schema: string; name: string }): boolean {
    return this.types.some((x) => this.eq(x.schema, a.schema) && this.eq(x.name, a.name));
  }

  /** A column of a user alias type needs the type to exist. */
  checkColumnType(c: Column): void {
    const a = c.type.alias;
    if (a !== undefined && !this.eq(a.schema, 'sys') && !this.typeExists(a)) this.fail(`column ${c.name}: no type ${a.schema}.${a.name}`);
  }

  mutable(t: Table, rows: number): MTable {
    return {
      schema: t.schema, name: t.name, columns: [...t.columns], primaryKey: t.primaryKey, uniqueConstraints: [...t.uniqueConstraints],
      indexes: [...t.indexes], checks: [...t.checks], defaults: [...t.defaults], foreignKeys: [...t.foreignKeys], rowCount: rows,
      ...(t.dataCompression !== undefined ? { dataCompression: t.dataCompression } : {}),
      ...(t.xmlCompression === true ? { xmlCompression: true } : {}),
      ...(t.description !== undefined ? { description: t.description } : {}),
      ...(t.versioning !== undefined ? { versioning: t.versioning } : {}),
      ...(t.statistics !== undefined ? { statistics: [...t.statistics] } : {}),
      ...(t.memoryOptimized !== undefined ? { memoryOptimized: t.memoryOptimized } : {}),
      ...(t.graph !== undefined ? { graph: t.graph } : {}),
      ...(t.lockEscalation !== undefined ? { lockEscalation: t.lockEscalation } : {}),
      ...(t.changeTracking !== undefined ? { changeTracking: t.changeTracking } : {}),
      ...(t.cdc !== undefined ? { cdc: t.cdc } : {}),
      ...(t.edgeConstraints !== undefined ? { edgeConstraints: [...t.edgeConstraints] } : {}),
      ...(t.ledger !== undefined ? { ledger: t.ledger } : {}),
    };
  }

  fail(message: string): never { throw new Error(`simulate: ${message}`); }
  eq(a: string, b: string): boolean { return this.k(a) === this.k(b); }

  find(schema: string, name: string): MTable | undefined {
    return this.tables.find((t) => this.eq(t.schema, schema) && this.eq(t.name, name));
  }
  get(ref: TableRef): MTable { return this.find(ref.schema, ref.name) ?? this.fail(`no table ${ref.schema}.${ref.name}`); }
  column(t: MTable, name: string): Column { return t.columns.find((c) => this.eq(c.name, name)) ?? this.fail(`no column ${t.name}.${name}`); }

  /** Names of constraints (not plain indexes) in a schema: SQL Server keeps them unique per schema. */
  constraintNames(schema: string): string[] {
    return this.tables.filter((t) => this.eq(t.schema, schema)).flatMap((t) => [
      ...(t.primaryKey ? [t.primaryKey.name] : []), ...t.uniqueConstraints.map((u) => u.name), ...t.checks.map((c) => c.name),
      ...t.defaults.map((d) => d.name), ...t.foreignKeys.map((f) => f.name), ...(t.edgeConstraints ?? []).map((e) => e.name),
    ]);
  }
  newConstraintName(t: MTable, name: string): void {
    if (this.constraintNames(t.schema).some((n) => this.eq(n, name))) this.fail(`constraint name ${name} already used in ${t.schema}`);
  }
  newIndexName(t: MTable, name: string): void {
    const names = [...t.indexes.map((i) => i.name), ...(t.primaryKey ? [t.primaryKey.name] : []), ...t.uniqueConstraints.map((u) => u.name)];
    if (names.some((n) => this.eq(n, name))) this.fail(`index name ${name} already used on ${t.name}`);
  }
  clustered(t: MTable): number {
    return [t.primaryKey, ...t.uniqueConstraints, ...t.indexes].filter((x) => x !== null && x.clustered).length;
  }
  keyColumnsOk(t: MTable, cols: readonly { name: string }[]): void {
    for (const c of cols) this.column(t, c.name);
  }

  /** Whether anything depends on column `c` of `t` (SQL Server's Msg 5074). */
  dependents(t: MTable, c: string): string[] {
    const uses = (text: string) => new RegExp(`(^|[^\\w])\\[?${c.replace(/[^\w]/g, '.')}\\]?($|[^\\w])`, 'i').test(text);
    const out: string[] = [];
    if (t.primaryKey?.columns.some((x) => this.eq(x.name, c))) out.push(t.primaryKey.name);
    for (const u of t.uniqueConstraints) if (u.columns.some((x) => this.eq(x.name, c))) out.push(u.name);
    for (const i of t.indexes) {
      if (i.columns.some((x) => this.eq(x.name, c)) || i.include.some((x) => this.eq(x, c)) || (i.filter && uses(i.filter.text))) out.push(i.name);
    }
    for (const ch of t.checks) if (uses(ch.expression.text)) out.push(ch.name);
    for (const d of t.defaults) if (this.eq(d.column, c)) out.push(d.name);
    for (const f of t.foreignKeys) if (f.columns.some((x) => this.eq(x, c))) out.push(f.name);
    for (const x of t.columns) if (x.computed && !this.eq(x.name, c) && uses(x.computed.expression.text)) out.push(x.name);
    // A bound default or rule blocks DROP COLUMN (alter-table-transact-sql, DROP COLUMN).
    const col = t.columns.find((x) => this.eq(x.name, c));
    if (col?.boundDefault !== undefined) out.push(col.boundDefault.name);
    if (col?.boundRule !== undefined) out.push(col.boundRule.name);
    // CREATE STATISTICS statistics block DROP COLUMN and most ALTER COLUMNs (Msg 5074).
    for (const s of t.statistics ?? []) if (s.columns.some((x) => this.eq(x, c)) || (s.filter !== null && uses(s.filter))) out.push(s.name);
    for (const o of this.tables) {
      for (const f of o.foreignKeys) {
        if (this.eq(f.referencedSchema, t.schema) && this.eq(f.referencedTable, t.name) && f.referencedColumns.some((x) => this.eq(x, c))) out.push(f.name);
      }
    }
    return out;
  }

  /** Foreign keys (anywhere) that reference exactly these key columns of `t`. */
  referencing(t: MTable, cols: readonly { name: string }[]): string[] {
    const set = (xs: readonly string[]) => xs.map(this.k).sort().join(',');
    const wanted = set(cols.map((c) => c.name));
    return this.tables.flatMap((o) => o.foreignKeys.filter((f) =>
      this.eq(f.referencedSchema, t.schema) && this.eq(f.referencedTable, t.name) && set(f.referencedColumns) === wanted).map((f) => f.name));
  }

  dropKeyLike(t: MTable, cols: readonly { name: string }[], what: string): void {
    const refs = this.referencing(t, cols);
    const sameCols = [t.primaryKey, ...t.uniqueConstraints, ...t.indexes.filter((i) => i.unique && i.filter === null)]
      .filter((x) => x !== null && x.columns.map((c) => this.k(c.name)).sort().join(',') === cols.map((c) => this.k(c.name)).sort().join(','));
    // Another key on the same columns keeps the references valid.
    if (refs.length > 0 && sameCols.length <= 1) this.fail(`${what} is referenced by ${refs.join(', ')}`);
  }

  apply(change: Change): void {
    switch (change.kind) {
      case 'createType':
        if (this.typeExists(change.type)) this.fail(`type ${change.type.name} exists`);
        // CREATE TYPE binds nothing: sp_bindefault / sp_bindrule on the type come after it.
        { const { boundDefault: _d, boundRule: _r, ...created } = change.type; this.types.push(created); } return;
      case 'dropType': case 'redefineType': {
        const a = change.kind === 'dropType' ? change.type : change.from;
        if (!this.typeExists(a)) this.fail(`no type ${a.name}`);
        if (this.usersOf(a).length > 0) this.fail(`type ${a.name} is used by ${this.usersOf(a).join(', ')}`);
        this.types = this.types.filter((x) => !(this.eq(x.schema, a.schema) && this.eq(x.name, a.name)));
        if (change.kind === 'redefineType') this.types.push(change.to);
        return;
      }
      case 'createSchema':
        if (this.schemas.some((s) => this.eq(s, change.schema))) this.fail(`schema ${change.schema} exists`);
        this.schemas.push(change.schema); return;
      case 'dropSchema': {
        if (this.tables.some((t) => this.eq(t.schema, change.schema))) this.fail(`schema ${change.schema} is not empty`);
        const i = this.schemas.findIndex((s) => this.eq(s, change.schema));
        if (i < 0) this.fail(`no schema ${change.schema}`);
        this.schemas.splice(i, 1); return;
      }
      case 'createTable': {
        const t = change.table;
        if (!this.schemas.some((s) => this.eq(s, t.schema))) this.fail(`no schema ${t.schema}`);
        if (this.find(t.schema, t.name)) this.fail(`table ${t.name} exists`);
        // A memory-optimized table's indexes are part of its CREATE TABLE (it needs one to exist).
        if ((t.indexes.length > 0 && t.memoryOptimized === undefined) || t.foreignKeys.length > 0 || (t.edgeConstraints ?? []).length > 0) this.fail('createTable carries indexes, foreign keys or edge constraints');
        for (const d of t.defaults) this.column(this.mutable(t, 0), d.column);
        for (const c of t.columns) this.checkColumnType(c);
        // Its ENABLE CHANGE_TRACKING runs right after the CREATE: it needs the key (Msg 4997).
        if (t.changeTracking !== undefined && t.primaryKey === null) this.fail(`ENABLE CHANGE_TRACKING on ${t.name}, which has no primary key (Msg 4997)`);
        // CREATE TABLE binds nothing: bindings come from sp_bindefault / sp_bindrule after it.
        // CDC is never created by a plan: a table made by one is not tracked by it.
        const { cdc: _cdc, ...created } = this.mutable(t, 0);
        created.columns = created.columns.map(unbound);
        this.tables.push(created); return;
      }
      case 'dropTable': {
        const t = this.get(change.table);
        const refs = this.tables.filter((o) => o !== t).flatMap((o) => o.foreignKeys).filter((f) => this.eq(f.referencedSchema, t.schema) && this.eq(f.referencedTable, t.name));
        if (refs.length > 0) this.fail(`table ${t.name} is referenced by ${refs.map((f) => f.name).join(', ')}`);
        // A node table an edge constraint names cannot be dropped (graph-edge-constraints: "a node cannot be dropped").
        const edges = this.tables.filter((o) => o !== t).flatMap((o) => o.edgeConstraints ?? [])
          .filter((e) => e.connections.some((c) => (this.eq(c.fromSchema, t.schema) && this.eq(c.fromTable, t.name)) || (this.eq(c.toSchema, t.schema) && this.eq(c.toTable, t.name))));
        if (edges.length > 0) this.fail(`table ${t.name} is named by edge constraint ${edges.map((e) => e.name).join(', ')}`);
        this.tables.splice(this.tables.indexOf(t), 1); return;
      }
      case 'renameTable': {
        const t = this.get({ schema: change.schema, name: change.from });
        if (this.find(change.schema, change.to) && !this.eq(change.from, change.to)) this.fail(`table ${change.to} exists`);
        for (const o of this.tables) {
          o.foreignKeys = o.foreignKeys.map((f) => (this.eq(f.referencedSchema, t.schema) && this.eq(f.referencedTable, t.name) ? { ...f, referencedTable: change.to } : f));
          if (o.edgeConstraints !== undefined) o.edgeConstraints = this.movedConnections(o.edgeConstraints, t, t.schema, change.to);
        }
        t.name = change.to; return;
      }
      case 'transferTable': {
        const t = this.get({ schema: change.from, name: change.name });
        if (!this.schemas.some((x) => this.eq(x, change.to))) this.fail(`no schema ${change.to}`);
        if (this.find(change.to, change.name)) this.fail(`table ${change.to}.${change.name} exists`);
        for (const o of this.tables) {
          o.foreignKeys = o.foreignKeys.map((f) => (this.eq(f.referencedSchema, t.schema) && this.eq(f.referencedTable, t.name) ? { ...f, referencedSchema: change.to } : f));
          if (o.edgeConstraints !== undefined) o.edgeConstraints = this.movedConnections(o.edgeConstraints, t, change.to, t.name);
        }
        t.schema = change.to; return;
      }
      case 'addColumn': {
        const t = this.get(change.table); const c = change.column;
        if (t.columns.some((x) => this.eq(x.name, c.name))) this.fail(`column ${c.name} exists`);
        // "Adding non-nullable columns is not supported" on a ledger table (ledger-limits).
        if (t.ledger !== undefined && !c.nullable && c.computed === null) this.fail(`NOT NULL column ${c.name} added to ledger table ${t.name}`);
        // With its DEFAULT in the same ADD, SQL Server fills the existing rows.
        if (!c.nullable && c.identity === null && c.computed === null && change.default === undefined && t.rowCount > 0) this.fail(`NOT NULL column ${c.name} added over rows`);
        this.checkColumnType(c);
        t.columns.push(unbound(c));
        if (change.default !== undefined) this.apply({ kind: 'addDefault', table: change.table, constraint: change.default });
        return;
      }
      case 'dropColumn': {
        if (change.default !== undefined) this.apply({ kind: 'dropDefault', table: change.table, constraint: change.default });
        const t = this.get(change.table); const c = this.column(t, change.column.name);
        const deps = this.dependents(t, c.name);
        if (deps.length > 0) this.fail(`column ${c.name} is used by ${deps.join(', ')}`);
        t.columns.splice(t.columns.indexOf(c), 1); return;
      }
      case 'renameColumn': return this.renameColumn(this.get(change.table), change.from, change.to);
      case 'alterColumn': {
        for (const a of change.around ?? []) {
          this.apply(a.kind === 'index' ? { kind: 'dropIndex', table: change.table, index: a.index } : { kind: 'dropUnique', table: change.table, constraint: a.constraint });
        }
        this.alterColumn(change);
        for (const a of change.around ?? []) {
          this.apply(a.kind === 'index' ? { kind: 'createIndex', table: change.table, index: a.index } : { kind: 'addUnique', table: change.table, constraint: a.constraint });
        }
        return;
      }
      case 'backfillColumn': {
        const t = this.get(change.table);
        // An append-only ledger table refuses UPDATE (ledger-append-only-ledger-tables).
        if (t.ledger?.kind === 'append-only') this.fail(`UPDATE of append-only ledger table ${t.name}`);
        this.column(t, change.column); return;
      }
      case 'createSequence': {
        const q = change.sequence;
        if (this.findSequence(q.schema, q.name)) this.fail(`sequence ${q.name} exists`);
        if (!this.schemas.some((x) => this.eq(x, q.schema))) this.fail(`no schema ${q.schema}`);
        this.sequences.push(q); return;
      }
      case 'dropSequence': {
        const q = this.findSequence(change.sequence.schema, change.sequence.name) ?? this.fail(`no sequence ${change.sequence.name}`);
        if (this.sequenceUsed(q)) this.fail(`sequence ${q.name} is used by a default`);
        this.sequences = this.sequences.filter((x) => x !== q); return;
      }
      // The type changes; the value reached is carried by the script, not the model.
      case 'recreateSequence': {
        const q = this.findSequence(change.from.schema, change.from.name) ?? this.fail(`no sequence ${change.from.name}`);
        if (this.sequenceUsed(q)) this.fail(`sequence ${q.name} is used by a default`);
        this.sequences = this.sequences.map((x) => (x === q ? change.to : x)); return;
      }
      case 'alterSequence': {
        const q = this.findSequence(change.from.schema, change.from.name) ?? this.fail(`no sequence ${change.from.name}`);
        if (q.type.name !== change.to.type.name || q.type.precision !== change.to.type.precision) this.fail('ALTER SEQUENCE cannot change the type');
        this.sequences = this.sequences.map((x) => (x === q ? change.to : x)); return;
      }
      case 'addDefault': {
        const t = this.get(change.table); this.column(t, change.constraint.column);
        for (const m of change.constraint.expression.canonical.matchAll(/next value for \[([^\]]+)\]\.\[([^\]]+)\]\)/g)) {
          if (!this.findSequence(m[1] as string, m[2] as string)) this.fail(`default ${change.constraint.name} draws from missing sequence ${m[2]}`);
        }
        if (t.defaults.some((d) => this.eq(d.column, change.constraint.column))) this.fail(`column ${change.constraint.column} already has a default`);
        if (this.column(t, change.constraint.column).boundDefault !== undefined) this.fail(`Msg 1781: column ${change.constraint.column} already has a DEFAULT bound to it`);
        this.newConstraintName(t, change.constraint.name); t.defaults.push(change.constraint); return;
      }
      case 'dropDefault': { const t = this.get(change.table); t.defaults = this.without(t.defaults, change.constraint.name); return; }
      case 'addCheck': { const t = this.get(change.table); this.newConstraintName(t, change.constraint.name); t.checks.push(added(change.constraint)); return; }
      case 'dropCheck': { const t = this.get(change.table); t.checks = this.without(t.checks, change.constraint.name); return; }
      case 'addPrimaryKey': {
        const t = this.get(change.table); const p = change.constraint;
        if (t.primaryKey !== null) this.fail(`${t.name} already has a primary key`);
        this.keyColumnsOk(t, p.columns); this.newConstraintName(t, p.name); this.newIndexName(t, p.name);
        if (p.columns.some((c) => this.column(t, c.name).nullable)) this.fail('primary key over a nullable column');
        if (p.clustered && this.clustered(t) > 0) this.fail(`second clustered index on ${t.name}`);
        t.primaryKey = p; return;
      }
      case 'dropPrimaryKey': {
        const t = this.get(change.table);
        if (t.primaryKey === null || !this.eq(t.primaryKey.name, change.constraint.name)) this.fail(`no primary key ${change.constraint.name}`);
        if (t.changeTracking !== undefined) this.fail(`the primary key of ${t.name} cannot be dropped while change tracking is enabled (Msg 3735)`);
        // XML and spatial indexes hang off the clustered primary key: SQL Server refuses to drop it under them.
        const hanging = t.indexes.find((i) => i.xml !== undefined || i.spatial !== undefined);
        if (hanging !== undefined) this.fail(`primary key ${t.primaryKey.name} dropped under ${hanging.name}`);
        this.dropKeyLike(t, t.primaryKey.columns, t.primaryKey.name); t.primaryKey = null; return;
      }
      case 'addUnique': {
        const t = this.get(change.table); const u = change.constraint;
        this.keyColumnsOk(t, u.columns); this.newConstraintName(t, u.name); this.newIndexName(t, u.name);
        if (u.clustered && this.clustered(t) > 0) this.fail(`second clustered index on ${t.name}`);
        t.uniqueConstraints.push(u); return;
      }
      case 'dropUnique': {
        const t = this.get(change.table); const u = t.uniqueConstraints.find((x) => this.eq(x.name, change.constraint.name)) ?? this.fail(`no unique ${change.constraint.name}`);
        this.dropKeyLike(t, u.columns, u.name); t.uniqueConstraints = this.without(t.uniqueConstraints, u.name); return;
      }
      case 'createIndex': {
        const t = this.get(change.table); const i = change.index;
        // SQL Server refuses CREATE INDEX on a memory-optimized table; ALTER TABLE ... ADD INDEX works on no other.
        if ((t.memoryOptimized !== undefined) !== (change.memoryOptimized === true)) this.fail(`index ${i.name}: CREATE INDEX and ALTER TABLE ADD INDEX mixed up for ${t.name}`);
        this.keyColumnsOk(t, i.columns); for (const c of i.include) this.column(t, c); this.newIndexName(t, i.name);
        if (i.clustered && this.clustered(t) > 0) this.fail(`second clustered index on ${t.name}`);
        if ((i.xml !== undefined || i.spatial !== undefined) && t.primaryKey?.clustered !== true) this.fail(`${i.name} needs a clustered primary key on ${t.name}`);
        const x = i.xml;
        if (x?.kind === 'secondary' && !t.indexes.some((p) => p.xml?.kind === 'primary' && this.eq(p.name, x.using))) this.fail(`${i.name} needs primary XML index ${x.using}`);
        t.indexes.push(i); return;
      }
      case 'redefineIndex': {
        // DROP_EXISTING: the index must exist; it is replaced in place under the same name.
        const t = this.get(change.table); const old = t.indexes.find((x) => this.eq(x.name, change.from.name)) ?? this.fail(`no index ${change.from.name}`);
        if (old.clustered && !change.to.clustered) this.fail(`DROP_EXISTING cannot make clustered ${old.name} nonclustered`);
        this.keyColumnsOk(t, change.to.columns); for (const c of change.to.include) this.column(t, c);
        t.indexes = t.indexes.map((x) => (x === old ? change.to : x)); return;
      }
      case 'dropIndex': {
        const t = this.get(change.table);
        if ((t.memoryOptimized !== undefined) !== (change.memoryOptimized === true)) this.fail(`index ${change.index.name}: DROP INDEX and ALTER TABLE DROP INDEX mixed up for ${t.name}`);
        const i = t.indexes.find((x) => this.eq(x.name, change.index.name)) ?? this.fail(`no index ${change.index.name}`);
        if (i.unique && i.filter === null) this.dropKeyLike(t, i.columns, i.name);
        // Dropping a primary XML index drops its secondaries; the plan must have dropped them first to re-create them.
        const secondary = t.indexes.find((x) => x.xml?.kind === 'secondary' && this.eq(x.xml.using, i.name));
        if (secondary !== undefined) this.fail(`primary XML index ${i.name} dropped before its secondary ${secondary.name}`);
        t.indexes = this.without(t.indexes, i.name); return;
      }
      case 'addForeignKey': {
        const t = this.get(change.table); const f = change.constraint;
        for (const c of f.columns) this.column(t, c);
        const target = this.find(f.referencedSchema, f.referencedTable) ?? this.fail(`FK ${f.name} references missing ${f.referencedTable}`);
        const set = (xs: readonly string[]) => xs.map(this.k).sort().join(',');
        const keys = [target.primaryKey, ...target.uniqueConstraints, ...target.indexes.filter((i) => i.unique && i.filter === null)];
        if (!keys.some((k) => k !== null && set(k.columns.map((c) => c.name)) === set(f.referencedColumns))) this.fail(`FK ${f.name}: no key on ${f.referencedTable}(${f.referencedColumns.join(',')})`);
        this.newConstraintName(t, f.name); t.foreignKeys.push(added(f)); return;
      }
      case 'dropForeignKey': { const t = this.get(change.table); t.foreignKeys = this.without(t.foreignKeys, change.constraint.name); return; }
      case 'addEdgeConstraint': {
        // The edge table must be an edge table and each clause name two node tables (graph-edge-constraints).
        const t = this.get(change.table); const e = change.constraint;
        if (t.graph !== 'edge') this.fail(`edge constraint ${e.name} on ${t.name}, which is not an edge table`);
        for (const c of e.connections) for (const [schema, name] of [[c.fromSchema, c.fromTable], [c.toSchema, c.toTable]]) {
          const node = this.find(schema, name) ?? this.fail(`edge constraint ${e.name} names missing ${name}`);
          if (node.graph !== 'node') this.fail(`edge constraint ${e.name} names ${name}, which is not a node table`);
        }
        this.newConstraintName(t, e.name); t.edgeConstraints = [...(t.edgeConstraints ?? []), e]; return;
      }
      case 'dropEdgeConstraint': {
        const t = this.get(change.table);
        if (!(t.edgeConstraints ?? []).some((x) => this.eq(x.name, change.constraint.name))) this.fail(`no edge constraint ${change.constraint.name}`);
        t.edgeConstraints = (t.edgeConstraints ?? []).filter((x) => !this.eq(x.name, change.constraint.name)); return;
      }
      case 'renameConstraint': return this.renameConstraint(this.get(change.table), change.objectType, change.from, change.to);
      case 'revalidateConstraint': return this.setTrust(this.get(change.table), change.name, true);
      case 'untrustConstraint': case 'enableConstraint': return this.setTrust(this.get(change.table), change.name, false);
      // A disabled constraint is stored not trusted too (is_disabled = 1, is_not_trusted = 1).
      case 'disableConstraint': return this.setTrust(this.get(change.table), change.name, false, false);
      case 'rebuildCompression': return this.rebuildCompression(this.get(change.table), change);
      case 'alterBucketCount': return this.setIndexOption(this.get(change.table), change.index, (o) => ({ ...o, bucketCount: change.to }));
      case 'setIgnoreDupKey': return this.setIndexOption(this.get(change.table), change.index, (o) => ({ ...o, ignoreDupKey: change.to || undefined }));
      // Options are copied whole: `to` holds every option of the index, defaults left out.
      case 'rebuildIndexOptions': case 'setIndexOptions': {
        const t = this.get(change.table);
        const name = typeof change.index === 'string' ? change.index : change.index.name;
        // A compression change in the same rebuild: a clustered index's is the table's.
        if (change.kind === 'rebuildIndexOptions' && (change.compression !== undefined || change.xmlCompression !== undefined)) {
          const kept = { from: 'NONE' as const, to: 'NONE' as const };
          this.rebuildCompression(t, {
            kind: 'rebuildCompression', table: change.table, index: change.index.clustered ? null : { name, clustered: false }, ...(change.compression ?? kept),
            ...(change.xmlCompression !== undefined ? { xml: change.xmlCompression } : {}),
          });
        }
        return this.setIndexOption(t, name, (o) => ({
          ...o, fillFactor: undefined, padIndex: undefined, allowRowLocks: undefined, allowPageLocks: undefined, optimizeForSequentialKey: undefined, statisticsNoRecompute: undefined, ...change.to,
        }));
      }
      case 'setSparse': {
        const t = this.get(change.table); const c = this.column(t, change.column);
        if (change.sparse && !c.nullable) this.fail(`SPARSE column ${c.name} must be nullable`);
        t.columns[t.columns.indexOf(c)] = { ...c, sparse: change.sparse || undefined }; return;
      }
      case 'moveHeap': this.get(change.table); return;
      case 'setLockEscalation': {
        const t = this.get(change.table);
        if ((t.lockEscalation ?? 'TABLE') !== change.from) this.fail(`LOCK_ESCALATION of ${t.name} is ${t.lockEscalation ?? 'TABLE'}, not ${change.from}`);
        if (change.to === 'TABLE') delete t.lockEscalation; else t.lockEscalation = change.to;
        return;
      }
      // SQL Server's refusals (sqlserver/change-tracking.ts): 4997 without a key, 4996 / 4998 when already on / off.
      case 'enableChangeTracking': {
        const t = this.get(change.table);
        if (t.primaryKey === null) this.fail(`ENABLE CHANGE_TRACKING on ${t.name}, which has no primary key (Msg 4997)`);
        if (t.changeTracking !== undefined) this.fail(`change tracking is already enabled on ${t.name} (Msg 4996)`);
        t.changeTracking = change.tracking; return;
      }
      case 'disableChangeTracking': {
        const t = this.get(change.table);
        if (t.changeTracking === undefined) this.fail(`change tracking is not enabled on ${t.name} (Msg 4998)`);
        delete t.changeTracking; return;
      }
      case 'setRowGuidCol': {
        const t = this.get(change.table); const c = this.column(t, change.column);
        if (change.rowguidcol && c.type.name !== 'uniqueidentifier') this.fail(`ROWGUIDCOL on ${c.name}, which is not uniqueidentifier`);
        if (change.rowguidcol && t.columns.some((x) => x !== c && x.rowguidcol === true)) this.fail(`${t.name} already has a ROWGUIDCOL`);
        if (change.rowguidcol === (c.rowguidcol === true)) this.fail(`${c.name} ${change.rowguidcol ? 'is already' : 'is not'} the ROWGUIDCOL`);
        t.columns[t.columns.indexOf(c)] = { ...c, rowguidcol: change.rowguidcol || undefined }; return;
      }
      case 'setMask': {
        const t = this.get(change.table); const c = this.column(t, change.column);
        if (change.to === null && c.mask === undefined) this.fail(`DROP MASKED on ${c.name}, which is not masked`);
        if (change.from !== null && !sameMask(c.mask, change.from)) this.fail(`mask of ${c.name} is ${c.mask ?? 'none'}, not ${change.from}`);
        // "Adding a dynamic data mask ... can't be performed on a column with dependencies" (dynamic-data-masking.md).
        const indexed = [...t.indexes.map((i) => i.columns.map((x) => x.name)), ...(t.primaryKey ? [t.primaryKey.columns.map((x) => x.name)] : []), ...t.uniqueConstraints.map((u) => u.columns.map((x) => x.name))];
        if (change.to !== null && c.mask === undefined && indexed.some((cols) => cols.some((x) => this.eq(x, c.name)))) this.fail(`ADD MASKED on ${c.name}, which an index depends on`);
        const { mask: _old, ...rest } = c;
        t.columns[t.columns.indexOf(c)] = change.to === null ? rest : { ...rest, mask: change.to }; return;
      }
      case 'setNotForReplication': {
        const t = this.get(change.table); const c = this.column(t, change.column);
        if (c.identity === null) this.fail(`NOT FOR REPLICATION on ${c.name}, which is not an identity column`);
        t.columns[t.columns.indexOf(c)] = { ...c, identity: { seed: c.identity.seed, increment: c.identity.increment, ...(change.notForReplication ? { notForReplication: true } : {}) } }; return;
      }
      // Views, procedures, functions and triggers are not part of the tables this simulates.
      case 'dropModule': case 'createModule': case 'refreshModule': return;
      case 'dropSecurityPolicy': case 'createSecurityPolicy': return;
      case 'dropStatistics': {
        const t = this.get(change.table);
        if (!(t.statistics ?? []).some((s) => this.eq(s.name, change.statistics.name))) this.fail(`no statistics ${change.statistics.name} on ${t.name}`);
        t.statistics = (t.statistics ?? []).filter((s) => !this.eq(s.name, change.statistics.name));
        if (t.statistics.length === 0) delete t.statistics;
        return;
      }
      case 'createStatistics': {
        const t = this.get(change.table);
        if ((t.statistics ?? []).some((s) => this.eq(s.name, change.statistics.name)) || t.indexes.some((i) => this.eq(i.name, change.statistics.name))) this.fail(`statistics ${change.statistics.name} exists on ${t.name}`);
        for (const c of change.statistics.columns) this.column(t, c);
        (t.statistics ??= []).push(change.statistics);
        return;
      }
      case 'setDescription': return this.setDescription(change);
      case 'addPeriod': {
        const t = this.get(change.table);
        for (const c of [change.start, change.end]) if (t.columns.some((x) => this.eq(x.name, c.name))) this.fail(`column ${c.name} exists`);
        if (t.columns.some((x) => x.period !== undefined)) this.fail(`table ${t.name} already has a period`);
        t.columns.push(change.start, change.end); return;
      }
      case 'dropPeriod': {
        const t = this.get(change.table);
        if (t.versioning !== undefined) this.fail(`DROP PERIOD on versioned ${t.name}`);
        t.columns = t.columns.filter((x) => !this.eq(x.name, change.start.name) && !this.eq(x.name, change.end.name)); return;
      }
      case 'enableVersioning': {
        const t = this.get(change.table);
        if (t.versioning !== undefined) this.fail(`${t.name} is already versioned`);
        if (t.columns.filter((x) => x.period !== undefined).length !== 2) this.fail(`${t.name} has no period`);
        t.versioning = change.versioning; return;
      }
      case 'disableVersioning': {
        const t = this.get(change.table);
        if (t.versioning === undefined) this.fail(`${t.name} is not versioned`);
        delete t.versioning; return;
      }
      case 'alterRetention': {
        const t = this.get(change.table);
        if (t.versioning === undefined) this.fail(`${t.name} is not versioned`);
        t.versioning = { ...t.versioning, retention: change.to }; return;
      }
      case 'alterPeriodHidden': {
        const t = this.get(change.table); const c = this.column(t, change.column);
        if (c.period === undefined) this.fail(`${c.name} is not a period column`);
        t.columns[t.columns.indexOf(c)] = { ...c, period: { ...c.period, hidden: change.hidden } }; return;
      }
      // sp_unbindefault / sp_unbindrule; sp_bindefault / sp_bindrule, refused where sp_bindefault says.
      case 'unbindColumn': {
        const t = this.get(change.table); const c = this.column(t, change.column);
        const has = change.what === 'default' ? c.boundDefault : c.boundRule;
        if (has === undefined || !this.eq(has.name, change.object.name)) this.fail(`no ${change.what} ${change.object.name} bound to ${c.name}`);
        const { boundDefault: d, boundRule: r, ...rest } = c;
        t.columns[t.columns.indexOf(c)] = { ...rest, ...(change.what === 'default' ? (r !== undefined ? { boundRule: r } : {}) : (d !== undefined ? { boundDefault: d } : {})) };
        return;
      }
      // On an alias type, futureonly: only the type's own binding changes.
      case 'unbindType': case 'bindType': {
        const a = this.types.find((x) => this.eq(x.schema, change.type.schema) && this.eq(x.name, change.type.name)) ?? this.fail(`no type ${change.type.name}`);
        const key = change.what === 'default' ? 'boundDefault' : 'boundRule';
        if (change.kind === 'unbindType' && a[key] === undefined) this.fail(`no ${change.what} bound to type ${a.name}`);
        const { [key]: _was, ...rest } = a;
        this.types = this.types.map((x) => (x === a ? (change.kind === 'bindType' ? { ...rest, [key]: change.object } : rest) : x));
        return;
      }
      case 'bindColumn': {
        const t = this.get(change.table); const c = this.column(t, change.column);
        if (c.computed !== null || c.type.length === 'max' || ['text', 'ntext', 'image', 'xml', 'rowversion'].includes(c.type.name)) this.fail(`cannot bind a ${change.what} to ${c.name}`);
        if (change.what === 'default' && (c.identity !== null || t.defaults.some((d) => this.eq(d.column, c.name)))) this.fail(`cannot bind a default to ${c.name}: identity or DEFAULT constraint`);
        t.columns[t.columns.indexOf(c)] = { ...c, ...(change.what === 'default' ? { boundDefault: change.object } : { boundRule: change.object }) };
        return;
      }
      default: return assertNever(change, 'change kind');
    }
  }

  alterColumn(change: Extract<Change, { kind: 'alterColumn' }>): void {
    const t = this.get(change.table); const c = this.column(t, change.from.name);
    this.checkColumnType(change.to);
    if (c.identity !== null || c.computed !== null || change.to.identity !== null || change.to.computed !== null) {
      if (JSON.stringify(c.identity) !== JSON.stringify(change.to.identity) || c.computed !== null) this.fail('ALTER COLUMN cannot change identity or computed');
    }
    if (t.columns.some((x) => x.computed && x !== c && this.dependents(t, c.name).includes(x.name))) this.fail(`column ${c.name} is used by a computed column`);
    if (t.primaryKey?.columns.some((x) => this.eq(x.name, c.name))) this.fail(`column ${c.name} is in the primary key`);
    if (t.foreignKeys.some((f) => f.columns.some((x) => this.eq(x, c.name)))) this.fail(`column ${c.name} is in a foreign key`);
    if (c.type.name !== change.to.type.name && t.defaults.some((d) => this.eq(d.column, c.name))) this.fail(`column ${c.name} has a default`);
    if (c.rowguidcol === true) this.fail(`column ${c.name} is the ROWGUIDCOL: ALTER COLUMN refuses it`);
    // A bound default blocks a type change, a bound rule any change but a variable-length one's size (inferred, as a default and a check).
    if (c.boundDefault !== undefined && (c.type.name !== change.to.type.name || (c.collation ?? '') !== (change.to.collation ?? ''))) this.fail(`column ${c.name} has default ${c.boundDefault.name} bound`);
    const sizeOnly = c.type.name === change.to.type.name && ['varchar', 'nvarchar', 'varbinary'].includes(c.type.name) && c.nullable === change.to.nullable && (c.collation ?? '') === (change.to.collation ?? '');
    if (c.boundRule !== undefined && !sizeOnly) this.fail(`column ${c.name} has rule ${c.boundRule.name} bound`);
    // "you can't change any encryption settings" (alter-table-transact-sql, without secure enclaves).
    if (!sameEncryption(c.encryption, change.to.encryption, (n) => n.toLowerCase())) this.fail(`ALTER COLUMN ${c.name} changes its Always Encrypted settings`);
    // Statistics allow only a varchar/nvarchar/varbinary growing, or NOT NULL -> NULL (ALTER TABLE, ALTER COLUMN).
    const len = (x: Column) => (x.type.length === 'max' ? Infinity : x.type.length ?? 0);
    const grows = c.type.name === change.to.type.name && ['varchar', 'nvarchar', 'varbinary'].includes(c.type.name) && len(change.to) >= len(c) && c.nullable === change.to.nullable;
    const onlyNull = JSON.stringify(c.type) === JSON.stringify(change.to.type) && (c.nullable === change.to.nullable || change.to.nullable);
    const sameCollation = (c.collation ?? '') === (change.to.collation ?? '');
    const stats = (t.statistics ?? []).filter((s) => s.columns.some((x) => this.eq(x, c.name)));
    if (stats.length > 0 && !(sameCollation && (grows || onlyNull))) this.fail(`column ${c.name} is in statistics ${stats.map((s) => s.name).join(', ')}`);
    // ALTER COLUMN leaves the column's extended properties as they were, and never sets ROWGUIDCOL (refused above while it is set).
    // A mask is not part of the ALTER COLUMN text: the column keeps the one it had (inferred; plans drop it around the ALTER).
    const { description: _ignored, rowguidcol: _rowguid, mask: _mask, boundDefault: _bd, boundRule: _br, ...to } = change.to;
    // Bindings stay with the column through an ALTER COLUMN SQL Server allows (inferred).
    const kept = { ...to, ...(c.mask !== undefined ? { mask: c.mask } : {}), ...(c.boundDefault !== undefined ? { boundDefault: c.boundDefault } : {}), ...(c.boundRule !== undefined ? { boundRule: c.boundRule } : {}) };
    t.columns[t.columns.indexOf(c)] = c.description !== undefined ? { ...kept, description: c.description } : kept;
  }

  /** sp_add (15233 when it exists) / sp_update / sp_drop (15217 when it does not) extendedproperty. */
  setDescription(change: Extract<Change, { kind: 'setDescription' }>): void {
    const t = this.get(change.table);
    const has = change.column === null ? t.description !== undefined : this.column(t, change.column).description !== undefined;
    if (change.from === null && has) this.fail(`description of ${t.name}.${change.column ?? ''} already exists`);
    if (change.from !== null && !has) this.fail(`no description of ${t.name}.${change.column ?? ''}`);
    const set = <T extends { description?: string }>(x: T): T => {
      const { description: _old, ...rest } = x;
      return (change.to === null ? rest : { ...rest, description: change.to }) as T;
    };
    if (change.column === null) {
      if (change.to === null) delete t.description; else t.description = change.to;
      return;
    }
    const c = this.column(t, change.column);
    t.columns[t.columns.indexOf(c)] = set(c);
  }

  without<T extends { name: string }>(items: T[], name: string): T[] {
    if (!items.some((x) => this.eq(x.name, name))) this.fail(`no object ${name}`);
    return items.filter((x) => !this.eq(x.name, name));
  }

  renameColumn(t: MTable, from: string, to: string): void {
    const c = this.column(t, from);
    if (t.columns.some((x) => this.eq(x.name, to)) && !this.eq(from, to)) this.fail(`column ${to} exists`);
    const r = (n: string) => (this.eq(n, from) ? to : n);
    const rk = <K extends { columns: readonly { name: string; descending: boolean }[] }>(k: K): K => ({ ...k, columns: k.columns.map((x) => ({ ...x, name: r(x.name) })) });
    t.columns[t.columns.indexOf(c)] = { ...c, name: to };
    t.primaryKey = t.primaryKey && rk(t.primaryKey);
    t.uniqueConstraints = t.uniqueConstraints.map(rk);
    t.indexes = t.indexes.map((i) => ({ ...rk(i), include: i.include.map(r) }));
    t.defaults = t.defaults.map((d) => ({ ...d, column: r(d.column) }));
    t.foreignKeys = t.foreignKeys.map((f) => ({ ...f, columns: f.columns.map(r) }));
    // A statistics' stored filter follows the rename, as its columns do (inferred: SQL Server keeps
    // the filter bound to column ids, as for filtered indexes).
    const inFilter = (f: string | null) => f?.replace(/\[((?:[^\]]|\]\])*)\]/g, (whole, inner: string) => (this.eq(inner, from) ? `[${to}]` : whole)) ?? null;
    if (t.statistics !== undefined) t.statistics = t.statistics.map((x) => ({ ...x, columns: x.columns.map(r), filter: inFilter(x.filter) }));
    for (const o of this.tables) {
      o.foreignKeys = o.foreignKeys.map((f) => (this.eq(f.referencedSchema, t.schema) && this.eq(f.referencedTable, t.name) ? { ...f, referencedColumns: f.referencedColumns.map(r) } : f));
    }
  }

  /** Edge constraints follow a renamed or moved node table: SQL Server keeps them by object id. */
  movedConnections(list: readonly EdgeConstraint[], t: MTable, schema: string, name: string): EdgeConstraint[] {
    const is = (s: string, n: string) => this.eq(s, t.schema) && this.eq(n, t.name);
    return list.map((e) => ({ ...e, connections: e.connections.map((c) => ({
      fromSchema: is(c.fromSchema, c.fromTable) ? schema : c.fromSchema, fromTable: is(c.fromSchema, c.fromTable) ? name : c.fromTable,
      toSchema: is(c.toSchema, c.toTable) ? schema : c.toSchema, toTable: is(c.toSchema, c.toTable) ? name : c.toTable,
    })) }));
  }

  renameConstraint(t: MTable, objectType: 'INDEX' | 'OBJECT', from: string, to: string): void {
    const rn = <T extends { name: string }>(x: T): T => (this.eq(x.name, from) ? { ...x, name: to } : x);
    if (objectType === 'INDEX') {
      if (!t.indexes.some((i) => this.eq(i.name, from))) this.fail(`no index ${from}`);
      this.newIndexName(t, to); t.indexes = t.indexes.map(rn); return;
    }
    if (![t.primaryKey, ...t.uniqueConstraints, ...t.checks, ...t.defaults, ...t.foreignKeys, ...(t.edgeConstraints ?? [])].some((x) => x !== null && this.eq(x.name, from))) this.fail(`no constraint ${from}`);
    this.newConstraintName(t, to);
    if (t.edgeConstraints !== undefined) t.edgeConstraints = t.edgeConstraints.map(rn);
    t.primaryKey = t.primaryKey && rn(t.primaryKey);
    t.uniqueConstraints = t.uniqueConstraints.map(rn); t.checks = t.checks.map(rn); t.defaults = t.defaults.map(rn); t.foreignKeys = t.foreignKeys.map(rn);
  }

  setTrust(t: MTable, name: string, trusted: boolean, enabled = true): void {
    const ck = t.checks.find((c) => this.eq(c.name, name));
    const f = t.foreignKeys.find((c) => this.eq(c.name, name));
    if (ck) t.checks = t.checks.map((c) => (c === ck ? { ...c, trusted, enabled } : c));
    else if (f) t.foreignKeys = t.foreignKeys.map((c) => (c === f ? { ...c, trusted, enabled } : c));
    else this.fail(`no check or foreign key ${name}`);
  }

  /** The table's rows (heap or rowstore clustered index), or one index, rebuilt with a compression. */
  rebuildCompression(t: MTable, change: Extract<Change, { kind: 'rebuildCompression' }>): void {
    const value = (to: string, columnstore: boolean) => (to === (columnstore ? 'COLUMNSTORE' : 'NONE') ? undefined : to) as Index['dataCompression'];
    // A rebuild that changes only XML_COMPRESSION keeps the data compression (its from equals its to).
    const data = change.from !== change.to;
    const xml = change.xml === undefined ? {} : { xmlCompression: change.xml.to || undefined };
    if (change.index !== null) {
      this.setIndexOption(t, change.index.name, (o) => ({ ...o, ...(data ? { dataCompression: value(change.to, 'columnstore' in o && o.columnstore === true) as never } : {}), ...xml } as Index));
      return;
    }
    if (data) t.dataCompression = value(change.to, false) as Table['dataCompression'];
    if (change.xml !== undefined) t.xmlCompression = change.xml.to || undefined;
    const clustered = [t.primaryKey, ...t.uniqueConstraints, ...t.indexes].find((o) => o !== null && o.clustered && !('columnstore' in o && o.columnstore === true));
    if (clustered) this.setIndexOption(t, clustered.name, (o) => ({ ...o, dataCompression: t.dataCompression, xmlCompression: t.xmlCompression }));
  }

  /** Replaces an index or key (found by name) with `f` of it, dropping undefined options. */
  setIndexOption(t: MTable, name: string, f: (o: Index | KeyConstraint) => Index | KeyConstraint): void {
    const clean = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
    if (t.primaryKey !== null && this.eq(t.primaryKey.name, name)) { t.primaryKey = clean(f(t.primaryKey)) as KeyConstraint; return; }
    const u = t.uniqueConstraints.findIndex((x) => this.eq(x.name, name));
    if (u >= 0) { t.uniqueConstraints[u] = clean(f(t.uniqueConstraints[u] as KeyConstraint)) as KeyConstraint; return; }
    const i = t.indexes.findIndex((x) => this.eq(x.name, name));
    if (i < 0) this.fail(`no index ${name}`);
    t.indexes[i] = clean(f(t.indexes[i] as Index)) as Index;
  }

  result(): Database {
    const { aliasTypes: _a, sequences: _q, ...rest } = this.db;
    const types = [...this.types].sort((a, b) => `${a.schema}.${a.name}`.localeCompare(`${b.schema}.${b.name}`));
    const sequences = [...this.sequences].sort((a, b) => (`${a.schema}.${a.name}` < `${b.schema}.${b.name}` ? -1 : 1));
    return {
      ...rest, schemas: [...this.schemas].sort(), tables: this.tables.map((t) => ({ ...t })), ...(types.length > 0 ? { aliasTypes: types } : {}),
      ...(sequences.length > 0 ? { sequences } : {}),
    };
  }
}

/**
 * A check or FK as ALTER TABLE ... ADD leaves it: trusted unless added WITH NOCHECK (the model's
 * trusted false), disabled after NOCHECK CONSTRAINT (and then never trusted).
 */
function added<C extends { readonly trusted: boolean; readonly enabled: boolean }>(c: C): C {
  return { ...c, trusted: c.trusted && c.enabled };
}

/**
 * Applies a plan to a model: 'up' runs each change in order; 'down' runs the inverses in
 * reverse order, skipping steps without one (they change no structure: a backfill, or they are
 * irreversible and the caller knows it). Throws where SQL Server would refuse.
 */
export function applyPlan(db: Database, steps: readonly PlanStep[], direction: 'up' | 'down'): Database {
  const sim = new Sim(db);
  if (direction === 'up') {
    for (const s of steps) sim.apply(s.change);
  } else {
    for (const s of [...steps].reverse()) if (s.inverse !== null) sim.apply(s.inverse);
  }
  return sim.result();
}

/** A column as ADD COLUMN or CREATE TABLE makes it: with no bound default or rule. */
function unbound(c: Column): Column {
  if (c.boundDefault === undefined && c.boundRule === undefined) return c;
  const { boundDefault: _d, boundRule: _r, ...rest } = c;
  return rest;
}
