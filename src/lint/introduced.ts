/**
 * Findings a change introduces: what a review or `migrate lint` reports about a branch, so that
 * findings the base already had do not repeat on every pull request. A finding is matched by its
 * rule and message (which name the table and column), never by its line, which edits above it
 * move.
 */
import type { Diagnostic } from '../model';

/** What identifies a finding across two versions of the schema. */
export function findingKey(d: Diagnostic): string {
  return `${d.code}\u0000${d.message}`;
}

/** `after`'s diagnostics without the findings `before` already had, and how many those were. */
export function introducedFindings(after: readonly Diagnostic[], before: readonly Diagnostic[]): { readonly introduced: readonly Diagnostic[]; readonly preexisting: number } {
  const had = new Set(before.map(findingKey));
  const introduced = after.filter((d) => !had.has(findingKey(d)));
  return { introduced, preexisting: after.length - introduced.length };
}
