import { Option, type Command } from 'commander';
import { addConfigOption, addSourceOptions } from '../common-options';
import { ExitCode } from '../exit-codes';
import type { CliIo } from '../io';

/** Flags of `schemac pull`. */
interface PullFlags {
  readonly empty?: boolean;
  readonly catalog?: string;
  readonly database?: string;
  readonly config?: string;
  readonly out: string;
  readonly force?: boolean;
  readonly mixins: boolean;
}

/** `schemac pull`: schema files for an existing database, so that plan right after is empty. */
export function registerPull(program: Command, io: CliIo, setExit: (code: number) => void): void {
  addConfigOption(addSourceOptions(program.command('pull'), { empty: false, verb: 'read' }))
    // Not offered in help (an empty database has nothing to pull); accepted so the refusal says why.
    .addOption(new Option('--empty').hideHelp())
    .description('write one *.schema.ts file per table of an existing database (names included)')
    .option('--out <dir>', 'folder to write the schema files into', 'schema')
    .option('--force', 'overwrite schema files that already exist')
    .option('--no-mixins', 'write every column in its table; do not gather shared columns into mixins')
    .action(async (opts: PullFlags) => {
      const [{ pull }, { appContext }] = await Promise.all([import('../../app/pull'), import('../report')]);
      const result = await pull(appContext(io), { ...opts, force: Boolean(opts.force) });
      for (const p of result.problems) io.stderr.write(`warning: ${p}\n`);
      if (result.others.length > 0) {
        io.stderr.write(`warning: ${opts.out} also holds ${result.others.join(', ')}, which pull did not write; they are compiled with the pulled files\n`);
      }
      for (const n of result.notes) io.stderr.write(`note: ${n}\n`);
      io.stdout.write(`wrote ${result.files} schema file(s) for ${result.tables} table(s) to ${opts.out}\n`);
      setExit(ExitCode.ok);
    });
}
