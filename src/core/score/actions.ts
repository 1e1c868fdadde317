import { questionScoreOf, type QuestionAggregate } from './question-score.ts';
import type { IndexComponent, QuestionnaireModel } from '../read/model.ts';
import type { Action, Message } from '../score-types.ts';
import { round1, round3 } from './aggregate.ts';
import type { Question } from '../schema-types.ts';
import { indexOfAggregates, NONE_OBSERVED, type Observations } from './score-responses.ts';

/**
 * The action plan: every question below its best-in-class target, each with the index points it
 * would add, found by a what-if: the audit re-scored with that question's median raised one level
 * (a metric: moved to its target), through the same part means, gates and index composition. So no
 * action promises more than the index can still gain, and a step inside a part a gate caps adds
 * nothing until the gate opens. Steps that lift a binding cap come first; then, where the
 * questionnaire sizes efforts (`effort`), by points per person-day (an unsized step counts as
 * M), else by points; ties by question id. Each quotes the questionnaire's next step for the level
 * the organisation is at now, with its effort, and what the audit's actions.yaml agreed for it.
 * Language-neutral: the question and its next step are the questionnaire's bilingual texts, and
 * the sentences Touchstone adds are message ids with their figures.
 */
export function rankActions(q: QuestionnaireModel, aggregates: ReadonlyMap<string, QuestionAggregate>, components: readonly IndexComponent[] = q.index,
  observed: Observations = NONE_OBSERVED, agreed: ReadonlyMap<string, Action['agreed']> = new Map()): Action[] {
  const sizes = q.data.effort;
  const base = indexOfAggregates(q, aggregates, components, observed);
  const candidates: (Omit<Action, 'priority'> & { rank: number })[] = [];
  for (const a of aggregates.values()) {
    if (a.score === null || a.targetScore === null || a.targetScore <= a.score) continue;
    const question = a.question;
    const whatIf = indexOfAggregates(q, new Map(aggregates).set(question.id, raised(a, q)), components, observed);
    const impact = base.index === null || whatIf.index === null ? 0 : Math.max(0, whatIf.index - base.index);
    const lifts = [...base.binding].find((gate) => !whatIf.binding.has(gate)) ?? null;
    const now = round1(a.median!)!;
    let next: Action['next'];
    let why: Message;
    // The step's place among the questionnaire's next steps: the level it climbs from (a metric has one).
    let step = 0;
    if (question.type === 'level') {
      const level = Math.min(q.scale.max - 1, Math.max(q.scale.min, Math.floor(a.median!)));
      step = level - q.scale.min;
      next = question.def.next?.[step] ?? null;
      why = { id: 'actionWhyLevel', params: { now, min: q.scale.min, max: q.scale.max, target: a.target! } };
    } else {
      const unit = question.def.unit ?? { en: '', zh: '' };
      next = { id: 'actionNextMetric', params: { now, target: a.target!, unit } };
      why = { id: 'actionWhyMetric', params: { now, target: a.target!, unit } };
    }
    const effort = effortOf(question.def.effort, step);
    const days = effort && sizes ? sizes[effort] : null;
    // Ranked by the points as shown (so a reader can check the order; equal points tie by id),
    // per day where the questionnaire sizes efforts, an unsized step as if middle-sized.
    const shown = round1(impact)!;
    const rank = sizes ? shown / (days ?? sizes.M) : shown;
    candidates.push({
      question: question.id, part: question.part, impact: shown, lifts, text: question.def.text, why, next,
      effort: days === null ? null : effort, days, perDay: days === null ? null : round3(shown / days), agreed: agreed.get(question.id) ?? null, rank,
    });
  }
  candidates.sort((x, y) => Number(y.lifts !== null) - Number(x.lifts !== null) || y.rank - x.rank || (x.question < y.question ? -1 : 1));
  return candidates.map((c, i) => ({
    question: c.question, part: c.part, priority: i + 1, impact: c.impact, lifts: c.lifts, text: c.text, why: c.why, next: c.next,
    effort: c.effort, days: c.days, perDay: c.perDay, agreed: c.agreed,
  }));
}

/** A step's effort size: the question's one size, or its size for that step. */
function effortOf(effort: Question['effort'], step: number): 'S' | 'M' | 'L' | null {
  if (effort === undefined) return null;
  return typeof effort === 'string' ? effort : effort[step] ?? null;
}

/** The question as it would score one step up: its median one level higher (at most the top), a metric at its target. */
function raised(a: QuestionAggregate, q: QuestionnaireModel): QuestionAggregate {
  const median = a.question.type === 'metric' ? a.question.def.target ?? 0 : Math.min(a.median! + 1, q.scale.max);
  return { ...a, median, score: questionScoreOf(a.question, median, q.scale) };
}
