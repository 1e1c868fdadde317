// `touchstone build`: validates first, refuses an invalid workspace, and never leaves a half-written site.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_MARK } from '../../src/core/read/paths.ts';
import { REPO, sampleIsReady, TMP, touchstone } from './helpers.ts';

describe('touchstone build', () => {
  // A small workspace is validated before Astro starts; a large one (here: forced onto worker
  // threads) while Astro starts, which the validation must then stop before any page is written.
  it.each([['validated first', '0'], ['validated while Astro starts', '2']])('refuses an invalid workspace (%s) with file:line diagnostics, exit 1, and leaves the output untouched', (_, threads) => {
    const env = { TOUCHSTONE_PARSE_THREADS: threads };
    const ws = join(TMP, `ws-invalid-${threads}`);
    rmSync(ws, { recursive: true, force: true });
    cpSync(join(REPO, 'tests/fixtures/minimal'), ws, { recursive: true });
    writeFileSync(join(ws, 'audits/acme/2026-q3/audit.yaml'), 'questionnaire: mini@1.0.0\nbenchmark: best-in-class@2026.1\nstatus: finished\n');

    const fresh = join(TMP, `site-never-${threads}`);
    rmSync(fresh, { recursive: true, force: true });
    const first = touchstone(['build', '--root', ws, '--out', fresh], env);
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(/^audits\/acme\/2026-q3\/audit\.yaml:\d+:\d+: error /m);
    expect(first.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(fresh)).toBe(false);

    const previous = join(TMP, `site-previous-${threads}`);
    mkdirSync(previous, { recursive: true });
    writeFileSync(join(previous, 'index.html'), 'previous site');
    writeFileSync(join(previous, BUILD_MARK), '{}'); // a previous build's: one the build may replace
    const second = touchstone(['build', '--root', ws, '--out', previous], env);
    expect(second.code).toBe(1);
    expect(readFileSync(join(previous, 'index.html'), 'utf8')).toBe('previous site');
  });

  // Notes are prose (src/core/read/notes.ts): the validation refuses what would run at build time or
  // reach readers as markup, so `build` refuses such notes like any other invalid file, before Astro runs.
  it.each([
    ['notes that are not valid notes syntax', 'ws-bad-notes', '# Notes\n\nHello {broken\n',
      [/^audits\/acme\/2026-q3\/notes\.mdx:3:7: error notes\/syntax: Unexpected end of file in expression/m]],
    ['hostile notes', 'ws-hostile-notes', '# Notes\n\n{process.exit(3)}\n\n<script>alert(1)</script>\n\nSee [the doc](javascript:alert(1)) and <Score driver={x} />.\n',
      [/^audits\/acme\/2026-q3\/notes\.mdx:3:1: error notes\/expression: /m, /^audits\/acme\/2026-q3\/notes\.mdx:5:1: error notes\/raw-html: /m,
        /^audits\/acme\/2026-q3\/notes\.mdx:7:5: error notes\/unsafe-link: /m, /^audits\/acme\/2026-q3\/notes\.mdx:7:40: error notes\/expression: /m]],
  ])('refuses %s with file:line:col diagnostics, in validate and build, exit 1, no stack, writing nothing', (_, name, notes, expected) => {
    const ws = join(TMP, name);
    rmSync(ws, { recursive: true, force: true });
    cpSync(join(REPO, 'tests/fixtures/minimal'), ws, { recursive: true });
    writeFileSync(join(ws, 'audits/acme/2026-q3/notes.mdx'), notes);
    const validate = touchstone(['validate', '--root', ws]);
    expect(validate.code).toBe(1);
    for (const line of expected) expect(validate.stdout).toMatch(line);

    const fresh = join(TMP, `site-never-${name}`);
    rmSync(fresh, { recursive: true, force: true });
    const first = touchstone(['build', '--root', ws, '--out', fresh]);
    expect(first.code).toBe(1);
    for (const line of expected) expect(first.stdout).toMatch(line);
    expect(first.stdout + first.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(fresh)).toBe(false);

    const previous = join(TMP, `site-previous-${name}`);
    rmSync(previous, { recursive: true, force: true });
    mkdirSync(previous, { recursive: true });
    writeFileSync(join(previous, 'index.html'), 'previous site');
    writeFileSync(join(previous, BUILD_MARK), '{}'); // a previous build's: one the build may replace
    const result = touchstone(['build', '--root', ws, '--out', previous]);
    expect(result.code).toBe(1);
    expect(readFileSync(join(previous, 'index.html'), 'utf8')).toBe('previous site');
    rmSync(ws, { recursive: true, force: true });
  });

  it('replaces a previous site only once the new one is complete', () => {
    const out = join(TMP, 'site-replace');
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'stale.html'), 'stale');
    writeFileSync(join(out, BUILD_MARK), '{}');
    const result = touchstone(['build', '--root', join(REPO, 'tests/fixtures/minimal'), '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    // Progress by phase, then a summary of what was built.
    expect(result.stderr).toContain('validating the workspace…');
    expect(result.stderr).toContain('scoring 2 audits and writing pages…');
    expect(result.stderr).toMatch(/Built \d+ pages into .*site-replace: 1 organisation, 2 reports in English and Chinese, 0 warnings .*, \d+\.\d s/);
    expect(existsSync(join(out, 'stale.html'))).toBe(false);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('http-equiv="refresh"');
    expect(existsSync(join(out, 'en/acme/2026-q3/index.html'))).toBe(true);
    expect(existsSync(join(out, 'data/acme/2026-q3.json'))).toBe(true);
  });

  // The README promises byte-identical output for the same input. Each build runs in a fresh private
  // copy of the site's sources (src/site/build-site.ts), which once gave the answer pages' islands
  // another uid every time (src/site/island-ids.ts).
  it('builds the same workspace twice into two folders byte for byte alike, answer pages and islands included', () => {
    const root = sampleIsReady() ? REPO : join(REPO, 'tests/fixtures/minimal');
    const outs = [join(TMP, 'site-twice-a'), join(TMP, 'site-twice-b')];
    for (const out of outs) {
      rmSync(out, { recursive: true, force: true });
      const result = touchstone(['build', '--root', root, '--out', out]);
      expect(result.code, result.stderr).toBe(0);
    }
    const files = (dir: string, sub = ''): string[] => readdirSync(join(dir, sub), { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? files(dir, `${sub}${e.name}/`) : [`${sub}${e.name}`])).sort();
    const [a, b] = outs.map((out) => files(out));
    expect(b).toEqual(a);
    expect(a!.filter((f) => f.includes('/answer/')).length).toBeGreaterThan(0);
    let islands = 0;
    for (const file of a!) {
      const [x, y] = outs.map((out) => readFileSync(join(out, file)));
      // Booleans, not the pages: a difference should name the file, not print two sites.
      expect(x!.equals(y!), file).toBe(true);
      if (file.endsWith('.html')) islands += (x!.toString('utf8').match(/<astro-island uid="/g) ?? []).length;
    }
    expect(islands).toBeGreaterThan(0);
    for (const out of outs) rmSync(out, { recursive: true, force: true });
  });
});
