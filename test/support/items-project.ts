import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * A project folder (temp, the caller removes it) with one table, dbo.items, whose varchar field
 * is typed `codeType`: number is a type error only TypeScript's check finds (TS1240). The table
 * has no clustered index, so the heap-table lint rule warns about it: a finding of the compile.
 */
export function itemsProject(codeType: 'string' | 'number'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schemac-items-'));
  fs.mkdirSync(path.join(dir, 'schema'));
  fs.writeFileSync(path.join(dir, 'schema', 'items.schema.ts'), [
    "import { Column, Table } from 'schemac';",
    '',
    "@Table('items')",
    'export class Item {',
    '  @Column.int()',
    '  id!: number;',
    '',
    '  @Column.varchar(20)',
    `  code!: ${codeType};`,
    '}',
    '',
  ].join('\n'));
  return dir;
}
