import { Option, type Command } from 'commander';
import { evaluateAssertions, printable, type Outcome } from '../../core/index.ts';
import { resolveRoot, rootOption, type CommandContext } from '../context.ts';
import { loadValidWorkspace } from '../load-valid.ts';
import { style } from '../output.ts';

export function registerCheck(program: Command, context: CommandContext): void {
  program
    .command('check')
    .description('evaluate the assertions of touchstone.yaml (warn / error); exit 1 when an error assertion fails')
    .addOption(rootOption())
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (options: { root?: string; format: 'text' | 'json' }) => {
      const ws = await loadValidWorkspace(resolveRoot(options.root));
      const report = evaluateAssertions(ws);
      context.exitCode = report.failed ? 1 : 0;
      if (options.format === 'json') {
        process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        return;
      }
      if (!ws.settings || (ws.settings.data.assertions ?? []).length === 0) {
        process.stderr.write(`No assertions to check: add an \`assertions:\` list to ${ws.settings ? ws.settings.source.file : 'touchstone.yaml'}, e.g.\n`
          + '  assertions:\n    - { id: index-floor, level: error, metric: index, min: 50 }\n');
        return;
      }
      if (report.outcomes.length === 0) {
        process.stderr.write('No audits to check yet: the assertions apply to the latest audit of each organisation.\n');
        return;
      }
      const width = Math.max(...report.outcomes.map((o) => o.assertion.length));
      const lines = report.outcomes.map((o) => line(o, width));
      process.stdout.write(`${lines.join('\n')}\n`);
      const c = report.counts;
      const parts = [`${c.pass} passed`];
      if (c.fail) parts.push(style('red', `${c.fail} failed`));
      if (c.warn) parts.push(style('yellow', `${c.warn} warning${c.warn === 1 ? '' : 's'}`));
      if (c.skip) parts.push(`${c.skip} skipped`);
      if (c.invalid) parts.push(style('red', `${c.invalid} invalid`));
      const n = ws.settings.data.assertions!.length;
      process.stderr.write(`${report.outcomes.length} result${report.outcomes.length === 1 ? '' : 's'} from ${n} assertion${n === 1 ? '' : 's'}: ${parts.join(', ')}.${report.failed ? ' Check failed.' : ''}\n`);
    });
}

function line(o: Outcome, width: number): string {
  const mark = o.status === 'pass' ? style('green', '✓ pass ')
    : o.status === 'skip' ? style('dim', '- skip ')
      : o.status === 'invalid' ? style('red', '✗ error')
        : o.level === 'error' ? style('red', '✗ error') : style('yellow', '! warn ');
  const subject = o.org === null ? '' : o.version === null ? `${o.org}: ` : `${o.org}/${o.version}: `;
  const where = o.status === 'invalid' ? `${o.file}:${o.position.line}:${o.position.col}: ` : '';
  // A message quotes touchstone.yaml (a metric is any text there): shown, not acted on, by the terminal.
  return `${mark} ${o.assertion.padEnd(width)}  ${where}${subject}${printable(o.message)}`;
}
