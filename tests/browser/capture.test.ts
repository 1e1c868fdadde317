// Answer capture (/<lang>/questionnaires/<id>/<version>/answer/) in real Chromium: a participant fills
// every question of the minimal questionnaire, the draft survives a reload, the downloaded YAML passes
// the real `touchstone validate`, and the draft scores equal `touchstone score` on that one response.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { ReportModel, ScoreResult } from '../../src/core/score-types.ts';
import type { ResponseFile } from '../../src/core/schema-types.ts';
import { toYaml } from '../../src/site/capture/response.ts';
import { validateResponse } from '../../src/site/capture/validate.ts';
import { CAPTURE_MESSAGES } from '../../src/components/capture/strings.ts';
import { wordsIn } from '../../src/site/i18n.ts';
import { removeWorkspace, touchstone, workspaceFrom } from '../helpers/cli.ts';
import { axeViolations, buildSite, launch, REPO, sampleIsReady, serve, watchErrors, type Site } from './helpers.ts';

const MINIMAL = join(REPO, 'tests/fixtures/minimal');
const ANSWER = '/en/questionnaires/mini/1.0.0/answer/';
const ID = 'browser-tester';

let browser: Browser;
let site: Site;

beforeAll(async () => {
  site = await serve(buildSite(MINIMAL, 'capture-minimal'));
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await site?.server.close();
});

async function open(page: Page, path = ANSWER): Promise<void> {
  await page.goto(site.url + path, { waitUntil: 'load' });
  // Astro drops the island's `ssr` attribute once React has hydrated it.
  await page.waitForSelector('astro-island:not([ssr])', { state: 'attached' });
}

const byId = (id: string) => `[id="${id}"]`;

/** Answers every question: levels by a fixed pattern, n/a where allowed, "don't know" on the last level question, 15 for metrics; evidence on one. */
async function fillAll(page: Page): Promise<Record<string, string>> {
  await page.fill('#respondent-id', ID);
  await page.fill('#respondent-role', 'Workshop <b>participant</b> "A: B"');
  const questions = await page.locator('fieldset.cq').evaluateAll((f) => f.map((x) => ({
    id: (x as HTMLElement).dataset.question!,
    radios: [...x.querySelectorAll<HTMLInputElement>('input[type="radio"]')].map((r) => r.value),
    metric: x.querySelector('input[type="number"]') !== null,
  })));
  expect(questions.length).toBe(8);
  const chosen: Record<string, string> = {};
  questions.forEach((q, i) => {
    if (q.metric) chosen[q.id] = '15';
    else if (q.radios.includes('n/a')) chosen[q.id] = 'n/a';
    else chosen[q.id] = String((i * 3) % 5);
  });
  const unknown = questions.filter((q) => !q.metric && !q.radios.includes('n/a')).at(-1)!;
  expect(unknown.radios).toContain('dont-know');
  chosen[unknown.id] = 'dont-know';
  for (const q of questions) {
    const box = page.locator(`fieldset.cq[data-question="${q.id}"]`);
    if (q.metric) await box.locator('input[type="number"]').fill(chosen[q.id]!);
    else await box.locator(`input[type="radio"][value="${chosen[q.id]}"]`).check();
  }
  // Comment and evidence on the first question.
  const first = questions[0]!.id;
  const box = page.locator(`fieldset.cq[data-question="${first}"]`);
  await box.locator('summary').click();
  await page.fill(byId(`${first}-comment`), 'Owners named in the PMO list\nsecond line: with a colon');
  await box.getByRole('button', { name: /Add evidence/ }).click();
  await page.fill(byId(`${first}-ev0-link`), 'https://intranet.example/owners?q=1#x');
  await page.fill(byId(`${first}-ev0-date`), '2026-09-01');
  await page.fill(byId(`${first}-ev0-reviewed`), 'qa-lead');
  return chosen;
}

describe('answer capture', () => {
  it('fills every question, keeps the draft across a reload, and downloads YAML that `touchstone validate` accepts', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await open(page);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.waitForSelector('astro-island:not([ssr])', { state: 'attached' });
    const chosen = await fillAll(page);
    await expect.poll(() => page.locator('[data-testid="progress"]').innerText()).toContain('8 of 8');

    // The draft survives a reload.
    await page.reload();
    await page.waitForSelector('astro-island:not([ssr])', { state: 'attached' });
    await expect.poll(() => page.inputValue('#respondent-id')).toBe(ID);
    for (const [id, value] of Object.entries(chosen)) {
      const box = page.locator(`fieldset.cq[data-question="${id}"]`);
      if (value === '15') expect(await box.locator('input[type="number"]').inputValue()).toBe('15');
      else expect(await box.locator(`input[type="radio"][value="${value}"]`).isChecked(), id).toBe(true);
    }
    expect(await page.inputValue(byId('momentum.owner-ev0-link'))).toBe('https://intranet.example/owners?q=1#x');

    // Every audit of this workspace is final: no folder is named, only where such a file goes.
    expect(await page.locator('.capture-file').innerText()).toContain(`audits/<org>/<version>/responses/${ID}.yaml`);

    // Valid against the schema (ajv in the page), then offered as a download.
    await expect.poll(() => page.locator('[data-testid="check"]').innerText()).toContain('valid');
    const link = page.locator('[data-testid="download"]');
    await link.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe(`${ID}.yaml`);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=\S*response\.schema\.json$/);
    expect(text).toBe(await page.locator('[data-testid="yaml"]').textContent());

    // The real CLI accepts it in a copy of the minimal workspace.
    const file = `audits/acme/2026-q3/responses/${ID}.yaml`;
    const ws = workspaceFrom('minimal', { [file]: text });
    try {
      const result = touchstone(['validate', '--root', ws]);
      expect(result.stdout + result.stderr).not.toMatch(new RegExp(`${ID}\\.yaml:\\d+:\\d+: error`));
      expect(result.status, result.stdout + result.stderr).toBe(0);
    } finally {
      removeWorkspace(ws);
    }

    // The draft scores are the engine's: score a workspace whose audit has only this response.
    const alone = workspaceFrom('minimal', {
      [file]: text, 'audits/acme/2026-q3/responses/ceo.yaml': null, 'audits/acme/2026-q3/responses/store-ops.yaml': null,
    });
    try {
      const scored = touchstone(['score', 'acme/2026-q3', '--root', alone, '--json']);
      expect(scored.status, scored.stderr).toBe(0);
      const r = JSON.parse(scored.stdout) as ScoreResult;
      const shown = (v: number | null) => (v === null ? '—' : v.toFixed(1));
      expect(await page.locator('[data-testid="draft-index"]').innerText()).toBe(shown(r.index));
      for (const p of [...r.drivers, r.consistency, r.benchmark, r.recovery]) {
        expect(await page.locator(`#draft-table td[data-part="${p.id}"]`).innerText(), p.id).toBe(shown(p.score));
      }
      const answers = r.drivers.flatMap((d) => d.questions).find((q) => q.id === 'momentum.owner')!.answers[0]!;
      expect(answers.comment).toBe('Owners named in the PMO list\nsecond line: with a colon');
      expect(answers.evidence).toEqual([{ link: 'https://intranet.example/owners?q=1#x', date: '2026-09-01', 'reviewed-by': 'qa-lead' }]);
      expect(r.people[0]!.role).toBe('Workshop <b>participant</b> "A: B"');
      // "Don't know" is written as such, counted as no level and reported as a knowledge gap.
      const unknown = Object.entries(chosen).find(([, v]) => v === 'dont-know')![0];
      expect(text).toContain(`  ${unknown}: dont-know\n`);
      const q = [...r.drivers, r.consistency, r.benchmark, r.recovery].flatMap((p) => p.questions).find((x) => x.id === unknown)!;
      expect(q).toMatchObject({ dontKnow: 1, count: 0, unanswered: 0, score: null });
      expect((r as ReportModel).knowledgeGaps).toEqual([expect.objectContaining({ question: unknown, count: 1, of: 1 })]);
    } finally {
      removeWorkspace(alone);
    }

    // Copy to the clipboard gives the same text.
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
    await page.getByRole('button', { name: 'Copy to clipboard' }).click();
    await expect.poll(() => page.locator('.file-actions').innerText()).toContain('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows ajv’s errors and offers no file while the document does not validate', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await open(page);
    await page.fill('#respondent-id', 'Not A Slug');
    await page.fill('#respondent-role', 'Tester');
    const box = page.locator('fieldset.cq').first();
    await box.locator('summary').click();
    await box.getByRole('button', { name: /Add evidence/ }).click();
    await box.locator('input[type="date"]').fill('2026-09-01');
    const check = page.locator('[data-testid="check"]');
    await expect.poll(() => check.innerText()).toContain('use lower-case letters');
    expect(await check.innerText()).toMatch(/\/answers\/[^ ]+\/evidence\/0/);
    expect(await page.locator('[data-testid="download"]').count()).toBe(0);
    expect(await page.isDisabled('.file-actions button')).toBe(true);
    // Fixing both makes it valid.
    await page.fill('#respondent-id', 'tester');
    await box.getByRole('button', { name: /Remove this evidence/ }).click();
    await expect.poll(() => check.innerText()).toContain('valid against');
    await page.locator('[data-testid="download"]').waitFor();
    await context.close();
  });

  it.each(['en', 'zh'])('passes axe (WCAG 2.1 AA), logs no error, and shows the levels in the page language (%s)', async (lang) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = watchErrors(page);
    await open(page, `/${lang}/questionnaires/mini/1.0.0/answer/`);
    expect(await page.getAttribute('html', 'lang')).toBe(lang === 'en' ? 'en' : 'zh-Hans');
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.locator('fieldset.cq').first().innerText()).toContain(lang === 'en' ? 'Owners with budgets and deadlines' : '负责人有预算和期限');
    // n/a only where the question allows it; a number input with its unit for the metric.
    expect(await page.locator('fieldset.cq[data-question="reliability.stores"] input[value="n/a"]').count()).toBe(1);
    expect(await page.locator('fieldset.cq[data-question="momentum.owner"] input[value="n/a"]').count()).toBe(0);
    expect(await page.locator('fieldset.cq[data-question="recovery.first-response-minutes"] label').first().innerText()).toContain(lang === 'en' ? 'minutes' : '分钟');
    await page.locator('fieldset.cq').first().locator('summary').click();
    await page.locator('fieldset.cq').first().getByRole('button').last().click();
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('asks a respondent who picks a group only the questions routed to it, and writes the group', async () => {
    const routed = workspaceFrom('minimal', {
      'questionnaires/mini/1.0.0.yaml': { edit: (t) => t.replace('drivers:\n', 'groups:\n  - { id: leadership, name: { en: Leadership, zh: 管理层 } }\n  - { id: frontline, name: { en: Frontline, zh: 一线 } }\ndrivers:\n')
        .replace('      - id: momentum.owner\n', '      - id: momentum.owner\n        groups: [leadership]\n') },
    });
    const served = await serve(buildSite(routed, 'capture-routed'));
    const page = await browser.newPage();
    try {
      const errors = watchErrors(page);
      await page.goto(served.url + ANSWER, { waitUntil: 'load' });
      await page.waitForSelector('astro-island:not([ssr])', { state: 'attached' });
      await page.evaluate(() => localStorage.clear());
      expect(await page.locator('fieldset.cq').count()).toBe(8);
      await page.selectOption('#respondent-group', 'frontline');
      expect(await page.locator('fieldset.cq').count()).toBe(7);
      expect(await page.locator('fieldset.cq[data-question="momentum.owner"]').count()).toBe(0);
      await expect.poll(() => page.locator('[data-testid="progress"]').innerText()).toContain('0 of 7');
      await page.fill('#respondent-id', 'clerk');
      expect(await page.locator('[data-testid="yaml"]').textContent()).toMatch(/\n {2}group: frontline\n/);
      // Back to no group: every question again.
      await page.selectOption('#respondent-group', '');
      expect(await page.locator('fieldset.cq').count()).toBe(8);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
      await served.server.close();
      removeWorkspace(routed);
    }
  });

  it('fits a 375 px phone without horizontal scroll, with large tap targets', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
    await open(page);
    await page.locator('fieldset.cq').first().locator('summary').click();
    await page.locator('fieldset.cq').first().getByRole('button', { name: /Add evidence/ }).click();
    await page.fill('#respondent-id', 'a-very-long-respondent-identifier-that-goes-on-and-on-and-on');
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(375);
    const heights = await page.locator('label.level').evaluateAll((l) => l.map((x) => x.getBoundingClientRect().height));
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(44);
    await page.close();
  });
});

describe.runIf(sampleIsReady())('answer capture on the sample portfolio', () => {
  let sample: Site;
  beforeAll(async () => { sample = await serve(buildSite(REPO, 'capture-sample')); });
  afterAll(async () => { await sample?.server.close(); });

  it('answers every question of an audit’s question bank in Chinese, and the CLI accepts and scores the file alike', async () => {
    // The newest audit of the first organisation, and the questionnaire version it uses.
    const org = readdirSync(join(REPO, 'audits')).filter((d) => existsSync(join(REPO, 'audits', d, 'org.yaml'))).sort()[0]!;
    const version = readdirSync(join(REPO, 'audits', org)).filter((d) => existsSync(join(REPO, 'audits', org, d, 'audit.yaml'))).sort().at(-1)!;
    const [, qid, qversion] = /^questionnaire:\s*([^@\s]+)@(\S+)/m.exec(readFileSync(join(REPO, 'audits', org, version, 'audit.yaml'), 'utf8'))!;
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${sample.url}/zh/questionnaires/${qid}/${qversion}/answer/`);
    await page.waitForSelector('astro-island:not([ssr])', { state: 'attached' });
    await page.fill('#respondent-id', ID);
    await page.fill('#respondent-role', '门店运营');
    const questions = await page.locator('fieldset.cq').evaluateAll((f) => f.map((x) => ({
      id: (x as HTMLElement).dataset.question!,
      levels: [...x.querySelectorAll<HTMLInputElement>('input[type="radio"]')].map((r) => r.value).filter((v) => v !== 'n/a'),
      min: x.querySelector<HTMLInputElement>('input[type="number"]')?.min,
      metric: x.querySelector('input[type="number"]') !== null,
    })));
    expect(questions.length).toBeGreaterThan(8);
    for (const [i, q] of questions.entries()) {
      const box = page.locator(`fieldset.cq[data-question="${q.id}"]`);
      if (q.metric) await box.locator('input[type="number"]').fill(String(Number(q.min || 0) + 1));
      else await box.locator(`input[type="radio"][value="${q.levels[(i * 7) % q.levels.length]}"]`).check();
    }
    await expect.poll(() => page.locator('[data-testid="check"]').innerText()).toContain('校验');
    // An audit still collecting answers (a draft) is named as the place to save the file.
    const draft = /^status:\s*draft\s*$/m.test(readFileSync(join(REPO, 'audits', org, version, 'audit.yaml'), 'utf8'));
    if (draft) expect(await page.locator('.capture-file').innerText()).toContain(`audits/${org}/${version}/responses/${ID}.yaml`);
    const link = page.locator('[data-testid="download"]');
    await link.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const text = readFileSync((await download.path())!, 'utf8');
    const draftIndex = await page.locator('[data-testid="draft-index"]').innerText();
    expect(errors).toEqual([]);
    await context.close();

    const ws = mkdtempSync(join(tmpdir(), 'touchstone-capture-'));
    try {
      for (const name of ['audits', 'questionnaires', 'benchmarks', 'schemas', 'touchstone.yaml']) {
        if (existsSync(join(REPO, name))) cpSync(join(REPO, name), join(ws, name), { recursive: true });
      }
      const responses = join(ws, 'audits', org, version, 'responses');
      writeFileSync(join(responses, `${ID}.yaml`), text);
      const result = touchstone(['validate', '--root', ws]);
      expect(result.stdout + result.stderr).not.toContain(`${ID}.yaml`);
      expect(result.status, result.stdout + result.stderr).toBe(0);
      // Alone in its audit, the response scores as the page said: without the other responses, and without
      // the audit's "ask twice" observations and measured facts, which are not the respondent's (the page says so).
      for (const f of readdirSync(responses)) if (f !== `${ID}.yaml`) rmSync(join(responses, f));
      rmSync(join(ws, 'audits', org, version, 'scenarios.yaml'), { force: true });
      rmSync(join(ws, 'audits', org, version, 'facts.yaml'), { force: true });
      const scored = touchstone(['score', `${org}/${version}`, '--root', ws, '--json']);
      expect(scored.status, scored.stderr).toBe(0);
      const r = JSON.parse(scored.stdout) as ScoreResult;
      expect(draftIndex).toBe(r.index === null ? '—' : r.index.toFixed(1));
    } finally {
      rmSync(ws, { recursive: true, force: true });
    }
  });
});

describe('the response YAML writer', () => {
  it('round-trips any text exactly, and ajv accepts the result', () => {
    const nasty = ['plain', 'n/a', 'null', 'yes', '0x1F', '- dash', '# hash', 'a: b', '"quoted" \\ back', 'line\nbreak\r\n', ' lead',
      'tab\there', '\u2028sep\u2029', '\u0085nel', '\u007fdel', '😀 emoji', '中文：冒号', '{ flow: [x] }', '*alias &anchor !tag', '%percent', '`tick`'];
    const response: ResponseFile = {
      respondent: { id: 'r-1', role: nasty.slice(0, 9).join(' | ') },
      answers: {
        'a.one': 3,
        'a.two': 'n/a',
        'a.three': null,
        'a.four': { level: 2, comment: nasty.join('\n'), evidence: nasty.map((n, i) => ({ note: n, ...(i % 2 ? { link: `https://x.example/${i}?q=${i}#f` } : {}), date: '2026-09-01', 'reviewed-by': n || 'x' })) },
        'a.five': { value: 12.5, comment: 'ok' },
      },
    };
    const text = toYaml(response, { schemaPath: '../../../../schemas/response.schema.json', comment: 'a\nb' });
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../../../../schemas/response.schema.json');
    expect(parse(text)).toEqual(response);
    expect(validateResponse(parse(text))).toEqual([]);
    // ajv's limits are the schema's: a role over 200 characters is refused.
    expect(validateResponse({ ...response, respondent: { id: 'r-1', role: 'x'.repeat(201) } })).toEqual([{ path: '/respondent/role', message: 'must NOT have more than 200 characters' }]);
    // …and in Chinese on the Chinese page, the schema's own hints included.
    expect(validateResponse({ ...response, respondent: { id: 'r-1', role: 'x'.repeat(201) } }, 'zh', wordsIn('zh', CAPTURE_MESSAGES))).toEqual([{ path: '/respondent/role', message: '不应多于 200 个字符' }]);
    const badLink = { ...response, answers: { ...response.answers, 'a.one': { level: 3, evidence: [{ link: 'javascript:alert(1)' }] } } };
    const link = (lang: 'en' | 'zh') => validateResponse(badLink, lang, wordsIn(lang, CAPTURE_MESSAGES)).find((p) => p.path === '/answers/a.one/evidence/0/link')?.message;
    expect(link('zh')).toContain('链接必须以 http:// 或 https:// 开头');
    expect(link('en')).toContain('a link must start with http://');
  });
});
