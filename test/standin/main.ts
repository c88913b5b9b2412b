/**
 * `npm run standin -- --port P`: runs the SQL Server stand-in with its engine (database 'app',
 * login 'sa', password from SCHEMAC_STANDIN_PASSWORD, default 'Standin-Passw0rd') until SIGINT or
 * SIGTERM. Prints exactly `listening on 127.0.0.1:<port>` once it accepts connections, so scripts
 * can wait for that line.
 */
import { createEngine } from './engine/index';
import { startStandin } from './server';

/** The password used when SCHEMAC_STANDIN_PASSWORD is not set. */
// No shell-special characters: the README's example puts it in a double-quoted URL, where bash
// would expand a '!' from the history.
export const DEFAULT_STANDIN_PASSWORD = 'Standin-Passw0rd';

/** Reads --port N / --port=N; 0 (any free port) when absent. */
export function parsePort(argv: readonly string[]): number {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const value = arg === '--port' ? argv[i + 1] : arg.startsWith('--port=') ? arg.slice('--port='.length) : undefined;
    if (value === undefined) continue;
    const port = Number(value);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`standin: --port must be an integer from 0 to 65535, got '${value}'`);
    return port;
  }
  return 0;
}

async function main(): Promise<void> {
  const port = parsePort(process.argv.slice(2));
  // An empty value counts as unset, as `SCHEMAC_STANDIN_PASSWORD= npm run standin` usually means.
  const password = process.env.SCHEMAC_STANDIN_PASSWORD || DEFAULT_STANDIN_PASSWORD;
  const standin = await startStandin({ port, engine: createEngine({ password, databases: ['app'] }) });
  process.stdout.write(`listening on 127.0.0.1:${standin.port}\n`);
  const stop = (): void => {
    void standin.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
