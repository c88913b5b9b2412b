import { ConnectionStringError, describeTarget, parseConnectionString, redact, redactConfig } from '../../src/catalog/connection';

const SECRET = 'S3cr3t!p@ss;w=rd';

function errorOf(text: string): string {
  try {
    parseConnectionString(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ConnectionStringError);
    return (error as Error).message;
  }
  throw new Error('expected parseConnectionString to throw');
}

describe('database URLs', () => {
  it('parses user, percent-decoded password, host, port, database and flags', () => {
    const config = parseConnectionString(
      `mssql://sa:${encodeURIComponent(SECRET)}@db.example.com:14330/app%20prod?encrypt=true&trustServerCertificate=true`,
    );
    expect(config).toEqual({
      server: 'db.example.com', port: 14330, database: 'app prod', user: 'sa', password: SECRET,
      options: { encrypt: true, trustServerCertificate: true },
    });
  });

  it('encrypts by default, like mssql, and honours encrypt=false', () => {
    expect(parseConnectionString('mssql://u:p@localhost/app').options).toEqual({ encrypt: true, trustServerCertificate: false });
    expect(parseConnectionString('mssql://u:p@localhost/app?encrypt=false').options?.encrypt).toBe(false);
    expect(parseConnectionString('mssql://u:p@localhost/app?Encrypt=FALSE').options?.encrypt).toBe(false);
  });

  it('leaves the port and database to the driver when absent', () => {
    const config = parseConnectionString('mssql://u:p@localhost');
    expect(config.port).toBeUndefined();
    expect(config.database).toBeUndefined();
  });

  it('accepts IPv6 hosts without the brackets mssql does not want', () => {
    expect(parseConnectionString('mssql://u:p@[::1]:1433/app').server).toBe('::1');
  });

  it('maps authentication types to tedious authentication objects', () => {
    expect(parseConnectionString('mssql://myserver.database.windows.net/app?authentication=azure-active-directory-default').authentication)
      .toEqual({ type: 'azure-active-directory-default', options: {} });
    expect(parseConnectionString('mssql://a%40corp.com:pw@h/app?authentication=azure-active-directory-password&clientId=cid&tenantId=tid').authentication)
      .toEqual({ type: 'azure-active-directory-password', options: { userName: 'a@corp.com', password: 'pw', clientId: 'cid', tenantId: 'tid' } });
    expect(parseConnectionString('mssql://h/app?authentication=azure-active-directory-service-principal-secret&clientId=c&clientSecret=s&tenantId=t').authentication)
      .toEqual({ type: 'azure-active-directory-service-principal-secret', options: { clientId: 'c', clientSecret: 's', tenantId: 't' } });
    expect(parseConnectionString('mssql://bob:pw@h/app?authentication=ntlm&domain=CORP').authentication)
      .toEqual({ type: 'ntlm', options: { userName: 'bob', password: 'pw', domain: 'CORP' } });
  });

  it('keeps + in parameter values and @ in an unencoded password', () => {
    const config = parseConnectionString('mssql://h/app?authentication=azure-active-directory-service-principal-secret&clientId=c&clientSecret=a+b/c%2Bd&tenantId=t');
    expect(config.authentication?.options).toMatchObject({ clientSecret: 'a+b/c+d' });
    expect(parseConnectionString('mssql://sa:p@ss@h/app').password).toBe('p@ss');
  });

  it('does not put user and password beside a non-default authentication', () => {
    const config = parseConnectionString('mssql://bob:pw@h/app?authentication=ntlm&domain=CORP');
    expect(config.user).toBeUndefined();
    expect(config.password).toBeUndefined();
  });

  // Realistic passwords: the error path redacts every occurrence of the password, so a
  // one-letter password would (harmlessly) star out letters of the message too.
  it.each([
    ['mssql://u:hunter22@h:99999/app', /port must be a number from 1 to 65535, got "99999"/],
    ['mssql://u:hunter22@h/app/extra', /the path must be just the database name/],
    ['postgres://u:hunter22@h/app', /the URL scheme must be mssql:\/\/ \(got postgres:\/\/\)/],
    ['mssql://u:hunter22@h/app?encrypted=false', /unknown parameter "encrypted"/],
    ['mssql://u:hunter22@h/app?encrypt=maybe', /encrypt must be true or false, got "maybe"/],
    ['mssql://u:hunter22@h/app?authentication=kerberos', /unknown authentication "kerberos"/],
    ['mssql://u:hunter22@h/app?authentication=ntlm', /authentication ntlm needs domain/],
    ['mssql://h/app?authentication=azure-active-directory-service-principal-secret&clientId=c', /needs clientSecret/],
    ['mssql:///app', /no server \(host\) given|not a valid URL/],
  ])('explains what is wrong with %s', (url, message) => {
    expect(errorOf(url)).toMatch(message);
    expect(errorOf(url)).toMatch(/^catalog: invalid connection string: /);
  });

  it('never puts the password in an error', () => {
    const urls = [
      `mssql://sa:${encodeURIComponent(SECRET)}@h:70000/app`,
      `mssql://sa:${encodeURIComponent(SECRET)}@h/app?encrypt=${encodeURIComponent(SECRET)}`,
      `mssql://sa:bad%ZZ${encodeURIComponent(SECRET)}@h/app`,
      `mssql://sa:${SECRET}#frag@h/app`,
    ];
    for (const url of urls) {
      const message = errorOf(url);
      expect(message).not.toContain(SECRET);
      expect(message).not.toContain(encodeURIComponent(SECRET));
    }
  });
});

describe('ADO.NET connection strings', () => {
  it('parses case-insensitive keys, server,port and quoted values', () => {
    const config = parseConnectionString(
      `server=tcp:db.example.com,1433;Initial Catalog=app;User ID=sa;PASSWORD="${SECRET.replace(/"/g, '""')}";Encrypt=True;TrustServerCertificate=yes;Persist Security Info=False;Connection Timeout=30;`,
    );
    expect(config).toEqual({
      server: 'db.example.com', port: 1433, database: 'app', user: 'sa', password: SECRET,
      connectionTimeout: 30_000, options: { encrypt: true, trustServerCertificate: true },
    });
  });

  it('reads single-quoted and braced values, doubled quotes escaping', () => {
    expect(parseConnectionString("Server=h;Database=d;User Id=u;Password='it''s;x'").password).toBe("it's;x");
    expect(parseConnectionString('Server=h;Database=d;User Id=u;Pwd={a}}b;c}').password).toBe('a}b;c');
  });

  it('reads a named instance', () => {
    const config = parseConnectionString('Data Source=.\\SQLEXPRESS;Database=app;User Id=u;Password=p;Encrypt=false');
    expect(config.server).toBe('localhost');
    expect(config.options).toEqual({ encrypt: false, trustServerCertificate: false, instanceName: 'SQLEXPRESS' });
  });

  it('maps ADO authentication keywords', () => {
    expect(parseConnectionString('Server=h;Database=d;Authentication=Active Directory Default').authentication)
      .toEqual({ type: 'azure-active-directory-default', options: {} });
    expect(parseConnectionString('Server=h;Database=d;Authentication=ntlm;User Id=CORP\\bob;Password=pw').authentication)
      .toEqual({ type: 'ntlm', options: { userName: 'bob', password: 'pw', domain: 'CORP' } });
  });

  it.each([
    ['Server=h;Database=d;Password="unterminated', /the value of "password" has no closing "/],
    ['Server=h;Databse=d', /unknown keyword "databse"/],
    ['Server=h;Integrated Security=SSPI', /integrated security is not supported/],
    ['Database=d;User Id=u', /no server \(host\) given/],
    ['Server=h;justtext', /part 2 has no "="/],
    ['', /it is empty/],
  ])('explains what is wrong with %s', (text, message) => {
    expect(errorOf(text)).toMatch(message);
  });

  it('never puts the password in an error', () => {
    const texts = [
      `Server=h;Password=${SECRET.replace(/;/g, '')};Port=x;Encrypt=${SECRET.replace(/;/g, '')}`,
      `Server=h;Password="${SECRET}`,
      `Server=h;Password=${SECRET}`, // the unquoted ';' splits it: the rest must not be echoed
    ];
    for (const text of texts) {
      const message = errorOf(text);
      for (const part of [SECRET, ...SECRET.split(';')]) expect(message).not.toContain(part);
    }
  });
});

describe('describeTarget and redaction', () => {
  const targets = [
    `mssql://sa:${encodeURIComponent(SECRET)}@db.example.com:1433/app?encrypt=false`,
    `Server=db.example.com,1433;Database=app;User Id=sa;Password="${SECRET}"`,
    `mssql://bob:${encodeURIComponent(SECRET)}@h/app?authentication=ntlm&domain=CORP`,
    `mssql://h/app?authentication=azure-active-directory-service-principal-secret&clientId=c&clientSecret=${encodeURIComponent(SECRET)}&tenantId=t`,
  ];

  it('describes where a config connects, without secrets', () => {
    expect(describeTarget(parseConnectionString(targets[0]!))).toBe('sa@db.example.com:1433/app (unencrypted)');
    expect(describeTarget(parseConnectionString(targets[1]!))).toBe('sa@db.example.com:1433/app (encrypted)');
    expect(describeTarget(parseConnectionString(targets[2]!))).toBe('bob@h/app (authentication=ntlm, encrypted)');
    for (const t of targets) expect(describeTarget(parseConnectionString(t))).not.toContain(SECRET);
  });

  it('redacts the secret in raw, decoded and encoded forms', () => {
    for (const t of targets) {
      const text = `failed: ${t} | ${SECRET} | ${encodeURIComponent(SECRET)}`;
      const out = redact(text, t);
      expect(out).not.toContain(SECRET);
      expect(out).not.toContain(encodeURIComponent(SECRET));
      expect(out).toContain('***');
      expect(redactConfig(`login with ${SECRET} failed`, parseConnectionString(t))).toBe('login with *** failed');
    }
  });

  it('redacts even a connection string it cannot parse', () => {
    const broken = `mssql://sa:${SECRET}@h:notaport/app`;
    expect(redact(`bad url ${broken}`, broken)).not.toContain(SECRET);
  });

  it('leaves text without secrets alone', () => {
    expect(redact('cannot reach h:1433', 'mssql://h/app')).toBe('cannot reach h:1433');
  });
});
