/**
 * "Slightly different" catalogs: every 20th generated table is edited in one of five ways, and
 * each edit says which plan steps (and skipped objects) a correct diff must produce for it.
 */
import type { Change } from '../src/differ/changes';
import { STATUS_VALUES, storedInCheck, type IndexSpec } from './synthetic-table';
import type { TableShape } from './table-shape';

/** One table in DRIFT_EVERY is edited. */
export const DRIFT_EVERY = 20;

/** A kind of difference between the catalog and the schema files. */
export type DriftKind = 'missingColumn' | 'missingIndex' | 'changedCheck' | 'changedDefault' | 'extraIndex';

/** What the differ must do about one drifted table. */
export interface Expectation {
  readonly table: string;
  readonly drift: DriftKind;
  /** Change kinds of the steps touching this table, sorted. */
  readonly steps: readonly Change['kind'][];
  /** Objects the plan must leave alone (no --allow-drop), as `objectType:name`. */
  readonly skipped: readonly string[];
}

const KINDS: readonly DriftKind[] = ['missingColumn', 'missingIndex', 'changedCheck', 'changedDefault', 'extraIndex'];

/** Edits one shape in place and returns what the plan must show for it. */
function applyDrift(shape: TableShape, drift: DriftKind): Expectation {
  const t = shape.name;
  switch (drift) {
    case 'missingColumn':
      // notes is the last column, nullable, in no index or constraint: one ADD, nothing else.
      shape.columns = shape.columns.filter((c) => c.name !== 'notes');
      return { table: t, drift, steps: ['addColumn'], skipped: [] };
    case 'missingIndex':
      shape.indexes = shape.indexes.filter((ix) => ix.name !== `ix_${t}_due`);
      return { table: t, drift, steps: ['createIndex'], skipped: [] };
    case 'changedCheck':
      shape.checks = shape.checks.map((c) => ({ ...c, definition: storedInCheck('status', [...STATUS_VALUES, 'legacy']) }));
      return { table: t, drift, steps: ['addCheck', 'dropCheck'], skipped: [] };
    case 'changedDefault':
      shape.defaults = shape.defaults.map((d) => (d.column === 'priority' ? { ...d, definition: '((5))' } : d));
      return { table: t, drift, steps: ['addDefault', 'dropDefault'], skipped: [] };
    case 'extraIndex': {
      const extra: IndexSpec = {
        name: `ix_${t}_legacy_code`, keys: [{ column: 'code', desc: false }], include: [],
        unique: false, clustered: false, primaryKey: false, filter: null,
      };
      shape.indexes = [...shape.indexes, extra];
      return { table: t, drift, steps: [], skipped: [`index:${extra.name}`] };
    }
  }
}

/** Copies the matching shapes with every DRIFT_EVERY-th generated table edited, kinds in rotation. */
export function driftShapes(matching: readonly TableShape[]): { shapes: TableShape[]; expectations: Expectation[] } {
  const expectations: Expectation[] = [];
  // matching[0] is tenants; matching[i] is the i-th generated table.
  const shapes = matching.map((s, i) => {
    const copy: TableShape = { ...s, columns: [...s.columns], indexes: [...s.indexes], checks: [...s.checks], defaults: [...s.defaults], foreignKeys: [...s.foreignKeys] };
    if (i > 0 && i % DRIFT_EVERY === 0) expectations.push(applyDrift(copy, KINDS[(i / DRIFT_EVERY - 1) % KINDS.length]));
    return copy;
  });
  return { shapes, expectations };
}
