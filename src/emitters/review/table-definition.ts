import type { Table } from '../../model';
import type { NameKey } from '../../sqlserver/names';
import { sortedByName } from '../../util/compare';
import { renderChange } from '../tsql/render-change';

/**
 * A table's complete definition as T-SQL (CREATE TABLE with its inline constraints, then its
 * indexes, foreign keys and edge constraints), sorted so that two versions differ only where the table does.
 */
export function tableDefinition(table: Table | undefined, key: NameKey): string {
  if (table === undefined) return '';
  const ref = { schema: table.schema, name: table.name };
  const statements = [
    ...renderChange({ kind: 'createTable', table }, key),
    ...sortedByName(table.indexes).flatMap((index) => renderChange({ kind: 'createIndex', table: ref, index }, key)),
    ...sortedByName(table.foreignKeys).flatMap((constraint) => renderChange({ kind: 'addForeignKey', table: ref, constraint }, key)),
    ...sortedByName(table.edgeConstraints ?? []).flatMap((constraint) => renderChange({ kind: 'addEdgeConstraint', table: ref, constraint }, key)),
  ];
  return `${statements.join('\n')}\n`;
}
