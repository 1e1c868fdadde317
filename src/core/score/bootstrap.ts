import { quantileSorted } from 'simple-statistics';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { round1 } from './aggregate.ts';
import type { IndexComponent, QuestionnaireModel } from '../read/model.ts';
import { questionScoreOf, type AggregateFigures, type QuestionAggregate } from './question-score.ts';
import { indexOfAggregates, type Observations } from './score-responses.ts';
import type { Interval } from '../score-types.ts';

/**
 * How sure a headline number is: a percentile bootstrap over respondents. Each resample draws as
 * many respondents as answered, with replacement, and scores the audit again from their answers
 * (each question's median, the part means, the gates, the index) through the same light path an
 * action's what-if uses (indexOfAggregates); the 5th and 95th percentiles of the resampled scores
 * are the 90% interval. The generator is seeded from the organisation and version, so the
 * interval is byte-identical between runs and machines. Below MIN_RESPONDENTS there is no
 * interval: the report flags a small sample instead.
 */
export const RESAMPLES = 2000;
export const CONFIDENCE = 0.9;
export const MIN_RESPONDENTS = 3;

/** The resampled scores, one per resample (NaN where a resample leaves a figure without a score). */
export interface Resamples {
  index: Float64Array;
  parts: Map<string, Float64Array>;
  /** Each question's score; single precision is ample for a 0–100 score and halves what a portfolio holds. */
  questions: Map<string, Float32Array>;
}

/** A 32-bit seed from a text (FNV-1a over its UTF-16 code units): the same audit, the same draws. */
export function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h | 0;
}

/**
 * Uniform numbers in [0, 1) from a seeded generator, for Krippendorff's bootstrap of alpha, which
 * draws over a million of them an audit: one 32-bit output each (pure-rand's next() is uniform
 * over the signed 32-bit integers), ample resolution for picking among a few dozen kinds of pair.
 */
export function seededRandom(seed: string): () => number {
  const rng = xoroshiro128plus(seedOf(seed));
  return () => (rng.next() + 2147483648) / 4294967296;
}

/**
 * Resamples an audit. `aggregates` are its point estimate's (their counted answers, after the
 * evidence policy, per respondent); `respondents` the respondent ids in the order the draws index.
 */
export function bootstrap(q: QuestionnaireModel, aggregates: ReadonlyMap<string, QuestionAggregate>, respondents: readonly string[], seed: string,
  components: readonly IndexComponent[], observed: Observations): Resamples | null {
  const n = respondents.length;
  if (n < MIN_RESPONDENTS) return null;
  // Per question, its numeric answers sorted once, with who gave each: a resample's median is then
  // a walk over them weighted by how often each respondent was drawn, with no sort per resample.
  const out: Resamples = { index: new Float64Array(RESAMPLES), parts: new Map(), questions: new Map() };
  const questions = [...aggregates.values()].map((a) => {
    const answered = respondents.map((id, i) => ({ v: a.byRespondent.get(id), i })).filter((x): x is { v: number; i: number } => typeof x.v === 'number')
      .sort((x, y) => x.v - y.v);
    const scores = new Float32Array(RESAMPLES);
    out.questions.set(a.question.id, scores);
    const values = Float64Array.from(answered, (x) => x.v);
    const missing = Int32Array.from(respondents.flatMap((id, i) => (typeof a.byRespondent.get(id) === 'number' ? [] : [i])));
    const figures: AggregateFigures = { question: a.question, median: null, na: 0, score: null };
    // Everyone gave the same answer: every resample does too, so it is scored once.
    const constant = missing.length === 0 && values.length > 0 && values[0] === values[values.length - 1];
    if (constant) {
      figures.median = values[0]!;
      figures.score = questionScoreOf(a.question, values[0]!, q.scale);
      scores.fill(figures.score);
    }
    return {
      figures, values, scores, constant, missing,
      who: Int32Array.from(answered, (x) => x.i),
      na: Int32Array.from(respondents.flatMap((id, i) => (a.byRespondent.get(id) === 'n/a' ? [i] : []))),
    };
  });
  const varying = questions.filter((x) => !x.constant);
  const parts = q.parts.map((p) => {
    const scores = new Float64Array(RESAMPLES);
    out.parts.set(p.id, scores);
    return { id: p.id, scores };
  });
  const figures = new Map(questions.map((x) => [x.figures.question.id, x.figures]));
  const rng = xoroshiro128plus(seedOf(seed));
  const counts = new Int32Array(n);
  for (let b = 0; b < RESAMPLES; b++) {
    counts.fill(0);
    for (let k = 0; k < n; k++) counts[uniformInt(rng, 0, n - 1)]++;
    for (const x of varying) {
      let total = n;
      for (let j = 0; j < x.missing.length; j++) total -= counts[x.missing[j]!]!;
      const median = total === 0 ? null : weightedMedian(x.values, x.who, counts, total);
      let na = 0;
      for (let j = 0; j < x.na.length; j++) na += counts[x.na[j]!]!;
      x.figures.median = median;
      x.figures.na = na;
      x.figures.score = median === null ? null : questionScoreOf(x.figures.question, median, q.scale);
      x.scores[b] = x.figures.score ?? NaN;
    }
    const scored = indexOfAggregates(q, figures, components, observed);
    out.index[b] = scored.index ?? NaN;
    for (const p of parts) p.scores[b] = scored.parts.get(p.id) ?? NaN;
  }
  return out;
}

/**
 * The median of `values` (sorted ascending) where value j counts `counts[who[j]]` times, `total`
 * of them (at least one): the same median as of the drawn answers written out (for an even
 * count, the mean of the middle two).
 */
export function weightedMedian(values: ArrayLike<number>, who: ArrayLike<number>, counts: ArrayLike<number>, total: number): number {
  const lower = (total - 1) >> 1;
  const upper = total >> 1;
  let seen = 0;
  let j = 0;
  while ((seen += counts[who[j]!]!) <= lower) j++;
  const low = values[j]!;
  while (seen <= upper) seen += counts[who[++j]!]!;
  return (low + values[j]!) / 2;
}

/** The 90% percentile interval of resampled figures, rounded as scores are (alpha: to three decimals); null without any. */
export function intervalOf(resampled: Float64Array | Float32Array | null | undefined, round: (v: number) => number | null = round1): Interval | null {
  if (!resampled) return null;
  // A typed array sorts numerically, NaN last.
  const all = Float64Array.from(resampled).sort();
  let known = all.length;
  while (known > 0 && Number.isNaN(all[known - 1])) known--;
  const sorted = all.subarray(0, known) as unknown as number[];
  if (sorted.length === 0) return null;
  const tail = (1 - CONFIDENCE) / 2;
  return { low: round(quantileSorted(sorted, tail))!, high: round(quantileSorted(sorted, 1 - tail))! };
}

/**
 * The interval of a change between two versions: the two audits are resampled independently, so
 * resample b of the difference is the newer's resample b less the older's. The change is
 * meaningful when that interval, as published, excludes zero.
 */
export function differenceOf(before: Float64Array | Float32Array | undefined, after: Float64Array | Float32Array | undefined): { interval: Interval | null; meaningful: boolean } {
  if (!before || !after) return { interval: null, meaningful: false };
  const d = new Float64Array(Math.min(before.length, after.length));
  for (let b = 0; b < d.length; b++) d[b] = after[b]! - before[b]!;
  const interval = intervalOf(d);
  return { interval, meaningful: interval !== null && (interval.low > 0 || interval.high < 0) };
}
