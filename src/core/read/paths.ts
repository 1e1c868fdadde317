/**
 * Where Touchstone may read and write: the one guard that `validate`, `build`, `new`, `pdf` and
 * `dev` share. Reading follows links only while they stay inside the workspace (WorkspaceReader);
 * writing obeys the same rule, and the two outputs that land outside the workspace's data (the
 * built site and a PDF) may never replace the workspace, anything above it, or a file Touchstone
 * did not write.
 *
 * Every check compares real paths (links resolved), so a link named `dist` that points at the
 * workspace is caught like `--out .`.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** The workspace's own folders: nothing but the workspace's files is ever written into them. */
export const DATA_FOLDERS = ['audits', 'questionnaires', 'benchmarks', 'schemas'] as const;

/** The file every built site carries, so that a later build knows the folder is its own to replace. */
export const BUILD_MARK = '.touchstone-build.json';

/** Whether `child` is `parent` or lies inside it (both absolute, already real). */
export function isInside(parent: string, child: string): boolean {
  const back = relative(parent, child);
  return back === '' || (back !== '..' && !back.startsWith(`..${sep}`) && !isAbsolute(back));
}

/**
 * The real path of a file or folder that may not exist yet: the real path of its nearest
 * existing ancestor, with the rest of the path appended. A link anywhere along the way is
 * resolved, so `audits/acme/2026` under an `audits` link to elsewhere resolves elsewhere;
 * undefined when a link on the way is broken.
 */
export function realPathOf(path: string): string | undefined {
  let existing = resolve(path);
  const rest: string[] = [];
  for (;;) {
    if (present(existing)) {
      try {
        return join(realpathSync(existing), ...rest);
      } catch {
        return undefined; // a broken link or a loop: it leads nowhere that can be checked
      }
    }
    const parent = dirname(existing);
    if (parent === existing) return join(existing, ...rest);
    rest.unshift(basename(existing));
    existing = parent;
  }
}

/** Whether anything is at `path` (a path through a file, ENOTDIR, is nothing there). */
function present(path: string): boolean {
  try {
    return lstatSync(path, { throwIfNoEntry: false }) !== undefined;
  } catch {
    return false;
  }
}

/** Why `target` may not be read or written as part of the workspace at `root`, or undefined when it may. */
export function outsideWorkspace(root: string, target: string): string | undefined {
  const real = realPathOf(target);
  if (real === undefined) return 'a symbolic link on the way to it points at nothing';
  if (isInside(realpathSync(root), real)) return undefined;
  return 'it leads outside the workspace through a symbolic link';
}

/**
 * Why the built site may not be written to `out`, or undefined when it may. `legacy` is set when
 * `out` holds a site built before sites carried the mark, which is accepted (this once: the new
 * build carries the mark).
 */
export function checkBuildOutput(root: string, out: string): { problem?: string; legacy?: boolean } {
  const realRoot = realpathSync(root);
  const target = realPathOf(out);
  if (target === undefined) return { problem: 'a symbolic link on the way to it points at nothing' };
  if (isInside(target, realRoot)) {
    return { problem: target === realRoot ? 'it is the workspace itself' : 'it contains the workspace' };
  }
  for (const folder of DATA_FOLDERS) {
    if (isInside(join(realRoot, folder), target)) return { problem: `it is inside the workspace's ${folder}/ folder` };
  }
  if (!existsSync(target)) return {};
  if (!lstatSync(target).isDirectory()) return { problem: 'it is a file, not a folder' };
  const entries = readdirSync(target);
  if (entries.length === 0 || entries.includes(BUILD_MARK)) return {};
  if (looksLikeUnmarkedSite(target, entries)) return { legacy: true };
  return { problem: `it holds files Touchstone did not write (${describeEntries(entries)}); choose an empty or new folder, or delete it first` };
}

/** A site built before the mark: only a Touchstone build's own top-level entries, with its pages. */
function looksLikeUnmarkedSite(dir: string, entries: string[]): boolean {
  const allowed = new Set(['index.html', '404.html', '_astro', 'data', 'en', 'zh', 'favicon.svg']);
  if (!entries.every((e) => allowed.has(e))) return false;
  if (!entries.includes('index.html') || !entries.includes('en') || !entries.includes('zh')) return false;
  try {
    return readFileSync(join(dir, 'index.html'), 'utf8').includes('Touchstone');
  } catch {
    return false;
  }
}

function describeEntries(entries: string[]): string {
  const shown = [...entries].sort().slice(0, 3).map((e) => JSON.stringify(e.slice(0, 40)));
  return entries.length > 3 ? `${shown.join(', ')} and ${entries.length - 3} more` : shown.join(', ');
}

/** Why a PDF may not be written to `out`, or undefined when it may (`force` allows replacing a file that is not a PDF). */
export function checkPdfTarget(root: string, out: string, force: boolean): string | undefined {
  const realRoot = realpathSync(root);
  const target = realPathOf(out);
  if (target === undefined) return 'a symbolic link on the way to it points at nothing';
  for (const folder of DATA_FOLDERS) {
    if (isInside(join(realRoot, folder), target)) return `it is inside the workspace's ${folder}/ folder, which holds only the workspace's own files`;
  }
  if (target === realRoot || isInside(target, realRoot)) return 'it is the workspace folder';
  if (!present(target)) {
    // The folders on the way are made for it: each that exists must be a folder.
    let parent = dirname(target);
    while (!present(parent) && dirname(parent) !== parent) parent = dirname(parent);
    return lstatSync(parent).isDirectory() ? undefined : `${parent} is a file, where a folder would be needed`;
  }
  const stat = lstatSync(target);
  if (stat.isDirectory()) return 'it is a folder';
  if (!force && !isPdf(target)) return 'a file that is not a PDF is already there (add --force to replace it)';
  return undefined;
}

function isPdf(file: string): boolean {
  try {
    const head = readFileSync(file).subarray(0, 5).toString('latin1');
    return head === '%PDF-';
  } catch {
    return false;
  }
}
