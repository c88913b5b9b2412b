/**
 * Waiting without blocking the event loop: a request that cannot be granted yet parks a callback
 * here; every release (object lock, app lock, end of transaction) wakes all parked requests,
 * each of which retries its own grant. Simple and fair enough for a handful of test sessions.
 */

/** How a wait ended. */
export type WaitOutcome = 'immediate' | 'granted' | 'timeout' | 'aborted' | 'deadlock';

/** Who waits, and (now) on whom: for deadlock detection. */
export interface Waiter {
  readonly session: number;
  /** Sessions whose locks currently stop this request. */
  blockers(): ReadonlySet<number>;
}

/** The parked requests of one engine. */
export class Waiters {
  private readonly parked = new Set<() => void>();
  private readonly waiting = new Map<number, Waiter>();

  /** True when the waits-for graph leads from w's blockers back to w: w closes a cycle. */
  private closesCycle(w: Waiter): boolean {
    const seen = new Set<number>();
    const stack = [...w.blockers()];
    while (stack.length > 0) {
      const s = stack.pop() as number;
      if (s === w.session) return true;
      if (seen.has(s)) continue;
      seen.add(s);
      const next = this.waiting.get(s);
      if (next) stack.push(...next.blockers());
    }
    return false;
  }

  /** Something was released: every parked request retries. */
  notify(): void {
    for (const wake of [...this.parked]) wake();
  }

  /**
   * Calls tryGrant now and after every release until it returns true (it must take the grant
   * itself, so no other waiter can slip in between). timeoutMs -1 waits forever, 0 never waits.
   */
  wait(tryGrant: () => boolean, timeoutMs: number, signal: AbortSignal, who?: Waiter): Promise<WaitOutcome> {
    if (tryGrant()) return Promise.resolve('immediate');
    if (signal.aborted) return Promise.resolve('aborted');
    if (timeoutMs === 0) return Promise.resolve('timeout');
    // The request that would close a cycle of waits is the victim (SQL Server picks by cost).
    if (who && this.closesCycle(who)) return Promise.resolve('deadlock');
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const finish = (outcome: WaitOutcome): void => {
        this.parked.delete(wake);
        if (who) this.waiting.delete(who.session);
        if (timer) clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        resolve(outcome);
      };
      const wake = (): void => { if (tryGrant()) finish('granted'); };
      const onAbort = (): void => finish('aborted');
      this.parked.add(wake);
      if (who) this.waiting.set(who.session, who);
      signal.addEventListener('abort', onAbort);
      if (timeoutMs > 0) timer = setTimeout(() => finish('timeout'), timeoutMs);
    });
  }
}

/** Sleeps ms milliseconds; resolves false early when the signal aborts (a TDS attention). */
export function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = (): void => { clearTimeout(timer); resolve(false); };
    const timer = setTimeout(() => { signal.removeEventListener('abort', onAbort); resolve(true); }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
