/**
 * Application locks (sp_getapplock / sp_releaseapplock), session-owned and exclusive: what
 * schemac's apply takes so two applies never interleave. A lock held by another session is
 * reported at once as a timeout (-1); waiting for it belongs with issue 5's lock manager.
 */
export class AppLocks {
  private readonly owners = new Map<string, { session: number; count: number }>();

  /** sp_getapplock's status: 0 granted, -1 timed out (held by another session). */
  acquire(resource: string, session: number): number {
    const key = resource.toLowerCase();
    const held = this.owners.get(key);
    if (held && held.session !== session) return -1;
    this.owners.set(key, { session, count: (held?.count ?? 0) + 1 });
    return 0;
  }

  /** sp_releaseapplock's status: 0 released, -999 not held by this session. */
  release(resource: string, session: number): number {
    const key = resource.toLowerCase();
    const held = this.owners.get(key);
    if (!held || held.session !== session) return -999;
    if (held.count > 1) held.count--; else this.owners.delete(key);
    return 0;
  }

  /** The session ended: its session-owned locks go. */
  releaseAll(session: number): void {
    for (const [k, v] of this.owners) if (v.session === session) this.owners.delete(k);
  }
}
