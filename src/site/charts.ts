/**
 * The geometry of the site's build-time charts (SVG: no JavaScript, prints as vector): where a
 * score falls on a bar, a radar or a sparkline, and the colour step of a level. Layout only, in
 * one module: the numbers the charts show come from the report model, and pages and components
 * call these instead of doing arithmetic of their own.
 */
import type { AnswerValue } from '../core/index.ts';

/** The rings and ticks of the 0–100 scale every score is on. */
export const SCORE_TICKS = [0, 25, 50, 75, 100] as const;
export const RADAR_RINGS = [25, 50, 75, 100] as const;

/** A coordinate or a chart's value label, to one decimal (SVG needs no more). */
export function fixed1(v: number): string {
  return v.toFixed(1);
}

/** A stable id for a chart's title and description, from its title (ids must not repeat on a page). */
export function chartId(prefix: string, title: string, seed: number): string {
  return `${prefix}-${Math.abs([...title].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, seed))}`;
}

/** The x of a 0–100 score on a bar that starts at `start` and is `width` long (clamped to the scale). */
export function barScale(start: number, width: number): (v: number) => number {
  return (v) => start + (width * Math.max(0, Math.min(100, v))) / 100;
}

/** A bar's drawn width: at least a hairline, so that a score of 0 still shows. */
export function barWidth(x: number, start = 0): number {
  return Math.max(1, x - start);
}

/** A score as a share of a bar (0–100), for bars drawn as SVG (the site's policy allows no style="" attribute). */
export function barShare(v: number | null): number {
  return Math.max(0, Math.min(100, v ?? 0));
}

/** A level's colour step, 0 (lowest) to 4 (highest) on the questionnaire's scale; n/a, don't know and unanswered are neutral. */
export function levelTone(v: AnswerValue, scale: { min: number; max: number }): string {
  return typeof v === 'number' ? `tone-${Math.round(((v - scale.min) / Math.max(1, scale.max - scale.min)) * 4)}` : 'tone-none';
}

/** A radar of `n` axes centred on (cx, cy) with radius R: the point of a 0–100 value on axis i, and where its label goes. */
export function radar(n: number, cx: number, cy: number, R: number) {
  const angle = (i: number) => -Math.PI / 2 + (2 * Math.PI * i) / n;
  const point = (i: number, v: number) => [cx + Math.cos(angle(i)) * R * (v / 100), cy + Math.sin(angle(i)) * R * (v / 100)] as const;
  /** The label of axis i (of `lines` lines), outside the chart: its anchor and vertical offset. */
  const label = (i: number, lines: number) => {
    const [x, y] = point(i, 118);
    const c = Math.cos(angle(i));
    const sin = Math.sin(angle(i));
    // Labels above the chart grow upwards, below it downwards.
    const dy = sin > 0.5 ? 12 : sin < -0.5 ? -4 - 15 * lines : 4 - 7 * (lines - 1);
    return { x, y: y + dy, anchor: Math.abs(c) < 0.2 ? 'middle' : c > 0 ? 'start' : 'end' };
  };
  /** The y of ring r's value label, on the vertical axis. */
  const ringLabelY = (r: number) => cy - (R * r) / 100 + 11;
  return { point, label, ringLabelY };
}

/**
 * A tiny line over time: the polyline segments (a gap where a value is missing) and the last point,
 * scaled to the values' own range (at least 10 points), so that movement is visible at this size.
 */
export function sparkline(values: readonly (number | null)[], width: number, height: number, pad = 3) {
  const n = values.length;
  const x = (i: number) => (n <= 1 ? width / 2 : pad + (i * (width - 2 * pad)) / (n - 1));
  const known = values.filter((v): v is number => v !== null);
  const lo = known.length ? Math.max(0, Math.min(...known) - 5) : 0;
  const hi = known.length ? Math.min(100, Math.max(Math.max(...known) + 5, lo + 10)) : 100;
  const y = (v: number) => height - pad - ((v - lo) / (hi - lo)) * (height - 2 * pad);
  const segments: string[] = [];
  let current: string[] = [];
  values.forEach((v, i) => {
    if (v === null) { if (current.length) segments.push(current.join(' ')); current = []; return; }
    current.push(`${fixed1(x(i))},${fixed1(y(v))}`);
  });
  if (current.length) segments.push(current.join(' '));
  const lastIndex = values.findLastIndex((v) => v !== null);
  const last = lastIndex >= 0 ? values[lastIndex]! : null;
  return { segments, last: last === null ? null : { x: x(lastIndex), y: y(last) } };
}
