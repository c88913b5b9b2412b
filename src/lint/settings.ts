/** How a project turns lint rules off or changes their severity (config `lint.rules`). */
import type { Severity } from '../model';

/** A rule's configured level: off, or the severity its findings are reported at. */
export type RuleLevel = 'off' | Severity;

/** Every accepted rule level, for validation and the JSON Schema. */
export const ruleLevels: readonly RuleLevel[] = ['off', 'error', 'warning', 'info'];

/** Lint settings: rule id to level; a rule not listed runs at its default severity. */
export interface LintSettings {
  readonly rules?: Readonly<Record<string, RuleLevel>>;
}
