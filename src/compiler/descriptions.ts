/**
 * Descriptions from doc comments: a @Table class's comment describes the table, a column
 * field's comment its column (a mixin's field describes that column in every table that
 * inherits it). Each becomes the MS_Description extended property.
 */
import type { ts } from 'ts-morph';
import type { Column, Table } from '../model';
import { descriptionBytes, MAX_EXTENDED_PROPERTY_BYTES } from '../sqlserver/descriptions';
import { Codes } from './codes';
import type { DiagnosticBag } from './diagnostics';
import { docCommentOf } from './doc-comment';
import { refAt } from './source-ref';
import type { TableDraft } from './table-draft';

/** The table with the descriptions its class and fields document; over-long ones are reported and left out. */
export function withDescriptions(draft: TableDraft, table: Table, bag: DiagnosticBag): Table {
  const tableText = checked(draft.info.decl, 'the table description', bag);
  const declOf = new Map(draft.columns.map((c) => [c.column, c.node.parent] as const));
  const columns = table.columns.map((column): Column => {
    const decl = declOf.get(column);
    const text = decl === undefined ? null : checked(decl, `the description of column ${column.name}`, bag);
    return text === null ? column : { ...column, description: text };
  });
  return { ...table, columns, ...(tableText !== null ? { description: tableText } : {}) };
}

/** The comment's text, or null (none, or reported as too long for an extended property). */
function checked(node: ts.Node, what: string, bag: DiagnosticBag): string | null {
  const doc = docCommentOf(node);
  if (doc === null) return null;
  const bytes = descriptionBytes(doc.text);
  if (bytes > MAX_EXTENDED_PROPERTY_BYTES) {
    bag.error(Codes.descriptionTooLong,
      `${what} is ${bytes} bytes as nvarchar (${doc.text.length} characters); SQL Server keeps at most ${MAX_EXTENDED_PROPERTY_BYTES} bytes in an extended property (Msg 15097): shorten the doc comment`,
      refAt(node.getSourceFile(), doc.pos));
    return null;
  }
  return doc.text;
}
