import type { QuestionnaireModel } from '../read/model.ts';
import type { Detail, ResponseFile } from '../schema-types.ts';

/**
 * Deterministic answers for the example organisation that `touchstone init` scaffolds: a
 * plausible, complete set (every question answered) so that `score`, `check` and `build` work
 * on a fresh workspace. No randomness: the same questionnaire always gives the same answers.
 */
type Answer = ResponseFile['answers'][string];

function hash(text: string): number {
  let h = 0;
  for (const ch of text) h = (h * 31 + ch.codePointAt(0)!) >>> 0;
  return h;
}

export const EXAMPLE_RESPONDENTS = [
  { id: 'ceo', role: 'Chief executive', lift: 1 },
  { id: 'service-lead', role: 'Customer service lead', lift: 0 },
  { id: 'store-ops', role: 'Store operations', lift: 0 },
] as const;

export function exampleAnswers(q: QuestionnaireModel, respondent: number, evidenceDate: string): Record<string, Answer> {
  const { min, max } = q.scale;
  const lift = EXAMPLE_RESPONDENTS[respondent]?.lift ?? 0;
  const from = q.data['evidence-policy']?.from ?? max + 1;
  const out: Record<string, Answer> = {};
  for (const question of q.questions.values()) {
    const h = hash(question.id);
    if (question.type === 'metric') {
      const { target = 0, floor = 0 } = question.def;
      // Somewhere between the floor and the target, a little better for the optimistic respondent.
      const share = 0.4 + ((h % 4) / 10) + lift * 0.05;
      let value = Math.round(floor + (target - floor) * Math.min(share, 1));
      if (question.def.min !== undefined) value = Math.max(value, question.def.min);
      if (question.def.max !== undefined) value = Math.min(value, question.def.max);
      out[question.id] = value;
      continue;
    }
    // Mostly the middle of the scale (one level either side of it), with some spread between
    // questions and respondents: on any scale the example then passes init's own index floor.
    const base = min + Math.round((max - min) / 2) - 1 + (h % 3);
    const offset = respondent === 0 && h % 4 === 0 ? 1 : respondent === 2 && h % 5 === 0 ? -1 : 0;
    const level = Math.max(min, Math.min(max, base + offset));
    if (question.evidence === 'expected' && level >= from && respondent === 0) {
      const detail: Detail = { level, evidence: [{ note: 'Example evidence: replace with a link to the document that backs this level.', date: evidenceDate }] };
      out[question.id] = detail;
    } else out[question.id] = level;
  }
  return out;
}
