import type { Bilingual } from '../schema-types.ts';
import type { BandRange, IndexShare, PartName } from '../score-types.ts';
import { bandRanges } from './bands.ts';
import { CONFIDENCE, MIN_RESPONDENTS, RESAMPLES } from './bootstrap.ts';
import { MIN_CONTACTS } from './scenarios.ts';
import { indexShares } from './score-responses.ts';
import { undeclaredPartName, type QuestionnaireModel } from '../read/model.ts';
import { luckFactor, median, round1, round3, weightedMean } from './aggregate.ts';
import { levelScore } from './question-score.ts';

/**
 * What a questionnaire says about how it is scored: the facts the methodology page, the
 * report's legends and the section navigation describe. One home, so no page states a rule
 * (a 0–4 scale, "one level lower", "two levels apart", a part the client does not have)
 * that the client's questionnaire does not say.
 */
export interface Method {
  questionnaire: string;
  scale: { min: number; max: number };
  /** Levels on the scale (max − min + 1). */
  levels: number;
  /** Respondents this many levels apart make a question disputed. */
  disputeSpread: number;
  /** The most levels apart respondents can be and still agree (disputeSpread − 1). */
  agreedSpread: number;
  /** Absent when unevidenced answers are not discounted (no policy, or a penalty of 0). */
  evidencePolicy: { from: number; penalty: number; appliesTo: 'expected' | 'all' } | null;
  /** Some question allows "n/a". */
  allowsNa: boolean;
  /** The units of the metric questions, in questionnaire order (none: no metric questions). */
  metricUnits: Bilingual[];
  /** The drivers, in order, with the questionnaire's own words about them. */
  drivers: { id: string; name: Bilingual; summary?: Bilingual; origin?: 'source' | 'completion' }[];
  aboutDrivers?: Bilingual;
  /** The non-driver parts the questionnaire declares (with questions), under its own names. */
  parts: { id: 'consistency' | 'benchmark' | 'recovery'; name: PartName }[];
  /** The questionnaire declares "ask twice" scenarios. */
  scenarios: boolean;
  /** The questionnaire declares gates (caps). */
  gates: boolean;
  /** What the index is made of, each component with its share (the drivers alone: one component). */
  index: IndexShare[];
  /** The questionnaire's reasons for that composition. */
  aboutIndex?: Bilingual;
  /** The questionnaire's named bands over 0–100, lowest first (none: it names none). */
  bands: BandRange[];
  /** How much "ask twice" observations count in the consistency score (consistency.observed); null: not scored. */
  observedWeight: number | null;
  /** The groups questions are routed to (the questionnaire's `groups`); empty: every question is asked of everyone. */
  groups: { id: string; name: Bilingual }[];
  /** The person-days of each effort size (the questionnaire's `effort`); null: steps are not sized, and ranked by points alone. */
  effort: { S: number; M: number; L: number } | null;
  /** Worked examples of the rules on this questionnaire's own scale, computed by the rules themselves. */
  examples: MethodExamples;
  /** The bootstrap behind every interval and "meaningful" change (core/score/bootstrap.ts). */
  uncertainty: { resamples: number; confidence: number; minRespondents: number; minContacts: number };
}

/**
 * The figures of the methodology's worked examples, so that a consultant can redo any number on a
 * slide: made here by the scoring's own functions on the questionnaire's scale, never typed into a
 * page (which only words them).
 */
export interface MethodExamples {
  /** Level (max − 1) and its score. */
  level: { level: number; score: number };
  /** Three respondents' levels (one low, one middle, the top), their median and its score. */
  median: { answers: [number, number, number]; median: number; score: number };
  /** The same but the middle respondent answers "dont-know": the median of the other two. */
  dontKnow: { answers: [number, number]; median: number; score: number };
  /** A claim at the policy's `from` without evidence and what it counts as (null: no policy). */
  evidence: { claimed: number; counted: number } | null;
  /** Two questions' scores and weights and their weighted mean. */
  weighted: { scores: [number, number]; weights: [number, number]; mean: number };
  /** Four "ask twice" contacts with outcomes A, A, B, C, and their luck factor (0–1). */
  luck: { contacts: number; same: number; pairs: number; agree: number; luck: number };
}

function examplesOf(q: QuestionnaireModel, policy: Method['evidencePolicy']): MethodExamples {
  const { min, max } = q.scale;
  const score = (level: number) => round1(levelScore(level, q.scale))!;
  const answers: [number, number, number] = [Math.min(min + 1, max), Math.min(min + 2, max), max];
  const mid = median(answers)!;
  const known = median([answers[0], answers[2]])!;
  const scores: [number, number] = [score(max - 1), score(Math.min(min + 2, max))];
  return {
    level: { level: max - 1, score: score(max - 1) },
    median: { answers, median: mid, score: score(mid) },
    dontKnow: { answers: [answers[0], answers[2]], median: known, score: score(known) },
    evidence: policy ? { claimed: policy.from, counted: Math.max(min, policy.from - policy.penalty) } : null,
    weighted: { scores, weights: [2, 1], mean: round1(weightedMean([{ value: scores[0], weight: 2 }, { value: scores[1], weight: 1 }]))! },
    // Ordered pairs of different contacts n(n − 1), of which those agreeing Σc(c − 1).
    luck: { contacts: 4, same: 2, pairs: 4 * 3, agree: 2 * 1, luck: round3(luckFactor([2, 1, 1]))! },
  };
}

export function methodOf(q: QuestionnaireModel): Method {
  const policy = q.data['evidence-policy'];
  const questions = q.parts.flatMap((p) => p.questions);
  const units: Bilingual[] = [];
  for (const question of questions) {
    const unit = question.def.unit;
    if (question.type === 'metric' && unit && !units.some((u) => u.en === unit.en)) units.push(unit);
  }
  const evidencePolicy: Method['evidencePolicy'] = policy && policy.penalty > 0
    ? { from: policy.from, penalty: policy.penalty, appliesTo: policy['applies-to'] ?? 'expected' }
    : null;
  return {
    questionnaire: q.key,
    scale: { ...q.scale },
    levels: q.scale.max - q.scale.min + 1,
    disputeSpread: q.data['dispute-spread'] ?? 2,
    agreedSpread: (q.data['dispute-spread'] ?? 2) - 1,
    evidencePolicy,
    allowsNa: questions.some((x) => x.na),
    metricUnits: units,
    drivers: q.data.drivers.map((d) => ({
      id: d.id, name: d.name, ...(d.summary ? { summary: d.summary } : {}), ...(d.origin ? { origin: d.origin } : {}),
    })),
    ...(q.data['about-drivers'] ? { aboutDrivers: q.data['about-drivers'] } : {}),
    parts: (['consistency', 'benchmark', 'recovery'] as const)
      .filter((id) => (q.parts.find((p) => p.id === id)?.questions.length ?? 0) > 0 || (id === 'consistency' && (q.data.consistency?.scenarios?.length ?? 0) > 0))
      .map((id) => ({ id, name: q.parts.find((p) => p.id === id)?.name ?? undeclaredPartName(id) })),
    scenarios: (q.data.consistency?.scenarios?.length ?? 0) > 0,
    gates: q.gates.length > 0,
    index: indexShares(q.index),
    ...(q.data.index?.about ? { aboutIndex: q.data.index.about } : {}),
    bands: bandRanges(q.data.bands),
    observedWeight: q.data.consistency?.observed ?? null,
    effort: q.data.effort ? { ...q.data.effort } : null,
    groups: (q.data.groups ?? []).map((g) => ({ id: g.id, name: g.name })),
    examples: examplesOf(q, evidencePolicy),
    uncertainty: { resamples: RESAMPLES, confidence: CONFIDENCE, minRespondents: MIN_RESPONDENTS, minContacts: MIN_CONTACTS },
  };
}
