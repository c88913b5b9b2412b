/**
 * Change tracking of kept tables, and what the plan owes tables with change data capture
 * (rules and sources: sqlserver/change-tracking.ts).
 *
 * A kept table's tracking: ENABLE (tracking-on phase, after its final primary key exists) or
 * DISABLE (tracking-off phase, before anything is dropped), both when TRACK_COLUMNS_UPDATED
 * changes (there is no ALTER of it). A tracked table whose primary key the plan drops and
 * re-creates keeps its tracking the way a DBA does it by hand: DISABLE before, ENABLE after, in
 * the same script (SQL Server refuses dropping the key otherwise, Msg 3735); the down script runs
 * the same dance backwards. Every DISABLE drops the change history: a `change-tracking-reset`
 * hazard (on the down direction too, through downHazards).
 *
 * CDC is never declared (DBAs enable it with sys.sp_cdc_enable_table) but kept: a plan that
 * changes a captured table's columns warns that its capture instances keep their old shape.
 */
import { tableOf, type PlanStep, type PlanWarning, type RefusedChange, type TableRef } from './changes';
import { hazard, qualified } from './hazards';
import { step } from './step';
import type { KeptTable, Planned } from './table-pairs';
import type { ChangeTracking, Database, Table } from '../model';
import { tableKey, type NameKey } from '../sqlserver/names';
import { CDC_SOURCE_CHANGES_DOC, changeTrackingText, sameChangeTracking } from '../sqlserver/change-tracking';

/** The change-tracking-reset hazard of disabling tracking on `ref`, and why it is disabled. */
function resetHazard(ref: TableRef, why: string) {
  return hazard('change-tracking-reset', `${why}: DISABLE CHANGE_TRACKING drops the change history of ${qualified(ref)}; clients that synchronize with CHANGETABLE(CHANGES ...) find their last version below CHANGE_TRACKING_MIN_VALID_VERSION and must re-initialize`);
}

function disable(ref: TableRef, tracking: ChangeTracking, why: string, aroundKey: boolean): PlanStep {
  return step({ kind: 'disableChangeTracking', table: ref, tracking, ...(aroundKey ? { aroundKey: true as const } : {}) }, [resetHazard(ref, why)]);
}

/** An ENABLE whose inverse (in the down script) disables: the reset is a hazard of the down direction. */
function enable(ref: TableRef, tracking: ChangeTracking, why: string, aroundKey: boolean): PlanStep {
  const made = step({ kind: 'enableChangeTracking', table: ref, tracking, ...(aroundKey ? { aroundKey: true as const } : {}) });
  return { ...made, downHazards: [resetHazard(ref, why)] };
}

/** The tracking steps of a kept table, given the steps the plan already has for it. */
export function changeTrackingSteps(table: KeptTable, planned: readonly PlanStep[]): Planned {
  const from = table.current.changeTracking;
  const to = table.desired.changeTracking;
  const keyRecreated = from !== undefined && planned.some((s) => s.change.kind === 'dropPrimaryKey');
  if (sameChangeTracking(from, to) && !keyRecreated) return { steps: [], skipped: [] };
  const steps: PlanStep[] = [];
  if (from !== undefined) {
    const why = to === undefined ? `${qualified(table.oldRef)} stops being tracked`
      : !sameChangeTracking(from, to) ? `${qualified(table.oldRef)} changes from ${changeTrackingText(from)} to ${changeTrackingText(to)}, which SQL Server can only disable and enable again`
      : `the primary key of ${qualified(table.oldRef)} is dropped and re-created, which SQL Server refuses while the table is tracked (Msg 3735)`;
    steps.push(disable(table.oldRef, from, why, sameChangeTracking(from, to)));
  }
  if (to !== undefined) {
    const why = `the down script ${from === undefined ? 'stops tracking' : 'disables tracking again on'} ${qualified(table.newRef)}`;
    steps.push(enable(table.newRef, to, why, sameChangeTracking(from, to)));
  }
  return { steps, skipped: [] };
}

/**
 * What a step changes of its table that a CDC capture instance does not follow: its columns, and
 * its primary key, which a capture instance with net changes identifies rows by
 * (cdc.change_tables.index_name; that it keeps the old key's columns is inferred).
 */
function changesColumns(s: PlanStep, all: readonly PlanStep[]): string | null {
  const c = s.change;
  switch (c.kind) {
    case 'addColumn': return `adds ${c.column.name}`;
    case 'dropColumn': return `drops ${c.column.name}`;
    case 'alterColumn': return `alters ${c.to.name}`;
    case 'renameColumn': return `renames ${c.from} to ${c.to}`;
    case 'dropPrimaryKey': return `${all.some((o) => o.change.kind === 'addPrimaryKey') ? 're-creates' : 'drops'} primary key ${c.constraint.name}`;
    default: return null;
  }
}

/** The capture instances of a table as messages name them. */
function instancesText(t: Table): string {
  const names = t.cdc?.captureInstances ?? [];
  return names.length === 0 ? 'its capture instance (sys.sp_cdc_help_change_data_capture lists it)'
    : `capture instance${names.length > 1 ? 's' : ''} ${names.join(', ')}`;
}

/**
 * The warning for a kept table with CDC whose columns the plan changes: its capture instances
 * keep the column list they were made with (new columns are not captured, dropped ones read
 * NULL), so consumers need a second capture instance for the new shape.
 */
export function cdcColumnWarning(table: KeptTable, planned: readonly PlanStep[]): PlanWarning | null {
  if (table.current.cdc === undefined) return null;
  const what = planned.map((s) => changesColumns(s, planned)).filter((w): w is string => w !== null);
  if (what.length === 0) return null;
  const name = qualified(table.newRef);
  return {
    table: table.newRef,
    message: `${name} is tracked by change data capture (${instancesText(table.current)}); this plan ${what.join(', ')}, and a capture instance does not follow schema changes: `
      + `it keeps capturing the columns it was made with (new columns are left out, dropped ones read NULL). Once applied, create a second capture instance for the new shape `
      + `(EXEC sys.sp_cdc_enable_table with another @capture_instance; a table has at most two), move consumers to it, then drop the old one (sys.sp_cdc_disable_table) (${CDC_SOURCE_CHANGES_DOC})`,
  };
}

/**
 * A table with CDC that the plan drops and creates again under the same name (a re-create by
 * copy) would lose its capture instances, which schemac cannot make again (they are DBA
 * configuration: role, captured columns, filegroup): every step on that table is taken out and
 * the re-create refused by name; the rest of the plan stands. A CDC table only dropped (not
 * declared, --allow-drop) is dropped with a warning that its CDC goes with it.
 */
export function guardCdcTables(steps: readonly PlanStep[], current: Database, key: NameKey): { steps: PlanStep[]; refused: RefusedChange[]; warnings: PlanWarning[] } {
  const captured = new Map(current.tables.filter((t) => t.cdc !== undefined).map((t) => [tableKey(key, t.schema, t.name), t] as const));
  if (captured.size === 0) return { steps: [...steps], refused: [], warnings: [] };
  const refKey = (c: PlanStep['change']): string | null => {
    const ref = tableOf(c);
    return ref === null ? null : tableKey(key, ref.schema, ref.name);
  };
  const created = new Set(steps.flatMap((s) => (s.change.kind === 'createTable' ? [refKey(s.change)] : [])));
  const refusedKeys = new Set<string>();
  const refused: RefusedChange[] = [];
  const warnings: PlanWarning[] = [];
  for (const s of steps) {
    if (s.change.kind !== 'dropTable') continue;
    const k = refKey(s.change) as string;
    const t = captured.get(k);
    if (t === undefined) continue;
    const ref = { schema: t.schema, name: t.name };
    if (created.has(k)) {
      refusedKeys.add(k);
      refused.push({
        table: ref, change: `re-create ${qualified(ref)}`,
        reason: `${qualified(ref)} is tracked by change data capture (${instancesText(t)}), which dropping the table drops and schemac cannot make again; `
          + 'keep the table as it is, or disable CDC on it first (sys.sp_cdc_disable_table), plan again, and enable it afterwards (sys.sp_cdc_enable_table)',
      });
    } else {
      warnings.push({ table: ref, message: `dropping ${qualified(ref)} also drops its change data capture (${instancesText(t)}): consumers of its change table stop receiving changes` });
    }
  }
  return { steps: steps.filter((s) => { const k = refKey(s.change); return k === null || !refusedKeys.has(k); }), refused, warnings };
}
