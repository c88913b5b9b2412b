/**
 * The schema's declared intent that a catalog cannot hold: renames (`renamedFrom`) and
 * backfills. A migration keeps those its plan used in after.json (`migration_hints`), so
 * `migrate lint` re-plans the migration as `migrate new` planned it: a rename stays a rename.
 */
import { makeExpression } from '../expr';
import { nameKeyFor } from '../sqlserver/names';
import type { Database } from '../model';

/** One table's hints: its previous name (and schema, for a move) and its columns' previous names and backfills. */
export interface TableHints {
  readonly schema: string;
  readonly table: string;
  readonly renamedFrom?: string;
  /** The schema the table was moved from (renamedFrom 'schema.table'); absent: the same schema. */
  readonly renamedFromSchema?: string;
  readonly columns?: readonly { readonly name: string; readonly renamedFrom?: string; readonly backfill?: string }[];
}

/** The hints a compiled model declares (empty when none). */
export function hintsOf(db: Database): TableHints[] {
  const out: TableHints[] = [];
  for (const t of db.tables) {
    const columns = t.columns
      .filter((c) => c.renamedFrom !== undefined || c.backfill !== undefined)
      .map((c) => ({ name: c.name, ...(c.renamedFrom !== undefined ? { renamedFrom: c.renamedFrom } : {}), ...(c.backfill !== undefined ? { backfill: c.backfill.text } : {}) }));
    if (t.renamedFrom === undefined && columns.length === 0) continue;
    out.push({
      schema: t.schema, table: t.name, ...(t.renamedFrom !== undefined ? { renamedFrom: t.renamedFrom } : {}),
      ...(t.renamedFromSchema !== undefined ? { renamedFromSchema: t.renamedFromSchema } : {}), ...(columns.length > 0 ? { columns } : {}),
    });
  }
  return out;
}

/** The model with the hints put back on its tables and columns. */
export function withHints(db: Database, hints: readonly TableHints[]): Database {
  if (hints.length === 0) return db;
  const byTable = new Map(hints.map((h) => [`${h.schema}.${h.table}`, h]));
  return {
    ...db,
    tables: db.tables.map((t) => {
      const h = byTable.get(`${t.schema}.${t.name}`);
      if (h === undefined) return t;
      const cols = new Map((h.columns ?? []).map((c) => [c.name, c]));
      return {
        ...t,
        ...(h.renamedFrom !== undefined ? { renamedFrom: h.renamedFrom } : {}),
        ...(h.renamedFrom !== undefined && typeof h.renamedFromSchema === 'string' ? { renamedFromSchema: h.renamedFromSchema } : {}),
        columns: t.columns.map((c) => {
          const ch = cols.get(c.name);
          if (ch === undefined) return c;
          return {
            ...c,
            ...(ch.renamedFrom !== undefined ? { renamedFrom: ch.renamedFrom } : {}),
            ...(ch.backfill !== undefined ? { backfill: makeExpression(ch.backfill, nameKeyFor(db.collation)).expression } : {}),
          };
        }),
      };
    }),
  };
}

/** Reads the hints property of after.json; anything malformed reads as no hints. */
export function parseHints(value: unknown): TableHints[] {
  if (!Array.isArray(value)) return [];
  return value.filter((h): h is TableHints => typeof h === 'object' && h !== null
    && typeof (h as TableHints).schema === 'string' && typeof (h as TableHints).table === 'string');
}

/**
 * The hints of the way back (down.sql): each rename reversed, on the names the state before the
 * migration has (a move goes back to the schema it came from); backfills have no way back.
 */
export function reverseHints(hints: readonly TableHints[]): TableHints[] {
  const out: TableHints[] = [];
  for (const h of hints) {
    const columns = (h.columns ?? []).filter((c) => c.renamedFrom !== undefined).map((c) => ({ name: c.renamedFrom as string, renamedFrom: c.name }));
    if (h.renamedFrom === undefined && columns.length === 0) continue;
    const moved = h.renamedFrom !== undefined && h.renamedFromSchema !== undefined;
    out.push({
      schema: moved ? h.renamedFromSchema as string : h.schema, table: h.renamedFrom ?? h.table,
      ...(h.renamedFrom !== undefined ? { renamedFrom: h.table } : {}),
      ...(moved ? { renamedFromSchema: h.schema } : {}),
      ...(columns.length > 0 ? { columns } : {}),
    });
  }
  return out;
}
