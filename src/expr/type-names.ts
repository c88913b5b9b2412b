/**
 * Data type names inside CAST / CONVERT: the multiword ISO synonyms T-SQL accepts and the
 * one name SQL Server stores for each (it prints CONVERT([varchar](max), ...) for
 * `character varying(max)`, sqlserver-catalog.md 2.1 rule 6).
 */
import { keywordKey } from '../sqlserver/names';
import type { TypeName } from './ast';

/** ISO / ODBC synonyms and the base type SQL Server resolves them to (T-SQL data type synonyms). */
const SYNONYMS: ReadonlyMap<string, string> = new Map([
  ['binary varying', 'varbinary'],
  ['character', 'char'],
  ['char varying', 'varchar'],
  ['character varying', 'varchar'],
  ['dec', 'decimal'],
  ['double precision', 'float'],
  ['integer', 'int'],
  ['national char', 'nchar'],
  ['national character', 'nchar'],
  ['national char varying', 'nvarchar'],
  ['national character varying', 'nvarchar'],
  ['nchar varying', 'nvarchar'],
  ['national text', 'ntext'],
  ['rowversion', 'timestamp'],
]);

/** Every multiword synonym, split into upper-case words, for the parser's greedy match. */
const MULTIWORD: readonly (readonly string[])[] = [...SYNONYMS.keys()]
  .filter((k) => k.includes(' '))
  .map((k) => k.toUpperCase().split(' '));

/**
 * Whether `words` (upper case) is a proper prefix of, or equal to, a multiword type synonym;
 * the parser keeps consuming words while this holds.
 */
export function continuesTypeName(words: readonly string[]): boolean {
  return MULTIWORD.some((m) => words.length <= m.length && words.every((w, i) => m[i] === w));
}

/** The comparison key of a type: base name lower-cased with synonyms resolved, then (args). */
export function typeKey(type: TypeName): string {
  const lowered = type.parts.map(keywordKey);
  let name: string;
  if (lowered.length === 1) {
    const single = lowered[0].replace(/\s+/g, ' ');
    name = SYNONYMS.get(single) ?? single;
  } else {
    name = lowered.map((p) => `[${p.replace(/]/g, ']]')}]`).join('.');
  }
  const args = type.args.map(keywordKey);
  return args.length === 0 ? name : `${name}(${args.join(',')})`;
}
