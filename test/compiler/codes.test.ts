/**
 * A diagnostic code names one problem: two entries of the compiler's or the catalog reader's code
 * tables never share a code (engineers adding codes in parallel once both took SC1117).
 */
import { Codes } from '../../src/compiler/codes';
import { CatalogCodes } from '../../src/catalog/codes';

test.each([['compiler', Codes], ['catalog', CatalogCodes]] as const)('every %s code is used by one entry only', (_, table) => {
  const byCode = new Map<string, string[]>();
  for (const [name, code] of Object.entries(table)) byCode.set(code, [...(byCode.get(code) ?? []), name]);
  expect([...byCode].filter(([, names]) => names.length > 1)).toEqual([]);
});

test('compiler and catalog codes do not overlap', () => {
  const compiler = new Set(Object.values(Codes));
  expect(Object.values(CatalogCodes).filter((c) => compiler.has(c as never))).toEqual([]);
});
