/**
 * `@Table(..., { changeTracking: true | { trackColumnsUpdated } })`: ALTER TABLE ... ENABLE
 * CHANGE_TRACKING, and what SQL Server refuses for it reported at the option, not at deploy time
 * (rules and sources in src/sqlserver/change-tracking.ts).
 */
import type { ChangeTracking } from '../model';
import { Codes } from './codes';
import type { DiagnosticBag } from './diagnostics';
import type { StaticValue } from './static-value';
import type { TableDraft } from './table-draft';

const SHAPE = '`true` or `{ trackColumnsUpdated: true | false }`';

/** Reads `changeTracking` of @Table into the draft (false and absent: not tracked). */
export function readChangeTracking(draft: TableDraft, v: StaticValue | undefined, bag: DiagnosticBag): void {
  if (v === undefined || v.kind === 'null' || (v.kind === 'boolean' && !v.value)) return;
  let value: ChangeTracking | null = null;
  if (v.kind === 'boolean') value = { trackColumnsUpdated: false };
  else if (v.kind === 'object') {
    const unknown = [...v.props.keys()].filter((k) => k !== 'trackColumnsUpdated');
    const t = v.props.get('trackColumnsUpdated');
    if (unknown.length > 0) bag.error(Codes.badChangeTracking, `changeTracking takes only trackColumnsUpdated (not ${unknown.join(', ')}): ${SHAPE}`, v.props.get(unknown[0] as string)?.node ?? v.node);
    else if (t !== undefined && t.kind !== 'boolean') bag.error(Codes.badChangeTracking, `changeTracking.trackColumnsUpdated must be true or false (TRACK_COLUMNS_UPDATED = ON | OFF)`, t.node);
    else value = { trackColumnsUpdated: t?.kind === 'boolean' && t.value };
  } else {
    bag.error(Codes.badChangeTracking, `changeTracking must be ${SHAPE} (ALTER TABLE ... ENABLE CHANGE_TRACKING)`, v.node);
  }
  if (value === null) return;
  draft.changeTracking = { value, node: v.node };
}

/**
 * SQL Server enables change tracking only on a table with a primary key (Msg 4997), and not one
 * on a rowversion (timestamp) column (Msg 4999): reported once the table's keys are known.
 */
export function checkChangeTracking(draft: TableDraft, bag: DiagnosticBag): void {
  if (draft.changeTracking === undefined) return;
  const { node } = draft.changeTracking;
  const table = `${draft.schema}.${draft.name}`;
  if (draft.primaryKey === null) {
    bag.error(Codes.changeTrackingNeedsKey, `change tracking needs a primary key: ${table} has none (SQL Server refuses ENABLE CHANGE_TRACKING with Msg 4997)`, node);
    return;
  }
  const rowversion = draft.primaryKey.columns.find((c) => {
    const type = draft.byName.get(draft.key(c.name))?.column.type.name;
    return type === 'rowversion';
  });
  if (rowversion !== undefined) {
    bag.error(Codes.changeTrackingNeedsKey, `change tracking cannot use ${table}'s primary key on rowversion column ${rowversion.name} (SQL Server refuses it with Msg 4999)`, node);
  }
}
