/**
 * plan and emit-sql read the current state, diff and render while TypeScript's type check is
 * still running (app/compile.ts, compileThen). None of that may show before the check's verdict:
 * a schema with a type error gets exactly the answer it got when the check came first, whatever
 * the catalog holds, and the compile's own findings come before the catalog's and the plan's.
 */
import * as fs from 'fs';
import * as path from 'path';
import { itemsProject } from '../support/items-project';
import { schemac } from './run-cli';

const emptyCatalog = path.resolve(__dirname, '../fixtures/catalog/empty.json');

/** A catalog whose reading warns: an alias type on a base type schemac does not map. */
function warningCatalog(): string {
  const snapshot = JSON.parse(fs.readFileSync(emptyCatalog, 'utf8')) as Record<string, unknown>;
  snapshot.types = [{ schema_name: 'dbo', name: 'odd', system_type_name: 'geography2', max_length: -1, precision: 0, scale: 0, is_nullable: true }];
  return JSON.stringify(snapshot);
}

/** The items project (one table; `codeType` number is a type error) with a warning catalog, odd.json. */
function project(codeType: 'string' | 'number'): string {
  const dir = itemsProject(codeType);
  fs.writeFileSync(path.join(dir, 'odd.json'), warningCatalog());
  return dir;
}

describe('the type check decides before anything planned shows', () => {
  const dirs: string[] = [];
  const make = (codeType: 'string' | 'number'): string => {
    const dir = project(codeType);
    dirs.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a type error stops plan before the catalog warns or the plan prints', async () => {
    const cwd = make('number');
    const r = await schemac(['plan', '--catalog', 'odd.json'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('items.schema.ts:8:4 - error SC1000: TS1240');
    expect(r.stderr).toContain('schemac: schema has errors (1 error');
    expect(r.stderr).not.toContain('SC3001');
    expect(r.stdout).toBe('');
  });

  it('a type error wins over a catalog that cannot be read', async () => {
    const cwd = make('number');
    const r = await schemac(['plan', '--catalog', 'missing.json'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('schemac: schema has errors (1 error');
    expect(r.stderr).not.toContain('cannot read catalog file');
  });

  it('a type error stops emit-sql with no script, and plan --out writes no file', async () => {
    const cwd = make('number');
    const emitted = await schemac(['emit-sql', '--empty'], { cwd });
    expect(emitted.code).toBe(1);
    expect(emitted.stdout).toBe('');
    expect(emitted.stderr).toContain('TS1240');
    const saved = await schemac(['plan', '--empty', '--out', 'plan.json'], { cwd });
    expect(saved.code).toBe(1);
    expect(fs.existsSync(path.join(cwd, 'plan.json'))).toBe(false);
  });

  it('without type errors: the compile findings, then the catalog warning, then the plan', async () => {
    const cwd = make('string');
    const r = await schemac(['plan', '--catalog', 'odd.json'], { cwd });
    expect(r.code).toBe(0);
    const heap = r.stderr.indexOf('warning heap-table');
    const catalog = r.stderr.indexOf('warning SC3001');
    expect(heap).toBeGreaterThanOrEqual(0);
    expect(catalog).toBeGreaterThan(heap);
    expect(r.stdout).toContain('create table dbo.items');
    const emitted = await schemac(['emit-sql', '--catalog', 'odd.json'], { cwd });
    expect(emitted.code).toBe(0);
    expect(emitted.stdout).toContain('CREATE TABLE [dbo].[items]');
  });

  it('an unreadable catalog still fails plainly when the schema compiles', async () => {
    const cwd = make('string');
    const r = await schemac(['plan', '--catalog', 'missing.json'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('cannot read catalog file missing.json');
    expect(r.stderr).not.toContain('schema has errors');
  });
});

describe('migrate new plans while the type check runs, and writes only after its verdict', () => {
  let cwd = '';
  let original = '';
  const file = (): string => path.join(cwd, 'schema', 'items.schema.ts');
  beforeAll(async () => {
    cwd = itemsProject('string');
    original = fs.readFileSync(file(), 'utf8');
    const first = await schemac(['migrate', 'new', 'init'], { cwd });
    expect(first.code).toBe(0);
  });
  afterAll(() => fs.rmSync(cwd, { recursive: true, force: true }));

  const migrations = (): string[] => fs.readdirSync(path.join(cwd, 'migrations')).sort();
  /** The items table with a new column qty, and `code` typed `codeType` (number: a type error). */
  const setCodeType = (codeType: 'string' | 'number'): void => {
    fs.writeFileSync(file(), original.replace('code!: string;', `code!: ${codeType};\n  @Column.int({ nullable: true })\n  qty!: number | null;`));
  };

  it('a type error writes no migration', async () => {
    const before = migrations();
    setCodeType('number');
    const r = await schemac(['migrate', 'new', 'add_qty'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error SC1000: TS1240');
    expect(migrations()).toEqual(before);
  });

  it('a type error wins over a folder that cannot be trusted; with the schema fixed, the folder is refused', async () => {
    const sum = path.join(cwd, 'migrations', 'schemac.sum');
    const intact = fs.readFileSync(sum, 'utf8');
    fs.writeFileSync(sum, intact.replace(/h1:[A-Za-z0-9+/]{8}/, 'h1:AAAAAAAA'));
    try {
      setCodeType('number');
      const broken = await schemac(['migrate', 'new', 'add_qty'], { cwd });
      expect(broken.code).toBe(1);
      expect(broken.stderr).toContain('TS1240');
      expect(broken.stderr).not.toContain('cannot be trusted');
      setCodeType('string');
      const refused = await schemac(['migrate', 'new', 'add_qty'], { cwd });
      expect(refused.stderr).toContain('cannot be trusted');
      expect(refused.code).not.toBe(0);
    } finally {
      fs.writeFileSync(sum, intact);
    }
  });
});
