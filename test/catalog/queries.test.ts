import { CATALOG_BATCH, CATALOG_QUERIES, FINGERPRINT_QUERY } from '../../src/catalog/queries';
import { ROW_SPECS } from '../../src/catalog/snapshot-spec';
import { parseTsql } from '../support/tsql-grammar';

describe('catalog queries', () => {
  // The grammar is slow (about 30 s for these twelve SELECTs on this machine), hence the timeout.
  it('are T-SQL an independent grammar accepts', () => {
    expect(parseTsql(CATALOG_BATCH).errors).toEqual([]);
    expect(parseTsql(FINGERPRINT_QUERY).errors).toEqual([]);
  }, 180_000);

  it('select every property the snapshot format requires, under its own name', () => {
    for (const q of CATALOG_QUERIES) {
      if (!(q.name in ROW_SPECS)) continue;
      const spec = ROW_SPECS[q.name as keyof typeof ROW_SPECS];
      for (const property of Object.keys(spec)) {
        // `x.property`, `AS property` or `AS [property]`, followed by a comma or a line end.
        const selected = new RegExp(`[.\\s\\[]${property}\\]?(,|\\s|$)`).test(q.sql);
        expect({ query: q.name, property, selected }).toEqual({ query: q.name, property, selected: true });
      }
    }
  });

  it('form one batch of set-based SELECTs, never one query per table', () => {
    // One SELECT per query, except a query that chooses its source by permission: IF ... SELECT
    // ... ELSE SELECT ... (two alternatives, still exactly one result set).
    // A newer server's alternative that names columns older servers lack is one EXEC(N'SELECT ...'):
    // SQL Server binds an existing view's columns in every branch, so only EXEC defers them.
    const alternatives = CATALOG_QUERIES.filter((q) => /^IF /.test(q.sql)).length;
    expect(CATALOG_BATCH.match(/^(?:SELECT |EXEC\(N'SELECT )/gm)).toHaveLength(CATALOG_QUERIES.length + alternatives);
    for (const q of CATALOG_QUERIES.filter((x) => /^IF /.test(x.sql))) expect(q.sql.match(/^ELSE$/gm)).toHaveLength(1);
    expect(CATALOG_BATCH.replace(/^EXEC\(N'SELECT /gm, 'SELECT ')).not.toMatch(/@|\bWHILE\b|\bCURSOR\b|\bEXEC\b/i);
  });

  it('read the columns SQL Server 2022 added to existing views only inside EXEC(N\'...\'), which older servers never compile', () => {
    // A missing column of an existing view fails the whole batch when it is compiled (Msg 207), IF or not.
    const compiledEverywhere = CATALOG_BATCH.replace(/^EXEC\(N'(?:[^']|'')*'\)$/gm, '');
    for (const column of ['ledger_type', 'ledger_view_id', 'is_dropped_ledger_table', 'is_dropped_ledger_column', 'xml_compression', 'xml_compression_desc']) {
      expect({ column, read: new RegExp(`\\w\\.${column}\\b`).test(compiledEverywhere) }).toEqual({ column, read: false });
      expect({ column, inExec: new RegExp(`\\w\\.${column}\\b`).test(CATALOG_BATCH) }).toEqual({ column, inExec: true });
    }
  });

  it('leave out system tables and schemac\'s own schema in every table-bound query', () => {
    for (const q of CATALOG_QUERIES.filter((x) => x.sql.includes('sys.tables'))) {
      expect(q.sql).toContain(`t.is_ms_shipped = 0 AND SCHEMA_NAME(t.schema_id) <> N'schemac'`);
    }
  });
});
