/**
 * Starts the SQL Server stand-in: a TDS 7.4 listener on 127.0.0.1 that hands each connection's
 * requests to an Engine. Protocol-level faults (dropped connections, half-written responses,
 * delays) are injected here; SQL-level faults belong to the engine.
 */
import { createServer, type Socket } from 'node:net';
import type { Engine } from './engine-interface';
import { TdsConnection } from './tds/connection';
import { FaultState, type ProtocolFaults } from './tds/faults';

/** The fault types, re-exported so tests need only this module. */
export type { ProtocolFaults, RequestInfo, RequestMatcher } from './tds/faults';

/** Options of startStandin. */
export interface StandinOptions {
  /** TCP port; 0 (the default) picks a free one. */
  readonly port?: number;
  readonly engine: Engine;
  readonly faults?: ProtocolFaults;
  /** Server name carried by ERROR and INFO tokens; default 'standin'. */
  readonly serverName?: string;
}

/** A running stand-in. */
export interface RunningStandin {
  readonly port: number;
  /** Replaces the protocol faults for requests that arrive from now on. */
  setFaults(faults: ProtocolFaults): void;
  /** Stops listening and closes every open connection. */
  close(): Promise<void>;
}

/** Starts listening; resolves once connections are accepted. */
export function startStandin(options: StandinOptions): Promise<RunningStandin> {
  const faults = new FaultState(options.faults);
  const connections = new Set<TdsConnection>();
  let nextId = 1;
  const server = createServer((socket: Socket) => {
    socket.setNoDelay(true);
    const connection = new TdsConnection(socket, {
      id: nextId++,
      engine: options.engine,
      faults,
      serverName: options.serverName ?? 'standin',
    });
    connections.add(connection);
    socket.on('close', () => connections.delete(connection));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      resolve({
        port,
        setFaults: (next) => faults.set(next),
        close: () =>
          new Promise<void>((done) => {
            for (const connection of connections) connection.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
