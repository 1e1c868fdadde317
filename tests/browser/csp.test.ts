// The Content-Security-Policy of the built site (src/site/csp.ts) in real Chromium: every page of the
// sample and of a client-like workspace (the hostile fixture), and a site built with --base, carries
// the policy, and loads, hydrates, validates, presents and draws charts under it without a single
// violation (console or securitypolicyviolation event) or page error.
import type { ChildProcess } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSP_HEADER } from '../../src/site/csp.ts';
import { buildSite, launch, pagePaths, REPO, sampleIsReady, serve, TMP, startDev, touchstone, watchErrors, type Site } from './helpers.ts';

const HOSTILE = join(REPO, 'tests/browser/fixtures/hostile');
const MINIMAL = join(REPO, 'tests/fixtures/minimal');
const BASE = '/reports/';
const withSample = sampleIsReady();

let browser: Browser;
const sites: Record<string, Site & { base: string }> = {};

beforeAll(async () => {
  sites.hostile = { ...(await serve(buildSite(HOSTILE, 'csp-hostile'))), base: '/' };
  if (withSample) sites.sample = { ...(await serve(buildSite(REPO, 'csp-sample'))), base: '/' };
  // A site served under a path: built into <folder>/reports/, the folder served at the root.
  const parent = join(TMP, 'site-csp-base');
  rmSync(parent, { recursive: true, force: true });
  const built = touchstone(['build', '--root', MINIMAL, '--out', join(parent, 'reports'), '--base', BASE]);
  if (built.code !== 0) throw new Error(`touchstone build --base failed:\n${built.stdout}\n${built.stderr}`);
  const server = await serve(parent);
  sites.base = { ...server, dir: join(parent, 'reports'), base: BASE };
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  for (const site of Object.values(sites)) await site.server.close();
});

const siteNames = ['hostile', 'base', ...(withSample ? ['sample'] : [])];

/** Every HTML file of a built site, relative to it (pages, the 404 page, the root redirect). */
function htmlFiles(dir: string, sub = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
    const path = sub ? `${sub}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...htmlFiles(dir, path));
    else if (entry.name.endsWith('.html')) out.push(path);
  }
  return out.sort();
}

const META = /<meta http-equiv="content-security-policy" content="([^"]*)">/g;

/** The policy's directives: name → sources. */
function directives(policy: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of policy.split(';').map((p) => p.trim()).filter(Boolean)) {
    const [name, ...sources] = part.split(/\s+/);
    expect(out.has(name!), `${name} twice`).toBe(false);
    out.set(name!, sources);
  }
  return out;
}

/** What the site's policy must say, whatever the page. */
function expectStrict(policy: string, where: string): void {
  const d = directives(policy);
  expect(d.get('default-src'), where).toEqual(["'none'"]);
  expect(d.get('object-src'), where).toEqual(["'none'"]);
  expect(d.get('base-uri'), where).toEqual(["'none'"]);
  expect(d.get('form-action'), where).toEqual(["'none'"]);
  expect(d.get('img-src'), where).toEqual(["'self'"]);
  for (const name of ['script-src', 'style-src']) {
    expect(d.get(name), `${where}: ${name}`).toContain("'self'");
    expect(d.get(name)!.filter((s) => s.startsWith("'sha256-")).length, `${where}: ${name} hashes`).toBeGreaterThan(0);
  }
  // Only the site itself, hashes, or nothing: no 'unsafe-…', no other origin, scheme or wildcard.
  for (const [name, sources] of d) {
    for (const source of sources) expect(source, `${where}: ${name}`).toMatch(/^(?:'self'|'none'|'sha256-[A-Za-z0-9+/]+={0,2}')$/);
  }
  // A <meta> policy cannot carry these (the browser would ignore them and say so in the console).
  for (const name of ['frame-ancestors', 'report-uri', 'sandbox']) expect(d.has(name), `${where}: ${name}`).toBe(false);
}

/** Records policy violations as the page sees them, from before its first byte. */
const RECORD_VIOLATIONS = () => {
  const seen: string[] = [];
  (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
  document.addEventListener('securitypolicyviolation', (e) => {
    seen.push(`${e.effectiveDirective} refused ${e.blockedURI || 'inline'}${e.sample ? `: ${e.sample}` : ''}`);
  }, true);
};

async function watchedContext(): Promise<BrowserContext> {
  const context = await browser.newContext();
  await context.addInitScript(RECORD_VIOLATIONS);
  return context;
}

const violations = (page: Page) => page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? ['(the recorder did not run)']);

/** The URL of a site page path such as /en/ (paths are relative to the site's base). */
const urlOf = (site: Site & { base: string }, path: string) => new URL(site.base + path.replace(/^\//, ''), site.url).href;

describe.each(siteNames)('the Content-Security-Policy of the %s site', (name) => {
  it('is in every HTML file, once, before any script or style, and allows nothing unsafe and no other origin', () => {
    const site = sites[name]!;
    const files = htmlFiles(site.dir);
    expect(files.length).toBeGreaterThan(5);
    expect(files).toContain('404.html');
    for (const file of files) {
      const html = readFileSync(join(site.dir, file), 'utf8');
      const metas = [...html.matchAll(META)];
      expect(metas.length, file).toBe(1);
      const at = metas[0]!.index;
      const firstActive = html.search(/<script|<style|<link[^>]+rel="(?:stylesheet|modulepreload)"/);
      if (firstActive >= 0) expect(at, `${file}: the policy comes after a script or style`).toBeLessThan(firstActive);
      expect(at, file).toBeLessThan(html.indexOf('</head>'));
      expectStrict(metas[0]![1]!.replaceAll('&#39;', "'"), file);
      // What the policy forbids is not in the page either: no style="" attribute, no inline handler.
      expect(html, file).not.toMatch(/<[a-z][^>]*\sstyle="/i);
      expect(html, file).not.toMatch(/<[a-z][^>]*\son[a-z]+="/i);
    }
  });

  it('lets every page load, hydrate and run with no violation and no error', async () => {
    const site = sites[name]!;
    const context = await watchedContext();
    const page = await context.newPage();
    const errors = watchErrors(page);
    const paths = pagePaths(site.dir);
    expect(paths.length).toBeGreaterThan(5);
    for (const path of [...paths, '/no-such-page/']) {
      await page.goto(urlOf(site, path), { waitUntil: 'networkidle' });
      if (path.includes('/answer/')) await page.waitForSelector('astro-island:not([ssr])', { state: 'attached' });
      expect(await violations(page), path).toEqual([]);
    }
    // The 404 page's own status is the one expected error; nothing else.
    expect(errors.filter((e) => !/^http 404: .*\/no-such-page\/$/.test(e) && !/404 \(Not Found\)/.test(e)), name).toEqual([]);
    await context.close();
  });
});

describe('under the Content-Security-Policy', () => {
  it('is documented, with the header a host can add, as src/site/csp.ts has it', () => {
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    expect(readme).toContain(`\nContent-Security-Policy: ${CSP_HEADER}\n`);
    // The header adds only what a <meta> cannot carry and repeats what every page says anyway.
    const header = directives(CSP_HEADER);
    expect([...header.keys()].sort()).toEqual(['base-uri', 'form-action', 'frame-ancestors', 'object-src']);
    for (const sources of header.values()) expect(sources).toEqual(["'none'"]);
  });

  const answerPages = () => {
    const site = sites.sample ?? sites.hostile!;
    return { site, paths: pagePaths(site.dir).filter((p) => p.endsWith('/answer/')) };
  };

  it('refuses what it should: eval, injected scripts, inline handlers and style attributes', async () => {
    const { site, paths } = answerPages();
    const context = await watchedContext();
    const page = await context.newPage();
    await page.goto(urlOf(site, paths[0]!), { waitUntil: 'networkidle' });
    // Code evaluated over the DevTools protocol is exempt from the policy; what the page itself would
    // run is not: a string timer (eval), an injected inline script, an inline handler, a style attribute.
    await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      (setTimeout as unknown as (code: string, ms: number) => void)('window.__evaluated = true', 0);
      const s = document.createElement('script');
      s.textContent = 'window.__injected = true';
      document.head.append(s);
      const b = document.createElement('button');
      b.setAttribute('onclick', 'window.__clicked = true');
      document.body.append(b);
      b.click();
      const d = document.createElement('div');
      d.innerHTML = '<span style="color: red">x</span>';
      document.body.append(d);
      w.__styled = getComputedStyle(d.firstElementChild!).color;
    });
    await expect.poll(() => violations(page)).toHaveLength(4);
    const ran = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      return { evaluated: w.__evaluated ?? false, injected: w.__injected ?? false, clicked: w.__clicked ?? false, red: w.__styled === 'rgb(255, 0, 0)' };
    });
    expect(ran).toEqual({ evaluated: false, injected: false, clicked: false, red: false });
    expect((await violations(page)).map((v) => v.split(' ')[0]).sort()).toEqual(['script-src', 'script-src-attr', 'script-src-elem', 'style-src-attr']);
    await context.close();
  });

  it.each(['en', 'zh'])('the answer form validates as the participant types, with the precompiled validator (%s)', async (lang) => {
    const { site, paths } = answerPages();
    const path = paths.find((p) => p.startsWith(`/${lang}/`))!;
    const context = await watchedContext();
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(urlOf(site, path), { waitUntil: 'load' });
    await page.waitForSelector('astro-island:not([ssr])', { state: 'attached' });
    await page.fill('#respondent-id', 'Not A Slug');
    await page.fill('#respondent-role', 'Tester');
    const box = page.locator('fieldset.cq').first();
    await box.locator('input[type="radio"]').first().check();
    const check = page.locator('[data-testid="check"]');
    await expect.poll(() => check.innerText()).toContain(lang === 'en' ? 'use lower-case letters' : '只能使用小写字母');
    expect(await page.locator('[data-testid="download"]').count()).toBe(0);
    // ajv's own message (ajv-i18n's in Chinese): the role may not be empty.
    await page.fill('#respondent-role', '');
    await expect.poll(() => check.innerText()).toContain(lang === 'en' ? 'must NOT have fewer than 1 characters' : '不应少于 1 个字符');
    await page.fill('#respondent-id', 'tester');
    await page.fill('#respondent-role', 'Tester');
    await expect.poll(() => check.innerText()).not.toContain(lang === 'en' ? 'use lower-case letters' : '只能使用小写字母');
    await page.locator('[data-testid="download"]').waitFor();
    expect(await violations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the presenter view steps through its slides, with its bars drawn', async () => {
    const site = sites.sample ?? sites.hostile!;
    const path = pagePaths(site.dir).find((p) => p.endsWith('/present/'))!;
    const context = await watchedContext();
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(urlOf(site, path), { waitUntil: 'networkidle' });
    const ids = await page.locator('[data-slide]').evaluateAll((s) => s.map((x) => x.id));
    const visible = () => page.locator('[data-slide]').evaluateAll((s) => s.filter((x) => x.getClientRects().length > 0).map((x) => x.id));
    expect(await visible()).toEqual([ids[0]]);
    await page.keyboard.press('ArrowRight');
    expect(await visible()).toEqual([ids[1]]);
    await page.keyboard.press('End');
    expect(await visible()).toEqual([ids[ids.length - 1]]);
    await page.keyboard.press('Home');
    // Each driver's bar is as long as its score, without a style attribute.
    const bars = await page.locator('svg.bar').evaluateAll((svgs) => svgs.map((svg) => {
      const track = svg.querySelector('.track')!.getBoundingClientRect().width;
      const you = svg.querySelector('.you')!;
      return { share: you.getBoundingClientRect().width / track, score: Number(you.getAttribute('width')) / 100 };
    }));
    expect(bars.length).toBeGreaterThan(2);
    for (const bar of bars) expect(bar.share).toBeCloseTo(bar.score, 2);
    expect(await violations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the trend chart draws on its canvas', async () => {
    const site = sites.sample ?? sites.hostile!;
    const context = await watchedContext();
    const page = await context.newPage();
    const errors = watchErrors(page);
    const trends = pagePaths(site.dir).filter((p) => /^\/(en|zh)\/(?!questionnaires\/|methodology\/)[^/]+\/$/.test(p));
    let drawn = 0;
    for (const path of trends) {
      await page.goto(urlOf(site, path), { waitUntil: 'networkidle' });
      if (await page.locator('canvas[data-trend]').count() === 0) continue;
      await expect.poll(() => page.evaluate(() => {
        const c = document.querySelector<HTMLCanvasElement>('canvas[data-trend]')!;
        const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let painted = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted++;
        return painted;
      })).toBeGreaterThan(500);
      expect(await violations(page), path).toEqual([]);
      drawn++;
    }
    expect(drawn).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('touchstone dev', () => {
  let child: ChildProcess | undefined;
  afterAll(() => { if (child && child.exitCode === null) child.kill('SIGTERM'); });

  // Documented in the README: the dev server sends no policy (Vite's hot reload injects inline
  // scripts and styles), and serves the same precompiled validator as a build.
  it('sends no policy, and its answer form validates with the precompiled validator', async () => {
    const ws = join(TMP, 'ws-csp-dev');
    rmSync(ws, { recursive: true, force: true });
    cpSync(MINIMAL, ws, { recursive: true });
    const dev = await startDev(ws);
    child = dev.child;
    const { url } = dev;
    const path = 'en/questionnaires/mini/1.0.0/answer/';
    const html = await (await fetch(url + path)).text();
    expect(html).not.toContain('content-security-policy');
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(url + path, { waitUntil: 'load' });
    await page.waitForSelector('astro-island:not([ssr])', { state: 'attached', timeout: 30_000 });
    await page.fill('#respondent-id', 'Not A Slug');
    const check = page.locator('[data-testid="check"]');
    await expect.poll(() => check.innerText(), { timeout: 30_000 }).toContain('use lower-case letters');
    expect(errors.filter((e) => !/\[vite\]/.test(e))).toEqual([]);
    await context.close();
    child.kill('SIGTERM');
    rmSync(ws, { recursive: true, force: true });
  });
});
