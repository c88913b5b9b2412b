import { Option, type Command } from 'commander';
import { addConfigOption, addSourceOptions } from '../common-options';
import { ExitCode } from '../exit-codes';
import type { CliIo } from '../io';

/** `schemac snapshot`: the raw catalog rows as a schemac.catalog/v1 file, for offline work. */
export function registerSnapshot(program: Command, io: CliIo, setExit: (code: number) => void): void {
  addConfigOption(addSourceOptions(program.command('snapshot'), { empty: false, verb: 'read' }))
    // Not offered in help (there is nothing to snapshot); accepted so the refusal says why.
    .addOption(new Option('--empty').hideHelp())
    .description('write the database catalog as a schemac.catalog/v1 JSON snapshot')
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (opts: { empty?: boolean; catalog?: string; database?: string; config?: string; out?: string }) => {
      const [{ snapshot }, { appContext }] = await Promise.all([import('../../app/snapshot'), import('../report')]);
      const result = await snapshot(appContext(io), opts);
      if (result.writtenTo === null) io.stdout.write(result.text);
      setExit(ExitCode.ok);
    });
}
