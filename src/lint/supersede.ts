/**
 * Compiler warnings that a lint rule now owns. The compiler keeps reporting them (it does not
 * know the lint settings), and a caller that runs lint after compile drops them with
 * withoutSuperseded, so each problem is reported once, at the level the config gives the rule.
 * A caller that does not run lint keeps the compiler's warning.
 */
import type { Diagnostic } from '../model';

/** Compiler code -> the lint rule that reports the same problem. */
export const supersededCompilerCodes: Readonly<Record<string, string>> = {
  // SC1505 (keyTooWide in src/compiler/codes.ts): index key over 900 / 1,700 bytes.
  SC1505: 'index-key-too-wide',
};

/** The compiler's diagnostics minus those a lint rule reports (call only when lint runs). */
export function withoutSuperseded(compilerDiagnostics: readonly Diagnostic[]): Diagnostic[] {
  return compilerDiagnostics.filter((d) => !Object.prototype.hasOwnProperty.call(supersededCompilerCodes, d.code));
}
