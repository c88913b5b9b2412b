/**
 * Lint rules over a plan rather than a model: they look at each step's lock impact (what it
 * locks, how it scales, online or not) against the size of the table it touches. Same ids,
 * settings and levels as the model rules (config `lint.rules`).
 */
import type { Plan } from '../differ/changes';
import type { Severity } from '../model';
import type { Finding } from './rule';

/** What a plan rule is measured against. */
export interface PlanLintContext {
  /** Rows from which a table counts as large (--large-table-rows). */
  readonly largeTableRows: number;
}

/** A lint rule over a plan, with a stable id. */
export interface PlanLintRule {
  readonly id: string;
  readonly defaultSeverity: Severity;
  readonly description: string;
  readonly check: (plan: Plan, ctx: PlanLintContext) => Finding[];
}
