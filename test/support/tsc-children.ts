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
