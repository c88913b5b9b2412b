/**
 * A last line of defence: whatever an error message says, the passwords of the connection
 * strings this run was given never reach the terminal. (The catalog module redacts first; this
 * catches messages from the driver or anything else.)
 */
export function scrubSecrets(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): (text: string) => string {
  const candidates = [...argv, env.SCHEMAC_DATABASE_URL ?? ''];
  const secrets = new Set<string>();
  for (const value of candidates) {
    for (const secret of passwordsIn(value)) if (secret.length > 0) secrets.add(secret);
  }
  return (text) => {
    let out = text;
    for (const secret of secrets) out = out.split(secret).join('***');
    return out;
  };
}

/** Passwords in an mssql:// URL (user:password@) or an ADO string (Password=...;). */
function passwordsIn(value: string): string[] {
  const found: string[] = [];
  const url = /^[a-z]+:\/\/[^:/@]*:([^@]*)@/i.exec(value);
  if (url) {
    found.push(url[1]);
    try { found.push(decodeURIComponent(url[1])); } catch { /* not percent-encoded */ }
  }
  const ado = /(?:^|;)\s*(?:password|pwd)\s*=\s*("(?:[^"]|"")*"|'(?:[^']|'')*'|[^;]*)/i.exec(value);
  if (ado) {
    const raw = ado[1].trim();
    found.push(raw);
    if (/^["']/.test(raw)) found.push(raw.slice(1, -1).replace(/""/g, '"').replace(/''/g, "'"));
  }
  return found;
}
