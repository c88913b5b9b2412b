/** The generic helpers: atomic writes, code-point ordering, the field -> column rule. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeFileAtomic, writeFilesAtomic } from '../../src/util/atomic-write';
import { snakeCase } from '../../src/util/case';
import { compareText, sortedByName } from '../../src/util/compare';

describe('atomic writes', () => {
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schemac-util-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('replaces a file and leaves no temporary beside it', () => {
    const file = path.join(dir, 'plan.json');
    fs.writeFileSync(file, 'old');
    writeFileAtomic(file, 'new');
    expect(fs.readFileSync(file, 'utf8')).toBe('new');
    expect(fs.readdirSync(dir)).toEqual(['plan.json']);
  });

  it('replaces none of several files when one cannot be written', () => {
    const a = path.join(dir, 'a.ts');
    fs.writeFileSync(a, 'old a');
    const missing = path.join(dir, 'no-such-dir', 'b.ts');
    expect(() => writeFilesAtomic([{ path: a, content: 'new a' }, { path: missing, content: 'b' }])).toThrow();
    expect(fs.readFileSync(a, 'utf8')).toBe('old a');
    expect(fs.readdirSync(dir)).toEqual(['a.ts']);
  });

  it('writes bytes as they are, with the mode asked for (the code cache: 0o600)', () => {
    const file = path.join(dir, 'cache.bin');
    const bytes = Uint8Array.from([0, 0xff, 0xc3, 0x28]); // not valid UTF-8: must not be re-encoded
    writeFileAtomic(file, bytes, { mode: 0o600 });
    expect([...fs.readFileSync(file)]).toEqual([...bytes]);
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dir)).toEqual(['cache.bin']);
  });
});

describe('ordering', () => {
  it('orders by code point whatever the locale', () => {
    expect(['b', 'B', 'a', '_'].sort(compareText)).toEqual(['B', '_', 'a', 'b']);
    const items = [{ name: 'users' }, { name: 'Tenants' }];
    expect(sortedByName(items).map((i) => i.name)).toEqual(['Tenants', 'users']);
    expect(items[0]?.name).toBe('users');
  });
});

describe('snakeCase', () => {
  it.each([
    ['lastLoginAt', 'last_login_at'],
    ['HTTPStatus', 'http_status'],
    ['already_snake', 'already_snake'],
    ['id', 'id'],
  ])('%s -> %s', (field, column) => {
    expect(snakeCase(field)).toBe(column);
  });
});
