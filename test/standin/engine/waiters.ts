/**
 * Waiting without blocking the event loop: a request that cannot be granted yet parks a callback
 * here; every release (object lock, app lock, end of transaction) wakes all parked requests,
 * each of which retries its own grant. Simple and fair enough for a handful of test sessions.
 */

/** How a wait ended. */
export type WaitOutcome = 'immediate' | 'granted' | 'timeout' | 'aborted';

/** The parked requests of one engine. */
export class Waiters {
  private readonly parked = new Set<() => void>();

  /** Something was released: every parked request retries. */
  notify(): void {
    for (const wake of [...this.parked]) wake();
  }

  /**
   * Calls tryGrant now and after every release until it returns true (it must take the grant
   * itself, so no other waiter can slip in between). timeoutMs -1 waits forever, 0 never waits.
   */
  wait(tryGrant: () => boolean, timeoutMs: number, signal: AbortSignal): Promise<WaitOutcome> {
    if (tryGrant()) return Promise.resolve('immediate');
    if (signal.aborted) return Promise.resolve('aborted');
    if (timeoutMs === 0) return Promise.resolve('timeout');
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const finish = (outcome: WaitOutcome): void => {
        this.parked.delete(wake);
        if (timer) clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        resolve(outcome);
      };
      const wake = (): void => { if (tryGrant()) finish('granted'); };
      const onAbort = (): void => finish('aborted');
      this.parked.add(wake);
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
