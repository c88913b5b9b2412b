/**
 * The SCHEMAC_TEST_DATABASE_URL switch: no real server is reachable here, so this proves the
 * switch itself: the run's database name, the URLs it builds from a sample value, and that
 * without the variable the suites run on the stand-in only.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseConnectionString } from '../../src/catalog/connection';
import { repoRoot } from '../cli/run-cli';
import { e2eTargets, planRealServer, REAL_SERVER_ENV } from './real-server';

describe('the real-server switch', () => {
  it('is the variable the README documents and the CI workflow sets, to a URL that reaches its SQL Server service', () => {
    expect(fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8')).toContain(`${REAL_SERVER_ENV}=`);
    const ci = fs.readFileSync(path.join(repoRoot, '.github', 'workflows', 'ci.yml'), 'utf8');
    expect(ci).toContain('image: mcr.microsoft.com/mssql/server:2022-latest');
    const url = new RegExp(`^\\s*${REAL_SERVER_ENV}:\\s*(\\S+)\\s*$`, 'm').exec(ci)?.[1];
    expect(url).toBeDefined();
    const config = parseConnectionString(planRealServer(url!, 'ci').databaseUrl);
    expect(config).toMatchObject({ server: '127.0.0.1', port: 1433, user: 'sa', database: 'schemac_test_ci' });
    // The container's certificate is self-signed: encrypted, trusting it.
    expect(config.options).toMatchObject({ encrypt: true, trustServerCertificate: true });
    const containerPasswords = [...ci.matchAll(/MSSQL_SA_PASSWORD:\s*(\S+)/g)].map((m) => m[1]);
    expect(containerPasswords.length).toBeGreaterThan(0);
    for (const password of containerPasswords) expect(password).toBe(config.password);
  });

  it('without the variable (or with it blank), only the stand-in target exists', () => {
    expect(e2eTargets({}).map((t) => [t.name, t.faults])).toEqual([['stand-in', true]]);
    expect(e2eTargets({ [REAL_SERVER_ENV]: '  ' }).map((t) => t.name)).toEqual(['stand-in']);
  });

  it('with the variable, the suites run on the stand-in and on the real server, where faults are off', () => {
    const targets = e2eTargets({ [REAL_SERVER_ENV]: 'mssql://sa:pw@db.example:1433/anything' });
    expect(targets.map((t) => [t.name, t.faults])).toEqual([['stand-in', true], ['real server', false]]);
  });

  it('builds master and run-database URLs from a URL, keeping credentials, host, port and options', () => {
    const plan = planRealServer('mssql://sa:S3cr%40t%21@localhost:14330/whatever?encrypt=false&trustServerCertificate=true', 'a1b2c3d4');
    expect(plan.databaseName).toBe('schemac_test_a1b2c3d4');
    expect(plan.masterUrl).toBe('mssql://sa:S3cr%40t%21@localhost:14330/master?encrypt=false&trustServerCertificate=true');
    expect(plan.databaseUrl).toBe('mssql://sa:S3cr%40t%21@localhost:14330/schemac_test_a1b2c3d4?encrypt=false&trustServerCertificate=true');
    // And schemac reads them as meant: same login, the right database.
    const config = parseConnectionString(plan.databaseUrl);
    expect(config.server).toBe('localhost');
    expect(config.port).toBe(14330);
    expect(config.database).toBe('schemac_test_a1b2c3d4');
    expect(config.options?.encrypt).toBe(false);
    expect(parseConnectionString(plan.masterUrl).database).toBe('master');
  });

  it('adds a database to a URL that names none', () => {
    expect(planRealServer('mssql://sa:pw@127.0.0.1:1433', 'x').databaseUrl).toBe('mssql://sa:pw@127.0.0.1:1433/schemac_test_x');
  });

  it('replaces Database / Initial Catalog in an ADO.NET string', () => {
    const plan = planRealServer('Server=tcp:127.0.0.1,1433;Initial Catalog=app;User Id=sa;Password=pw;Encrypt=false', 'beef');
    expect(plan.databaseUrl).toBe('Server=tcp:127.0.0.1,1433;User Id=sa;Password=pw;Encrypt=false;Database=schemac_test_beef');
    expect(plan.masterUrl).toBe('Server=tcp:127.0.0.1,1433;User Id=sa;Password=pw;Encrypt=false;Database=master');
    expect(parseConnectionString(plan.databaseUrl).database).toBe('schemac_test_beef');
  });

  it('gives every run its own random database name', () => {
    const a = planRealServer('mssql://sa:pw@h/app').databaseName;
    const b = planRealServer('mssql://sa:pw@h/app').databaseName;
    expect(a).toMatch(/^schemac_test_[0-9a-f]{8}$/);
    expect(a).not.toBe(b);
  });
});
