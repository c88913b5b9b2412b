/**
 * Connection strings: `mssql://user:pass@host:port/db?encrypt=false` URLs and ADO.NET strings
 * (`Server=host,1433;Database=db;User Id=...`) to an `mssql` config; a description of the
 * target for messages, and redaction, so that no password ever reaches a terminal or a log.
 */
import type { config } from 'mssql';
import { AdoSyntaxError, tokenizeAdo } from './connection-ado';
import { ConnectionStringError, SECRET_KEYS, settingsToConfig, type ConnectionSettings, type SettingKey } from './connection-settings';

export { ConnectionStringError } from './connection-settings';

// URL query parameters, by lowercased name.
const URL_PARAMS: Record<string, SettingKey> = {
  encrypt: 'encrypt',
  trustservercertificate: 'trustServerCertificate',
  authentication: 'authentication',
  domain: 'domain',
  clientid: 'clientId',
  clientsecret: 'clientSecret',
  tenantid: 'tenantId',
  token: 'token',
  instancename: 'instanceName',
  instance: 'instanceName',
  connecttimeout: 'connectTimeout',
  connectiontimeout: 'connectTimeout',
  requesttimeout: 'requestTimeout',
  appname: 'appName',
  applicationname: 'appName',
};

// ADO.NET keywords (lowercased, inner spaces single) and their synonyms.
const ADO_KEYS: Record<string, SettingKey | 'ignored'> = {
  server: 'server', 'data source': 'server', address: 'server', addr: 'server', 'network address': 'server',
  database: 'database', 'initial catalog': 'database',
  'user id': 'user', uid: 'user', user: 'user', 'user name': 'user', username: 'user',
  password: 'password', pwd: 'password',
  domain: 'domain',
  encrypt: 'encrypt',
  trustservercertificate: 'trustServerCertificate', 'trust server certificate': 'trustServerCertificate',
  authentication: 'authentication',
  clientid: 'clientId', 'client id': 'clientId',
  clientsecret: 'clientSecret', 'client secret': 'clientSecret',
  tenantid: 'tenantId', 'tenant id': 'tenantId',
  'connect timeout': 'connectTimeout', 'connection timeout': 'connectTimeout', timeout: 'connectTimeout',
  'command timeout': 'requestTimeout', 'request timeout': 'requestTimeout',
  'application name': 'appName', app: 'appName',
  // Pooling and session keywords that do not matter for schemac's single connection.
  'persist security info': 'ignored', multipleactiveresultsets: 'ignored', pooling: 'ignored',
  'min pool size': 'ignored', 'max pool size': 'ignored', 'packet size': 'ignored',
  'connect retry count': 'ignored', 'connect retry interval': 'ignored',
  'multisubnetfailover': 'ignored', 'multi subnet failover': 'ignored',
};

/** True when the text looks like a URL (`scheme://`) rather than an ADO string. */
function isUrl(text: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(text.trim());
}

function decode(part: string, what: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new ConnectionStringError(`the ${what} has a malformed percent-encoding (write % as %25)`);
  }
}

// The URL parser only says "Invalid URL"; name the usual culprits instead.
function whyNotAUrl(text: string): string {
  const hostPort = /^\s*[a-z][a-z0-9+.-]*:\/\/(?:.*@)?([^/?#@]*)/i.exec(text)?.[1] ?? '';
  const port = /^(?:\[[^\]]*\]|[^:]*):(.*)$/.exec(hostPort)?.[1];
  if (port !== undefined && !(/^\d+$/.test(port) && Number(port) >= 1 && Number(port) <= 65535)) {
    return `port must be a number from 1 to 65535, got "${port}"`;
  }
  if (hostPort === '') return 'no server (host) given';
  return 'not a valid URL (characters such as @ : / ? # in the user name or password must be percent-encoded)';
}

function urlSettings(text: string): ConnectionSettings {
  const scheme = text.trim().slice(0, text.trim().indexOf(':')).toLowerCase();
  if (scheme !== 'mssql' && scheme !== 'sqlserver') {
    throw new ConnectionStringError(`the URL scheme must be mssql:// (got ${scheme}://)`);
  }
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new ConnectionStringError(whyNotAUrl(text));
  }
  const s: ConnectionSettings = {};
  // Non-special schemes keep IPv6 brackets in hostname; mssql wants the bare address.
  s.server = decode(url.hostname.replace(/^\[(.*)\]$/, '$1'), 'host');
  if (url.port !== '') s.port = url.port;
  if (url.username !== '') s.user = decode(url.username, 'user name');
  if (url.password !== '') s.password = decode(url.password, 'password');
  const path = url.pathname.replace(/^\//, '');
  if (path.includes('/')) throw new ConnectionStringError('the path must be just the database name (mssql://host/database)');
  if (path !== '') s.database = decode(path, 'database name');
  if (url.hash !== '') throw new ConnectionStringError('unexpected "#" in the URL (percent-encode it as %23)');
  // Not url.searchParams: it reads '+' as a space, which would corrupt secrets and tokens.
  const params = url.search.replace(/^\?/, '').split('&').filter((p) => p !== '');
  for (const param of params) {
    const eq = param.indexOf('=');
    const name = decode(eq === -1 ? param : param.slice(0, eq), 'parameter name');
    const value = eq === -1 ? '' : decode(param.slice(eq + 1), `value of parameter "${name}"`);
    const key = URL_PARAMS[name.toLowerCase()];
    if (key === undefined) {
      throw new ConnectionStringError(`unknown parameter "${name}" (known: ${Object.keys(URL_PARAMS).join(', ')})`);
    }
    if (s[key] !== undefined) throw new ConnectionStringError(`parameter "${name}" is given twice`);
    s[key] = value;
  }
  return s;
}

// `Server=tcp:host,1433` or `host\instance`, the forms SSMS and Azure use.
function splitAdoServer(value: string, s: ConnectionSettings): void {
  let server = value.replace(/^tcp:/i, '');
  const comma = server.lastIndexOf(',');
  if (comma !== -1) {
    s.port = server.slice(comma + 1).trim();
    server = server.slice(0, comma).trim();
  }
  const slash = server.indexOf('\\');
  if (slash !== -1) {
    s.instanceName = server.slice(slash + 1);
    server = server.slice(0, slash);
  }
  s.server = server === '.' || server.toLowerCase() === '(local)' ? 'localhost' : server;
}

function adoSettings(text: string): ConnectionSettings {
  let pairs;
  try {
    pairs = tokenizeAdo(text);
  } catch (error) {
    if (error instanceof AdoSyntaxError) throw new ConnectionStringError(error.message);
    throw error;
  }
  if (pairs.length === 0) throw new ConnectionStringError('it is empty');
  const s: ConnectionSettings = {};
  for (const { key, value } of pairs) {
    if (key === 'integrated security' || key === 'trusted_connection') {
      throw new ConnectionStringError(`${key} is not supported by the driver; use Authentication=ntlm with Domain, User Id and Password`);
    }
    const setting = ADO_KEYS[key];
    if (setting === undefined) throw new ConnectionStringError(`unknown keyword "${key}"`);
    if (setting === 'ignored') continue;
    if (setting === 'server') splitAdoServer(value, s);
    else s[setting] = value;
  }
  return s;
}

/**
 * Parses a database URL or ADO.NET connection string into an `mssql` config. Throws a
 * ConnectionStringError that names what is wrong and never contains a secret.
 */
export function parseConnectionString(text: string): config {
  try {
    const settings = isUrl(text) ? urlSettings(text) : adoSettings(text);
    return settingsToConfig(settings);
  } catch (error) {
    // Belt and braces: a message built from a value next to a password must not carry it.
    if (error instanceof ConnectionStringError) throw new ConnectionStringError(redact(error.message.replace(/^catalog: invalid connection string: /, ''), text));
    throw error;
  }
}

/** Best-effort list of the secrets in a connection string, even a malformed one. */
function secretsOf(text: string): string[] {
  const found: string[] = [];
  try {
    const settings = isUrl(text) ? urlSettings(text) : adoSettings(text);
    for (const key of SECRET_KEYS) {
      const value = settings[key];
      if (value !== undefined) found.push(value);
    }
  } catch {
    // Malformed: fall back to patterns. A URL password runs from the first ':' after the
    // scheme's '//' to the last '@' (over-redacting is harmless, leaking is not).
    const url = /^\s*[a-z][a-z0-9+.-]*:\/\/[^:@]*:(.*)@/i.exec(text);
    if (url?.[1]) found.push(url[1]);
  }
  const keyed = /(?:^|[;?&])\s*(?:password|pwd|clientsecret|client secret|token)\s*=\s*("(?:[^"]|"")*"?|'(?:[^']|'')*'?|\{(?:[^}]|\}\})*\}?|[^;&]*)/gi;
  for (const m of text.matchAll(keyed)) {
    const raw = (m[1] ?? '').trim();
    found.push(raw, raw.replace(/^["'{]|["'}]$/g, ''));
  }
  const variants = found.flatMap((secret) => {
    let decoded = secret;
    try {
      decoded = decodeURIComponent(secret);
    } catch {
      // not percent-encoded: the raw form is enough
    }
    return [secret, decoded, encodeURIComponent(decoded)];
  });
  // Longest first, so a secret is not half-replaced by a shorter one it contains.
  return [...new Set(variants)].filter((v) => v !== '').sort((a, b) => b.length - a.length);
}

/** Replaces every secret of `connectionString` (raw, percent-decoded or -encoded) in `text` with ***. */
export function redact(text: string, connectionString: string): string {
  let result = text;
  for (const secret of secretsOf(connectionString)) result = result.split(secret).join('***');
  return result;
}

/** A one-line description of where a config connects, for messages; never includes a secret. */
export function describeTarget(target: config): string {
  const host = target.options?.instanceName ? `${target.server}\\${target.options.instanceName}` : target.server;
  const port = target.port !== undefined && !target.options?.instanceName ? `:${target.port}` : '';
  const auth = target.authentication;
  const user = auth === undefined
    ? target.user
    : 'userName' in auth.options ? auth.options.userName : undefined;
  const who = user !== undefined && user !== '' ? `${user}@` : '';
  const database = target.database ?? '(default database)';
  const extras = [
    auth !== undefined && auth.type !== 'default' ? `authentication=${auth.type}` : null,
    target.options?.encrypt === false ? 'unencrypted' : 'encrypted',
    target.options?.trustServerCertificate ? 'trusting the server certificate' : null,
  ].filter((x): x is string => x !== null);
  return `${who}${host}${port}/${database} (${extras.join(', ')})`;
}

/** The secret values a config holds: its password, and any client secret, token or NTLM/AAD password. */
function configSecrets(target: config): string[] {
  const found: string[] = [];
  if (target.password) found.push(target.password);
  const options: Readonly<Record<string, unknown>> = target.authentication?.options ?? {};
  for (const key of ['password', 'clientSecret', 'token']) {
    const value = options[key];
    if (typeof value === 'string' && value !== '') found.push(value);
  }
  return found.sort((a, b) => b.length - a.length);
}

/** Replaces every secret held by `target` in `text` with ***, for messages built from driver errors. */
export function redactConfig(text: string, target: config): string {
  let result = text;
  for (const secret of configSecrets(target)) result = result.split(secret).join('***');
  return result;
}
