/** Building plan steps: a change, its hazards and (by default) its structural inverse. */
import type { Change, Hazard, PlanStep } from './changes';
import { invert } from './inverse';

/** A plan step whose inverse is `invert(change)` unless given. */
export function step(change: Change, hazards: readonly Hazard[] = [], inverse: Change | null = invert(change)): PlanStep {
  return { change, hazards, inverse };
}

/** A step with no inverse of its own because another step's inverse undoes it (see PlanStep.undoneBy). */
export function undoneBy(change: Change, hazards: readonly Hazard[], reason: string): PlanStep {
  return { change, hazards, inverse: null, undoneBy: reason };
}

/** Whether the down script restores what the step changed (its own inverse, or another step's). */
export function isReversible(s: PlanStep): boolean {
  return s.inverse !== null || s.undoneBy !== undefined;
}
