/**
 * The table-level decorators of one pulled table (primary key, UNIQUE, indexes, checks, foreign
 * keys, default names), each with its written names, so a mixin can share the ones whose names
 * follow a `{table}` template.
 */
import { INDEX_OPTION_KEYS } from '../../sqlserver/index-options';
import { DEFAULT_CELLS_PER_OBJECT } from '../../sqlserver/xml-spatial-indexes';
import { sameDataSpace } from '../../sqlserver/data-spaces';
import type { CheckConstraint, DataSpace, EdgeConstraint, ForeignKey, Index, IndexColumn, KeyConstraint, Table } from '../../model';
import { filterWithInLists, referencedColumns } from '../../expr';
import { sameName, type NameKey } from '../../sqlserver/names';
import { unwrapStored } from './column-text';
import { sqlTemplate, tsString } from './naming';

/** A table-level decorator; `text(name)` writes it under a given (possibly templated) name. */
export interface TableItem {
  readonly kind: 'primaryKey' | 'unique' | 'index' | 'check' | 'foreignKey' | 'defaultName' | 'connection';
  readonly name: string;
  /** The name with this table's name as `{table}`, or null when the name follows no template. */
  readonly template: string | null;
  /** Fields the decorator refers to (they must be present wherever it is declared). */
  readonly fields: readonly string[];
  /** The API names the decorator needs from 'schemac'. */
  readonly uses: readonly string[];
  /** The classes a foreign key or edge constraint points to (imported by the file that declares it). */
  readonly targets: readonly string[];
  readonly text: (name: string) => string;
}

/** What writing a table's items needs to know about the pulled tree. */
export interface ItemContext {
  readonly table: Table;
  /** Name comparison of the pulled database's collation. */
  readonly key: NameKey;
  readonly field: (column: string) => string;
  readonly fieldOrNull: (column: string) => string | null;
  /** Class and field names of a referenced table, or null when it is not in the database. */
  readonly target: (schema: string, table: string) => { className: string; field: (column: string) => string } | null;
  /** The canonical key of `[softDelete] = 0` for this table, when it has a soft-delete column. */
  readonly activeFilter: string | null;
  /** Checks written as the field's literal union instead of a decorator. */
  readonly unionChecks: ReadonlySet<CheckConstraint>;
  /** Default constraints (by column) whose names the compiler would not generate. */
  readonly namedDefaults: readonly { column: string; name: string }[];
  readonly problems: string[];
}

/**
 * `ix_users_active` for table users -> `ix_{table}_active`: the table name where it stands as a
 * whole `_`-separated word; null when it never does (such a name cannot be shared).
 */
export function templateOf(name: string, table: string): string | null {
  const parts = name.split('_');
  const tableParts = table.split('_');
  const out: string[] = [];
  let found = false;
  for (let i = 0; i < parts.length;) {
    if (parts.slice(i, i + tableParts.length).join('_') === table) {
      out.push('{table}');
      i += tableParts.length;
      found = true;
    } else {
      out.push(parts[i]);
      i += 1;
    }
  }
  return found && !name.includes('{') ? out.join('_') : null;
}

function keyList(columns: readonly IndexColumn[], field: (c: string) => string): string {
  return `[${columns.map((c) => (c.descending ? `{ column: ${tsString(field(c.name))}, desc: true }` : tsString(field(c.name)))).join(', ')}]`;
}

function optionText(opts: readonly string[]): string {
  return opts.length > 0 ? `, { ${opts.join(', ')} }` : '';
}

/** Every table-level decorator of the table, in a stable order. */
export function tableItems(ctx: ItemContext): TableItem[] {
  const t = ctx.table;
  const items: TableItem[] = [];
  const make = (kind: TableItem['kind'], name: string, fields: string[], uses: string[], text: (n: string) => string): void => {
    items.push({ kind, name, template: kind === 'defaultName' ? null : templateOf(name, t.name), fields, uses, targets: [], text });
  };
  if (t.primaryKey) items.push(keyItem('primaryKey', t.primaryKey, ctx));
  for (const u of t.uniqueConstraints) items.push(keyItem('unique', u, ctx));
  // The clustered index first, as a reader (and rule 6's create order) expects; the rest as read.
  for (const ix of [...t.indexes].sort((a, b) => Number(b.clustered) - Number(a.clustered))) items.push(indexItem(ix, ctx));
  const checkNames = new Set(t.checks.filter((ck) => !ck.isSystemNamed).map((ck) => ctx.key(ck.name)));
  for (const ck of t.checks) {
    if (ctx.unionChecks.has(ck)) continue;
    const sql = sqlTemplate(unwrapStored(ck.expression.text));
    if (sql === null) {
      ctx.problems.push(`check ${ck.name} of ${t.schema}.${t.name} holds a backtick or \${ and was not written`);
      continue;
    }
    // The fields it reads decide whether a mixin can hold it; an unknown column keeps it on the table.
    const fields = referencedColumns(ck.expression.text, ctx.key).map((c) => ctx.fieldOrNull(c) ?? '\u0000unknown');
    const name = ck.isSystemNamed ? checkName(t.name, referencedColumns(ck.expression.text, ctx.key), checkNames, ctx.key) : ck.name;
    const opts = [...(ck.notForReplication === true ? ['notForReplication: true'] : []), ...stateOptions(ck)];
    make('check', name, fields, ['Check', 'sql'], (n) => `@Check(${tsString(n)}, ${sql}${optionText(opts)})`);
  }
  for (const fk of t.foreignKeys) {
    const item = foreignKeyItem(fk, ctx);
    if (item) items.push(item);
  }
  // A system-named edge constraint takes the compiler's ec_{table} unless that is taken, then ec_{table}_2, ...
  const edgeNames = new Set((t.edgeConstraints ?? []).filter((e) => !e.isSystemNamed).map((e) => ctx.key(e.name)));
  for (const e of t.edgeConstraints ?? []) {
    let written: string | null = null;
    if (e.isSystemNamed) {
      const base = `ec_${t.name}`;
      for (let n = 1; written === null; n++) if (!edgeNames.has(ctx.key(n === 1 ? base : `${base}_${n}`))) written = n === 1 ? base : `${base}_${n}`;
      edgeNames.add(ctx.key(written));
    }
    const item = connectionItem(e, written, ctx);
    if (item) items.push(item);
  }
  const position = (column: string): number => t.columns.findIndex((c) => sameName(ctx.key, c.name, column));
  for (const d of [...ctx.namedDefaults].sort((a, b) => position(a.column) - position(b.column))) {
    const field = ctx.field(d.column);
    make('defaultName', d.name, [field], ['DefaultName'], (n) => `@DefaultName(${tsString(n)}, ${tsString(field)})`);
  }
  return items;
}

/**
 * A schemac-style name (`ck_{table}_{columns}`) for a check SQL Server named itself
 * (CK__users__status__2A4B4B5E), unique among the table's checks; @Check needs a name.
 */
function checkName(table: string, columns: readonly string[], taken: Set<string>, key: NameKey): string {
  const base = ['ck', table, ...columns].join('_');
  let name = base;
  for (let n = 2; taken.has(key(name)); n++) name = `${base}_${n}`;
  taken.add(key(name));
  return name;
}

function keyItem(kind: 'primaryKey' | 'unique', key: KeyConstraint, ctx: ItemContext): TableItem {
  const decorator = kind === 'primaryKey' ? 'PrimaryKey' : 'Unique';
  // A primary key's clustering is always written: the compiler's default depends on other indexes.
  const opts = kind === 'primaryKey' ? [`clustered: ${key.clustered}`] : key.clustered ? ['clustered: true'] : [];
  opts.push(...storageOpts(key), ...placementOpts(key, ctx));
  // A name SQL Server made up (PK__users__3213E83F...) is not written: the compiler's name
  // replaces it, and the config's systemNames decides whether plan renames the object.
  const named = !key.isSystemNamed;
  return {
    kind, name: key.name, template: named ? templateOf(key.name, ctx.table.name) : null, fields: key.columns.map((c) => ctx.field(c.name)),
    uses: [decorator], targets: [],
    text: (n) => `@${decorator}(${named ? `${tsString(n)}, ` : ''}${keyList(key.columns, ctx.field)}${optionText(opts)})`,
  };
}

/**
 * `on: 'FG'` or `on: { partitionScheme: 'ps', column: 'field' }`; the field name is the column's
 * when the table has no such field (the compiler then reports it).
 */
export function placementOption(d: DataSpace, field: (column: string) => string): string {
  return d.kind === 'filegroup' ? `on: ${tsString(d.name)}` : `on: { partitionScheme: ${tsString(d.name)}, column: ${tsString(field(d.column))} }`;
}

/**
 * A nonclustered index's or key's placement, when it is not the table's (a clustered one's is
 * the table's, written on @Table; the compiler gives one without `on` the table's).
 */
function placementOpts(o: Index | KeyConstraint, ctx: ItemContext): string[] {
  if (o.clustered || sameDataSpace(o.dataSpace, ctx.table.dataSpace, ctx.key)) return [];
  // On the default filegroup while the table is elsewhere: SQL Server's word for it is "default".
  return [o.dataSpace === undefined ? "on: 'default'" : placementOption(o.dataSpace, ctx.field)];
}

/** IGNORE_DUP_KEY and a nonclustered index's (XML) compression (a clustered one has the table's, written on @Table). */
function storageOpts(o: Index | KeyConstraint): string[] {
  const out: string[] = [];
  if (o.ignoreDupKey === true) out.push('ignoreDupKey: true');
  if (o.dataCompression !== undefined && (!o.clustered || ('columnstore' in o && o.columnstore === true))) out.push(`dataCompression: ${tsString(o.dataCompression)}`);
  if (o.xmlCompression === true && !o.clustered) out.push('xmlCompression: true');
  // The WITH options, only those not at SQL Server's default (as the model keeps them).
  for (const k of INDEX_OPTION_KEYS) if (o[k] !== undefined) out.push(`${k}: ${String(o[k])}`);
  // A hash index of a memory-optimized table: the count as stored (a power of two) compares equal to any that rounds to it.
  if (o.bucketCount !== undefined) out.push(`bucketCount: ${o.bucketCount}`);
  return out;
}

/** @ClusteredColumnstoreIndex(name, opts) or @ColumnstoreIndex(name, [fields], opts). */
function columnstoreItem(ix: Index, ctx: ItemContext): TableItem {
  const opts = [...storageOpts(ix), ...placementOpts(ix, ctx)];
  const uses = [ix.clustered ? 'ClusteredColumnstoreIndex' : 'ColumnstoreIndex'];
  if (ix.filter) {
    const sql = sqlTemplate(unwrapStored(filterWithInLists(ix.filter.text, ctx.key)));
    if (sql === null) ctx.problems.push(`filter of index ${ix.name} holds a backtick or \${ and was not written`);
    else { opts.unshift(`where: ${sql}`); uses.push('sql'); }
  }
  const fields = ix.columns.map((c) => ctx.field(c.name));
  const columns = ix.clustered ? '' : `, [${fields.map(tsString).join(', ')}]`;
  return {
    kind: 'index', name: ix.name, template: templateOf(ix.name, ctx.table.name), fields, uses, targets: [],
    text: (n) => `@${uses[0]}(${tsString(n)}${columns}${optionText(opts)})`,
  };
}

/**
 * @XmlIndex(name, field[, { using, for }]) or @SpatialIndex(name, field, { using, boundingBox,
 * grids, cellsPerObject }): the scheme is always written (it says what the index is); grid
 * levels and cells per object only where they are not SQL Server's defaults.
 */
function xmlOrSpatialItem(ix: Index, ctx: ItemContext): TableItem {
  const field = ctx.field(ix.columns[0]?.name ?? '');
  const opts: string[] = [];
  const x = ix.xml;
  const sp = ix.spatial;
  if (sp !== undefined) {
    opts.push(`using: ${tsString(sp.tessellation)}`);
    const b = sp.boundingBox;
    if (b !== undefined) opts.push(`boundingBox: { xmin: ${b.xmin}, ymin: ${b.ymin}, xmax: ${b.xmax}, ymax: ${b.ymax} }`);
    const levels = (sp.grids ?? []).flatMap((g, i) => (g === 'MEDIUM' ? [] : [`level${i + 1}: ${tsString(g)}`]));
    if (levels.length > 0) opts.push(`grids: { ${levels.join(', ')} }`);
    if (sp.cellsPerObject !== DEFAULT_CELLS_PER_OBJECT[sp.tessellation]) opts.push(`cellsPerObject: ${sp.cellsPerObject}`);
  }
  opts.push(...storageOpts(ix));
  const decorator = x !== undefined ? 'XmlIndex' : 'SpatialIndex';
  return {
    kind: 'index', name: ix.name, template: templateOf(ix.name, ctx.table.name), fields: [field], uses: [decorator], targets: [],
    text: (n) => {
      // A secondary written under a {table} template names its primary the same way, when it can.
      const using = x?.kind === 'secondary' ? (n !== ix.name ? templateOf(x.using, ctx.table.name) ?? x.using : x.using) : null;
      const all = x?.kind === 'secondary' ? [`using: ${tsString(using ?? x.using)}`, `for: ${tsString(x.for)}`, ...opts] : opts;
      return `@${decorator}(${tsString(n)}, ${tsString(field)}${optionText(all)})`;
    },
  };
}

function indexItem(ix: Index, ctx: ItemContext): TableItem {
  if (ix.columnstore === true) return columnstoreItem(ix, ctx);
  if (ix.xml !== undefined || ix.spatial !== undefined) return xmlOrSpatialItem(ix, ctx);
  const opts: string[] = [];
  const uses = ['Index'];
  if (ix.unique) opts.push('unique: true');
  if (ix.clustered) opts.push('clustered: true');
  if (ix.include.length > 0) opts.push(`include: [${ix.include.map((c) => tsString(ctx.field(c))).join(', ')}]`);
  if (ix.filter) {
    const sql = ix.filter.canonical === ctx.activeFilter ? null : sqlTemplate(unwrapStored(filterWithInLists(ix.filter.text, ctx.key)));
    if (ix.filter.canonical === ctx.activeFilter) opts.push('activeOnly: true');
    else if (sql === null) ctx.problems.push(`filter of index ${ix.name} holds a backtick or \${ and was not written`);
    else {
      opts.push(`where: ${sql}`);
      uses.push('sql');
    }
  }
  opts.push(...storageOpts(ix), ...placementOpts(ix, ctx));
  const fields = [...ix.columns.map((c) => ctx.field(c.name)), ...ix.include.map(ctx.field)];
  return {
    kind: 'index', name: ix.name, template: templateOf(ix.name, ctx.table.name), fields, uses, targets: [],
    text: (n) => `@Index(${tsString(n)}, ${keyList(ix.columns, ctx.field)}${optionText(opts)})`,
  };
}

/**
 * @Connection([{ from: () => A, to: () => B }, ...], { onDelete: 'CASCADE' }) of an edge table; a
 * system-named one (EC__...) is written under the compiler's default name (left unwritten) or the
 * next free one: plans keep or adopt such names by definition.
 */
function connectionItem(e: EdgeConstraint, systemNamedAs: string | null, ctx: ItemContext): TableItem | null {
  const clauses: string[] = [];
  const targets = new Set<string>();
  for (const c of e.connections) {
    const from = ctx.target(c.fromSchema, c.fromTable);
    const to = ctx.target(c.toSchema, c.toTable);
    if (!from || !to) {
      ctx.problems.push(`edge constraint ${e.name} of ${ctx.table.schema}.${ctx.table.name} names ${from ? c.toTable : c.fromTable}, which is not in the database read; not written`);
      return null;
    }
    targets.add(from.className).add(to.className);
    clauses.push(`{ from: () => ${from.className}, to: () => ${to.className} }`);
  }
  const opts = e.onDelete === 'CASCADE' ? [`onDelete: 'CASCADE'`] : [];
  // The compiler's own name is left unwritten; another one (the default was taken) is written.
  const named = !e.isSystemNamed || systemNamedAs !== `ec_${ctx.table.name}`;
  const name = systemNamedAs ?? e.name;
  return {
    kind: 'connection', name, template: named ? templateOf(name, ctx.table.name) : null, fields: [], uses: ['Connection'], targets: [...targets],
    text: (n) => `@Connection(${named ? `${tsString(n)}, ` : ''}[${clauses.join(', ')}]${optionText(opts)})`,
  };
}

/**
 * `enabled: false` for a disabled check or foreign key (which SQL Server never trusts), else
 * `validate: false` for an untrusted one, so plan keeps them as they are instead of re-validating.
 */
function stateOptions(c: CheckConstraint | ForeignKey): string[] {
  if (!c.enabled) return ['enabled: false'];
  return c.trusted ? [] : ['validate: false'];
}

function foreignKeyItem(fk: ForeignKey, ctx: ItemContext): TableItem | null {
  const target = ctx.target(fk.referencedSchema, fk.referencedTable);
  if (!target) {
    ctx.problems.push(`foreign key ${fk.name} of ${ctx.table.schema}.${ctx.table.name} points to ${fk.referencedSchema}.${fk.referencedTable}, which is not in the database read; not written`);
    return null;
  }
  const opts: string[] = [];
  if (fk.onDelete !== 'NO_ACTION') opts.push(`onDelete: ${tsString(fk.onDelete)}`);
  if (fk.onUpdate !== 'NO_ACTION') opts.push(`onUpdate: ${tsString(fk.onUpdate)}`);
  if (fk.notForReplication === true) opts.push('notForReplication: true');
  opts.push(...stateOptions(fk));
  const cols = `[${fk.columns.map((c) => tsString(ctx.field(c))).join(', ')}]`;
  const refs = `[${fk.referencedColumns.map((c) => tsString(target.field(c))).join(', ')}]`;
  const named = !fk.isSystemNamed; // as keyItem: a system name is left to the compiler's
  return {
    kind: 'foreignKey', name: fk.name, template: named ? templateOf(fk.name, ctx.table.name) : null, fields: fk.columns.map(ctx.field),
    uses: ['ForeignKey'], targets: [target.className],
    text: (n) => `@ForeignKey(${named ? `${tsString(n)}, ` : ''}${cols}, () => ${target.className}, ${refs}${optionText(opts)})`,
  };
}
