/**
 * Table-level decorators of a class chain: indexes, checks, UNIQUE and PRIMARY KEY constraints
 * and foreign-key drafts, with `{table}` templates expanded for the table being built.
 */
import type { ts } from 'ts-morph';
import type { IndexColumn, ReferentialAction } from '../model';
import { filterPredicateProblems } from '../expr';
import { Codes } from './codes';
import type { DiagnosticBag } from './diagnostics';
import { toExpression } from './expressions';
import { bracket } from '../sqlserver/literals';
import { expandTemplate } from './names';
import { readNotForReplication, setPrimaryKey } from './build-columns';
import type { TableItem } from './read-classes';
import { renamedFromOption } from './renamed-from';
import { refOf } from './source-ref';
import type { StaticValue } from './static-value';
import { resolveKeyColumn, type Origin, type TableDraft } from './table-draft';
import { addConnectionDraft } from './graph';
import { addColumnstore, columnstoreName, keyStorage, rememberOptions } from './storage-options';
import { addXmlOrSpatialIndex } from './xml-spatial-indexes';
import { readConstraintState } from './constraint-state';

const actions = new Set<ReferentialAction>(['NO_ACTION', 'CASCADE', 'SET_NULL', 'SET_DEFAULT']);

/** A written name (expanded) or a generated one. */
function nameOf(draft: TableDraft, v: StaticValue | undefined, generate: () => string, node: ts.Node, what: string, bag: DiagnosticBag): { name: string; origin: Origin } {
  if (v?.kind === 'string') {
    const { name, unknown } = expandTemplate(v.value, draft.name, draft.schema);
    for (const u of unknown) bag.error(Codes.unknownPlaceholder, `unknown placeholder ${u} in ${what} name; use {table} or {schema}`, v.node);
    return { name, origin: { node, nameNode: v.node, generated: false, what } };
  }
  const generated = generate();
  // An empty generated name means the name is required (indexes and checks are always named).
  if (v !== undefined || generated === '') bag.error(Codes.notStatic, `${what} name must be a string literal`, v?.node ?? node);
  return { name: generated, origin: { node, nameNode: undefined, generated: true, what } };
}

/** Key columns of an array argument, reporting unknown fields, duplicates and an empty list. */
function keyColumns(draft: TableDraft, v: StaticValue | undefined, node: ts.Node, allowDesc: boolean, bag: DiagnosticBag): IndexColumn[] {
  if (v?.kind !== 'array') {
    bag.error(Codes.notStatic, 'expected an array literal of field names', v?.node ?? node);
    return [];
  }
  const out: IndexColumn[] = [];
  for (const item of v.items) {
    const col = resolveKeyColumn(draft, item, bag, allowDesc);
    if (!col) continue;
    if (out.some((c) => c.name === col.name)) bag.error(Codes.badColumnList, `column ${col.name} is listed twice`, item.node);
    else out.push(col);
  }
  if (v.items.length === 0) bag.error(Codes.badColumnList, 'a key needs at least one column', v.node);
  return out;
}

function options(v: StaticValue | undefined, bag: DiagnosticBag): ReadonlyMap<string, StaticValue> {
  if (v === undefined) return new Map();
  if (v.kind === 'object') return v.props;
  bag.error(Codes.notStatic, 'options must be an object literal', v.node);
  return new Map();
}

function flag(opts: ReadonlyMap<string, StaticValue>, key: string): boolean | undefined {
  const v = opts.get(key);
  return v?.kind === 'boolean' ? v.value : undefined;
}

/** A check's or foreign key's NOT FOR REPLICATION, set only when true (the model leaves it out otherwise). */
function notForReplication(opts: ReadonlyMap<string, StaticValue>, bag: DiagnosticBag): { notForReplication?: true } {
  return readNotForReplication(opts, bag) ? { notForReplication: true } : {};
}

/** Adds one table-level decorator to the draft. */
export function addItem(draft: TableDraft, item: TableItem, bag: DiagnosticBag): void {
  const a = item.args;
  switch (item.kind) {
    case 'index': return addIndex(draft, item, bag);
    case 'columnstoreIndex':
    case 'clusteredColumnstoreIndex': {
      const name = columnstoreName(draft, item, bag);
      if (name !== null) addColumnstore(draft, item, name, bag);
      return;
    }
    case 'xmlIndex':
    case 'spatialIndex': return addXmlOrSpatialIndex(draft, item, bag);
    case 'defaultName': return nameDefault(draft, item, bag);
    case 'connection': return addConnectionDraft(draft, item, bag);
    case 'check': {
      const { name, origin } = nameOf(draft, a[0], () => '', item.node, 'check constraint', bag);
      if (a[0]?.kind !== 'string') return;
      const expr = a[1];
      if (expr?.kind !== 'sql') {
        bag.error(Codes.notStatic, 'a check needs sql`...`', expr?.node ?? item.node);
        return;
      }
      const opts = options(a[2], bag);
      const check = {
        name, isSystemNamed: false, ...renamedFromOption(draft, opts, bag),
        ...readConstraintState(opts, `check ${name}`, bag), expression: toExpression(expr.text, draft.key, expr.node, bag, 'check'),
        ...notForReplication(opts, bag), source: refOf(item.node),
      };
      draft.checks.push(check);
      draft.origins.set(check, origin);
      draft.expressionChecks.push({ text: expr.text, node: expr.node, what: `check ${name}` });
      return;
    }
    case 'unique':
    case 'primaryKey': {
      // Both accept an optional name first: (columns, opts) or (name, columns, opts).
      const named = a[0]?.kind === 'string' || a[0]?.kind === 'unknown';
      const [nameV, colsV, optsV] = named ? [a[0], a[1], a[2]] : [undefined, a[0], a[1]];
      const columns = keyColumns(draft, colsV, item.node, true, bag);
      const opts = options(optsV, bag);
      const what = item.kind === 'unique' ? 'unique constraint' : 'primary key';
      const gen = (): string => draft.namer.name(item.kind === 'unique' ? 'uq' : 'pk', draft.name, draft.schema, columns.map((c) => c.name));
      const { name, origin } = nameOf(draft, nameV, gen, item.node, what, bag);
      const clustered = flag(opts, 'clustered');
      const key = {
        name, isSystemNamed: false, ...renamedFromOption(draft, opts, bag), columns, clustered: clustered ?? item.kind === 'primaryKey',
        ...keyStorage(opts, what, bag), source: refOf(item.node),
      };
      rememberOptions(draft, key, opts);
      if (item.kind === 'unique') {
        draft.uniques.push(key);
        draft.origins.set(key, origin);
      } else {
        const nullable = columns.some((c) => draft.byName.get(draft.key(c.name))?.column.nullable);
        setPrimaryKey(draft, key, origin, nullable, bag);
        if (draft.primaryKey === key) draft.primaryKeyClusteringWritten = clustered !== undefined;
      }
      return;
    }
    case 'foreignKey': {
      const named = a[0]?.kind === 'string' || a[0]?.kind === 'unknown';
      const [nameV, colsV, targetV, refV, optsV] = named ? a : [undefined, ...a];
      const columns = keyColumns(draft, colsV, item.node, false, bag).map((c) => c.name);
      const { name, origin } = nameOf(draft, nameV, () => draft.namer.name('fk', draft.name, draft.schema, columns), item.node, 'foreign key', bag);
      const opts = options(optsV, bag);
      const action = (key: string): ReferentialAction => {
        const v = opts.get(key);
        if (v === undefined) return 'NO_ACTION';
        if (v.kind === 'string' && actions.has(v.value as ReferentialAction)) return v.value as ReferentialAction;
        bag.error(Codes.notStatic, `${key} must be one of ${[...actions].join(', ')}`, v.node);
        return 'NO_ACTION';
      };
      if (!targetV) {
        bag.error(Codes.notStatic, 'a foreign key needs its target as () => SomeTable', item.node);
        return;
      }
      draft.foreignKeyDrafts.push({
        name, origin, columns, target: targetV, referencedFields: refV, onDelete: action('onDelete'), onUpdate: action('onUpdate'),
        ...renamedFromOption(draft, opts, bag), ...notForReplication(opts, bag), state: readConstraintState(opts, `foreign key ${name}`, bag),
      });
      return;
    }
  }
}

/**
 * @DefaultName(name, field): renames the default the column declared (built before any
 * table-level decorator). A second name for the same column is SC1201, wherever in the chain.
 */
function nameDefault(draft: TableDraft, item: TableItem, bag: DiagnosticBag): void {
  const [nameV, fieldV, optsV] = item.args;
  const { name, origin } = nameOf(draft, nameV, () => '', item.node, 'default constraint', bag);
  if (nameV?.kind !== 'string') return;
  if (!fieldV) {
    bag.error(Codes.notStatic, '@DefaultName needs the field whose default it names', item.node);
    return;
  }
  const column = resolveKeyColumn(draft, fieldV, bag, false);
  if (!column) return;
  const key = draft.key(column.name);
  const info = draft.byName.get(key);
  const index = draft.defaults.findIndex((d) => draft.key(d.column) === key);
  if (index < 0) {
    // A default that was declared but refused (wrong literal type, on an IDENTITY...) is reported already.
    if (!info?.declaresDefault) {
      bag.error(Codes.defaultNameWithoutDefault, `column ${column.name} of table ${draft.schema}.${draft.name} declares no default, so @DefaultName has no constraint to name; add default: ... to its column decorator or remove the @DefaultName`, fieldV.node);
    }
    return;
  }
  const prior = draft.defaultNames.get(key);
  if (prior) {
    const at = refOf(prior.nameNode ?? prior.node);
    bag.error(Codes.duplicateName, `the default of column ${column.name} of table ${draft.schema}.${draft.name} is named twice: ${name} here and ${draft.defaults[index].name} at ${at.file}:${at.line}:${at.column}`, nameV.node);
    return;
  }
  draft.defaultNames.set(key, origin);
  const old = draft.defaults[index];
  const renamed = { ...old, name, ...renamedFromOption(draft, options(optsV, bag), bag) };
  draft.defaults[index] = renamed;
  draft.origins.delete(old);
  draft.origins.set(renamed, origin);
}

function addIndex(draft: TableDraft, item: TableItem, bag: DiagnosticBag): void {
  const [nameV, colsV, optsV] = item.args;
  const { name, origin } = nameOf(draft, nameV, () => '', item.node, 'index', bag);
  if (nameV?.kind !== 'string') return;
  const columns = keyColumns(draft, colsV, item.node, true, bag);
  const opts = options(optsV, bag);
  const include: string[] = [];
  const includeV = opts.get('include');
  if (includeV?.kind === 'array') {
    for (const f of includeV.items) {
      const col = resolveKeyColumn(draft, f, bag, false);
      if (!col) continue;
      if (include.includes(col.name) || columns.some((c) => c.name === col.name)) {
        bag.error(Codes.badColumnList, `column ${col.name} is already in index ${name}`, f.node);
      } else include.push(col.name);
    }
  } else if (includeV) bag.error(Codes.notStatic, 'include must be an array literal of field names', includeV.node);
  const clustered = flag(opts, 'clustered') ?? false;
  if (clustered && include.length > 0) bag.error(Codes.includeOnClustered, `clustered index ${name} cannot have INCLUDE columns (it holds every column)`, includeV?.node ?? item.node);
  const parts: string[] = [];
  const whereV = opts.get('where');
  if (whereV?.kind === 'sql') parts.push(whereV.text);
  else if (whereV) bag.error(Codes.notStatic, 'where must be sql`...`', whereV.node);
  const activeV = opts.get('activeOnly');
  if (activeV?.kind === 'boolean' && activeV.value) {
    const soft = draft.columns.find((c) => c.softDelete);
    if (soft) parts.push(`${bracket(soft.column.name)} = 0`);
    else bag.error(Codes.noSoftDelete, `activeOnly needs a column marked softDelete: true in table ${draft.schema}.${draft.name}`, activeV.node);
  }
  let filter = null;
  if (parts.length > 0) {
    const text = parts.join(' AND ');
    const at = whereV?.node ?? activeV?.node ?? item.node;
    if (clustered) bag.error(Codes.filteredClustered, `index ${name} is clustered and filtered; SQL Server allows filters on nonclustered indexes only`, at);
    if (whereV?.kind === 'sql') {
      for (const problem of filterPredicateProblems(whereV.text, draft.key)) {
        bag.error(Codes.badFilter, `SQL Server refuses the filter of index ${name}: ${problem}`, whereV.node);
      }
    }
    filter = toExpression(text, draft.key, at, bag, 'filter');
  }
  const index = {
    name, isSystemNamed: false, ...renamedFromOption(draft, opts, bag), columns, include, unique: flag(opts, 'unique') ?? false, clustered, filter,
    ...keyStorage(opts, `index ${name}`, bag), source: refOf(item.node),
  };
  rememberOptions(draft, index, opts);
  draft.indexes.push(index);
  draft.origins.set(index, origin);
  if (whereV?.kind === 'sql') draft.expressionChecks.push({ text: whereV.text, node: whereV.node, what: `filter of index ${name}` });
}
