/** `systemVersioning: ...` of a pulled versioned table: `true` when it follows schemac's convention, else its options. */
import type { Table } from '../../model';
import { tsString } from './naming';

const UNIT_KEY = { DAY: 'days', WEEK: 'weeks', MONTH: 'months', YEAR: 'years' } as const;

/** The option's value: `true`, or `{ historyTable?, historySchema?, retention? }` with only what differs from the defaults. */
export function versioningText(t: Table): string {
  const v = t.versioning;
  if (v === undefined) return 'false';
  const opts: string[] = [];
  // Exact names as the database spells them: the convention is `{table}_history` in the table's schema.
  if (v.historyTable !== `${t.name}_history`) opts.push(`historyTable: ${tsString(v.historyTable)}`);
  if (v.historySchema !== t.schema) opts.push(`historySchema: ${tsString(v.historySchema)}`);
  if (v.retention.unit !== 'INFINITE') opts.push(`retention: { ${UNIT_KEY[v.retention.unit]}: ${v.retention.count} }`);
  return opts.length === 0 ? 'true' : `{ ${opts.join(', ')} }`;
}
