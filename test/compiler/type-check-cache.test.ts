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
    expect(cache.keys).toHaveLength(1);
    const second = compileSchema(dir, { typeCheckCache: cache });
    expect(cache.keys).toHaveLength(1); // a hit: nothing new to remember
    expect(second.database).toEqual(first.database);
    expect(second.diagnostics).toEqual(first.diagnostics);
  });

  it('checks again after an edit, and reports a type error every time (errors are never cached)', () => {
    const cache = memoryCache();
    compileSchema(dir, { typeCheckCache: cache });
    const users = path.join(dir, 'users.schema.ts');
    fs.writeFileSync(users, fs.readFileSync(users, 'utf8').replace('  email!: string;', '  email!: number;'));
    for (let run = 0; run < 2; run++) {
      const { diagnostics } = compileSchema(dir, { typeCheckCache: cache });
      expect(diagnostics.some((d) => d.code === 'SC1000')).toBe(true);
    }
    expect(cache.keys).toHaveLength(1);
  });

  it('is not consulted when the type check is off', () => {
    const cache = memoryCache();
    compileSchema(dir, { typeCheck: false, typeCheckCache: cache });
    expect(cache.lookups).toBe(0);
    expect(cache.keys).toEqual([]);
  });
});
