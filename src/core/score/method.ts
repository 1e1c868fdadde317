import type { Bilingual } from '../schema-types.ts';
import type { BandRange, IndexShare, PartName } from '../score-types.ts';
import { bandRanges } from './bands.ts';
import { CONFIDENCE, MIN_RESPONDENTS, RESAMPLES } from './bootstrap.ts';
import { MIN_CONTACTS } from './scenarios.ts';
import { indexShares } from './score-responses.ts';
import { undeclaredPartName, type QuestionnaireModel } from '../read/model.ts';

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
  /** The bootstrap behind every interval and "meaningful" change (core/score/bootstrap.ts). */
  uncertainty: { resamples: number; confidence: number; minRespondents: number; minContacts: number };
}


export function methodOf(q: QuestionnaireModel): Method {
  const policy = q.data['evidence-policy'];
  const questions = q.parts.flatMap((p) => p.questions);
  const units: Bilingual[] = [];
  for (const question of questions) {
    const unit = question.def.unit;
    if (question.type === 'metric' && unit && !units.some((u) => u.en === unit.en)) units.push(unit);
  }
  return {
    questionnaire: q.key,
    scale: { ...q.scale },
    levels: q.scale.max - q.scale.min + 1,
    disputeSpread: q.data['dispute-spread'] ?? 2,
    agreedSpread: (q.data['dispute-spread'] ?? 2) - 1,
    evidencePolicy: policy && policy.penalty > 0
      ? { from: policy.from, penalty: policy.penalty, appliesTo: policy['applies-to'] ?? 'expected' }
      : null,
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
    uncertainty: { resamples: RESAMPLES, confidence: CONFIDENCE, minRespondents: MIN_RESPONDENTS, minContacts: MIN_CONTACTS },
  };
}
