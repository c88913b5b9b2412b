/**
 * The SCHEMAC_TEST_DATABASE_URL switch: no real server is reachable here, so this proves the
 * switch itself: the run's database name, the URLs it builds from a sample value, and that
 * without the variable the suites run on the stand-in only.
 */
import { parseConnectionString } from '../../src/catalog/connection';
import { e2eTargets, planRealServer, REAL_SERVER_ENV } from './real-server';

describe('the real-server switch', () => {
  it('is named SCHEMAC_TEST_DATABASE_URL', () => {
    expect(REAL_SERVER_ENV).toBe('SCHEMAC_TEST_DATABASE_URL');
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
