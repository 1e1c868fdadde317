import fc from 'fast-check';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scoreAudit, validateWorkspace, type ScoreResult } from '../../src/core/index.ts';
import { FIXTURES } from '../helpers/cli.ts';

/**
 * Properties of the score on generated workspaces: the minimal questionnaire with 1–6
 * respondents answering at random (levels, n/a where allowed, blanks, evidence, metrics).
 * Each case is written to disk and read back through the real loader.
 */
const LEVEL_QUESTIONS = ['momentum.owner', 'momentum.act-now', 'reliability.same-answer', 'reliability.stores',
  'consistency.mystery-shop', 'benchmark.caller-recognition', 'recovery.tracking'] as const;
const NA_ALLOWED = new Set(['reliability.stores']);

type Answer = { level: number | 'n/a' | null; evidence: boolean };
type Respondent = { answers: Answer[]; minutes: number | null };

const answer = fc.record({
  level: fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 0, max: 4 }) }, { weight: 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constant('n/a' as const) }),
  evidence: fc.boolean(),
});
const respondent: fc.Arbitrary<Respondent> = fc.record({
  answers: fc.array(answer, { minLength: LEVEL_QUESTIONS.length, maxLength: LEVEL_QUESTIONS.length }),
  minutes: fc.option(fc.integer({ min: 0, max: 600 }), { nil: null }),
});
const audit = fc.array(respondent, { minLength: 1, maxLength: 6 });

function responseYaml(id: string, r: Respondent): string {
  const lines = LEVEL_QUESTIONS.map((q, i) => {
    const a = r.answers[i];
    const level = a.level === 'n/a' && !NA_ALLOWED.has(q) ? 2 : a.level;
    if (level === null) return `  ${q}:`;
    if (a.evidence && level !== 'n/a') return `  ${q}: { level: ${level}, evidence: [{ note: seen, date: 2026-01-01 }] }`;
    return `  ${q}: ${level}`;
  });
  lines.push(`  recovery.first-response-minutes:${r.minutes === null ? '' : ` ${r.minutes}`}`);
  return `respondent: { id: ${id}, role: Staff }\nanswers:\n${lines.join('\n')}\n`;
}

/** Writes the generated audit as the only audit of a copy of the minimal workspace, and scores it. */
function scoreGenerated(respondents: Respondent[], names?: string[], index?: string): ScoreResult {
  const root = mkdtempSync(join(tmpdir(), 'touchstone-prop-'));
  try {
    cpSync(join(FIXTURES, 'minimal'), root, { recursive: true });
    rmSync(join(root, 'audits/acme/2026-q3'), { recursive: true });
    if (index) {
      const file = join(root, 'questionnaires/mini/1.0.0.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('drivers:\n', `index: ${index}\ndrivers:\n`));
    }
    const dir = join(root, 'audits/acme/2026-q1/responses');
    rmSync(dir, { recursive: true });
    mkdirSync(dir);
    respondents.forEach((r, i) => writeFileSync(join(dir, `${names?.[i] ?? `r${i}`}.yaml`), responseYaml(`r${i}`, r)));
    const { workspace, diagnostics } = validateWorkspace(root);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    return scoreAudit(workspace.orgs[0].audits[0], workspace);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function allScores(r: ScoreResult): (number | null)[] {
  const parts = [...r.drivers, r.consistency, r.benchmark, r.recovery];
  return [r.index, r.target, ...parts.flatMap((p) => [p.score, p.target, ...p.questions.flatMap((q) => [q.score, q.targetScore])])];
}

/** The result without file names, which are the only thing a rename may change. */
function withoutFiles(r: ScoreResult): string {
  return JSON.stringify(r, (key, value) => (key === 'file' ? undefined : value));
}

const runs = Number(process.env.TOUCHSTONE_PROPERTY_RUNS ?? 60);

describe('score properties', () => {
  it('every score is in 0–100 or null, and no action promises more than the index can still gain', () => {
    fc.assert(fc.property(audit, (respondents) => {
      const r = scoreGenerated(respondents, undefined, '{ drivers: 2, consistency: 1, recovery: 1 }');
      for (const s of allScores(r)) {
        if (s !== null) expect(s >= 0 && s <= 100, `score ${s}`).toBe(true);
      }
      // 0.1: the index and each action's points are rounded on their own
      for (const a of r.actions) expect(a.impact >= 0 && a.impact <= 100 - (r.index ?? 0) + 0.1, `${a.question} +${a.impact} on ${r.index}`).toBe(true);
    }), { numRuns: runs });
  });

  it('raising one answer never lowers its driver score or the index', () => {
    const driverQuestions = LEVEL_QUESTIONS.slice(0, 4);
    fc.assert(fc.property(audit, fc.nat(), fc.integer({ min: 0, max: 3 }), (respondents, who, which) => {
      const i = who % respondents.length;
      const a = respondents[i].answers[which];
      fc.pre(typeof a.level === 'number' && a.level < 4);
      const raised = structuredClone(respondents);
      (raised[i].answers[which].level as number) += 1;
      const before = scoreGenerated(respondents);
      const after = scoreGenerated(raised);
      const driver = driverQuestions[which].split('.')[0];
      const b = before.drivers.find((d) => d.id === driver)!.score;
      const c = after.drivers.find((d) => d.id === driver)!.score;
      if (b !== null) expect(c).toBeGreaterThanOrEqual(b);
      if (before.index !== null) expect(after.index!).toBeGreaterThanOrEqual(before.index);
    }), { numRuns: runs });
  });

  it('raising any answer never lowers an index that counts consistency and recovery too', () => {
    const composed = '{ drivers: 2, consistency: 1, recovery: 1 }';
    fc.assert(fc.property(audit, fc.nat(), fc.nat(), (respondents, who, q) => {
      const i = who % respondents.length;
      const which = q % LEVEL_QUESTIONS.length;
      const a = respondents[i].answers[which];
      fc.pre(typeof a.level === 'number' && a.level < 4);
      const raised = structuredClone(respondents);
      (raised[i].answers[which].level as number) += 1;
      const before = scoreGenerated(respondents, undefined, composed);
      const after = scoreGenerated(raised, undefined, composed);
      expect(before.composition.map((c) => c.part)).toEqual(['drivers', 'consistency', 'recovery']);
      if (before.index !== null) expect(after.index!).toBeGreaterThanOrEqual(before.index);
    }), { numRuns: runs });
  });

  it('renaming or reordering respondent files changes nothing', () => {
    fc.assert(fc.property(audit, (respondents) => {
      const names = respondents.map((_, i) => `zz-${respondents.length - i}-renamed`);
      expect(withoutFiles(scoreGenerated(respondents, names))).toBe(withoutFiles(scoreGenerated(respondents)));
    }), { numRuns: Math.ceil(runs / 2) });
  });

  it('the same input gives byte-identical JSON', () => {
    fc.assert(fc.property(audit, (respondents) => {
      expect(JSON.stringify(scoreGenerated(respondents))).toBe(JSON.stringify(scoreGenerated(respondents)));
    }), { numRuns: Math.ceil(runs / 2) });
  });
});
