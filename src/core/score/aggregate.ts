import { max as maxOf, median as medianOf, min as minOf, mean as meanOf } from 'simple-statistics';

/** Small numeric helpers shared by the scoring stages. All return null for "no data", never 0. */

export function median(values: readonly number[]): number | null {
  return values.length ? medianOf([...values]) : null;
}

export function range(values: readonly number[]): { min: number | null; max: number | null } {
  return values.length ? { min: minOf([...values]), max: maxOf([...values]) } : { min: null, max: null };
}

export function mean(values: readonly number[]): number | null {
  return values.length ? meanOf([...values]) : null;
}

/** Weighted mean over the items whose value is known; null when none is. */
export function weightedMean(items: readonly { value: number | null; weight: number }[]): number | null {
  let sum = 0;
  let weights = 0;
  for (const { value, weight } of items) {
    if (value === null) continue;
    sum += value * weight;
    weights += weight;
  }
  return weights > 0 ? sum / weights : null;
}

/** One decimal, as every score is published; -0 becomes 0 so that output is byte-stable. */
export function round1(value: number | null): number | null {
  if (value === null) return null;
  const r = Math.round(value * 10) / 10;
  return Object.is(r, -0) ? 0 : r;
}

export function round3(value: number | null): number | null {
  if (value === null) return null;
  const r = Math.round(value * 1000) / 1000;
  return Object.is(r, -0) ? 0 : r;
}

export function clamp(value: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, value));
}

/**
 * "Luck factor": the chance that two different contacts, picked at random, get different
 * outcomes — 1 − Σ cᵢ(cᵢ − 1) / (n(n − 1)) for outcome counts cᵢ of n contacts, which is
 * 1 − Σ pᵢ² with the small-sample correction n / (n − 1): without it, two contacts with two
 * different answers would read as a 50% chance of a different answer rather than a certainty.
 * 0 below two contacts (nothing to compare).
 */
export function luckFactor(counts: readonly number[]): number {
  const n = counts.reduce((a, b) => a + b, 0);
  if (n < 2) return 0;
  return 1 - counts.reduce((acc, c) => acc + c * (c - 1), 0) / (n * (n - 1));
}
