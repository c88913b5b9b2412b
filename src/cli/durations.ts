import { InvalidArgumentError } from 'commander';

/** Parses a duration flag: `30` (seconds), `30s`, `500ms`, `2m`; returns milliseconds. */
export function parseDuration(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m)?\s*$/i.exec(text);
  if (!m) throw new InvalidArgumentError(`"${text}" is not a duration (use e.g. 30s, 500ms, 2m)`);
  const value = Number(m[1]);
  const unit = (m[2] ?? 's').toLowerCase();
  return Math.round(unit === 'ms' ? value : unit === 'm' ? value * 60_000 : value * 1000);
}
