import type { Table } from '../../model';
import { renderChange } from '../tsql/render-change';

/**
 * A table's complete definition as T-SQL (CREATE TABLE with its inline constraints, then its
 * indexes and foreign keys), sorted so that two versions differ only where the table does.
 */
export function tableDefinition(table: Table | undefined): string {
  if (table === undefined) return '';
  const ref = { schema: table.schema, name: table.name };
  const byName = <T extends { readonly name: string }>(items: readonly T[]): T[] =>
    [...items].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const statements = [
    ...renderChange({ kind: 'createTable', table }),
    ...byName(table.indexes).flatMap((index) => renderChange({ kind: 'createIndex', table: ref, index })),
    ...byName(table.foreignKeys).flatMap((constraint) => renderChange({ kind: 'addForeignKey', table: ref, constraint })),
  ];
  return `${statements.join('\n')}\n`;
}
