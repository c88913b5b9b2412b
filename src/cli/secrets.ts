import { redact } from '../catalog/connection';

/**
 * A last line of defence: whatever an error message says, the secrets of the connection strings
 * this run was given (argv, SCHEMAC_DATABASE_URL and the config file's database.url) never reach
 * the terminal. The catalog module redacts first; this catches messages from the driver or
 * anything else, with the same rules.
 */
export function scrubSecrets(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  configUrl?: string,
): (text: string) => string {
  // Only values that can hold a secret: URLs and key=value strings.
  const candidates = [...argv, env.SCHEMAC_DATABASE_URL ?? '', configUrl ?? ''].filter((v) => v.includes('://') || v.includes('='));
  return (text) => candidates.reduce((out, candidate) => redact(out, candidate), text);
}
