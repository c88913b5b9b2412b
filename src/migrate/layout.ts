/**
 * Where migrations live and what they are called: `migrations/<timestamp>_<name>/` holding
 * up.sql, down.sql and after.json, and `migrations/schemac.sum`. Ids sort by time, so the
 * folder order is the order they apply in.
 */

/** The folder migrations live in unless the command says otherwise. */
export const DEFAULT_MIGRATIONS_DIR = 'migrations';
/** The integrity file: a hash per migration and one over the list. */
export const SUM_FILE = 'schemac.sum';
/** The files of one migration, in the order their hash reads them. */
export const MIGRATION_FILES = ['up.sql', 'down.sql', 'after.json'] as const;
/** One of a migration's files. */
export type MigrationFileName = (typeof MIGRATION_FILES)[number];

const ID = /^(\d{14})_([a-z0-9][a-z0-9_]*)$/;

/** Whether a folder name is a migration id (`20260102030405_add_orders`). */
export function isMigrationId(name: string): boolean {
  return ID.test(name);
}

/** The 14-digit UTC timestamp of a moment: YYYYMMDDHHMMSS. */
export function timestampOf(when: Date): string {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(when.getUTCFullYear(), 4)}${pad(when.getUTCMonth() + 1)}${pad(when.getUTCDate())}`
    + `${pad(when.getUTCHours())}${pad(when.getUTCMinutes())}${pad(when.getUTCSeconds())}`;
}

/**
 * A migration name as it goes into a folder name: lower case, letters, digits and `_`; null
 * when nothing usable is left (the caller says what was wrong).
 */
export function slugOf(name: string): string | null {
  const slug = name.trim().toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 100);
  return slug === '' ? null : slug;
}

/**
 * The id of a new migration made at `when`, later than `last` (the newest existing id): a
 * clock behind the last migration (another machine's, or two in one second) moves one second on,
 * so the new migration still sorts after its parent.
 */
export function newMigrationId(when: Date, slug: string, last: string | null): string {
  let stamp = timestampOf(when);
  const lastStamp = last === null ? null : (ID.exec(last)?.[1] ?? null);
  if (lastStamp !== null && stamp <= lastStamp) stamp = nextSecond(lastStamp);
  return `${stamp}_${slug}`;
}

function nextSecond(stamp: string): string {
  const d = new Date(Date.UTC(
    Number(stamp.slice(0, 4)), Number(stamp.slice(4, 6)) - 1, Number(stamp.slice(6, 8)),
    Number(stamp.slice(8, 10)), Number(stamp.slice(10, 12)), Number(stamp.slice(12, 14)) + 1,
  ));
  return timestampOf(d);
}
