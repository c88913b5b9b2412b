/**
 * LOCK_ESCALATION, a table's setting of when SQL Server escalates row or page locks: TABLE (the
 * default: to the table), AUTO (to the partition, on a partitioned table), DISABLE (mostly never).
 * Set only by ALTER TABLE ... SET (LOCK_ESCALATION = ...); sys.tables.lock_escalation stores it as
 * 0 TABLE, 1 DISABLE, 2 AUTO.
 * https://learn.microsoft.com/sql/t-sql/statements/alter-table-transact-sql#set--lock_escalation---auto--table--disable--
 * https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-tables-transact-sql
 */
export type LockEscalation = 'TABLE' | 'AUTO' | 'DISABLE';

export const LOCK_ESCALATIONS: readonly LockEscalation[] = ['TABLE', 'AUTO', 'DISABLE'];

/** sys.tables.lock_escalation of each setting. */
const STORED: Readonly<Record<LockEscalation, number>> = { TABLE: 0, DISABLE: 1, AUTO: 2 };

export function storedLockEscalation(value: LockEscalation): number {
  return STORED[value];
}

/** The setting sys.tables.lock_escalation holds; TABLE for a value it never holds. */
export function lockEscalationOf(stored: number | null | undefined): LockEscalation {
  return stored === 1 ? 'DISABLE' : stored === 2 ? 'AUTO' : 'TABLE';
}
