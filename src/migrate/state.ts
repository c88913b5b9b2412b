/**
 * A migration's after.json: the catalog snapshot of the state it leaves, plus the id of the
 * migration it was made after (`parent_migration`, an extra top-level property, which the
 * snapshot format allows), so two branches that both added a migration are told apart.
 */
import * as path from 'path';
import { modelToSnapshot } from '../catalog/from-model';
import { parseSnapshotJson, serializeSnapshot, SnapshotError, validateSnapshot, type CatalogSnapshot } from '../catalog/snapshot';
import { snapshotToModel } from '../catalog/to-model';
import { DEFAULT_COLLATION } from '../sqlserver/names';
import type { Database } from '../model';
import { HINTS_PROPERTY, PARENT_PROPERTY } from './after-tail';
import type { MigrationFolder } from './directory';
import { MigrateError } from './errors';
import { parseHints, type TableHints } from './hints';

export { HINTS_PROPERTY, PARENT_PROPERTY } from './after-tail';

/** What a migration's after.json says. */
export interface MigrationState {
  readonly parent: string | null;
  /** Renames and backfills the schema declared when the migration was made. */
  readonly hints: readonly TableHints[];
  /** The state after the migration, as the differ compares it (no row counts: they are unknown). */
  readonly model: Database;
}

/** The state before any migration: an empty database. */
export function emptyState(collation = DEFAULT_COLLATION): Database {
  return { name: null, collation, schemas: ['dbo'], tables: [] };
}

/**
 * Reads a migration's after.json; a broken file is an error naming it. The parent and hints are
 * read now (the integrity check needs every migration's parent), from the end of the file when it
 * is in the form schemac writes (the folder read them there); the file is parsed, and the state
 * validated and turned into a model, when first asked for, since most commands use one or two
 * migrations' states, and on a large schema each takes about as long as reading a catalog.
 */
export function readState(folder: MigrationFolder, shown: string): MigrationState {
  const file = path.join(shown, folder.id, 'after.json');
  let parsed: { readonly value: unknown } | undefined;
  const whole = (): unknown => (parsed ??= { value: snapshotCall(() => parseSnapshotJson(folder.files['after.json'], file)) }).value;
  const top = folder.afterTail ?? objectOf(whole());
  const parentValue = top[PARENT_PROPERTY];
  if (parentValue !== undefined && parentValue !== null && typeof parentValue !== 'string') {
    throw new MigrateError('error', `${file}: ${PARENT_PROPERTY}: expected a migration id or null`);
  }
  const hints = parseHints(top[HINTS_PROPERTY]);
  let model: Database | undefined;
  return {
    parent: parentValue ?? null,
    hints,
    get model(): Database {
      return (model ??= stateModel(snapshotCall(() => validateSnapshot(whole(), file)), file));
    },
  };
}

function objectOf(value: unknown): Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value as Record<string, unknown> : {};
}

/** Runs a snapshot reader; its SnapshotError becomes a MigrateError with the same message. */
function snapshotCall<T>(read: () => T): T {
  try {
    return read();
  } catch (err) {
    if (err instanceof SnapshotError) throw new MigrateError('error', err.message, { cause: err });
    throw err;
  }
}

/** The state a validated after.json holds, as the differ compares it. */
function stateModel(snapshot: CatalogSnapshot, file: string): Database {
  const { database, diagnostics } = snapshotToModel(snapshot);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new MigrateError('error', `${file}: ${errors.map((d) => d.message).join('; ')}`);
  // A file knows no rows: hazards must assume there may be some, as for a compiled schema.
  const tables = database.tables.map(({ rowCount: _rows, ...t }) => t);
  return { ...database, name: null, tables };
}

/** The after.json text of a state made after `parent`, with the hints its plan used. */
export function renderState(model: Database, parent: string | null, hints: readonly TableHints[] = []): string {
  const snapshot = modelToSnapshot({ ...model, tables: model.tables.map(({ rowCount: _rows, ...t }) => t) }, { database: '' });
  const withParent = { ...snapshot, [PARENT_PROPERTY]: parent, ...(hints.length > 0 ? { [HINTS_PROPERTY]: hints } : {}) } as CatalogSnapshot;
  return serializeSnapshot(withParent);
}
