/**
 * A sqlcmd/SSMS script (what renderScript writes, possibly edited by hand, as in a migration's
 * up.sql) back into the statements the apply executor runs through the driver: split on GO
 * lines, without the framing renderScript adds (session options, BEGIN/COMMIT, the guard after
 * each batch, NOEXEC), because the executor sets the options and owns the transaction itself.
 */
import { SESSION_OPTIONS, type DriverStatement } from './script';

/** A line sqlcmd treats as the end of a batch. `GO n` (repeat) is refused, not run once. */
const GO_LINE = /^\s*go\s*(?:--.*)?$/i;
const GO_COUNT = /^\s*go\s+\d+\s*$/i;
const STEP_LABEL = /^--\s*step\s+(\d+):\s*(.*)$/i;

/** A script line the driver cannot run (a sqlcmd command, GO with a count). */
export class ScriptSyntaxError extends Error {
  constructor(readonly line: number, message: string) {
    super(message);
    this.name = 'ScriptSyntaxError';
  }
}

/** Full-line comments and blank lines removed, so framing is recognized whatever its label. */
function codeOf(text: string): string {
  return text.split('\n').filter((l) => l.trim() !== '' && !l.trim().startsWith('--')).map((l) => l.trim()).join('\n');
}

const OPTIONS = new Set(SESSION_OPTIONS);
const FRAMING = new Set(['BEGIN TRANSACTION;', 'COMMIT TRANSACTION;', 'SET NOEXEC OFF;']);

/** Whether a batch is framing renderScript wrote around the steps (recognized by its exact text). */
function isFraming(code: string): boolean {
  if (FRAMING.has(code)) return true;
  const lines = code.split('\n');
  if (lines.every((l) => OPTIONS.has(l))) return true;
  if (lines[0] === 'IF @@ERROR <> 0 AND @@TRANCOUNT > 0 ROLLBACK TRANSACTION;' && lines.length === 2
    && /^IF @@TRANCOUNT = 0 BEGIN PRINT N'schemac: step \d+ failed;.*SET NOEXEC ON; END;$/.test(lines[1] as string)) return true;
  // The guard after a resumable build (--resumable), which runs after COMMIT.
  if (lines.length === 1 && /^IF @@ERROR <> 0 BEGIN PRINT N'schemac: step \d+ \(resumable build of .*SET NOEXEC ON; END;$/.test(lines[0] as string)) return true;
  return false;
}

/**
 * The statements of a script for the driver, in order: one per GO batch that does something,
 * each with the step its `-- step N:` label names (else a running number) and a description.
 */
export function driverStatementsOfScript(script: string): DriverStatement[] {
  const out: DriverStatement[] = [];
  let lines: string[] = [];
  let startLine = 1;
  const flush = (): void => {
    const text = lines.join('\n');
    const code = codeOf(text);
    if (code !== '' && !isFraming(code)) {
      const label = lines.map((l) => STEP_LABEL.exec(l.trim())).find((m) => m !== null);
      const stepIndex = label ? Number(label[1]) - 1 : (out.at(-1)?.stepIndex ?? -1) + 1;
      const first = lines.findIndex((l) => l.trim() !== '' && !l.trim().startsWith('--'));
      out.push({
        sql: text.trim(),
        stepIndex,
        description: label ? (label[2] as string) : `statement at line ${startLine + Math.max(0, first)}`,
      });
    }
  };
  script.replace(/\r\n/g, '\n').split('\n').forEach((line, i) => {
    if (GO_COUNT.test(line)) throw new ScriptSyntaxError(i + 1, `line ${i + 1}: GO with a count repeats the batch; schemac runs each batch once: write the statements out`);
    if (/^\s*:[a-z!]/i.test(line)) throw new ScriptSyntaxError(i + 1, `line ${i + 1}: sqlcmd commands (${line.trim().split(/\s/)[0]}) are not T-SQL; schemac runs the script through the driver`);
    if (GO_LINE.test(line)) {
      flush();
      lines = [];
      startLine = i + 2;
    } else {
      lines.push(line);
    }
  });
  flush();
  return out;
}
