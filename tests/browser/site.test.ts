// The built report site in real Chromium: pages, accessibility, charts, languages, no-JS, escaping, PDF.
// Builds each workspace once with the real `touchstone build`, serves it on 127.0.0.1, then browses it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScoreResult } from '../../src/core/score-types.ts';
import { say } from '../../src/site/i18n.ts';
import { invalidDataFiles } from '../helpers/report-schema.ts';
import {
  axeViolations, buildSite, launch, pagePaths, REPO, sampleIsReady, serve, TMP, touchstone, watchErrors, type Site,
} from './helpers.ts';

const MINIMAL = join(REPO, 'tests/fixtures/minimal');
const HOSTILE = join(REPO, 'tests/browser/fixtures/hostile');
const withSample = sampleIsReady();

let browser: Browser;
const sites: Record<string, Site> = {};

beforeAll(async () => {
  mkdirSync(TMP, { recursive: true });
  const builds: [string, string][] = [['minimal', MINIMAL], ['hostile', HOSTILE]];
  if (withSample) builds.push(['sample', REPO]);
  for (const [name, root] of builds) sites[name] = await serve(buildSite(root, name));
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  for (const site of Object.values(sites)) await site.server.close();
});

/** One page of each type in each language, for a built site. */
function pageTypes(site: Site): string[] {
  const all = pagePaths(site.dir);
  const pick = (re: RegExp) => all.filter((p) => re.test(p)).slice(-1);
  return ['/', ...['en', 'zh'].flatMap((l) => [
    `/${l}/`,
    ...pick(new RegExp(`^/${l}/(?!questionnaires/|methodology/)[^/]+/$`)),
    ...pick(new RegExp(`^/${l}/(?!questionnaires/)[^/]+/[^/]+/$`)),
    ...pick(new RegExp(`^/${l}/questionnaires/[^/]+/[^/]+/$`)),
    `/${l}/methodology/`,
  ])];
}

function reports(site: Site, lang: 'en' | 'zh'): string[] {
  return pagePaths(site.dir).filter((p) => new RegExp(`^/${lang}/(?!questionnaires/)[^/]+/[^/]+/$`).test(p));
}

/** The data file of the audit a report page (/<lang>/<org>/<version>/) shows. */
function readJson(site: Site, reportPath: string): ScoreResult {
  const [, , org, version] = reportPath.split('/');
  return JSON.parse(readFileSync(join(site.dir, 'data', org!, `${version}.json`), 'utf8')) as ScoreResult;
}

const siteNames = ['minimal', ...(withSample ? ['sample'] : [])];

describe.each(siteNames)('the %s site', (name) => {
  it('has every page type in both languages, each loading with no console error and no WCAG 2.1 AA violation', async () => {
    const site = sites[name]!;
    const paths = pageTypes(site);
    expect(paths.length).toBe(11);
    const context = await browser.newContext();
    for (const path of paths) {
      const page = await context.newPage();
      const errors = watchErrors(page);
      const response = await page.goto(site.url + path, { waitUntil: 'load' });
      expect(response?.status(), path).toBe(200);
      if (path === '/') {
        await page.waitForURL(/\/(en|zh)\/$/);
        continue;
      }
      const lang = path.startsWith('/zh/') ? 'zh-Hans' : 'en';
      expect(await page.getAttribute('html', 'lang'), path).toBe(lang);
      expect(await page.locator('h1').count(), path).toBe(1);
      expect(await axeViolations(page), path).toEqual([]);
      expect(errors, path).toEqual([]);
      await page.close();
    }
    await context.close();
  });

  it('loads every page of the site without a console error', async () => {
    const site = sites[name]!;
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = watchErrors(page);
    for (const path of pagePaths(site.dir)) {
      await page.goto(site.url + path, { waitUntil: 'load' });
      // "/" leads on with a meta refresh: let it land, or it interrupts the next navigation.
      if (path === '/') await page.waitForURL(/\/(en|zh)\/$/);
      expect(errors, path).toEqual([]);
    }
    await context.close();
  });

  it('draws the trend chart on a canvas (non-blank pixels) with its data table', async () => {
    const site = sites[name]!;
    const trend = pageTypes(site).find((p) => /^\/en\/(?!questionnaires|methodology)[^/]+\/$/.test(p))!;
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(site.url + trend);
    const canvas = page.locator('canvas[data-trend]');
    await canvas.waitFor();
    // chart.js draws after the script runs: wait until the canvas holds painted pixels.
    const painted = await page.waitForFunction(() => {
      const c = document.querySelector<HTMLCanvasElement>('canvas[data-trend]');
      if (!c || c.width === 0 || c.height === 0) return 0;
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
      return n > 500 ? n : 0;
    });
    expect(await painted.jsonValue()).toBeGreaterThan(500);
    const box = await canvas.boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    expect(box!.height).toBeGreaterThan(100);
    expect(await page.locator('#trend-table tbody tr').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('keeps the page when switching language', async () => {
    const site = sites[name]!;
    const report = reports(site, 'en').at(-1)!;
    const page = await browser.newPage();
    for (const path of [report, report.replace(/\/$/, '').split('/').slice(0, 3).join('/') + '/', '/en/methodology/']) {
      await page.goto(site.url + path);
      await page.click('a.lang-switch');
      await page.waitForURL(site.url + path.replace(/^\/en\//, '/zh/'));
      expect(await page.getAttribute('html', 'lang')).toBe('zh-Hans');
      await page.click('a.lang-switch');
      await page.waitForURL(site.url + path);
      expect(await page.getAttribute('html', 'lang')).toBe('en');
    }
    // With JavaScript the switch also keeps the section being read.
    await page.goto(`${site.url}${report}#summary`);
    await page.click('a.lang-switch');
    await page.waitForURL(`${site.url}${report.replace(/^\/en\//, '/zh/')}#summary`);
    await page.close();
  });

  it('shows the index, driver scores and tables without JavaScript', async () => {
    const site = sites[name]!;
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}/`);
    await page.waitForURL(/\/(en|zh)\/$/); // the meta refresh needs no script
    for (const lang of ['en', 'zh'] as const) {
      for (const path of reports(site, lang)) {
        const result = readJson(site, path);
        await page.goto(site.url + path);
        const index = await page.locator('[data-testid="index"]').innerText();
        expect(index).toContain(result.index === null ? '—' : result.index.toFixed(1));
        for (const d of result.drivers) {
          const cell = page.locator(`#driver-table td[data-driver="${d.id}"]`);
          expect(await cell.locator('strong').innerText()).toBe(d.score === null ? '—' : d.score.toFixed(1));
          // …with its 90% interval beneath; none on fewer than 3 respondents (the minimal site's two).
          if (d.interval) expect(await cell.locator('.interval').innerText()).toBe(`${d.interval.low.toFixed(1)}–${d.interval.high.toFixed(1)}`);
          else expect(await cell.locator('.interval').count()).toBe(0);
          expect(await page.locator('#driver-table').innerText()).toContain(say(lang, d.name));
        }
        if (result.drivers.length >= 3) {
          // The summary radar is build-time SVG: there without JavaScript, one axis label per driver.
          const radar = (await page.locator('figure.radar svg').textContent())!.replace(/\s+/g, '');
          for (const d of result.drivers) expect(radar).toContain(say(lang, d.name).replace(/\s+/g, ''));
        }
        for (const q of result.drivers.flatMap((d) => d.questions)) expect(await page.locator(`[id="q-${q.id}"]`).count()).toBe(1);
        if (result.actions.length) expect(await page.locator('#actions ~ div table tbody tr').count()).toBe(result.actions.length);
      }
    }
    await context.close();
  });

  it('serves each audit\'s data as the object `touchstone score --json` prints, linked from the report in both languages', () => {
    const site = sites[name]!;
    const root = name === 'sample' ? REPO : MINIMAL;
    for (const path of reports(site, 'en').slice(-2)) {
      const [, , org, version] = path.split('/');
      const cli = touchstone(['score', `${org}/${version}`, '--root', root, '--json']);
      expect(cli.code).toBe(0);
      expect(readJson(site, path)).toEqual(JSON.parse(cli.stdout));
      for (const lang of ['en', 'zh']) {
        expect(readFileSync(join(site.dir, lang, org!, version!, 'index.html'), 'utf8')).toContain(`href="/data/${org}/${version}.json"`);
      }
    }
  });

  it('publishes every audit\'s data as a report model that schemas/report.schema.json describes', () => {
    const site = sites[name]!;
    const { files, problems } = invalidDataFiles(site.dir);
    expect(files).toBe(reports(site, 'en').length);
    expect(problems).toEqual([]);
  });

  it('fits a 375 px phone without horizontal page scroll', async () => {
    const site = sites[name]!;
    const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
    for (const path of pageTypes(site).filter((p) => p !== '/')) {
      await page.goto(site.url + path);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, path).toBeLessThanOrEqual(375);
    }
    await page.close();
  });

  it('keeps a report page within budget (JS ≤ 100 KB gzip, HTML ≤ 150 KB gzip)', () => {
    const site = sites[name]!;
    for (const path of [...reports(site, 'en'), ...reports(site, 'zh')]) {
      const html = readFileSync(join(site.dir, path, 'index.html'));
      expect(gzipSync(html).length, path).toBeLessThanOrEqual(150 * 1024);
      const scripts = [...html.toString().matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]!);
      const inline = [...html.toString().matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!).join('\n');
      const js = scripts.reduce((sum, src) => sum + gzipSync(readFileSync(join(site.dir, src))).length, 0) + gzipSync(inline).length;
      expect(js, path).toBeLessThanOrEqual(100 * 1024);
    }
  });
});

describe('the portfolio', () => {
  it('links each organisation to its trend and latest report, and sorts with JavaScript', async () => {
    const site = sites[withSample ? 'sample' : 'minimal']!;
    const page = await browser.newPage();
    await page.goto(`${site.url}/en/`);
    const rows = page.locator('#portfolio-table tbody tr');
    const n = await rows.count();
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) {
      const links = await rows.nth(i).locator('a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
      expect(links.some((l) => /^\/en\/[^/]+\/$/.test(l))).toBe(true);
      expect(links.some((l) => /^\/en\/[^/]+\/[^/]+\/$/.test(l))).toBe(true);
    }
    // Sorting by name ascending, then descending.
    const names = async () => rows.locator('th').evaluateAll((ths) => ths.map((t) => (t as HTMLElement).dataset.value ?? ''));
    await page.click('#portfolio-table thead th:nth-child(1) button');
    const asc = await names();
    expect(asc).toEqual([...asc].sort((a, b) => a.localeCompare(b, 'en')));
    await page.click('#portfolio-table thead th:nth-child(1) button');
    const desc = await names();
    expect(desc).toEqual([...asc].reverse());
    expect(await page.getAttribute('#portfolio-table thead th:nth-child(1)', 'aria-sort')).toBe('descending');
    await page.close();
  });
});

describe('hostile workspace text', () => {
  it('shows HTML and script payloads from names, roles, comments and evidence as text, and runs none', async () => {
    const site = sites.hostile!;
    const context = await browser.newContext();
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    for (const path of pagePaths(site.dir)) {
      await page.goto(site.url + path, { waitUntil: 'load' });
      if (path === '/') await page.waitForURL(/\/en\/$/);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), path).toBeUndefined();
      // No element from the payloads exists: no <img src=x>, no inline handlers, no <b>/<i>/<svg onload> from YAML.
      expect(await page.locator('img, [onerror], [onload], [onmouseover], a[href^="javascript:"]').count(), path).toBe(0);
    }
    expect(dialogs).toEqual([]);
    await page.goto(`${site.url}/en/acme/2026-q3/`);
    const text = await page.evaluate(() => document.body.textContent ?? '');
    for (const payload of [
      'Acme <script>window.__pwned=1</script> Retail',
      'Ada <img src=x onerror=window.__pwned=6> Chen',
      'Chief <script>window.__pwned=5</script> executive',
      '<script>window.__pwned=1</script> and <img src=x onerror=window.__pwned=7>',
      '</script><script>window.__pwned=11</script>',
      '<b onmouseover=window.__pwned=8>report</b>',
      '<a href=javascript:window.__pwned=10>click</a>',
      'Retail <b>bold</b>',
      'Eve <script>window.__pwned=4</script>',
      // The agreed plan followed up from 2026-q1 (actions.yaml) and the measured fact (facts.yaml).
      'Owner <script>window.__pwned=12</script> PMO',
      'Step <img src=x onerror=window.__pwned=13> one',
      'Desk <svg onload=window.__pwned=15> export',
      'Head <b onmouseover=window.__pwned=16>of</b> service',
    ]) expect(text, payload).toContain(payload);
    // Invisible direction overrides are shown as visible markers, never applied.
    expect(text).toContain('Refund slip [U+202E]gnp.exe[U+202C] attached');
    expect(text).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    // A 300-letter word does not push the page wider than a phone.
    const phone = await context.newPage();
    await phone.setViewportSize({ width: 375, height: 800 });
    await phone.goto(`${site.url}/en/acme/2026-q3/`);
    await phone.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
    expect(await phone.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(375);
    await phone.close();
    // The only scripts on the page are the site's own: bundles or its small inline modules, none from the workspace.
    const scripts = await page.locator('script').evaluateAll((s) => s.map((x) => ({ src: (x as HTMLScriptElement).src, text: x.textContent ?? '' })));
    for (const s of scripts) {
      if (s.src) expect(s.src).toMatch(/\/_astro\/.+\.js$/);
      expect(s.text).not.toContain('pwned');
    }
    // notes.mdx is rendered (as checked Markdown, src/site/notes-render.ts), with its components bound to the report.
    expect(await page.locator('#notes ~ .notes-body a.inline-score').first().innerText()).toMatch(/Momentum\s+\d/);
    await context.close();
  });

  it('hides organisation names in the portfolio comparison when the workspace says so', async () => {
    const site = sites.hostile!;
    const page = await browser.newPage();
    await page.goto(`${site.url}/en/`);
    const comparison = await page.locator('section[aria-labelledby="comparison"]').innerText();
    expect(comparison).toContain('Organisation A');
    expect(comparison).not.toContain('Acme');
    expect(await page.locator('section[aria-labelledby="comparison"] a').count()).toBe(0);
    await page.close();
  });

  it('never names respondents of an anonymous audit, in the page or in its JSON', async () => {
    const site = sites.hostile!;
    // Anonymous and aggregates-only models are report models too.
    expect(invalidDataFiles(site.dir).problems).toEqual([]);
    for (const lang of ['en', 'zh']) {
      const html = readFileSync(join(site.dir, lang, 'acme/2026-q1/index.html'), 'utf8');
      const json = readFileSync(join(site.dir, 'data/acme/2026-q1.json'), 'utf8');
      for (const text of [html, json]) {
        expect(text).not.toContain('Ada Chen');
        expect(text).not.toContain('responses/ceo.yaml');
        // A role held by one person would name them too (min-role-size, default 3).
        expect(text).not.toContain('Chief executive');
      }
      // Two respondents, under the default minimum of 3: totals only, and the page says so.
      expect(html).toContain(lang === 'en' ? 'only totals are published' : '仅发布汇总结果');
      expect(html).not.toContain(lang === 'en' ? 'Respondent #' : '答卷人 #');
    }
    // …while the named audit does show the name (so the check above can fail).
    expect(readFileSync(join(site.dir, 'en/acme/2026-q3/index.html'), 'utf8')).toContain('Ada &lt;img');
  });
});

describe('touchstone pdf', () => {
  const hasPdftotext = spawnSync('pdftotext', ['-v']).status === 0;

  it.each(['en', 'zh'] as const)('prints the report to an A4 PDF holding the index and every driver name (%s)', async (lang) => {
    const name = withSample ? 'sample' : 'minimal';
    const site = sites[name]!;
    const root = withSample ? REPO : MINIMAL;
    const report = reports(site, lang).at(-1)!;
    const [, , org, version] = report.split('/');
    const out = join(TMP, `report-${name}-${lang}.pdf`);
    const result = touchstone(['pdf', `${org}/${version}`, '--root', root, '--lang', lang, '--out', out, '--site', site.dir]);
    expect(result.code, result.stderr).toBe(0);
    const bytes = readFileSync(out);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    // A4 is 595 × 842 points; Chromium writes one MediaBox per page.
    const boxes = [...bytes.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)];
    expect(boxes.length).toBeGreaterThan(0);
    for (const [, w, h] of boxes) {
      expect(Math.abs(Number(w) - 595.3)).toBeLessThan(2);
      expect(Math.abs(Number(h) - 841.9)).toBeLessThan(2);
    }
    expect(hasPdftotext, 'pdftotext (poppler-utils) is needed to read the PDF').toBe(true);
    const text = spawnSync('pdftotext', ['-enc', 'UTF-8', out, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    const result2 = readJson(site, report);
    expect(text).toContain(result2.index!.toFixed(1));
    for (const d of result2.drivers) expect(text).toContain(say(lang, d.name));
    // The summary chart is vector SVG, so its labels are text in the PDF too.
    expect(text).toContain(lang === 'en' ? 'Best in class' : '业界最佳');
  });

  it('prints the URL of evidence after its link text, and every trace even though it is folded on screen', () => {
    const site = sites.hostile!;
    const out = join(TMP, 'report-hostile.pdf');
    const result = touchstone(['pdf', 'acme/2026-q3', '--root', HOSTILE, '--lang', 'en', '--out', out, '--site', site.dir]);
    expect(result.code, result.stderr).toBe(0);
    const text = spawnSync('pdftotext', ['-enc', 'UTF-8', out, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    expect(text).toContain('<b onmouseover=window.__pwned=8>report</b> <https://intranet.example/owners?q=<script>>');
    expect(text).toContain('<script>window.__pwned=1</script> and <img src=x onerror=window.__pwned=7>');
  });

  it('builds the site itself when no --site is given, and refuses an unknown audit', () => {
    const out = join(TMP, 'report-built.pdf');
    const ok = touchstone(['pdf', 'acme/2026-q1', '--root', MINIMAL, '--out', out]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(statSync(out).size).toBeGreaterThan(1000);
    const bad = touchstone(['pdf', 'acme/1999-q1', '--root', MINIMAL, '--out', join(TMP, 'never.pdf')]);
    expect(bad.code).toBe(2); // a version the workspace does not have is a usage error
    expect(bad.stderr).toContain('"acme" has no audit version "1999-q1"');
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(TMP, 'never.pdf'))).toBe(false);
  });
});

describe('README screenshot', () => {
  // A test run leaves the checkout as it was: the README's screenshot is rewritten only when asked
  // (TOUCHSTONE_UPDATE_SCREENSHOT=1 npm test), and is otherwise taken into the tests' own folder.
  it('saves a 1280 px report screenshot (docs/screenshot-report.png with TOUCHSTONE_UPDATE_SCREENSHOT=1)', async () => {
    const site = sites[withSample ? 'sample' : 'minimal']!;
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await page.goto(site.url + reports(site, 'en').at(-1)!);
    const dir = process.env.TOUCHSTONE_UPDATE_SCREENSHOT === '1' ? join(REPO, 'docs') : TMP;
    mkdirSync(dir, { recursive: true });
    const path = join(dir, 'screenshot-report.png');
    await page.screenshot({ path, fullPage: false });
    expect(readFileSync(path).subarray(1, 4).toString()).toBe('PNG');
    await page.close();
  });
});
