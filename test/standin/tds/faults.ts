/**
 * Protocol-level fault injection: what the wire does wrong, independent of SQL. Engine-level faults
 * (fail the Nth statement, report a given @@VERSION) live in the engine; these complement them.
 */

/** What a fault matcher sees of a client request. */
export interface RequestInfo {
  /** Server-wide connection number, from 1. */
  readonly connectionId: number;
  /** This connection's request number after login, from 1 (tedious's initial SET batch is 1). */
  readonly sequence: number;
  readonly kind: 'batch' | 'rpc' | 'transaction';
  /** Batch text; for sp_executesql the statement; for other RPCs the procedure name; for TM requests 'BEGIN TRANSACTION' etc. */
  readonly text: string;
}

/** Decides whether a fault applies to a request. */
export type RequestMatcher = (request: RequestInfo) => boolean;

/** Faults the stand-in's protocol layer can inject. */
export interface ProtocolFaults {
  /** Answer this many requests (counted across connections from when the faults were set), then destroy the connection of the next one before the engine sees it. */
  readonly dropAfterRequests?: number;
  /** Destroy the connection when a matching request arrives, before the engine sees it. */
  readonly dropBeforeExecute?: RequestMatcher;
  /** Run a matching request in the engine, write half of the response's first packet, then destroy the connection (e.g. a COMMIT that happened but was never acknowledged). */
  readonly dropMidResponse?: RequestMatcher;
  /** Hold the response to matching requests (all when match is absent) back for ms milliseconds. */
  readonly delayResponse?: { readonly ms: number; readonly match?: RequestMatcher };
}

/** Mutable fault state shared by a server's connections. */
export class FaultState {
  private answered = 0;

  constructor(private faults: ProtocolFaults = {}) {}

  /** Replaces the faults and restarts the dropAfterRequests count. */
  set(faults: ProtocolFaults): void {
    this.faults = faults;
    this.answered = 0;
  }

  /** What to do with a request that just arrived. */
  decide(request: RequestInfo): { readonly drop: 'before' | 'midResponse' | null; readonly delayMs: number } {
    const f = this.faults;
    const countExceeded = f.dropAfterRequests !== undefined && this.answered >= f.dropAfterRequests;
    if (countExceeded || f.dropBeforeExecute?.(request) === true) return { drop: 'before', delayMs: 0 };
    this.answered += 1;
    const delay = f.delayResponse !== undefined && (f.delayResponse.match?.(request) ?? true) ? f.delayResponse.ms : 0;
    return { drop: f.dropMidResponse?.(request) === true ? 'midResponse' : null, delayMs: delay };
  }
}
