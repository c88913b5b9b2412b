/** Naming conventions: field names to column names, name templates, generated object names. */
import { boundedMemo } from '../util/bounded-memo';

/** Result of expanding a name template; `unknown` lists placeholders that are not known. */
export interface Expanded {
  readonly name: string;
  readonly unknown: readonly string[];
}

// A declared name cut at its placeholders, by text: a mixin's index names are expanded once per
// table that inherits them, and the cut is the same every time. Bounded, so that a long-lived
// process does not keep every name it has compiled. split with a capturing group: literal text
// and placeholder names alternate, text first.
const declaredParts = boundedMemo((template): readonly string[] => template.split(/\{([^{}]*)\}/));

/** Expands `{table}` and `{schema}` in a declared name, e.g. ix_{table}_active. */
export function expandTemplate(template: string, table: string, schema: string): Expanded {
  const parts = declaredParts(template);
  const unknown: string[] = [];
  let name = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const key = parts[i];
    if (key === 'table') name += table;
    else if (key === 'schema') name += schema;
    else {
      unknown.push(`{${key}}`);
      name += `{${key}}`;
    }
    name += parts[i + 1];
  }
  return { name, unknown };
}

/** Kinds of generated name a project may template (the keys of schemac.config.json "naming"). */
export type NamingKind = 'pk' | 'fk' | 'ck' | 'df' | 'uq' | 'ix';

/** Project name templates; placeholders {schema}, {table}, {columns} (the columns joined by _). */
export type NamingTemplates = Readonly<Partial<Record<NamingKind, string>>>;

/** Kinds the compiler generates names for: indexes are always named in the schema, so `ix` never applies. */
export type GeneratedKind = Exclude<NamingKind, 'ix'>;

/** The built-in conventions (design rule 2); for df and ck, {columns} is the one column. */
export const builtInTemplates: Readonly<Record<GeneratedKind, string>> = {
  pk: 'pk_{table}',
  fk: 'fk_{table}_{columns}',
  ck: 'ck_{table}_{columns}',
  df: 'df_{table}_{columns}',
  uq: 'uq_{table}_{columns}',
};

/** Placeholders a naming template may hold (exactly what src/config/spec.ts validates). */
const templatePlaceholders = new Set(['schema', 'table', 'columns']);

/** Placeholders of `template` that a naming template may not hold, e.g. `{column}`. */
export function unknownTemplatePlaceholders(template: string): string[] {
  return [...template.matchAll(/\{([^{}]*)\}/g)].filter((m) => !templatePlaceholders.has(m[1])).map((m) => m[0]);
}

/** Makes the generated names of one compile run (never left to SQL Server, design rule 2). */
export class Namer {
  /** Each kind's template cut at its placeholders once (text and placeholder names alternate), not matched again per name. */
  private readonly parts: Readonly<Record<GeneratedKind, readonly string[]>>;

  /** `templates` must hold only known placeholders (see unknownTemplatePlaceholders). */
  constructor(templates: NamingTemplates = {}) {
    const all: Record<GeneratedKind, string> = { ...builtInTemplates, ...withoutIx(templates) };
    const cut = (t: string): readonly string[] => t.split(/\{(schema|table|columns)\}/);
    this.parts = { pk: cut(all.pk), fk: cut(all.fk), ck: cut(all.ck), df: cut(all.df), uq: cut(all.uq) };
  }

  /** The name of a `kind` object of schema.table on `columns`. */
  name(kind: GeneratedKind, table: string, schema: string, columns: readonly string[]): string {
    // Placeholders are filled from the cut template, so a table or column name that itself contains "{table}" is not expanded again.
    const parts = this.parts[kind];
    let out = parts[0];
    for (let i = 1; i < parts.length; i += 2) {
      const key = parts[i];
      out += (key === 'schema' ? schema : key === 'table' ? table : columns.join('_')) + parts[i + 1];
    }
    return out;
  }
}

/** The templates set for generated kinds; `ix` and unset keys are left out. */
function withoutIx(templates: NamingTemplates): Partial<Record<GeneratedKind, string>> {
  const out: Partial<Record<GeneratedKind, string>> = {};
  for (const kind of Object.keys(builtInTemplates) as GeneratedKind[]) {
    const t = templates[kind];
    if (t !== undefined) out[kind] = t;
  }
  return out;
}
