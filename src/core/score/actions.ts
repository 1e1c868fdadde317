import type { QuestionAggregate } from './question-score.ts';
import type { QuestionnaireModel } from '../read/model.ts';
import type { Action, Message } from '../score-types.ts';
import { round1 } from './aggregate.ts';

/**
 * The action plan: every question below its best-in-class target, ranked by
 * weight × gap (in score points), ties broken by question id; each with the
 * questionnaire's own next step for the level the organisation is at now. Language-neutral:
 * the question and its next step are the questionnaire's bilingual texts, and the sentences
 * Touchstone adds are message ids with their figures (the site's catalogues word them).
 */
export function rankActions(q: QuestionnaireModel, aggregates: Iterable<QuestionAggregate>): Action[] {
  const candidates: Omit<Action, 'priority'>[] = [];
  for (const a of aggregates) {
    if (a.score === null || a.targetScore === null || a.targetScore <= a.score) continue;
    const question = a.question;
    const impact = question.weight * (a.targetScore - a.score);
    const now = round1(a.median!)!;
    let next: Action['next'];
    let why: Message;
    if (question.type === 'level') {
      const level = Math.min(q.scale.max - 1, Math.max(q.scale.min, Math.floor(a.median!)));
      next = question.def.next?.[level - q.scale.min] ?? null;
      why = { id: 'actionWhyLevel', params: { now, min: q.scale.min, max: q.scale.max, target: a.target! } };
    } else {
      const unit = question.def.unit ?? { en: '', zh: '' };
      next = { id: 'actionNextMetric', params: { now, target: a.target!, unit } };
      why = { id: 'actionWhyMetric', params: { now, target: a.target!, unit } };
    }
    candidates.push({ question: question.id, part: question.part, impact: round1(impact)!, text: question.def.text, why, next });
  }
  candidates.sort((x, y) => y.impact - x.impact || (x.question < y.question ? -1 : 1));
  return candidates.map((c, i) => ({ question: c.question, part: c.part, priority: i + 1, impact: c.impact, text: c.text, why: c.why, next: c.next }));
}
