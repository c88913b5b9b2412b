/**
 * Column names in the stored form come from the table, not from the text: SQL Server keeps a
 * definition bound to the columns it names (sp_rename of a column rewrites the definitions that
 * use it), so CHECK (AMOUNT > 0) on a column created as `amount` reads back ([amount]>(0)).
 * Inferred from that documented rename behaviour; no public sample shows the case change.
 */
import { Node } from './ast';
import { StoredFormError } from './errors';
import { mapTree } from './walk';

/** The table's spelling of a written column name, or undefined when there is no such column. */
export type ColumnResolver = (written: string) => string | undefined;

/** Replaces every column's last name part with the table's spelling; error 207 if unknown. */
export function resolveColumns(root: Node, resolve: ColumnResolver): Node {
  return mapTree(root, (node) => {
    if (node.kind !== 'column') return node;
    const written = node.parts[node.parts.length - 1];
    const actual = resolve(written);
    if (actual === undefined) throw new StoredFormError(207, written, 0, 'the table has no such column');
    return { kind: 'column', parts: [...node.parts.slice(0, -1), actual] };
  });
}
