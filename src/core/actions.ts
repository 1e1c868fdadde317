import type { QuestionAggregate } from './question-score.ts';
import type { QuestionnaireModel } from './model.ts';
import type { Action } from './score-types.ts';
import { round1 } from './aggregate.ts';

import type { Lang } from './lang.ts';

export type { Lang } from './lang.ts';

/**
 * The action plan: every question below its best-in-class target, ranked by
 * weight × gap (in score points), ties broken by question id; each with the
 * questionnaire's own next step for the level the organisation is at now.
 */
export function rankActions(q: QuestionnaireModel, aggregates: Iterable<QuestionAggregate>, lang: Lang): Action[] {
  const candidates: Omit<Action, 'priority'>[] = [];
  for (const a of aggregates) {
    if (a.score === null || a.targetScore === null || a.targetScore <= a.score) continue;
    const question = a.question;
    const impact = question.weight * (a.targetScore - a.score);
    const text = question.def.text[lang];
    let next: string;
    let why: string;
    if (question.type === 'level') {
      const level = Math.min(q.scale.max - 1, Math.max(q.scale.min, Math.floor(a.median!)));
      next = question.def.next?.[level - q.scale.min]?.[lang] ?? '';
      why = lang === 'zh'
        ? `目前处于第 ${fmt(a.median!)} 级（量表 ${q.scale.min}–${q.scale.max} 级），业界最佳为第 ${a.target} 级`
        : `at level ${fmt(a.median!)} on the ${q.scale.min}–${q.scale.max} scale; best in class is level ${a.target}`;
    } else {
      const unit = question.def.unit?.[lang] ?? '';
      next = lang === 'zh'
        ? `将该指标从 ${fmt(a.median!)} ${unit}改善到 ${a.target} ${unit}`
        : `move this from ${fmt(a.median!)} ${unit} to ${a.target} ${unit}`;
      why = lang === 'zh' ? `目前为 ${fmt(a.median!)} ${unit}，业界最佳为 ${a.target} ${unit}` : `now ${fmt(a.median!)} ${unit}; best in class is ${a.target} ${unit}`;
    }
    candidates.push({ question: question.id, part: question.part, impact: round1(impact)!, why, next, text });
  }
  candidates.sort((x, y) => y.impact - x.impact || (x.question < y.question ? -1 : 1));
  return candidates.map((c, i) => ({ question: c.question, part: c.part, priority: i + 1, impact: c.impact, why: c.why, next: c.next, text: c.text }));
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}
