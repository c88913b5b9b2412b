/**
 * Where a compile's inputs are: the schema files under a folder, the schemac API they import,
 * and the compiler settings the type check uses (native or in-process). Light on purpose: it
 * loads no TypeScript.
 */
import * as fs from 'fs';
import * as path from 'path';

/** Every *.schema.ts under dir (recursively), sorted so output never depends on readdir order. */
export function findSchemaFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string): void => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(full);
      } else if (entry.name.endsWith('.schema.ts')) {
        found.push(path.resolve(full));
      }
    }
  };
  walk(dir);
  return found.sort();
}

/** Where the schema API lives relative to the running compiler (.ts in src/, .d.ts in dist/). */
export function apiEntry(): string {
  return path.resolve(__dirname, '../api/index');
}

/** The compiler settings of a schema program as tsconfig.json spells them: the in-process program and the native check's tsconfig both use these. */
export function schemaCompilerSettings(api: string): Record<string, unknown> {
  return {
    target: 'ES2022',
    module: 'ESNext',
    moduleResolution: 'bundler',
    lib: ['ES2022'],
    strict: true,
    skipLibCheck: true,
    types: [],
    paths: { schemac: [api] },
  };
}
