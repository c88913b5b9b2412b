#!/usr/bin/env node
'use strict';
/**
 * Writes dist/compiler/typescript-parser-<bytes>.js: the part of TypeScript's 9 MB bundle
 * (@ts-morph/common/dist/typescript.js, <bytes> long) that the built compiler uses, about
 * 1.2 MB, so a compile reads, compiles and runs that instead (no checker, emitter, transforms
 * or language service). Run by `npm run build`, after tsc.
 *
 * The bundle is one function whose body declares everything at its top level. Kept: every
 * statement that is not a declaration (the module's own start-up work, e.g. installing the
 * node classes whose methods the compiler calls), and every declaration reachable from the
 * names dist/ reads off `require("./typescript")` (found by scanning dist/, so a new use is
 * picked up by the next build). `ns.member` of a namespace object reaches that member only,
 * and the message table (Diagnostics) keeps the messages kept code names. Each kept statement
 * is copied byte for byte, in order; only the export list and the message table are cut down.
 * Every other export of the bundle stays available, read from the whole bundle on first use,
 * so a dist/ rebuilt by tsc alone (with a use this cut was not made for) is slow, not broken.
 *
 * Before the file is written, this repository's TypeScript files, whole and cut short (syntax
 * errors of many kinds), are parsed with both and must give the same trees, positions and
 * syntax errors; when anything about the bundle is not as expected, nothing is written and
 * src/compiler/typescript.ts loads the whole bundle.
 */
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist');
const outDir = path.join(dist, 'compiler');
const bundlePath = require.resolve('@ts-morph/common/dist/typescript.js', { paths: [root] });

/** Every .js file under dir. */
function jsFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? jsFiles(full) : e.name.endsWith('.js') ? [full] : [];
  });
}

/** The names dist/ reads off the module compiler/typescript.js exports. */
function usedNames() {
  const names = new Set();
  for (const file of jsFiles(dist)) {
    if (path.basename(file).startsWith('typescript-parser-')) continue;
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*(?:__importStar\()?require\("(?:\.\/|\.\.\/compiler\/)typescript"\)/g)) {
      const binding = m[1].replace(/\$/g, '\\$');
      for (const u of text.matchAll(new RegExp(`(?<![\\w$.])${binding}\\.([A-Za-z_$][\\w$]*)`, 'g'))) names.add(u[1]);
    }
  }
  return [...names].sort();
}

/** Why no cut bundle is written: the build goes on, and the compiler loads the whole bundle. */
class NotCut extends Error {}
function fail(why) {
  throw new NotCut(why);
}

const ts = require(bundlePath);
const bundle = fs.readFileSync(bundlePath, 'utf8');
// Names in comments (ts.Node in a doc comment) are not values of the bundle and are left out.
const roots = usedNames().filter((name) => ts[name] !== undefined);
function main() {
  if (roots.length === 0) fail('dist/ has no user of compiler/typescript.js (build first)');
  const outPath = path.join(outDir, `typescript-parser-${Buffer.byteLength(bundle)}.js`);
  // What the cut depends on: the bundle's version, this script and the names used.
  const script = require('crypto').createHash('sha256').update(fs.readFileSync(__filename)).digest('hex').slice(0, 12);
  const stamp = `// TypeScript ${ts.version} cut by trim-typescript.js ${script} to: ${roots.join(' ')}\n`;
  for (const f of fs.readdirSync(outDir)) {
    if (f.startsWith('typescript-parser-') && path.join(outDir, f) !== outPath) fs.rmSync(path.join(outDir, f));
  }
  if (fs.existsSync(outPath) && fs.readFileSync(outPath, 'utf8').startsWith(stamp)) return;

  const sf = ts.createSourceFile(bundlePath, bundle, ts.ScriptTarget.ES2022, false, ts.ScriptKind.JS);
  // var ts = {}; ((module) => { ...body... })(typeof module !== "undefined" && module.exports ? module : { exports: ts });
  const wrapper = sf.statements.find((s) => ts.isExpressionStatement(s) && ts.isCallExpression(s.expression));
  const callee = wrapper && ts.isParenthesizedExpression(wrapper.expression.expression) ? wrapper.expression.expression.expression : undefined;
  if (!callee || !ts.isArrowFunction(callee) || !ts.isBlock(callee.body)) fail('the bundle is not one wrapped function');
  const body = callee.body.statements;

  const byName = new Map();
  /** Namespace objects the bundle fills with __export: name -> its statement and member -> declaration. */
  const namespaces = new Map();
  const declare = (name, i) => {
    if (!byName.has(name)) byName.set(name, []);
    byName.get(name).push(i);
  };
  /** Per statement: 'decl' (kept when reached), 'drop' (never needed), 'keep' (always). */
  const kinds = body.map((s, i) => {
    if (ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s)) {
      if (!s.name) return 'keep';
      declare(s.name.text, i);
      return 'decl';
    }
    if (ts.isVariableStatement(s)) {
      if (!s.declarationList.declarations.every((d) => ts.isIdentifier(d.name))) return 'keep';
      for (const d of s.declarationList.declarations) declare(d.name.text, i);
      return 'decl';
    }
    if (!ts.isExpressionStatement(s)) return 'keep';
    const e = s.expression;
    // ((Debug2) => { ... })(Debug || (Debug = {})): fills in a namespace; kept with it.
    if (ts.isCallExpression(e) && e.arguments.length === 1 && ts.isBinaryExpression(e.arguments[0]) && ts.isIdentifier(e.arguments[0].left)) {
      declare(e.arguments[0].left.text, i);
      return 'decl';
    }
    // X.y = ...: kept with X.
    if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      let target = e.left;
      while (ts.isPropertyAccessExpression(target) || ts.isElementAccessExpression(target)) target = target.expression;
      if (ts.isIdentifier(target) && target.text !== 'module') {
        declare(target.text, i);
        return 'decl';
      }
    }
    // __export(ns_exports, { name: () => name, ... }): a namespace object's members; kept with it.
    if (ts.isCallExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === '__export' && ts.isIdentifier(e.arguments[0])) {
      const ns = e.arguments[0].text;
      declare(ns, i);
      const members = new Map();
      const list = e.arguments[1];
      if (list && ts.isObjectLiteralExpression(list)) {
        for (const p of list.properties) {
          if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && ts.isArrowFunction(p.initializer) && ts.isIdentifier(p.initializer.body)) {
            members.set(p.name.text, p.initializer.body.text);
          }
        }
      }
      namespaces.set(ns, { index: i, members });
      return 'decl';
    }
    // Language-service registrations, and `0 && (module.exports = { every name })` (a hint for ES module import, never run).
    if (ts.isCallExpression(e) && ts.isIdentifier(e.expression) && /^register(CodeFix|Refactor)$/.test(e.expression.text)) return 'drop';
    if (ts.isBinaryExpression(e) && ts.isNumericLiteral(e.left) && e.left.text === '0') return 'drop';
    return 'keep';
  });

  /**
   * What a statement refers to: `names` (identifiers that are not property or declaration names;
   * over-approximate is fine) and `members` (`ns.member` of a namespace object, which needs only
   * that member, not every export of the namespace).
   */
  function referenced(statement) {
    const names = new Set();
    const members = [];
    const walk = (node, parent) => {
      if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && ts.isIdentifier(node.name)
        && namespaces.get(node.expression.text)?.members.has(node.name.text)) {
        members.push([node.expression.text, node.name.text]);
        return;
      }
      if (ts.isIdentifier(node)) {
        const isName = parent !== undefined && parent.name === node
          && (ts.isPropertyAccessExpression(parent) || ts.isPropertyAssignment(parent) || ts.isMethodDeclaration(parent)
            || ts.isPropertyDeclaration(parent) || ts.isGetAccessorDeclaration(parent) || ts.isSetAccessorDeclaration(parent)
            || ts.isVariableDeclaration(parent) || ts.isFunctionDeclaration(parent) || ts.isClassDeclaration(parent)
            || ts.isParameter(parent) || ts.isBindingElement(parent) || ts.isFunctionExpression(parent) || ts.isClassExpression(parent));
        const isKey = parent !== undefined && ts.isBindingElement(parent) && parent.propertyName === node;
        if (!isName && !isKey) names.add(node.text);
        return;
      }
      ts.forEachChild(node, (child) => walk(child, node));
    };
    if (ts.isExpressionStatement(statement) && ts.isCallExpression(statement.expression) && namespaces.get(statement.expression.arguments[0]?.text)?.index === body.indexOf(statement)) {
      // __export(ns, { ... }): its getters (walked only when the whole namespace is used), not `ns` itself.
      names.add(statement.expression.expression.text);
      walk(statement.expression.arguments[1], statement.expression);
    } else {
      walk(statement, undefined);
    }
    return { names, members };
  }

  const exportsIndex = body.findIndex((s, i) => kinds[i] === 'decl' && ts.isExpressionStatement(s)
    && ts.isCallExpression(s.expression) && ts.isIdentifier(s.expression.arguments[0] ?? s.expression) && s.expression.arguments[0]?.text === 'typescript_exports');
  if (exportsIndex < 0) fail('no __export(typescript_exports, ...) in the bundle');
  const missing = roots.filter((r) => !byName.has(r));
  if (missing.length > 0) fail(`the bundle does not declare ${missing.join(', ')}`);

  const kept = new Set();
  const queue = [];
  // Namespaces used as a whole (passed around, not only `ns.member`): every member is reached.
  const whole = new Set();
  const reach = (name) => {
    const ns = namespaces.get(name);
    if (ns !== undefined && !whole.has(name)) {
      whole.add(name);
      if (kept.has(ns.index)) queue.push(ns.index); // its getters, now that all are needed
    }
    for (const i of byName.get(name) ?? []) {
      if (!kept.has(i)) {
        kept.add(i);
        queue.push(i);
      }
    }
  };
  const reachMember = (nsName, member) => {
    for (const i of byName.get(nsName) ?? []) {
      if (!kept.has(i)) {
        kept.add(i);
        queue.push(i);
      }
    }
    reach(namespaces.get(nsName).members.get(member));
  };
  body.forEach((_, i) => {
    if (kinds[i] === 'keep') {
      kept.add(i);
      queue.push(i);
    }
  });
  for (const r of roots) reach(r);
  reach('__export'); // the cut export list below calls them
  reach('__defProp');
  while (queue.length > 0) {
    const i = queue.pop();
    if (i === exportsIndex) continue; // its getters name every export; only the roots are exported
    const namespace = [...namespaces].find(([, ns]) => ns.index === i);
    if (namespace !== undefined && !whole.has(namespace[0])) continue; // members are reached one by one
    const { names, members } = referenced(body[i]);
    for (const name of names) reach(name);
    for (const [nsName, member] of members) reachMember(nsName, member);
  }
  kept.add(exportsIndex);

  // The message table (Diagnostics, ~2,000 messages built at load) keeps the messages kept code
  // names as Diagnostics.X; when anything uses the table otherwise, all of it.
  const tables = new Map();
  for (const name of ['Diagnostics']) {
    const [index] = byName.get(name) ?? [];
    const statement = index === undefined ? undefined : body[index];
    const declaration = statement && ts.isVariableStatement(statement) && statement.declarationList.declarations.length === 1
      ? statement.declarationList.declarations[0] : undefined;
    const literal = declaration?.initializer;
    if (!kept.has(index) || !literal || !ts.isObjectLiteralExpression(literal)
      || !literal.properties.every((p) => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name))) continue;
    const used = new Set();
    let whole = false;
    const walk = (node, parent) => {
      if (ts.isIdentifier(node) && node.text === name && node !== declaration.name) {
        if (parent !== undefined && ts.isPropertyAccessExpression(parent) && parent.expression === node && ts.isIdentifier(parent.name)) used.add(parent.name.text);
        else whole = true;
        return;
      }
      ts.forEachChild(node, (child) => walk(child, node));
    };
    for (const i of kept) if (i !== exportsIndex) walk(body[i], undefined);
    if (!whole) tables.set(index, { declaration, literal, used });
  }

  const parts = [];
  body.forEach((s, i) => {
    if (!kept.has(i)) return;
    const table = tables.get(i);
    if (table !== undefined) {
      const props = table.literal.properties.filter((p) => table.used.has(p.name.text)).map((p) => bundle.slice(p.getFullStart(), p.end));
      parts.push(bundle.slice(s.getFullStart(), table.literal.getStart(sf)) + `{${props.join(',')}\n}` + bundle.slice(table.literal.end, s.end));
    } else if (i === exportsIndex) {
      parts.push(`\n__export(typescript_exports, {\n${roots.map((r) => `  ${r}: () => ${r}`).join(',\n')}\n});`);
      // Every other export, from the whole bundle on first use: a dist/ rebuilt by tsc alone may
      // use a name this cut was not made for, which then works (slowly) instead of failing.
      const others = Object.keys(ts).filter((name) => !roots.includes(name) && /^[A-Za-z_$][\w$]*$/.test(name));
      parts.push(`\nvar wholeTypeScript;\nfor (const name of ${JSON.stringify(others.join(' '))}.split(" ")) {\n`
        + '  __defProp(typescript_exports, name, { get: () => (wholeTypeScript ??= require("@ts-morph/common/dist/typescript.js"))[name], enumerable: true });\n}');
    } else {
      parts.push(bundle.slice(s.getFullStart(), s.end));
    }
  });
  const text = stamp + bundle.slice(0, body.pos) + parts.join('') + bundle.slice(body.end);

  // The same trees and syntax errors as the whole bundle gives, over this repository's TypeScript.
  const tmp = `${outPath}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text);
  try {
    let trimmed;
    try {
      trimmed = require(tmp);
    } catch (error) {
      fail(`the cut bundle does not load (${error instanceof Error ? error.message : String(error)})`);
    }
    const absent = Object.keys(ts).filter((r) => trimmed[r] === undefined && ts[r] !== undefined);
    if (absent.length > 0) fail(`the cut bundle lacks ${absent.join(', ')}`);
    const dump = (compiler, file, source) => {
      const options = { languageVersion: compiler.ScriptTarget.ES2022, jsDocParsingMode: compiler.JSDocParsingMode.ParseForTypeErrors };
      const tree = compiler.createSourceFile(file, source, options, true, compiler.ScriptKind.TS);
      const out = [];
      const visit = (n, depth) => {
        out.push(`${depth} ${n.kind} ${n.pos} ${n.end} ${n.flags} ${n.getStart()} ${n.parent ? n.parent.kind : -1}`);
        compiler.forEachChild(n, (c) => visit(c, depth + 1));
        for (const d of n.jsDoc ?? []) visit(d, depth + 1);
      };
      visit(tree, 0);
      for (const d of tree.parseDiagnostics) out.push(`! ${d.code} ${d.start} ${d.length} ${compiler.flattenDiagnosticMessageText(d.messageText, '\n')}`);
      return out.join('\n');
    };
    const samples = ['src', 'test', 'schema'].flatMap((d) => {
      const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        const full = path.join(dir, e.name);
        return e.isDirectory() ? walk(full) : e.name.endsWith('.ts') ? [full] : [];
      });
      return fs.existsSync(path.join(root, d)) ? walk(path.join(root, d)) : [];
    });
    for (const file of samples) {
      const whole = fs.readFileSync(file, 'utf8');
      // Each file whole, and cut off at a third and two thirds: syntax errors of many kinds.
      for (const source of [whole, whole.slice(0, Math.floor(whole.length / 3)), whole.slice(0, Math.floor((2 * whole.length) / 3))]) {
        if (dump(trimmed, file, source) !== dump(ts, file, source)) fail(`the cut bundle parses ${path.relative(root, file)} differently`);
      }
    }
    fs.renameSync(tmp, outPath);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

try {
  main();
} catch (error) {
  if (!(error instanceof NotCut)) throw error;
  process.stderr.write(`trim-typescript: ${error.message}; the compiler will load TypeScript's whole bundle\n`);
}
