/**
 * sys.synonyms rows (the optional `synonyms` array) as the model's Synonym list, each base
 * object name split into its parts. base_object_name is "fully quoted": `[db].[dbo].[orders]`,
 * or fewer parts when fewer were written.
 * https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-synonyms-transact-sql
 */
import type { Synonym } from '../model';
import type { SynonymRow } from './snapshot-types';

/** The parts of a multipart name: `[a]]b].c` is ['a]b', 'c']; quoted parts keep their dots. */
export function nameParts(text: string): string[] {
  const parts: string[] = [];
  let i = 0;
  let current = '';
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === '[' || ch === '"') {
      const close = ch === '[' ? ']' : '"';
      i++;
      while (i < text.length) {
        if (text[i] === close && text[i + 1] === close) { current += close; i += 2; continue; }
        if (text[i] === close) { i++; break; }
        current += text[i];
        i++;
      }
    } else if (ch === '.') {
      parts.push(current.trim());
      current = '';
      i++;
    } else {
      current += ch;
      i++;
    }
  }
  parts.push(current.trim());
  return parts;
}

/** The synonyms of a snapshot, outside the schemas `skip` leaves out. */
export function readSynonyms(rows: readonly SynonymRow[], skip: (schema: string) => boolean): Synonym[] {
  return rows.filter((r) => !skip(r.schema_name)).map((r): Synonym => {
    const parts = nameParts(r.base_object_name);
    const at = (fromEnd: number): string | null => {
      const p = parts[parts.length - fromEnd];
      return p === undefined || p === '' ? null : p;
    };
    return {
      schema: r.schema_name, name: r.name, baseObject: r.base_object_name,
      base: { server: at(4), database: at(3), schema: at(2), name: at(1) ?? '' },
    };
  });
}
