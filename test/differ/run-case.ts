/** Shared runner for table-driven differ cases: plan, expected steps, then convergence. */
import { diff, fingerprint, type Change, type Plan } from '../../src/differ';
import { applyPlan } from '../support/simulate';
import type { Database } from '../../src/model';

/** One differ case: current + desired -> the expected steps (in order) and skipped objects. */
export interface DiffCase {
  readonly name: string;
  readonly current: Database;
  readonly desired: Database;
  readonly allowDrop?: boolean;
  /** Each step as `kind subject` (see describe). */
  readonly steps: readonly string[];
  readonly skipped?: readonly string[];
  /** Hazard codes expected anywhere in the plan (`kind subject: code`). */
  readonly hazards?: readonly string[];
  /** True when the plan must carry no hazard at all. */
  readonly noHazards?: boolean;
  /** True when no step may carry a data-loss hazard. */
  readonly noDataLoss?: boolean;
  /** False when a step has no faithful inverse, so down cannot restore `current` exactly. */
  readonly reversible?: boolean;
  /** False when a hazard says SQL Server will refuse the plan: the simulation must refuse it too. */
  readonly applies?: boolean;
  /** False when every step has an inverse but one cannot restore `current` exactly (its hazard says so). */
  readonly downRestores?: boolean;
}

/** A short, readable subject for a change. */
export function describe(c: Change): string {
  switch (c.kind) {
    case 'createSchema': case 'dropSchema': return `${c.kind} ${c.schema}`;
    case 'createType': case 'dropType': return `${c.kind} ${c.type.schema}.${c.type.name}`;
    case 'redefineType': return `${c.kind} ${c.to.schema}.${c.to.name}`;
    case 'createTable': case 'dropTable': return `${c.kind} ${c.table.schema}.${c.table.name}`;
    case 'renameTable': return `${c.kind} ${c.schema}.${c.from}->${c.to}`;
    case 'addColumn': case 'dropColumn': return `${c.kind} ${c.table.schema}.${c.table.name}.${c.column.name}`;
    case 'renameColumn': return `${c.kind} ${c.table.schema}.${c.table.name}.${c.from}->${c.to}`;
    case 'alterColumn': return `${c.kind} ${c.table.schema}.${c.table.name}.${c.to.name}`;
    case 'backfillColumn': return `${c.kind} ${c.table.schema}.${c.table.name}.${c.column}=${c.expression.text}`;
    case 'createIndex': case 'dropIndex': return `${c.kind} ${c.table.schema}.${c.table.name}.${c.index.name}`;
    case 'redefineIndex': return `${c.kind} ${c.table.schema}.${c.table.name}.${c.to.name}`;
    case 'renameConstraint': return `${c.kind} ${c.table.schema}.${c.table.name}.${c.from}->${c.to} ${c.objectType}`;
    case 'revalidateConstraint': case 'untrustConstraint': case 'enableConstraint': return `${c.kind} ${c.table.schema}.${c.table.name}.${c.name}`;
    case 'disableConstraint': return `${c.kind} ${c.table.schema}.${c.table.name}.${c.name}${c.wasTrusted ? '' : ' (was untrusted)'}`;
    case 'createSequence': case 'dropSequence': return `${c.kind} ${c.sequence.schema}.${c.sequence.name}`;
    case 'alterSequence': case 'recreateSequence': return `${c.kind} ${c.to.schema}.${c.to.name}`;
    case 'rebuildCompression': return `${c.kind} ${c.table.schema}.${c.table.name}.${c.index?.name ?? ''} ${c.from}->${c.to}${c.xml !== undefined ? ` xml ${c.xml.from}->${c.xml.to}` : ''}`;
    case 'alterBucketCount': return `${c.kind} ${c.table.schema}.${c.table.name}.${c.index} ${c.from}->${c.to}`;
    case 'setIgnoreDupKey': return `${c.kind} ${c.table.schema}.${c.table.name}.${c.index}=${c.to ? 'ON' : 'OFF'}`;
    case 'rebuildIndexOptions': return `${c.kind} ${c.table.schema}.${c.table.name}.${c.index.name} ${JSON.stringify(c.from)}->${JSON.stringify(c.to)}${
      c.compression !== undefined ? ` ${c.compression.from}->${c.compression.to}` : ''}${c.xmlCompression !== undefined ? ` xml ${c.xmlCompression.from}->${c.xmlCompression.to}` : ''}`;
    case 'setIndexOptions': return `${c.kind} ${c.table.schema}.${c.table.name}.${c.index} ${JSON.stringify(c.from)}->${JSON.stringify(c.to)}`;
    case 'setSparse': return `${c.kind} ${c.table.schema}.${c.table.name}.${c.column}=${c.sparse ? 'SPARSE' : 'not sparse'}`;
    case 'setNotForReplication': return `${c.kind} ${c.table.schema}.${c.table.name}.${c.column}=${c.notForReplication ? 'NOT FOR REPLICATION' : 'for replication'}`;
    case 'dropModule': case 'createModule': case 'refreshModule': return `${c.kind} ${c.module.schema}.${c.module.name}`;
    case 'dropSecurityPolicy': case 'createSecurityPolicy': return `${c.kind} ${c.policy.schema}.${c.policy.name}`;
    case 'dropStatistics': case 'createStatistics': return `${c.kind} ${c.table.schema}.${c.table.name}.${c.statistics.name}`;
    case 'unbindType': case 'bindType': return `${c.kind} ${c.type.schema}.${c.type.name} ${c.what} ${c.object.schema}.${c.object.name}`;
    case 'unbindColumn': case 'bindColumn': return `${c.kind} ${c.table.schema}.${c.table.name}.${c.column} ${c.what} ${c.object.schema}.${c.object.name}`;
    case 'setDescription': return `${c.kind} ${c.table.schema}.${c.table.name}${c.column === null ? '' : `.${c.column}`}`;
    case 'addPeriod': case 'dropPeriod': return `${c.kind} ${c.table.schema}.${c.table.name}.${c.start.name},${c.end.name}`;
    case 'enableVersioning': return `${c.kind} ${c.table.schema}.${c.table.name} ${c.historyExists ? 'attach' : 'create'} ${c.versioning.historySchema}.${c.versioning.historyTable}`;
    case 'disableVersioning': return `${c.kind} ${c.table.schema}.${c.table.name} ${c.dropHistory ? 'drop' : 'keep'} ${c.versioning.historySchema}.${c.versioning.historyTable}`;
    case 'alterRetention': return `${c.kind} ${c.table.schema}.${c.table.name}`;
    case 'alterPeriodHidden': return `${c.kind} ${c.table.schema}.${c.table.name}.${c.column}`;
    case 'transferTable': return `${c.kind} ${c.from}.${c.name}->${c.to}`;
    case 'setMask': return `${c.kind} ${c.table.schema}.${c.table.name}.${c.column}=${c.to ?? 'not masked'}`;
    case 'moveHeap': return `${c.kind} ${c.table.schema}.${c.table.name} ${c.from?.name ?? 'default'}->${c.to?.name ?? 'default'}`;
    case 'setLockEscalation': return `${c.kind} ${c.table.schema}.${c.table.name} ${c.from}->${c.to}`;
    case 'enableChangeTracking': case 'disableChangeTracking': return `${c.kind} ${c.table.schema}.${c.table.name}${c.tracking.trackColumnsUpdated ? ' columns' : ''}${c.aroundKey === true ? ' around key' : ''}`;
    case 'setRowGuidCol': return `${c.kind} ${c.table.schema}.${c.table.name}.${c.column}=${c.rowguidcol ? 'ROWGUIDCOL' : 'not ROWGUIDCOL'}`;
    default: return `${c.kind} ${c.table.schema}.${c.table.name}.${c.constraint.name}`;
  }
}

/** Every hazard of a plan as `kind subject: code`. */
export function hazardsOf(plan: Plan): string[] {
  return plan.steps.flatMap((s) => s.hazards.map((h) => `${describe(s.change)}: ${h.code}`));
}

/** Runs one case: expected plan, then up converges (a second diff is empty) and down restores. */
export function runCase(c: DiffCase): void {
  const options = { allowDrop: c.allowDrop ?? false };
  const plan = diff(c.desired, c.current, options);
  expect(plan.steps.map((s) => describe(s.change))).toEqual(c.steps);
  expect(plan.skipped.map((s) => `${s.objectType} ${s.table.schema}.${s.table.name}.${s.name}`)).toEqual(c.skipped ?? []);
  if (c.hazards !== undefined) expect(hazardsOf(plan)).toEqual(expect.arrayContaining([...c.hazards]));
  if (c.noHazards === true) expect(hazardsOf(plan)).toEqual([]);
  if (c.noDataLoss === true) expect(hazardsOf(plan).filter((h) => h.endsWith(': data-loss'))).toEqual([]);

  if (c.applies === false) {
    expect(() => applyPlan(c.current, plan.steps, 'up')).toThrow(/simulate/);
    return;
  }
  const up = applyPlan(c.current, plan.steps, 'up');
  const again = diff(c.desired, up, options);
  expect(again.steps.map((s) => describe(s.change))).toEqual([]);

  const reversible = plan.steps.every((s) => s.inverse !== null || s.change.kind === 'backfillColumn');
  expect(reversible).toBe(c.reversible ?? true);
  if (reversible) {
    const down = applyPlan(up, plan.steps, 'down');
    if (c.downRestores === false) expect(fingerprint(down)).not.toBe(fingerprint(c.current));
    else expect(fingerprint(down)).toBe(fingerprint(c.current));
  }
}
