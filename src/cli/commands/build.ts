import type { Command } from 'commander';
import { relative, resolve } from 'node:path';
import { hasErrors } from '../../core/diagnostics.ts';
import { validateWorkspace } from '../../core/validate.ts';
import { buildSite, SiteBuildError } from '../../site/build-site.ts';
import { forgetValidatedWorkspace, offerValidatedWorkspace } from '../../site/preloaded.ts';
import { formatDiagnostics, summary } from '../format-diagnostics.ts';
import { resolveRoot, rootOption, type CommandContext } from '../context.ts';
import { UserError } from '../output.ts';

export function registerBuild(program: Command, context: CommandContext): void {
  program
    .command('build')
    .description('validate the workspace, then build the static report site (refuses an invalid workspace)')
    .addOption(rootOption())
    .option('--out <dir>', 'output folder (default: $TOUCHSTONE_OUT or ./dist)')
    .option('--base <path>', 'URL path the site is served under, e.g. /reports/ (default: /)')
    .option('--verbose', 'show Astro\'s build log')
    .action(async (options: { root?: string; out?: string; base?: string; verbose?: boolean }) => {
      const root = resolveRoot(options.root);
      const { workspace, diagnostics } = validateWorkspace(root);
      if (hasErrors(diagnostics)) {
        process.stdout.write(formatDiagnostics(diagnostics, 'text'));
        process.stderr.write(`${summary(diagnostics)}\nThe site was not built: fix the errors above first.\n`);
        context.exitCode = 1;
        return;
      }
      const out = resolve(options.out ?? process.env.TOUCHSTONE_OUT ?? 'dist');
      offerValidatedWorkspace({ root, workspace, diagnostics });
      try {
        const result = await buildSite({ root, out, base: options.base, logLevel: options.verbose ? 'info' : 'error' });
        const shown = relative(process.cwd(), result.out) || '.';
        process.stderr.write(`Built ${result.pages} pages into ${shown.startsWith('..') ? result.out : shown}\n`);
        context.exitCode = 0;
      } catch (error) {
        if (error instanceof SiteBuildError) throw new UserError(error.message);
        throw error;
      } finally {
        forgetValidatedWorkspace();
      }
    });
}
