import * as path from 'path';
import type { Command } from 'commander';
import { compileSchema } from '../../compiler';
import { diff } from '../../differ';
import {
  buildReview, githubAnnotations, renderReviewJson, renderReviewMarkdown, renderReviewText,
  type ReviewChange,
} from '../../emitters/review';
import type { Database } from '../../model';
import { addSchemaOption, formatOption } from '../common-options';
import { CliError, ExitCode, UsageError } from '../errors';
import { checkoutFolderAt } from '../git';
import { useColor, type CliIo } from '../io';
import { compileAndLint, loadCurrent, reportDiagnostics } from '../pipeline';
import { loadProject } from '../project';
import { withoutIgnored } from '../../config';
import { emptyDatabase, resolveSource } from '../sources';

interface ReviewOptions {
  schema?: string; config?: string; base?: string; catalog?: string; database?: string;
  format: 'text' | 'markdown' | 'json'; githubAnnotations?: boolean; detailedExitcode?: boolean;
  allowDrop?: boolean; color?: boolean;
}

/** `schemac review`: what a change to the schema does to the database, for a PR and for CI. */
export function registerReview(program: Command, io: CliIo, setExit: (code: number) => void): void {
  addSchemaOption(program.command('review'))
    .description('review what the schema change does: ordered changes, hazards, T-SQL and per-table diffs')
    .option('--base <git-ref>', 'compare with the schema as it is at this git ref (read through git; the working tree is untouched)')
    .option('--catalog <file>', 'compare with a catalog snapshot instead')
    .option('--database <url>', 'compare with a live database instead')
    .option('--allow-drop', 'with --catalog/--database: drop undeclared objects (with --base a removed declaration is always a drop)')
    .addOption(formatOption(['text', 'markdown', 'json']))
    .option('--github-annotations', 'also print ::warning/::error lines for GitHub Actions, pointing at schema lines')
    .option('--detailed-exitcode', 'exit 2 when there are changes, 0 when there are none')
    .option('--no-color', 'never colour the output')
    .action(async (opts: ReviewOptions) => {
      const given = [opts.base !== undefined, opts.catalog !== undefined, opts.database !== undefined].filter(Boolean).length;
      if (given > 1) throw new UsageError('give only one of --base, --catalog and --database');
      const project = loadProject(io, opts);
      const head = compileAndLint(project);
      reportDiagnostics(io, head.diagnostics);
      // Paths as the repository has them: relative, and mapped back from a base-ref checkout.
      let rewrite = (file: string) => file;
      const displayPath = (file: string) => path.relative(io.cwd, rewrite(file)) || file;
      const annotate = (changes: readonly ReviewChange[]) => {
        if (!opts.githubAnnotations) return;
        for (const line of githubAnnotations(changes, head.diagnostics, displayPath)) io.stdout.write(`${line}\n`);
      };
      if (head.diagnostics.some((d) => d.severity === 'error')) {
        annotate([]);
        throw new CliError('the schema has errors; fix them before reviewing');
      }
      let before: Database;
      let baseLabel: string;
      let allowDrop = Boolean(opts.allowDrop);
      let dispose = () => {};
      if (opts.base !== undefined || given === 0) {
        const ref = opts.base ?? 'HEAD';
        const checkout = checkoutFolderAt(ref, project.schemaDir, io.cwd);
        dispose = checkout.dispose;
        rewrite = (f) => (f.startsWith(checkout.root) ? path.join(checkout.repoRoot, path.relative(checkout.root, f)) : f);
        if (checkout.dir === null) {
          before = emptyDatabase();
        } else {
          const base = compileSchema(checkout.dir, { defaultSchema: project.config.defaultSchema, naming: project.config.naming });
          if (base.diagnostics.some((d) => d.severity === 'error')) {
            dispose();
            throw new CliError(`the schema at ${ref} does not compile (${base.diagnostics.filter((d) => d.severity === 'error').length} error(s)); review against a ref whose schema compiles`);
          }
          before = withoutIgnored(base.database, project.config.ignore);
        }
        baseLabel = ref;
        allowDrop = true;
      } else {
        const source = resolveSource(opts, io.env, project.config.database.url);
        before = (await loadCurrent(io, source, project.config.ignore)).database;
        baseLabel = source.kind === 'catalog' ? source.file : before.name ?? 'database';
      }
      try {
        const plan = diff(head.database, before, { allowDrop });
        const review = buildReview({ plan, before, after: head.database, baseLabel, headLabel: 'working tree', displayPath });
        annotate(review.changes);
        switch (opts.format) {
          case 'markdown': io.stdout.write(renderReviewMarkdown(review)); break;
          case 'json': io.stdout.write(`${JSON.stringify(renderReviewJson(review), null, 2)}\n`); break;
          case 'text': io.stdout.write(renderReviewText(review, { color: useColor(io.stdout, io.env, opts.color) })); break;
        }
        setExit(opts.detailedExitcode && plan.steps.length > 0 ? ExitCode.changes : ExitCode.ok);
      } finally {
        dispose();
      }
    });
}
