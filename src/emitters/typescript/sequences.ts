/**
 * Pull of sequences: one file declaring each as `export const orderNumbers =
 * Sequence('order_numbers', { ... })`, writing only the options that differ from what SQL Server
 * (and so the compiler) fills in: bigint, start at the minimum (maximum when descending),
 * increment 1, the type's bounds, NO CYCLE, CACHE without a size. A default that is nothing but
 * NEXT VALUE FOR one of these is written as a person would, `nextValueFor(orderNumbers)`, which
 * the compiler resolves to the same `NEXT VALUE FOR [schema].[name]`; one that draws from a
 * sequence outside the pulled schema (an external one) or does more is written as stored,
 * sql`NEXT VALUE FOR [schema].[name]`, which the compiler checks against the declarations and
 * the config's externalSequences.
 */
import type { Database, Sequence } from '../../model';
import { soleSequence } from '../../expr';
import { nameKeyFor, type NameKey } from '../../sqlserver/names';
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

/** The const that declares one sequence. */
export interface SequenceConst {
  readonly constName: string;
  readonly sequence: Sequence;
}

/** The const of the pulled sequence a default is nothing but NEXT VALUE FOR, or undefined. */
export type SequenceLookup = (defaultText: string) => string | undefined;

/**
 * Names a const per sequence of `db`, claimed in `names` (so no class takes it), and finds the
 * const of a default's sequence. Only a schema-qualified reference is matched: nextValueFor
 * compiles to `NEXT VALUE FOR [schema].[name]`, and a stored one-part name (inferred: kept as
 * written) is left as stored, so the pulled default compares equal either way.
 */
export function sequenceConsts(db: Database, names: NameSpace): { list: SequenceConst[]; lookup: SequenceLookup } {
  const key: NameKey = nameKeyFor(db.collation);
  const list = (db.sequences ?? []).map((sequence): SequenceConst => {
    const base = camelCase(sequence.schema === 'dbo' ? sequence.name : `${sequence.schema}_${sequence.name}`) || 'sequence';
    return { constName: names.claim(/^[A-Za-z_$]/.test(base) ? base : `s${base}`, `${base}Sequence`), sequence };
  });
  const byKey = new Map(list.map((c) => [`${key(c.sequence.schema)}.${key(c.sequence.name)}`, c.constName]));
  return {
    list,
    lookup: (defaultText) => {
      const parts = list.length === 0 ? null : soleSequence(defaultText);
      if (parts?.length !== 2) return undefined;
      const [schema, name] = parts as [string, string];
      return byKey.get(`${key(schema)}.${key(name)}`);
    },
  };
}

/** The sequences file, or null when there are none. */
export function sequencesFile(list: readonly SequenceConst[], databaseName: string | null): string | null {
  if (list.length === 0) return null;
  const lines = [`/** Sequences, as schemac pull read them${databaseName !== null ? ` from database ${databaseName}` : ''}. */`, "import { Sequence } from 'schemac';", ''];
  for (const { constName, sequence: q } of list) {
    const opts = options(q);
    lines.push(`export const ${constName} = Sequence(${tsString(q.name)}${opts.length > 0 ? `, { ${opts.join(', ')} }` : ''});`);
  }
  return `${lines.join('\n')}\n`;
}
