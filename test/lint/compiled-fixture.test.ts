import * as path from 'node:path';
import { compileSchema, Codes } from '../../src/compiler';
import { lint, supersededCompilerCodes } from '../../src/lint';

const dir = path.join(__dirname, '../fixtures/lint/findings');

describe('lint over a compiled schema folder', () => {
  const result = compileSchema(dir, { typeCheck: false });

  it('compiles the fixture without errors', () => {
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('reports each planted problem at the declaration in the schema file', () => {
    const found = lint(result.database).map((d) => `${d.code} ${d.severity} ${path.basename(d.source?.file ?? '?')}:${d.source?.line}`);
    expect(found).toEqual([
      'fk-without-index warning orders.schema.ts:6',
      'unique-nullable warning orders.schema.ts:7',
      'guid-clustered-key warning orders.schema.ts:9',
      'datetime-not-datetime2 info orders.schema.ts:19',
    ]);
  });

  it('names a compiler code that exists for the rule it supersedes', () => {
    expect(Object.keys(supersededCompilerCodes)).toEqual([Codes.keyTooWide]);
  });
});
