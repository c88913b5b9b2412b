/**
 * Application locks (sp_getapplock / sp_releaseapplock) as Microsoft documents them: modes
 * Shared, Update, IntentShared, IntentExclusive, Exclusive with SQL Server's compatibility
 * matrix; Session or Transaction owners; a lock timeout (-1 forever, 0 no wait, N ms) during
 * which the request waits asynchronously for holders to release. Resource names compare
 * binary (case-sensitive) and are scoped to the current database.
 */
import type { Waiters } from './waiters';

/** sp_getapplock's lock modes. */
export type AppLockMode = 'Shared' | 'Update' | 'IntentShared' | 'IntentExclusive' | 'Exclusive';
/** Who owns an app lock: released at end of transaction, or when the session ends / releases it. */
export type AppLockOwner = 'Session' | 'Transaction';

/** Lock compatibility (SQL Server's matrix for S, U, IS, IX, X). */
const COMPATIBLE: Record<AppLockMode, readonly AppLockMode[]> = {
  Shared: ['Shared', 'Update', 'IntentShared'],
  Update: ['Shared', 'IntentShared'],
  IntentShared: ['Shared', 'Update', 'IntentShared', 'IntentExclusive'],
  IntentExclusive: ['IntentShared', 'IntentExclusive'],
  Exclusive: [],
};

/** Parses a @LockMode / @LockOwner argument case-insensitively; undefined when not recognised. */
export function parseMode(s: string): AppLockMode | undefined {
  return (Object.keys(COMPATIBLE) as AppLockMode[]).find((m) => m.toLowerCase() === s.trim().toLowerCase());
}
export function parseOwner(s: string): AppLockOwner | undefined {
  const v = s.trim().toLowerCase();
  return v === 'session' ? 'Session' : v === 'transaction' ? 'Transaction' : undefined;
}

interface Grant { session: number; owner: AppLockOwner; mode: AppLockMode; count: number }

/** One request of sp_getapplock. */
export interface AppLockRequest {
  readonly database: string;
  readonly resource: string;
  readonly mode: AppLockMode;
  readonly owner: AppLockOwner;
  readonly timeoutMs: number;
  readonly session: number;
  readonly signal: AbortSignal;
}

/** The engine's app locks. */
export class AppLocks {
  private readonly grants = new Map<string, Grant[]>();

  constructor(private readonly waiters: Waiters) {}

  private static key(database: string, resource: string): string { return `${database.toLowerCase()}|${resource}`; }

  private blockers(key: string, r: AppLockRequest): Set<number> {
    return new Set((this.grants.get(key) ?? []).filter((g) => g.session !== r.session && !COMPATIBLE[r.mode].includes(g.mode)).map((g) => g.session));
  }

  private tryGrant(key: string, r: AppLockRequest): boolean {
    const list = this.grants.get(key) ?? [];
    if (this.blockers(key, r).size > 0) return false;
    const mine = list.find((g) => g.session === r.session && g.owner === r.owner && g.mode === r.mode);
    if (mine) mine.count++; else list.push({ session: r.session, owner: r.owner, mode: r.mode, count: 1 });
    this.grants.set(key, list);
    return true;
  }

  /** sp_getapplock's status: 0 granted at once, 1 granted after waiting, -1 timed out, -2 cancelled, -3 deadlock victim. */
  async acquire(r: AppLockRequest): Promise<number> {
    const key = AppLocks.key(r.database, r.resource);
    const who = { session: r.session, blockers: () => this.blockers(key, r) };
    const outcome = await this.waiters.wait(() => this.tryGrant(key, r), r.timeoutMs, r.signal, who);
    switch (outcome) {
      case 'immediate': return 0;
      case 'granted': return 1;
      case 'timeout': return -1;
      case 'aborted': return -2;
      case 'deadlock': return -3;
    }
  }

  /** sp_releaseapplock's status: 0 released (one level of a repeated grant), -999 not held. */
  release(database: string, resource: string, session: number, owner: AppLockOwner): number {
    const key = AppLocks.key(database, resource);
    const list = this.grants.get(key) ?? [];
    const mine = list.find((g) => g.session === session && g.owner === owner);
    if (!mine) return -999;
    if (--mine.count === 0) list.splice(list.indexOf(mine), 1);
    if (list.length === 0) this.grants.delete(key);
    this.waiters.notify();
    return 0;
  }

  /** Releases a session's locks of one owner kind (Transaction at commit/rollback), or all (session end). */
  releaseOwned(session: number, owner?: AppLockOwner): void {
    let any = false;
    for (const [key, list] of this.grants) {
      const keep = list.filter((g) => g.session !== session || (owner !== undefined && g.owner !== owner));
      if (keep.length !== list.length) any = true;
      if (keep.length === 0) this.grants.delete(key); else this.grants.set(key, keep);
    }
    if (any) this.waiters.notify();
  }
}
