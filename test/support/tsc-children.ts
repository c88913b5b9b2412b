import * as fs from 'fs';

/** The running tsc processes this process started (Linux: read from /proc), zombies aside. */
export function runningTscChildren(): number[] {
  return fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p)).flatMap((p) => {
    try {
      const stat = fs.readFileSync(`/proc/${p}/stat`, 'utf8');
      const [, comm, rest] = /^\d+ \((.*)\) (.*)$/s.exec(stat) ?? [];
      const [stateLetter, ppid] = (rest ?? '').split(' ');
      return comm === 'tsc' && Number(ppid) === process.pid && stateLetter !== 'Z' ? [Number(p)] : [];
    } catch {
      return [];
    }
  });
}

/**
 * The tsc children still running once they have had `ms` to end. A discarded check kills its tsc
 * processes with SIGKILL, and a chunk's tsc being spawned at that moment is killed by the worker
 * that spawned it (src/compiler/native-type-check.ts): on a loaded machine a killed process can
 * take a moment to be gone. A tsc left running stays in the answer.
 */
export async function tscChildrenAfter(ms: number): Promise<number[]> {
  const until = Date.now() + ms;
  while (runningTscChildren().length > 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
  return runningTscChildren();
}
