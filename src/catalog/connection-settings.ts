/**
 * The settings both connection-string formats (URL and ADO) reduce to, and how they become an
 * `mssql` config. One place decides defaults and authentication, so both formats agree.
 */
import type { config } from 'mssql';

/** Settings named once, whatever the spelling in the connection string. */
export interface ConnectionSettings {
  server?: string;
  port?: string;
  instanceName?: string;
  database?: string;
  user?: string;
  password?: string;
  domain?: string;
  encrypt?: string;
  trustServerCertificate?: string;
  authentication?: string;
  clientId?: string;
  clientSecret?: string;
  tenantId?: string;
  token?: string;
  connectTimeout?: string;
  requestTimeout?: string;
  appName?: string;
}

/** A setting key; the secret ones are redacted everywhere. */
export type SettingKey = keyof ConnectionSettings;

/** Keys whose values are secrets: never printed, always redacted. */
export const SECRET_KEYS: readonly SettingKey[] = ['password', 'clientSecret', 'token'];

/** A connection string problem; the message never contains a secret. */
export class ConnectionStringError extends Error {
  constructor(message: string) {
    super(`catalog: invalid connection string: ${message}`);
    this.name = 'ConnectionStringError';
  }
}

/** The authentication types of tedious that a connection string can name. */
type AuthType = NonNullable<config['authentication']>['type'];

// Accepted spellings, compared lowercased without spaces, '-' or '_': tedious' own names and
// the ADO.NET `Authentication=` keywords.
const AUTH_TYPES: Record<string, AuthType> = {
  default: 'default',
  sqlpassword: 'default',
  sql: 'default',
  ntlm: 'ntlm',
  windows: 'ntlm',
  azureactivedirectorydefault: 'azure-active-directory-default',
  activedirectorydefault: 'azure-active-directory-default',
  azureactivedirectorypassword: 'azure-active-directory-password',
  activedirectorypassword: 'azure-active-directory-password',
  azureactivedirectoryserviceprincipalsecret: 'azure-active-directory-service-principal-secret',
  activedirectoryserviceprincipal: 'azure-active-directory-service-principal-secret',
  azureactivedirectoryaccesstoken: 'azure-active-directory-access-token',
  azureactivedirectorymsivm: 'azure-active-directory-msi-vm',
  activedirectorymanagedidentity: 'azure-active-directory-msi-vm',
  activedirectorymsi: 'azure-active-directory-msi-vm',
  azureactivedirectorymsiappservice: 'azure-active-directory-msi-app-service',
};

function parseBoolean(key: string, value: string): boolean {
  const v = value.trim().toLowerCase();
  if (v === 'true' || v === 'yes' || v === '1') return true;
  if (v === 'false' || v === 'no' || v === '0') return false;
  throw new ConnectionStringError(`${key} must be true or false, got "${value}"`);
}

function parseSeconds(key: string, value: string): number {
  if (!/^\d+$/.test(value.trim())) throw new ConnectionStringError(`${key} must be a whole number of seconds, got "${value}"`);
  return Number(value) * 1000;
}

function required(s: ConnectionSettings, key: SettingKey, type: string): string {
  const value = s[key];
  if (value === undefined || value === '') {
    throw new ConnectionStringError(`authentication ${type} needs ${key === 'user' ? 'a user name' : key}`);
  }
  return value;
}

function authentication(s: ConnectionSettings): config['authentication'] {
  if (s.authentication === undefined) return undefined;
  const type = AUTH_TYPES[s.authentication.toLowerCase().replace(/[\s_-]+/g, '')];
  if (type === undefined) {
    throw new ConnectionStringError(`unknown authentication "${s.authentication}" (expected one of ${[...new Set(Object.values(AUTH_TYPES))].join(', ')})`);
  }
  switch (type) {
    case 'default':
      return undefined; // SQL login: mssql builds it from user and password
    case 'ntlm': {
      // NTLM takes the domain separately; accept the familiar DOMAIN\user form too.
      let user = required(s, 'user', type);
      let domain = s.domain;
      const slash = user.indexOf('\\');
      if (domain === undefined && slash > 0) {
        domain = user.slice(0, slash);
        user = user.slice(slash + 1);
      }
      if (domain === undefined || domain === '') throw new ConnectionStringError('authentication ntlm needs domain (or a user written DOMAIN\\name)');
      return { type, options: { userName: user, password: required(s, 'password', type), domain } };
    }
    case 'azure-active-directory-default':
    case 'azure-active-directory-msi-vm':
    case 'azure-active-directory-msi-app-service':
      return { type, options: s.clientId === undefined ? {} : { clientId: s.clientId } };
    case 'azure-active-directory-password':
      // tedious uses the 'common' tenant when none is given; say so explicitly for its types.
      return {
        type,
        options: {
          userName: required(s, 'user', type),
          password: required(s, 'password', type),
          clientId: required(s, 'clientId', type),
          tenantId: s.tenantId ?? 'common',
        },
      };
    case 'azure-active-directory-service-principal-secret':
      return {
        type,
        options: {
          clientId: required(s, 'clientId', type),
          clientSecret: required(s, 'clientSecret', type),
          tenantId: required(s, 'tenantId', type),
        },
      };
    case 'azure-active-directory-access-token':
      return { type, options: { token: required(s, 'token', type) } };
    case 'token-credential':
      // Needs a credential object, which no string can carry; not in AUTH_TYPES.
      throw new ConnectionStringError('authentication token-credential cannot be given in a connection string');
  }
}

/** Builds the mssql config: encryption defaults to mssql's (on), `encrypt=false` is honoured. */
export function settingsToConfig(s: ConnectionSettings): config {
  if (s.server === undefined || s.server === '') throw new ConnectionStringError('no server (host) given');
  const auth = authentication(s);
  const result: config = {
    server: s.server,
    options: {
      encrypt: s.encrypt === undefined ? true : parseBoolean('encrypt', s.encrypt),
      trustServerCertificate: s.trustServerCertificate === undefined ? false : parseBoolean('trustServerCertificate', s.trustServerCertificate),
    },
  };
  if (s.port !== undefined && s.port !== '') {
    const port = Number(s.port);
    if (!/^\d+$/.test(s.port) || port < 1 || port > 65535) throw new ConnectionStringError(`port must be a number from 1 to 65535, got "${s.port}"`);
    result.port = port;
  }
  if (s.instanceName !== undefined && s.instanceName !== '') result.options = { ...result.options, instanceName: s.instanceName };
  if (s.appName !== undefined) result.options = { ...result.options, appName: s.appName };
  if (s.database !== undefined && s.database !== '') result.database = s.database;
  if (auth === undefined) {
    if (s.user !== undefined) result.user = s.user;
    if (s.password !== undefined) result.password = s.password;
  } else {
    result.authentication = auth;
  }
  if (s.connectTimeout !== undefined) result.connectionTimeout = parseSeconds('connectTimeout', s.connectTimeout);
  if (s.requestTimeout !== undefined) result.requestTimeout = parseSeconds('requestTimeout', s.requestTimeout);
  return result;
}
