import { conditionHolds } from './conditions.ts';
import type { QuestionnaireModel } from '../read/model.ts';
import { aggregateValue, type QuestionAggregate } from './question-score.ts';
import type { Cap, GateResult } from '../score-types.ts';

/**
 * Gates cap a score when an essential is missing (e.g. "no documented recovery strategy:
 * recovery at most 40"). A gate closes when any of its conditions holds on the audit's
 * median answer; of the closed gates on one scope, the lowest cap is the one applied.
 */
export function evaluateGates(q: QuestionnaireModel, aggregates: ReadonlyMap<string, QuestionAggregate>): GateResult[] {
  return q.gates.map((gate) => {
    const because = gate.when
      .map((c) => {
        const a = aggregates.get(c.question);
        const value = a ? aggregateValue(a) : null;
        return { question: c.question, value, holds: conditionHolds(c, value) };
      })
      .filter((c) => c.holds)
      .map(({ question, value }) => ({ question, value }));
    return { id: gate.id, name: gate.name, scope: gate.scope, passed: because.length === 0, cap: gate.cap, applied: false, because };
  });
}

/** Applies the closed gates of one scope to a score; marks the applied gate and returns the cap. */
export function applyGates(scope: string, score: number | null, gates: GateResult[]): { score: number | null; cap: Cap | null } {
  const closed = gates.filter((g) => g.scope === scope && !g.passed).sort((a, b) => a.cap - b.cap || (a.id < b.id ? -1 : 1));
  const lowest = closed[0];
  if (!lowest || score === null || score <= lowest.cap) return { score, cap: null };
  lowest.applied = true;
  return { score: lowest.cap, cap: { gate: lowest.id, name: lowest.name, cap: lowest.cap, uncapped: score } };
}
