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
import { loadProject } from '../project';

interface PlanOptions {
  schema?: string; config?: string; empty?: boolean; catalog?: string; database?: string;
  allowDrop?: boolean; typeCheck?: boolean; color?: boolean; format: 'text' | 'json'; detailedExitcode?: boolean; out?: string;
}

/** `schemac plan`: what would change, with hazards; never refuses. */
export function registerPlan(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const cmd = addPlanOptions(addSourceOptions(addSchemaOption(program.command('plan'))))
    .description('show what would change in the database, with hazards')
    .addOption(formatOption(['text', 'json']))
    .option('--detailed-exitcode', 'exit 2 when there are changes, 0 when there are none')
    .option('--out <file>', 'also save the plan (with the catalog fingerprint) for `schemac apply FILE`');
  cmd.action(async (opts: PlanOptions) => {
    const project = loadProject(io, opts);
      const source = resolveSource(opts, io.env, project.config.database.url);
    const desired = compileOrFail(io, project, opts.typeCheck !== false);
    const current = await loadCurrent(io, source, project.config.ignore);
    const plan = diff(desired, current.database, { allowDrop: Boolean(opts.allowDrop) });
    const json = renderPlanJson(plan, { fingerprint: fingerprint(current.database), databaseName: current.database.name });
    if (opts.out) writeSavedPlan(path.resolve(io.cwd, opts.out), { ...json, desired });
    if (opts.format === 'json') {
      io.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    } else {
      io.stdout.write(renderPlanText(plan, { color: useColor(io.stdout, io.env, opts.color) }));
    }
    setExit(opts.detailedExitcode && plan.steps.length > 0 ? ExitCode.changes : ExitCode.ok);
  });
}
