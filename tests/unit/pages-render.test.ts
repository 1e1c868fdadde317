// The site only renders (issue #18): no arithmetic, rounding or sorting in the pages, layouts or
// components that are rendered at build time. Numbers come from the report model (the sentinel
// test, tests/browser/sentinel.test.ts, shows which); chart geometry is in src/site/charts.ts.
// Scripts that run in the reader's browser (a table sorted on a click, the presenter's zoom, the
// answer form) are interaction, not numbers of the report, and are not looked at here.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../../src');
const BROWSER_ONLY = ['components/capture/', 'components/present/deck.ts'];
const ARITHMETIC = /\bMath\.\w+|\.sort\(|\.toFixed\(|\.toPrecision\(/g;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name))
    : /\.(astro|ts|tsx)$/.test(e.name) ? [join(dir, e.name)] : []));
}

/** What of a file runs at build time: an .astro file without its client <script> blocks. */
function buildTimeCode(file: string): string {
  const text = readFileSync(file, 'utf8');
  return file.endsWith('.astro') ? text.replace(/<script\b[\s\S]*?<\/script>/g, '') : text;
}

describe('pages, layouts and components', () => {
  const rendered = ['pages', 'layouts', 'components'].flatMap((d) => files(join(SRC, d)))
    .filter((f) => !BROWSER_ONLY.some((b) => relative(SRC, f).startsWith(b)));

  it('do no arithmetic, rounding or sorting of their own', () => {
    expect(rendered.length).toBeGreaterThan(15);
    const found = rendered.flatMap((f) => [...buildTimeCode(f).matchAll(ARITHMETIC)].map((m) => `${relative(SRC, f)}: ${m[0]}`));
    expect(found).toEqual([]);
  });

  it('the check sees arithmetic where there is some: the charts module has it', () => {
    expect([...buildTimeCode(join(SRC, 'site/charts.ts')).matchAll(ARITHMETIC)].length).toBeGreaterThan(5);
  });
});
