/**
 * Pull of sequences: one file declaring each as `export const orderNumbers =
 * Sequence('order_numbers', { ... })`, writing only the options that differ from what SQL Server
 * (and so the compiler) fills in: bigint, start at the minimum (maximum when descending),
 * increment 1, the type's bounds, NO CYCLE, CACHE without a size. Defaults that draw from a
 * sequence are written as they are stored, sql`NEXT VALUE FOR [schema].[name]`, which the
 * compiler checks against these declarations.
 */
import type { Database, Sequence } from '../../model';
import { sequenceTypeRange } from '../../sqlserver/sequences';
import { camelCase, NameSpace, tsString } from './naming';

/** The file (without .schema.ts) that declares the sequences. */
export const SEQUENCES_FILE_BASE = 'sequences';

/** A value as the API takes it: a number within 2^53, else a string of digits. */
function value(v: string): string {
  return Number.isSafeInteger(Number(v)) ? v : tsString(v);
}

/** The options of one sequence that differ from SQL Server's defaults. */
function options(q: Sequence): string[] {
  const out: string[] = [];
  if (q.schema !== 'dbo') out.push(`schema: ${tsString(q.schema)}`);
  if (q.type.name !== 'bigint') out.push(`type: '${q.type.name === 'decimal' || q.type.name === 'numeric' ? `${q.type.name}(${q.type.precision ?? 18})` : q.type.name}'`);
  const [low, high] = sequenceTypeRange(q.type);
  const descending = BigInt(q.increment) < 0n;
  if (q.start !== (descending ? q.max : q.min)) out.push(`start: ${value(q.start)}`);
  if (q.increment !== '1') out.push(`increment: ${value(q.increment)}`);
  if (q.min !== low.toString()) out.push(`min: ${value(q.min)}`);
  if (q.max !== high.toString()) out.push(`max: ${value(q.max)}`);
  if (q.cycle) out.push('cycle: true');
  if (q.cache.kind === 'none') out.push('cache: false');
  if (q.cache.kind === 'size') out.push(`cache: ${q.cache.size}`);
  return out;
}

/** The sequences file of `db`, or null when it has none; const names are claimed in `names`. */
export function sequencesFile(db: Database, names: NameSpace): string | null {
  const list = db.sequences ?? [];
  if (list.length === 0) return null;
  const lines = [`/** Sequences, as schemac pull read them${db.name !== null ? ` from database ${db.name}` : ''}. */`, "import { Sequence } from 'schemac';", ''];
  for (const q of list) {
    const base = camelCase(q.schema === 'dbo' ? q.name : `${q.schema}_${q.name}`) || 'sequence';
    const constName = names.claim(/^[A-Za-z_$]/.test(base) ? base : `s${base}`, `${base}Sequence`);
    const opts = options(q);
    lines.push(`export const ${constName} = Sequence(${tsString(q.name)}${opts.length > 0 ? `, { ${opts.join(', ')} }` : ''});`);
  }
  return `${lines.join('\n')}\n`;
}
