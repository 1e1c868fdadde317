import type { Action, Headline, PartScore } from './score-types.ts';

/** The headline of one scored audit: taken from its ranked actions and its question scores. */
export function headline(parts: readonly PartScore[], actions: readonly Pick<Action, 'question'>[]): Headline {
  const scored = parts.flatMap((p) => p.questions).filter((q) => q.score !== null && q.targetScore !== null);
  const strengths = [...scored]
    .sort((a, b) => b.score! - a.score! || (a.targetScore! - a.score!) - (b.targetScore! - b.score!) || (a.id < b.id ? -1 : 1))
    .slice(0, 3).map((q) => q.id);
  return { gaps: actions.slice(0, 3).map((a) => a.question), strengths };
}
