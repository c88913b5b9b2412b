/** Collects diagnostics of one compile run; every error is kept so a run reports them all. */
import type { ts } from 'ts-morph';
import type { Diagnostic, Severity, SourceRef } from '../model';
import type { Code } from './codes';
import { refOf } from './source-ref';

/** The diagnostics sink the compiler passes around. */
export class DiagnosticBag {
  private readonly items: Diagnostic[] = [];

  /** Adds an error at a node or source position. */
  error(code: Code, message: string, at: ts.Node | SourceRef | undefined): void {
    this.add('error', code, message, at);
  }

  /** Adds a warning at a node or source position. */
  warning(code: Code, message: string, at: ts.Node | SourceRef | undefined): void {
    this.add('warning', code, message, at);
  }

  /** Adds a diagnostic of any severity. */
  add(severity: Severity, code: Code, message: string, at: ts.Node | SourceRef | undefined): void {
    const source = at === undefined ? undefined : 'kind' in at ? refOf(at) : at;
    this.items.push(source ? { code, severity, message, source } : { code, severity, message });
  }

  /**
   * All diagnostics, sorted by file, line, column, then code (stable for equal keys). A mixin
   * problem found once per inheriting table is reported once.
   */
  sorted(): Diagnostic[] {
    const seen = new Set<string>();
    const unique = this.items.filter((d) => {
      const k = `${d.code}|${d.message}|${d.source?.file}|${d.source?.line}|${d.source?.column}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
    const key = (d: Diagnostic): [string, number, number] => [d.source?.file ?? '', d.source?.line ?? 0, d.source?.column ?? 0];
    return unique
      .map((d, i) => ({ d, i }))
      .sort((a, b) => {
        const [fa, la, ca] = key(a.d);
        const [fb, lb, cb] = key(b.d);
        if (fa !== fb) return fa < fb ? -1 : 1;
        return la - lb || ca - cb || (a.d.code < b.d.code ? -1 : a.d.code > b.d.code ? 1 : 0) || a.i - b.i;
      })
      .map((x) => x.d);
  }
}
