// A client's workspace, unlike the bundled sample in every way that shows (a 1–6 scale, three
// drivers, a renamed recovery part and no consistency or benchmark part, a dispute spread of 3,
// an evidence penalty of 2, another benchmark profile): its site must hold nothing of the sample
// and say nothing about method that its questionnaire does not say. And `build --org` must give
// one client a site, data files and a PDF with nothing of any other client in them.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { rejectedIn } from '../helpers/glossary.ts';
import { invalidDataFiles } from '../helpers/report-schema.ts';
import { buildSite, launch, REPO, serve, TMP, touchstone, watchErrors, type Site } from './helpers.ts';

const CLIENT = join(REPO, 'tests/fixtures/client');
const TEXT = new Set(['.html', '.json', '.js', '.mjs', '.css', '.svg', '.xml', '.txt', '.webmanifest', '.yaml', '']);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

/** The texts of a set of files a reader could be shown (names, level texts, exemplars, ids, versions). */
function wordsOf(paths: string[]): Set<string> {
  const words = new Set<string>();
  const add = (s: unknown) => {
    if (typeof s !== 'string') return;
    const t = s.trim();
    if (t.length >= 4 || /[\u4e00-\u9fff]{2,}/.test(t)) words.add(t);
  };
  const walk = (v: unknown, key = ''): void => {
    if (typeof v === 'string') {
      if (['en', 'zh', 'name', 'company', 'id', 'title', 'text', ''].includes(key)) add(v);
    } else if (Array.isArray(v)) v.forEach((x) => walk(x, key === 'levels' || key === 'next' ? '' : key));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  for (const file of paths.filter((f) => f.endsWith('.yaml'))) {
    const doc = parse(readFileSync(file, 'utf8')) as { id?: string; version?: string };
    walk(doc);
    if (doc.id && doc.version) add(`${doc.id}@${doc.version}`);
  }
  return words;
}

/** Which of `words` occur in which files of a built site (text files only). */
function scan(dir: string, words: Set<string>): Map<string, string[]> {
  const hits = new Map<string, string[]>();
  for (const file of files(dir).filter((f) => TEXT.has(extname(f)))) {
    const text = readFileSync(file, 'utf8');
    for (const w of words) if (text.includes(w)) hits.set(w, [...(hits.get(w) ?? []), relative(dir, file)]);
  }
  return hits;
}

/** The sample's words: from the bundled bank, its benchmark profile and its organisations, derived from those files. */
function sampleWords(): Set<string> {
  const words = wordsOf([
    ...files(join(REPO, 'questionnaires')), ...files(join(REPO, 'benchmarks')),
    ...files(join(REPO, 'audits')).filter((f) => f.endsWith('org.yaml')),
  ]);
  for (const org of readdirSync(join(REPO, 'audits'))) words.add(org);
  words.add('Calloway'); // the source company the sample bank is built on
  // Words the client's own files use are the client's (e.g. "Hotels").
  const client = files(CLIENT).map((f) => readFileSync(f, 'utf8')).join('\n');
  for (const w of [...words]) if (client.includes(w)) words.delete(w);
  return words;
}

/** A page's visible text, whitespace collapsed. */
function textOf(html: string): string {
  return html.replace(/<(script|style)\b[\s\S]*?<\/\1>/g, ' ').replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');
}

/** A page's prose: its text without code (<pre>, <code>: YAML, ids and paths keep their ASCII punctuation). */
function proseOf(html: string): string {
  return textOf(html.replace(/<(pre|code)\b[\s\S]*?<\/\1>/g, ' '));
}

let whole: string;
let harbour: string;

beforeAll(() => {
  whole = buildSite(CLIENT, 'client');
  const out = join(TMP, 'site-client-harbour');
  rmSync(out, { recursive: true, force: true });
  const result = touchstone(['build', '--root', CLIENT, '--out', out, '--org', 'harbour-inn']);
  if (result.code !== 0) throw new Error(`build --org harbour-inn failed (${result.code}):\n${result.stdout}\n${result.stderr}`);
  expect(result.stderr).toContain('1 organisation, 2 reports');
  harbour = out;
});

describe('a client workspace unlike the sample', () => {
  it('builds a site holding no id, name, level text or exemplar of the sample', () => {
    const words = sampleWords();
    // The list is derived, and long: drivers, questions and their level texts, exemplars, ids.
    expect(words.size).toBeGreaterThan(500);
    for (const w of ['cx-core@1.0.0', 'best-in-class@2026.1', 'Calloway']) expect(words).toContain(w);
    // The scan finds what is there (it is not blind): the sample's own bank is full of these words.
    expect(scan(join(REPO, 'questionnaires'), words).size).toBeGreaterThan(100);
    const hits = scan(whole, words);
    expect(Object.fromEntries(hits)).toEqual({});
  });

  it('publishes report models that schemas/report.schema.json describes, on a questionnaire unlike the sample', () => {
    const { files, problems } = invalidDataFiles(whole);
    expect(files).toBe(3);
    expect(problems).toEqual([]);
  });

  it('states the method of the client\'s questionnaire, and nothing it does not declare', () => {
    const en = textOf(readFileSync(join(whole, 'en/methodology/index.html'), 'utf8'));
    expect(en).toContain('a level from 1 to 6 on an anchored scale of 6 levels');
    expect(en).toContain('level ℓ scores 100 × (ℓ − 1) / (6 − 1)');
    expect(en).toContain('3 levels or more apart');
    expect(en).toContain('On every question, a level of 5 or higher given without any evidence counts 2 levels lower');
    expect(en).toContain('The three stages follow a guest from the front door to the farewell'); // its own about-drivers
    expect(en).toContain('(hours)');
    expect(en).toContain('Gates (caps)'); // it declares a gate…
    expect(en).not.toMatch(/luck|ask(ed)? twice|scenario/i); // …but no "ask twice" scenarios
    expect(en).not.toMatch(/one level lower|two or more levels|0 to 4|0–4/);
    const zh = textOf(readFileSync(join(whole, 'zh/methodology/index.html'), 'utf8'));
    expect(zh).toContain('6');
    expect(zh).toMatch(/1\s*到\s*6|1–6|1 至 6/);
    expect(zh).not.toMatch(/0\s*到\s*4|0–4|低一级/);

    const report = readFileSync(join(whole, 'en/harbour-inn/2026-h2/index.html'), 'utf8');
    // The parts it has, under its own names; none of the parts it lacks, and no empty "— / 100" card.
    expect(report).toContain('id="part-recovery"');
    expect(textOf(report)).toContain('Putting things right');
    expect(report).not.toMatch(/id="(part-)?(consistency|benchmark)"/);
    expect(textOf(report)).not.toMatch(/— \/ 100/);
    const legend = textOf(report);
    expect(legend).not.toContain('one level lower');
  });

  it('writes Chinese punctuation in Chinese pages: no ASCII colon, semicolon, comma, full stop or parenthesis beside Chinese text', () => {
    // The client's own texts have none, so whatever is found here was made by a page.
    const pages = files(join(whole, 'zh')).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(10);
    const found = pages.flatMap((file) => {
      const text = proseOf(readFileSync(file, 'utf8'));
      // Chinese here: ideographs and the full-width marks (？，：…) that end a Chinese phrase.
      return [...text.matchAll(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef] ?[:;,(]|[\u4e00-\u9fff]\. |\( ?[\u4e00-\u9fff]|[\u4e00-\u9fff] ?\)|\) ?[\u4e00-\u9fff]|[:;] ?[\u4e00-\u9fff]/g)]
        .map((m) => `${relative(whole, file)}: …${text.slice(Math.max(0, m.index - 20), m.index + 20)}…`);
    });
    expect(found).toEqual([]);
  });

  it('uses the glossary\'s Chinese terms on every Chinese page (docs/glossary.yaml)', () => {
    const found = files(join(whole, 'zh')).filter((f) => f.endsWith('.html'))
      .flatMap((file) => rejectedIn(textOf(readFileSync(file, 'utf8'))).map((r) => `${relative(whole, file)}: ${r}`));
    expect(found).toEqual([]);
  });

  it('shows the client\'s report on a phone with its own section names and no page errors', async () => {
    const browser = await launch();
    let site: Site | undefined;
    try {
      site = await serve(whole);
      for (const lang of ['en', 'zh'] as const) {
        const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
        const errors = watchErrors(page);
        await page.goto(`${site.url}/${lang}/harbour-inn/2026-h2/`);
        const nav = await page.locator('nav').allInnerTexts();
        expect(nav.join(' ')).toContain(lang === 'en' ? 'Putting things right' : '弥补失误');
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width).toBeLessThanOrEqual(390);
        expect(errors).toEqual([]);
        await page.close();
      }
    } finally {
      await site?.server.close();
      await browser.close();
    }
  });
});

describe('touchstone build --org', () => {
  const other = ['alpine-lodge', 'Alpine Lodge', '高山旅舍'];

  it('builds a site, and data files, holding nothing of any other organisation', () => {
    // The whole site does hold them (so the scan below can fail).
    expect(scan(whole, new Set(other)).size).toBe(3);
    expect(Object.fromEntries(scan(harbour, new Set(other)))).toEqual({});
    expect(readdirSync(join(harbour, 'data'))).toEqual(['harbour-inn']);
    // Ranks and the portfolio are of the chosen organisations only.
    const portfolio = textOf(readFileSync(join(harbour, 'en/index.html'), 'utf8'));
    expect(portfolio).toContain('Harbour Inn');
    expect(portfolio).toContain('1 of 1');
    expect(portfolio).not.toContain('of 2');
    // Alpine Lodge's index and driver scores (43.3, 46.7, 30.0) are nowhere in it.
    const alpine = JSON.parse(readFileSync(join(whole, 'data/alpine-lodge/2026-h2.json'), 'utf8')) as { index: number };
    expect(portfolio).not.toContain(alpine.index.toFixed(1));
  });

  it('prints a PDF holding nothing of any other organisation', () => {
    const out = join(TMP, 'client-harbour.pdf');
    const result = touchstone(['pdf', 'harbour-inn/2026-h2', '--root', CLIENT, '--lang', 'zh', '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    const text = spawnSync('pdftotext', ['-enc', 'UTF-8', out, '-'], { encoding: 'utf8' }).stdout;
    expect(text).toContain('弥补失误');
    for (const w of other) expect(text).not.toContain(w);
  });

  it('refuses an organisation the workspace does not have: exit 2, one line, the closest id, nothing built', () => {
    const out = join(TMP, 'site-client-never');
    rmSync(out, { recursive: true, force: true });
    const result = touchstone(['build', '--root', CLIENT, '--out', out, '--org', 'harbour-inn', '--org', 'harbor-inn']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('touchstone: --org: there is no organisation "harbor-inn"; the workspace has: alpine-lodge, harbour-inn (did you mean "harbour-inn"?)\n');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(() => statSync(out)).toThrow();
  });

  it.each([
    ['empty', '', '"";'],
    ['a terminal escape', '\u001b[2Jevil', '"[U+001B][2Jevil"'],
    ['huge', 'a'.repeat(5000), `"${'a'.repeat(80)}…"`],
  ])('refuses an --org that is %s: exit 2, one short line, controls as markers, nothing built', (_, id, shown) => {
    const out = join(TMP, 'site-client-never');
    rmSync(out, { recursive: true, force: true });
    const result = touchstone(['build', '--root', CLIENT, '--out', out, '--org', id]);
    expect(result.code).toBe(2);
    const line = result.stderr.split('\n').find((l) => l.startsWith('touchstone: --org:'))!;
    expect(line).toContain(shown);
    expect(line.length).toBeLessThan(200);
    expect(result.stderr).not.toContain('\u001b');
    expect(() => statSync(out)).toThrow();
  });
});

afterAll(() => {
  rmSync(join(TMP, 'site-client-never'), { recursive: true, force: true });
});
