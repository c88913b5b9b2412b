#!/usr/bin/env node
'use strict';
/**
 * Writes dist/compiler/typescript-parser-<bytes>.js: the part of TypeScript's 9 MB bundle
 * (@ts-morph/common/dist/typescript.js, <bytes> long) that the built compiler uses, so a
 * compile reads, compiles and runs about a third of it (no checker, emitter, transforms or
 * language service). Run by `npm run build`, after tsc.
 *
 * The bundle is one function whose body declares everything at its top level. Kept: every
 * statement that is not a declaration (the module's own start-up work, e.g. installing the
 * node classes whose methods the compiler calls), and every declaration reachable from the
 * names dist/ reads off `require("./typescript")` (found by scanning dist/, so a new use is
 * picked up by the next build). Each kept statement is copied byte for byte, in order; only
 * the export list is cut down to those names.
 *
 * Before the file is written, a sample of TypeScript files (this repository's own) is parsed
 * with both and must give the same trees and syntax errors; when anything about the bundle is
 * not as expected, nothing is written and src/compiler/typescript.ts loads the whole bundle.
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
    // __export(ns_exports, { ... }): a namespace object's members; kept with it.
    if (ts.isCallExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === '__export' && ts.isIdentifier(e.arguments[0])) {
      declare(e.arguments[0].text, i);
      return 'decl';
    }
    // Language-service registrations, and `0 && (module.exports = { every name })` (a hint for ES module import, never run).
    if (ts.isCallExpression(e) && ts.isIdentifier(e.expression) && /^register(CodeFix|Refactor)$/.test(e.expression.text)) return 'drop';
    if (ts.isBinaryExpression(e) && ts.isNumericLiteral(e.left) && e.left.text === '0') return 'drop';
    return 'keep';
  });

  /** Names a statement refers to (identifiers that are not property names); over-approximate is fine. */
  function referenced(statement) {
    const out = new Set();
    const walk = (node, parent) => {
      if (ts.isIdentifier(node)) {
        const isPropertyName = parent !== undefined
          && ((ts.isPropertyAccessExpression(parent) && parent.name === node)
            || ((ts.isPropertyAssignment(parent) || ts.isMethodDeclaration(parent) || ts.isPropertyDeclaration(parent)
              || ts.isGetAccessorDeclaration(parent) || ts.isSetAccessorDeclaration(parent)) && parent.name === node));
        if (!isPropertyName) out.add(node.text);
        return;
      }
      ts.forEachChild(node, (child) => walk(child, node));
    };
    walk(statement, undefined);
    return out;
  }

  const exportsIndex = body.findIndex((s, i) => kinds[i] === 'decl' && ts.isExpressionStatement(s)
    && ts.isCallExpression(s.expression) && ts.isIdentifier(s.expression.arguments[0] ?? s.expression) && s.expression.arguments[0]?.text === 'typescript_exports');
  if (exportsIndex < 0) fail('no __export(typescript_exports, ...) in the bundle');
  const missing = roots.filter((r) => !byName.has(r));
  if (missing.length > 0) fail(`the bundle does not declare ${missing.join(', ')}`);

  const kept = new Set();
  const queue = [];
  const reach = (name) => {
    for (const i of byName.get(name) ?? []) {
      if (!kept.has(i)) {
        kept.add(i);
        queue.push(i);
      }
    }
  };
  body.forEach((_, i) => {
    if (kinds[i] === 'keep') {
      kept.add(i);
      queue.push(i);
    }
  });
  for (const r of roots) reach(r);
  while (queue.length > 0) {
    const i = queue.pop();
    if (i === exportsIndex) continue; // its getters name every export; only the roots are exported
    for (const name of referenced(body[i])) reach(name);
  }
  kept.add(exportsIndex);

  const parts = [];
  body.forEach((s, i) => {
    if (!kept.has(i)) return;
    if (i === exportsIndex) {
      parts.push(`\n__export(typescript_exports, {\n${roots.map((r) => `  ${r}: () => ${r}`).join(',\n')}\n});`);
    } else {
      parts.push(bundle.slice(s.getFullStart(), s.end));
    }
  });
  const text = stamp + bundle.slice(0, body.pos) + parts.join('') + bundle.slice(body.end);

  // The same trees and syntax errors as the whole bundle gives, over this repository's TypeScript.
  const tmp = `${outPath}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text);
  try {
    const trimmed = require(tmp);
    const absent = roots.filter((r) => trimmed[r] === undefined);
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
      const source = fs.readFileSync(file, 'utf8');
      if (dump(trimmed, file, source) !== dump(ts, file, source)) fail(`the cut bundle parses ${path.relative(root, file)} differently`);
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
