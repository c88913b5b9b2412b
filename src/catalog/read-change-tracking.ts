/**
 * Change tracking and CDC from the catalog rows: sys.change_tracking_tables (a table's tracking
 * and TRACK_COLUMNS_UPDATED), sys.tables.is_tracked_by_cdc with the capture instances of
 * cdc.change_tables, and the database's change tracking (sys.change_tracking_databases). Older
 * snapshots lack them all: their tables read as untracked and the database's setting as unknown.
 */
import type { ChangeTracking, Table } from '../model';
import type { CatalogSnapshot, TableRow } from './snapshot-types';
import { appendTo } from '../util/group-by';

/** The tracking facts of one table row, as Table properties (absent when off). */
export type TrackingFacts = Pick<Table, 'changeTracking' | 'cdc'>;

/** A reader of each table's tracking facts over one snapshot. */
export function trackingReader(s: CatalogSnapshot): (t: TableRow) => TrackingFacts {
  const tracked = new Map<number, ChangeTracking>((s.change_tracking_tables ?? []).map((r) => [r.object_id, { trackColumnsUpdated: r.is_track_columns_updated_on }]));
  const instances = new Map<number, string[]>();
  for (const r of s.cdc_change_tables ?? []) appendTo(instances, r.source_object_id, r.capture_instance);
  return (t) => {
    const changeTracking = tracked.get(t.object_id);
    // A capture instance row without the flag (a hand-written snapshot) still says CDC is on.
    const captureInstances = instances.get(t.object_id);
    const cdc = t.is_tracked_by_cdc === true || captureInstances !== undefined;
    return {
      ...(changeTracking !== undefined ? { changeTracking } : {}),
      ...(cdc ? { cdc: { captureInstances: [...(captureInstances ?? [])].sort() } } : {}),
    };
  };
}

/** The database's change tracking, when the snapshot recorded it. */
export function databaseTracking(s: CatalogSnapshot): { changeTrackingOn?: boolean } {
  return typeof s.change_tracking_on === 'boolean' ? { changeTrackingOn: s.change_tracking_on } : {};
}
