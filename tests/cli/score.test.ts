import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { FIXTURES, REPO, hasStackTrace, removeWorkspace, touchstone, workspaceFrom } from '../helpers/cli.ts';
import { messagesIn, reportValidator } from '../helpers/report-schema.ts';
import { say } from '../../src/site/i18n.ts';
import { LANGS } from '../../src/core/lang.ts';

const created: string[] = [];
afterAll(() => created.forEach(removeWorkspace));
const MINIMAL = join(FIXTURES, 'minimal');

describe('touchstone score', () => {
  it('prints the documented score object with --json', () => {
    const result = touchstone(['score', 'huaxin-mart', '--json'], { cwd: REPO });
    expect(result.status).toBe(0);
    const r = JSON.parse(result.stdout);
    for (const key of ['org', 'version', 'questionnaire', 'profile', 'respondents', 'index', 'drivers', 'consistency', 'benchmark', 'recovery', 'actions']) {
      expect(r, key).toHaveProperty(key);
    }
    expect(r.org).toBe('huaxin-mart');
    expect(r.drivers.map((d: { id: string }) => d.id)).toEqual(['momentum', 'reliability', 'relationship', 'touchpoints', 'insight']);
    for (const key of ['id', 'score', 'target', 'gap', 'agreement', 'questions']) expect(r.drivers[0], key).toHaveProperty(key);
    for (const key of ['id', 'score', 'median', 'min', 'max', 'target', 'gap', 'evidence', 'disputed']) expect(r.drivers[0].questions[0], key).toHaveProperty(key);
    for (const key of ['score', 'agreement', 'luck', 'findings']) expect(r.consistency, key).toHaveProperty(key);
    for (const key of ['score', 'gap', 'questions']) expect(r.benchmark, key).toHaveProperty(key);
    for (const key of ['score', 'gates', 'metrics']) expect(r.recovery, key).toHaveProperty(key);
    for (const key of ['question', 'priority', 'why', 'next']) expect(r.actions[0], key).toHaveProperty(key);
    expect(r.index).toBeGreaterThan(0);
  });

  it('prints the report model, which its schema describes, in no language', () => {
    const validate = reportValidator();
    const first = JSON.parse(touchstone(['score', 'swiftparcel/2025-h1', '--json'], { cwd: REPO }).stdout);
    const later = JSON.parse(touchstone(['score', 'swiftparcel/2026-h1', '--json'], { cwd: REPO }).stdout);
    for (const r of [first, later]) {
      expect(validate(r), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
      expect(r.schemaVersion).toBe(1);
    }
    // The change since the previous version is in the model (core/compare/diff.ts); the first has none.
    expect(first.changes).toBeNull();
    expect(later.changes).toMatchObject({ org: 'swiftparcel', from: '2025-h2', to: '2026-h1' });
    expect(later.changes.index.after).toBe(later.index);
    // The same object whatever --lang asks for: only the table is in a language.
    expect(touchstone(['score', 'swiftparcel/2026-h1', '--json', '--lang', 'en'], { cwd: REPO }).stdout)
      .toBe(touchstone(['score', 'swiftparcel/2026-h1', '--json', '--lang', 'zh'], { cwd: REPO }).stdout);
    // Touchstone's own sentences are message ids that every catalogue words, with nothing left unfilled.
    const messages = messagesIn(later);
    expect([...new Set(messages.map((m) => m.id))]).toEqual(expect.arrayContaining(['actionWhyLevel', 'actionWhyMetric', 'actionNextMetric', 'findingChannel', 'findingLuck']));
    for (const lang of LANGS) for (const m of messages) expect(say(lang, m as never), m.id).not.toMatch(/[{}]/);
    // …and the schema is strict enough to fail: a sentence in one language where a message belongs.
    later.actions[0].why = 'at level 2';
    expect(validate(later)).toBe(false);
  });

  it('gives byte-identical JSON on every run', () => {
    const a = touchstone(['score', 'swiftparcel/2025-h2', '--json'], { cwd: REPO });
    const b = touchstone(['score', 'swiftparcel/2025-h2', '--json'], { cwd: REPO });
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout.length).toBeGreaterThan(1000);
  });

  it('prints a readable table in the organisation\'s language, or the one asked for', () => {
    const zh = touchstone(['score', 'acme/2026-q1', '--root', MINIMAL, '--lang', 'zh']);
    expect(zh.status).toBe(0);
    // Two respondents: no 90% interval (—), and the small-sample flag under the table.
    expect(zh.stdout).toMatch(/指数\s+35\.4\s+—\s+93\.8\s+58\.3/);
    expect(zh.stdout).toContain('答卷人少于 3 位：不给出区间，也不判断变化是否真实。');
    expect(zh.stdout).toContain('下一步');
    // Chinese punctuation in Chinese text: full-width colon, comma and parentheses.
    expect(zh.stdout).toContain('（acme/2026-q1，');
    expect(zh.stdout).not.toMatch(/[\u4e00-\u9fff][:;,()]/);
    const en = touchstone(['score', 'acme', '--root', MINIMAL]);
    expect(en.stdout).toContain('Acme Retail — Q3 2026');
    expect(en.stdout).toMatch(/Index\s+60\.4/);
  });

  it('explains a missing organisation or version in one line, with what exists and the closest name (usage error, exit 2)', () => {
    const org = touchstone(['score', 'acmee', '--root', MINIMAL]);
    expect(org.stderr).toBe('touchstone: there is no organisation "acmee"; the workspace has: acme (did you mean "acme"?)\n');
    expect(org.status).toBe(2);
    const version = touchstone(['score', 'acme/2027-q1', '--root', MINIMAL]);
    expect(version.stderr).toBe('touchstone: "acme" has no audit version "2027-q1"; it has: 2026-q1, 2026-q3 (did you mean "2026-q1"?)\n');
    expect(version.status).toBe(2);
    // In the language asked for.
    const zh = touchstone(['score', 'acmee', '--root', MINIMAL, '--lang', 'zh']);
    expect(zh.stderr).toBe('touchstone: 工作区中没有组织“acmee”；现有：acme（是否指“acme”？）\n');
    expect(zh.status).toBe(2);
    expect(hasStackTrace(org.stderr + version.stderr + zh.stderr)).toBe(false);
    expect(touchstone(['score', 'a/b/c', '--root', MINIMAL]).status).toBe(2);
  });

  it('says the same, as a usage error, in every command that takes an organisation or a version', () => {
    const root = workspaceFrom('minimal');
    created.push(root);
    const cases: [string[], string][] = [
      [['diff', 'acmee', '2026-q1', '2026-q3'], 'there is no organisation "acmee"; the workspace has: acme (did you mean "acme"?)'],
      [['diff', 'acme', '2026-q1', '2026-q33'], '"acme" has no audit version "2026-q33"; it has: 2026-q1, 2026-q3 (did you mean "2026-q3"?)'],
      // pdf stops before it looks for Chromium or writes anything.
      [['pdf', 'acmee/2026-q3'], 'there is no organisation "acmee"; the workspace has: acme (did you mean "acme"?)'],
      [['pdf', 'acme/2026-q33'], '"acme" has no audit version "2026-q33"; it has: 2026-q1, 2026-q3 (did you mean "2026-q3"?)'],
      [['new', 'acmee/2026-q4', '--period', '2026-10-01..2026-12-31', '--from', '2026-q3'],
        '--from: there is no organisation "acmee"; the workspace has: acme (did you mean "acme"?)'],
      [['new', 'acme/2026-q4', '--period', '2026-10-01..2026-12-31', '--respondent', 'a', '--benchmark', 'best-in-klass'],
        '--benchmark: there is no benchmark profile "best-in-klass"; the workspace has: best-in-class (did you mean "best-in-class"?)'],
    ];
    for (const [args, message] of cases) {
      const result = touchstone([...args, '--root', root], { cwd: root });
      expect(result.stderr, args.join(' ')).toBe(`touchstone: ${message}\n`);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stdout, args.join(' ')).toBe('');
    }
  });

  it('refuses to score a workspace with errors, and says where they are', () => {
    const root = workspaceFrom('minimal', { 'audits/acme/2026-q3/responses/ceo.yaml': { edit: (t) => t.replace('momentum.act-now: 3', 'momentum.act-now: 9') } });
    created.push(root);
    const result = touchstone(['score', 'acme', '--root', root]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('audits/acme/2026-q3/responses/ceo.yaml:');
    expect(result.stderr).toContain('answer/off-scale');
    expect(result.stdout).toBe('');
  });
});

describe('touchstone diff', () => {
  it('compares two versions, and calls no change real on two respondents', () => {
    const result = touchstone(['diff', 'acme', '2026-q1', '2026-q3', '--root', MINIMAL]);
    expect(result.status).toBe(0);
    // Two respondents a version: no bootstrap interval, so however large, a change gets no verdict.
    expect(result.stdout).toMatch(/Index\s+35\.4\s+60\.4\s+\+25\.0\s+\(small sample\)/);
    expect(result.stdout).toMatch(/Reliability\s+37\.5\s+50\.0\s+\+12\.5\s+\(small sample\)/);
  });

  it('calls a change real when its 90% interval excludes zero, and within chance when it holds it', () => {
    // huaxin-mart 2025-h1 → 2025-h2 (6 respondents each): +8.9, interval +5.6 … +11.4: real.
    const up = touchstone(['diff', 'huaxin-mart', '2025-h1', '2025-h2', '--lang', 'en'], { cwd: REPO });
    expect(up.stdout).toMatch(/Index\s+34\.2\s+43\.1\s+\+8\.9\s+\+5\.6 … \+11\.4\s+▲/);
    // anbao-insurance 2025-q4 (recomputed under 1.2.0) → 2026-q3: −0.6, interval −3.2 … +1.2: chance.
    const flat = touchstone(['diff', 'anbao-insurance', '2025-q4', '2026-q3', '--format', 'markdown', '--lang', 'en'], { cwd: REPO });
    expect(flat.stdout).toContain('| **Index** | 42.3 | 41.7 | -0.6 | -3.2 … +1.2 | ≈ within chance |');
  });

  it('writes a markdown table for a pull-request comment', () => {
    const result = touchstone(['diff', 'acme', '2026-q1', '2026-q3', '--root', MINIMAL, '--format', 'markdown']);
    expect(result.stdout).toContain('### Acme Retail: 2026-q1 → 2026-q3');
    expect(result.stdout).toContain('| **Index** | 35.4 | 60.4 | +25.0 |  | (small sample) |');
  });

  it('maps questions across a questionnaire version change, as declared', () => {
    const result = touchstone(['diff', 'swiftparcel', '2025-h2', '2026-h1', '--json'], { cwd: REPO });
    expect(result.status).toBe(0);
    const d = JSON.parse(result.stdout);
    // 1.0.0 → 1.2.0, through 1.1.0's declared changes; 1.2.0 makes the index differently too.
    expect(d.questionnaires).toEqual({ from: 'cx-core@1.0.0', to: 'cx-core@1.2.0', mapped: true });
    expect(d.indexMethod).toBe('recomputed');
    expect(d.mapping.renamed).toEqual([['insight.iceberg-probing', 'insight.unspoken-needs']]);
    const byId = Object.fromEntries(d.questions.map((q: { id: string }) => [q.id, q]));
    expect(byId['insight.unspoken-needs']).toMatchObject({ was: 'insight.iceberg-probing', status: 'renamed' });
    expect(byId['benchmark.customer-showcase']).toMatchObject({ status: 'removed', delta: null });
    expect(byId['consistency.bot-parity']).toMatchObject({ status: 'added', delta: null });
  });

  it('explains an unknown version (usage error, exit 2)', () => {
    const result = touchstone(['diff', 'acme', '2026-q1', '2026-q2', '--root', MINIMAL]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('it has: 2026-q1, 2026-q3');
  });
});
