import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { diffScores, findAudit, scoreAudit, validateWorkspace, type QuestionnaireModel, type ScoreResult, type Workspace } from '../../src/core/index.ts';
import { indexQuestionnaire } from '../../src/core/read/model.ts';
import { bootstrap, differenceOf, intervalOf, RESAMPLES, weightedMedian } from '../../src/core/score/bootstrap.ts';
import { median } from '../../src/core/score/aggregate.ts';
import { aggregateQuestion } from '../../src/core/score/question-score.ts';
import { NONE_OBSERVED } from '../../src/core/score/score-responses.ts';
import type { ResponseModel } from '../../src/core/read/model.ts';
import type { SourceFile } from '../../src/core/read/yaml-file.ts';
import { removeWorkspace, workspaceFrom } from '../helpers/cli.ts';

/**
 * The bootstrap behind every interval and every "meaningful" change (core/score/bootstrap.ts),
 * on cases whose resampling distribution can be worked out by hand.
 */
const source = (file: string) => ({ file, locate: () => ({ line: 1, col: 1 }) }) as unknown as SourceFile;

/** One driver of one 0–4 question: its score is the question's, so the driver's interval is the median's. */
function oneQuestion(): QuestionnaireModel {
  return indexQuestionnaire({
    source: source('questionnaire.yaml'),
    data: { id: 'one', version: '1.0.0', title: { en: 'One', zh: '一' }, drivers: [{ id: 'd', name: { en: 'D', zh: '丁' }, questions: [{ id: 'd.q', text: { en: 'Q', zh: '问' } }] }] },
  } as never);
}

function resample(levels: (number | 'n/a' | null)[], seed = 'org/v1') {
  const q = oneQuestion();
  const responses = levels.map((level, i) => ({
    source: source(`r${i}.yaml`), data: { respondent: { id: `r${i}`, role: null }, answers: { 'd.q': level } },
  })) as unknown as ResponseModel[];
  const aggregates = new Map([['d.q', aggregateQuestion(q.questions.get('d.q')!, responses, q, undefined)]]);
  return bootstrap(q, aggregates, responses.map((r) => r.data.respondent.id), seed, q.index, NONE_OBSERVED);
}

describe('the percentile bootstrap over respondents', () => {
  it('draws the same resamples for the same organisation and version, and others for another', () => {
    const a = resample([0, 1, 2, 3, 4]);
    const b = resample([0, 1, 2, 3, 4]);
    expect(a!.index.length).toBe(RESAMPLES);
    expect(Buffer.from(a!.index.buffer).equals(Buffer.from(b!.index.buffer))).toBe(true);
    expect(Buffer.from(resample([0, 1, 2, 3, 4], 'org/v2')!.index.buffer).equals(Buffer.from(a!.index.buffer))).toBe(false);
  });

  it('gives the interval the resampled median has by hand', () => {
    // Levels 0, 2, 4: three draws with replacement; the median is 0 when two or more draws are the
    // 0 (3 × (1/3)² × 2/3 + (1/3)³ = 7/27 ≈ 26%), 4 likewise (26%), else 2 (48%). The 5th
    // percentile is therefore a 0 (score 0) and the 95th a 4 (score 100).
    expect(intervalOf(resample([0, 2, 4])!.index)).toEqual({ low: 0, high: 100 });
    // Levels 2, 2, 4: the median is 4 only when two or more draws are the 4 (7/27 ≈ 26% > 5%),
    // otherwise 2 (74%): the interval runs from 2 (50) to 4 (100).
    expect(intervalOf(resample([2, 2, 4])!.index)).toEqual({ low: 50, high: 100 });
    // Everyone at 3: every resample says 3 (75), so the interval has no width.
    expect(intervalOf(resample([3, 3, 3, 3])!.index)).toEqual({ low: 75, high: 75 });
  });

  it('has no interval below three respondents', () => {
    expect(resample([1, 3])).toBeNull();
  });

  it('leaves n/a and blanks out of a resample’s median, as the score does', () => {
    // 1, n/a, blank, 3, 3: a resample's median is over its drawn 1s and 3s only, so never 2 or below 1.
    const r = resample([1, 'n/a', null, 3, 3])!;
    const seen = new Set([...r.index].filter((v) => !Number.isNaN(v)));
    for (const v of seen) expect([25, 50, 75]).toContain(v); // median 1, (1 + 3) / 2, 3
    expect([...r.index].some(Number.isNaN)).toBe(true); // a resample of only n/a and blanks has no score
  });

  it('takes the same median as the drawn answers written out', () => {
    fc.assert(fc.property(
      fc.array(fc.record({ value: fc.integer({ min: 0, max: 8 }), count: fc.integer({ min: 0, max: 4 }) }), { minLength: 1, maxLength: 9 })
        .filter((xs) => xs.some((x) => x.count > 0)),
      (xs) => {
        const sorted = xs.map((x, i) => ({ ...x, i })).sort((a, b) => a.value - b.value);
        const written = xs.flatMap((x) => Array<number>(x.count).fill(x.value));
        const total = written.length;
        expect(weightedMedian(sorted.map((x) => x.value), sorted.map((x) => x.i), xs.map((x) => x.count), total)).toBe(median(written));
      },
    ));
  });

  it('calls a change meaningful only when the interval of the difference excludes zero', () => {
    const at = (...v: number[]) => Float64Array.from(v);
    // Resample by resample: after − before = 1, 2, 3 … the 5th–95th percentiles are above zero.
    expect(differenceOf(at(10, 10, 10, 10, 10), at(11, 12, 13, 14, 15))).toEqual({ interval: { low: 1.2, high: 4.8 }, meaningful: true });
    // −1 … +3: zero inside, so within chance however large the middle is.
    expect(differenceOf(at(10, 10, 10, 10, 10), at(9, 11, 12, 12, 13))).toMatchObject({ meaningful: false });
    // A version without resamples (fewer than three respondents): no interval, no verdict.
    expect(differenceOf(undefined, at(50))).toEqual({ interval: null, meaningful: false });
  });
});

describe('intervals and meaningful changes on an audit', () => {
  const created: string[] = [];
  afterAll(() => created.forEach(removeWorkspace));
  const third = (levels: string) => `respondent: { id: third, role: Store manager }\nanswers:\n${levels}`;
  function load(overlay: Record<string, string>): Workspace {
    const root = workspaceFrom('minimal', overlay);
    created.push(root);
    const { workspace, diagnostics } = validateWorkspace(root);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    return workspace;
  }
  const score = (ws: Workspace, version: string): ScoreResult => {
    const found = findAudit(ws, 'acme', version);
    if (!found.ok) throw new Error(version);
    return scoreAudit(found.audit, ws);
  };

  it('flags two respondents as a small sample: no interval, and no change called real however large', () => {
    const ws = load({});
    const before = score(ws, '2026-q1');
    const after = score(ws, '2026-q3');
    expect(before).toMatchObject({ respondents: 2, smallSample: true, interval: null });
    expect(after.drivers.every((d) => d.interval === null)).toBe(true);
    const d = diffScores(ws, before, after);
    expect(d.index.delta).not.toBe(0);
    expect(d.index).toMatchObject({ meaningful: false, interval: null });
    expect(d.drivers.every((x) => !x.meaningful && x.interval === null)).toBe(true);
  });

  it('gives three respondents an interval around the index, and the diff its verdict', () => {
    const all = (level: number) => ['momentum.owner', 'momentum.act-now', 'reliability.same-answer', 'reliability.stores']
      .map((id) => `  ${id}: ${level}\n`).join('');
    // Every respondent answers every driver question 1 in 2026-q1 and 2 in 2026-q3 (below the
    // evidence policy's level 3): whatever the draw, each driver moves from 25 to 50, so the
    // change's interval is exactly +25.
    const ws = load({
      'audits/acme/2026-q1/responses/ceo.yaml': `respondent: { id: ceo, role: Chief executive }\nanswers:\n${all(1)}`,
      'audits/acme/2026-q1/responses/store-ops.yaml': `respondent: { id: store-ops, role: Store operations }\nanswers:\n${all(1)}`,
      'audits/acme/2026-q1/responses/third.yaml': third(all(1)),
      'audits/acme/2026-q3/responses/ceo.yaml': `respondent: { id: ceo, role: Chief executive }\nanswers:\n${all(2)}`,
      'audits/acme/2026-q3/responses/store-ops.yaml': `respondent: { id: store-ops, role: Store operations }\nanswers:\n${all(2)}`,
      'audits/acme/2026-q3/responses/third.yaml': third(all(2)),
    });
    const before = score(ws, '2026-q1');
    const after = score(ws, '2026-q3');
    expect(before).toMatchObject({ respondents: 3, smallSample: false, interval: { low: 25, high: 25 } });
    const d = diffScores(ws, before, after);
    expect(d.drivers.find((x) => x.id === 'momentum')).toMatchObject({ delta: 25, interval: { low: 25, high: 25 }, meaningful: true });
    expect(d.index).toMatchObject({ delta: 25, interval: { low: 25, high: 25 }, meaningful: true });
    expect(d.questions.find((x) => x.id === 'momentum.owner')).toMatchObject({ delta: 25, interval: { low: 25, high: 25 }, meaningful: true });
  });

  it('gives no interval, and writes no NaN, where three respondents left everything blank or n/a', () => {
    const blank = (id: string) => `respondent: { id: ${id}, role: Store manager }\nanswers:\n  momentum.owner:\n  reliability.stores: n/a\n`;
    const ws = load({
      'audits/acme/2026-q3/responses/ceo.yaml': blank('ceo'),
      'audits/acme/2026-q3/responses/store-ops.yaml': blank('store-ops'),
      'audits/acme/2026-q3/responses/third.yaml': blank('third'),
    });
    const r = score(ws, '2026-q3');
    expect(r).toMatchObject({ respondents: 3, smallSample: false, index: null, interval: null, agreementInterval: null });
    expect(r.drivers.map((d) => d.interval)).toEqual([null, null]);
    expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity/);
  });

  it('calls the same answers in two versions within chance', () => {
    const answers = (a: number, b: number, c: number) => `  momentum.owner: ${a}\n  momentum.act-now: ${b}\n  reliability.same-answer: ${c}\n`;
    const files = {
      'ceo.yaml': `respondent: { id: ceo, role: Chief executive }\nanswers:\n${answers(0, 1, 4)}`,
      'store-ops.yaml': `respondent: { id: store-ops, role: Store operations }\nanswers:\n${answers(2, 3, 1)}`,
      'third.yaml': third(answers(4, 0, 2)),
    };
    const ws = load(Object.fromEntries(['2026-q1', '2026-q3'].flatMap((v) => Object.entries(files).map(([f, t]) => [`audits/acme/${v}/responses/${f}`, t]))));
    const before = score(ws, '2026-q1');
    const after = score(ws, '2026-q3');
    const d = diffScores(ws, before, after);
    // Other draws for each version (seeded by version), so the interval is not zero, but it straddles it.
    expect(d.drivers.find((x) => x.id === 'momentum')).toMatchObject({ delta: 0, meaningful: false });
    const iv = d.drivers.find((x) => x.id === 'momentum')!.interval!;
    expect(iv.low).toBeLessThan(0);
    expect(iv.high).toBeGreaterThan(0);
    // And the interval of the index holds its point estimate here.
    expect(after.interval!.low).toBeLessThanOrEqual(after.index!);
    expect(after.interval!.high).toBeGreaterThanOrEqual(after.index!);
  });
});
