// The conditions of rules and gates, on their own: the answer form scores drafts in the browser
// with gates.ts, so this must not pull in the validator's modules (or node:crypto with them).
import type { Condition } from '../schema-types.ts';
import type { AnswerValue } from '../read/model.ts';

/**
 * Whether one answer value meets a condition of a rule or gate. "dont-know" meets none: it is
 * neither a level nor a blank (a gate reads the median, which nobody's "dont-know" makes).
 */
export function conditionHolds(c: Condition, value: AnswerValue): boolean {
  if (c.unanswered) return value === null;
  if (c['is-na']) return value === 'n/a';
  if (typeof value !== 'number') return false;
  if (c['at-most'] !== undefined && value > c['at-most']) return false;
  if (c['at-least'] !== undefined && value < c['at-least']) return false;
  return c['at-most'] !== undefined || c['at-least'] !== undefined;
}

