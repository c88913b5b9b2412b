/**
 * schemac's connections send each request whole: Nagle's algorithm is off on the driver's socket
 * (src/catalog/connect.ts, sendPacketsAtOnce), or a request of several TDS packets waits for the
 * server's delayed ACK before its last packet leaves. Over the wire, against the stand-in.
 */
import * as net from 'net';
import { connectPool } from '../../src/catalog/connect';
import { parseConnectionString } from '../../src/catalog/connection';
import { createEngine } from '../standin/engine';
import { startStandin, type RunningStandin } from '../standin/server';

const PASSWORD = 'NoDelay#Secret1';

describe('a connection schemac opens', () => {
  let standin: RunningStandin;

  beforeAll(async () => {
    standin = await startStandin({ engine: createEngine({ password: PASSWORD, databases: ['app'] }) });
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await standin.close();
  });

  it('turns Nagle off on its socket to the server, and a request of many packets is answered', async () => {
    // Each call with the peer the socket had then: the stand-in's own sockets turn Nagle off too,
    // so only the client's count, whose peer is the server.
    const original = net.Socket.prototype.setNoDelay;
    const calls: { peerPort: number | undefined; noDelay: boolean | undefined }[] = [];
    jest.spyOn(net.Socket.prototype, 'setNoDelay').mockImplementation(function (this: net.Socket, noDelay?: boolean) {
      calls.push({ peerPort: this.remotePort, noDelay });
      return original.call(this, noDelay);
    });
    const config = parseConnectionString(`mssql://sa:${encodeURIComponent(PASSWORD)}@127.0.0.1:${standin.port}/app?encrypt=false`);
    const pool = await connectPool(config, { requestTimeout: 10_000, pool: { max: 1, min: 0 } });
    try {
      expect(calls.filter((c) => c.peerPort === standin.port)).toEqual([{ peerPort: standin.port, noDelay: true }]);
      // Longer than one 4,096-byte packet: the case the setting is for.
      const padding = `/* ${'x'.repeat(20_000)} */`;
      const result = await pool.request().query(`${padding} SELECT 1 AS one`);
      expect(result.recordset).toEqual([{ one: 1 }]);
    } finally {
      await pool.close();
    }
  });
});
