import * as path from 'path';
import type { Command } from 'commander';
import { serializeSnapshot } from '../../catalog/snapshot';
import { addSourceOptions } from '../common-options';
import { UsageError } from '../errors';
import type { CliIo } from '../io';
import { loadCurrent } from '../pipeline';
import { resolveSource } from '../sources';
import { writeFileAtomic } from '../../util/atomic-write';

/** `schemac snapshot`: the raw catalog rows as a schemac.catalog/v1 file, for offline work. */
export function registerSnapshot(program: Command, io: CliIo, setExit: (code: number) => void): void {
  addSourceOptions(program.command('snapshot'))
    .description('write the database catalog as a schemac.catalog/v1 JSON snapshot')
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (opts: { empty?: boolean; catalog?: string; database?: string; out?: string }) => {
      const source = resolveSource(opts, io.env);
      if (source.kind === 'empty') throw new UsageError('snapshot needs --database URL (or --catalog FILE to re-check one)');
      const { snapshot } = await loadCurrent(io, source);
      if (!snapshot) throw new UsageError('snapshot needs a database to read');
      const text = serializeSnapshot(snapshot);
      if (opts.out) {
        // Atomic: an interrupted write never leaves half a snapshot.
        writeFileAtomic(path.resolve(io.cwd, opts.out), text);
      } else {
        io.stdout.write(text);
      }
      setExit(0);
    });
}
