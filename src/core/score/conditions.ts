// The conditions of rules and gates, on their own: the answer form scores drafts in the browser
// with gates.ts, so this must not pull in the validator's modules (or node:crypto with them).
import type { Condition } from '../schema-types.ts';
import type { AnswerValue } from '../read/model.ts';

/**
 * The figures of an audit's "ask twice" observations that conditions can test (`observed:`), in
 * percent, each null when the audit has no observations to give it.
 */
export type ObservedFigures = Record<NonNullable<Condition['observed']>, number | null>;

export const NO_OBSERVATIONS: ObservedFigures = { correct: null, luck: null, 'ask-twice': null };

/**
 * Whether one value meets a condition of a rule or gate: an answer's (or a fact's) value, or a
 * figure of the observations. "dont-know" meets none: it is neither a level nor a blank (a gate
 * reads the median, which nobody's "dont-know" makes). Bounds together must all hold.
 */
export function conditionHolds(c: Condition, value: AnswerValue): boolean {
  if (c.unanswered) return value === null;
  if (c['is-na']) return value === 'n/a';
  if (typeof value !== 'number') return false;
  if (c['at-most'] !== undefined && value > c['at-most']) return false;
  if (c['at-least'] !== undefined && value < c['at-least']) return false;
  if (c.below !== undefined && value >= c.below) return false;
  if (c.above !== undefined && value <= c.above) return false;
  return c['at-most'] !== undefined || c['at-least'] !== undefined || c.below !== undefined || c.above !== undefined;
}
