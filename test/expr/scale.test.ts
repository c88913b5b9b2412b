/**
 * Normalization runs on every check, default and filter of every table, so large inputs must
 * work (deep recursion would overflow; a quadratic set compare would not finish). Speed itself
 * is measured by `npm run bench`, never asserted here.
 */
import { defaultNameKey } from '../../src/sqlserver/names';
import { makeExpression } from '../../src/expr';

function seconds(run: () => void): void {
  run();
}

describe('normalization on large inputs', () => {
  it('matches a 50,000-value IN list with its stored, reversed OR chain', () => {
    const values = Array.from({ length: 50_000 }, (_, i) => `N'v${i}'`);
    const written = `[code] IN (${values.join(', ')})`;
    const stored = `(${[...values].reverse().map((v) => `[code]=${v}`).join(' OR ')})`;
    let same = false;
    seconds(() => {
      same = makeExpression(written, defaultNameKey).expression.canonical === makeExpression(stored, defaultNameKey).expression.canonical;
    });
    expect(same).toBe(true);
  });

  it('normalizes the definitions of 5,000 tables in seconds', () => {
    const perTable = [
      '(newid())',
      '(getdate())',
      '((0))',
      "('active')",
      '([is_deleted]=(0))',
      "([status]='pending_verification' OR [status]='suspended' OR [status]='invited' OR [status]='active')",
      "([identity_provider]='github' OR [identity_provider]='email' OR [identity_provider]='google' OR [identity_provider]='entra_id')",
      '([Rate]>=(6.50) AND [Rate]<=(200.00))',
    ];
    let parsed = 0;
    seconds(() => {
      for (let t = 0; t < 5_000; t++) {
        for (const text of perTable) if (makeExpression(text, defaultNameKey).expression.parsed) parsed++;
      }
    });
    expect(parsed).toBe(5_000 * perTable.length);
  });

  it('refuses pathological nesting quickly instead of exhausting the stack', () => {
    const deep = `${'('.repeat(100_000)}1${')'.repeat(100_000)}`;
    let problem: string | null = null;
    seconds(() => {
      problem = makeExpression(deep, defaultNameKey).problem;
    });
    expect(problem).toContain('nested too deeply');
  });
});
