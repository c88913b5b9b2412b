import type { FailureKind } from '../app/errors';
import type { ApplyOutcome } from '../app/apply';

/** Exit codes, as design.md's contracts give them. */
export const ExitCode = {
  ok: 0,
  error: 1,
  changes: 2,
  refused: 3,
  interrupted: 130,
} as const;

/** The one mapping from an application failure to the process's exit code. */
export function exitCodeOfFailure(failure: FailureKind): number {
  switch (failure) {
    case 'error': return ExitCode.error;
    case 'refused': return ExitCode.refused;
    case 'interrupted': return ExitCode.interrupted;
  }
}

/** `--detailed-exitcode`: 2 when there is something to do, else 0. */
export function changesExitCode(detailed: boolean | undefined, steps: number): number {
  return detailed && steps > 0 ? ExitCode.changes : ExitCode.ok;
}

/** `apply`: done or nothing to do is success; refusals are 3; Ctrl-C is 130. */
export function exitCodeOfApply(outcome: ApplyOutcome): number {
  switch (outcome.kind) {
    case 'applied':
    case 'unchanged':
      return ExitCode.ok;
    case 'refused': return ExitCode.refused;
    case 'interrupted': return ExitCode.interrupted;
  }
}
