import { linkSync, lstatSync, mkdirSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { schemaRef, schemasDirFor as schemasDirForWorkspace } from '../core/index.ts';
import { UserError } from './output.ts';

/** This package's folder (the checkout, or node_modules/@touchstone-cx/touchstone). */
export const PACKAGE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const PACKAGE_SCHEMAS = join(PACKAGE_DIR, 'schemas');

/** Where editors find the schemas (see src/core/check/schema-location.ts), with this package's as the fallback. */
export function schemasDirFor(root: string): string {
  return schemasDirForWorkspace(root, PACKAGE_SCHEMAS);
}

export { schemaRef };

export function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

const tempName = (name: string) => `.${name}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;

/**
 * Writes a new folder atomically: every file goes into a hidden temporary folder beside the
 * target, which is then renamed into place. A failure removes the temporary folder, so no half
 * folder is ever left; an existing target is never replaced.
 */
export function writeFolderAtomically(target: string, files: Record<string, string>): void {
  if (exists(target)) throw new UserError(`${target} already exists; nothing was written`);
  mkdirSync(dirname(target), { recursive: true });
  const temp = join(dirname(target), tempName(target.split(sep).pop()!));
  try {
    for (const [rel, text] of Object.entries(files)) {
      const path = join(temp, rel);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text, { flag: 'wx' });
    }
    if (exists(target)) throw new UserError(`${target} appeared while writing; nothing was written`);
    renameSync(temp, target);
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

/** Turns a file-system failure (no permission, disk full …) into a plain message instead of a stack trace. */
export function explainWriteError(error: unknown, what: string): never {
  const e = error as NodeJS.ErrnoException;
  if (e && typeof e.code === 'string' && typeof e.message === 'string' && !(error instanceof UserError)) {
    throw new UserError(`could not write ${what}: ${e.code}${e.path ? ` (${e.path})` : ''}`);
  }
  throw error;
}

/** Writes one new file atomically and never over an existing one (a hard link fails if the name is taken). */
export function writeFileAtomically(target: string, text: string): void {
  mkdirSync(dirname(target), { recursive: true });
  const temp = join(dirname(target), tempName(target.split(sep).pop()!));
  writeFileSync(temp, text, { flag: 'wx' });
  try {
    linkSync(temp, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new UserError(`${target} already exists; it was left as it is`);
    throw error;
  } finally {
    unlinkSync(temp);
  }
}
