import { questionScoreOf, type QuestionAggregate } from './question-score.ts';
import type { IndexComponent, QuestionnaireModel } from '../read/model.ts';
import type { Action, Message } from '../score-types.ts';
import { round1 } from './aggregate.ts';
import { indexOfAggregates, NONE_OBSERVED, type Observations } from './score-responses.ts';

/**
 * The action plan: every question below its best-in-class target, each with the index points it
 * would add, found by a what-if: the audit re-scored with that question's median raised one level
 * (a metric: moved to its target), through the same part means, gates and index composition. So no
 * action promises more than the index can still gain, and a step inside a part a gate caps adds
 * nothing until the gate opens. Steps that lift a binding cap come first, then by points added,
 * ties by question id; each quotes the questionnaire's next step for the level the organisation is
 * at now. Language-neutral: the question and its next step are the questionnaire's bilingual
 * texts, and the sentences Touchstone adds are message ids with their figures.
 */
export function rankActions(q: QuestionnaireModel, aggregates: ReadonlyMap<string, QuestionAggregate>, components: readonly IndexComponent[] = q.index,
  observed: Observations = NONE_OBSERVED): Action[] {
  const base = indexOfAggregates(q, aggregates, components, observed);
  const candidates: Omit<Action, 'priority'>[] = [];
  for (const a of aggregates.values()) {
    if (a.score === null || a.targetScore === null || a.targetScore <= a.score) continue;
    const question = a.question;
    const whatIf = indexOfAggregates(q, new Map(aggregates).set(question.id, raised(a, q)), components, observed);
    const impact = base.index === null || whatIf.index === null ? 0 : Math.max(0, whatIf.index - base.index);
    const lifts = [...base.binding].find((gate) => !whatIf.binding.has(gate)) ?? null;
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
    candidates.push({ question: question.id, part: question.part, impact: round1(impact)!, lifts, text: question.def.text, why, next });
  }
  candidates.sort((x, y) => Number(y.lifts !== null) - Number(x.lifts !== null) || y.impact - x.impact || (x.question < y.question ? -1 : 1));
  return candidates.map((c, i) => ({ question: c.question, part: c.part, priority: i + 1, impact: c.impact, lifts: c.lifts, text: c.text, why: c.why, next: c.next }));
}

/** The question as it would score one step up: its median one level higher (at most the top), a metric at its target. */
function raised(a: QuestionAggregate, q: QuestionnaireModel): QuestionAggregate {
  const median = a.question.type === 'metric' ? a.question.def.target ?? 0 : Math.min(a.median! + 1, q.scale.max);
  return { ...a, median, score: questionScoreOf(a.question, median, q.scale) };
}
