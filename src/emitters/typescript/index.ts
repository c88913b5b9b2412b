/**
 * pullSchema: a Database (as the catalog read it) to schema/*.schema.ts files that compile back
 * to the same model, names included, so that plan right after pull is empty. One file per
 * table; columns and `{table}`-named objects shared by several tables become mixins.
 */
import { placementOption } from './table-items';
import { versioningText } from './versioning-text';
import { ledgerText } from './ledger-text';
import { policyCommentLines } from './policy-text';
import type { Database } from '../../model';
import { unexpressible } from './limits';
import { detectMixins, type Mixin } from './mixins';
import { NameSpace } from './naming';
import { mixinFileBase, renderFile } from './render-file';
import { tableViews, type TableView } from './table-view';
import { ALIAS_TYPES_FILE_BASE, aliasConsts, aliasTypesFile } from './alias-types';
import { SEQUENCES_FILE_BASE, sequenceConsts, sequencesFile } from './sequences';

/** Options of pullSchema. */
export interface PullOptions {
  /** Find shared columns and objects and write them once as mixins; true by default. */
  readonly mixins?: boolean;
}

/** The files pull writes (paths relative to the output folder) and what it could not write. */
export interface PullResult {
  readonly files: { readonly path: string; readonly text: string }[];
  /** Objects that could not be written faithfully, one sentence each (the plan after pull will show them). */
  readonly problems: string[];
}

/** Identifiers the files import or use; no generated class or type may take them. */
const reserved = ['AliasType', 'Sequence', 'nextValueFor', 'Check', 'Column', 'Connection', 'DefaultName', 'ForeignKey', 'Index', 'Mixin', 'PrimaryKey', 'Table', 'Unique', 'sql', 'Date', 'Uint8Array'];

/** Pure: the schema files describing `db`. Deterministic for a given model. */
export function pullSchema(db: Database, options: PullOptions = {}): PullResult {
  const problems: string[] = unexpressible(db);
  const names = new NameSpace(reserved);
  const aliases = aliasConsts(db, names);
  let sequences: ReturnType<typeof sequenceConsts> | undefined;
  const views = tableViews(db, names, problems, aliases.lookup, () => (sequences = sequenceConsts(db, names)).lookup);
  const sequenceList = sequences?.list ?? sequenceConsts(db, names).list;
  const mixins = options.mixins === false ? [] : detectMixins(views, names);
  const files = new NameSpace([]);
  const fileOfClass = new Map<string, string>();
  const aliasFile = aliases.list.length > 0 ? files.claim(ALIAS_TYPES_FILE_BASE, `${ALIAS_TYPES_FILE_BASE}-declared`) : undefined;
  for (const v of views) fileOfClass.set(v.className, files.claim(v.fileBase, `${v.fileBase}-table`));
  for (const m of mixins) fileOfClass.set(m.className, files.claim(mixinFileBase(m.className)));
  const sequenceFile = sequenceList.length > 0 ? files.claim(SEQUENCES_FILE_BASE, `${SEQUENCES_FILE_BASE}-declared`) : undefined;
  const imported = { ...(aliasFile !== undefined ? { aliasFile } : {}), ...(sequenceFile !== undefined ? { sequenceFile } : {}) };
  const fileOf = (cls: string): string => {
    const f = fileOfClass.get(cls);
    if (f === undefined) throw new Error(`pull: no file for class ${cls}`);
    return f;
  };
  const out: PullResult['files'] = [];
  for (const m of mixins) {
    const text = renderFile({
      doc: `${m.className}: shared by ${m.tables.map((t) => t.table.name).join(', ')} (found by schemac pull).`,
      classDecorator: { text: '@Mixin()', uses: 'Mixin' },
      className: m.className, abstract: true, parent: m.parent?.className ?? null,
      columns: m.columns, items: m.items, fileOf, names, problems, ...imported,
    });
    out.push({ path: `${fileOf(m.className)}.schema.ts`, text });
  }
  for (const v of views) {
    const mixin = deepestMixin(v, mixins);
    const inherited = inheritedSignatures(mixin);
    const t = v.table;
    const tableOpts = [
      ...(t.schema === 'dbo' ? [] : [`schema: '${esc(t.schema)}'`]), ...(t.dataCompression !== undefined ? [`dataCompression: '${t.dataCompression}'`] : []),
      ...(t.xmlCompression === true ? ['xmlCompression: true'] : []),
      ...(t.versioning !== undefined ? [`systemVersioning: ${versioningText(t)}`] : []),
      ...(t.memoryOptimized !== undefined ? [`memoryOptimized: ${t.memoryOptimized.durability === 'SCHEMA_AND_DATA' ? 'true' : "{ durability: 'SCHEMA_ONLY' }"}`] : []),
      ...(t.graph !== undefined ? [`graph: '${t.graph}'`] : []),
      ...(t.ledger !== undefined ? [`ledger: ${ledgerText(t) ?? ''}`] : []),
      ...(t.lockEscalation !== undefined ? [`lockEscalation: '${t.lockEscalation}'`] : []),
      // Change tracking is declared; CDC (sys.sp_cdc_enable_table, DBA configuration) is not.
      ...(t.changeTracking !== undefined ? [`changeTracking: ${t.changeTracking.trackColumnsUpdated ? '{ trackColumnsUpdated: true }' : 'true'}`] : []),
      ...(t.dataSpace !== undefined ? [placementOption(t.dataSpace, (c) => v.columns.find((x) => x.column.name === c)?.field.field ?? c)] : []),
    ];
    const tableArgs = tableOpts.length === 0 ? `'${esc(t.name)}'` : `'${esc(t.name)}', { ${tableOpts.join(', ')} }`;
    const text = renderFile({
      doc: `${t.schema}.${t.name}, as schemac pull read it${db.name !== null ? ` from database ${db.name}` : ''}.`,
      ...(t.description !== undefined ? { description: t.description } : {}),
      notes: policyCommentLines(db, t),
      classDecorator: { text: `@Table(${tableArgs})`, uses: 'Table' },
      className: v.className, abstract: false, parent: mixin?.className ?? null,
      columns: v.columns.filter((c) => !inherited.columns.has(c.signature)),
      items: v.items.filter((i) => i.template === null || !inherited.items.has(i.text(i.template))),
      fileOf, names, problems, ...imported,
    });
    out.push({ path: `${fileOf(v.className)}.schema.ts`, text });
  }
  if (aliasFile !== undefined) out.push({ path: `${aliasFile}.schema.ts`, text: aliasTypesFile(aliases.list, db.name) });
  const sequencesText = sequencesFile(sequenceList, db.name);
  if (sequencesText !== null && sequenceFile !== undefined) out.push({ path: `${sequenceFile}.schema.ts`, text: sequencesText });
  // A database without tables still gets one file: a folder with no schema file is an error
  // (nothing is ever dropped because files went missing), so the file says the emptiness is meant.
  if (out.length === 0) out.push({ path: `${EMPTY_FILE_BASE}.schema.ts`, text: emptySchemaText(db) });
  out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files: out, problems };
}

/** The file pull writes for a database with no tables. */
export const EMPTY_FILE_BASE = 'no-tables';

function emptySchemaText(db: Database): string {
  const from = db.name !== null ? ` database ${db.name}` : ' the database';
  return [
    '/**',
    ` * This schema declares no tables: schemac pull found none in${from}.`,
    ' * Add @Table classes here or in other *.schema.ts files of this folder.',
    ' */',
    'export {};',
    '',
  ].join('\n');
}

function esc(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/'/g, "\\'");
}

/** The innermost mixin whose group holds the table. */
function deepestMixin(v: TableView, mixins: readonly Mixin[]): Mixin | null {
  let found: Mixin | null = null;
  for (const m of mixins) if (m.tables.includes(v)) found = m;
  return found;
}

/** Column and decorator signatures a table inherits through its mixin chain. */
function inheritedSignatures(mixin: Mixin | null): { columns: Set<string>; items: Set<string> } {
  const columns = new Set<string>();
  const items = new Set<string>();
  for (let m = mixin; m !== null; m = m.parent) {
    for (const c of m.columns) columns.add(c.signature);
    for (const i of m.items) if (i.template !== null) items.add(i.text(i.template));
  }
  return { columns, items };
}
