/**
 * Checks on finished table drafts: one clustered index per table, key widths, identifier
 * lengths and name collisions (index names per table; constraint and table names per schema,
 * where SQL Server keeps them as objects in one namespace).
 */
import type { ts } from 'ts-morph';
import type { IndexColumn, NamedObject } from '../model';
import { Codes } from './codes';
import { keyBytes, maxKeyBytes } from '../sqlserver/key-bytes';
import { MAX_IDENTIFIER_LENGTH, type NameKey } from '../sqlserver/names';
import { notIncludableReason, notIndexableReason, typeText } from '../sqlserver/types';
import type { DiagnosticBag } from './diagnostics';
import { refOf } from './source-ref';
import type { Origin, TableDraft } from './table-draft';

/** A name that must be unique within some scope. */
export interface NameEntry {
  readonly name: string;
  readonly owner: string;
  readonly origin: Origin;
  /** Only collisions involving at least one index are reported per table (others per schema). */
  readonly isIndex: boolean;
}

function label(e: NameEntry): string {
  return `${e.origin.what} ${e.name} of ${e.owner}`;
}

/** Reports the second and later holders of a name in one scope. */
export function reportCollisions(entries: readonly NameEntry[], key: NameKey, bag: DiagnosticBag, onlyWithIndex: boolean): void {
  const first = new Map<string, NameEntry>();
  for (const e of entries) {
    const k = key(e.name);
    const prior = first.get(k);
    if (!prior) {
      first.set(k, e);
      continue;
    }
    if (onlyWithIndex && !prior.isIndex && !e.isIndex) continue;
    const where = refOf(prior.origin.nameNode ?? prior.origin.node);
    const at = `${where.file}:${where.line}:${where.column}`;
    if (prior.origin.generated && e.origin.generated) {
      bag.error(Codes.generatedNameCollision, `generated name of ${label(e)} collides with ${label(prior)} (${at}); give one of them an explicit name`, e.origin.node);
    } else {
      bag.error(Codes.duplicateName, `name ${e.name} is declared twice: ${label(e)} and ${label(prior)} (${at})`, e.origin.nameNode ?? e.origin.node);
    }
  }
}

/** Named objects of a draft, in model order, for the scope checks. */
export function namedEntries(d: TableDraft): { indexScope: NameEntry[]; objectScope: NameEntry[] } {
  const owner = `table ${d.schema}.${d.name}`;
  const entry = (o: NamedObject, isIndex: boolean): NameEntry | null => {
    const origin = d.origins.get(o);
    return origin ? { name: o.name, owner, origin, isIndex } : null;
  };
  const keys = [d.primaryKey, ...d.uniques].filter((k): k is NonNullable<typeof k> => k !== null);
  const indexScope = [...keys.map((k) => entry(k, false)), ...d.indexes.map((i) => entry(i, true))];
  const objectScope = [...keys, ...d.checks, ...d.defaults, ...d.foreignKeys, ...d.edgeConstraints].map((o) => entry(o, false));
  return {
    indexScope: indexScope.filter((e): e is NameEntry => e !== null),
    objectScope: objectScope.filter((e): e is NameEntry => e !== null),
  };
}

/** Identifier length of every name a table declares or generates; `entries` are namedEntries(d), which the caller has already made. */
export function checkNameLengths(d: TableDraft, tableNode: ts.Node, entries: ReturnType<typeof namedEntries>, bag: DiagnosticBag): void {
  if (d.name.length > MAX_IDENTIFIER_LENGTH) bag.error(Codes.identifierTooLong, `table name ${d.name} is ${d.name.length} characters; SQL Server allows ${MAX_IDENTIFIER_LENGTH}`, tableNode);
  for (const c of d.columns) {
    if (c.column.name.length > MAX_IDENTIFIER_LENGTH) bag.error(Codes.identifierTooLong, `column name ${c.column.name} is ${c.column.name.length} characters; SQL Server allows ${MAX_IDENTIFIER_LENGTH}`, c.node);
  }
  const { indexScope, objectScope } = entries;
  const seen = new Set<Origin>();
  for (const e of [...indexScope, ...objectScope]) {
    if (e.name.length <= MAX_IDENTIFIER_LENGTH || seen.has(e.origin)) continue;
    seen.add(e.origin);
    if (e.origin.generated) {
      bag.error(Codes.generatedNameTooLong, `generated name ${e.name} of ${e.origin.what} on ${e.owner} is ${e.name.length} characters (limit ${MAX_IDENTIFIER_LENGTH}); give it an explicit name`, e.origin.node);
    } else {
      bag.error(Codes.identifierTooLong, `${e.origin.what} name ${e.name} is ${e.name.length} characters; SQL Server allows ${MAX_IDENTIFIER_LENGTH}`, e.origin.nameNode ?? e.origin.node);
    }
  }
}

/** At most one clustered index (design rule 6); a clustered primary key or unique key counts. */
export function checkClustered(d: TableDraft, bag: DiagnosticBag): void {
  const clustered = [d.primaryKey, ...d.uniques, ...d.indexes].filter((o) => o?.clustered);
  const firstObject = clustered[0];
  for (const o of clustered.slice(1)) {
    const origin = o ? d.origins.get(o) : undefined;
    if (!o || !firstObject || !origin) continue;
    bag.error(Codes.twoClustered, `table ${d.schema}.${d.name} already has clustered ${d.origins.get(firstObject)?.what ?? 'index'} ${firstObject.name}; ${origin.what} ${o.name} must be nonclustered`, origin.node);
  }
}

/** Key width limits (900 bytes clustered, 1,700 nonclustered) and LOB key columns (design rule 10). */
export function checkKeyWidths(d: TableDraft, bag: DiagnosticBag): void {
  const keyed: { name: string; columns: readonly IndexColumn[]; clustered: boolean }[] = [
    // A columnstore index has no key (its types are checked in storage-options.ts).
    // Nor has an XML or spatial index a key of its own column (checked in xml-spatial-indexes.ts).
    ...(d.primaryKey ? [d.primaryKey] : []), ...d.uniques, ...d.indexes.filter((i) => i.columnstore !== true && i.xml === undefined && i.spatial === undefined),
  ];
  for (const k of keyed) {
    const origin = d.origins.get(k);
    if (!origin) continue;
    let total = 0;
    for (const c of k.columns) {
      const col = d.byName.get(d.key(c.name));
      if (!col) continue;
      const notKey = notIndexableReason(col.column.type);
      const bytes = keyBytes(col.column.type);
      if (notKey !== null || bytes === null) {
        bag.error(Codes.lobKey, `${origin.what} ${k.name}: column ${c.name} cannot be a key column: ${notKey ?? `${typeText(col.column.type)} has no key size`}`, origin.node);
      } else total += bytes;
    }
    for (const name of 'include' in k ? (k as { include: readonly string[] }).include : []) {
      const col = d.byName.get(d.key(name));
      const notIncluded = col ? notIncludableReason(col.column.type) : null;
      if (notIncluded !== null) bag.error(Codes.lobKey, `${origin.what} ${k.name}: column ${name} cannot be included: ${notIncluded}`, origin.node);
    }
    const limit = maxKeyBytes(k.clustered);
    if (total > limit) {
      bag.warning(Codes.keyTooWide, `${origin.what} ${k.name} has a key of up to ${total} bytes; SQL Server refuses rows whose key exceeds ${limit} bytes (${k.clustered ? 'clustered' : 'nonclustered'})`, origin.node);
    }
  }
}
