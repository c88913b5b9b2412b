/**
 * Reading the migrations folder streams each file through the hash: the hash must be the one
 * migrationHash gives on the whole files (every schemac.sum holds those), whatever falls on a
 * piece's edge; after.json is parsed only when its state is used, and a broken one is still an
 * error naming it; a file changed after it was hashed is never used.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readMigrations, writeSum } from '../../src/migrate/directory';
import { MIGRATION_FILES, type MigrationFileName } from '../../src/migrate/layout';
import { loadMigrations } from '../../src/migrate/load';
import { renderState } from '../../src/migrate/state';
import { PIECE_BYTES as MB } from '../../src/migrate/stream-file';
import { migrationHash } from '../../src/migrate/sum';
import { col, db, pk, table } from '../support/model-builders';

let dir: string;
beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schemac-read-folder-')); });
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));


function writeFolder(id: string, files: Readonly<Record<MigrationFileName, string | Buffer>>): void {
  fs.mkdirSync(path.join(dir, id));
  for (const name of MIGRATION_FILES) fs.writeFileSync(path.join(dir, id, name), files[name]);
}

function bytesOf(id: string): Record<MigrationFileName, Buffer> {
  return Object.fromEntries(MIGRATION_FILES.map((n) => [n, fs.readFileSync(path.join(dir, id, n))])) as Record<MigrationFileName, Buffer>;
}

const state = (parent: string | null) => renderState(db([table('t', { columns: [col('id', 'int')], pk: pk('pk_t', ['id']) })]), parent);

describe('reading a migration folder', () => {
  it('hashes as migrationHash does, whatever falls on the edge of a piece', () => {
    const pad = (n: number) => 'x'.repeat(n);
    const cases: Record<string, string | Buffer> = {
      // A CRLF split by the first piece's end, and one at the very end.
      crlf: `${pad(MB - 1)}\r\n${pad(10)}\r\n`,
      // A CR alone at the edge, and at the very end.
      cr: `${pad(MB - 1)}\r${pad(10)}\r`,
      // Characters of 2, 3 and 4 bytes across the edge.
      two: `${pad(MB - 1)}é${pad(5)}`,
      three: `${pad(MB - 2)}€\r\n`,
      four: `${pad(MB - 3)}😀${pad(MB)}😀`,
      empty: '',
      // Not UTF-8: hashed as the text it decodes to, near the edge and at the end.
      broken: Buffer.concat([Buffer.from(pad(MB - 1)), Buffer.from([0xe2, 0x82]), Buffer.from('\r\n')]),
      truncated: Buffer.concat([Buffer.from(pad(10)), Buffer.from([0xf0, 0x9f])]),
    };
    for (const [name, up] of Object.entries(cases)) {
      const id = `20260101000000_${name}`;
      writeFolder(id, { 'up.sql': up, 'down.sql': up, 'after.json': state(null) });
      const [folder] = readMigrations(dir, 'migrations').folders.filter((f) => f.id === id);
      expect(folder?.hash).toBe(migrationHash(id, bytesOf(id)));
      expect(folder?.files['up.sql']).toBe(Buffer.from(up).toString('utf8'));
      // Streamed (after.json's end read as it went by) unless the bytes are not UTF-8.
      expect(folder?.afterTail === null).toBe(name === 'broken' || name === 'truncated');
    }
  });

  it('reads each parent from the end of after.json, and parses it when its state is used', () => {
    writeFolder('20260101000000_a', { 'up.sql': '', 'down.sql': '', 'after.json': state(null) });
    writeFolder('20260102000000_b', { 'up.sql': '', 'down.sql': '', 'after.json': state('20260101000000_a').replace(/\n/g, '\r\n') });
    writeSum(dir, readMigrations(dir, 'migrations').folders);
    const loaded = loadMigrations(dir, 'migrations');
    expect(loaded.problems).toEqual([]);
    expect(loaded.disk.folders.map((f) => f.afterTail)).toEqual([{ parent_migration: null }, { parent_migration: '20260101000000_a' }]);
    expect(loaded.migrations.map((m) => m.state.model.tables.map((t) => t.name))).toEqual([['t'], ['t']]);
  });

  it('a hand-broken after.json is an error naming it, when its end is broken at once, else when its state is used', () => {
    writeFolder('20260101000000_a', { 'up.sql': '', 'down.sql': '', 'after.json': state(null).replace('"tables"', '"tables" "') });
    writeSum(dir, readMigrations(dir, 'migrations').folders);
    const loaded = loadMigrations(dir, 'migrations');
    expect(loaded.migrations[0]?.state.parent).toBeNull();
    expect(() => loaded.migrations[0]?.state.model).toThrow(/^migrations\/20260101000000_a\/after\.json: not valid JSON/);
    fs.writeFileSync(path.join(dir, '20260101000000_a', 'after.json'), state(null).slice(0, -5));
    writeSum(dir, readMigrations(dir, 'migrations').folders);
    expect(() => loadMigrations(dir, 'migrations')).toThrow(/^migrations\/20260101000000_a\/after\.json: not valid JSON/);
    // A parent that is not an id is still refused by name.
    fs.writeFileSync(path.join(dir, '20260101000000_a', 'after.json'), state(null).replace('"parent_migration": null', '"parent_migration": 3'));
    expect(() => loadMigrations(dir, 'migrations')).toThrow(/^migrations\/20260101000000_a\/after\.json: parent_migration: expected a migration id or null/);
  });

  it('an edit anywhere in after.json is still an edit', () => {
    writeFolder('20260101000000_a', { 'up.sql': '', 'down.sql': '', 'after.json': state(null) });
    writeSum(dir, readMigrations(dir, 'migrations').folders);
    const file = path.join(dir, '20260101000000_a', 'after.json');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"pk_t"', '"pk_u"'));
    expect(loadMigrations(dir, 'migrations').problems).toEqual([{ kind: 'edited', id: '20260101000000_a' }]);
  });

  it('a file changed after the folder was hashed is refused, not used', () => {
    writeFolder('20260101000000_a', { 'up.sql': 'SELECT 1;\n', 'down.sql': '', 'after.json': state(null) });
    const [folder] = readMigrations(dir, 'migrations').folders;
    fs.writeFileSync(path.join(dir, '20260101000000_a', 'up.sql'), 'DROP TABLE t;\n');
    expect(() => folder?.files['up.sql']).toThrow(/^migrations\/20260101000000_a changed while schemac was reading it/);
  });
});
