/**
 * `npm run standin -- --port P [--product-version 14.0.1000.169] [--edition azure]`: runs the SQL Server stand-in with its engine (database 'app',
 * login 'sa', password from SCHEMAC_STANDIN_PASSWORD, default 'Standin-Passw0rd') until SIGINT or
 * SIGTERM. Prints exactly `listening on 127.0.0.1:<port>` once it accepts connections, so scripts
 * can wait for that line.
 */
import { createEngine } from './engine/index';
import { startStandin } from './server';
import { EDITIONS, type StandinEdition } from './engine/editions';

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

/** Reads --name V / --name=V; undefined when absent. */
export function optionValue(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === `--${name}`) return argv[i + 1];
    if (arg.startsWith(`--${name}=`)) return arg.slice(name.length + 3);
  }
  return undefined;
}

/** The version and edition the stand-in reports (--product-version, --edition), checked. */
export function serverOptions(argv: readonly string[]): { productVersion?: string; edition?: StandinEdition } {
  const productVersion = optionValue(argv, 'product-version');
  if (productVersion !== undefined && !/^\d+\.\d+\.\d+\.\d+$/.test(productVersion)) throw new Error(`standin: --product-version must look like 14.0.1000.169, got '${productVersion}'`);
  const edition = optionValue(argv, 'edition');
  if (edition !== undefined && !(edition in EDITIONS)) throw new Error(`standin: --edition must be one of ${Object.keys(EDITIONS).join(', ')}, got '${edition}'`);
  return { ...(productVersion !== undefined ? { productVersion } : {}), ...(edition !== undefined ? { edition: edition as StandinEdition } : {}) };
}

async function main(): Promise<void> {
  const port = parsePort(process.argv.slice(2));
  const server = serverOptions(process.argv.slice(2));
  // An empty value counts as unset, as `SCHEMAC_STANDIN_PASSWORD= npm run standin` usually means.
  const password = process.env.SCHEMAC_STANDIN_PASSWORD || DEFAULT_STANDIN_PASSWORD;
  const standin = await startStandin({ port, engine: createEngine({ password, databases: ['app'], ...server }) });
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
