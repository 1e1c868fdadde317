import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES = join(REPO, 'tests/fixtures');
export const BIN = join(REPO, 'bin/touchstone.js');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `touchstone` binary, as a user would, with colours off. */
export function touchstone(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? REPO,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', TOUCHSTONE_ROOT: '', ...options.env },
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Content for one file of an overlay: text, bytes, or null to delete the file. */
export type OverlayContent = string | Uint8Array | null | { symlink: string } | { edit: (text: string) => string };

/**
 * A throwaway copy of a fixture workspace with some files replaced, added or removed.
 * Each test gets its own folder, so tests never share or damage fixtures.
 */
export function workspaceFrom(base: string, overlay: Record<string, OverlayContent> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'touchstone-ws-'));
  cpSync(join(FIXTURES, base), root, { recursive: true });
  for (const [path, content] of Object.entries(overlay)) {
    const target = join(root, path);
    if (content === null) {
      rmSync(target, { recursive: true, force: true });
      continue;
    }
    mkdirSync(dirname(target), { recursive: true });
    if (typeof content === 'object' && 'edit' in content) {
      writeFileSync(target, content.edit(readFileSync(target, 'utf8')));
    } else if (typeof content === 'object' && 'symlink' in content) {
      rmSync(target, { recursive: true, force: true });
      spawnSync('ln', ['-s', content.symlink, target]);
    } else writeFileSync(target, content);
  }
  return root;
}

export function removeWorkspace(root: string): void {
  rmSync(root, { recursive: true, force: true });
}

/** A stack trace is a bug in Touchstone; no output for bad data may contain one. */
export function hasStackTrace(text: string): boolean {
  return /\n\s+at .+\(.*:\d+:\d+\)/.test(text) || /\bat file:\/\//.test(text) || /node:internal/.test(text);
}
