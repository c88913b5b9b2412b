/**
 * Stand-in bugs the end-to-end suites ran into, kept as failing tests so they flip (and must be
 * turned into plain tests) once test/standin is fixed. The suites work around them in
 * test/e2e/support/fault-engine.ts.
 */
import { createEngine } from '../standin/engine';
import { encodeResponse } from '../standin/tds/response';

describe('stand-in bugs', () => {
  // cloneDatabase (test/standin/engine/catalog.ts) uses structuredClone, which under Jest returns
  // Dates of another realm; after a failed statement restores that clone, sys.objects dates are
  // no longer `instanceof Date` and the TDS layer refuses to send them.
  it.failing('a failed statement leaves sys.objects dates the TDS layer can still send', async () => {
    const engine = createEngine({ password: 'p' });
    const login = engine.login('sa', 'p', 'app');
    if (!login.ok) throw new Error(login.error.message);
    const run = (text: string) => login.session.executeBatch(text, new AbortController().signal);
    await run('CREATE TABLE [dbo].[t] ([a] int NOT NULL);');
    const failed = await run('CREATE TABLE [dbo].[t] ([a] int NOT NULL);');
    expect(failed.some((o) => o.kind === 'error' && o.number === 2714)).toBe(true);
    const outputs = await run('SELECT MAX(modify_date) AS last_modified FROM sys.objects;');
    const rs = outputs.find((o) => o.kind === 'resultSet');
    expect(rs?.kind === 'resultSet' && rs.resultSet.rows[0]![0] instanceof Date).toBe(true);
    expect(() => encodeResponse(outputs, { kind: 'batch' }, 'standin')).not.toThrow();
  });
});
