/** A script read back into driver statements gives exactly what the executor would run from the plan. */
import { driverStatementsOfScript } from '../../src/emitters/tsql/script-batches';
import { renderScript, statementsForDriver } from '../../src/emitters/tsql/script';
import { blockedAlterColumnPlan, createTenantsUsersPlan, irreversibleDropColumnPlan } from './fixtures';

const plans = { createTenantsUsers: createTenantsUsersPlan(), blockedAlterColumn: blockedAlterColumnPlan(), irreversibleDropColumn: irreversibleDropColumnPlan() };

describe('driverStatementsOfScript', () => {
  for (const [name, plan] of Object.entries(plans)) {
    for (const direction of ['up', 'down'] as const) {
      it(`reads back the ${direction} script of ${name}: the same statements and steps, no framing`, () => {
        const script = renderScript(plan, { direction, databaseName: null, header: ['migration 20260101000000_x'] });
        const read = driverStatementsOfScript(script.text);
        const expected = statementsForDriver(plan, direction);
        expect(read.map((s) => s.sql.replace(/^--.*\n/gm, ''))).toEqual(expected.map((s) => s.sql));
        expect(read.map((s) => s.stepIndex)).toEqual(expected.map((s) => s.stepIndex));
        expect(read.length).toBeGreaterThan(0);
      });
    }
  }

  it('keeps hand-written batches, numbered on from the last step, with CRLF line endings', () => {
    const script = renderScript(createTenantsUsersPlan(), { direction: 'up', databaseName: null }).text
      .replace('COMMIT TRANSACTION;', "UPDATE [dbo].[tenants] SET [name] = N'x' WHERE 1 = 0;\nGO\nCOMMIT TRANSACTION;")
      .replace(/\n/g, '\r\n');
    const read = driverStatementsOfScript(script);
    const last = read.at(-1);
    expect(last?.sql).toBe("UPDATE [dbo].[tenants] SET [name] = N'x' WHERE 1 = 0;");
    expect(last?.stepIndex).toBe((read.at(-2)?.stepIndex ?? 0) + 1);
    expect(last?.description).toMatch(/^statement at line \d+$/);
  });

  it('refuses GO with a count and sqlcmd commands, naming the line', () => {
    expect(() => driverStatementsOfScript('SELECT 1;\nGO 5\n')).toThrow(/line 2: GO with a count/);
    expect(() => driverStatementsOfScript(':r other.sql\nGO\n')).toThrow(/line 1: sqlcmd commands \(:r\)/);
  });

  it('an empty script and a comment-only script run nothing', () => {
    expect(driverStatementsOfScript('')).toEqual([]);
    expect(driverStatementsOfScript('-- nothing here\nGO\n-- still nothing\n')).toEqual([]);
  });
});
