/**
 * With the table's columns at hand the stored text spells each column the way the table does,
 * and a name the table lacks is error 207, as on SQL Server. Without them, names stay as written.
 */
import { storedForm } from '../../standin/engine/stored-form';
import { storeError } from './expect-stored';

const table = ['amount', 'CreatedAt', 'we]ird'];
const resolveColumn = (written: string): string | undefined => table.find((c) => c.toLowerCase() === written.toLowerCase());

describe('column names with a resolver', () => {
  it("prints the table's spelling of each column (inferred)", () => {
    expect(storedForm('check', 'AMOUNT > 0 AND createdat IS NOT NULL', { resolveColumn })).toBe('([amount]>(0) AND [CreatedAt] IS NOT NULL)');
    expect(storedForm('computed', '[WE]]IRD] + 1', { resolveColumn })).toBe('([we]]ird]+(1))');
  });

  it('reaches columns inside calls, CASE, IN lists and LIKE', () => {
    expect(storedForm('check', "CASE WHEN Amount IN (1, 2) THEN UPPER(createdAT) END LIKE 'x%'", { resolveColumn }))
      .toBe("(case when [amount]=(2) OR [amount]=(1) then upper([CreatedAt])  end like 'x%')");
  });

  it('refuses a column the table does not have (207)', () => {
    let error;
    try {
      storedForm('check', '[amount] > [total]', { resolveColumn });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ number: 207, near: 'total' });
    expect(String(error)).toContain("Invalid column name 'total'.");
  });

  it('keeps names as written without a resolver', () => {
    expect(storedForm('check', 'AMOUNT > 0')).toBe('([AMOUNT]>(0))');
    expect(storeError('default', 'AMOUNT').number).toBe(128);
  });
});
