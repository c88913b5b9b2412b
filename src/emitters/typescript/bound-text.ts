/**
 * Line comments naming the default and rule bound to a column or alias type (CREATE DEFAULT +
 * sp_bindefault, CREATE RULE + sp_bindrule). Schema files cannot declare them (deprecated
 * features), so pull names them where a reader of the file looks, and says what to do: a
 * declared default replaces a bound one (the plan unbinds it). Line comments, never doc comments,
 * which the compiler reads as descriptions.
 */
import type { BoundObject } from '../../model';

/** The longest definition shown; longer ones are cut with an ellipsis. */
const SHOWN = 100;

/** The stored definition on one line (SQL Server keeps the text as written, line breaks included). */
function oneLine(definition: string | null): string {
  if (definition === null) return '';
  const text = definition.replace(/\s+/gu, ' ').trim();
  return `: ${text.length > SHOWN ? `${text.slice(0, SHOWN - 3)}...` : text}`;
}

/** The comment lines at `indent` for what is bound to `o`; none when nothing is. */
export function boundCommentLines(o: { readonly boundDefault?: BoundObject; readonly boundRule?: BoundObject }, indent: string): string[] {
  const lines: string[] = [];
  if (o.boundDefault !== undefined) {
    const d = o.boundDefault;
    lines.push(`${indent}// Bound default ${d.schema}.${d.name}${oneLine(d.definition)} (sp_bindefault; kept, not declared here: a default declared here replaces it)`);
  }
  if (o.boundRule !== undefined) {
    const r = o.boundRule;
    lines.push(`${indent}// Bound rule ${r.schema}.${r.name}${oneLine(r.definition)} (sp_bindrule; kept, not declared here)`);
  }
  return lines;
}
