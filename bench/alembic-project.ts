/**
 * Writes an Alembic project that creates the same tables as the generated schema folder: the
 * same columns, types, defaults, identity, keys, checks, foreign keys and (filtered, included,
 * descending) indexes, one revision file per table as schemac has one schema file per table.
 * `python3 -m alembic upgrade head --sql` renders it offline (no database), which is what the
 * paired comparison times against `schemac emit-sql --empty`.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { ColumnSpec, IndexSpec } from './synthetic-table';
import { matchingShapes, type TableShape } from './table-shape';

const INI = `[alembic]
script_location = migrations

[loggers]
keys = root

[handlers]
keys = console

[formatters]
keys = generic

[logger_root]
level = WARN
handlers = console

[handler_console]
class = StreamHandler
args = (sys.stderr,)
level = NOTSET
formatter = generic

[formatter_generic]
format = %(levelname)-5.5s [%(name)s] %(message)s
`;

// Offline mode only: the dialect renders the DDL, no driver or server is involved.
const ENV = `from alembic import context

context.configure(url="mssql://", literal_binds=True, target_metadata=None)
with context.begin_transaction():
    context.run_migrations()
`;

const MAKO = `"""\${message}"""
revision = \${repr(up_revision)}
down_revision = \${repr(down_revision)}


def upgrade():
    \${upgrades if upgrades else "pass"}


def downgrade():
    \${downgrades if downgrades else "pass"}
`;

/** A Python string literal. */
function py(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** The SQLAlchemy type of a column, from the sys.columns facts the bench's snapshot also uses. */
function columnType(c: ColumnSpec): string {
  const f = c.facts;
  switch (f.type_name) {
    case 'uniqueidentifier': return 'mssql.UNIQUEIDENTIFIER()';
    case 'bigint': return 'sa.BigInteger()';
    case 'int': return 'sa.Integer()';
    case 'smallint': return 'sa.SmallInteger()';
    case 'bit': return 'mssql.BIT()';
    case 'datetime': return 'mssql.DATETIME()';
    case 'datetime2': return `mssql.DATETIME2(precision=${f.scale})`;
    case 'decimal': return `sa.Numeric(${f.precision}, ${f.scale})`;
    case 'varchar': return `sa.VARCHAR(${f.max_length === -1 ? 'None' : f.max_length})`;
    case 'nvarchar': return f.max_length === -1 ? 'sa.NVARCHAR(None)' : `sa.NVARCHAR(${f.max_length / 2})`;
    default: throw new Error(`bench/alembic-project: no SQLAlchemy type for ${f.type_name}`);
  }
}

function columnLine(c: ColumnSpec, storedDefault: string | undefined): string {
  const args = [py(c.name), columnType(c)];
  if (c.facts.is_identity) args.push(`sa.Identity(start=${c.facts.seed_value ?? 1}, increment=${c.facts.increment_value ?? 1})`);
  args.push(`nullable=${c.facts.is_nullable ? 'True' : 'False'}`);
  if (storedDefault !== undefined) args.push(`server_default=sa.text(${py(storedDefault)})`);
  return `sa.Column(${args.join(', ')})`;
}

function indexLine(table: string, ix: IndexSpec): string {
  const keys = ix.keys.map((k) => (k.desc ? `sa.text(${py(`[${k.column}] DESC`)})` : py(k.column)));
  const opts = [`unique=${ix.unique ? 'True' : 'False'}`, `mssql_clustered=${ix.clustered ? 'True' : 'False'}`];
  if (ix.include.length > 0) opts.push(`mssql_include=[${ix.include.map(py).join(', ')}]`);
  if (ix.filter !== null) opts.push(`mssql_where=sa.text(${py(ix.filter)})`);
  return `    op.create_index(${py(ix.name)}, ${py(table)}, [${keys.join(', ')}], ${opts.join(', ')})`;
}

/** The upgrade() body creating one table, its constraints and its indexes. */
function upgradeBody(t: TableShape): string[] {
  const defaults = new Map(t.defaults.map((d) => [d.column, d.definition]));
  const pk = t.indexes.find((ix) => ix.primaryKey);
  const items = t.columns.map((c) => columnLine(c, defaults.get(c.name)));
  if (pk) items.push(`sa.PrimaryKeyConstraint(${pk.keys.map((k) => py(k.column)).join(', ')}, name=${py(pk.name)}, mssql_clustered=${pk.clustered ? 'True' : 'False'})`);
  for (const ck of t.checks) items.push(`sa.CheckConstraint(${py(ck.definition)}, name=${py(ck.name)})`);
  for (const fk of t.foreignKeys) items.push(`sa.ForeignKeyConstraint([${py(fk.column)}], [${py(`${fk.refTable}.${fk.refColumn}`)}], name=${py(fk.name)})`);
  return [
    `    op.create_table(${py(t.name)},`,
    ...items.map((i) => `        ${i},`),
    '    )',
    ...t.indexes.filter((ix) => !ix.primaryKey).map((ix) => indexLine(t.name, ix)),
  ];
}

/** One revision module: tables in dependency order, each revision after the previous one. */
function revisionSource(t: TableShape, revision: string, down: string | null): string {
  return [
    `"""create ${t.name} (written by bench/alembic-project.ts)"""`,
    'import sqlalchemy as sa',
    'from alembic import op',
    'from sqlalchemy.dialects import mssql',
    '',
    `revision = ${py(revision)}`,
    `down_revision = ${down === null ? 'None' : py(down)}`,
    'branch_labels = None',
    'depends_on = None',
    '',
    '',
    'def upgrade():',
    ...upgradeBody(t),
    '',
    '',
    'def downgrade():',
    `    op.drop_table(${py(t.name)})`,
    '',
  ].join('\n');
}

/** Writes the project for tenants plus `count` generated tables into `dir`. */
export function writeAlembicProject(dir: string, count: number): void {
  const versions = path.join(dir, 'migrations', 'versions');
  fs.mkdirSync(versions, { recursive: true });
  fs.writeFileSync(path.join(dir, 'alembic.ini'), INI);
  fs.writeFileSync(path.join(dir, 'migrations', 'env.py'), ENV);
  fs.writeFileSync(path.join(dir, 'migrations', 'script.py.mako'), MAKO);
  // Parents come first (table i references floor(i/2)), so the shapes' order is a valid order.
  let down: string | null = null;
  matchingShapes(count).forEach((t, i) => {
    const revision = `r${String(i).padStart(5, '0')}`;
    fs.writeFileSync(path.join(versions, `${revision}_${t.name}.py`), revisionSource(t, revision, down));
    down = revision;
  });
}
