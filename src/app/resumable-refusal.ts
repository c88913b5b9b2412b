import type { ResumableOptions } from '../differ';
import { UsageError } from './errors';

/** Saved plans are applied as reviewed, in one transaction: --resumable needs a plan made now. */
export function refuseResumableSavedPlan(resumable: ResumableOptions | undefined, what: 'plan --out' | 'apply PLAN-FILE'): void {
  if (resumable === undefined) return;
  throw new UsageError(what === 'plan --out'
    ? '--resumable cannot be saved with --out: a saved plan is applied as reviewed, in one transaction. Run apply --resumable without a plan file (it plans under the lock and shows the plan before it asks)'
    : '--resumable cannot apply a saved plan file: a saved plan is applied as reviewed, in one transaction. Run apply --resumable without the plan file (it plans under the lock and shows the plan before it asks), or apply the file without --resumable');
}
