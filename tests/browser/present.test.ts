// The presenter view (/<lang>/<org>/<version>/present/) in real Chromium: slides, keyboard, hash,
// accessibility, no-JS long page, offline, anonymity. Builds its own sites (own output folders).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScoreResult } from '../../src/core/score-types.ts';
import { removeWorkspace, workspaceFrom } from '../helpers/cli.ts';
import { axeViolations, buildSite, launch, REPO, sampleIsReady, serve, watchErrors, type Site } from './helpers.ts';

const MINIMAL = join(REPO, 'tests/fixtures/minimal');
const HOSTILE = join(REPO, 'tests/browser/fixtures/hostile');
const PRESENT = '/en/acme/2026-q3/present/';

let browser: Browser;
let minimal: Site;
let hostile: Site;
let anonymous: Site;
let anonymousRoot: string;

beforeAll(async () => {
  minimal = await serve(buildSite(MINIMAL, 'present-minimal'));
  hostile = await serve(buildSite(HOSTILE, 'present-hostile'));
  // The minimal audit made anonymous: it has a disputed question whose two respondents must not be named.
  // min-role-size 2: two respondents are enough to show answers one by one (below it, only totals).
  anonymousRoot = workspaceFrom('minimal', { 'audits/acme/2026-q3/audit.yaml': { edit: (t) => `${t.trimEnd()}\nanonymous: true\nmin-role-size: 2\n` } });
  anonymous = await serve(buildSite(anonymousRoot, 'present-anonymous'));
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await minimal?.server.close();
  await hostile?.server.close();
  await anonymous?.server.close();
  if (anonymousRoot) removeWorkspace(anonymousRoot);
});

const report = (site: Site, version: string) =>
  JSON.parse(readFileSync(join(site.dir, 'data', 'acme', `${version}.json`), 'utf8')) as ScoreResult;

/** The id of the one slide shown, and whether it has focus. */
async function shown(page: Page): Promise<{ visible: string[]; focused: string | null }> {
  return page.evaluate(() => ({
    visible: [...document.querySelectorAll<HTMLElement>('[data-slide]')].filter((s) => s.offsetParent !== null || s.getClientRects().length > 0).map((s) => s.id),
    focused: document.activeElement?.closest('[data-slide]')?.id ?? null,
  }));
}

describe('the presenter view', () => {
  it.each(['en', 'zh'])('exists for every audit version in %s, with <html lang>, one h1, a link back to the report, and no WCAG 2.1 AA violation on any slide', async (lang) => {
    const context = await browser.newContext();
    for (const version of ['2026-q1', '2026-q3']) {
      const page = await context.newPage();
      const errors = watchErrors(page);
      const path = `/${lang}/acme/${version}/present/`;
      const response = await page.goto(minimal.url + path, { waitUntil: 'load' });
      expect(response?.status(), path).toBe(200);
      expect(await page.getAttribute('html', 'lang')).toBe(lang === 'en' ? 'en' : 'zh-Hans');
      expect(await page.locator('h1').count()).toBe(1);
      expect(await page.locator('[data-testid="back-to-report"]').evaluate((a) => (a as HTMLAnchorElement).pathname)).toBe(`/${lang}/acme/${version}/`);
      const ids = await page.locator('[data-slide]').evaluateAll((s) => s.map((x) => x.id));
      for (const id of ids) {
        await page.goto(`${minimal.url}${path}#${id}`);
        expect((await shown(page)).visible).toEqual([id]);
        expect(await axeViolations(page), `${path}#${id}`).toEqual([]);
      }
      // The long page (what a browser without JavaScript shows) passes too.
      await page.evaluate(() => {
        document.documentElement.classList.remove('deck-js');
        for (const s of document.querySelectorAll('[data-slide]')) s.removeAttribute('hidden');
      });
      expect(await axeViolations(page), `${path} (all slides)`).toEqual([]);
      expect(errors, path).toEqual([]);
      await page.close();
    }
    await context.close();
  });

  it('has a first slide with the index, one slide per driver and part, and a last slide with the top three actions', async () => {
    const r = report(minimal, '2026-q3');
    const page = await browser.newPage();
    await page.goto(minimal.url + PRESENT);
    const ids = await page.locator('[data-slide]').evaluateAll((s) => s.map((x) => x.id));
    expect(ids[0]).toBe('intro');
    expect(ids.at(-1)).toBe('actions');
    for (const d of r.drivers) expect(ids).toContain(`part-${d.id}`);
    expect(await page.locator('[data-testid="present-index"]').innerText()).toContain(r.index!.toFixed(1));
    expect(await page.locator('#actions ol.top-actions > li').count()).toBe(Math.min(3, r.actions.length));
    await page.close();
  });

  it('navigates with the keyboard and the buttons, keeps the slide in the hash across a reload, and logs no error', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = watchErrors(page);
    await page.goto(minimal.url + PRESENT);
    const ids = await page.locator('[data-slide]').evaluateAll((s) => s.map((x) => x.id));
    expect((await shown(page)).visible).toEqual(['intro']);

    await page.keyboard.press('ArrowRight');
    expect(await shown(page)).toEqual({ visible: [ids[1]], focused: ids[1] });
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#${ids[1]}`);
    expect(await page.locator(`#${ids[1]} h2`).isVisible()).toBe(true);

    await page.keyboard.press('PageDown');
    expect(await shown(page)).toEqual({ visible: [ids[2]], focused: ids[2] });
    await page.reload();
    expect((await shown(page)).visible).toEqual([ids[2]]);

    await page.keyboard.press('PageUp');
    expect((await shown(page)).visible).toEqual([ids[1]]);
    await page.keyboard.press('ArrowLeft');
    expect((await shown(page)).visible).toEqual(['intro']);
    await page.keyboard.press('ArrowLeft');
    expect((await shown(page)).visible).toEqual(['intro']);

    await page.keyboard.press('End');
    expect(await shown(page)).toEqual({ visible: ['actions'], focused: 'actions' });
    expect(await page.isDisabled('button[data-deck="next"]')).toBe(true);
    await page.keyboard.press('Home');
    expect(await shown(page)).toEqual({ visible: ['intro'], focused: 'intro' });
    expect(await page.isDisabled('button[data-deck="prev"]')).toBe(true);

    // The visible buttons, and the in-slide links, do the same.
    await page.click('button[data-deck="next"]');
    expect((await shown(page)).visible).toEqual([ids[1]]);
    await page.click('button[data-deck="prev"]');
    expect((await shown(page)).visible).toEqual(['intro']);
    await page.click('#intro .slide-nav a[rel="next"]');
    await expect.poll(async () => (await shown(page)).visible).toEqual([ids[1]]);

    // A link to a slide opens on it.
    await page.goto(`${minimal.url}${PRESENT}#part-reliability`);
    expect((await shown(page)).visible).toEqual(['part-reliability']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('ignores a hash it cannot decode: opens on the first slide, and its navigation still works', async () => {
    for (const hash of ['#%E0%A4%A', '#%', '#%ff%fe']) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const errors = watchErrors(page);
      await page.goto(`${minimal.url}${PRESENT}${hash}`);
      expect((await shown(page)).visible, hash).toEqual(['intro']);
      await page.keyboard.press('ArrowRight');
      const ids = await page.locator('[data-slide]').evaluateAll((s) => s.map((x) => x.id));
      expect((await shown(page)).visible, hash).toEqual([ids[1]]);
      await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#${ids[1]}`);
      // The same hash arriving later (a link in the page, or typed into the address bar) is ignored too.
      await page.evaluate((h) => { location.hash = h; }, hash);
      await expect.poll(async () => (await shown(page)).visible).toEqual(['intro']);
      await page.click('button[data-deck="next"]');
      expect((await shown(page)).visible, hash).toEqual([ids[1]]);
      expect(errors, hash).toEqual([]);
      await page.close();
    }
  });

  it('shows the disputed questions first, with each respondent’s level side by side', async () => {
    const r = report(minimal, '2026-q3');
    const reliability = r.drivers.find((d) => d.id === 'reliability')!;
    // Widest disagreement first (a stable sort keeps the questionnaire's order on ties).
    const disputed = reliability.questions.filter((q) => q.disputed).sort((a, b) => (b.max! - b.min!) - (a.max! - a.min!));
    expect(disputed.length).toBeGreaterThan(0);
    const page = await browser.newPage();
    await page.goto(`${minimal.url}${PRESENT}#part-reliability`);
    const slide = page.locator('#part-reliability');
    const first = slide.locator('article.dispute').first();
    expect(await first.getAttribute('id')).toBe(`d-${disputed[0]!.id}`);
    // The disputed block comes before the table of the other questions.
    const order = await slide.evaluate((s) => {
      const d = s.querySelector('article.dispute');
      const tbl = s.querySelector('table');
      return !tbl || Boolean(d && d.compareDocumentPosition(tbl) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    expect(order).toBe(true);
    const votes = await first.locator('ul.votes > li').allInnerTexts();
    expect(votes.length).toBe(disputed[0]!.answers.length);
    const levels = disputed[0]!.answers.map((a) => String(a.answer)).sort();
    expect(votes.map((v) => v.match(/\b(\d+)\b/)?.[1]).sort()).toEqual(levels);
    expect(votes.join(' ')).toContain('Store operations');
    // Laid out side by side: the cards share one row.
    const tops = await first.locator('ul.votes > li').evaluateAll((li) => li.map((x) => Math.round(x.getBoundingClientRect().top)));
    expect(new Set(tops).size).toBe(1);
    await page.close();
  });

  it('zooms a slide taller than the window out to fit it, down to a readable minimum, and back when there is room', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const pageHeight = () => page.evaluate(() => ({ page: document.documentElement.scrollHeight, window: window.innerHeight }));
    const zoomOf = (id: string) => page.locator(`#${id}`).evaluate((s) => Number((s as HTMLElement).style.zoom || 1));
    await page.goto(`${minimal.url}${PRESENT}#intro`);
    expect(await zoomOf('intro')).toBe(1); // it fits as it is
    // A window too low for the slide: zoomed out until the page fits, or to 0.6 and scrolling.
    await page.setViewportSize({ width: 1280, height: 420 });
    await expect.poll(() => zoomOf('intro')).toBeLessThan(1);
    const zoom = await zoomOf('intro');
    const { page: height, window: room } = await pageHeight();
    if (zoom > 0.6) expect(height).toBeLessThanOrEqual(room + 1);
    else expect(zoom).toBe(0.6);
    // Room again (a larger projector, full screen): full size.
    await page.setViewportSize({ width: 1280, height: 1400 });
    await expect.poll(() => zoomOf('intro')).toBe(1);
    await context.close();
  });

  it('works without JavaScript as one long page of sections', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(minimal.url + PRESENT);
    const all = await page.locator('[data-slide]').count();
    expect((await shown(page)).visible.length).toBe(all);
    expect(await page.locator('button[data-deck]:visible').count()).toBe(0);
    // The in-slide links move along the page.
    expect(await page.locator('#intro .slide-nav a[rel="next"]').getAttribute('href')).toMatch(/^#part-/);
    await context.close();
  });

  it('loads nothing from outside the site (works offline)', async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(minimal.url + PRESENT, { waitUntil: 'load' });
    expect(requests.length).toBeGreaterThan(0);
    for (const url of requests) expect(url.startsWith(minimal.url) || url.startsWith('data:') || url.startsWith('blob:'), url).toBe(true);
    const html = readFileSync(join(minimal.dir, 'en/acme/2026-q3/present/index.html'), 'utf8');
    expect(html).not.toMatch(/<link[^>]+rel="stylesheet"[^>]+href="https?:/);
    expect(html).not.toMatch(/<script[^>]+src="https?:/);
    await page.close();
  });

  it('shows the respondents of an anonymous audit by pseudonym (and role only when enough share it), never by name or id', async () => {
    const page = await browser.newPage();
    for (const lang of ['en', 'zh'] as const) {
      await page.goto(`${anonymous.url}/${lang}/acme/2026-q3/present/#part-reliability`);
      const votes = await page.locator('#part-reliability article.dispute').first().locator('ul.votes > li .who').allInnerTexts();
      expect(votes.length).toBe(2);
      for (const v of votes) expect(v).toMatch(lang === 'en' ? /^Respondent #\d$/ : /^答卷人 #\d$/);
      const html = readFileSync(join(anonymous.dir, lang, 'acme/2026-q3/present/index.html'), 'utf8');
      for (const secret of ['Ada Chen', 'Chief executive', 'Store operations', 'store-ops', 'ceo.yaml']) expect(html, secret).not.toContain(secret);
    }
    await page.close();
  });

  it('shows hostile text as text and runs none of it, and never names the respondents of an anonymous audit', async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    for (const lang of ['en', 'zh']) {
      const html = readFileSync(join(hostile.dir, lang, 'acme/2026-q1/present/index.html'), 'utf8');
      expect(html).not.toContain('Ada Chen');
      expect(html).not.toContain('responses/ceo.yaml');
      expect(html).not.toContain('Chief executive');
      for (const version of ['2026-q1', '2026-q3']) {
        await page.goto(`${hostile.url}/${lang}/acme/${version}/present/`, { waitUntil: 'load' });
        expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
        expect(await page.locator('img, [onerror], [onload], [onmouseover], a[href^="javascript:"]').count()).toBe(0);
      }
    }
    await page.goto(`${hostile.url}/en/acme/2026-q3/present/`);
    expect(await page.locator('h1').innerText()).toContain('Acme <script>window.__pwned=1</script> Retail');
    expect(dialogs).toEqual([]);
    await page.close();
  });
});

// The sample portfolio's largest deck: 7 respondents, long benchmark questions, 16 recovery questions.
describe.skipIf(!sampleIsReady())('presenter view of the sample portfolio', () => {
  let sample: Site;
  beforeAll(async () => { sample = await serve(buildSite(REPO, 'present-sample')); });
  afterAll(async () => { await sample?.server.close(); });

  it.each(['en', 'zh'])('fits every slide on a 1280 × 720 projector, and shows each question of a part once across its slides (%s)', async (lang) => {
    const r = JSON.parse(readFileSync(join(sample.dir, 'data', 'swiftparcel', '2026-h1.json'), 'utf8')) as ScoreResult;
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.goto(`${sample.url}/${lang}/swiftparcel/2026-h1/present/`);
    const ids = await page.locator('[data-slide]').evaluateAll((s) => s.map((x) => x.id));
    const zooms: number[] = [];
    for (const id of ids) {
      await page.evaluate((hash) => { location.hash = hash; }, id);
      await expect.poll(() => page.evaluate(() => document.querySelector<HTMLElement>('[data-slide]:not([hidden])')?.id)).toBe(id);
      const { overflow, zoom, content } = await page.evaluate((slide) => {
        const root = document.documentElement;
        const shown = { overflow: root.scrollHeight - window.innerHeight, zoom: Number(document.getElementById(slide)!.style.zoom || 1) };
        root.classList.add('deck-measuring'); // the content's own height, without the fill of the window
        const content = root.scrollHeight;
        root.classList.remove('deck-measuring');
        return { ...shown, content };
      }, id);
      expect(overflow, `${id} scrolls by ${overflow}px at zoom ${zoom}`).toBeLessThanOrEqual(1);
      // Shrunk only as far as needed: a zoomed-out slide's content still fills the window.
      if (zoom < 1) expect(content / 720, `${id} at zoom ${zoom}`).toBeGreaterThan(0.95);
      zooms.push(zoom);
    }
    expect(zooms.filter((z) => z === 1).length, 'slides shown at full size').toBeGreaterThan(0);
    // In a dispute card, each level's description once, on the first card of those who gave it
    // (levels only: "n/a" and a blank have none).
    const cards = await page.locator('article.dispute').evaluateAll((articles) => articles.map((a) => ({
      levels: new Set([...a.querySelectorAll('ul.votes > li .lv')].map((l) => l.textContent!.trim()).filter((l) => /^\d+$/.test(l))).size,
      descriptions: a.querySelectorAll('ul.votes > li .desc').length,
      votes: a.querySelectorAll('ul.votes > li').length,
    })));
    expect(cards.some((c) => c.votes > c.levels)).toBe(true); // some levels were given by several
    for (const c of cards) expect(c.descriptions).toBe(c.levels);
    // Each question once: a dispute card on the part's slide or a row of its table, which may run on.
    for (const part of [...r.drivers, r.consistency, r.benchmark, r.recovery].filter((p) => p.total > 0)) {
      const slides = ids.filter((id) => id === `part-${part.id}` || id.startsWith(`part-${part.id}--others`));
      let shown = 0;
      for (const id of slides) shown += await page.locator(`#${id} article.dispute, #${id} table.questions tbody tr`).count();
      expect(shown, part.id).toBe(part.questions.length);
    }
    await context.close();
  });
});
