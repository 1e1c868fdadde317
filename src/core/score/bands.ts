import type { QuestionnaireFile } from '../schema-types.ts';
import type { BandRange } from '../score-types.ts';

type Band = NonNullable<QuestionnaireFile['bands']>[number];

/** The questionnaire's bands as the report carries them: each with the score it runs to. */
export function bandRanges(bands: readonly Band[] | undefined): BandRange[] {
  return (bands ?? []).map((b, i, all) => ({ id: b.id, from: b.from, to: all[i + 1]?.from ?? 100, name: b.name, meaning: b.meaning }));
}

/**
 * The band a published score falls in: from its `from` up to, not including, the next band's
 * (the last one includes 100). Taken from the score as the reader sees it (one decimal), so that a
 * 40.0 on the page is never in the band below 40. Null without a score or without bands.
 */
export function bandOf(score: number | null, ranges: readonly BandRange[]): string | null {
  if (score === null || ranges.length === 0) return null;
  let found: string | null = null;
  for (const r of ranges) if (score >= r.from) found = r.id;
  return found;
}
