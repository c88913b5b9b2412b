import * as fs from 'fs';
import * as path from 'path';
import type { Command } from 'commander';
import { migrateLint } from '../../app/migrate-lint';
import type { Change } from '../../differ';
import { describeWithTable } from '../../emitters';
import { isMigrationId } from '../../migrate/layout';
import { addSchemaOption } from '../common-options';
import { ExitCode } from '../errors';
import { checkoutFolderAt } from '../git';
import type { CliIo } from '../io';
import { loadProject } from '../project';
import { migrateAction, migrationsDir } from '../migrate-common';

/** The migration ids the folder held at a git ref (none when it did not exist there). */
function idsAt(ref: string, dir: string, cwd: string): Set<string> {
  const checkout = checkoutFolderAt(ref, dir, cwd);
  try {
    if (checkout.dir === null) return new Set();
    return new Set(fs.readdirSync(checkout.dir).filter(isMigrationId));
  } finally {
    checkout.dispose();
  }
}

/** `schemac migrate lint [--base REF]`: the CI check of migrations added on a branch. */
export function registerMigrateLint(migrate: Command, io: CliIo, setExit: (code: number) => void): void {
  addSchemaOption(migrate.command('lint'))
    .description('check migrations (those added since --base, else all): integrity, hazards, lint rules, and that up.sql leads to after.json')
    .option('--dir <folder>', 'the migrations folder (default: migrations/ next to the config file)')
    .option('--base <git-ref>', 'lint only the migrations added since this git ref (e.g. origin/main)')
    .action((opts: { schema?: string; config?: string; dir?: string; base?: string }) => migrateAction(() => {
      const project = loadProject(io, opts);
      const where = migrationsDir(io, project, opts);
      const baseIds = opts.base === undefined ? null : idsAt(opts.base, where.dir, io.cwd);
      const loadedIds = fs.existsSync(where.dir) ? fs.readdirSync(where.dir).filter(isMigrationId) : [];
      const only = baseIds === null ? null : new Set(loadedIds.filter((id) => !baseIds.has(id)));
      const result = migrateLint(where.dir, where.shown, only, project.config.lint, (c) => describeWithTable(c as Change));
      const out: string[] = [];
      for (const p of result.problems) out.push(`error: ${p}`);
      for (const m of result.migrations) {
        out.push(`${m.id}: ${m.steps} schema step${m.steps === 1 ? '' : 's'}`);
        for (const h of m.hazards) out.push(`  warning: step ${h.step} (${h.what}): ${h.code}: ${h.message}`);
        for (const d of m.lint) out.push(`  ${d.severity}: ${d.code}: ${d.message}`);
        for (const f of m.scripts) out.push(`  ${f.severity}: ${path.join(where.shown, m.id, f.file)}: ${f.message}`);
      }
      const scope = baseIds === null ? 'all migrations' : `migrations added since ${opts.base}`;
      if (result.migrations.length === 0) out.push(`No migrations to lint (${scope}).`);
      out.push(result.failed ? `migrate lint: errors found (${scope}).` : `migrate lint: ${result.migrations.length} migration(s) checked (${scope}); no errors.`);
      io.stdout.write(`${out.join('\n')}\n`);
      setExit(result.failed ? ExitCode.error : ExitCode.ok);
    }));
}
