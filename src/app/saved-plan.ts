import * as fs from 'fs';
import type { PlanJson } from '../emitters/plan-json';
import type { Database } from '../model';
import { writeFileAtomic } from '../util/atomic-write';
import { AppError } from './errors';

/**
 * A plan saved by `schemac plan --out FILE`: the schemac.plan/v1 document plus the desired model
 * it was planned towards, so `apply FILE` verifies against what was reviewed, not against schema
 * files that may have changed since.
 */
export interface SavedPlan extends PlanJson {
  readonly desired: Database;
}

/** Writes the saved plan atomically (temporary file, then rename): never half a plan on disk. */
export function writeSavedPlan(file: string, plan: SavedPlan): void {
  writeFileAtomic(file, `${JSON.stringify(plan, null, 2)}\n`);
}

/** Reads and checks a saved plan; problems name the file and what is wrong. */
export function readSavedPlan(file: string): SavedPlan {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new AppError(`cannot read plan file ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new AppError(`plan file ${file} is not JSON: ${(err as Error).message}`);
  }
  const d = doc as Partial<SavedPlan> | null;
  const problem =
    typeof d !== 'object' || d === null ? 'expected a JSON object'
      : d.format !== 'schemac.plan/v1' ? `format is ${JSON.stringify(d.format)}, expected "schemac.plan/v1"`
        : typeof d.fingerprint !== 'string' ? 'fingerprint: expected a string'
          : !Array.isArray(d.changes) ? 'changes: expected an array'
            : !d.statements || !Array.isArray(d.statements.up) ? 'statements.up: expected an array'
              : !d.desired || !Array.isArray(d.desired.tables) ? 'desired: missing (save plans with schemac plan --out FILE)'
                : null;
  if (problem) throw new AppError(`plan file ${file}: ${problem}`);
  return d as SavedPlan;
}
