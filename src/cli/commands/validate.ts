import { Option, type Command } from 'commander';
import { hasErrors } from '../../core/index.ts';
import { validateInParallel } from '../parallel-validate.ts';
import { formatDiagnostics, summary, type DiagnosticFormat } from '../format-diagnostics.ts';
import { resolveRoot, rootOption, type CommandContext } from '../context.ts';

export function registerValidate(program: Command, context: CommandContext): void {
  program
    .command('validate')
    .description('check every file of the workspace; exit 1 when there are errors')
    .addOption(rootOption())
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'github']).default('text'))
    .action(async (options: { root?: string; format: DiagnosticFormat }) => {
      const root = resolveRoot(options.root);
      const { diagnostics } = await validateInParallel(root);
      process.stdout.write(formatDiagnostics(diagnostics, options.format));
      if (options.format === 'text') process.stderr.write(`${summary(diagnostics)}\n`);
      context.exitCode = hasErrors(diagnostics) ? 1 : 0;
    });
}
