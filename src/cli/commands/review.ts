import type { Command } from 'commander';
import { addAllInfoOption, addColorOption, addSchemaOption, addTypeCheckOption, formatOption } from '../common-options';
import { AppError } from '../../app/errors';
import { changesExitCode } from '../exit-codes';
import { useColor, type CliIo } from '../io';

interface ReviewOptions {
  schema?: string; config?: string; base?: string; catalog?: string; database?: string;
  format: 'text' | 'markdown' | 'json'; githubAnnotations?: boolean; detailedExitcode?: boolean;
  allowDrop?: boolean; color?: boolean; typeCheck?: boolean; out?: string; allInfo?: boolean;
}

/** `schemac review`: what a change to the schema does to the database, for a PR and for CI. */
export function registerReview(program: Command, io: CliIo, setExit: (code: number) => void): void {
  addAllInfoOption(addTypeCheckOption(addColorOption(addSchemaOption(program.command('review')))))
    .description('review what the schema change does: ordered changes, hazards, T-SQL and per-table diffs')
    .option('--base <git-ref>', 'compare with the schema as it is at this git ref (read through git; the working tree is untouched)')
    .option('--catalog <file>', 'compare with a catalog snapshot instead')
    .option('--database <url>', 'compare with a live database instead')
    .option('--allow-drop', 'with --catalog/--database: drop undeclared objects (with --base a removed declaration is always a drop)')
    .addOption(formatOption(['text', 'markdown', 'json']))
    .option('--github-annotations', 'also print ::warning/::error lines for GitHub Actions, pointing at schema lines')
    .option('--out <file>', 'write the review to this file; standard output keeps only the annotations (for the CI log)')
    .option('--detailed-exitcode', 'exit 2 when there are changes, 0 when there are none')
    .action(async (opts: ReviewOptions) => {
      const [{ review }, { appContext }] = await Promise.all([import('../../app/review'), import('../report')]);
      // The renderers load after the review has started its type checks (they run meanwhile).
      const rendering = import('../../emitters/review');
      const outcome = await review(appContext(io, { allInfo: opts.allInfo }), { ...opts, allowDrop: Boolean(opts.allowDrop), typeCheck: opts.typeCheck !== false, onlyNewFindings: opts.githubAnnotations === true });
      const render = await rendering;
      const changes = outcome.kind === 'reviewed' ? outcome.review.changes : [];
      if (opts.githubAnnotations) {
        const preexisting = outcome.kind === 'reviewed' ? { count: outcome.preexistingFindings, base: outcome.review.baseLabel } : undefined;
        for (const line of render.githubAnnotations(changes, outcome.diagnostics, outcome.displayPath, opts.allInfo === true, preexisting)) io.stdout.write(`${line}\n`);
      }
      if (outcome.kind === 'schema-errors') throw new AppError('the schema has errors; fix them before reviewing');
      // Migration files the branch adds (against a git ref only: a database has no "added").
      const migrations = outcome.refSide !== null
        ? await (await import('../../app/review-migrations')).addedMigrations(appContext(io), opts, outcome.refSide)
        : [];
      const document = (): string => {
        switch (opts.format) {
          case 'markdown': return render.renderReviewMarkdown(outcome.review) + render.renderMigrationsMarkdown(migrations);
          case 'json': return `${JSON.stringify({ ...render.renderReviewJson(outcome.review), ...(migrations.length > 0 ? { migrations: render.migrationsJson(migrations) } : {}) }, null, 2)}\n`;
          // A file is never coloured; the terminal is, unless told otherwise.
          case 'text': return render.renderReviewText(outcome.review, { color: opts.out === undefined && useColor(io.stdout, io.env, opts.color) }) + render.renderMigrationsText(migrations);
        }
      };
      if (opts.out !== undefined) {
        // The document (a PR comment) and the annotations (for the CI log) go to different places.
        const { writeOutputFile } = await import('../../app/output-file');
        writeOutputFile(appContext(io), opts.out, document());
      } else {
        io.stdout.write(document());
      }
      setExit(changesExitCode(opts.detailedExitcode, outcome.plan.steps.length));
    });
}
