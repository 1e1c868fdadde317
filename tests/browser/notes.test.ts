// Consultant notes on the built report, in Chromium: prose that plays with markup, accepted by the
// validation (src/core/read/notes.ts), reaches the page as text, never as script, while the report
// components still render. (Notes that hold markup or code are refused: tests/browser/build.test.ts.)
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, launch, REPO, serve, TMP, touchstone, watchErrors, type Site } from './helpers.ts';

/** Every way this text could become markup, each written so that Markdown keeps it as text. */
const NOTES = [
  '## What we saw <Score driver="momentum" />',
  '',
  'The index is <Score />; reliability stands at <Score driver="reliability" />.',
  '',
  '\\<script>window.__pwned = 1\\</script> and &lt;script&gt;window.__pwned = 2&lt;/script&gt;',
  '',
  'In code: `<script>window.__pwned = 3</script>` and a brace \\{window.__pwned = 4\\}.',
  '',
  '```html',
  '<script>window.__pwned = 5</script>',
  '<img src=x onerror="window.__pwned = 6">',
  '```',
  '',
  '{/* <script>window.__pwned = 7</script> */}',
  '',
  '[a title that breaks out](https://example.com/ "\\"><script>window.__pwned = 8</script>") and',
  '![an alt that breaks out "&gt;\\<script>window.__pwned = 9\\</script>](/favicon.svg)',
  '',
  '<DriverChart driver="reliability" />',
  '',
].join('\n');

let browser: Browser;
let site: Site;

beforeAll(async () => {
  mkdirSync(TMP, { recursive: true });
  const ws = join(TMP, 'ws-notes');
  rmSync(ws, { recursive: true, force: true });
  cpSync(join(REPO, 'tests/fixtures/minimal'), ws, { recursive: true });
  writeFileSync(join(ws, 'audits/acme/2026-q3/notes.mdx'), NOTES);
  const validate = touchstone(['validate', '--root', ws]);
  if (validate.code !== 0) throw new Error(`the notes fixture does not validate:\n${validate.stdout}`);
  site = await serve(buildSite(ws, 'notes'));
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await site?.server.close();
});

describe('consultant notes on the built report', () => {
  it.each(['en', 'zh'])('show markup-like text as text, run nothing, and still render the components (%s)', async (lang) => {
    const html = readFileSync(join(site.dir, lang, 'acme/2026-q3/index.html'), 'utf8');
    const notes = /<div class="notes-body">([\s\S]*?)<\/div>\s*<\/section>/.exec(html)?.[1] ?? '';
    expect(notes).toContain('inline-score');
    // Outside attribute values (where "<" is only text), no tag of a script or with an event handler.
    const markup = notes.replace(/="[^"]*"/g, '=""');
    expect(markup).not.toMatch(/<script|<iframe|<[a-z][^>]*\son[a-z]+=/i);
    expect(html.replace(/="[^"]*"/g, '=""')).not.toMatch(/<script[^>]*>[^<]*__pwned/);

    const page = await browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${site.url}/${lang}/acme/2026-q3/`);
    const body = page.locator('#notes ~ .notes-body');
    // The components, bound to this report: the scores link to their sections, the chart draws its bars.
    expect(await body.locator('a.inline-score[href="#part-momentum"]').count()).toBe(1);
    expect(await body.locator('strong.inline-score').innerText()).toMatch(/\d+\.\d/);
    expect(await body.locator('figure.chart svg rect').count()).toBeGreaterThan(0);
    // Every payload is on the page as the text it is; none ran, and no element came of one.
    const text = await body.innerText();
    for (const payload of ['<script>window.__pwned = 1</script>', '<script>window.__pwned = 2</script>', '<script>window.__pwned = 3</script>',
      '{window.__pwned = 4}', '<script>window.__pwned = 5</script>', 'onerror="window.__pwned = 6"']) expect(text).toContain(payload);
    expect(text).not.toContain('__pwned = 7');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await body.locator('script, iframe, object, embed, [onerror], [onclick], [onload]').count()).toBe(0);
    expect(await body.locator('a[href="https://example.com/"]').getAttribute('title')).toBe('"><script>window.__pwned = 8</script>');
    expect(await body.locator('img[src="/favicon.svg"]').getAttribute('alt')).toContain('<script>window.__pwned = 9</script>');
    expect(errors).toEqual([]);
    await page.close();
  });
});
