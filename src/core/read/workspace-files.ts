import { lstatSync, readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { DiagnosticBag, FILE_START } from '../diagnostics.ts';
import { LIMITS } from './limits.ts';
import { isInside } from './paths.ts';

/**
 * Reads the workspace's files from disk, and only those: every entry is checked to be a
 * plain file or folder inside the root (a symbolic link that leads outside is refused
 * without reading it), and names that become URLs must be safe slugs.
 */
export const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export class WorkspaceReader {
  readonly root: string;
  private readonly realRoot: string;
  private readonly bag: DiagnosticBag;

  constructor(root: string, bag: DiagnosticBag) {
    this.root = root;
    this.bag = bag;
    this.realRoot = realpathSync(root);
  }

  rel(absolute: string): string {
    return relative(this.root, absolute).split(sep).join('/');
  }

  /** Whether the entry is inside the workspace once links are followed; reports it when not. */
  private inside(absolute: string, known?: Dirent): 'file' | 'dir' | undefined {
    // readdir's entries already say what they are: only links need another look.
    if (known && !known.isSymbolicLink()) return known.isDirectory() ? 'dir' : known.isFile() ? 'file' : undefined;
    let stat = lstatSync(absolute);
    if (stat.isSymbolicLink()) {
      let target: string;
      try {
        target = realpathSync(absolute);
      } catch {
        this.bag.error(this.rel(absolute), FILE_START, 'path/broken-link', 'this symbolic link points at nothing');
        return undefined;
      }
      if (!isInside(this.realRoot, target)) {
        this.bag.error(this.rel(absolute), FILE_START, 'path/outside-workspace',
          'this symbolic link leads outside the workspace; it was not read');
        return undefined;
      }
      stat = statSync(absolute);
    }
    if (stat.isDirectory()) return 'dir';
    if (stat.isFile()) return 'file';
    return undefined;
  }

  /**
   * Entries of a folder (sorted, hidden ones skipped), or [] when it does not exist. The folder
   * itself is checked too: a top-level folder (audits/ …) that is a link out of the workspace is
   * reported and not read, like any other entry.
   */
  list(absoluteDir: string): { name: string; path: string; kind: 'file' | 'dir' }[] {
    if (this.exists(absoluteDir) !== 'dir') return [];
    let entries: Dirent[];
    try {
      entries = readdirSync(absoluteDir, { withFileTypes: true });
    } catch {
      return [];
    }
    entries = entries.filter((e) => !e.name.startsWith('.')).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    let names = entries.map((e) => e.name);
    if (names.length > LIMITS.filesPerFolder) {
      this.bag.error(this.rel(absoluteDir) || '.', FILE_START, 'limit/too-many-files',
        `${names.length} entries; at most ${LIMITS.filesPerFolder} are read from one folder`);
      names = names.slice(0, LIMITS.filesPerFolder);
    }
    const out: { name: string; path: string; kind: 'file' | 'dir' }[] = [];
    for (const [i, name] of names.entries()) {
      const path = join(absoluteDir, name);
      const kind = this.inside(path, entries[i]);
      if (kind) out.push({ name, path, kind });
    }
    return out;
  }

  exists(absolute: string): 'file' | 'dir' | undefined {
    try {
      return this.inside(absolute);
    } catch {
      return undefined;
    }
  }

  /** The file's bytes, or undefined when it is too large to read (reported). */
  read(absolute: string): Uint8Array | undefined {
    const size = statSync(absolute).size;
    if (size > LIMITS.fileBytes) {
      this.bag.error(this.rel(absolute), FILE_START, 'file/too-large',
        `the file is ${size} bytes; the limit is ${LIMITS.fileBytes} bytes (split it, or check it is the right file)`);
      return undefined;
    }
    return readFileSync(absolute);
  }

  /** Reports a folder or file name that is not a safe URL slug. */
  checkSlug(absolute: string, name: string, what: string): boolean {
    if (SLUG.test(name)) return true;
    this.bag.error(this.rel(absolute), FILE_START, 'path/unsafe-name',
      `the ${what} name "${name}" must use only lower-case letters, digits and single hyphens (it becomes part of a URL)`);
    return false;
  }
}

/**
 * Every plain file under the workspace's own folders (and touchstone.yaml), with its size and
 * modification time, found without following links or reading hidden entries, and without
 * reporting anything: for looking ahead (which files to parse on other threads, whether
 * anything changed since the last load). What is actually read, and every problem with it,
 * stays with WorkspaceReader.
 */
export function workspaceEntries(root: string, max = Infinity): { rel: string; size: number; mtimeMs: number }[] {
  const out: { rel: string; size: number; mtimeMs: number }[] = [];
  const add = (rel: string): void => {
    const stat = lstatSync(join(root, rel), { throwIfNoEntry: false });
    if (stat?.isFile()) out.push({ rel, size: stat.size, mtimeMs: stat.mtimeMs });
  };
  const visit = (rel: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(join(root, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.slice(0, LIMITS.filesPerFolder)) {
      if (out.length >= max) return;
      if (entry.name.startsWith('.')) continue;
      if (entry.isDirectory()) visit(`${rel}/${entry.name}`);
      else if (entry.isFile()) add(`${rel}/${entry.name}`);
    }
  };
  add('touchstone.yaml');
  for (const dir of ['questionnaires', 'benchmarks', 'audits']) {
    if (lstatSync(join(root, dir), { throwIfNoEntry: false })?.isDirectory()) visit(dir);
  }
  return out;
}
