import { clamp, median, range } from './aggregate.ts';
import { answerValue, isAsked, type AnswerValue, type BenchmarkModel, type QuestionModel, type QuestionnaireModel, type ResponseModel } from '../read/model.ts';
import type { Detail, Question } from '../schema-types.ts';
import type { AnswerTrace } from '../score-types.ts';
import type { Fact } from './facts.ts';

/** One question aggregated across respondents, unrounded; score.ts rounds for output. */
export interface QuestionAggregate {
  question: QuestionModel;
  traces: AnswerTrace[];
  /** Counted levels or values (after the evidence policy), one per answering respondent. */
  values: number[];
  /** Per respondent id: the counted number, for agreement and per-respondent scores. */
  byRespondent: Map<string, AnswerValue>;
  median: number | null;
  min: number | null;
  max: number | null;
  na: number;
  /** Respondents who answered "dont-know": counted as no level, reported as a knowledge gap. */
  dontKnow: number;
  unanswered: number;
  evidence: number;
  disputed: boolean;
  score: number | null;
  target: number | null;
  targetScore: number | null;
  /** The audit's fact for this metric (facts.yaml), which replaced the opinions: the median, every respondent's counted value. */
  fact?: Fact;
  /** With a fact: the median of the respondents' opinions, after the evidence policy, for the report to set beside it. */
  opinion?: number | null;
}

/** What gates and part means read of a question's aggregate (a bootstrap resample makes only these). */
export type AggregateFigures = Pick<QuestionAggregate, 'question' | 'median' | 'na' | 'score'>;

/** Maps a level onto 0–100. */
export function levelScore(level: number, scale: { min: number; max: number }): number {
  return ((level - scale.min) / (scale.max - scale.min)) * 100;
}

/** Maps a metric value onto 0–100: 100 at the target, 0 at the floor, linear between, clamped. */
export function metricScore(value: number, def: Pick<Question, 'target' | 'floor'>): number {
  const target = def.target ?? 0;
  const floor = def.floor ?? 0;
  if (target === floor) return value === target ? 100 : 0;
  return clamp(((value - floor) / (target - floor)) * 100, 0, 100);
}

export function questionScoreOf(q: QuestionModel, value: number, scale: { min: number; max: number }): number {
  return q.type === 'metric' ? metricScore(value, q.def) : levelScore(value, scale);
}

/**
 * A metric opinion `levels` levels' worth lower, as the evidence policy counts an unevidenced
 * claim: its score less `levels` steps of the scale (25 points a level on 0–4), as a value on the
 * metric (between its floor and its target). Below the floor already, it stays where it is.
 */
export function metricLowered(value: number, def: Pick<Question, 'target' | 'floor'>, levels: number, scale: { min: number; max: number }): number {
  const score = metricScore(value, def);
  if (score === 0) return value;
  const target = def.target ?? 0;
  const floor = def.floor ?? 0;
  // A level's worth of the metric is (floor − target) / (scale steps); beyond the target, from the target.
  const lowered = (score === 100 ? target : value) + (levels * (floor - target)) / (scale.max - scale.min);
  return metricScore(lowered, def) === 0 ? floor : lowered;
}

export function aggregateQuestion(
  question: QuestionModel,
  responses: readonly ResponseModel[],
  questionnaire: QuestionnaireModel,
  benchmark: BenchmarkModel | undefined,
  fact?: Fact,
): QuestionAggregate {
  const policy = questionnaire.data['evidence-policy'];
  const spread = questionnaire.data['dispute-spread'] ?? 2;
  const traces: AnswerTrace[] = [];
  const values: number[] = [];
  const byRespondent = new Map<string, AnswerValue>();
  let na = 0;
  let dontKnow = 0;
  let unanswered = 0;
  let evidence = 0;
  for (const response of responses) {
    if (!isAsked(question, response.data.respondent)) continue;
    const raw = response.data.answers[question.id];
    const detail = typeof raw === 'object' && raw !== null ? (raw as Detail) : undefined;
    const answer = answerValue(raw);
    const cited = detail?.evidence ?? [];
    let counted: AnswerValue = answer;
    let discounted: string | undefined;
    const policed = policy && typeof answer === 'number' && cited.length === 0 &&
      ((policy['applies-to'] ?? 'expected') === 'all' || question.evidence === 'expected');
    if (policed && question.type === 'level' && answer >= policy.from) {
      counted = Math.max(questionnaire.scale.min, answer - policy.penalty);
      discounted = `level ${answer} without evidence counts as ${counted}`;
    } else if (policed && question.type === 'metric' && metricScore(answer, question.def) >= levelScore(policy.from, questionnaire.scale)) {
      // A metric opinion is a claim too: one that scores like level `from` or better, unevidenced,
      // counts `penalty` levels' worth lower.
      counted = metricLowered(answer, question.def, policy.penalty, questionnaire.scale);
      discounted = `${answer} without evidence counts as ${Math.round(counted * 10) / 10}`;
    }
    if (cited.length > 0) evidence++;
    if (counted === null) unanswered++;
    else if (counted === 'n/a') na++;
    else if (counted === 'dont-know') dontKnow++;
    else values.push(counted);
    // A fact replaces every respondent's opinion: their answers stay in the traces, as said.
    if (fact) {
      counted = fact.value;
      discounted = undefined;
    }
    byRespondent.set(response.data.respondent.id, counted);
    const path = detail ? ['answers', question.id, question.type === 'level' ? 'level' : 'value'] : ['answers', question.id];
    const pos = response.source.locate(path);
    // Keys in the documented order of the score JSON; optional ones only when present. (Set
    // one by one rather than spread from temporary objects: this runs for every answer.)
    const trace: AnswerTrace = { respondent: response.data.respondent.id, role: response.data.respondent.role, answer, counted } as AnswerTrace;
    if (discounted) trace.discounted = discounted;
    if (detail?.comment !== undefined) trace.comment = detail.comment;
    trace.evidence = cited;
    trace.carriedOver = detail?.['carried-over'] === true;
    trace.file = response.source.file;
    trace.line = pos.line;
    trace.col = pos.col;
    traces.push(trace);
  }
  const opinion = median(values);
  const med = fact ? fact.value : opinion;
  const { min, max } = fact ? { min: fact.value, max: fact.value } : range(values);
  const target = benchmark?.data.targets[question.id];
  const targetValue = target ? (target.level ?? target.value ?? null) : null;
  return {
    question, traces, values, byRespondent,
    median: med, min, max, na, dontKnow, unanswered, evidence,
    disputed: question.type === 'level' && min !== null && max !== null && max - min >= spread,
    score: med === null ? null : questionScoreOf(question, med, questionnaire.scale),
    target: targetValue,
    targetScore: targetValue === null ? null : questionScoreOf(question, targetValue, questionnaire.scale),
    ...(fact ? { fact, opinion } : {}),
  };
}

/** The median answer for gates: a number, "n/a" when everyone said n/a, null when nobody answered. */
export function aggregateValue(a: Pick<QuestionAggregate, 'median' | 'na'>): number | 'n/a' | null {
  if (a.median !== null) return a.median;
  return a.na > 0 ? 'n/a' : null;
}
