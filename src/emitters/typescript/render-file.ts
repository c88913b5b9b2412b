/** Writes one schema file: a table class or a mixin class, with its imports and union types. */
import type { ColumnView } from './table-view';
import type { TableItem } from './table-items';
import { docCommentLines } from './doc-text';
import { boundCommentLines } from './bound-text';
import { kebabCase, NameSpace, pascalCase, tsString } from './naming';

/** What a file holds; `decorators` come first, `Table`/`Mixin` among them. */
export interface FileContent {
  readonly doc: string;
  /** The table's description, written as the class's doc comment (tables only). */
  readonly description?: string;
  /** Line comments above the class (and its doc comment): what the file cannot declare, e.g. security policies. */
  readonly notes?: readonly string[];
  readonly classDecorator: { readonly text: string; readonly uses: string };
  readonly className: string;
  readonly abstract: boolean;
  readonly parent: string | null;
  readonly columns: readonly ColumnView[];
  readonly items: readonly TableItem[];
  /** The file (without .schema.ts) that declares the alias types the columns name. */
  readonly aliasFile?: string;
  /** The file (without .schema.ts) that declares the sequences the columns' defaults name. */
  readonly sequenceFile?: string;
  /** The file name (without .schema.ts) of each class this file imports. */
  readonly fileOf: (className: string) => string;
  readonly names: NameSpace;
  readonly problems: string[];
}

/** The file's text. */
export function renderFile(c: FileContent): string {
  const uses = new Set<string>([c.classDecorator.uses]);
  const imports = new Set<string>();
  if (c.parent) imports.add(c.parent);
  const types: string[] = [];
  const fields: string[] = [];
  const aliasConsts = new Set<string>();
  const sequenceConsts = new Set<string>();
  for (const col of c.columns) {
    let unionType: string | null = null;
    if (col.unionValues) {
      unionType = c.names.claim(`${c.className}${pascalCase(col.column.name)}`, `${c.className}${pascalCase(col.column.name)}Value`);
      types.push(`/** Allowed values of ${col.column.name}: its CHECK constraint, derived by the compiler. */`);
      types.push(`export type ${unionType} = ${col.unionValues.map(tsString).join(' | ')};`);
      types.push('');
    }
    const text = col.text(unionType);
    if (text.problem) c.problems.push(text.problem);
    uses.add('Column');
    if (text.usesSql) uses.add('sql');
    if (text.aliasConst !== undefined) aliasConsts.add(text.aliasConst);
    if (text.sequenceConst !== undefined) { sequenceConsts.add(text.sequenceConst); uses.add('nextValueFor'); }
    fields.push(...docCommentLines(col.column.description, '  '), ...boundCommentLines(col.column, '  '), `  ${text.decorator}`, `  ${text.field}`, '');
  }
  for (const i of c.items) {
    for (const u of i.uses) uses.add(u);
    for (const target of i.targets) if (target !== c.className) imports.add(target);
  }
  const lines: string[] = [`/** ${c.doc} */`];
  lines.push(`import { ${[...uses].sort().join(', ')} } from 'schemac';`);
  for (const cls of [...imports].sort((a, b) => cmp(c.fileOf(a), c.fileOf(b)))) {
    lines.push(`import { ${cls} } from './${c.fileOf(cls)}.schema';`);
  }
  if (aliasConsts.size > 0) lines.push(`import { ${[...aliasConsts].sort().join(', ')} } from './${c.aliasFile ?? 'alias-types'}.schema';`);
  if (sequenceConsts.size > 0) lines.push(`import { ${[...sequenceConsts].sort().join(', ')} } from './${c.sequenceFile ?? 'sequences'}.schema';`);
  lines.push('');
  lines.push(...types);
  lines.push(...(c.notes ?? []));
  lines.push(...docCommentLines(c.description, ''));
  lines.push(c.classDecorator.text);
  for (const i of c.items) lines.push(i.text(i.template !== null && c.abstract ? i.template : i.name));
  const head = `export ${c.abstract ? 'abstract ' : ''}class ${c.className}${c.parent ? ` extends ${c.parent}` : ''}`;
  if (fields.length === 0) lines.push(`${head} {}`);
  else lines.push(`${head} {`, ...fields.slice(0, -1), '}');
  return `${lines.join('\n')}\n`;
}

/** The file name of a mixin class. */
export function mixinFileBase(className: string): string {
  return kebabCase(className);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
