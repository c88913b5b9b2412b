/**
 * Reads schema classes syntactically: which classes are tables or mixins, their decorated
 * columns, their table-level decorators and the class they extend. Only the decorators imported
 * from 'schemac' count; the class a table extends is found through imports by path (declarations.ts).
 */
import ts = require('./typescript');
import type { DeclarationResolver } from './declarations';
import { readValue, type StaticValue, type ValueContext } from './static-value';

/** A decorated field: one column. */
export interface ColumnDecl {
  /** The TypeScript field name. */
  readonly field: string;
  /** The field's name node (where column diagnostics point). */
  readonly nameNode: ts.Node;
  /** `x` of Column.x(...). */
  readonly typeName: string;
  /** The `Column.x` expression (where type diagnostics point). */
  readonly typeNode: ts.Node;
  readonly args: readonly StaticValue[];
  /** The field's declared TypeScript type, for string-literal unions. */
  readonly declaredType: ts.TypeNode | undefined;
  /** Declared with `?`. */
  readonly optional: boolean;
}

/** Kinds of table-level decorators. */
export type ItemKind = 'index' | 'columnstoreIndex' | 'clusteredColumnstoreIndex' | 'xmlIndex' | 'spatialIndex' | 'check' | 'unique' | 'primaryKey' | 'foreignKey' | 'defaultName' | 'connection';

/** One table-level decorator, in source order. */
export interface TableItem {
  readonly kind: ItemKind;
  readonly args: readonly StaticValue[];
  readonly node: ts.Node;
}

/** What a class is to schemac. */
export type ClassRole = 'table' | 'mixin' | 'plain';

/** A class as read from its source. */
export interface ClassInfo {
  readonly decl: ts.ClassDeclaration;
  readonly name: string;
  readonly role: ClassRole;
  /** Arguments of @Table(...) and where it was written. */
  readonly tableArgs: readonly StaticValue[];
  readonly roleNode: ts.Node;
  /** The extends expression, and the class it names (null when it is not a class). */
  readonly baseExpr: ts.Expression | undefined;
  readonly base: ts.ClassDeclaration | null;
  readonly columns: readonly ColumnDecl[];
  readonly items: readonly TableItem[];
  /** Instance fields with no column decorator. */
  readonly unmapped: readonly ts.PropertyDeclaration[];
  /** Class decorators spelled like the API's (`@Index`) that the file never imports or declares, so they are not read. */
  readonly unimported: readonly ts.Decorator[];
}

const itemKinds: Readonly<Record<string, ItemKind>> = {
  Index: 'index', ColumnstoreIndex: 'columnstoreIndex', ClusteredColumnstoreIndex: 'clusteredColumnstoreIndex', XmlIndex: 'xmlIndex', SpatialIndex: 'spatialIndex', Check: 'check', Unique: 'unique', PrimaryKey: 'primaryKey', ForeignKey: 'foreignKey', DefaultName: 'defaultName', Connection: 'connection',
};

/** The class decorators the API exports, by name. */
const CLASS_DECORATORS: ReadonlySet<string> = new Set(['Table', 'Mixin', ...Object.keys(itemKinds)]);

/** Every name a file binds at its top level: imports from any module and its own declarations. */
function boundNames(sf: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st)) {
      const clause = st.importClause;
      if (clause?.name) names.add(clause.name.text);
      const b = clause?.namedBindings;
      if (b && ts.isNamedImports(b)) for (const el of b.elements) names.add(el.name.text);
      else if (b && ts.isNamespaceImport(b)) names.add(b.name.text);
    } else if (ts.isImportEqualsDeclaration(st)) names.add(st.name.text);
    else if ((ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st)) && st.name) names.add(st.name.text);
    else if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name)) names.add(d.name.text);
    }
  }
  return names;
}

/** How a file imported the API: local name -> exported name, and namespace aliases. */
export interface ApiImports {
  readonly named: ReadonlyMap<string, string>;
  readonly namespaces: ReadonlySet<string>;
}

/** The names under which a file imported the API. */
export function apiImports(sf: ts.SourceFile): ApiImports {
  const named = new Map<string, string>();
  const namespaces = new Set<string>();
  for (const st of sf.statements) {
    if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier) || st.moduleSpecifier.text !== 'schemac') continue;
    const bindings = st.importClause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) {
      for (const el of bindings.elements) named.set(el.name.text, (el.propertyName ?? el.name).text);
    } else if (bindings && ts.isNamespaceImport(bindings)) {
      namespaces.add(bindings.name.text);
    }
  }
  return { named, namespaces };
}

/** The API export an expression names (`Table`, `Column`, `s.Table`), or undefined. */
export function apiName(expr: ts.Expression, imports: ApiImports): string | undefined {
  if (ts.isIdentifier(expr)) return imports.named.get(expr.text);
  if (ts.isPropertyAccessExpression(expr) && ts.isIdentifier(expr.expression) && imports.namespaces.has(expr.expression.text)) {
    return expr.name.text;
  }
  return undefined;
}

/** Splits a decorator into its callee and arguments (a bare `@Mixin` has none). */
function callOf(d: ts.Decorator): { callee: ts.Expression; args: readonly ts.Expression[] } {
  const e = d.expression;
  return ts.isCallExpression(e) ? { callee: e.expression, args: e.arguments } : { callee: e, args: [] };
}

/** Reads classes on demand and caches them per declaration. */
export class ClassReader {
  private readonly cache = new Map<ts.ClassDeclaration, ClassInfo>();
  private readonly importsCache = new Map<ts.SourceFile, ApiImports>();
  private readonly contexts = new Map<ts.SourceFile, ValueContext>();

  constructor(readonly resolver: DeclarationResolver) {}

  /** Every top-level class of a file. */
  classesOf(sf: ts.SourceFile): ClassInfo[] {
    return sf.statements.filter(ts.isClassDeclaration).map((c) => this.read(c));
  }

  /** One class. */
  read(decl: ts.ClassDeclaration): ClassInfo {
    const cached = this.cache.get(decl);
    if (cached) return cached;
    const info = this.readUncached(decl);
    this.cache.set(decl, info);
    return info;
  }

  private imports(sf: ts.SourceFile): ApiImports {
    let i = this.importsCache.get(sf);
    if (!i) {
      i = apiImports(sf);
      this.importsCache.set(sf, i);
    }
    return i;
  }

  /** What reading values of a file needs: the local names of `sql` and `nextValueFor`; one per file. */
  private context(sf: ts.SourceFile, imports: ApiImports): ValueContext {
    let ctx = this.contexts.get(sf);
    if (!ctx) {
      const sqlNames = new Set([...imports.named].filter(([, exported]) => exported === 'sql').map(([local]) => local));
      const nextValueNames = new Set([...imports.named].filter(([, exported]) => exported === 'nextValueFor').map(([local]) => local));
      ctx = { resolver: this.resolver, sqlNames, nextValueNames };
      this.contexts.set(sf, ctx);
    }
    return ctx;
  }

  private readUncached(decl: ts.ClassDeclaration): ClassInfo {
    const sf = decl.getSourceFile();
    const imports = this.imports(sf);
    const ctx = this.context(sf, imports);
    let role: ClassRole = 'plain';
    let roleNode: ts.Node = decl.name ?? decl;
    let tableArgs: StaticValue[] = [];
    const items: TableItem[] = [];
    const unimported: ts.Decorator[] = [];
    let bound: Set<string> | undefined;
    // Decorators are read from `modifiers` itself, not ts.getDecorators, which writes a cache on the node (see hasModifier in declarations.ts).
    for (const d of decl.modifiers ?? []) {
      if (!ts.isDecorator(d)) continue;
      const { callee, args } = callOf(d);
      const name = apiName(callee, imports);
      if (name === 'Table' || name === 'Mixin') {
        role = name === 'Table' ? 'table' : 'mixin';
        roleNode = d;
        tableArgs = args.map((a) => readValue(a, ctx));
      } else if (name !== undefined && itemKinds[name]) {
        items.push({ kind: itemKinds[name], args: args.map((a) => readValue(a, ctx)), node: d });
      } else if (name === undefined && ts.isIdentifier(callee) && CLASS_DECORATORS.has(callee.text)) {
        // Under --no-type-check nothing else notices a missing import, and the index or key would silently not exist.
        bound ??= boundNames(sf);
        if (!bound.has(callee.text)) unimported.push(d);
      }
    }
    const heritage = decl.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword);
    const baseExpr = heritage?.types[0]?.expression;
    let base: ts.ClassDeclaration | null = null;
    if (baseExpr) {
      const target = this.resolver.declarationOf(baseExpr, 'value');
      if (target && ts.isClassDeclaration(target)) base = target;
    }
    const columns: ColumnDecl[] = [];
    const unmapped: ts.PropertyDeclaration[] = [];
    for (const m of decl.members) {
      if (!ts.isPropertyDeclaration(m) || m.modifiers?.some((x) => x.kind === ts.SyntaxKind.StaticKeyword)) continue;
      const column = this.readColumn(m, imports, ctx);
      if (column) columns.push(column);
      else unmapped.push(m);
    }
    return { decl, name: decl.name?.text ?? '(anonymous)', role, tableArgs, roleNode, baseExpr, base, columns, items, unmapped, unimported };
  }

  private readColumn(m: ts.PropertyDeclaration, imports: ApiImports, ctx: ValueContext): ColumnDecl | undefined {
    for (const d of m.modifiers ?? []) {
      if (!ts.isDecorator(d)) continue;
      const { callee, args } = callOf(d);
      if (!ts.isPropertyAccessExpression(callee)) continue;
      if (apiName(callee.expression, imports) !== 'Column') continue;
      const field = ts.isIdentifier(m.name) || ts.isStringLiteral(m.name) ? m.name.text : m.name.getText();
      return {
        field, nameNode: m.name, typeName: callee.name.text, typeNode: callee,
        args: args.map((a) => readValue(a, ctx)), declaredType: m.type, optional: m.questionToken !== undefined,
      };
    }
    return undefined;
  }
}
