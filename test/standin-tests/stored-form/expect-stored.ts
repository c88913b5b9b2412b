/** Shared assertion for the stored-form tests: the stored text, and that it is a fixed point. */
import { DefinitionKind, storedForm, StoredFormError } from '../../standin/engine/stored-form';

/**
 * Asserts `written` is stored as `stored`, and that storing `stored` again changes nothing
 * (the engine re-applies catalog text when a plan is run twice).
 */
export function expectStored(kind: DefinitionKind, written: string, stored: string): void {
  expect(storedForm(kind, written)).toBe(stored);
  expect(storedForm(kind, stored)).toBe(stored);
}

/** The StoredFormError that storing `written` throws (fails the test if nothing is thrown). */
export function storeError(kind: DefinitionKind, written: string): StoredFormError {
  try {
    storedForm(kind, written);
  } catch (e) {
    if (e instanceof StoredFormError) return e;
    throw e;
  }
  throw new Error(`expected ${kind} ${JSON.stringify(written)} to be refused`);
}
