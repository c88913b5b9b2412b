/** Issue 11 item 5: SQL Server's errors for one statement, first cause first, as mssql hands them over. */
import { describeSqlError, sqlErrorNumber, sqlServerMessages } from '../../src/apply/errors';

/** The shape mssql throws: the last error, with the earlier ones in `precedingErrors`. */
function mssqlError(...errors: { number: number; message: string }[]): Error {
  const made = errors.map((e) => Object.assign(new Error(e.message), { number: e.number }));
  const last = made.pop()!;
  return Object.assign(last, { precedingErrors: made });
}

describe('SQL Server errors with their cause', () => {
  const cascade = mssqlError(
    { number: 1785, message: "Introducing FOREIGN KEY constraint 'fk_b' on table 'b' may cause cycles or multiple cascade paths." },
    { number: 1750, message: 'Could not create constraint or index. See previous errors.' },
  );

  it('lists every error, the first cause first', () => {
    expect(sqlServerMessages(cascade).map((m) => m.number)).toEqual([1785, 1750]);
    expect(describeSqlError(cascade)).toBe(
      "SQL Server error 1785: Introducing FOREIGN KEY constraint 'fk_b' on table 'b' may cause cycles or multiple cascade paths.\n"
      + 'SQL Server error 1750: Could not create constraint or index. See previous errors.',
    );
  });

  it("reports the first cause's number", () => {
    expect(sqlErrorNumber(cascade)).toBe(1785);
  });

  it('a single error is one line; an error without a number still shows its text', () => {
    expect(describeSqlError(mssqlError({ number: 207, message: "Invalid column name 'x'." }))).toBe("SQL Server error 207: Invalid column name 'x'.");
    expect(describeSqlError(new Error('socket hang up'))).toBe('SQL Server error ?: socket hang up');
    expect(sqlErrorNumber(new Error('socket hang up'))).toBeUndefined();
  });
});
