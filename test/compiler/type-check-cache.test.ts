/**
 * The type-check cache: a schema that checked clean skips TypeScript's check while nothing it
 * reads has changed; an edit, or an error, always gets the full check again.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { compileSchema, type TypeCheckCache } from '../../src/compiler';

function memoryCache(): TypeCheckCache & { keys: string[]; lookups: number } {
  const cache = {
    keys: [] as string[],
    lookups: 0,
    has(key: string) { cache.lookups += 1; return cache.keys.includes(key); },
    remember(key: string) { cache.keys.push(key); },
  };
  return cache;
}

describe('type-check cache', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schemac-tc-cache-'));
    fs.cpSync(path.resolve(__dirname, '../../schema'), dir, { recursive: true });
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('remembers a clean check and reuses it while the files are unchanged', () => {
    const cache = memoryCache();
    const first = compileSchema(dir, { typeCheckCache: cache });
    const remembered = cache.keys.length;
    expect(remembered).toBeGreaterThan(0);
    const second = compileSchema(dir, { typeCheckCache: cache });
    expect(cache.keys).toHaveLength(remembered); // a hit: nothing new to remember
    expect(second.database).toEqual(first.database);
    expect(second.diagnostics).toEqual(first.diagnostics);
  });

  it('checks again after an edit, and reports a type error every time (errors are never cached)', () => {
    const cache = memoryCache();
    compileSchema(dir, { typeCheckCache: cache });
    const remembered = cache.keys.length;
    const users = path.join(dir, 'users.schema.ts');
    fs.writeFileSync(users, fs.readFileSync(users, 'utf8').replace('  email!: string;', '  email!: number;'));
    for (let run = 0; run < 2; run++) {
      const { diagnostics } = compileSchema(dir, { typeCheckCache: cache });
      expect(diagnostics.some((d) => d.code === 'SC1000')).toBe(true);
    }
    expect(cache.keys).toHaveLength(remembered);
  });

  it('checks again when only a module the schema files import has changed', () => {
    // The schema files' own texts are unchanged, so only the full key (which covers what they
    // import) can tell that the earlier clean verdict no longer holds.
    fs.writeFileSync(path.join(dir, 'limits.ts'), 'export const nameLength: number = 200;\n');
    const tenants = path.join(dir, 'tenants.schema.ts');
    fs.writeFileSync(tenants, `import { nameLength } from './limits';\nvoid nameLength;\n${fs.readFileSync(tenants, 'utf8')}`);
    const cache = memoryCache();
    expect(compileSchema(dir, { typeCheckCache: cache }).diagnostics.filter((d) => d.code === 'SC1000')).toEqual([]);
    fs.writeFileSync(path.join(dir, 'limits.ts'), "export const nameLength: number = 'two hundred';\n");
    for (const typeChecker of ['native', 'in-process'] as const) {
      const errors = compileSchema(dir, { typeCheckCache: cache, typeChecker }).diagnostics.filter((d) => d.code === 'SC1000');
      expect(errors.map((d) => `${path.basename(d.source?.file ?? '?')}:${d.source?.line} ${d.message.slice(0, 6)}`)).toEqual(['limits.ts:1 TS2322']);
    }
  });

  it('is not consulted when the type check is off', () => {
    const cache = memoryCache();
    compileSchema(dir, { typeCheck: false, typeCheckCache: cache });
    expect(cache.lookups).toBe(0);
    expect(cache.keys).toEqual([]);
  });
});
