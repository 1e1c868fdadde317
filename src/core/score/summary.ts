import type { Action, AnswerTrace, Headline, PartScore } from '../score-types.ts';

/** The headline of one scored audit: taken from its ranked actions and its question scores. */
export function headline(parts: readonly PartScore[], actions: readonly Pick<Action, 'question'>[]): Headline {
  const scored = parts.flatMap((p) => p.questions).filter((q) => q.score !== null && q.targetScore !== null);
  const strengths = [...scored]
    .sort((a, b) => b.score! - a.score! || (a.targetScore! - a.score!) - (b.targetScore! - b.score!) || (a.id < b.id ? -1 : 1))
    .slice(0, 3).map((q) => q.id);
  return { gaps: actions.slice(0, 3).map((a) => a.question), strengths };
}

/**
 * A question's answers lowest level first (unanswered, then "dont-know", before every level; n/a after), each
 * level's answers in respondent order: how the presenter view lines up a disputed question's votes.
 */
export function votesByLevel<A extends Pick<AnswerTrace, 'counted'>>(answers: readonly A[]): A[] {
  const rank = (v: A['counted']) => (typeof v === 'number' ? v : v === 'n/a' ? Infinity : v === 'dont-know' ? -Number.MAX_VALUE : -Infinity);
  return answers.map((a, i) => ({ a, i })).sort((x, y) => rank(x.a.counted) - rank(y.a.counted) || x.i - y.i).map((x) => x.a);
}
