import { serializeSnapshot } from '../catalog/snapshot';
import type { AppContext } from './context';
import { readSnapshot } from './current';
import { UsageError } from './errors';
import { writeOutputFile } from './output-file';
import { loadProject } from './project';
import { resolveSource, type SourceFlags } from './sources';

/** What `snapshot` needs: where to read (a database, or a snapshot file to re-check) and where to write. */
export interface SnapshotInput extends SourceFlags {
  /** The project config, for its database.url. */
  readonly config?: string;
  /** Write here (relative to the context's cwd) instead of returning the text only. */
  readonly out?: string;
}

/** The schemac.catalog/v1 text, and the file it was written to, if any. */
export interface SnapshotResult {
  readonly text: string;
  readonly writtenTo: string | null;
}

/** `snapshot`: the raw catalog rows as a schemac.catalog/v1 document, for offline work. */
export async function snapshot(ctx: AppContext, input: SnapshotInput): Promise<SnapshotResult> {
  const project = loadProject(ctx.cwd, { config: input.config });
  const source = resolveSource(input, ctx.env, project.config.database.url);
  if (source.kind === 'empty') throw new UsageError('snapshot needs --database URL (or --catalog FILE to re-check one)');
  const text = serializeSnapshot(await readSnapshot(ctx, source));
  if (input.out === undefined) return { text, writtenTo: null };
  return { text, writtenTo: writeOutputFile(ctx, input.out, text) };
}
