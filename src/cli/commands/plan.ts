import type { Command } from 'commander';
import { addColorOption, addOnlineOptions, addPlanOptions, addResumableOptions, addSchemaOption, addSourceOptions, addTypeCheckOption, formatOption, productionOf, resumableOf, type OnlineFlags, type ResumableFlags } from '../common-options';
import { parseDuration } from '../durations';
import { changesExitCode, ExitCode } from '../exit-codes';
import { useColor, type CliIo } from '../io';

interface PlanOptions extends OnlineFlags, ResumableFlags {
  schema?: string; config?: string; empty?: boolean; catalog?: string; database?: string;
  allowDrop?: boolean; typeCheck?: boolean; color?: boolean; format: 'text' | 'json'; detailedExitcode?: boolean; out?: string;
  samples?: boolean; preflightTimeout: number; failOnUndeclared?: boolean;
}

/** How long the pre-flight counts may run by default. */
const PREFLIGHT_TIMEOUT_MS = 60_000;

/** `schemac plan`: what would change, with hazards; never refuses. */
export function registerPlan(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const cmd = addResumableOptions(addOnlineOptions(addColorOption(addTypeCheckOption(addPlanOptions(addSourceOptions(addSchemaOption(program.command('plan'))))))))
    .description('show what would change in the database, with hazards')
    .addOption(formatOption(['text', 'json']))
    .option('--detailed-exitcode', 'exit 2 when there are changes, 0 when there are none')
    .option('--out <file>', 'also save the plan (with the catalog fingerprint) for `schemac apply FILE`')
    .option('--fail-on-undeclared', 'exit 2 when the database has objects the schema does not declare (skipped), even with no changes')
    .option('--samples', 'with the pre-flight counts, show the primary-key values of up to 5 offending rows')
    .option('--preflight-timeout <duration>', 'cancel the pre-flight counts after this long (they are then reported as not run)', parseDuration, PREFLIGHT_TIMEOUT_MS);
  cmd.action(async (opts: PlanOptions) => {
    const [{ plan }, { appContext }] = await Promise.all([import('../../app/plan'), import('../report')]);
    // The plan's text renderer loads after the plan has started (its type check runs meanwhile).
    const rendered = import('../../emitters/plan-text');
    const result = await plan(appContext(io), {
      ...opts, allowDrop: Boolean(opts.allowDrop), typeCheck: opts.typeCheck !== false, savePlanTo: opts.out,
      production: productionOf(opts), resumable: resumableOf(opts),
      preflight: { samples: Boolean(opts.samples), timeoutMs: opts.preflightTimeout },
    });
    for (const line of result.notes) io.stderr.write(`schemac: ${line}\n`);
    if (opts.format === 'json') {
      io.stdout.write(`${JSON.stringify(result.json, null, 2)}\n`);
    } else {
      const { renderPlanText } = await rendered;
      io.stdout.write(renderPlanText(result.plan, {
        color: useColor(io.stdout, io.env, opts.color), preflight: result.preflight ?? undefined, samples: Boolean(opts.samples),
      }));
    }
    if (result.offline.length > 0) {
      io.stderr.write(`schemac: --online=require refuses this plan: ${result.offline.join('; ')}\n`);
      setExit(ExitCode.refused);
      return;
    }
    // A blocked plan cannot be applied as it is: for a CI gate that is an error, not "changes".
    // Skipped objects are not changes (exit 0), unless the team asks CI to catch strays.
    if (opts.detailedExitcode && result.preflight?.blocked) setExit(ExitCode.error);
    else if (opts.failOnUndeclared && result.plan.skipped.length > 0) setExit(ExitCode.changes);
    else setExit(changesExitCode(opts.detailedExitcode, result.plan.steps.length));
  });
}
