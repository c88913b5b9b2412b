import { ignoredTable, withoutIgnored } from '../../src/config';
import { DEFAULT_COLLATION, nameKeyFor } from '../../src/sqlserver/names';
import { col, db, table } from '../support/model-builders';

const CI = nameKeyFor(DEFAULT_COLLATION);

describe('ignore', () => {
  const t = (q: string) => table(q, { columns: [col('id', 'int')] });
  const model = db([t('legacy_orders'), t('orders'), t('audit.legacy_log'), t('staging.raw'), t('dbo.Legacy_X')]);

  it('matches schema.table patterns with * and ?, case-insensitively', () => {
    const ignored = ignoredTable({ tables: ['dbo.legacy_*', 'dbo.ord?rs'], schemas: [] }, CI);
    expect(model.tables.filter(ignored).map((x) => `${x.schema}.${x.name}`)).toEqual(['dbo.legacy_orders', 'dbo.orders', 'dbo.Legacy_X']);
  });

  it('matches a bare pattern in every schema, and whole schemas', () => {
    const kept = withoutIgnored(model, { tables: ['legacy_*'], schemas: ['STAGING'] });
    expect(kept.tables.map((x) => `${x.schema}.${x.name}`)).toEqual(['dbo.orders']);
  });

  it('treats regex characters in a pattern literally', () => {
    const ignored = ignoredTable({ tables: ['dbo.legacy.*'], schemas: [] }, CI);
    expect(model.tables.filter(ignored)).toEqual([]);
  });

  it('matches exactly in a case-sensitive database', () => {
    const cs = { ...model, collation: 'Latin1_General_CS_AS' };
    const kept = withoutIgnored(cs, { tables: ['legacy_*'], schemas: ['STAGING'] });
    expect(kept.tables.map((x) => `${x.schema}.${x.name}`)).toEqual(['dbo.orders', 'staging.raw', 'dbo.Legacy_X']);
    const ignored = ignoredTable({ tables: ['dbo.Legacy_?'], schemas: [] }, nameKeyFor('Latin1_General_BIN2'));
    expect(model.tables.filter(ignored).map((x) => x.name)).toEqual(['Legacy_X']);
  });

  it('returns the same model when nothing is ignored', () => {
    expect(withoutIgnored(model, { tables: [], schemas: [] })).toBe(model);
  });
});
