/**
 * Placement: the `on` option of @Table, @Index, @PrimaryKey, @Unique and a column's primaryKey,
 * settled as SQL Server places things (src/sqlserver/data-spaces.ts): the table's rows live
 * where its clustered index or key is (the one that says so decides when @Table does not), and
 * a nonclustered index or key without `on` lives where the table does.
 */
import type { DataSpace, Index, KeyConstraint } from '../model';
import { DEFAULT_FILEGROUP, sameDataSpace, uniquePartitionProblem } from '../sqlserver/data-spaces';
import { Codes } from './codes';
import type { DiagnosticBag } from './diagnostics';
import type { StaticValue } from './static-value';
import { resolveKeyColumn, type TableDraft } from './table-draft';

/** `'FG_DATA'` or `{ partitionScheme: 'ps', column: 'createdAt' }` (the column a field of the table). */
function readPlacement(draft: TableDraft, v: StaticValue, bag: DiagnosticBag): DataSpace | undefined {
  // "default" is SQL Server's word for the default filegroup (ON "default"); read as PRIMARY, which
  // diff() leaves out when it is the database's default.
  if (v.kind === 'string' && v.value.toLowerCase() === 'default') return { kind: 'filegroup', name: DEFAULT_FILEGROUP };
  if (v.kind === 'string' && v.value !== '') return { kind: 'filegroup', name: v.value };
  const scheme = v.kind === 'object' ? v.props.get('partitionScheme') : undefined;
  const column = v.kind === 'object' ? v.props.get('column') : undefined;
  if (scheme?.kind !== 'string' || scheme.value === '' || column === undefined) {
    bag.error(Codes.placement, "on must be a filegroup name or { partitionScheme: 'name', column: 'field' }", v.node);
    return undefined;
  }
  const col = resolveKeyColumn(draft, column, bag, false);
  return col === null ? undefined : { kind: 'partitionScheme', name: scheme.value, column: col.name };
}

/** Sets the table's placement and every index's and key's (call before settleStorage). */
export function settlePlacement(draft: TableDraft, bag: DiagnosticBag): void {
  const tableOn = draft.info.tableArgs[1]?.kind === 'object' ? draft.info.tableArgs[1].props.get('on') : undefined;
  const written = new Map<string, DataSpace>();
  for (const [name, v] of draft.placements ?? []) {
    const d = readPlacement(draft, v, bag);
    if (d !== undefined) written.set(name, d);
  }
  let table = tableOn !== undefined ? readPlacement(draft, tableOn, bag) : undefined;
  const own = (o: Index | KeyConstraint) => written.get(draft.key(o.name));
  const clustered = [...draft.indexes, ...draft.uniques, ...(draft.primaryKey ? [draft.primaryKey] : [])].find((o) => o.clustered);
  if (clustered !== undefined && own(clustered) !== undefined) {
    const c = own(clustered) as DataSpace;
    // CREATE TABLE: when a clustered constraint and the table name different places, "only the
    // constraint definition will be honored" (create-table-transact-sql): refuse the ambiguity.
    if (table !== undefined && !sameDataSpace(table, c, draft.key)) {
      bag.error(Codes.placement, `clustered ${clustered.name} holds the table's rows: its on must match @Table's (or be left out)`, (draft.placements?.get(draft.key(clustered.name)) ?? tableOn)?.node ?? draft.info.roleNode);
    }
    table ??= c;
  }
  if (table === undefined && written.size === 0) return;
  draft.dataSpace = table;
  const place = <T extends Index | KeyConstraint>(o: T): T => {
    // XML and spatial indexes take no `on` (xml-spatial-indexes.ts): they live with the table.
    if ('columns' in o && ((o as Index).xml !== undefined || (o as Index).spatial !== undefined)) return o;
    const d = o.clustered ? table : own(o) ?? table;
    if (d === undefined) return o;
    const placed = { ...o, dataSpace: d };
    const origin = draft.origins.get(o);
    if (origin) draft.origins.set(placed, origin);
    const nodes = draft.optionNodes.get(o);
    if (nodes) draft.optionNodes.set(placed, nodes);
    return placed;
  };
  draft.indexes.splice(0, draft.indexes.length, ...draft.indexes.map(place));
  draft.uniques.splice(0, draft.uniques.length, ...draft.uniques.map(place));
  if (draft.primaryKey) draft.primaryKey = place(draft.primaryKey);
  for (const o of [...draft.indexes.filter((i) => i.unique), ...draft.uniques, ...(draft.primaryKey ? [draft.primaryKey] : [])]) {
    const problem = uniquePartitionProblem(o.name, o.columns.map((c) => c.name), o.dataSpace, draft.key);
    if (problem !== null) bag.error(Codes.placement, problem, (draft.placements?.get(draft.key(o.name)) ?? tableOn)?.node ?? draft.origins.get(o)?.node ?? draft.info.roleNode);
  }
}
