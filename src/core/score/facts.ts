import type { AuditModel } from '../read/model.ts';
import type { FactsFile } from '../schema-types.ts';
import type { ScenarioResult } from '../score-types.ts';
import type { ObservedFigures } from './conditions.ts';

/** One metric measured for the audit (facts.yaml), with where it is written. */
export type Fact = FactsFile['facts'][number] & { file: string; line: number; col: number };

/**
 * The audit's facts by metric id: each replaces the respondents' opinions on its metric wherever a
 * number is made of it (the question's median, its score, gates, rules, actions). `validate`
 * refuses a metric stated twice, so the first is the only one.
 */
export function factsOf(audit: Pick<AuditModel, 'facts'>): Map<string, Fact> {
  const out = new Map<string, Fact>();
  const loaded = audit.facts;
  loaded?.data.facts.forEach((f, i) => {
    if (out.has(f.metric)) return;
    const at = loaded.source.locate(['facts', i, 'value']);
    out.set(f.metric, { ...f, file: loaded.source.file, line: at.line, col: at.col });
  });
  return out;
}

/**
 * The figures of the "ask twice" observations that rules and gates test (`observed:`), in percent:
 * the share of correct answers, the luck factor (the mean over scenarios), and the observations'
 * score; each null without observations to give it.
 */
export function observedFigures(results: readonly ScenarioResult[], askTwice: number | null): ObservedFigures {
  const observations = results.reduce((n, s) => n + s.observations, 0);
  const correct = results.reduce((n, s) => n + s.correct, 0);
  return {
    correct: observations ? (100 * correct) / observations : null,
    luck: results.length ? (100 * results.reduce((s, r) => s + r.luck, 0)) / results.length : null,
    'ask-twice': askTwice,
  };
}
