/**
 * The script of a hand-written migration (`migrate new --empty-file`, e.g. a data migration):
 * the same framing as a generated script, so sqlcmd runs it all or nothing, with a place for
 * the statements. schemac's own apply strips the framing and runs the statements in its
 * transaction (script-batches.ts).
 */
import { SESSION_OPTIONS } from './script';

/** The up or down skeleton, with `header` lines as comments. */
export function renderSkeletonScript(direction: 'up' | 'down', header: readonly string[]): string {
  const lines = [
    `-- schemac ${direction} script, written by hand`,
    ...header.map((h) => `-- ${h.replace(/[\r\n]+/g, ' ')}`),
    '-- Put each statement in its own batch, ending with a line holding GO. This migration must leave the',
    "-- schema as the previous one's after.json describes: migrate apply verifies that before it commits.",
    '',
    ...SESSION_OPTIONS,
    'GO',
    'BEGIN TRANSACTION;',
    'GO',
    `-- your ${direction === 'up' ? '' : 'undo '}statements here`,
    '',
    'COMMIT TRANSACTION;',
    'GO',
    'SET NOEXEC OFF;',
    'GO',
  ];
  return `${lines.join('\n')}\n`;
}
