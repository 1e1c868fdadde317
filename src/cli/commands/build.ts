import type { Command } from 'commander';
import { relative, resolve } from 'node:path';
import { checkBuildOutput, hasErrors, selectOrgs, type Diagnostic, type Workspace } from '../../core/index.ts';
import { startValidation } from '../parallel-validate.ts';
import { buildSite, SiteBuildError } from '../../site/build-site.ts';
import { forgetValidatedWorkspace, offerValidatedWorkspace } from '../../site/preloaded.ts';
import { formatDiagnostics, summary } from '../format-diagnostics.ts';
import { resolveRoot, rootOption, type CommandContext } from '../context.ts';
import { UsageError, UserError } from '../output.ts';
import { Progress } from '../progress.ts';
import { unknownName } from '../select-audit.ts';

export function registerBuild(program: Command, context: CommandContext): void {
  program
    .command('build')
    .description('validate the workspace, then build the static report site (refuses an invalid workspace)')
    .addOption(rootOption())
    .option('--out <dir>', 'output folder (default: $TOUCHSTONE_OUT or ./dist)')
    .option('--base <path>', 'URL path the site is served under, e.g. /reports/ (default: /)')
    .option('--org <id>', 'build only this organisation (repeat for more: --org a --org b); the site, its /data files ' +
      'and its PDFs then hold nothing of any other, and portfolio ranks and averages count only these',
    (id: string, ids: string[] = []) => [...ids, id])
    .option('--verbose', 'show Astro\'s build log')
    .action(async (options: { root?: string; out?: string; base?: string; org?: string[]; verbose?: boolean }) => {
      const root = resolveRoot(options.root);
      const orgs = options.org && [...new Set(options.org)];
      const out = resolve(options.out ?? process.env.TOUCHSTONE_OUT ?? 'dist');
      // Before any work: the build replaces its output folder whole, so it must be its own to replace.
      const output = checkBuildOutput(root, out);
      const named = options.out !== undefined ? '--out' : process.env.TOUCHSTONE_OUT !== undefined ? 'TOUCHSTONE_OUT' : 'the default output folder';
      if (output.problem) throw new UserError(`will not build into ${out} (${named}): ${output.problem}`);
      if (output.legacy) process.stderr.write(`${out} looks like a site built before Touchstone marked its output; it is replaced this once, and marked from now on\n`);
      const started = performance.now();
      const progress = new Progress(process.stderr);
      progress.step('validating the workspace');
      // Astro's start (its config, bundling the site's own scripts) needs no data, so it runs
      // while worker threads parse the YAML; the pages wait for the validation. An invalid
      // workspace stops Astro at its first page, and nothing reaches the output folder, which
      // is only swapped once a whole site is built.
      const refuse = (diagnostics: Diagnostic[]): void => {
        progress.done();
        process.stdout.write(formatDiagnostics(diagnostics, 'text'));
        process.stderr.write(`${summary(diagnostics)}\nThe site was not built: fix the errors above first.\n`);
        context.exitCode = 1;
      };
      const { threads, result: validation } = startValidation(root);
      if (threads === 0) {
        // A small workspace validates in a moment: refuse it before Astro is even started.
        const { workspace, diagnostics } = await validation;
        if (hasErrors(diagnostics)) return refuse(diagnostics);
        if (orgs) checkOrgs(workspace, orgs);
      }
      offerValidatedWorkspace(root, validation);
      const building = buildSite({
        root, out, base: options.base, orgs, logLevel: options.verbose ? 'info' : 'error',
        // Pages are written only once the validation is through: no count while validating.
        onProgress: (pagesWritten) => {
          if (!progress.due()) return;
          const pages = pagesWritten();
          if (pages > 0) progress.update(`${pages} pages written`);
        },
      });
      building.catch(() => undefined); // awaited below, once the validation has been reported
      try {
        const { workspace, diagnostics } = await validation.finally(() => progress.done());
        if (hasErrors(diagnostics)) {
          refuse(diagnostics);
          await building.catch(() => undefined); // let Astro stop and clean up its temporary folders
          return;
        }
        // Astro, started meanwhile, stops at its first page on an unknown id (src/site/data.ts).
        const built = orgs ? checkOrgs(workspace, orgs) : workspace;
        const audits = built.orgs.reduce((n, o) => n + o.audits.length, 0);
        const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
        progress.step(`scoring ${audits} audit${audits === 1 ? '' : 's'} and writing pages`);
        const result = await building;
        progress.done();
        const shown = relative(process.cwd(), result.out) || '.';
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        process.stderr.write(`Built ${result.pages} pages into ${shown.startsWith('..') ? result.out : shown}: ` +
          `${built.orgs.length} organisation${built.orgs.length === 1 ? '' : 's'}, ${audits} report${audits === 1 ? '' : 's'} in English and Chinese, ` +
          `${warnings} warning${warnings === 1 ? '' : 's'} (touchstone validate lists them), ${seconds} s\n`);
        context.exitCode = 0;
      } catch (error) {
        await building.catch(() => undefined);
        if (error instanceof SiteBuildError) throw new UserError(error.message);
        throw error;
      } finally {
        progress.done();
        forgetValidatedWorkspace();
      }
    });
}

/**
 * The workspace narrowed to `build --org`'s organisations; an id that names none is a usage
 * error, said as every command says an unknown name (select-audit.ts), in the workspace's language.
 */
function checkOrgs(workspace: Workspace, ids: string[]): Workspace {
  const chosen = selectOrgs(workspace, ids);
  if (chosen.ok) return chosen.workspace;
  throw new UsageError(`--org: ${unknownName('cliOrganisation', chosen.unknown, chosen.available, workspace.settings?.data['default-locale'] ?? 'en')}`);
}
