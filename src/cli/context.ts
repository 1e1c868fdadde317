import { Option } from 'commander';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from './output.ts';

export interface CommandContext {
  /** Set by a command's action: the process exit code. */
  exitCode: number;
}

export function rootOption(): Option {
  return new Option('--root <dir>', 'the workspace folder (default: $TOUCHSTONE_ROOT or the current folder)');
}

/** Resolves and checks the workspace folder named by --root, $TOUCHSTONE_ROOT or the current folder. */
export function resolveRoot(flag: string | undefined): string {
  const root = resolve(flag ?? process.env.TOUCHSTONE_ROOT ?? '.');
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new UsageError(`no workspace folder at ${root}`);
  return root;
}

