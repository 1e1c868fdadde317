import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import type { CommandContext } from './context.ts';
import { registerBuild } from './commands/build.ts';
import { registerCheck } from './commands/check.ts';
import { registerDev } from './commands/dev.ts';
import { registerDiff } from './commands/diff.ts';
import { registerInit } from './commands/init.ts';
import { registerNew } from './commands/new.ts';
import { registerPdf } from './commands/pdf.ts';
import { registerScore } from './commands/score.ts';
import { registerValidate } from './commands/validate.ts';
import { UsageError, UserError, style } from './output.ts';

/**
 * The `touchstone` command: a thin shell over src/core. Each command module registers
 * itself and returns an exit code: 0 success, 1 the workspace has errors, 2 usage error.
 */
function packageVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

export async function main(argv: string[]): Promise<number> {
  const context: CommandContext = { exitCode: 0 };
  const program = new Command('touchstone')
    .description('Customer-experience audits in YAML, scored and published as bilingual benchmark reports.')
    .version(packageVersion(), '-v, --version')
    .exitOverride()
    .showHelpAfterError('(run touchstone --help for usage)')
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });
  registerValidate(program, context);
  registerScore(program, context);
  registerDiff(program, context);
  registerBuild(program, context);
  registerPdf(program, context);
  registerDev(program, context);
  registerNew(program, context);
  registerCheck(program, context);
  registerInit(program, context);
  for (const command of program.commands) command.exitOverride();
  if (argv.length === 0) {
    process.stderr.write(program.helpInformation());
    return 2;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return context.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
      return 2;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`${style('red', 'touchstone:', process.stderr)} ${error.message}\n`);
      return 2;
    }
    if (error instanceof UserError) {
      process.stderr.write(`${style('red', 'touchstone:', process.stderr)} ${error.message}\n`);
      return 1;
    }
    // Anything else is a bug in Touchstone, never a problem in the user's data: say so plainly.
    process.stderr.write(`touchstone: internal error — this is a bug in Touchstone, please report it.\n${error instanceof Error ? error.stack : String(error)}\n`);
    return 70;
  }
}
