/** Name resolution for expressions: the columns in reach of a query, and the session host. */
import type { Expr, Select } from './ast';
import type { Database, Table, Value } from './catalog';
import { sameName } from './catalog';
import type { SqlType } from './types';
import type { EditionFacts, RecordedOptions } from './editions';
import { SqlError, err } from './errors';

/** One column of a relation in FROM, with the alias that qualifies it. */
export interface ScopeColumn {
  readonly qual: string; readonly schema?: string; readonly table?: string; readonly name: string; readonly type: SqlType; readonly nullable: boolean;
  /** A HIDDEN period column, or a carried row reference: `*` leaves it out. */
  readonly hidden?: boolean;
  /** A carried row reference (dml-target.ts): the column holds an index into this table's rows. */
  readonly rowOf?: Table;
  /** The base table column this column shows unchanged, through views, CTEs and derived tables (what UPDATE through them sets). */
  readonly source?: { readonly table: Table; readonly column: string };
}

/** The columns a (joined) FROM exposes, the current row, and the enclosing query's scope. */
export interface Scope {
  readonly columns: readonly ScopeColumn[];
  row: readonly Value[];
  /** Rows of the current group when aggregating. */
  group?: readonly (readonly Value[])[];
  /** Under ROLLUP / CUBE: the GROUP BY expressions and which of them this row rolls up (GROUPING() reads it). */
  readonly grouping?: { readonly exprs: readonly Expr[]; readonly rolledUp: ReadonlySet<number> };
  readonly parent?: Scope;
  /** Window function values of the query's rows (windows.ts) and this row's place among them. */
  readonly windows?: { readonly values: ReadonlyMap<Expr, readonly Value[]>; readonly index: number };
}

/** What expression evaluation needs from the session. */
export interface Host {
  readonly db: Database;
  database(name: string): Database | undefined;
  databaseById(id: number): Database | undefined;
  allDatabases(): readonly Database[];
  /** A variable; a table variable's `table` is the stored name of its rows (temp-tables.ts). */
  getVar(name: string): { value: Value; type: SqlType; table?: string; tableType?: number } | undefined;
  global(name: string): { value: Value; type: SqlType } | undefined;
  productVersion: string;
  /** The edition SERVERPROPERTY reports and whether ONLINE = ON is accepted. */
  edition: EditionFacts;
  /** Keeps a statement's WITH (...) options for tests. */
  recordOptions(r: RecordedOptions): void;
  /** Whether the login holds VIEW DATABASE STATE (HAS_PERMS_BY_NAME, sys.dm_db_partition_stats). */
  readonly viewDatabaseState: boolean;
  runSubquery(sel: Select, scope: Scope | undefined): { types: SqlType[]; rows: Value[][] };
  subqueryType(sel: Select, scope: Scope | undefined): SqlType[];
  caught(): { number: number; message: string; severity: number; state: number; line: number } | undefined;
  option(name: string): boolean;
  /**
   * The columns a table had when the running batch was compiled, or undefined for tables the
   * batch created: SQL Server compiles DML against the schema at batch start, so a column added
   * earlier in the same batch is an invalid column there (design.md rule 11).
   */
  compiledColumns(tableObjectId: number): ReadonlySet<string> | undefined;
  /** Whether SET IDENTITY_INSERT is ON for the table (explicit identity values may be inserted). */
  identityInsert?(t: Table): boolean;
  /** The session's id (@@SPID): its temporary tables' names end with it (temp-tables.ts). */
  readonly session?: number;
  /** SESSION_CONTEXT(key): the value sp_set_session_context gave the key, NULL when none. */
  sessionContext?(key: string): Value;
  /** Inside a trigger: UPDATE(column) (triggers.ts); undefined outside one. */
  columnUpdated?(column: string): boolean | undefined;
  /** Inside a trigger: its `inserted` / `deleted` table (triggers.ts). */
  pseudoTable?(name: string): { readonly columns: readonly ScopeColumn[]; readonly rows: Value[][] } | undefined;
}

/** Resolves a column reference to (scope depth, index), or raises 207/209. */
export function resolveColumn(scope: Scope | undefined, parts: readonly string[]): { scope: Scope; index: number; col: ScopeColumn } {
  const name = parts[parts.length - 1];
  const qual = parts.length >= 2 ? parts[parts.length - 2] : undefined;
  for (let s = scope; s; s = s.parent) {
    const hit = hitIn(s.columns, parts);
    if (hit === AMBIGUOUS) throw new SqlError(209, 16, 1, `Ambiguous column name '${name}'.`, 'compile');
    if (hit !== NONE) return { scope: s, index: hit, col: s.columns[hit] };
  }
  if (qual !== undefined) throw new SqlError(4104, 16, 1, `The multi-part identifier "${parts.join('.')}" could not be bound.`, 'compile');
  throw err.invalidColumn(name);
}

const NONE = -1;
const AMBIGUOUS = -2;
/**
 * Which column of one scope level a reference names, remembered per (column list, reference):
 * a query evaluates the same reference against the same columns once per row (and per pair of
 * rows in a join), and the answer depends on nothing else.
 */
const hits = new WeakMap<readonly ScopeColumn[], WeakMap<readonly string[], number>>();
function hitIn(columns: readonly ScopeColumn[], parts: readonly string[]): number {
  let byParts = hits.get(columns);
  if (!byParts) {
    byParts = new WeakMap();
    hits.set(columns, byParts);
  }
  const known = byParts.get(parts);
  if (known !== undefined) return known;
  const name = parts[parts.length - 1];
  const qual = parts.length >= 2 ? parts[parts.length - 2] : undefined;
  const schema = parts.length >= 3 ? parts[parts.length - 3] : undefined;
  let hit = NONE;
  for (let i = 0; i < columns.length; i++) {
    const c = columns[i];
    if (!sameName(c.name, name)) continue;
    if (qual !== undefined && !sameName(c.qual, qual)) continue;
    if (schema !== undefined && c.schema !== undefined && !sameName(c.schema, schema)) continue;
    hit = hit === NONE ? i : AMBIGUOUS;
    if (hit === AMBIGUOUS) break;
  }
  byParts.set(parts, hit);
  return hit;
}
