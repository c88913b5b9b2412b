/**
 * plan and emit-sql start reading a live server's catalog while TypeScript's check runs
 * (app/plan-run.ts). A schema with a type error still gets exactly its answer, and the command
 * ends at once: it does not wait for a connection it no longer needs, even to a server that
 * accepts the connection and never answers (its connect timeout here is ten minutes).
 */
import * as fs from 'fs';
import * as net from 'net';
import { itemsProject } from '../support/items-project';
import { schemacChild } from '../e2e/support/child-cli';

describe('a live catalog read started beside the type check', () => {
  let server: net.Server;
  let port = 0;
  const sockets: net.Socket[] = [];
  let dir = '';

  beforeAll(async () => {
    // Accepts connections and never says a word: a login to it never completes.
    server = net.createServer((socket) => { sockets.push(socket); });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as net.AddressInfo).port;
    dir = itemsProject('number');
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each([['plan'], ['emit-sql']])('%s: a type error ends the command at once, the server already contacted', async (command) => {
    const before = sockets.length;
    const url = `mssql://sa:Silent-Passw0rd@127.0.0.1:${port}/app?encrypt=false&connectTimeout=600`;
    const r = await schemacChild([command, '--database', url], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('items.schema.ts:8:4 - error SC1000: TS1240');
    expect(r.stderr).toContain('schemac: schema has errors (1 error');
    expect(r.stderr).not.toContain('catalog:');
    expect(r.stdout).toBe('');
    // The read started while the check ran (before its verdict), and was let go.
    expect(sockets.length).toBeGreaterThan(before);
  });
});
