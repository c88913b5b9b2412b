/** A command's document written to the file its --out names (snapshot, review). */
import * as path from 'path';
import { writeFileAtomic } from '../util/atomic-write';
import type { AppContext } from './context';

/**
 * Writes `text` to `out`, a path relative to the command's working directory (the context's,
 * which need not be the process's), atomically: an interrupted run never leaves half a document.
 * Returns the absolute path written.
 */
export function writeOutputFile(ctx: AppContext, out: string, text: string): string {
  const target = path.resolve(ctx.cwd, out);
  writeFileAtomic(target, text);
  return target;
}
