import * as path from 'path';
import type { Command } from 'commander';
import { fingerprint } from '../../differ/fingerprint';
import { renderPlanJson } from '../../emitters/plan-json';
import { renderPlanText } from '../../emitters/plan-text';
import { addPlanOptions, addSchemaOption, addSourceOptions, formatOption } from '../common-options';
import { ExitCode } from '../errors';
import { useColor, type CliIo } from '../io';
import { diff } from '../../differ';
import { compileOrFail, loadCurrent } from '../pipeline';
import { writeSavedPlan } from '../saved-plan';
import { resolveSource } from '../sources';
import { loadProject, type Project } from '../project';
import { parseConnectionString } from '../../catalog/connection';
import { runPreflight } from '../../catalog/preflight-run';
import { DEFAULT_PREFLIGHT_TIMEOUT_MS, noDatabaseReason, runPlanPreflight, type PreflightSource } from '../../app/preflight';
import { parseDuration } from '../durations';
import type { DatabaseSource } from '../sources';

interface PlanOptions {
  schema?: string; config?: string; empty?: boolean; catalog?: string; database?: string;
  allowDrop?: boolean; typeCheck?: boolean; color?: boolean; format: 'text' | 'json'; detailedExitcode?: boolean; out?: string;
  samples?: boolean; preflightTimeout: number;
}

/** Where the pre-flight counts rows: the live database, or nowhere (and why). */
function preflightSource(source: DatabaseSource): PreflightSource {
  switch (source.kind) {
    case 'database': {
      const config = parseConnectionString(source.url);
      return { kind: 'database', run: (sql, timeoutMs) => runPreflight(config, sql, timeoutMs) };
    }
    case 'catalog':
    case 'empty':
      return { kind: 'none', reason: noDatabaseReason(source.kind) };
  }
}

/** `schemac plan`: what would change, with hazards; never refuses. */
export function registerPlan(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const cmd = addPlanOptions(addSourceOptions(addSchemaOption(program.command('plan'))))
    .description('show what would change in the database, with hazards')
    .addOption(formatOption(['text', 'json']))
    .option('--detailed-exitcode', 'exit 2 when there are changes, 0 when there are none')
    .option('--out <file>', 'also save the plan (with the catalog fingerprint) for `schemac apply FILE`')
    .option('--samples', 'with the pre-flight counts, show the primary-key values of up to 5 offending rows')
    .option('--preflight-timeout <duration>', 'cancel the pre-flight counts after this long (they are then reported as not run)', parseDuration, DEFAULT_PREFLIGHT_TIMEOUT_MS);
  cmd.action(async (opts: PlanOptions) => {
    const project = loadProject(io, opts);
      const source = resolveSource(opts, io.env, project.config.database.url);
    const desired = compileOrFail(io, project, opts.typeCheck !== false);
    const current = await loadCurrent(io, source, project.config.ignore);
    const plan = diff(desired, current.database, { allowDrop: Boolean(opts.allowDrop) });
    // Counting rows needs the live database; with --catalog or --empty the report says what it could not count.
    const report = await runPlanPreflight(plan, current.database, preflightSource(source), { samples: Boolean(opts.samples), timeoutMs: opts.preflightTimeout });
    const samples = Boolean(opts.samples);
    const json = renderPlanJson(plan, {
      fingerprint: fingerprint(current.database), databaseName: current.database.name,
      preflight: report.findings.length > 0 || report.notRun.length > 0 ? { report, samples } : undefined,
    });
    if (opts.out) writeSavedPlan(path.resolve(io.cwd, opts.out), { ...json, desired });
    if (opts.format === 'json') {
      io.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    } else {
      io.stdout.write(renderPlanText(plan, { color: useColor(io.stdout, io.env, opts.color), preflight: report, samples }));
    }
    // A blocked plan is an error for CI gates: it cannot be applied as it is.
    if (opts.detailedExitcode && report.blocked) setExit(ExitCode.error);
    else setExit(opts.detailedExitcode && plan.steps.length > 0 ? ExitCode.changes : ExitCode.ok);
  });
}
