/**
 * Pull of user alias types: one file declaring each as `export const Email =
 * AliasType.nvarchar(320)` (name, schema and nullability written only where they differ from
 * what the compiler assumes), and the const each column of the type names in `@Column.alias(...)`.
 */
import { boundCommentLines } from './bound-text';
import type { AliasTypeDef, Database, SqlType } from '../../model';
import { isSystemAlias } from '../../sqlserver/types';
import { nameKeyFor, type NameKey } from '../../sqlserver/names';
import { facets } from './column-text';
import { NameSpace, pascalCase, tsString } from './naming';

/** The const that declares one alias type, and the type. */
export interface AliasConst {
  readonly constName: string;
  readonly def: AliasTypeDef;
}

/** Finds the declared const of a column's alias type (undefined for system types and sysname). */
export type AliasLookup = (type: SqlType) => AliasConst | undefined;

/** The file (without .schema.ts) that declares the alias types. */
export const ALIAS_TYPES_FILE_BASE = 'alias-types';

/** Names a const per alias type of `db`, claimed in `names` (so no class takes it). */
export function aliasConsts(db: Database, names: NameSpace): { list: AliasConst[]; lookup: AliasLookup } {
  const key: NameKey = nameKeyFor(db.collation);
  const list = (db.aliasTypes ?? []).map((def): AliasConst => {
    const plain = /^[A-Za-z_$][\w$]*$/.test(def.name) ? def.name : pascalCase(def.name);
    const constName = def.schema === 'dbo' ? names.claim(plain, `${plain}Type`) : names.claim(`${pascalCase(def.schema)}${pascalCase(def.name)}`, `${plain}Type`);
    return { constName, def };
  });
  const byKey = new Map(list.map((a) => [`${key(a.def.schema)}.${key(a.def.name)}`, a]));
  return {
    list,
    lookup: (type) => (type.alias === undefined || isSystemAlias(type.alias) ? undefined : byKey.get(`${key(type.alias.schema)}.${key(type.alias.name)}`)),
  };
}

/** The text of the alias types file. */
export function aliasTypesFile(list: readonly AliasConst[], databaseName: string | null): string {
  const lines = [`/** Alias types (CREATE TYPE ... FROM), as schemac pull read them${databaseName !== null ? ` from database ${databaseName}` : ''}. */`, "import { AliasType } from 'schemac';", ''];
  for (const { constName, def } of list) {
    const opts: string[] = [];
    if (constName !== def.name) opts.push(`name: ${tsString(def.name)}`);
    if (def.schema !== 'dbo') opts.push(`schema: ${tsString(def.schema)}`);
    if (def.nullable) opts.push('nullable: true');
    const args = [...facets(def.base), ...(opts.length > 0 ? [`{ ${opts.join(', ')} }`] : [])];
    lines.push(...boundCommentLines(def, ''), `export const ${constName} = AliasType.${def.base.name}(${args.join(', ')});`);
  }
  return `${lines.join('\n')}\n`;
}
