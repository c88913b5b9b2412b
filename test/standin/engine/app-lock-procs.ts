/**
 * sp_getapplock / sp_releaseapplock as procedures: argument validation and the messages SQL
 * Server sends (15625 bad option, 15626 no transaction, 1223 not held), around app-locks.ts.
 */
import type { Output } from '../engine-interface';
import type { Value } from './catalog';
import type { AppLocks } from './app-locks';
import { parseMode, parseOwner } from './app-locks';
import { toNumber, toText } from './values';

/** What the procedures need from the calling session. */
export interface AppLockCaller {
  readonly database: string;
  readonly session: number;
  readonly inTransaction: boolean;
  /** The session's SET LOCK_TIMEOUT, the default @LockTimeout. */
  readonly lockTimeout: number;
  readonly appLocks: AppLocks;
  emit(output: Output): void;
}

function optionNotRecognised(c: AppLockCaller, value: string, parameter: string): void {
  c.emit({ kind: 'info', number: 15625, state: 1, class: 10, line: 1, message: `Option '${value}' not recognized for '${parameter}' parameter.` });
}

/** sp_getapplock's status (0, 1, -1, -2, -3, or -999 after an informational message). */
export async function spGetAppLock(c: AppLockCaller, resource: Value, modeArg: Value, ownerArg: Value, timeoutArg: Value, signal: AbortSignal): Promise<number> {
  const mode = parseMode(toText(modeArg ?? ''));
  if (!mode) { optionNotRecognised(c, toText(modeArg ?? ''), '@LockMode'); return -999; }
  const owner = ownerArg === null ? 'Transaction' : parseOwner(toText(ownerArg));
  if (!owner) { optionNotRecognised(c, toText(ownerArg), '@LockOwner'); return -999; }
  if (owner === 'Transaction' && !c.inTransaction) {
    c.emit({ kind: 'info', number: 15626, state: 1, class: 10, line: 1, message: 'You attempted to acquire a transactional application lock without an active transaction.' });
    return -999;
  }
  const timeoutMs = timeoutArg === null ? c.lockTimeout : Math.max(-1, Math.trunc(toNumber(timeoutArg)));
  return c.appLocks.acquire({ database: c.database, resource: toText(resource ?? ''), mode, owner, timeoutMs, session: c.session, signal });
}

/** sp_releaseapplock's status: 0, or -999 (with Msg 1223 when the lock is not held). */
export function spReleaseAppLock(c: AppLockCaller, resourceArg: Value, ownerArg: Value): number {
  const resource = toText(resourceArg ?? '');
  const owner = ownerArg === null ? 'Transaction' : parseOwner(toText(ownerArg));
  if (!owner) { optionNotRecognised(c, toText(ownerArg), '@LockOwner'); return -999; }
  const status = c.appLocks.release(c.database, resource, c.session, owner);
  if (status === -999) {
    c.emit({ kind: 'error', number: 1223, state: 1, class: 16, line: 1, procName: 'sp_releaseapplock', message: `Cannot release the application lock (Database Principal: 'public', Resource: '${resource}') because it is not currently held.` });
  }
  return status;
}
