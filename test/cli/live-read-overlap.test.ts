/**
 * On a large schema, plan and emit-sql start reading a live server's catalog while TypeScript's
 * check runs (app/plan-run.ts, LIVE_READ_BESIDE_CHECK_FILES); on a small one they connect after
 * its verdict, as loading the driver would outlast the check. Either way a schema with a type
 * error gets exactly its answer, and the command ends at once: it does not wait for a connection
 * it no longer needs, even to a server that accepts the connection and never answers (its
 * connect timeout here is ten minutes).
 */
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import { LIVE_READ_BESIDE_CHECK_FILES } from '../../src/app/plan-run';
import { itemsProject } from '../support/items-project';
import { schemacChild } from '../e2e/support/child-cli';

/** itemsProject (a type error in items.schema.ts) with `count` more one-column tables. */
function largeProject(count: number): string {
  const dir = itemsProject('number');
  for (let i = 0; i < count; i++) {
    fs.writeFileSync(path.join(dir, 'schema', `t${i}.schema.ts`), [
      "import { Column, Table } from 'schemac';",
      `@Table('t${i}')`,
      `export class T${i} {`,
      '  @Column.int({ primaryKey: true })',
      '  id!: number;',
      '}',
      '',
    ].join('\n'));
  }
  return dir;
}

describe('a live catalog read and the type check', () => {
  let server: net.Server;
  let port = 0;
  const sockets: net.Socket[] = [];
  const dirs: string[] = [];

  beforeAll(async () => {
    // Accepts connections and never says a word: a login to it never completes.
    server = net.createServer((socket) => { sockets.push(socket); });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as net.AddressInfo).port;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  const run = async (command: string, dir: string) => {
    dirs.push(dir);
    const before = sockets.length;
    const url = `mssql://sa:Silent-Passw0rd@127.0.0.1:${port}/app?encrypt=false&connectTimeout=600`;
    const r = await schemacChild([command, '--database', url], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('items.schema.ts:8:4 - error SC1000: TS1240');
    expect(r.stderr).toContain('schemac: schema has errors (1 error');
    expect(r.stderr).not.toContain('catalog:');
    expect(r.stdout).toBe('');
    return { contacted: sockets.length > before };
  };

  it.each([['plan'], ['emit-sql']])('%s on a small schema: the type error first, the server never contacted', async (command) => {
    expect(await run(command, itemsProject('number'))).toEqual({ contacted: false });
  });

  it('plan on a large schema: the read starts beside the check, and a type error ends the command at once', async () => {
    expect(await run('plan', largeProject(LIVE_READ_BESIDE_CHECK_FILES))).toEqual({ contacted: true });
  });
});
