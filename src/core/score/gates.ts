import { conditionHolds, NO_OBSERVATIONS, type ObservedFigures } from './conditions.ts';
import type { QuestionnaireModel } from '../read/model.ts';
import { aggregateValue, type AggregateFigures } from './question-score.ts';
import type { Cap, GateResult } from '../score-types.ts';

/**
 * Gates cap a score when an essential is missing (e.g. "no documented recovery strategy:
 * recovery at most 40"). A gate closes when any of its conditions holds on the audit's median
 * answer (its fact, for a metric the audit measured) or on a figure of its "ask twice"
 * observations; of the closed gates on one scope, the lowest cap is the one applied.
 */
export function evaluateGates(q: QuestionnaireModel, aggregates: ReadonlyMap<string, AggregateFigures>, observed: ObservedFigures = NO_OBSERVATIONS): GateResult[] {
  // Loops rather than map/filter chains: every bootstrap resample evaluates the gates again.
  const results: GateResult[] = [];
  for (const gate of q.gates) {
    const because: GateResult['because'] = [];
    for (const c of gate.when) {
      if (c.observed !== undefined) {
        const value = observed[c.observed];
        if (conditionHolds(c, value)) because.push({ observed: c.observed, value });
        continue;
      }
      const a = aggregates.get(c.question!);
      const value = a ? aggregateValue(a) : null;
      if (conditionHolds(c, value)) because.push({ question: c.question!, value });
    }
    results.push({ id: gate.id, name: gate.name, scope: gate.scope, passed: because.length === 0, cap: gate.cap, applied: false, because });
  }
  return results;
}

/** Applies the closed gates of one scope to a score; marks the applied gate and returns the cap. */
export function applyGates(scope: string, score: number | null, gates: GateResult[]): { score: number | null; cap: Cap | null } {
  // The lowest cap of the closed gates of this scope, ties by id (one pass: every bootstrap resample runs this per part).
  let lowest: GateResult | undefined;
  for (const g of gates) {
    if (g.scope === scope && !g.passed && (!lowest || g.cap < lowest.cap || (g.cap === lowest.cap && g.id < lowest.id))) lowest = g;
  }
  if (!lowest || score === null || score <= lowest.cap) return { score, cap: null };
  lowest.applied = true;
  return { score: lowest.cap, cap: { gate: lowest.id, name: lowest.name, cap: lowest.cap, uncapped: score } };
}
