import { expectValidTsql, parseTsql, splitBatches, statementSpans } from '../support/tsql-grammar';
import { GRAMMAR_GAPS } from '../support/tsql-grammar-gaps';

describe('the T-SQL grammar used to check emitted scripts', () => {
  it('accepts an ordinary guarded script with GO batches', () => {
    const script = [
      'SET ANSI_NULLS ON;',
      'SET QUOTED_IDENTIFIER ON;',
      'GO',
      'BEGIN TRANSACTION;',
      'GO',
      'CREATE TABLE [dbo].[a]]b] ([id] int NOT NULL CONSTRAINT [df_x] DEFAULT ((-1)), CONSTRAINT [pk] PRIMARY KEY NONCLUSTERED ([id]));',
      'GO',
      'IF @@ERROR <> 0 AND @@TRANCOUNT > 0 ROLLBACK TRANSACTION;',
      "IF @@TRANCOUNT = 0 BEGIN PRINT N'failed'; SET NOEXEC ON; END;",
      'GO',
      'COMMIT TRANSACTION;',
      'GO',
    ].join('\n');
    expect(parseTsql(script).errors).toEqual([]);
    expect(expectValidTsql(script).gapsUsed).toEqual([]);
  });

  it('reports a real syntax error with its line in the whole script', () => {
    const script = 'SELECT 1;\nGO\nCREATE TABLE [t] ([a] int NOT NULL,\nGO\n';
    const { errors } = parseTsql(script);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatch(/^line [34]:/);
    expect(() => expectValidTsql(script)).toThrow(/grammar rejected/);
  });

  it.each(GRAMMAR_GAPS.map((g) => [g.id, g]))('gap %s: the grammar really rejects it, and only it is forgiven', (_id, gap) => {
    expect(parseTsql(gap.example).errors.length).toBeGreaterThan(0);
    expect(gap.pattern.test(gap.example)).toBe(true);
    expect(gap.doc).toMatch(/learn\.microsoft\.com\/sql\//);
    expect(expectValidTsql(gap.example).gapsUsed).toEqual([gap.id]);
    // A gap statement does not excuse a broken statement next to it in the same batch.
    expect(() => expectValidTsql(`${gap.example}\nALTER TABLE [dbo].[t] ADD;`)).toThrow(/grammar rejected/);
  });

  it('keeps the forms the emitter relies on outside the gaps', () => {
    const accepted = [
      'ALTER TABLE [dbo].[t] ADD CONSTRAINT [ck] CHECK ([a]>(0));',
      'ALTER TABLE [dbo].[t] ADD CONSTRAINT [df] DEFAULT (0) FOR [c];',
      "ALTER TABLE [dbo].[t] ADD CONSTRAINT [df] DEFAULT ('active') FOR [c];",
      'ALTER TABLE [dbo].[t] ADD CONSTRAINT [df] DEFAULT (getdate()) FOR [c];',
      'ALTER TABLE [dbo].[t] WITH CHECK ADD CONSTRAINT [fk] FOREIGN KEY ([a]) REFERENCES [dbo].[u] ([id]);',
    ];
    for (const sql of accepted) {
      expect(parseTsql(sql).errors).toEqual([]);
      expect(GRAMMAR_GAPS.filter((g) => g.pattern.test(sql)).map((g) => g.id)).toEqual([]);
    }
  });

  it('splits batches at GO lines only, and statements at top-level semicolons', () => {
    expect(splitBatches('SELECT 1;\n  go  \nSELECT N\'GO\';\nGO\n').map((b) => b.firstLine)).toEqual([1, 3]);
    const text = "PRINT N'a;b'; SELECT [x;y] -- c;\n;";
    expect(statementSpans(text).map((s) => text.slice(s.start, s.end))).toEqual(["PRINT N'a;b';", 'SELECT [x;y] -- c;\n;']);
  });
});
