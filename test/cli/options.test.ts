/**
 * The CLI's surface as a newcomer meets it: help offers only what a command accepts, the shared
 * flags exist wherever they mean something, and a mistyped flag gets one line and a hint.
 */
import { schemac } from './run-cli';

const help = async (command: string): Promise<string> => {
  const r = await schemac([command, '--help']);
  expect(r.code).toBe(0);
  return r.stdout;
};

describe('schemac options', () => {
  it.each([['snapshot'], ['pull'], ['apply']])('%s --help does not offer --empty, and --empty says why it is refused', async (command) => {
    expect(await help(command)).not.toContain('--empty');
    const r = await schemac([command, '--empty']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^schemac: ${command} needs (a live database|--database URL|a database to read)`));
  });

  it.each([['check'], ['plan'], ['emit-sql'], ['apply'], ['review']])('%s, which compiles the schema, offers --no-type-check', async (command) => {
    expect(await help(command)).toContain('--no-type-check');
  });

  it.each([['plan'], ['apply'], ['review']])('%s, whose output is coloured on a terminal, offers --no-color', async (command) => {
    expect(await help(command)).toContain('--no-color');
  });

  it('check --no-type-check still runs schemac\'s own checks', async () => {
    const r = await schemac(['check', '--no-type-check']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('schema OK: 2 tables in schema\n');
  });

  it('answers an unknown option with one line, a suggestion and where the help is, not the whole help', async () => {
    const r = await schemac(['plan', '--emtpy']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe("error: unknown option '--emtpy'\n(Did you mean --empty?)\n(run 'schemac plan --help' for the options)\n");
  });

  it('answers an unknown command the same way', async () => {
    const r = await schemac(['plna']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("error: unknown command 'plna'\n(Did you mean plan?)\n(run 'schemac --help' for the options)\n");
  });
});
