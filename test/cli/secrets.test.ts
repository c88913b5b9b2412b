/** The CLI's last-line redaction: passwords from argv or SCHEMAC_DATABASE_URL never reach stderr. */
import { scrubSecrets } from '../../src/cli/secrets';

describe('scrubSecrets', () => {
  it('removes URL passwords, raw and percent-decoded', () => {
    const scrub = scrubSecrets(['node', 'schemac', 'plan', '--database', 'mssql://sa:p%40ss-Word9@host/app'], {});
    expect(scrub('login failed with p%40ss-Word9 / p@ss-Word9')).toBe('login failed with *** / ***');
  });

  it('removes ADO passwords and client secrets from the environment variable', () => {
    const scrub = scrubSecrets(['node', 'schemac', 'plan'], {
      SCHEMAC_DATABASE_URL: 'Server=h;Database=app;Authentication=ActiveDirectoryServicePrincipal;Client Id=c;Client Secret=S3cr3t-Value;Tenant Id=t',
    });
    expect(scrub('error near S3cr3t-Value')).toBe('error near ***');
  });

  it('leaves messages alone when no connection string was given', () => {
    const scrub = scrubSecrets(['node', 'schemac', 'plan', '--empty'], {});
    expect(scrub('schema folder not found: schema')).toBe('schema folder not found: schema');
  });
});
