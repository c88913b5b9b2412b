/** Every lint rule, in the order findings are reported within one object. */
import type { LintRule } from '../rule';
import { datetimeNotDatetime2 } from './datetime-not-datetime2';
import { deprecatedType } from './deprecated-type';
import { fkTypeMismatch } from './fk-type-mismatch';
import { fkWithoutIndex } from './fk-without-index';
import { guidClusteredKey } from './guid-clustered-key';
import { heapTable } from './heap-table';
import { indexKeyTooWide } from './index-key-too-wide';
import { softDeleteUnfiltered } from './soft-delete-unfiltered';
import { uniqueNullable } from './unique-nullable';
import { untrustedConstraint } from './untrusted-constraint';

/** The rule set; ids are unique (a test checks it). */
export const lintRules: readonly LintRule[] = [
  fkWithoutIndex,
  heapTable,
  guidClusteredKey,
  uniqueNullable,
  indexKeyTooWide,
  fkTypeMismatch,
  datetimeNotDatetime2,
  deprecatedType,
  softDeleteUnfiltered,
  untrustedConstraint,
];
