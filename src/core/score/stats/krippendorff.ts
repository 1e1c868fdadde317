/**
 * Krippendorff's alpha, following Krippendorff (2011), "Computing Krippendorff's
 * Alpha-Reliability" (Annenberg School for Communication, University of Pennsylvania,
 * departmental paper 43).
 *
 *   alpha = 1 − D_o / D_e = 1 − (n − 1) · Σ o_ck δ²_ck / Σ n_c n_k δ²_ck
 *
 * The paper tabulates the coincidence matrix o_ck and then sums it against δ². We never
 * materialise that matrix: because δ²_cc = 0, the diagonal correction in
 * o_ck = Σ_u n_uc (n_uk − [c = k]) / (m_u − 1) drops out, so
 *
 *   Σ o_ck δ²_ck = Σ_u S(unit u) / (m_u − 1)   and   Σ n_c n_k δ²_ck = S(all pairable values),
 *
 * where S(counts) = Σ_c Σ_k n_c n_k δ²_ck over a multiset of values. For nominal, interval
 * and ordinal data S has a closed form that is linear in the number of distinct values, so
 * metric data with thousands of distinct values never needs a V×V matrix. Ratio has no such
 * form and falls back to the pairwise sum (O(distinct²)), which is what the paper does.
 */

export type AlphaLevel = 'nominal' | 'ordinal' | 'interval' | 'ratio';

/** A multiset of values: distinct values in ascending order with their multiplicities. */
interface Tally {
  values: number[];
  counts: number[];
  total: number;
}

/**
 * Krippendorff's alpha for `data` (rows = coders/respondents, columns = units/questions;
 * `null`, `undefined`, NaN and ±Infinity are missing). Returns `null` when alpha is
 * undefined: no unit has two pairable values, or the expected disagreement is zero
 * (e.g. a single distinct value across all pairable data).
 */
export function krippendorffAlpha(data: (number | null)[][], level: AlphaLevel): number | null {
  const units = pairableUnits(data);
  if (units.length === 0) return null;

  const all = tally(units.flat());
  // One distinct value means no disagreement is even possible; answering here avoids
  // dividing a floating-point near-zero by another near-zero.
  if (all.total < 2 || all.values.length < 2) return null;

  const recode = recoding(all, level);
  const pairSum = (t: Tally): number => {
    const r = recode === null ? t : mapTally(t, recode);
    switch (level) {
      case 'nominal':
        return nominalPairSum(r);
      case 'interval':
      case 'ordinal':
        return intervalPairSum(r);
      case 'ratio':
        return ratioPairSum(r);
      default:
        throw new Error(`krippendorffAlpha: unknown level ${String(level)}`);
    }
  };

  const expected = pairSum(all);
  // Ratio data can have S = 0 with two distinct values (c = −k, where δ is defined as 0);
  // alpha is 0/0 then, exactly like a single-valued sample.
  if (!(expected > 0)) return null;

  // Per-unit contributions are summed in sorted order so that permuting units (columns)
  // yields bit-identical results, not just results equal up to rounding.
  const observedParts = units.map((u) => pairSum(tally(u)) / (u.length - 1));
  observedParts.sort((a, b) => a - b);
  let observed = 0;
  for (const part of observedParts) observed += part;

  return 1 - ((all.total - 1) * observed) / expected;
}

/**
 * An increasing recoding of the values applied before the pair sums: for ordinal data it
 * turns the ordinal metric into the interval one; for interval data it leaves alpha as is
 * but keeps the arithmetic in a safe range. Null when the values are used as they are.
 */
function recoding(all: Tally, level: AlphaLevel): ((v: number) => number) | null {
  if (level === 'ordinal') {
    // Ordinal differences depend on how the whole sample uses the scale, not on the
    // numeric labels: δ_ck = Σ_{g=c..k} n_g − (n_c + n_k)/2 equals R_k − R_c with
    // R_v = (count of pairable values below v) + n_v / 2. Recoding every value to R_v
    // turns the ordinal metric into the interval metric on these mid-ranks.
    const rank = new Map<number, number>();
    let below = 0;
    for (let i = 0; i < all.values.length; i++) {
      rank.set(all.values[i], below + all.counts[i] / 2);
      below += all.counts[i];
    }
    return (v) => rank.get(v) as number;
  }
  if (level === 'interval') {
    // (c − k)² is unchanged by a shift and scales by s² under scaling, so D_o / D_e is
    // the same on (v − min) / (max − min). On that [0, 1] range squares of metrics like
    // 1e200 cannot overflow and squares of 1e-170 cannot underflow to 0, and subtracting
    // the minimum first keeps the precision of large numbers with a small spread.
    const lo = all.values[0];
    const hi = all.values[all.values.length - 1];
    const spread = hi - lo;
    if (Number.isFinite(spread)) return (v) => (v - lo) / spread;
    // Only values near ±1.8e308 get here; quartering first keeps every step finite.
    const quarterSpread = hi / 4 - lo / 4;
    return (v) => (v / 4 - lo / 4) / quarterSpread;
  }
  return null;
}

/**
 * The finite values of each unit that has at least two of them. Units with fewer values
 * cannot form a pair, so the paper excludes them from n and from the coincidences.
 */
function pairableUnits(data: (number | null)[][]): number[][] {
  // Rows may be ragged (a respondent who stopped early); a short row is missing the rest.
  let width = 0;
  for (const row of data) if (Array.isArray(row) && row.length > width) width = row.length;

  const units: number[][] = [];
  for (let col = 0; col < width; col++) {
    const unit: number[] = [];
    for (const row of data) {
      const v = Array.isArray(row) ? row[col] : undefined;
      // NaN/Infinity would poison every sum they touch; treat them as "not coded".
      // `+ 0` folds −0 into 0 so the two never count as different values.
      if (typeof v === 'number' && Number.isFinite(v)) unit.push(v + 0);
    }
    if (unit.length >= 2) units.push(unit);
  }
  return units;
}

/** Sorting first makes every later sum independent of row order, hence deterministic. */
function tally(values: number[]): Tally {
  const sorted = Float64Array.from(values).sort(); // a typed array sorts by number, natively
  const out: Tally = { values: [], counts: [], total: sorted.length };
  for (const v of sorted) {
    const last = out.values.length - 1;
    if (last >= 0 && out.values[last] === v) out.counts[last]++;
    else {
      out.values.push(v);
      out.counts.push(1);
    }
  }
  return out;
}

function mapTally(t: Tally, f: (v: number) => number): Tally {
  // Every recoding used here is increasing, so the tally stays sorted; the pair sums below
  // stay correct even if two tiny values collapse into one after scaling.
  return { values: t.values.map(f), counts: t.counts, total: t.total };
}

/** Σ n_c n_k [c ≠ k] = n² − Σ n_c²: every ordered pair minus the matching ones. */
function nominalPairSum(t: Tally): number {
  let same = 0;
  for (const c of t.counts) same += c * c;
  return t.total * t.total - same;
}

/**
 * Σ n_c n_k (c − k)² = 2n Σ n_c (c − mean)². The centred form avoids the catastrophic
 * cancellation of n·Σx² − (Σx)² when metrics are large numbers with a small spread.
 */
function intervalPairSum(t: Tally): number {
  let sum = 0;
  for (let i = 0; i < t.values.length; i++) sum += t.counts[i] * t.values[i];
  const mean = sum / t.total;
  let squares = 0;
  for (let i = 0; i < t.values.length; i++) {
    const d = t.values[i] - mean;
    squares += t.counts[i] * d * d;
  }
  return 2 * t.total * squares;
}

/** Σ n_c n_k ((c − k)/(c + k))², with 0 when c + k = 0 (both zero: no difference). */
function ratioPairSum(t: Tally): number {
  let s = 0;
  for (let i = 0; i < t.values.length; i++) {
    for (let j = i + 1; j < t.values.length; j++) {
      const c = t.values[i];
      const k = t.values[j];
      let total = c + k;
      let diff = c - k;
      // The quotient is scale-free, so halving both sides dodges overflow near ±1.8e308.
      if (!Number.isFinite(total) || !Number.isFinite(diff)) {
        total = c / 2 + k / 2;
        diff = c / 2 - k / 2;
      }
      if (total === 0) continue;
      const r = diff / total;
      // Each unordered pair stands for both (c,k) and (k,c).
      s += 2 * t.counts[i] * t.counts[j] * r * r;
    }
  }
  return s;
}

/**
 * Krippendorff's own bootstrap of alpha (Krippendorff 2016, "Bootstrapping distributions for
 * Krippendorff's alpha"; the algorithm of Hayes's KALPHA): not a resampling of coders or units,
 * but of pairable values. From the coincidence matrix o_ck of the data, each resample draws M
 * pairs of values (c, k) with probability o_ck / n.. (an unordered pair of different values
 * counting both of its cells), and its alpha is 1 − Σ δ²(drawn pairs) / (M · D_e), D_e the
 * expected disagreement per pair of the whole data; M = min(25 q, (coders − 1) n.. / 2) for q
 * non-empty cells. Alphas below −1 are −1; a resample whose pairs all agree reads 1, except where
 * that agreement would be an accident of a data set with one used value, which the algorithm
 * counts as 0 (alpha undefined there). `random` gives uniform numbers in [0, 1). Null where
 * alpha itself is.
 */
export function krippendorffBootstrap(data: (number | null)[][], level: AlphaLevel, random: () => number, resamples: number): Float64Array | null {
  const units = pairableUnits(data);
  if (units.length === 0) return null;
  const all = tally(units.flat());
  if (all.total < 2 || all.values.length < 2) return null;
  const recode = recoding(all, level);
  const position = new Map(all.values.map((v, i) => [v, i]));
  const value = recode === null ? all.values : all.values.map(recode);
  const V = all.values.length;
  const delta = (c: number, k: number): number => {
    if (c === k) return 0;
    if (level === 'nominal') return 1;
    if (level === 'ratio') {
      const total = value[c]! + value[k]!;
      return total === 0 ? 0 : ((value[c]! - value[k]!) / total) ** 2;
    }
    return (value[c]! - value[k]!) ** 2;
  };
  // The coincidence matrix: o_ck = Σ_u n_uc (n_uk − [c = k]) / (m_u − 1).
  const o = Array.from({ length: V }, () => new Array<number>(V).fill(0));
  for (const unit of units) {
    const t = tally(unit);
    for (let a = 0; a < t.values.length; a++) for (let b = 0; b < t.values.length; b++) {
      const c = position.get(t.values[a]!)!;
      const k = position.get(t.values[b]!)!;
      o[c]![k]! += (t.counts[a]! * (t.counts[b]! - (a === b ? 1 : 0))) / (unit.length - 1);
    }
  }
  const n = all.total;
  let expected = 0;
  for (let c = 0; c < V; c++) for (let k = 0; k < V; k++) expected += all.counts[c]! * all.counts[k]! * delta(c, k);
  expected /= n * (n - 1);
  if (!(expected > 0)) return null;
  // The kinds of pair to draw from, with their chance and their disagreement.
  const chances: number[] = [];
  const deltas: number[] = [];
  let cells = 0;
  for (let c = 0; c < V; c++) for (let k = c; k < V; k++) {
    if (o[c]![k]! > 0) cells += c === k ? 1 : 2;
    const p = (c === k ? o[c]![k]! : 2 * o[c]![k]!) / n;
    if (p > 0) { chances.push(p); deltas.push(delta(c, k)); }
  }
  const draw = aliasTable(chances);
  const coders = data.length;
  const M = Math.max(1, Math.round(Math.min(25 * cells, ((coders - 1) * n) / 2)));
  const out = new Float64Array(resamples);
  let ones = 0;
  const usedDiagonal = o.filter((row, c) => row[c]! > 0).length;
  for (let b = 0; b < resamples; b++) {
    let disagreement = 0;
    for (let m = 0; m < M; m++) disagreement += deltas[draw(random())]!;
    let alpha = 1 - disagreement / (M * expected);
    if (alpha < -1) alpha = -1;
    if (alpha === 1 && usedDiagonal === 1) alpha = 0;
    if (alpha === 1 && usedDiagonal > 1) ones++;
    out[b] = alpha;
  }
  // A resample of only agreeing pairs is as likely as drawing M pairs from the diagonal; that
  // many of the alphas of 1 stand for an undefined alpha and count as 0.
  let chance = 0;
  for (let c = 0; c < V; c++) chance += (o[c]![c]! / n) ** M;
  let zeroed = Math.min(Math.round(resamples * chance), ones);
  for (let b = 0; b < resamples && zeroed > 0; b++) if (out[b] === 1) { out[b] = 0; zeroed--; }
  return out;
}

/**
 * Walker's alias method (in Vose's form): after setting up, each draw among the kinds of pair is
 * one uniform number and one comparison, whatever their number; the bootstrap draws over a million.
 * Returns the function from a uniform number in [0, 1) to the index drawn.
 */
function aliasTable(chances: readonly number[]): (u: number) => number {
  const K = chances.length;
  const total = chances.reduce((a, b) => a + b, 0);
  const scaled = chances.map((p) => (p * K) / total);
  const keep = new Float64Array(K).fill(1);
  const alias = new Int32Array(K).map((_, i) => i);
  const small: number[] = [];
  const large: number[] = [];
  scaled.forEach((p, i) => (p < 1 ? small : large).push(i));
  while (small.length && large.length) {
    const s = small.pop()!;
    const l = large[large.length - 1]!;
    keep[s] = scaled[s]!;
    alias[s] = l;
    scaled[l] = scaled[l]! + scaled[s]! - 1;
    if (scaled[l]! < 1) small.push(large.pop()!);
  }
  return (u: number) => {
    const x = u * K;
    const i = x | 0;
    return x - i < keep[i]! ? i : alias[i]!;
  };
}
