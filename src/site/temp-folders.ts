/**
 * Touchstone's temporary folders (a build's private Astro project, a PDF's scratch site, a new
 * site's staging folder beside the output): owner-only, removed on every exit Node can see
 * (return, throw, Ctrl-C, SIGTERM, SIGHUP), and marked with the process that made them, so that
 * the next run removes what a `kill -9` or a power cut left behind.
 */
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

const MARK = '.touchstone-temp';
const live = new Set<string>();
let hooked = false;

/** A new owner-only folder `<parent>/<prefix>XXXXXX`, removed when the process ends if not before. */
export function makeTempFolder(parent: string, prefix: string): string {
  removeStaleTempFolders(parent, prefix);
  const dir = mkdtempSync(join(parent, prefix));
  chmodSync(dir, 0o700); // mkdtemp's mode already, whatever the umask; said here so that it stays so
  writeFileSync(join(dir, MARK), JSON.stringify({ pid: process.pid, host: hostname() }));
  live.add(dir);
  hookExit();
  return dir;
}

/** Removes a temporary folder now (idempotent). */
export function removeTempFolder(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  live.delete(dir);
}

/**
 * Removes folders `<parent>/<prefix>*` that carry the mark of a process of this machine that is
 * no longer running. Unmarked folders and other machines' (a shared network folder) stay.
 */
export function removeStaleTempFolders(parent: string, prefix: string): void {
  let names: string[];
  try {
    names = readdirSync(parent).filter((n) => n.startsWith(prefix));
  } catch {
    return;
  }
  for (const name of names) {
    const dir = join(parent, name);
    let mark: { pid?: unknown; host?: unknown };
    try {
      mark = JSON.parse(readFileSync(join(dir, MARK), 'utf8')) as typeof mark;
    } catch {
      continue;
    }
    if (typeof mark.pid !== 'number' || mark.host !== hostname() || mark.pid === process.pid || alive(mark.pid)) continue;
    rmSync(dir, { recursive: true, force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function removeAll(): void {
  for (const dir of live) rmSync(dir, { recursive: true, force: true });
  live.clear();
}

const SIGNAL_EXIT: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

function hookExit(): void {
  if (hooked) return;
  hooked = true;
  process.on('exit', removeAll);
  for (const [signal, code] of Object.entries(SIGNAL_EXIT) as [NodeJS.Signals, number][]) {
    // Only when nobody else handles the signal (`touchstone dev` stops its server on SIGINT itself):
    // Node's default would end the process without running the 'exit' handlers.
    process.on(signal, () => {
      if (process.listenerCount(signal) > 1) return;
      removeAll();
      process.exit(code);
    });
  }
}
