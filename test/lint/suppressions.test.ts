/** In-file lint suppressions: `// schemac-lint-ignore <rule> -- <reason>` above what a finding points at. */
import type { Diagnostic } from '../../src/model';
import { BAD_SUPPRESSION, withoutSuppressed } from '../../src/lint';

const finding = (code: string, line: number, file = 'a.schema.ts'): Diagnostic => ({
  code, severity: 'warning', message: `${code} here`, source: { file, line, column: 1 },
});
const files = (texts: Record<string, string>) => (file: string): string | null => texts[file] ?? null;

describe('lint suppressions in schema files', () => {
  it('drop the named rule\'s findings on the next code line, past comment and blank lines', () => {
    const text = [
      '// schemac-lint-ignore fk-without-index -- tenants are soft-deleted, never hard deleted',
      '// (a second comment line)',
      '',
      "@ForeignKey('fk', ['tenantId'], () => Tenant, ['id'])",
      "@Index('ix', ['a'])",
    ].join('\n');
    const kept = withoutSuppressed([finding('fk-without-index', 4), finding('heap-table', 4), finding('fk-without-index', 5)], files({ 'a.schema.ts': text }));
    expect(kept.map((d) => `${d.code}@${d.source?.line}`)).toEqual(['heap-table@4', 'fk-without-index@5']);
  });

  it('cover several rules, and their own line when they follow code', () => {
    const text = "@Index('ix', ['a']) // schemac-lint-ignore heap-table, unique-nullable -- staging table, rebuilt nightly\n";
    expect(withoutSuppressed([finding('heap-table', 1), finding('unique-nullable', 1)], files({ 'a.schema.ts': text }))).toEqual([]);
  });

  it('need a reason and a known rule; otherwise they suppress nothing and say why, where', () => {
    const text = [
      '// schemac-lint-ignore fk-without-index',
      "@ForeignKey('fk', ['t'], () => T, ['id'])",
      '// schemac-lint-ignore no-such-rule -- because',
      "@Index('ix', ['a'])",
    ].join('\n');
    const out = withoutSuppressed([finding('fk-without-index', 2), finding('heap-table', 4)], files({ 'a.schema.ts': text }));
    expect(out.map((d) => [d.code, d.source?.line, d.message])).toEqual([
      ['fk-without-index', 2, 'fk-without-index here'],
      ['heap-table', 4, 'heap-table here'],
      [BAD_SUPPRESSION, 1, expect.stringContaining('(no reason given)')],
      [BAD_SUPPRESSION, 3, expect.stringContaining('(unknown lint rule no-such-rule)')],
    ]);
  });

  it('leave findings alone in files without directives or that cannot be read', () => {
    const findings = [finding('heap-table', 1, 'gone.schema.ts'), finding('heap-table', 1, 'b.schema.ts')];
    expect(withoutSuppressed(findings, files({ 'b.schema.ts': "@Table('b')\n" }))).toEqual(findings);
  });
});
