/** Name keys follow the database collation: one table under CI, two under CS and BIN. */
import {
  collationKey, DEFAULT_COLLATION, defaultNameKey, isBuiltinSchema, isCaseSensitive, isSchemacSchema, nameKeyFor,
  sameName, tableKey,
} from '../../src/sqlserver/names';

describe('name keys', () => {
  it.each([
    ['SQL_Latin1_General_CP1_CI_AS', false],
    ['Latin1_General_100_CI_AS_SC_UTF8', false],
    ['Latin1_General_CS_AS', true],
    ['Latin1_General_100_CS_AS_KS_WS', true],
    ['Latin1_General_BIN', true],
    ['Latin1_General_BIN2', true],
    ['Latin1_General_100_BIN2_UTF8', true],
    ['latin1_general_cs_as', true],
  ])('%s is case-sensitive: %s', (collation, cs) => {
    expect(isCaseSensitive(collation)).toBe(cs);
    expect(sameName(nameKeyFor(collation), 'Code', 'code')).toBe(!cs);
  });

  it('keeps exact names equal and different names apart under every collation', () => {
    for (const c of ['SQL_Latin1_General_CP1_CI_AS', 'Latin1_General_CS_AS', 'Latin1_General_BIN2']) {
      const key = nameKeyFor(c);
      expect(sameName(key, 'users', 'users')).toBe(true);
      expect(sameName(key, 'users', 'user')).toBe(false);
    }
  });

  it('keys a table by schema and name, without letting a dot join them', () => {
    const ci = nameKeyFor(DEFAULT_COLLATION);
    const cs = nameKeyFor('Latin1_General_CS_AS');
    expect(tableKey(ci, 'Sales', 'Orders')).toBe(tableKey(ci, 'sales', 'orders'));
    expect(tableKey(cs, 'Sales', 'Orders')).not.toBe(tableKey(cs, 'sales', 'orders'));
    expect(tableKey(ci, 'a.b', 'c')).not.toBe(tableKey(ci, 'a', 'b.c'));
  });

  it('defaults to the case-insensitive default collation', () => {
    // What the default means, not its spelling: names compare case-insensitively.
    expect(isCaseSensitive(DEFAULT_COLLATION)).toBe(false);
    expect(defaultNameKey('Users')).toBe(defaultNameKey('users'));
  });
});

describe('reserved names', () => {
  it('recognises schemac\'s own schema and the built-in schemas in any case', () => {
    expect(isSchemacSchema('schemac')).toBe(true);
    expect(isSchemacSchema('SchemaC')).toBe(true);
    expect(isSchemacSchema('sales')).toBe(false);
    for (const s of ['dbo', 'DBO', 'guest', 'sys', 'INFORMATION_SCHEMA']) expect(isBuiltinSchema(s)).toBe(true);
    expect(isBuiltinSchema('app')).toBe(false);
  });

  it('compares collation names case-insensitively', () => {
    expect(collationKey('latin1_general_ci_as')).toBe(collationKey('Latin1_General_CI_AS'));
  });
});
