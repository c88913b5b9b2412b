/**
 * Alias type declarations (`export const Email = AliasType.nvarchar(320, { nullable: false })`),
 * read from the syntax of every parsed user file, and the columns that use them
 * (`@Column.alias(Email)`), followed to their declaration by path (declarations.ts).
 *
 * SQL Server's rules (https://learn.microsoft.com/sql/t-sql/statements/create-type-transact-sql):
 * the base type is one of the system types listed there (not xml, rowversion, hierarchyid,
 * geography or geometry) and never itself an alias (sysname included); NULL is the type's default
 * nullability there, while schemac's columns are NOT NULL unless said, so the declaration's
 * `nullable` (default false) is written out in CREATE TYPE. A column may override it: its own
 * NULL / NOT NULL wins, as in SQL Server.
 */
import ts = require('./typescript');
import type { AliasTypeDef, SqlTypeName } from '../model';
import { MAX_IDENTIFIER_LENGTH, type NameKey } from '../sqlserver/names';
import { isSqlTypeName } from '../sqlserver/types';
import { Codes } from './codes';
import { resolveType } from './column-types';
import type { DeclarationResolver } from './declarations';
import type { DiagnosticBag } from './diagnostics';
import { apiImports, apiName } from './read-classes';
import { refOf } from './source-ref';
import { readValue, type StaticValue } from './static-value';

/** Base types CREATE TYPE refuses, and why. */
const REFUSED: Readonly<Partial<Record<SqlTypeName, string>>> = {
  xml: 'xml is not a base type CREATE TYPE accepts',
  rowversion: 'rowversion (timestamp) is not a base type CREATE TYPE accepts',
  hierarchyid: 'hierarchyid is a CLR type, not a base type CREATE TYPE accepts',
  geography: 'geography is a CLR type, not a base type CREATE TYPE accepts',
  geometry: 'geometry is a CLR type, not a base type CREATE TYPE accepts',
};

/** The alias types a compile declares, by their `const` declaration. */
export class AliasTypes {
  private readonly byDecl = new Map<ts.VariableDeclaration, AliasTypeDef>();
  private readonly list: AliasTypeDef[] = [];

  /** Every declared alias type, in declaration order. */
  all(): readonly AliasTypeDef[] {
    return this.list;
  }

  /** Reads every top-level `const X = AliasType.<base>(...)` of `files`, reporting bad ones. */
  collect(files: readonly ts.SourceFile[], defaultSchema: string, key: NameKey, resolver: DeclarationResolver, bag: DiagnosticBag): void {
    const seen = new Map<string, ts.Node>();
    for (const sf of files) {
      const imports = apiImports(sf);
      const sqlNames = new Set([...imports.named].filter(([, exported]) => exported === 'sql').map(([local]) => local));
      for (const st of sf.statements) {
        if (!ts.isVariableStatement(st) || !(st.declarationList.flags & ts.NodeFlags.Const)) continue;
        for (const d of st.declarationList.declarations) {
          const init = d.initializer;
          if (!ts.isIdentifier(d.name) || init === undefined || !ts.isCallExpression(init) || !ts.isPropertyAccessExpression(init.expression)) continue;
          if (apiName(init.expression.expression, imports) !== 'AliasType') continue;
          const args = init.arguments.map((a) => readValue(a, { resolver, sqlNames }));
          const def = this.read(d.name.text, init.expression.name.text, init.expression.name, args, defaultSchema, d.name, bag);
          if (def === null) continue;
          const k = `${key(def.schema)}.${key(def.name)}`;
          if (seen.has(k)) {
            bag.error(Codes.duplicateName, `alias type ${def.schema}.${def.name} is declared twice`, d.name);
            continue;
          }
          seen.set(k, d.name);
          this.byDecl.set(d, def);
          this.list.push(def);
        }
      }
    }
  }

  /** The alias type a `Column.alias(X)` argument names, or null (reported) when X is not one. */
  columnType(arg: ts.Node | undefined, at: ts.Node, resolver: DeclarationResolver, bag: DiagnosticBag): AliasTypeDef | null {
    const decl = arg !== undefined ? resolver.declarationOf(arg, 'value') : undefined;
    const def = decl !== undefined && ts.isVariableDeclaration(decl) ? this.byDecl.get(decl) : undefined;
    if (def !== undefined) return def;
    const what = arg === undefined ? 'nothing' : arg.getText();
    bag.error(Codes.unknownAliasType, `Column.alias(${what}): not an alias type declared with AliasType.<base>(...) in a schema file or a module it imports`, arg ?? at);
    return null;
  }

  private read(constName: string, base: string, baseNode: ts.Node, args: readonly StaticValue[], defaultSchema: string, at: ts.Node, bag: DiagnosticBag): AliasTypeDef | null {
    const lower = base.toLowerCase();
    if (lower === 'sysname' || lower === 'alias') {
      bag.error(Codes.aliasOfAlias, `AliasType.${base}: an alias type cannot be based on another alias type${lower === 'sysname' ? ' (sysname is SQL Server\'s alias of nvarchar(128); use AliasType.nvarchar(128))' : ''}`, baseNode);
      return null;
    }
    if (!isSqlTypeName(lower) || REFUSED[lower] !== undefined) {
      const why = isSqlTypeName(lower) ? REFUSED[lower] : `${base} is not a SQL Server system type`;
      bag.error(Codes.aliasBaseRefused, `AliasType.${base}: ${why}; see CREATE TYPE's list of base types`, baseNode);
      return null;
    }
    const resolved = resolveType(lower, args);
    for (const p of resolved.problems) bag.error(Codes.invalidTypeFacet, p.message, p.at?.node ?? baseNode);
    const opts = resolved.options?.kind === 'object' ? resolved.options.props : new Map<string, StaticValue>();
    if (resolved.options !== undefined && resolved.options.kind !== 'object') bag.error(Codes.notStatic, 'alias type options must be an object literal', resolved.options.node);
    const text = (k: string): string | undefined => {
      const v = opts.get(k);
      if (v === undefined) return undefined;
      if (v.kind === 'string') return v.value;
      bag.error(Codes.notStatic, `option '${k}' must be a string literal`, v.node);
      return undefined;
    };
    const nullableV = opts.get('nullable');
    if (nullableV !== undefined && nullableV.kind !== 'boolean') bag.error(Codes.notStatic, "option 'nullable' must be true or false", nullableV.node);
    const name = text('name') ?? constName;
    const schema = text('schema') ?? defaultSchema;
    for (const [what, value] of [['name', name], ['schema', schema]] as const) {
      if (value.length > MAX_IDENTIFIER_LENGTH) bag.error(Codes.identifierTooLong, `alias type ${what} ${value} is ${value.length} characters; SQL Server allows ${MAX_IDENTIFIER_LENGTH}`, opts.get(what)?.node ?? at);
    }
    return { schema, name, base: resolved.type, nullable: nullableV?.kind === 'boolean' && nullableV.value, source: refOf(at) };
  }
}
