/**
 * One @Table class to a table draft: its class chain (mixins first, across files and levels),
 * then every column of the chain, then every table-level decorator of the chain.
 */
import type { ts } from 'ts-morph';
import { referencedColumns } from '../expr';
import { Codes } from './codes';
import { addColumn } from './build-columns';
import type { AliasTypes } from './alias-types';
import { addItem } from './build-items';
import type { DeclarationResolver } from './declarations';
import type { DiagnosticBag } from './diagnostics';
import type { Namer } from './names';
import type { ClassInfo, ClassReader } from './read-classes';
import type { NameKey } from '../sqlserver/names';
import type { SequenceResolver } from './sequences';
import type { TableDraft } from './table-draft';
import type { TableRenamedFrom } from './renamed-from';
import { settleStorage } from './storage-options';
import { settlePlacement } from './placement';
import { settleXmlSpatial } from './xml-spatial-indexes';

/**
 * The chain root-first, or null when the classes extend each other in a cycle (reported once per
 * cycle, at the class that closes it) or a base is not a @Mixin.
 */
export function classChain(info: ClassInfo, reader: ClassReader, bag: DiagnosticBag, reportedCycles: Set<ts.ClassDeclaration>): ClassInfo[] | null {
  const chain: ClassInfo[] = [info];
  const seen = new Set<ts.ClassDeclaration>([info.decl]);
  let current = info;
  while (current.baseExpr) {
    if (!current.base) {
      bag.error(Codes.notAMixin, `${current.name} extends ${current.baseExpr.getText()}, which is not a class; extend a @Mixin() class`, current.baseExpr);
      return null;
    }
    if (seen.has(current.base)) {
      const cycle = chain.slice(chain.findIndex((c) => c.decl === current.base));
      if (!cycle.some((c) => reportedCycles.has(c.decl))) {
        for (const c of cycle) reportedCycles.add(c.decl);
        const names = [...cycle.map((c) => c.name), cycle[0].name].join(' -> ');
        bag.error(Codes.mixinCycle, `mixin cycle: ${names}`, current.baseExpr);
      }
      return null;
    }
    const base = reader.read(current.base);
    if (base.role !== 'mixin') {
      const why = base.role === 'table' ? 'a @Table class' : 'not marked @Mixin()';
      bag.error(Codes.notAMixin, `${current.name} extends ${base.name}, which is ${why}; tables share columns through @Mixin() classes`, current.baseExpr);
      return null;
    }
    seen.add(base.decl);
    chain.push(base);
    current = base;
  }
  return chain.reverse();
}

/** Builds the draft of one table from its chain. */
export function buildTable(
  info: ClassInfo, chain: readonly ClassInfo[], schema: string, name: string, previous: TableRenamedFrom,
  namer: Namer, key: NameKey, resolver: DeclarationResolver, bag: DiagnosticBag, aliasTypes?: AliasTypes, sequences?: SequenceResolver,
): TableDraft {
  const draft: TableDraft = {
    info, chain, schema, name, renamedFrom: previous.renamedFrom, ...(previous.renamedFromSchema !== undefined ? { renamedFromSchema: previous.renamedFromSchema } : {}), namer, key, ...(sequences ? { sequences } : {}),
    columns: [], byField: new Map(), byName: new Map(),
    primaryKey: null, primaryKeyClusteringWritten: false,
    uniques: [], indexes: [], checks: [], defaults: [], foreignKeyDrafts: [], foreignKeys: [], connectionDrafts: [], edgeConstraints: [],
    origins: new Map(), optionNodes: new Map(), defaultNames: new Map(), expressionChecks: [],
  };
  for (const cls of chain) {
    for (const col of cls.columns) addColumn(draft, col, resolver, bag, aliasTypes);
    for (const field of cls.unmapped) {
      bag.error(Codes.unmappedField, `field ${field.name.getText()} has no column decorator, so it has no SQL Server mapping; add @Column.<type>(...)`, field.name);
    }
  }
  for (const cls of chain) for (const item of cls.items) addItem(draft, item, bag);
  settlePrimaryKeyClustering(draft);
  settlePlacement(draft, bag);
  settleStorage(draft, bag);
  settleXmlSpatial(draft, bag);
  orderChecks(draft);
  for (const e of draft.expressionChecks) {
    for (const col of referencedColumns(e.text, draft.key)) {
      if (!draft.byName.has(draft.key(col))) {
        bag.error(Codes.unknownColumn, `${e.what} refers to column ${col}, which table ${schema}.${name} does not have`, e.node);
      }
    }
  }
  return draft;
}

/**
 * Checks come from two passes (column unions, then decorators); put them in declaration order,
 * mixin members first: by declaring class in the chain, then by position in that class.
 */
function orderChecks(draft: TableDraft): void {
  const rank = new Map(draft.chain.map((c, i) => [c.decl, i]));
  const keyOf = (o: object): [number, number] => {
    let n: ts.Node | undefined = draft.origins.get(o)?.node;
    const pos = n?.getStart() ?? 0;
    while (n && !rank.has(n as ts.ClassDeclaration)) n = n.parent;
    return [n ? rank.get(n as ts.ClassDeclaration) ?? 0 : 0, pos];
  };
  const keyed = draft.checks.map((c) => ({ c, k: keyOf(c) }));
  keyed.sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1]);
  draft.checks.splice(0, draft.checks.length, ...keyed.map((x) => x.c));
}

/**
 * When the user did not say, a primary key is clustered as SQL Server would make it (clustered
 * unless another clustered index exists, so no Msg 1902), except on a uniqueidentifier: random
 * GUIDs must not be the clustered key (design rule 1).
 */
function settlePrimaryKeyClustering(draft: TableDraft): void {
  const pk = draft.primaryKey;
  if (!pk || draft.primaryKeyClusteringWritten || !pk.clustered) return;
  const otherClustered = draft.indexes.some((i) => i.clustered) || draft.uniques.some((u) => u.clustered);
  const onGuid = pk.columns.some((c) => draft.byName.get(draft.key(c.name))?.column.type.name === 'uniqueidentifier');
  if (otherClustered || onGuid) {
    const settled = { ...pk, clustered: false };
    const origin = draft.origins.get(pk);
    if (origin) draft.origins.set(settled, origin);
    draft.primaryKey = settled;
  }
}
