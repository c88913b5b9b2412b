import { Option, type Command } from 'commander';
import type { ApplyOutcome } from '../../app/apply';
import { addColorOption, addDatabaseOption, addOnlineOptions, addResumableOptions, addSchemaOption, addTypeCheckOption, productionOf, resumableOf, type OnlineFlags, type ResumableFlags } from '../common-options';
import { parseDuration } from '../durations';
import { exitCodeOfApply } from '../exit-codes';
import { useColor, type CliIo } from '../io';

interface ApplyOptions extends OnlineFlags, ResumableFlags {
  schema?: string; config?: string; database?: string; catalog?: string; empty?: boolean;
  autoApprove?: boolean; allowDrop?: boolean; typeCheck?: boolean; allowDataLoss?: boolean;
  lockTimeout: number; statementTimeout?: number; statementLockTimeout?: number;
  progress?: boolean; color?: boolean; preflightTimeout: number;
}

/** `schemac apply [plan.json]`: make it so, all or nothing, one apply at a time. */
export function registerApply(program: Command, io: CliIo, setExit: (code: number) => void, version: string): void {
  addResumableOptions(addOnlineOptions(addTypeCheckOption(addColorOption(addDatabaseOption(addSchemaOption(program.command('apply')))))))
    .description('apply the plan to the database: all or nothing, under a lock, verified before commit')
    .argument('[plan-file]', 'a plan saved with `schemac plan --out FILE`; applied only if the database has not changed since')
    // Not offered in help (apply needs a live database); accepted so the refusal says why.
    .addOption(new Option('--catalog <file>').hideHelp())
    .addOption(new Option('--empty').hideHelp())
    .option('--auto-approve', 'do not ask for confirmation (for CI)')
    .option('--allow-drop', 'drop objects the schema does not declare')
    .option('--allow-data-loss', 'allow steps that destroy data (dropped tables or columns with rows, narrowing)')
    .option('--lock-timeout <duration>', 'how long to wait for another apply to finish', parseDuration, 30_000)
    .option('--statement-timeout <duration>', 'cancel a statement that runs longer than this', parseDuration)
    .option('--statement-lock-timeout <duration>', 'fail a statement that waits this long for a lock (SET LOCK_TIMEOUT)', parseDuration)
    .option('--preflight-timeout <duration>', 'cancel the pre-flight counts after this long (apply then goes on without them)', parseDuration, 60_000)
    .option('--progress', 'show progress even when stderr is not a terminal')
    .action(async (planFile: string | undefined, opts: ApplyOptions) => {
      const [{ apply }, { appContext }, { confirm }, { progressReporter }, { renderPlanText }, { noChangesLine }] = await Promise.all([
        import('../../app/apply'), import('../report'), import('../confirm'), import('../progress'), import('../../emitters/plan-text'),
        import('../../emitters/describe'),
      ]);
      const controller = new AbortController();
      const onSigint = () => controller.abort();
      process.once('SIGINT', onSigint);
      let outcome: ApplyOutcome;
      try {
        outcome = await apply(appContext(io), {
          ...opts, planFile,
          allowDrop: Boolean(opts.allowDrop), allowDataLoss: Boolean(opts.allowDataLoss), autoApprove: Boolean(opts.autoApprove),
          typeCheck: opts.typeCheck !== false, lockTimeoutMs: opts.lockTimeout, statementTimeoutMs: opts.statementTimeout,
          statementLockTimeoutMs: opts.statementLockTimeout, preflightTimeoutMs: opts.preflightTimeout, toolVersion: version, production: productionOf(opts),
          resumable: resumableOf(opts),
        }, {
          notice: (text) => io.stderr.write(`schemac: ${text}\n`),
          confirm: io.stdinIsTTY ? (question, signal) => confirm(question, signal) : undefined,
          showPlan: (plan, preflight) => io.stdout.write(renderPlanText(plan, { color: useColor(io.stdout, io.env, opts.color), preflight: preflight ?? undefined })),
          onProgress: progressReporter(io, Boolean(opts.progress)),
          signal: controller.signal,
        });
      } finally {
        process.removeListener('SIGINT', onSigint);
      }
      io[outcome.kind === 'applied' || outcome.kind === 'unchanged' ? 'stdout' : 'stderr'].write(`${describeOutcome(outcome, noChangesLine)}\n`);
      setExit(exitCodeOfApply(outcome));
    });
}

/** The outcome's one line; `noChangesLine` is passed in because the emitters load only inside the action. */
function describeOutcome(outcome: ApplyOutcome, noChangesLine: (undeclared: number) => string): string {
  switch (outcome.kind) {
    case 'applied': return `Applied ${outcome.steps} change(s) to ${outcome.target} (run ${outcome.runId}).`;
    case 'unchanged': return noChangesLine(outcome.undeclared);
    case 'refused':
    case 'interrupted':
      return `schemac: ${outcome.message}`;
  }
}
