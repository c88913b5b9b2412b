/** Building plan steps: a change, its hazards and (by default) its structural inverse. */
import type { Change, Hazard, PlanStep } from './changes';
import { invert } from './inverse';

/** A plan step whose inverse is `invert(change)` unless given. */
export function step(change: Change, hazards: readonly Hazard[] = [], inverse: Change | null = invert(change)): PlanStep {
  return { change, hazards, inverse };
}
