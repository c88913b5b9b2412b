/**
 * Issue 12 item 4 through the CLI: schema files that declare only `billing` tables never plan to
 * drop the database's dbo tables, even with --allow-drop, until the config lists dbo in
 * managedSchemas.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { repoRoot, schemac } from './run-cli';

// dbo.tenants and dbo.users, with rows: another team's tables in a shared database.
const brownfield = path.join(repoRoot, 'test/fixtures/catalog/brownfield.json');

const INVOICES = `import { Column, Table } from 'schemac';

@Table('invoices', { schema: 'billing' })
export class Invoice {
  @Column.int({ primaryKey: true }) id!: number;
}
`;

describe('managedSchemas', () => {
  let cwd: string;
  beforeEach(() => {
    cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'schemac-managed-'));
    fs.mkdirSync(path.join(cwd, 'schema'));
    fs.writeFileSync(path.join(cwd, 'schema', 'invoices.schema.ts'), INVOICES);
  });
  afterEach(() => fs.rmSync(cwd, { recursive: true, force: true }));

  test('by default a billing schema plans nothing for dbo, with --allow-drop', async () => {
    const r = await schemac(['plan', '--catalog', brownfield, '--allow-drop', '--no-type-check'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('billing.invoices');
    expect(r.stdout).not.toMatch(/dbo\.(users|tenants)/);
  });

  test('listing dbo in managedSchemas lets --allow-drop drop its undeclared tables', async () => {
    fs.writeFileSync(path.join(cwd, 'schemac.config.json'), JSON.stringify({ managedSchemas: ['billing', 'dbo'] }));
    const r = await schemac(['plan', '--catalog', brownfield, '--allow-drop', '--no-type-check'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/drop.*dbo\.users/i);
    const kept = await schemac(['plan', '--catalog', brownfield, '--no-type-check'], { cwd });
    expect(kept.stdout).toContain('? table dbo.users: not declared in the schema; pass --allow-drop to drop it');
  });
});
