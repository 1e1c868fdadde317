// The site only renders: built from a hand-made site model whose every number is a sentinel
// (tests/helpers/sentinel-model.ts), the report, presenter, trend and portfolio pages show no
// number that is not one of them, as formatting would show it. A page that adds, subtracts,
// counts or re-ranks what core computed prints a number that is none of them, and fails here.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { childEnv, REPO, TMP, touchstone } from './helpers.ts';
import { SENTINEL_DATES, sentinelSiteModel } from '../helpers/sentinel-model.ts';
import { invalidDataFiles } from '../helpers/report-schema.ts';
import en from '../../src/site/messages/en.ts';
import zh from '../../src/site/messages/zh.ts';

const DIR = join(TMP, 'sentinel');
const OUT = join(DIR, 'site');
const { model, sentinels } = sentinelSiteModel();

const PAGES = [
  ...['en', 'zh'].flatMap((lang) => [
    `${lang}/`, `${lang}/harbour/`, `${lang}/harbour/autumn/`, `${lang}/harbour/spring/`, `${lang}/lighthouse/spring/`,
    `${lang}/harbour/autumn/present/`, `${lang}/harbour/spring/present/`,
  ]),
];

/** What a reader sees of a page: its text, without scripts, styles and the slide counter (layout, not data). */
function visibleText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/g, ' ')
    .replace(/<p class="slide-nav">[\s\S]*?<\/p>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&[a-z]+;/g, ' ');
}

const NUMBER = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g;

/** The lengths of the model's lists: a page may say how many rows it shows ("3 answers"). */
function lengths(value: unknown, into = new Set<number>()): Set<number> {
  if (Array.isArray(value)) into.add(value.length);
  if (value && typeof value === 'object') for (const v of Object.values(value)) lengths(v, into);
  return into;
}

/**
 * Numbers that are not data: the dates' parts (formatted as dates), the lengths of lists, the
 * 0–100 scale every score is on (its end in "/ 100", the radar chart's rings), and the digits
 * the message catalogues themselves contain (a formula's "1 − Σpᵢ²").
 */
const NOT_DATA = new Set<number>([
  ...SENTINEL_DATES.flatMap((d) => d.split('-').map(Number)),
  ...lengths(model),
  0, 25, 50, 75, 100,
  ...[en, zh].flatMap((catalogue) => Object.values(catalogue).flatMap((text) => [...String(text).matchAll(NUMBER)].map((m) => Number(m[0])))),
]);

/** A number formatting could have made of a sentinel (itself, rounded, or as a percentage), or no datum at all. */
function fromSentinel(value: number): boolean {
  if (NOT_DATA.has(value)) return true;
  return sentinels.values.some((v) => Math.abs(value - v) < 0.51 || Math.abs(value - v * 100) < 0.51);
}

describe('the site only renders the report model', () => {
  beforeAll(() => {
    rmSync(DIR, { recursive: true, force: true });
    mkdirSync(join(DIR, 'workspace'), { recursive: true });
    const file = join(DIR, 'site-model.json');
    writeFileSync(file, JSON.stringify(model));
    // The site's own builder, given a model and an empty workspace (src/site/data.ts).
    const script = `import { buildSite } from ${JSON.stringify(join(REPO, 'src/site/build-site.ts'))};
      await buildSite({ root: ${JSON.stringify(join(DIR, 'workspace'))}, out: ${JSON.stringify(OUT)}, siteModelFile: ${JSON.stringify(file)} });`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: REPO, encoding: 'utf8', env: childEnv(), timeout: 300_000,
    });
    if (result.status !== 0) throw new Error(`the sentinel site did not build:\n${result.stdout}\n${result.stderr}`);
  }, 300_000);

  it.each(PAGES)('every number on /%s is from the model', (page) => {
    const text = visibleText(readFileSync(join(OUT, page, 'index.html'), 'utf8'));
    const numbers = [...text.matchAll(NUMBER)];
    expect(numbers.length).toBeGreaterThan(10);
    const strangers = numbers.filter((m) => !fromSentinel(Number(m[0].replaceAll(',', ''))))
      .map((m) => `${m[0]} in "…${text.slice(Math.max(0, m.index - 50), m.index + 30).replace(/\s+/g, ' ')}…"`);
    expect(strangers).toEqual([]);
  });

  it('is made of report models as core writes them: its /data files validate against the schema', () => {
    expect(invalidDataFiles(OUT)).toEqual({ files: 3, problems: [] });
  });

  it('shows the sentinels themselves: the index of the latest audit, in both languages', () => {
    const index = model.orgs[0]!.audits[1]!.report.index!;
    for (const lang of ['en', 'zh']) {
      const text = visibleText(readFileSync(join(OUT, lang, 'harbour/autumn/index.html'), 'utf8'));
      expect(text).toContain(index.toLocaleString('en'));
    }
  });

  it('is never read from the environment: touchstone build shows its own workspace whatever TOUCHSTONE_SITE_MODEL says', () => {
    const out = join(DIR, 'minimal-site');
    const result = touchstone(['build', '--root', join(REPO, 'tests/fixtures/minimal'), '--out', out], { TOUCHSTONE_SITE_MODEL: join(DIR, 'site-model.json') });
    expect(result.code, result.stderr).toBe(0);
    const orgs = readdirSync(join(out, 'data'));
    expect(orgs.length).toBeGreaterThan(0);
    expect(orgs).not.toContain('harbour');
  });

  it.each([
    ['not JSON', '{ "orgs": [', /could not be read as JSON/],
    ['empty', '', /could not be read as JSON/],
    ['not a site model', '{"hello": "world"}', /is not a site model: it needs "orgs"/],
    ['a report of another schema', JSON.stringify({ ...model, orgs: [{ ...model.orgs[0], audits: [{ ...model.orgs[0]!.audits[0], report: { schemaVersion: 2 } }] }] }), /without a report model of schemaVersion 1/],
  ])('refuses a site-model file that is %s: one clear line naming the file, nothing written', (_, text, expected) => {
    const file = join(DIR, 'bad-model.json');
    writeFileSync(file, text);
    const out = join(DIR, 'bad-site');
    rmSync(out, { recursive: true, force: true });
    const script = `import { buildSite } from ${JSON.stringify(join(REPO, 'src/site/build-site.ts'))};
      try { await buildSite({ root: ${JSON.stringify(join(DIR, 'workspace'))}, out: ${JSON.stringify(out)}, siteModelFile: ${JSON.stringify(file)} }); }
      catch (error) { console.error(error.message); process.exit(1); }`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: REPO, encoding: 'utf8', env: childEnv(), timeout: 300_000 });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(expected);
    expect(result.stderr).toContain('bad-model.json');
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(() => readdirSync(out)).toThrow();
  }, 120_000);
});
