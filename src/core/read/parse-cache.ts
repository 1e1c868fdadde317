import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { filesToParseAhead, parseAhead, type Preparsed, type PreparsedFile } from './load.ts';

/**
 * Parses a workspace's YAML files again only when their bytes changed. `touchstone dev`
 * validates the whole workspace after every save; on a portfolio of hundreds of audits the
 * parse alone takes seconds (bench/README.md) while one file changed. The result is
 * validateWorkspace's `preparsed`, so every check after the parse still runs on every file.
 *
 * Each file's parse is kept serialized and handed out as a fresh copy each time, because
 * loading changes the data it is given (it replaces invisible direction controls, and warns
 * where it did): a shared copy would lose that warning from the second validation on.
 */
export class ParseCache {
  private files = new Map<string, { digest: string; parse: Buffer }>();
  /** Files parsed (not taken from the cache) by the last call: for tests and measurements. */
  lastParsed = 0;

  preparse(root: string): Preparsed {
    const next = new Map<string, { digest: string; parse: Buffer }>();
    const out = new Map<string, PreparsedFile>();
    this.lastParsed = 0;
    // The files the parse workers would take; anything else, and a file that vanishes meanwhile,
    // is left to loadWorkspace, which reads and reports it.
    for (const { rel } of filesToParseAhead(root)) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(join(root, rel));
      } catch {
        continue;
      }
      const digest = createHash('sha256').update(bytes).digest('base64');
      let cached = this.files.get(rel);
      if (cached?.digest !== digest) {
        cached = { digest, parse: serialize(parseAhead(rel, bytes)) };
        this.lastParsed++;
      }
      next.set(rel, cached);
      out.set(rel, deserialize(cached.parse) as PreparsedFile);
    }
    this.files = next;
    return out;
  }
}

const SHARED = Symbol.for('touchstone.parse-cache');

/**
 * One cache per process. `touchstone dev` checks the workspace before Astro starts, and the
 * site's pages, which Astro loads as separate copies of these modules, find the same cache
 * through this well-known global: the first page view then parses nothing again.
 */
export function sharedParseCache(): ParseCache {
  const scope = globalThis as Record<symbol, ParseCache | undefined>;
  return (scope[SHARED] ??= new ParseCache());
}
