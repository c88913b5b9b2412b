/** A throwaway schemac project: a temp folder with its own copy of the example schema/ to edit per step. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { repoRoot, schemac, type CliRun } from '../../cli/run-cli';

/** A temp project folder and helpers to edit its schema files and run the CLI in it. */
export interface TempProject {
  readonly dir: string;
  /** Reads schema/<file>. */
  read(file: string): string;
  /** Writes schema/<file>. */
  write(file: string, text: string): void;
  /** Replaces one exact piece of schema/<file>; throws when it is not there, so an edit never silently does nothing. */
  edit(file: string, from: string, to: string): void;
  /** Runs `schemac <args>` in the project, with SCHEMAC_DATABASE_URL unset unless given. */
  run(args: string[], options?: { env?: Record<string, string>; tty?: boolean }): Promise<CliRun>;
  remove(): void;
}

/** Creates a project; `withExample` copies the repository's example schema/*.schema.ts into it. */
export function tempProject(withExample: boolean): TempProject {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schemac-e2e-'));
  const schemaDir = path.join(dir, 'schema');
  fs.mkdirSync(schemaDir);
  if (withExample) {
    for (const f of fs.readdirSync(path.join(repoRoot, 'schema')).filter((n) => n.endsWith('.schema.ts'))) {
      fs.copyFileSync(path.join(repoRoot, 'schema', f), path.join(schemaDir, f));
    }
  }
  const file = (name: string) => path.join(schemaDir, name);
  return {
    dir,
    read: (name) => fs.readFileSync(file(name), 'utf8'),
    write: (name, text) => fs.writeFileSync(file(name), text),
    edit(name, from, to) {
      const text = fs.readFileSync(file(name), 'utf8');
      if (!text.includes(from)) throw new Error(`schema/${name} does not contain ${JSON.stringify(from)}`);
      fs.writeFileSync(file(name), text.replace(from, to));
    },
    run: (args, options = {}) => schemac(args, { cwd: dir, env: options.env ?? {}, tty: options.tty ?? false }),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** A CLI run's output for failure messages: the exit code and both streams. */
export function shown(r: CliRun): string {
  return `exit ${r.code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
}

/** Asserts an exit code, printing the run's output when it differs. */
export function expectExit(r: CliRun, code: number): void {
  if (r.code !== code) throw new Error(`expected exit ${code}, got ${shown(r)}`);
}
