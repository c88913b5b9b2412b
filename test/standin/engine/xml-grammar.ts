/**
 * Grammar-view rewrite for typed XML: the antlr grammar snapshot takes `xml` only without its
 * collection, though SQL Server's data type is "xml [ ( [ CONTENT | DOCUMENT ]
 * xml_schema_collection ) ]" (create-table-transact-sql.md). The grammar is shown plain `xml`; the
 * engine's own parser reads the collection.
 */
import type { RewriteTools } from './temporal-grammar';

/** Applies the typed-xml rewrite that starts at token i. */
export function xmlRewrites(i: number, r: RewriteTools): void {
  const { up, tokens } = r;
  if (up(i) !== 'XML' || up(i + 1) !== '(') return;
  // xml(CONTENT s.c), xml(DOCUMENT s.c) or xml(s.c): a name follows, never a number.
  const next = tokens[i + 2];
  if (next === undefined || (next.kind !== 'word' && next.kind !== 'qid')) return;
  r.blankGroup(i + 1);
}
