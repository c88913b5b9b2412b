/**
 * The shape of one lint rule. A rule looks at the whole model and returns findings; the
 * runner (lint.ts) turns them into diagnostics at the level the settings give the rule.
 */
import type { Database, Severity, SourceRef } from '../model';

/** What a rule found: why it matters and what to do, and where the responsible object is. */
export interface Finding {
  readonly message: string;
  readonly source?: SourceRef;
  /**
   * A milder variant of the rule's finding (e.g. a GUID clustered key whose default is
   * NEWSEQUENTIALID()): reported as info whatever level the rule runs at, unless it is off.
   */
  readonly mild?: boolean;
}

/** A lint rule with a stable id; the id is also the diagnostic code it reports. */
export interface LintRule {
  /** Stable, kebab-case; never changes meaning once released. */
  readonly id: string;
  readonly defaultSeverity: Severity;
  /** One line for documentation and `--help`-style listings. */
  readonly description: string;
  readonly check: (db: Database) => Finding[];
}
