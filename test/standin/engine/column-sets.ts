/**
 * Sparse column sets: `cs xml COLUMN_SET FOR ALL_SPARSE_COLUMNS`, an untyped xml column that reads
 * and writes the table's sparse columns as one XML fragment
 * (https://learn.microsoft.com/sql/relational-databases/tables/use-column-sets):
 * - its value is one element per sparse column that is not NULL, `<Attr1>x</Attr1><Attr2>5</Attr2>`,
 *   in column order, or NULL when all are NULL;
 * - `SELECT *` returns the column set "instead of the individual sparse columns" (they are still
 *   selectable by name), and an INSERT without a column list fills it rather than them;
 * - writing it sets every sparse column: those it names to their values, the others to NULL;
 * - a table has at most one; it is xml; it cannot be added to a table that already has sparse
 *   columns ("You can't add a column set to a table that already contains sparse columns").
 * sys.columns.is_column_set is 1 for it. Error numbers and wording are inferred where the page
 * names none; binary values are written as base64 there, inferred from how FOR XML writes them.
 */
import type { Column, Row, Table, Value } from './catalog';
import { SqlError } from './errors';
import { convert, toText } from './values';

/** The table's column set, if it has one. */
export function columnSetOf(t: Table): Column | undefined {
  return t.columns.find((c) => c.columnSet === true);
}

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const unescapeXml = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

function xmlText(v: Value): string {
  if (v instanceof Uint8Array) return Buffer.from(v).toString('base64');
  if (v instanceof Date) return v.toISOString().replace('Z', '');
  if (typeof v === 'boolean') return v ? '1' : '0';
  return escapeXml(String(v));
}

/** The column set's value for a stored row. */
export function columnSetValue(t: Table, row: Row): Value {
  const parts = t.columns.filter((c) => c.sparse === true && (row[c.columnId] ?? null) !== null)
    .map((c) => `<${c.name}>${xmlText(row[c.columnId] ?? null)}</${c.name}>`);
  return parts.length === 0 ? null : parts.join('');
}

/** Writes `xml` through the column set into the row's sparse columns (all of them: unnamed ones become NULL). */
export function writeColumnSet(t: Table, row: Row, xml: Value): void {
  const sparse = t.columns.filter((c) => c.sparse === true);
  for (const c of sparse) row[c.columnId] = null;
  if (xml === null) return;
  const text = toText(xml).trim();
  const element = /<([A-Za-z_][\w.-]*)\s*(?:\/>|>([\s\S]*?)<\/\1\s*>)/y;
  let at = 0;
  while (at < text.length) {
    element.lastIndex = at;
    const m = element.exec(text);
    if (m === null) throw new SqlError(9400, 16, 1, `XML parsing: line 1, character ${at + 1}, unexpected input in the column set value of table '${t.name}'`);
    const name = m[1] ?? '';
    const col = sparse.find((c) => c.name.toLowerCase() === name.toLowerCase());
    if (col === undefined) throw new SqlError(9400, 16, 1, `'${name}' in the column set value is not a sparse column of table '${t.name}'.`);
    const inner = m[2] === undefined ? '' : unescapeXml(m[2]);
    row[col.columnId] = convert(col.type.name === 'varbinary' || col.type.name === 'binary' ? new Uint8Array(Buffer.from(inner, 'base64')) : inner, col.type);
    at = element.lastIndex;
    while (at < text.length && /\s/.test(text[at] ?? '')) at++;
  }
}

/** Refuses a column set SQL Server refuses, `adding` it to an existing table or creating it with the table. */
export function checkColumnSet(t: Table, col: Column, adding: boolean): void {
  if (col.type.name !== 'xml' || col.xml !== undefined || !col.nullable) {
    throw new SqlError(1732, 16, 1, `Cannot create the sparse column set '${col.name}' in the table '${t.name}' because a sparse column set must be a nullable xml column.`);
  }
  if (t.columns.some((c) => c !== col && c.columnSet === true)) {
    throw new SqlError(1734, 16, 1, `Cannot create the sparse column set '${col.name}' in the table '${t.name}' because a table cannot have more than one sparse column set.`);
  }
  if (adding && t.columns.some((c) => c.sparse === true)) {
    throw new SqlError(1734, 16, 1, `Cannot create the sparse column set '${col.name}' in the table '${t.name}' because a sparse column set cannot be added to a table that already contains sparse columns.`);
  }
}

/** Refuses naming both the column set and one of its sparse columns in one INSERT or UPDATE (Msg 360, wording inferred). */
export function checkColumnSetTargets(t: Table, cols: readonly Column[]): void {
  if (cols.some((c) => c.columnSet === true) && cols.some((c) => c.sparse === true)) {
    throw new SqlError(360, 16, 1, 'The target column list of an INSERT, UPDATE, or MERGE statement cannot contain both a sparse column and the column set that contains the sparse column. Rewrite the statement to include either the sparse column or the column set, but not both.');
  }
}
