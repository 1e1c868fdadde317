import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffScores, findAudit, reportOf, scoreAudit, validateWorkspace, type ScoreResult, type Workspace } from '../../src/core/index.ts';
import { round1 } from '../../src/core/score/aggregate.ts';
import { answerLines } from '../../src/core/scaffold/response-yaml.ts';
import { parse } from 'yaml';
import { say } from '../../src/site/i18n.ts';
import { FIXTURES, removeWorkspace, workspaceFrom, type OverlayContent } from '../helpers/cli.ts';

/**
 * Hand-computed checks of every part of the score on the minimal fixture
 * (tests/fixtures/minimal). Each expected number is worked out in the comment above it.
 */
const created: string[] = [];
afterAll(() => created.forEach(removeWorkspace));

function load(overlay?: Record<string, OverlayContent>): Workspace {
  const root = overlay ? workspaceFrom('minimal', overlay) : join(FIXTURES, 'minimal');
  if (overlay) created.push(root);
  const { workspace, diagnostics } = validateWorkspace(root);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return workspace;
}

function score(ws: Workspace, version: string): ScoreResult {
  const found = findAudit(ws, 'acme', version);
  if (!found.ok) throw new Error(`no audit ${version}`);
  return scoreAudit(found.audit, ws);
}

const part = (r: ScoreResult, id: string) => [...r.drivers, r.consistency, r.benchmark, r.recovery].find((p) => p.id === id)!;
const question = (r: ScoreResult, id: string) => [...r.drivers, r.consistency, r.benchmark, r.recovery].flatMap((p) => p.questions).find((q) => q.id === id)!;

describe('scores on the minimal fixture, 2026-q1', () => {
  const ws = load();
  const r = score(ws, '2026-q1');

  it('takes the median level per question and maps it onto 0–100', () => {
    // momentum.owner: levels 2 and 1 → median 1.5 → 1.5 / 4 × 100 = 37.5
    expect(question(r, 'momentum.owner')).toMatchObject({ median: 1.5, min: 1, max: 2, score: 37.5, count: 2, target: 4, gap: 2.5 });
  });

  it('weights questions within a driver and drivers within the index', () => {
    // momentum = (37.5 × 2 + 25 × 1) / 3 = 33.33…;  reliability = (37.5 + 37.5) / 2 = 37.5
    expect(part(r, 'momentum').score).toBe(33.3);
    expect(part(r, 'reliability').score).toBe(37.5);
    // index = (33.33… + 37.5) / 2 = 35.416…
    expect(r.index).toBe(35.4);
  });

  it('computes best-in-class targets and gaps per driver and overall', () => {
    // reliability targets: same-answer level 4 → 100, stores level 3 → 75 → 87.5; gap 87.5 − 37.5 = 50
    expect(part(r, 'reliability')).toMatchObject({ target: 87.5, gap: 50 });
    // index target = (100 + 87.5) / 2 = 93.75 → 93.8; gap = 93.75 − 35.4166… = 58.33…
    expect(r.target).toBe(93.8);
    expect(r.gap).toBe(58.3);
    // the organisation's own target for reliability is level 3.5 → 87.5
    expect(part(r, 'reliability').own).toBe(87.5);
  });

  it('scores a metric linearly between its floor and its target', () => {
    // first response: 60 and 90 minutes → median 75; lower is better, target 5, floor 125:
    // (75 − 125) / (5 − 125) × 100 = 41.67
    expect(question(r, 'recovery.first-response-minutes')).toMatchObject({ median: 75, score: 41.7 });
    // recovery = (25 × 2 + 41.67) / 3 = 30.56; the "not tracked" gate (cap 40) is closed but does not bite
    expect(r.recovery.score).toBe(30.6);
    expect(r.recovery.gates[0]).toMatchObject({ id: 'no-tracking', passed: false, applied: false, because: [{ question: 'recovery.tracking', value: 1 }] });
    expect(r.recovery.metrics[0]).toMatchObject({ id: 'recovery.first-response-minutes', value: 75, met: false });
  });

  it('ranks actions by the index points each would add, re-scored one level up, ties broken by id', () => {
    // index = (momentum 33.33… + reliability 37.5) / 2 = 35.4166…
    // momentum.owner 1.5 → 2.5 (62.5): momentum = (62.5 × 2 + 25) / 3 = 50 → index 43.75: +8.33…
    // reliability.same-answer (or .stores) 1.5 → 2.5: reliability 50 → index 41.66…: +6.25 each, by id
    // momentum.act-now 1 → 2 (50): momentum = (37.5 × 2 + 50) / 3 = 41.66… → index 39.58…: +4.16…
    // the index is the drivers' mean here: a consistency, benchmark or recovery step adds nothing to it
    expect(r.actions.map((a) => [a.question, a.impact, a.lifts])).toEqual([
      ['momentum.owner', 8.3, null], ['reliability.same-answer', 6.3, null], ['reliability.stores', 6.3, null], ['momentum.act-now', 4.2, null],
      ['benchmark.caller-recognition', 0, null], ['consistency.mystery-shop', 0, null], ['recovery.first-response-minutes', 0, null], ['recovery.tracking', 0, null],
    ]);
    // the next step is the questionnaire's for the current level (median 1.5 → level 1's step)
    expect(r.actions[0]).toMatchObject({ priority: 1, question: 'momentum.owner', next: { en: 'Name owners for most projects' } });
  });

  it('puts a step that lifts a binding cap first, even when another adds more points', () => {
    // Both answer 5 minutes: recovery = (25 × 2 + 100) / 3 = 50, capped at 40 by "no-tracking" (tracking median 1).
    // Index { drivers: 9, recovery: 1 } = (9 × 35.4166… + 40) / 10 = 35.875
    const fast = { edit: (t: string) => t.replace(/first-response-minutes: \d+/, 'first-response-minutes: 5') };
    const ws = load({
      'questionnaires/mini/1.0.0.yaml': { edit: (t) => t.replace('drivers:\n', 'index: { drivers: 9, recovery: 1 }\ndrivers:\n') },
      'audits/acme/2026-q1/responses/ceo.yaml': fast, 'audits/acme/2026-q1/responses/store-ops.yaml': fast,
    });
    const actions = score(ws, '2026-q1').actions;
    // tracking 1 → 2 opens the gate: recovery = (50 × 2 + 100) / 3 = 66.66… → index +2.66…
    // momentum.owner adds 9 × 8.33… / 10 = 7.5 points, but comes second
    expect(actions.slice(0, 2).map((a) => [a.question, a.impact, a.lifts])).toEqual([['recovery.tracking', 2.7, 'no-tracking'], ['momentum.owner', 7.5, null]]);
  });

  it('traces every question to each respondent\'s answer and its line', () => {
    const q = question(r, 'momentum.owner');
    expect(q.answers.map((a) => [a.respondent, a.answer, a.file, a.line, a.col])).toEqual([
      ['ceo', 2, 'audits/acme/2026-q1/responses/ceo.yaml', 4, 19],
      ['store-ops', 1, 'audits/acme/2026-q1/responses/store-ops.yaml', 4, 19],
    ]);
  });

  it('names a part the questionnaire leaves unnamed by Touchstone\'s word for it, in every catalogue', async () => {
    // The minimal questionnaire names no part: the model holds a message, never a sentence (nor the sample's name).
    expect([r.consistency.name, r.benchmark.name, r.recovery.name]).toEqual([
      { id: 'part_consistency', params: {} }, { id: 'part_benchmark', params: {} }, { id: 'part_recovery', params: {} },
    ]);
    expect([say('en', r.consistency.name), say('zh', r.recovery.name)]).toEqual(['Consistency', '服务补救']);
    const { addCatalogue } = await import('../../src/site/i18n.ts');
    addCatalogue('de', { part_benchmark: 'Vergleich' }, 'de-DE');
    expect(say('de' as 'en', r.benchmark.name)).toBe('Vergleich');
  });
});

describe('scores on the minimal fixture, 2026-q3', () => {
  const r = score(load(), '2026-q3');

  it('counts an unevidenced top-level claim one level lower (evidence policy)', () => {
    // momentum.owner: CEO 4 with evidence stays 4; store-ops 3 without evidence counts 2 → median 3 → 75
    const q = question(r, 'momentum.owner');
    expect(q.answers.map((a) => [a.respondent, a.answer, a.counted])).toEqual([['ceo', 4, 4], ['store-ops', 3, 2]]);
    expect(q.answers[1].discounted).toMatch(/without evidence/);
    expect(q).toMatchObject({ median: 3, score: 75, evidence: 1, disputed: true });
    // momentum = (75 × 2 + 62.5) / 3 = 70.83
    expect(part(r, 'momentum').score).toBe(70.8);
  });

  it('leaves n/a out of the median instead of counting it as zero', () => {
    // reliability.stores: n/a and 2 → median 2 → 50
    expect(question(r, 'reliability.stores')).toMatchObject({ median: 2, na: 1, count: 1, score: 50 });
  });

  it('measures "ask twice" consistency: agreement, correctness and the luck factor', () => {
    // outcomes covered ×2, not covered ×1, ask head office ×1: of the 4 × 3 = 12 ordered pairs of
    // different contacts, 2 × 1 = 2 agree, so luck = 1 − 2 / 12 = 0.833 (the uncorrected
    // 1 − (0.5² + 0.25² + 0.25²) = 0.625, times the small-sample correction 4 / 3);
    // agreement with the most common = 2 / 4
    const s = r.consistency.scenarios[0];
    expect(s).toMatchObject({ observations: 4, correct: 2, agreement: 0.5, luck: 0.833 });
    // phone: covered, not covered → two different contacts always disagree: 1 (uncorrected 0.5)
    expect(s.channels.find((c) => c.channel === 'phone')).toMatchObject({ observations: 2, outcomes: 2, luck: 1 });
    expect(r.consistency.luck).toBe(0.833);
    expect(r.consistency.correct).toBe(0.5);
    expect(r.consistency.findings.map((f) => say('en', f.message))).toContain(
      'Phone contacts gave 2 different answers to “Is water damage covered?” (2 contacts, 1 correct)');
  });

  it('is byte-identical when scored twice', () => {
    expect(JSON.stringify(score(load(), '2026-q3'))).toBe(JSON.stringify(r));
  });
});

describe('gates and rules', () => {
  it('caps the recovery score and says which gate did it', () => {
    // both respondents answer 5 minutes → metric 100; tracking stays at 1 → 25:
    // recovery = (25 × 2 + 100) / 3 = 50, capped by "no-tracking" at 40
    const ws = load({
      'audits/acme/2026-q1/responses/ceo.yaml': { edit: (t) => t.replace('first-response-minutes: 60', 'first-response-minutes: 5') },
      'audits/acme/2026-q1/responses/store-ops.yaml': { edit: (t) => t.replace('first-response-minutes: 90', 'first-response-minutes: 5') },
    });
    const r = score(ws, '2026-q1');
    expect(r.recovery.score).toBe(40);
    expect(r.recovery.cap).toMatchObject({ gate: 'no-tracking', cap: 40, uncapped: 50 });
    expect(r.recovery.gates[0].applied).toBe(true);
  });

  it('flags contradictory answers within one response, with the line of each', () => {
    // the CEO claims a 5-minute first response with complaint tracking at level 1
    const ws = load({ 'audits/acme/2026-q1/responses/ceo.yaml': { edit: (t) => t.replace('first-response-minutes: 60', 'first-response-minutes: 5') } });
    const r = score(ws, '2026-q1');
    expect(r.consistency.rules).toEqual([{
      rule: 'fast-but-untracked',
      message: { en: 'Claims fast responses without tracking', zh: '声称响应快却没有跟踪' },
      respondent: 'ceo',
      answers: [
        { question: 'recovery.first-response-minutes', value: 5, file: 'audits/acme/2026-q1/responses/ceo.yaml', line: 11, col: 36 },
        { question: 'recovery.tracking', value: 1, file: 'audits/acme/2026-q1/responses/ceo.yaml', line: 10, col: 22 },
      ],
      observations: [],
    }]);
  });

  it('returns null, not 0, for a question nobody could answer, and flags a mostly unanswered driver', () => {
    const blank = (t: string) => t.replace('reliability.same-answer: 2', 'reliability.same-answer:').replace('reliability.same-answer: 1', 'reliability.same-answer:')
      .replace(/reliability\.stores: \d/, 'reliability.stores: n/a');
    const ws = load({
      'audits/acme/2026-q1/responses/ceo.yaml': { edit: blank },
      'audits/acme/2026-q1/responses/store-ops.yaml': { edit: blank },
    });
    const r = score(ws, '2026-q1');
    expect(question(r, 'reliability.same-answer')).toMatchObject({ score: null, median: null, unanswered: 2 });
    expect(part(r, 'reliability')).toMatchObject({ score: null, answered: 0, insufficient: true });
    // the index is then the momentum score alone
    expect(r.index).toBe(33.3);
  });
});

describe('diff across a questionnaire version change', () => {
  const v110 = (t: string) => t
    .replace('version: 1.0.0', 'version: 1.1.0')
    .replace('- id: reliability.stores', '- id: reliability.branches')
    .concat('changes:\n  from: 1.0.0\n  renamed: { reliability.stores: reliability.branches }\n  removed: [momentum.act-now]\n  added: [recovery.drill]\n')
    .replace(/      - id: momentum\.act-now[\s\S]*?(?=  - id: reliability)/, '')
    .replace('gates:\n', `    - id: recovery.drill
      text: { en: Do you rehearse recovery?, zh: 你们演练补救吗？ }
      levels: [{ en: a, zh: a }, { en: b, zh: b }, { en: c, zh: c }, { en: d, zh: d }, { en: e, zh: e }]
      next: [{ en: a, zh: a }, { en: b, zh: b }, { en: c, zh: c }, { en: d, zh: d }]
gates:
`);
  const answers = (role: string, owner: number, stores: number) => `respondent: { id: ${role}, role: ${role} }
answers:
  momentum.owner: { level: ${owner}, evidence: [{ note: plan, date: 2026-11-01 }] }
  reliability.same-answer: 3
  reliability.branches: ${stores}
  consistency.mystery-shop: 2
  benchmark.caller-recognition: 2
  recovery.tracking: 3
  recovery.first-response-minutes: 20
  recovery.drill: 1
`;
  const ws = load({
    'questionnaires/mini/1.1.0.yaml': v110(readFileSync(join(FIXTURES, 'minimal/questionnaires/mini/1.0.0.yaml'), 'utf8')),
    'benchmarks/best-in-class/2026.1.yaml': { edit: (t) => `${t}  recovery.drill: { level: 4, reason: { en: drills, zh: 演练 } }\n` },
    'audits/acme/2026-q4/audit.yaml': 'questionnaire: mini@1.1.0\nbenchmark: best-in-class@2026.1\nperiod: { start: 2026-10-01, end: 2026-12-31 }\nstatus: draft\n',
    'audits/acme/2026-q4/responses/ceo.yaml': answers('ceo', 4, 4),
    'audits/acme/2026-q4/responses/store-ops.yaml': answers('store-ops', 4, 0),
  });

  it('matches renamed questions, and never compares removed or added ones', () => {
    const d = diffScores(ws, score(ws, '2026-q3'), score(ws, '2026-q4'));
    expect(d.questionnaires).toEqual({ from: 'mini@1.0.0', to: 'mini@1.1.0', mapped: true });
    expect(d.mapping).toEqual({ renamed: [['reliability.stores', 'reliability.branches']], removed: ['momentum.act-now'], added: ['recovery.drill'] });
    const byId = Object.fromEntries(d.questions.map((q) => [q.id, q]));
    // reliability.stores (q3: n/a and 2 → median 2) → reliability.branches (q4: 4 and 0 → median 2): no change,
    // and any change would be noise: respondents are 4 levels apart
    expect(byId['reliability.branches']).toMatchObject({ was: 'reliability.stores', status: 'renamed', medianBefore: 2, medianAfter: 2, delta: 0, meaningful: false });
    expect(byId['momentum.act-now']).toMatchObject({ status: 'removed', after: null, delta: null });
    expect(byId['recovery.drill']).toMatchObject({ status: 'added', before: null, delta: null });
    // momentum.owner: counted 4 and 2 (median 3) → 4 and 4: one level up, but the earlier answers were
    // two levels apart, and a move must exceed half that spread to count
    expect(byId['momentum.owner']).toMatchObject({ medianBefore: 3, medianAfter: 4, delta: 25, meaningful: false });
    // consistency.mystery-shop: 2 and 2 → 2 and 2: unchanged
    expect(byId['consistency.mystery-shop']).toMatchObject({ delta: 0, meaningful: false });
    // recovery.tracking: 3 → 3
    expect(byId['recovery.tracking'].delta).toBe(0);
  });

  it('compares drivers and the index against the respondents\' own spread', () => {
    const d = diffScores(ws, score(ws, '2026-q3'), score(ws, '2026-q4'));
    // momentum q4 = owner only (act-now removed): median 4 → 100; q3 was 70.8
    expect(d.drivers.find((x) => x.id === 'momentum')).toMatchObject({ before: 70.8, after: 100, delta: 29.2 });
  });
});

describe('anonymous audits', () => {
  const anonymous = (extra = '') => ({
    'audits/acme/2026-q1/audit.yaml': { edit: (t: string) => `${t}anonymous: true\n${extra}` },
    'audits/acme/2026-q1/responses/ceo.yaml': { edit: (t: string) => t.replace('first-response-minutes: 60', 'first-response-minutes: 5') },
  });

  it('leaves out names, ids and file names, and hides roles held by fewer than the minimum', () => {
    const r = score(load(anonymous('min-role-size: 2\n')), '2026-q1');
    const json = JSON.stringify(r);
    for (const secret of ['Ada Chen', 'ceo', 'store-ops', 'responses/']) expect(json).not.toContain(secret);
    expect(r.aggregatesOnly).toBe(false);
    expect(r.people).toEqual([{ id: 'respondent-1', role: null }, { id: 'respondent-2', role: null }]);
    // Answers are listed by pseudonym, not in the ids' order.
    const answers = question(r, 'momentum.owner').answers;
    expect(answers.map((a) => a.respondent)).toEqual(['respondent-1', 'respondent-2']);
    expect(answers.map((a) => a.answer).sort()).toEqual([1, 2]);
    // the rule finding still says which (pseudonymous) respondent contradicted themselves: the CEO, who answered 2
    const ceo = answers.find((a) => a.answer === 2)!.respondent;
    expect(r.consistency.rules[0]).toMatchObject({ respondent: ceo, answers: [{ question: 'recovery.first-response-minutes', value: 5 }, { question: 'recovery.tracking', value: 1 }] });
    expect(say('en', r.consistency.findings.find((f) => f.kind === 'rule')!.message)).toMatch(new RegExp(`^${ceo}: `));
  });

  it('shows roles when the audit allows roles of one (min-role-size)', () => {
    const r = score(load(anonymous('min-role-size: 1\n')), '2026-q1');
    expect(r.people.map((p) => p.role).sort()).toEqual(['Chief executive', 'Store operations']);
    expect(JSON.stringify(r)).not.toContain('Ada Chen');
  });

  it('keys pseudonyms by the workspace secret, not by the ids or their order', () => {
    const ws = load(anonymous('min-role-size: 1\n'));
    const ceoAlias = () => score(ws, '2026-q1').people.find((p) => p.role === 'Chief executive')!.id;
    const seen = new Set<string>();
    for (let i = 0; i < 40; i++) {
      ws.secret = `secret-${i}`;
      const alias = ceoAlias();
      expect(ceoAlias()).toBe(alias); // the same input gives the same pseudonyms
      seen.add(alias);
    }
    expect([...seen].sort()).toEqual(['respondent-1', 'respondent-2']);
    // Without a secret, the response files' bytes key them: the same files, the same pseudonyms.
    delete ws.secret;
    expect(ceoAlias()).toBe(ceoAlias());
    expect(ceoAlias()).toBe(score(load(anonymous('min-role-size: 1\n')), '2026-q1').people.find((p) => p.role === 'Chief executive')!.id);
  });

  it('publishes only aggregates when fewer people answered than the minimum (default 3)', () => {
    const { 'audits/acme/2026-q1/audit.yaml': _, ...sameAnswers } = anonymous();
    void _;
    const named = score(load(sameAnswers), '2026-q1');
    const r = score(load(anonymous()), '2026-q1');
    expect(r.aggregatesOnly).toBe(true);
    expect(r.people).toEqual([]);
    expect(r.respondents).toBe(2);
    expect(r.respondentRange).toEqual({ min: null, max: null });
    const parts = [...r.drivers, r.consistency, r.benchmark, r.recovery];
    for (const p of parts) {
      expect(p.respondentRange).toEqual({ min: null, max: null });
      for (const q of p.questions) expect([q.answers, q.min, q.max]).toEqual([[], null, null]);
    }
    expect(r.consistency.rules).toEqual([]);
    expect(r.consistency.findings.filter((f) => f.kind === 'rule')).toEqual([]);
    // A dispute's levels ("from 0 to 2") would be the two answers: no dispute finding, no spread.
    const apart = { 'audits/acme/2026-q1/responses/store-ops.yaml': { edit: (t: string) => t.replace('momentum.owner: 1', 'momentum.owner: 0') } };
    const namedApart = score(load({ ...sameAnswers, ...apart }), '2026-q1');
    expect(namedApart.consistency.disputes).toEqual([{ question: 'momentum.owner', part: 'momentum', spread: 2 }]);
    expect(namedApart.consistency.findings.filter((f) => f.kind === 'dispute')).toHaveLength(1);
    const apartOnly = score(load({ ...anonymous(), ...apart }), '2026-q1');
    expect(apartOnly.consistency.disputes).toEqual([]);
    expect(apartOnly.consistency.findings.filter((f) => f.kind === 'dispute')).toEqual([]);
    // Nothing any one person wrote, but the same aggregate numbers.
    expect(JSON.stringify(r)).not.toMatch(/Chief executive|Store operations|measured in/);
    expect(r.index).toBe(named.index);
    expect(parts.map((p) => p.score)).toEqual([...named.drivers, named.consistency, named.benchmark, named.recovery].map((p) => p.score));
  });

  it('takes the minimum from touchstone.yaml (anonymous-minimum), which an audit\'s min-role-size overrides', () => {
    const settings = 'anonymous-minimum: 2\n';
    expect(score(load({ ...anonymous(), 'touchstone.yaml': settings }), '2026-q1').aggregatesOnly).toBe(false);
    expect(score(load({ ...anonymous('min-role-size: 3\n'), 'touchstone.yaml': settings }), '2026-q1').aggregatesOnly).toBe(true);
  });

});

describe('one scoring path', () => {
  // The answer form's draft scores are the audit's scoring applied to one response: a draft must
  // show, for each respondent, what `touchstone score` gives an audit of that response alone.
  it.each([['minimal', 'acme', '2026-q3'], ['client', 'harbour-inn', '2026-h2']])('draft scores equal the scores of an audit of that one response (%s)', async (fixture, org, version) => {
    const { draftScores } = await import('../../src/site/capture/response.ts');
    const { workspace: ws } = validateWorkspace(join(FIXTURES, fixture));
    const found = findAudit(ws, org, version);
    if (!found.ok) throw new Error(`no audit ${org}/${version}`);
    expect(found.audit.responses.length).toBeGreaterThan(1);
    for (const response of found.audit.responses) {
      const alone = scoreAudit({ ...found.audit, responses: [response] }, ws);
      const draft = draftScores(response.data, found.audit.questionnaire!);
      expect(round1(draft.index), response.data.respondent.id).toBe(alone.index);
      for (const p of draft.parts) {
        const scored = [...alone.drivers, alone.consistency, alone.benchmark, alone.recovery].find((x) => x.id === p.id)!;
        expect(round1(p.score), `${response.data.respondent.id} ${p.id}`).toBe(scored.score);
        expect(p.capped).toBe(scored.cap !== null);
      }
    }
  });
});

describe('what the index is made of', () => {
  const QN = 'questionnaires/mini/1.0.0.yaml';
  const composed = (index: string) => ({ [QN]: { edit: (t: string) => t.replace('drivers:\n', `index: ${index}\ndrivers:\n`) } });

  it('combines the drivers and the parts the questionnaire counts, by their weights', () => {
    const r = score(load(composed('{ drivers: 3, recovery: 1 }')), '2026-q1');
    // drivers = (33.33… + 37.5) / 2 = 35.4166…; recovery = (25 × 2 + 41.66…) / 3 = 30.5555…
    // index = (3 × 35.4166… + 1 × 30.5555…) / 4 = 34.2013…
    expect(r.index).toBe(34.2);
    // targets the same way: drivers 93.75, recovery 100 → (3 × 93.75 + 100) / 4 = 95.3125
    expect(r.target).toBe(95.3);
    expect(r.composition).toEqual([{ part: 'drivers', share: 0.75 }, { part: 'recovery', share: 0.25 }]);
    // the drivers and the parts themselves score as before
    expect([part(r, 'momentum').score, part(r, 'reliability').score, r.recovery.score]).toEqual([33.3, 37.5, 30.6]);
  });

  it('lets a recovery that breaks pull the index down, where the drivers alone would not notice', () => {
    // Both respondents stop tracking complaints (level 0): tracking 0, recovery = (0 × 2 + 41.66…) / 3 = 13.888…
    const untracked = { edit: (t: string) => t.replace('recovery.tracking: 1', 'recovery.tracking: 0') };
    const responses = { 'audits/acme/2026-q1/responses/ceo.yaml': untracked, 'audits/acme/2026-q1/responses/store-ops.yaml': untracked };
    expect(score(load(responses), '2026-q1').index).toBe(35.4); // drivers only: unmoved
    const r = score(load({ ...composed('{ drivers: 3, recovery: 1 }'), ...responses }), '2026-q1');
    // (3 × 35.4166… + 13.888…) / 4 = 30.034…
    expect(r.recovery.score).toBe(13.9);
    expect(r.index).toBe(30);
  });

  it('gives exactly today\'s figures when the questionnaire declares no index, or the drivers alone', () => {
    const plain = score(load(), '2026-q3');
    expect(plain.composition).toEqual([{ part: 'drivers', share: 1 }]);
    expect(JSON.stringify(score(load(composed('{ drivers: 5 }')), '2026-q3'))).toBe(JSON.stringify(plain));
  });

  it('leaves out a part with no score and re-shares the weights', () => {
    const blank = { edit: (t: string) => t.replace(/recovery\.tracking: \d/, 'recovery.tracking:').replace(/recovery\.first-response-minutes: \d+/, 'recovery.first-response-minutes:') };
    const r = score(load({ ...composed('{ drivers: 3, recovery: 1 }'), 'audits/acme/2026-q1/responses/ceo.yaml': blank, 'audits/acme/2026-q1/responses/store-ops.yaml': blank }), '2026-q1');
    expect(r.recovery.score).toBeNull();
    expect(r.index).toBe(35.4); // the drivers' mean alone
  });

  it('is capped by an index gate after it is composed', () => {
    const gated = { [QN]: { edit: (t: string) => t.replace('drivers:\n', 'index: { drivers: 3, recovery: 1 }\ndrivers:\n')
      .concat('  - id: index-cap\n    name: { en: Index cap, zh: 指数上限 }\n    scope: index\n    cap: 20\n    when:\n      - { question: recovery.tracking, at-most: 1 }\n') } };
    const r = score(load(gated), '2026-q1');
    expect(r.index).toBe(20);
    expect(r.cap).toMatchObject({ gate: 'index-cap', cap: 20, uncapped: 34.2 });
  });
});

describe('the index across a change of method', () => {
  // 2026-q4 answers mini@1.1.0, whose index counts recovery; 2026-q3 answered mini@1.0.0 (the drivers alone).
  const v110 = (index: string) => (t: string) => t.replace('version: 1.0.0', 'version: 1.1.0').replace('drivers:\n', `index: ${index}\ndrivers:\n`).concat('changes:\n  from: 1.0.0\n');
  const overlay = (index: string, extra: Record<string, OverlayContent> = {}) => ({
    'questionnaires/mini/1.1.0.yaml': v110(index)(readFileSync(join(FIXTURES, 'minimal/questionnaires/mini/1.0.0.yaml'), 'utf8')),
    'audits/acme/2026-q4/audit.yaml': 'questionnaire: mini@1.1.0\nbenchmark: best-in-class@2026.1\nperiod: { start: 2026-10-01, end: 2026-12-31 }\nstatus: draft\n',
    'audits/acme/2026-q4/responses/ceo.yaml': readFileSync(join(FIXTURES, 'minimal/audits/acme/2026-q3/responses/ceo.yaml'), 'utf8'),
    'audits/acme/2026-q4/responses/store-ops.yaml': readFileSync(join(FIXTURES, 'minimal/audits/acme/2026-q3/responses/store-ops.yaml'), 'utf8'),
    ...extra,
  });

  it('recomputes the older version under the newer composition, so the same answers show no change', () => {
    const ws = load(overlay('{ drivers: 3, recovery: 1 }'));
    const before = score(ws, '2026-q3');
    const after = score(ws, '2026-q4');
    // The same answers, made into an index two ways: the raw figures differ…
    expect(after.index).not.toBe(before.index);
    // …but the diff compares like with like: 2026-q3 recomputed under mini@1.1.0's index, no change at all.
    const d = diffScores(ws, before, after);
    expect(d.indexMethod).toBe('recomputed');
    expect(d.index).toMatchObject({ before: after.index, after: after.index, delta: 0, meaningful: false });
  });

  it('marks a break, never a change, when the older version has no score for a part the newer index counts', () => {
    const blank = { edit: (t: string) => t.replace(/recovery\.tracking: \d/, 'recovery.tracking:').replace(/recovery\.first-response-minutes: .*/, 'recovery.first-response-minutes:') };
    const ws = load(overlay('{ drivers: 3, recovery: 1 }', { 'audits/acme/2026-q3/responses/ceo.yaml': blank, 'audits/acme/2026-q3/responses/store-ops.yaml': blank }));
    const d = diffScores(ws, score(ws, '2026-q3'), score(ws, '2026-q4'));
    expect(d.indexMethod).toBe('break');
    expect(d.index).toMatchObject({ before: null, delta: null, meaningful: false });
  });

  it('recomputes the older version too when only the weight of the "ask twice" observations changes', () => {
    // 1.1.0 makes the index as 1.0.0 does (drivers and consistency), but counts the observations with weight 3.
    const mini = readFileSync(join(FIXTURES, 'minimal/questionnaires/mini/1.0.0.yaml'), 'utf8').replace('drivers:\n', 'index: { drivers: 1, consistency: 1 }\ndrivers:\n');
    const ws = load({
      ...overlay('{ drivers: 1, consistency: 1 }'),
      'questionnaires/mini/1.0.0.yaml': mini,
      'questionnaires/mini/1.1.0.yaml': mini.replace('version: 1.0.0', 'version: 1.1.0').replace('consistency:\n', 'consistency:\n  observed: 3\n').concat('changes:\n  from: 1.0.0\n'),
      'audits/acme/2026-q4/scenarios.yaml': readFileSync(join(FIXTURES, 'minimal/audits/acme/2026-q3/scenarios.yaml'), 'utf8'),
    });
    const before = score(ws, '2026-q3');
    const after = score(ws, '2026-q4');
    // the same answers and observations: consistency 50 as claimed, (50 + 16.66… × 3) / 4 = 25 with the observations
    expect([before.consistency.score, after.consistency.score]).toEqual([50, 25]);
    const d = diffScores(ws, before, after);
    expect(d.indexMethod).toBe('recomputed');
    expect(d.index.delta).toBe(0);
  });

  it('compares as before when both versions make the index the same way', () => {
    const ws = load(overlay('{ drivers: 1 }'));
    const before = score(ws, '2026-q3');
    const d = diffScores(ws, before, score(ws, '2026-q4'));
    expect(d.indexMethod).toBe('same');
    expect(d.index.before).toBe(before.index);
  });
});

describe('bands', () => {
  const bands = 'bands:\n'
    + '  - { id: reactive, from: 0, name: { en: Reactive, zh: 被动应对 }, meaning: { en: R., zh: 被动。 } }\n'
    + '  - { id: steady, from: 35.4, name: { en: Steady, zh: 稳定 }, meaning: { en: S., zh: 稳定。 } }\n'
    + '  - { id: strong, from: 60, name: { en: Strong, zh: 出色 }, meaning: { en: G., zh: 出色。 } }\n';
  const withBands = { 'questionnaires/mini/1.0.0.yaml': { edit: (t: string) => t.replace('drivers:\n', `${bands}drivers:\n`) } };

  it('names the band of the index and of each driver, from its lower bound up to the next one\'s', () => {
    const r = score(load(withBands), '2026-q1');
    // index 35.4 is at steady's lower bound; momentum 33.3 is below it, reliability 37.5 above
    expect(r.band).toBe('steady');
    expect(r.drivers.map((d) => [d.id, d.score, d.band])).toEqual([['momentum', 33.3, 'reactive'], ['reliability', 37.5, 'steady']]);
    expect(r.bands.map((b) => [b.id, b.from, b.to])).toEqual([['reactive', 0, 35.4], ['steady', 35.4, 60], ['strong', 60, 100]]);
    expect(score(load(withBands), '2026-q3').band).toBe('strong'); // 60.4
  });

  it('takes the score as published, and gives no band without a score or without bands', async () => {
    const { bandOf, bandRanges } = await import('../../src/core/score/bands.ts');
    const ranges = bandRanges([
      { id: 'low', from: 0, name: { en: 'L', zh: 'L' }, meaning: { en: 'L', zh: 'L' } },
      { id: 'high', from: 40, name: { en: 'H', zh: 'H' }, meaning: { en: 'H', zh: 'H' } },
    ]);
    expect([bandOf(0, ranges), bandOf(39.9, ranges), bandOf(40, ranges), bandOf(100, ranges), bandOf(null, ranges)]).toEqual(['low', 'low', 'high', 'high', null]);
    expect(bandOf(50, [])).toBeNull();
    const plain = score(load(), '2026-q1');
    expect([plain.band, plain.bands, plain.drivers[0]!.band]).toEqual([null, [], null]);
  });
});

describe('observed beats claimed: "ask twice" in the consistency score', () => {
  // Both respondents now claim mystery-shopping at level 3 (75). The observations: 2 of 4 contacts answered correctly, so a
  // customer who asks twice is told the right thing both times with chance 2 × 1 / (4 × 3) = 1/6: 16.66…
  const claims = { edit: (t: string) => t.replace('consistency.mystery-shop: 2', 'consistency.mystery-shop: 3') };
  const responses = { 'audits/acme/2026-q3/responses/ceo.yaml': claims, 'audits/acme/2026-q3/responses/store-ops.yaml': claims };
  const observedWeight = (w: number) => ({ 'questionnaires/mini/1.0.0.yaml': { edit: (t: string) => t.replace('consistency:\n', `consistency:\n  observed: ${w}\n`) } });

  it('reports the observations without scoring them unless the questionnaire says how much they count', () => {
    const r = score(load(responses), '2026-q3');
    expect(r.consistency).toMatchObject({ score: 75, correct: 0.5, observed: 16.7, observedWeight: null });
  });

  it('counts them like questions of the declared weight, beside the self-ratings', () => {
    const r = score(load({ ...responses, ...observedWeight(3) }), '2026-q3');
    // (75 × 1 + 16.66… × 3) / 4 = 31.25; best in class answers every contact correctly: (100 × 1 + 100 × 3) / 4 = 100
    expect(r.consistency).toMatchObject({ score: 31.3, target: 100, observed: 16.7, observedWeight: 3 });
  });

  it('so a worse observation never raises the consistency score, and reaches an index that counts consistency', () => {
    const worse = { 'audits/acme/2026-q3/scenarios.yaml': { edit: (t: string) => t.replace(/correct: true/g, 'correct: false') } };
    const composed = { 'questionnaires/mini/1.0.0.yaml': { edit: (t: string) => t.replace('consistency:\n', 'consistency:\n  observed: 3\n').replace('drivers:\n', 'index: { drivers: 1, consistency: 1 }\ndrivers:\n') } };
    const before = score(load({ ...responses, ...composed }), '2026-q3');
    const after = score(load({ ...responses, ...composed, ...worse }), '2026-q3');
    // no contact answered correctly: (75 × 1 + 0 × 3) / 4 = 18.75
    expect(after.consistency).toMatchObject({ correct: 0, observed: 0, score: 18.8 });
    expect(after.consistency.score!).toBeLessThan(before.consistency.score!);
    expect(after.index!).toBeLessThan(before.index!);
  });
});


describe('"don\'t know" is an answer', () => {
  // The CEO cannot say how consistent answers are, nor the first-response time (a metric), in the
  // detail form with a comment: neither counts as a level, neither is a blank.
  const overlay = {
    'audits/acme/2026-q1/responses/ceo.yaml': {
      edit: (t: string) => t.replace('reliability.same-answer: 2', 'reliability.same-answer: dont-know')
        .replace('recovery.first-response-minutes: 60', 'recovery.first-response-minutes: { value: dont-know, comment: "nobody measures it" }'),
    },
  };

  it('is valid for any question, level or metric, and is not warned about as unanswered', () => {
    const root = workspaceFrom('minimal', overlay);
    created.push(root);
    const { diagnostics } = validateWorkspace(root);
    expect(diagnostics.filter((d) => d.file.endsWith('ceo.yaml') && d.code !== 'answer/unanswered').map((d) => d.code)).toEqual([]);
    expect(diagnostics.filter((d) => d.file.endsWith('2026-q1/responses/ceo.yaml') && d.code === 'answer/unanswered')).toEqual([]);
  });

  it('counts as no level: the median is the others\' answers', () => {
    const r = score(load(overlay), '2026-q1');
    // reliability.same-answer: dont-know and 1 → median 1 → 25 (with the CEO's 2 it was 1.5 → 37.5)
    expect(question(r, 'reliability.same-answer')).toMatchObject({ median: 1, count: 1, dontKnow: 1, na: 0, unanswered: 0, score: 25 });
    // recovery.first-response-minutes: dont-know and 90 → median 90
    expect(question(r, 'recovery.first-response-minutes')).toMatchObject({ median: 90, count: 1, dontKnow: 1 });
    const trace = question(r, 'reliability.same-answer').answers.find((a) => a.respondent === 'ceo')!;
    expect(trace).toMatchObject({ answer: 'dont-know', counted: 'dont-know' });
  });

  it('is reported as a knowledge gap per question and role, most such answers first', () => {
    const ws = load({
      ...overlay,
      'audits/acme/2026-q1/responses/store-ops.yaml': { edit: (t: string) => t.replace('reliability.same-answer: 1', 'reliability.same-answer: dont-know') },
    });
    const found = findAudit(ws, 'acme', '2026-q1');
    if (!found.ok) throw new Error('no audit');
    const report = reportOf(found.audit, ws);
    expect(report.knowledgeGaps.map((g) => [g.question, g.count, g.of, g.roles])).toEqual([
      ['reliability.same-answer', 2, 2, [{ role: 'Chief executive', count: 1 }, { role: 'Store operations', count: 1 }]],
      ['recovery.first-response-minutes', 1, 2, [{ role: 'Chief executive', count: 1 }]],
    ]);
    // Nobody knows: the question has no score, and the part's mean leaves it out.
    expect(question(report, 'reliability.same-answer')).toMatchObject({ median: null, score: null, dontKnow: 2 });
  });

  it('names no role an anonymous audit hides, and none at all when it publishes aggregates only', () => {
    const anonymous = { 'audits/acme/2026-q1/audit.yaml': { edit: (t: string) => `${t}anonymous: true\nmin-role-size: 2\n` } };
    const found = (ws: Workspace) => {
      const f = findAudit(ws, 'acme', '2026-q1');
      if (!f.ok) throw new Error('no audit');
      return reportOf(f.audit, ws);
    };
    // Two respondents, minimum 2: answers are shown, but each role is held by one person.
    const shown = found(load({ ...overlay, ...anonymous }));
    expect(shown.aggregatesOnly).toBe(false);
    expect(shown.knowledgeGaps[0]!.roles).toEqual([{ role: null, count: 1 }]);
    const aggregates = found(load({ ...overlay, 'audits/acme/2026-q1/audit.yaml': { edit: (t: string) => `${t}anonymous: true\nmin-role-size: 3\n` } }));
    expect(aggregates.aggregatesOnly).toBe(true);
    expect(aggregates.knowledgeGaps.map((g) => [g.question, g.count, g.roles])).toEqual([
      ['reliability.same-answer', 1, []], ['recovery.first-response-minutes', 1, []],
    ]);
  });

  it('is written plainly by the scaffold\'s writer and reads back as the same token', () => {
    expect(answerLines('reliability.same-answer', 'dont-know')).toEqual(['  reliability.same-answer: dont-know']);
    const carried = answerLines('reliability.same-answer', { level: 'dont-know', 'carried-over': true });
    expect(carried).toEqual(['  reliability.same-answer: { level: dont-know, carried-over: true }']);
    expect(parse(`answers:\n${carried[0]}\n`)).toEqual({ answers: { 'reliability.same-answer': { level: 'dont-know', 'carried-over': true } } });
  });
});

describe('observed beats claimed: facts, observations and the evidence policy on metrics', () => {
  // 2026-q3: the CEO says 20 minutes to a first response, store operations 30 (median 25); the
  // four "ask twice" contacts gave 2 correct answers (50%), with a luck factor of 0.833.
  const FACTS = 'audits/acme/2026-q3/facts.yaml';
  const fact = (value: number, metric = 'recovery.first-response-minutes') =>
    `facts:\n  - metric: ${metric}\n    value: ${value}\n    source: system\n    from: Zendesk, first replies in Q3\n    owner: Head of service\n    date: 2026-09-30\n`;
  const bank = 'questionnaires/mini/1.0.0.yaml';
  const withRules = (rules: string) => ({ [bank]: { edit: (t: string) => t.replace('  rules:\n', `  rules:\n${rules}`) } });
  const q3 = (overlay: Record<string, OverlayContent>) => score(load(overlay), '2026-q3');

  it('lets a fact replace the respondents\' opinions on its metric, and keeps the opinions beside it', () => {
    const r = q3({ [FACTS]: fact(95) });
    const q = question(r, 'recovery.first-response-minutes');
    // 95 minutes on a lower-is-better metric from 125 (floor) to 5 (target): (125 − 95) / 120 × 100 = 25
    expect(q).toMatchObject({ median: 95, min: 95, max: 95, score: 25, count: 2 });
    expect(q.fact).toMatchObject({ value: 95, source: 'system', owner: 'Head of service', date: '2026-09-30', opinion: 25, file: FACTS, line: 3 });
    // Each respondent's opinion is still shown as written; what counted is the fact.
    expect(q.answers.map((a) => [a.respondent, a.answer, a.counted])).toEqual([['ceo', 20, 95], ['store-ops', 30, 95]]);
    expect(r.recovery.metrics.find((m) => m.id === q.id)).toMatchObject({ value: 95, basis: 'fact', met: false });
    // Without the fact: the opinions' median, 25 minutes → (125 − 25) / 120 × 100 = 83.3
    const before = q3({});
    expect(question(before, q.id)).toMatchObject({ median: 25, score: 83.3 });
    expect(before.recovery.metrics.find((m) => m.id === q.id)!.basis).toBe('opinion');
  });

  it('refuses the same fact twice, a fact for a level question and an unknown metric, each at its line', () => {
    const root = workspaceFrom('minimal', {
      [FACTS]: `${fact(95)}${fact(40).replace('facts:\n', '')}${fact(2, 'recovery.tracking').replace('facts:\n', '')}${fact(2, 'recovery.first-response-minute').replace('facts:\n', '')}`,
    });
    created.push(root);
    const errors = validateWorkspace(root).diagnostics.filter((d) => d.file === FACTS);
    expect(errors.map((d) => [d.code, d.line])).toEqual([['facts/duplicate', 8], ['facts/not-a-metric', 14], ['facts/unknown-metric', 20]]);
    expect(errors[0]!.message).toContain('already stated at line 2 (95 from Zendesk, first replies in Q3)');
    expect(errors[2]!.message).toContain('did you mean "recovery.first-response-minutes"');
  });

  it('compares a self-rating with the observations, naming both with file and line', () => {
    const r = q3(withRules('    - id: same-answer-unobserved\n      message: { en: Claims the same answer everywhere, zh: 声称处处答复一致 }\n      when:\n        - { question: reliability.same-answer, at-least: 3 }\n        - { observed: correct, below: 90 }\n'));
    // The CEO says 3, store operations 1; 2 of 4 contacts were correct: 50% < 90%.
    const found = r.consistency.rules.filter((f) => f.rule === 'same-answer-unobserved');
    expect(found).toEqual([{
      rule: 'same-answer-unobserved', message: { en: 'Claims the same answer everywhere', zh: '声称处处答复一致' }, respondent: 'ceo',
      answers: [{ question: 'reliability.same-answer', value: 3, file: 'audits/acme/2026-q3/responses/ceo.yaml', line: 9, col: 28 }],
      observations: [{ observed: 'correct', value: 50, file: 'audits/acme/2026-q3/scenarios.yaml', line: 2, col: 1 }],
    }]);
  });

  it('compares a self-rating with a fact rather than with the respondent\'s own figure', () => {
    const rule = '    - id: tracked-but-slow\n      message: { en: Tracks complaints yet answers late, zh: 有跟踪却回复慢 }\n      when:\n        - { question: recovery.tracking, at-least: 3 }\n        - { question: recovery.first-response-minutes, above: 60 }\n';
    // Opinions of 20 and 30 minutes: no contradiction.
    expect(q3(withRules(rule)).consistency.rules.filter((f) => f.rule === 'tracked-but-slow')).toEqual([]);
    // The measured 95 minutes contradicts both respondents' tracking at 3.
    const found = q3({ ...withRules(rule), [FACTS]: fact(95) }).consistency.rules.filter((f) => f.rule === 'tracked-but-slow');
    expect(found.map((f) => f.respondent)).toEqual(['ceo', 'store-ops']);
    expect(found[0]!.answers[1]).toEqual({ question: 'recovery.first-response-minutes', value: 95, file: FACTS, line: 3, col: 12, fact: true });
  });

  it('lets a gate read the observations', () => {
    const overlay = { [bank]: { edit: (t: string) => `${t}  - id: luck-of-the-draw\n    name: { en: Luck of the draw, zh: 全凭运气 }\n    scope: consistency\n    cap: 30\n    when:\n      - { observed: luck, above: 50 }\n` } };
    const r = q3(overlay);
    // consistency.mystery-shop: 2 and 2 → 50, capped at 30 because the luck factor is 83.3% > 50%
    expect(r.consistency.score).toBe(30);
    expect(r.consistency.cap).toMatchObject({ gate: 'luck-of-the-draw', cap: 30, uncapped: 50 });
    expect(r.recovery.gates.find((g) => g.id === 'luck-of-the-draw')!.because).toEqual([{ observed: 'luck', value: 83.3 }]);
    // An audit without observations does not close it (2026-q1 has no scenarios.yaml).
    expect(score(load(overlay), '2026-q1').recovery.gates.find((g) => g.id === 'luck-of-the-draw')!.passed).toBe(true);
  });

  it('refuses a condition without a target or a test, and a rule that tests no answer', () => {
    const root = workspaceFrom('minimal', withRules('    - id: broken\n      message: { en: Broken, zh: 坏 }\n      when:\n        - { observed: correct, below: 90 }\n        - { observed: luck }\n        - { question: recovery.tracking, observed: luck, at-most: 1 }\n'));
    created.push(root);
    const codes = validateWorkspace(root).diagnostics.filter((d) => d.file === bank).map((d) => d.code);
    expect(codes).toEqual(expect.arrayContaining(['questionnaire/condition-test', 'questionnaire/condition-target']));
    const alone = workspaceFrom('minimal', withRules('    - id: only-observed\n      message: { en: Only observed, zh: 仅观察 }\n      when:\n        - { observed: correct, below: 90 }\n        - { observed: luck, above: 50 }\n'));
    created.push(alone);
    expect(validateWorkspace(alone).diagnostics.filter((d) => d.file === bank).map((d) => d.code)).toEqual(['questionnaire/rule-without-answer']);
  });

  it('applies the evidence policy to metric opinions: an unevidenced claim counts a level\'s worth lower', () => {
    const r = q3({ [bank]: { edit: (t: string) => t.replace('applies-to: expected', 'applies-to: all') } });
    // A level's worth of this metric is (125 − 5) / 4 = 30 minutes. CEO 20 min scores
    // (125 − 20) / 120 = 87.5 ≥ level 3's 75 → counts 50 min; store ops 30 min (79.2) → 60 min.
    // Median 55 → (125 − 55) / 120 × 100 = 58.3
    const q = question(r, 'recovery.first-response-minutes');
    expect(q.answers.map((a) => [a.answer, a.counted])).toEqual([[20, 50], [30, 60]]);
    expect(q).toMatchObject({ median: 55, score: 58.3 });
    expect(q.answers[0]!.discounted).toBe('20 without evidence counts as 50');
  });
});

describe('an action plan, not a list', () => {
  const bank = 'questionnaires/mini/1.0.0.yaml';
  // Sizes in person-days; momentum.owner's step from level 1 is large, reliability.same-answer's
  // every step small, momentum.act-now's medium, reliability.stores not sized.
  const sized = {
    [bank]: {
      edit: (t: string) => t.replace('drivers:\n', 'effort: { S: 2, M: 10, L: 40 }\ndrivers:\n')
        .replace('      - id: momentum.owner\n', '      - id: momentum.owner\n        effort: [S, L, L, L]\n')
        .replace('      - id: momentum.act-now\n', '      - id: momentum.act-now\n        effort: M\n')
        .replace('      - id: reliability.same-answer\n', '      - id: reliability.same-answer\n        effort: S\n'),
    },
  };

  it('ranks steps by the index points they add per person-day, an unsized step as a medium one', () => {
    const r = score(load(sized), '2026-q1');
    // Points as shown in "ranks actions by the index points…" above, per day: same-answer 6.3 / 2
    // = 3.15; stores (unsized, as M) 6.3 / 10 = 0.63; act-now 4.2 / 10 = 0.42; owner (median 1.5:
    // the step from level 1, L) 8.3 / 40 = 0.2075; the rest add 0.
    expect(r.actions.map((a) => [a.question, a.impact, a.effort, a.days, a.perDay])).toEqual([
      ['reliability.same-answer', 6.3, 'S', 2, 3.15], ['reliability.stores', 6.3, null, null, null], ['momentum.act-now', 4.2, 'M', 10, 0.42],
      ['momentum.owner', 8.3, 'L', 40, 0.208], ['benchmark.caller-recognition', 0, null, null, null], ['consistency.mystery-shop', 0, null, null, null],
      ['recovery.first-response-minutes', 0, null, null, null], ['recovery.tracking', 0, null, null, null],
    ]);
    // No action promises more than the index can still gain.
    for (const a of r.actions) expect(a.impact).toBeLessThanOrEqual(100 - r.index!);
  });

  it('ranks by points alone when the questionnaire sizes no effort', () => {
    expect(score(load(), '2026-q1').actions.map((a) => a.question).slice(0, 4)).toEqual(['momentum.owner', 'reliability.same-answer', 'reliability.stores', 'momentum.act-now']);
  });

  const PLAN = 'audits/acme/2026-q1/actions.yaml';
  const plan = 'actions:\n  - question: momentum.owner\n    owner: PMO lead\n    due: 2026-06-30\n    status: done\n'
    + '  - question: reliability.same-answer\n    step: { en: Write the top ten answers down, zh: 写下十个最常见问题的标准答复 }\n    owner: { en: Head of service, zh: 服务负责人 }\n    due: 2026-09-30\n    status: in-progress\n';

  it('carries what the audit\'s actions.yaml agreed on each action', () => {
    const r = score(load({ [PLAN]: plan }), '2026-q1');
    expect(r.agreed.map((a) => [a.question, a.status, a.file, a.line])).toEqual([['momentum.owner', 'done', PLAN, 2], ['reliability.same-answer', 'in-progress', PLAN, 6]]);
    expect(r.actions.find((a) => a.question === 'momentum.owner')!.agreed).toEqual({ owner: 'PMO lead', due: '2026-06-30', status: 'done' });
    expect(r.actions.find((a) => a.question === 'reliability.stores')!.agreed).toBeNull();
  });

  it('shows in the next report what was agreed last time and whether the score moved', () => {
    const ws = load({ [PLAN]: plan });
    const q1 = findAudit(ws, 'acme', '2026-q1');
    const q3 = findAudit(ws, 'acme', '2026-q3');
    if (!q1.ok || !q3.ok) throw new Error('no audit');
    const report = reportOf(q3.audit, ws, q1.audit);
    // momentum.owner: 37.5 (q1) → 75 (q3); reliability.same-answer: 37.5 → 50 (q3: 3 and 1 → 2); two
    // respondents per version: no verdict on either change.
    expect(report.followUp.map((f) => [f.question, f.status, f.change?.before, f.change?.after, f.change?.meaningful])).toEqual([
      ['momentum.owner', 'done', 37.5, 75, false], ['reliability.same-answer', 'in-progress', 37.5, 50, false],
    ]);
    expect(report.followUp[1]).toMatchObject({ owner: { en: 'Head of service', zh: '服务负责人' }, step: { en: 'Write the top ten answers down' } });
    // The first audit follows nothing up.
    expect(reportOf(q1.audit, ws).followUp).toEqual([]);
  });

  it('refuses an action for an unknown question, two actions for one question, and efforts that do not fit', () => {
    const root = workspaceFrom('minimal', {
      [PLAN]: `${plan}  - question: momentum.ownr\n    owner: x\n    due: 2026-06-30\n    status: planned\n  - question: momentum.owner\n    owner: y\n    due: 2026-06-30\n    status: planned\n`,
      [bank]: { edit: (t: string) => t.replace('      - id: momentum.owner\n', '      - id: momentum.owner\n        effort: [S, L]\n') },
    });
    created.push(root);
    const codes = validateWorkspace(root).diagnostics.map((d) => [d.code, d.file, d.line]);
    expect(codes).toEqual(expect.arrayContaining([
      ['actions/unknown-question', PLAN, 11], ['actions/duplicate', PLAN, 15], ['questionnaire/effort-count', bank, 14], ['questionnaire/effort-without-sizes', bank, 14],
    ]));
  });
});

describe('questions routed to groups of respondents', () => {
  const bank = 'questionnaires/mini/1.0.0.yaml';
  const routed = {
    [bank]: {
      edit: (t: string) => t.replace('drivers:\n', 'groups:\n  - { id: leadership, name: { en: Leadership, zh: 管理层 } }\n  - { id: frontline, name: { en: Frontline, zh: 一线 } }\ndrivers:\n')
        .replace('      - id: momentum.owner\n', '      - id: momentum.owner\n        groups: [leadership]\n'),
    },
    'audits/acme/2026-q1/responses/ceo.yaml': { edit: (t: string) => t.replace('name: Ada Chen }', 'name: Ada Chen, group: leadership }') },
    'audits/acme/2026-q1/responses/store-ops.yaml': { edit: (t: string) => t.replace('role: Store operations }', 'role: Store operations, group: frontline }') },
  };

  it('counts a routed question only among the respondents asked it', () => {
    const r = score(load(routed), '2026-q1');
    // momentum.owner: the CEO's 2 alone (store operations, frontline, is not asked) → 50, not 37.5
    expect(question(r, 'momentum.owner')).toMatchObject({ median: 2, count: 1, unanswered: 0, score: 50 });
    expect(question(r, 'momentum.owner').answers.map((a) => a.respondent)).toEqual(['ceo']);
    // momentum = (50 × 2 + 25) / 3 = 41.7 (was 33.3); an unrouted question still counts both
    expect(part(r, 'momentum').score).toBe(41.7);
    expect(question(r, 'momentum.act-now').count).toBe(2);
  });

  it('warns about an answer to a question not asked, and about nothing not asked being blank', () => {
    const root = workspaceFrom('minimal', routed);
    created.push(root);
    const diagnostics = validateWorkspace(root).diagnostics.filter((d) => d.file.startsWith('audits/acme/2026-q1/responses/'));
    expect(diagnostics.map((d) => [d.code, d.file])).toEqual([['answer/not-asked', 'audits/acme/2026-q1/responses/store-ops.yaml']]);
    expect(diagnostics[0]!.message).toContain('asked of leadership only, not of group "frontline"');
  });

  it('has the answer form write only the questions asked of the chosen group, scored as the audit would be', async () => {
    const { draftScores, emptyDraft, toResponse } = await import('../../src/site/capture/response.ts');
    const ws = load(routed);
    const q = ws.questionnaires.get('mini@1.0.0')!;
    const draft = emptyDraft();
    draft.respondent = { id: 'clerk', role: 'Store clerk', group: 'frontline' };
    for (const id of q.questions.keys()) draft.answers[id] = { choice: q.questions.get(id)!.type === 'metric' ? '30' : '3', comment: '', evidence: [] };
    const response = toResponse(draft, q);
    expect(response.respondent).toEqual({ id: 'clerk', role: 'Store clerk', group: 'frontline' });
    expect(Object.keys(response.answers)).not.toContain('momentum.owner');
    expect(Object.keys(response.answers)).toHaveLength(q.questions.size - 1);
    // Without a group: every question, and no group key.
    const all = toResponse({ ...draft, respondent: { ...draft.respondent, group: '' } }, q);
    expect(all.respondent).toEqual({ id: 'clerk', role: 'Store clerk' });
    expect(Object.keys(all.answers)).toHaveLength(q.questions.size);
    // The draft scores what an audit of this one response scores.
    const found = findAudit(ws, 'acme', '2026-q1');
    if (!found.ok) throw new Error('no audit');
    const alone = scoreAudit({ ...found.audit, responses: [{ ...found.audit.responses[0]!, data: response }] }, ws);
    expect(round1(draftScores(response, q).index)).toBe(alone.index);
    expect(alone.drivers.find((d) => d.id === 'momentum')!.questions.find((x) => x.id === 'momentum.owner')!.score).toBeNull();
  });

  it('refuses a group the questionnaire does not declare, for a question or a respondent', () => {
    const root = workspaceFrom('minimal', {
      ...routed,
      [bank]: { edit: (t: string) => routed[bank].edit(t).replace('groups: [leadership]', 'groups: [leadershp]') },
      'audits/acme/2026-q1/responses/ceo.yaml': { edit: (t: string) => t.replace('name: Ada Chen }', 'name: Ada Chen, group: board }') },
    });
    created.push(root);
    const codes = validateWorkspace(root).diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);
    expect(codes).toEqual(expect.arrayContaining(['questionnaire/unknown-group', 'respondent/unknown-group']));
  });
});

describe('the methodology\'s worked examples', () => {
  it('are computed by the scoring rules on the questionnaire\'s own scale', async () => {
    const { methodOf } = await import('../../src/core/score/method.ts');
    const ws = load();
    const m = methodOf(ws.questionnaires.get('mini@1.0.0')!);
    // 0–4: level 3 → 75; answers 1, 2, 4 → median 2 → 50; without the 2: median of 1 and 4 = 2.5 → 62.5
    expect(m.examples.level).toEqual({ level: 3, score: 75 });
    expect(m.examples.median).toEqual({ answers: [1, 2, 4], median: 2, score: 50 });
    expect(m.examples.dontKnow).toEqual({ answers: [1, 4], median: 2.5, score: 62.5 });
    // from 3, penalty 1: an unevidenced 3 counts 2
    expect(m.examples.evidence).toEqual({ claimed: 3, counted: 2 });
    // (75 × 2 + 50 × 1) / 3 = 66.7
    expect(m.examples.weighted).toEqual({ scores: [75, 50], weights: [2, 1], mean: 66.7 });
    // outcomes A, A, B, C: 1 − 2 / 12
    expect(m.examples.luck).toEqual({ contacts: 4, same: 2, pairs: 12, agree: 2, luck: 0.833 });
  });

  it('follow another scale', async () => {
    const { methodOf } = await import('../../src/core/score/method.ts');
    const { indexQuestionnaire } = await import('../../src/core/read/model.ts');
    const loaded = load().questionnaires.get('mini@1.0.0')!;
    const { 'evidence-policy': policy, ...data } = loaded.data;
    void policy;
    const m = methodOf(indexQuestionnaire({ source: loaded.source, data: { ...data, scale: { min: 1, max: 4 } } }));
    // 1–4: level 3 → (3 − 1) / 3 = 66.7; answers 2, 3, 4 → 3 → 66.7; no policy, no evidence example
    expect(m.examples.level).toEqual({ level: 3, score: 66.7 });
    expect(m.examples.median).toEqual({ answers: [2, 3, 4], median: 3, score: 66.7 });
    expect(m.examples.evidence).toBeNull();
  });
});
