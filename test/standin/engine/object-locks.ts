/**
 * Object locks between sessions, held to the end of the writer's transaction (or statement, in
 * autocommit). One exclusive lock per object name (`db|schema.name`, or `db|schema:name` for a
 * schema), flagged `ddl` when the holder changed the object's definition. SQL Server's
 * schema-modification lock blocks every other reader of the object, and READ COMMITTED readers
 * of sys.* block on the rows of objects being changed; the stand-in models both: a reader of a
 * locked table, or of a catalog view of a database where another session holds a ddl lock,
 * waits. Readers take no locks of their own (READ COMMITTED releases them at once).
 */
import type { Waiters } from './waiters';

/** What a statement needs before it runs. */
export interface LockNeeds {
  /** Object keys the statement writes (locked exclusively). */
  readonly write: readonly string[];
  /** Whether the writes change definitions (DDL), which also blocks catalog readers. */
  readonly ddl: boolean;
  /** Object keys the statement reads (must not be locked by another session). */
  readonly read: readonly string[];
  /** Databases (lower-case) whose catalog views the statement reads. */
  readonly catalogs: readonly string[];
}

/** The key of a table (or any schema-scoped object) name. */
export function objectKey(db: string, schema: string, name: string): string {
  return `${db.toLowerCase()}|${schema.toLowerCase()}.${name.toLowerCase()}`;
}

/** The key of a schema. */
export function schemaKey(db: string, schema: string): string {
  return `${db.toLowerCase()}|schema:${schema.toLowerCase()}`;
}

/** The engine-wide lock table. */
export class ObjectLocks {
  private readonly held = new Map<string, { session: number; ddl: boolean }>();

  constructor(private readonly waiters: Waiters) {}

  /** The sessions whose locks stop needs (empty when it can go ahead). */
  blockers(needs: LockNeeds, session: number): Set<number> {
    const out = new Set<number>();
    for (const k of [...needs.write, ...needs.read]) {
      const h = this.held.get(k);
      if (h && h.session !== session) out.add(h.session);
    }
    for (const db of needs.catalogs) {
      for (const [k, h] of this.held) if (h.ddl && h.session !== session && k.startsWith(`${db}|`)) out.add(h.session);
    }
    return out;
  }

  /** True when nothing in needs is held by another session. */
  free(needs: LockNeeds, session: number): boolean {
    return this.blockers(needs, session).size === 0;
  }

  /** Takes needs.write for session when free; returns the keys newly taken, or null when blocked. */
  tryTake(needs: LockNeeds, session: number): string[] | null {
    if (!this.free(needs, session)) return null;
    const fresh: string[] = [];
    for (const k of needs.write) {
      const h = this.held.get(k);
      if (!h) { this.held.set(k, { session, ddl: needs.ddl }); fresh.push(k); } else if (needs.ddl) h.ddl = true;
    }
    return fresh;
  }

  /** Releases every lock of a session and wakes waiters. */
  releaseAll(session: number): void {
    let any = false;
    for (const [k, h] of this.held) if (h.session === session) { this.held.delete(k); any = true; }
    if (any) this.waiters.notify();
  }

  /** The keys a session holds (for tests and diagnostics). */
  heldBy(session: number): string[] {
    return [...this.held].filter(([, h]) => h.session === session).map(([k]) => k);
  }
}
