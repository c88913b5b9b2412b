/**
 * Table-driven plans from a catalog snapshot plus a schema to the expected up and down scripts
 * (golden files under test/fixtures/golden/differ/, reviewed like code). The snapshot is the
 * ORM-made example database with its naming fixes applied (the brownfield test covers those), so
 * each golden holds only its case's steps; each case edits a copy of the example schema. Every
 * script also goes through the independent T-SQL grammar.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseSnapshot } from '../../src/catalog/snapshot';
import { snapshotToModel } from '../../src/catalog/to-model';
import { compileSchema } from '../../src/compiler';
import { diff } from '../../src/differ';
import { renderScript } from '../../src/emitters';
import { applyPlan } from '../support/simulate';
import { expectGolden } from '../support/golden';
import { expectValidTsql } from '../support/tsql-grammar';

const root = path.resolve(__dirname, '../..');
const snapshotFile = path.join(root, 'test/fixtures/catalog/brownfield.json');

interface Case {
  readonly name: string;
  /** Edits to the example schema: file name, text to find, replacement. */
  readonly edits: readonly (readonly [string, string, string])[];
  readonly allowDrop?: boolean;
  /** The change kinds expected, in order, after the brownfield renames and default. */
  readonly kinds: readonly string[];
  readonly hazards?: readonly string[];
}

const CASES: readonly Case[] = [
  {
    // users has rows in the snapshot: one ADD ... NOT NULL with its named DEFAULT, which SQL
    // Server fills existing rows with; the down script drops the default, then the column.
    name: 'add-not-null-column-with-default-over-rows',
    edits: [['users.schema.ts', '  @Column.varchar(255)\n  email!: string;', "  @Column.varchar(255)\n  email!: string;\n\n  @Column.nvarchar(10, { default: 'en' })\n  locale!: string;"]],
    kinds: ['addColumn'],
  },
  {
    name: 'widen-unindexed-column',
    edits: [['users.schema.ts', '@Column.varchar(4000, { nullable: true })', '@Column.varchar(8000, { nullable: true })']],
    kinds: ['alterColumn'],
  },
  {
    name: 'change-check-list',
    edits: [['users.schema.ts', "'suspended' | 'pending_verification'", "'suspended' | 'pending_verification' | 'deleted'"]],
    kinds: ['dropCheck', 'addCheck'],
  },
  {
    // SQL Server widens an indexed varchar in place but cannot narrow it back: one ALTER COLUMN
    // up; the down script drops the index, narrows the column and re-creates the index.
    name: 'widen-indexed-column',
    edits: [['users.schema.ts', "@Column.varchar(20, { default: 'active' })", "@Column.varchar(24, { default: 'active' })"]],
    kinds: ['alterColumn'],
  },
  {
    name: 'drop-index-allowed',
    edits: [['users.schema.ts', "@Index('ix_users_tenant_status', ['tenantId', 'status'], { activeOnly: true })\n", '']],
    allowDrop: true,
    kinds: ['dropIndex'],
  },
];

function schemaWith(edits: Case['edits']): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schemac-differ-case-'));
  fs.cpSync(path.join(root, 'schema'), dir, { recursive: true });
  for (const [file, find, replace] of edits) {
    const target = path.join(dir, file);
    const text = fs.readFileSync(target, 'utf8');
    if (!text.includes(find)) throw new Error(`case edit not found in ${file}: ${find}`);
    fs.writeFileSync(target, text.replace(find, replace));
  }
  return dir;
}

describe('snapshot + schema -> up and down scripts', () => {
  const snapshot = snapshotToModel(parseSnapshot(fs.readFileSync(snapshotFile, 'utf8'), snapshotFile)).database;
  const example = compileSchema(path.join(root, 'schema'), { typeCheck: false }).database;
  // The database once `schemac apply` has renamed its system-named constraints and added the
  // missing default: what every case starts from.
  const current = applyPlan(snapshot, diff(example, snapshot, { allowDrop: false }).steps, 'up');

  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const dir = schemaWith(c.edits);
    try {
      const { database: desired, diagnostics } = compileSchema(dir, { typeCheck: false });
      expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const plan = diff(desired, current, { allowDrop: Boolean(c.allowDrop) });
      expect(plan.steps.map((s) => s.change.kind)).toEqual(c.kinds);
      const up = renderScript(plan, { direction: 'up', databaseName: current.name }).text;
      const down = renderScript(plan, { direction: 'down', databaseName: current.name }).text;
      expectGolden(`differ/${c.name}.up.sql`, up);
      expectGolden(`differ/${c.name}.down.sql`, down);
      expectValidTsql(up);
      expectValidTsql(down);
      const after = applyPlan(current, plan.steps, 'up');
      expect(diff(desired, after, { allowDrop: Boolean(c.allowDrop) }).steps).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
