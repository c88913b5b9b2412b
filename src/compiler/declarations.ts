/**
 * Finds the declaration a name stands for from the syntax alone: the enclosing blocks' and the
 * file's own declarations, then imports followed by path into the user's other files (named,
 * default and namespace imports, `export { x } from`, `export *`). This is what extraction used
 * TypeScript's checker for; a name it cannot follow (a package, a computed export) is undefined,
 * and the separate type check reports anything actually wrong with it.
 */
import ts = require('./typescript');
import type { SourceGraph } from './source-graph';
import { appendTo } from '../util/group-by';

/** Which declaration space a name is looked up in: `extends X` and `() => X` are values, `f!: X` is a type. */
export type Meaning = 'value' | 'type';

/** A namespace: what `import * as m` (or `export * as m`) binds, a whole module. */
export interface ModuleNamespace {
  readonly kind: 'namespace';
  readonly file: ts.SourceFile;
}

/** What a name resolves to: a declaration, a module namespace, or nothing known. */
export type Resolved = ts.Declaration | ModuleNamespace | undefined;

type Binding =
  | { readonly kind: 'local'; readonly decl: ts.Declaration }
  | { readonly kind: 'import'; readonly from: ts.SourceFile; readonly specifier: string; readonly name: string }
  | { readonly kind: 'namespace'; readonly from: ts.SourceFile; readonly specifier: string };

interface ExportTable {
  readonly names: Map<string, Binding[]>;
  readonly stars: string[];
}

const MAX_DEPTH = 16;

function isNamespace(r: Resolved): r is ModuleNamespace {
  return r !== undefined && (r as { kind?: unknown }).kind === 'namespace';
}

/**
 * Whether `node` is written with the modifier keyword `kind`. Read from `modifiers` itself, not
 * through ts.getModifiers: that caches flags on the node (modifierFlagsCache), and the first such
 * write after parsing makes V8 throw away the parser's and the extraction's optimized code.
 */
function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (node.modifiers?.some((m) => m.kind === kind) ?? false);
}

/** Whether a declaration lives in the value space, the type space, or both (classes, enums). */
function fits(decl: ts.Declaration, meaning: Meaning): boolean {
  if (ts.isClassDeclaration(decl) || ts.isEnumDeclaration(decl) || ts.isModuleDeclaration(decl)) return true;
  if (ts.isTypeAliasDeclaration(decl) || ts.isInterfaceDeclaration(decl)) return meaning === 'type';
  return meaning === 'value';
}

/** Resolves names through the parsed files of a compile, caching each scope's bindings. */
export class DeclarationResolver {
  private readonly scopes = new Map<ts.Node, Map<string, Binding[]>>();
  private readonly exportTables = new Map<ts.SourceFile, ExportTable>();

  constructor(private readonly graph: Pick<SourceGraph, 'moduleOf'>) {}

  /**
   * The declaration an identifier, `ns.Name` access or qualified type name stands for, or a
   * module namespace for a namespace import's name.
   */
  resolve(node: ts.Node, meaning: Meaning, depth = 0): Resolved {
    if (depth > MAX_DEPTH) return undefined;
    if (ts.isIdentifier(node)) return this.lookup(node, node.text, meaning, depth);
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.name)) return this.member(node.expression, node.name.text, meaning, depth);
    if (ts.isQualifiedName(node)) return this.member(node.left, node.right.text, meaning, depth);
    if (ts.isParenthesizedExpression(node)) return this.resolve(node.expression, meaning, depth + 1);
    return undefined;
  }

  /** The declaration only (a namespace is not one). */
  declarationOf(node: ts.Node, meaning: Meaning): ts.Declaration | undefined {
    const r = this.resolve(node, meaning);
    return isNamespace(r) ? undefined : r;
  }

  /** `left.name`: an export of a namespace import, or a member of an enum or namespace declaration. */
  private member(left: ts.Node, name: string, meaning: Meaning, depth: number): Resolved {
    const owner = this.resolve(left, 'value', depth + 1);
    if (isNamespace(owner)) return this.exported(owner.file, name, meaning, depth + 1);
    if (owner && ts.isEnumDeclaration(owner)) {
      return owner.members.find((m) => (ts.isIdentifier(m.name) || ts.isStringLiteral(m.name)) && m.name.text === name);
    }
    if (owner && ts.isModuleDeclaration(owner) && owner.body && ts.isModuleBlock(owner.body)) {
      return this.pick(this.bindings(owner.body).get(name), meaning, depth + 1, true);
    }
    return undefined;
  }

  /** Looks `name` up from `at` outwards: enclosing blocks, then the file. */
  private lookup(at: ts.Node, name: string, meaning: Meaning, depth: number): Resolved {
    for (let n: ts.Node | undefined = at.parent; n; n = n.parent) {
      if (!ts.isSourceFile(n) && !ts.isBlock(n) && !ts.isModuleBlock(n)) continue;
      const found = this.pick(this.bindings(n).get(name), meaning, depth, false);
      if (found) return found;
    }
    return undefined;
  }

  /** The first binding of the right meaning, imports followed. */
  private pick(bindings: readonly Binding[] | undefined, meaning: Meaning, depth: number, exportedOnly: boolean): Resolved {
    for (const b of bindings ?? []) {
      if (b.kind === 'local') {
        const statement = ts.isVariableDeclaration(b.decl) ? b.decl.parent.parent : b.decl;
        if (fits(b.decl, meaning) && (!exportedOnly || hasModifier(statement, ts.SyntaxKind.ExportKeyword))) return b.decl;
        continue;
      }
      const target = this.graph.moduleOf(b.from, b.specifier);
      if (!target) continue;
      if (b.kind === 'namespace') return { kind: 'namespace', file: target };
      const r = this.exported(target, b.name, meaning, depth + 1);
      if (r) return r;
    }
    return undefined;
  }

  /** What module `sf` exports as `name`. */
  private exported(sf: ts.SourceFile, name: string, meaning: Meaning, depth: number): Resolved {
    if (depth > MAX_DEPTH) return undefined;
    const table = this.exportTable(sf);
    const found = this.pick(table.names.get(name), meaning, depth, false);
    if (found || name === 'default') return found;
    for (const spec of table.stars) {
      const target = this.graph.moduleOf(sf, spec);
      const r = target && this.exported(target, name, meaning, depth + 1);
      if (r) return r;
    }
    return undefined;
  }

  /** The names a block, module block or file declares or imports. */
  private bindings(container: ts.SourceFile | ts.Block | ts.ModuleBlock): Map<string, Binding[]> {
    const cached = this.scopes.get(container);
    if (cached) return cached;
    const map = new Map<string, Binding[]>();
    const add = (name: string, b: Binding): void => appendTo(map, name, b);
    const sf = container.getSourceFile();
    for (const st of container.statements) {
      if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier)) {
        const specifier = st.moduleSpecifier.text;
        const clause = st.importClause;
        if (clause?.name) add(clause.name.text, { kind: 'import', from: sf, specifier, name: 'default' });
        const nb = clause?.namedBindings;
        if (nb && ts.isNamespaceImport(nb)) add(nb.name.text, { kind: 'namespace', from: sf, specifier });
        else if (nb) for (const el of nb.elements) add(el.name.text, { kind: 'import', from: sf, specifier, name: (el.propertyName ?? el.name).text });
      } else if (ts.isImportEqualsDeclaration(st) && ts.isExternalModuleReference(st.moduleReference) && ts.isStringLiteral(st.moduleReference.expression)) {
        add(st.name.text, { kind: 'namespace', from: sf, specifier: st.moduleReference.expression.text });
      } else if (ts.isVariableStatement(st)) {
        for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name)) add(d.name.text, { kind: 'local', decl: d });
      } else if ((ts.isClassDeclaration(st) || ts.isFunctionDeclaration(st) || ts.isTypeAliasDeclaration(st) || ts.isInterfaceDeclaration(st)
        || ts.isEnumDeclaration(st) || ts.isModuleDeclaration(st)) && st.name && ts.isIdentifier(st.name)) {
        add(st.name.text, { kind: 'local', decl: st });
      }
    }
    this.scopes.set(container, map);
    return map;
  }

  /** The export names of a file: exported declarations, `export { a as b } [from]`, `export default`, `export *`. */
  private exportTable(sf: ts.SourceFile): ExportTable {
    let table = this.exportTables.get(sf);
    if (table) return table;
    const names = new Map<string, Binding[]>();
    const stars: string[] = [];
    const add = (name: string, b: Binding): void => appendTo(names, name, b);
    const local = this.bindings(sf);
    for (const st of sf.statements) {
      if (ts.isExportDeclaration(st)) {
        const spec = st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier) ? st.moduleSpecifier.text : undefined;
        const clause = st.exportClause;
        if (!clause) {
          if (spec !== undefined) stars.push(spec);
        } else if (ts.isNamespaceExport(clause)) {
          if (spec !== undefined) add(clause.name.text, { kind: 'namespace', from: sf, specifier: spec });
        } else {
          for (const el of clause.elements) {
            const inner = (el.propertyName ?? el.name).text;
            if (spec !== undefined) add(el.name.text, { kind: 'import', from: sf, specifier: spec, name: inner });
            else for (const b of local.get(inner) ?? []) add(el.name.text, b);
          }
        }
      } else if (ts.isExportAssignment(st) && !st.isExportEquals && ts.isIdentifier(st.expression)) {
        for (const b of local.get(st.expression.text) ?? []) add('default', b);
      } else if (hasModifier(st, ts.SyntaxKind.ExportKeyword)) {
        const isDefault = hasModifier(st, ts.SyntaxKind.DefaultKeyword);
        if (ts.isVariableStatement(st)) {
          for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name)) add(d.name.text, { kind: 'local', decl: d });
        } else if (ts.isClassDeclaration(st) || ts.isFunctionDeclaration(st) || ts.isTypeAliasDeclaration(st) || ts.isInterfaceDeclaration(st)
          || ts.isEnumDeclaration(st) || ts.isModuleDeclaration(st)) {
          const own = st.name && ts.isIdentifier(st.name) ? st.name.text : undefined;
          if (isDefault) add('default', { kind: 'local', decl: st });
          else if (own !== undefined) add(own, { kind: 'local', decl: st });
        }
      }
    }
    table = { names, stars };
    this.exportTables.set(sf, table);
    return table;
  }
}
