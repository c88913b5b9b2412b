/** `schemac` as its own process (bin/schemac.js's behaviour, from source), for what only a real process shows. */
import { endProcess, run } from '../../../src/cli/main';

run(process.argv).then(
  endProcess,
  (err: unknown) => { process.stderr.write(`schemac: ${err instanceof Error ? err.message : String(err)}\n`); endProcess(1); },
);
