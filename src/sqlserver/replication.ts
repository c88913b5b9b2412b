/**
 * NOT FOR REPLICATION and trust. SQL Server records every foreign key and check created NOT FOR
 * REPLICATION as not trusted (is_not_trusted = 1), whether or not existing rows were checked,
 * and ALTER TABLE ... WITH CHECK CHECK CONSTRAINT leaves it so: replication agents' writes skip
 * the constraint, so the optimizer can never rely on it. Tools that report untrusted constraints
 * leave these out (`WHERE is_not_trusted = 1 AND is_not_for_replication = 0`, sp_Blitz,
 * https://www.brentozar.com/blitz/foreign-key-trusted/; "Untrusted Foreign Keys with NOT FOR
 * REPLICATION Option on the Key", https://www.sqlservercentral.com/articles/untrusted-foreign-keys-with-not-for-replication-option-on-the-key).
 */

/**
 * Whether a stored check or foreign key counts as trusted: its is_not_trusted, except that a NOT
 * FOR REPLICATION one is always stored untrusted and no re-validation changes that, so it counts
 * as trusted (re-validating it would plan the same step after every apply).
 */
export function storedTrust(isNotTrusted: boolean, isNotForReplication: boolean): boolean {
  return !isNotTrusted || isNotForReplication;
}

/** The is_not_trusted SQL Server stores for a constraint of the given trust and NOT FOR REPLICATION. */
export function storedNotTrusted(trusted: boolean, notForReplication: boolean): boolean {
  return !trusted || notForReplication;
}
