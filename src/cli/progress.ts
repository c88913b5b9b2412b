import type { ApplyProgress } from '../apply/executor';
import type { CliIo } from './io';

/**
 * Progress lines on stderr: step n of N, the object, elapsed time. Quiet when stderr is not a
 * terminal unless --progress asked for it, so CI logs stay readable.
 */
export function progressReporter(io: CliIo, forced: boolean): (event: ApplyProgress) => void {
  const enabled = forced || Boolean(io.stderr.isTTY);
  const started = Date.now();
  return (event) => {
    if (!enabled) return;
    const at = `${((Date.now() - started) / 1000).toFixed(1)}s`;
    switch (event.kind) {
      case 'locked':
        io.stderr.write(`[${at}] apply lock taken${event.waitedMs > 1000 ? ` after waiting ${(event.waitedMs / 1000).toFixed(1)}s` : ''}\n`);
        return;
      case 'step':
        io.stderr.write(`[${at}] step ${event.index} of ${event.total}: ${event.description}\n`);
        return;
      case 'stepDone':
        if (event.elapsedMs >= 1000) io.stderr.write(`[${at}]   done in ${(event.elapsedMs / 1000).toFixed(1)}s\n`);
        return;
      case 'message':
        io.stderr.write(`[${at}]   ${event.text}\n`);
        return;
      case 'verifying':
        io.stderr.write(`[${at}] verifying: planning again ${event.afterCommit === true ? 'after the resumable builds' : 'inside the transaction'}\n`);
        return;
      case 'committed':
        io.stderr.write(`[${at}] committed\n`);
        return;
    }
  };
}
