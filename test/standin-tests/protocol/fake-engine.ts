/**
 * A scripted Engine for the protocol tests: it knows no SQL. Each test maps batch text or RPC
 * statements to canned outputs and then inspects what reached the session (calls), so the TDS
 * layer is tested on its own, without the real stand-in engine.
 */
import type { Engine, LoginResult, Output, Parameter, Session } from '../../standin/engine-interface';

/** One call that reached a fake session. */
export type SessionCall =
  | { readonly kind: 'batch'; readonly sql: string }
  | { readonly kind: 'rpc'; readonly procedure: string; readonly parameters: readonly Parameter[] }
  | { readonly kind: 'begin' | 'commit' | 'rollback'; readonly name: string | null }
  | { readonly kind: 'close' };

/** Produces the outputs for a batch text or an sp_executesql statement. */
export type Script = (sql: string, signal: AbortSignal) => Output[] | Promise<Output[]>;

/** The fake engine and what happened to it. */
export interface FakeEngine extends Engine {
  readonly calls: SessionCall[];
  /** Scripts the statements matching a pattern (latest registration wins); others get a bare DONE. */
  respond(match: RegExp, outputs: Output[] | Script): void;
  /** Sessions opened so far. */
  readonly sessions: number;
}

/** The transaction descriptor the fake hands out; tests check tedious echoes nothing else back. */
export const FAKE_DESCRIPTOR = Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]);

/** Creates a fake engine with login 'sa' / the given password and database 'app'. */
export function createFakeEngine(password = 'Fake!Passw0rd'): FakeEngine {
  const calls: SessionCall[] = [];
  let sessions = 0;
  const responders: { match: RegExp; script: Script }[] = [];
  const script: Script = (sql, signal) => {
    const responder = responders.find((r) => r.match.test(sql));
    return responder === undefined ? [{ kind: 'done' }] : responder.script(sql, signal);
  };
  const engine: FakeEngine = {
    calls,
    respond(match, outputs) {
      responders.unshift({ match, script: typeof outputs === 'function' ? outputs : () => outputs });
    },
    productVersion: '16.0.4135.4',
    get sessions() {
      return sessions;
    },
    login(user: string, pass: string, database: string | null): LoginResult {
      if (user !== 'sa' || pass !== password) {
        return { ok: false, error: { kind: 'error', number: 18456, state: 1, class: 14, line: 1, message: `Login failed for user '${user}'.` } };
      }
      sessions += 1;
      const session: Session = {
        id: 50 + sessions,
        async executeBatch(sql, signal) {
          calls.push({ kind: 'batch', sql });
          return script(sql, signal);
        },
        async executeRpc(procedure, parameters, signal) {
          calls.push({ kind: 'rpc', procedure, parameters });
          const statement = parameters.find((p) => p.name === '@statement')?.value;
          return script(typeof statement === 'string' ? statement : procedure, signal);
        },
        async beginTransaction(name) {
          calls.push({ kind: 'begin', name });
          return [{ kind: 'transactionChanged', event: 'begin', descriptor: FAKE_DESCRIPTOR }, { kind: 'done' }];
        },
        async commitTransaction(name) {
          calls.push({ kind: 'commit', name });
          return [{ kind: 'transactionChanged', event: 'commit', descriptor: FAKE_DESCRIPTOR }, { kind: 'done' }];
        },
        async rollbackTransaction(name) {
          calls.push({ kind: 'rollback', name });
          return [{ kind: 'transactionChanged', event: 'rollback', descriptor: FAKE_DESCRIPTOR }, { kind: 'done' }];
        },
        close() {
          calls.push({ kind: 'close' });
        },
      };
      return { ok: true, session, database: database ?? 'app' };
    },
  };
  return engine;
}

/** Waits until the signal aborts (for scripts that simulate a long statement). */
export function untilAborted(signal: AbortSignal, maxMs = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('fake engine: statement was never cancelled')), maxMs);
    const stop = (): void => {
      clearTimeout(timer);
      resolve();
    };
    if (signal.aborted) stop();
    else signal.addEventListener('abort', stop, { once: true });
  });
}
