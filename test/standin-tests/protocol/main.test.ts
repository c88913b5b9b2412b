import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import sql from 'mssql';
import { parsePort, serverOptions, DEFAULT_STANDIN_PASSWORD } from '../../standin/main';

const ROOT = path.resolve(__dirname, '../../..');

/** Resolves with the first stdout line of the child, or rejects when it exits first. */
function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr?.on('data', (d: Buffer) => { err += d.toString(); });
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const newline = out.indexOf('\n');
      if (newline >= 0) resolve(out.slice(0, newline));
    });
    child.once('exit', (code) => reject(new Error(`standin exited with ${code} before printing: ${err}`)));
  });
}

function withoutPassword(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { SCHEMAC_STANDIN_PASSWORD: _ignored, ...rest } = env;
  return rest;
}

describe('npm run standin', () => {
  it('parses --port', () => {
    expect(parsePort(['--port', '1433'])).toBe(1433);
    expect(parsePort(['--port=0'])).toBe(0);
    expect(parsePort([])).toBe(0);
    expect(() => parsePort(['--port', 'x'])).toThrow(/--port/);
  });

  it('parses --product-version and --edition, refusing what the stand-in cannot report', () => {
    expect(serverOptions(['--port', '0', '--product-version', '14.0.1000.169', '--edition=azure'])).toEqual({ productVersion: '14.0.1000.169', edition: 'azure' });
    expect(serverOptions([])).toEqual({});
    expect(() => serverOptions(['--product-version', '2017'])).toThrow(/--product-version must look like 14\.0\.1000\.169/);
    expect(() => serverOptions(['--edition', 'web'])).toThrow(/--edition must be one of developer, enterprise, standard, express, azure/);
  });

  it('prints the listening line, serves the real engine over TDS, and stops on SIGTERM', async () => {
    // Transpile-only keeps ts-node from type-checking the whole engine on a shared 2-core box;
    // tsc checks the types separately.
    const child = spawn('npm', ['run', '--silent', 'standin', '--', '--port', '0'], {
      cwd: ROOT,
      detached: true,
      env: { ...withoutPassword(process.env), TS_NODE_TRANSPILE_ONLY: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const killGroup = (): void => {
      if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
    };
    try {
      const line = await firstLine(child);
      expect(line).toMatch(/^listening on 127\.0\.0\.1:\d+$/);
      const port = Number(line.split(':')[1]);
      expect(port).toBeGreaterThan(0);
      const pool = new sql.ConnectionPool({ server: '127.0.0.1', port, user: 'sa', password: DEFAULT_STANDIN_PASSWORD, database: 'app', options: { encrypt: false } });
      await pool.connect();
      const result = await pool.request().query('select 1 as one');
      expect(result.recordset).toEqual([{ one: 1 }]);
      await pool.close();
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      killGroup();
      await expect(exited).resolves.toBeDefined();
    } finally {
      killGroup();
    }
  }, 180_000);
});
