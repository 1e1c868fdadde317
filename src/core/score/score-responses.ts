import { range, round1, round3, weightedMean } from './aggregate.ts';
import { applyGates, evaluateGates } from './gates.ts';
import { NO_OBSERVATIONS, type ObservedFigures } from './conditions.ts';
import type { Fact } from './facts.ts';
import type { AnswerValue, BenchmarkModel, IndexComponent, PartModel, QuestionnaireModel, ResponseModel } from '../read/model.ts';
import { aggregateQuestion, levelScore, questionScoreOf, type AggregateFigures, type QuestionAggregate } from './question-score.ts';
import type { Cap, GateResult, IndexShare, PartScore, QuestionScore } from '../score-types.ts';
import { krippendorffAlpha } from './stats/krippendorff.ts';

/** A part's score with the unrounded numbers later stages compute from. */
export type InternalPart = PartScore & { raw: number | null; rawTarget: number | null; byRespondent: Map<string, number | null> };

/** What a set of responses scores against a questionnaire: the numbers every other figure is made from. */
export interface ResponsesScore {
  aggregates: Map<string, QuestionAggregate>;
  gates: GateResult[];
  /** Every part of the questionnaire (drivers first, in its order), by id. */
  parts: Map<string, InternalPart>;
  drivers: InternalPart[];
  index: {
    /** After the index gates, unrounded. */
    score: number | null;
    /** Before them. */
    raw: number | null;
    /** Best in class over the same drivers. */
    target: number | null;
    cap: Cap | null;
  };
  /** The index each respondent's answers alone would give (respondents without one left out). */
  indexByRespondent: number[];
}

export interface ScoreResponsesOptions {
  /** Best-in-class targets; without them (an answer form's draft) targets and gaps are null. */
  benchmark?: BenchmarkModel;
  /** The organisation's own target level per driver. */
  ownTargets?: Record<string, number>;
  /** What the index is made of, when not the questionnaire's own (an older audit recomputed under a newer composition). */
  index?: readonly IndexComponent[];
  /** What the audit's "ask twice" observations give: the item the consistency part counts, the figures rules and gates test. */
  observed?: Observations;
  /** The audit's facts by metric (facts.yaml), which replace the respondents' opinions on those metrics. */
  facts?: ReadonlyMap<string, Fact>;
}

/**
 * The one scoring path: `responses` scored against `q`. Per question the median of the counted
 * levels (after the evidence policy), parts as weighted means capped by closed gates, the index as
 * the weighted mean of its components (the drivers' mean, and the parts the questionnaire counts).
 * `scoreAudit` builds the report's figures on it, the answer form's draft scores are it applied to
 * one response, and the bench measures it. Pure and browser-safe (no node: modules).
 */
export function scoreResponses(q: QuestionnaireModel, responses: readonly ResponseModel[], options: ScoreResponsesOptions = {}): ResponsesScore {
  const aggregates = new Map<string, QuestionAggregate>();
  for (const part of q.parts) for (const question of part.questions) {
    aggregates.set(question.id, aggregateQuestion(question, responses, q, options.benchmark, options.facts?.get(question.id)));
  }
  const observed = options.observed ?? NONE_OBSERVED;
  const gates = evaluateGates(q, aggregates, observed.figures);
  const ownTargets = options.ownTargets ?? {};
  const parts = new Map<string, InternalPart>();
  for (const part of q.parts) {
    const own = part.kind === 'driver' && ownTargets[part.id] !== undefined ? levelScore(ownTargets[part.id]!, q.scale) : undefined;
    parts.set(part.id, scorePart(part, aggregates, responses, q, gates, own, part.id === 'consistency' ? observed.item ?? undefined : undefined));
  }
  const drivers = q.parts.filter((p) => p.kind === 'driver').map((p) => parts.get(p.id)!);
  const index = composeIndex(options.index ?? q.index, drivers, parts);
  const raw = index((p) => p.raw);
  const target = index((p) => (p.raw === null ? null : p.rawTarget));
  const { score, cap } = applyGates('index', raw, gates);
  const indexByRespondent = responses
    .map((r) => index((p) => p.byRespondent.get(r.data.respondent.id) ?? null))
    .filter((v): v is number => v !== null);
  return { aggregates, gates, parts, drivers, index: { score, raw, target, cap }, indexByRespondent };
}

/**
 * The index of some figure of the parts (score, target, one respondent's score): the weighted mean
 * of its components, the drivers' weighted mean being one. A component without the figure is left
 * out and the others' weights re-shared, as an unanswered driver is left out of the drivers' mean.
 * Composed of the drivers alone (a questionnaire without `index`), it is exactly their mean.
 */
function composeIndex<P extends { weight: number }>(components: readonly IndexComponent[], drivers: readonly P[], parts: ReadonlyMap<string, P>) {
  return (figure: (p: P) => number | null): number | null => weightedMean(components.map((c) => {
    if (c.part === 'drivers') return { value: weightedMean(drivers.map((d) => ({ value: figure(d), weight: d.weight }))), weight: c.weight };
    const part = parts.get(c.part);
    return { value: part ? figure(part) : null, weight: c.weight };
  }));
}

/**
 * The index and the parts' scores these aggregates give, capped, and the gates whose caps bind:
 * the light path an action's what-if (core/score/actions.ts) and each bootstrap resample
 * (core/score/bootstrap.ts) re-score on. The same part means, gates and composition as
 * scoreResponses, without what only the report needs (agreement, targets, per-respondent figures).
 */
export function indexOfAggregates(q: QuestionnaireModel, aggregates: ReadonlyMap<string, AggregateFigures>, components: readonly IndexComponent[] = q.index,
  observed: Observations = NONE_OBSERVED): { index: number | null; parts: Map<string, number | null>; binding: Set<string> } {
  const gates = evaluateGates(q, aggregates, observed.figures);
  const parts = new Map<string, { weight: number; raw: number | null }>();
  const drivers: { weight: number; raw: number | null }[] = [];
  for (const p of q.parts) {
    const part = { weight: p.weight, raw: applyGates(p.id, partMean(p, aggregates, p.id === 'consistency' ? observed.item ?? undefined : undefined), gates).score };
    parts.set(p.id, part);
    if (p.kind === 'driver') drivers.push(part);
  }
  const { score } = applyGates('index', composeIndex(components, drivers, parts)((p) => p.raw), gates);
  const scores = new Map<string, number | null>();
  for (const [id, p] of parts) scores.set(id, p.raw);
  const binding = new Set<string>();
  for (const g of gates) if (g.applied) binding.add(g.id);
  return { index: score, parts: scores, binding };
}

/**
 * A part's score before its gates: the weighted mean of its answered questions' scores, and, for
 * the consistency part, of the observations where the questionnaire counts them.
 */
function partMean(part: PartModel, aggregates: ReadonlyMap<string, AggregateFigures>, observed?: ObservedItem): number | null {
  // A loop rather than weightedMean over a new array: every bootstrap resample runs this per part.
  let sum = 0;
  let weights = 0;
  for (const x of part.questions) {
    const score = aggregates.get(x.id)!.score;
    if (score === null) continue;
    sum += score * x.weight;
    weights += x.weight;
  }
  if (observed) {
    sum += observed.value * observed.weight;
    weights += observed.weight;
  }
  return weights > 0 ? sum / weights : null;
}

/**
 * The "ask twice" observations as one more item of the consistency part, with the weight the
 * questionnaire gives them (`consistency.observed`): what customers were actually told beside what
 * the respondents claim (core/score/score.ts makes it; none without observations or that weight).
 */
export interface ObservedItem { value: number; weight: number }

/**
 * What an audit's "ask twice" observations give the scoring: `item`, their score as one more item
 * of the consistency part (null: not counted, or none), and `figures`, what rules and gates test.
 */
export interface Observations { item: ObservedItem | null; figures: ObservedFigures }
export const NONE_OBSERVED: Observations = { item: null, figures: NO_OBSERVATIONS };

/** Each component's share of the index, 0–1 (the report's `composition`, the methodology's). */
export function indexShares(components: readonly IndexComponent[]): [IndexShare, ...IndexShare[]] {
  const total = components.reduce((sum, c) => sum + c.weight, 0);
  return components.map((c) => ({ part: c.part, share: round3(c.weight / total)! })) as [IndexShare, ...IndexShare[]];
}

export function numeric(v: AnswerValue | undefined): number | null {
  return typeof v === 'number' ? v : null;
}

/** A part's published score, without the unrounded working numbers. */
export function strip(p: InternalPart): PartScore {
  const { raw, rawTarget, byRespondent, ...rest } = p;
  void raw, rawTarget, byRespondent;
  return rest;
}

export function roundCap(cap: Cap | null): Cap | null {
  return cap ? { ...cap, uncapped: round1(cap.uncapped) } : null;
}

function scorePart(
  part: PartModel, aggregates: Map<string, QuestionAggregate>, responses: readonly ResponseModel[], q: QuestionnaireModel,
  gates: GateResult[], own: number | undefined, observed: ObservedItem | undefined,
): InternalPart {
  const items = part.questions.map((x) => aggregates.get(x.id)!);
  const uncapped = partMean(part, aggregates, observed);
  // The target is taken over the same questions as the score, so that the gap compares like with
  // like; best in class answers every "ask twice" contact correctly (100).
  const rawTarget = weightedMean([...items.map((a) => ({ value: a.score === null ? null : a.targetScore, weight: a.question.weight })),
    ...(observed ? [{ value: 100, weight: observed.weight }] : [])]);
  const { score, cap } = applyGates(part.id, uncapped, gates);
  const totalWeight = items.reduce((s, a) => s + a.question.weight, 0);
  const answeredWeight = items.filter((a) => a.score !== null).reduce((s, a) => s + a.question.weight, 0);
  const levelItems = items.filter((a) => a.question.type === 'level');
  const matrix = responses.map((r) => levelItems.map((a) => numeric(a.byRespondent.get(r.data.respondent.id))));
  const byRespondent = new Map<string, number | null>(responses.map((r) => [r.data.respondent.id, weightedMean(items.map((a) => {
    const v = a.byRespondent.get(r.data.respondent.id);
    return { value: typeof v === 'number' ? questionScoreOf(a.question, v, q.scale) : null, weight: a.question.weight };
  }))]));
  const spread = range([...byRespondent.values()].filter((v): v is number => v !== null));
  return {
    id: part.id,
    name: part.name,
    score: round1(score),
    // The bootstrap's, which scoreAudit adds (core/score/bootstrap.ts); one response has none.
    interval: null,
    target: round1(rawTarget),
    gap: round1(score === null || rawTarget === null ? null : rawTarget - score),
    ...(part.kind === 'driver' ? { own: own === undefined ? null : round1(own) } : {}),
    weight: part.weight,
    agreement: round3(krippendorffAlpha(matrix, 'ordinal')),
    answered: items.filter((a) => a.score !== null).length,
    total: items.length,
    insufficient: totalWeight === 0 || answeredWeight / totalWeight < 0.5,
    cap: roundCap(cap),
    respondentRange: { min: round1(spread.min), max: round1(spread.max) },
    questions: items.map(questionResult),
    raw: score,
    rawTarget,
    byRespondent,
  };
}

/** A fact as the report shows it: its figure and provenance, the opinions' median beside it, and where it is written. */
function factResult(f: Fact, opinion: number | null): NonNullable<QuestionScore['fact']> {
  return {
    value: f.value, source: f.source, ...(f.from ? { from: f.from } : {}), owner: f.owner, date: f.date,
    ...(f.link ? { link: f.link } : {}), ...(f.note ? { note: f.note } : {}),
    opinion: opinion === null ? null : round1(opinion), file: f.file, line: f.line, col: f.col,
  };
}

function questionResult(a: QuestionAggregate): QuestionScore {
  const def = a.question.def;
  return {
    id: a.question.id,
    part: a.question.part,
    type: a.question.type,
    text: def.text,
    weight: a.question.weight,
    score: round1(a.score),
    median: a.median,
    min: a.min,
    max: a.max,
    count: a.values.length,
    na: a.na,
    dontKnow: a.dontKnow,
    unanswered: a.unanswered,
    evidence: a.evidence,
    disputed: a.disputed,
    target: a.target,
    targetScore: round1(a.targetScore),
    gap: a.median === null || a.target === null ? null : round1(a.target - a.median),
    ...(def.exemplar ? { exemplar: def.exemplar } : {}),
    ...(a.fact ? { fact: factResult(a.fact, a.opinion ?? null) } : {}),
    answers: a.traces,
  };
}
