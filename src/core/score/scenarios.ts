import { channelWord } from './channels.ts';
import { luckFactor, mean, median, range, round3 } from './aggregate.ts';
import type { Bilingual, ScenariosFile } from '../schema-types.ts';
import type { ChannelResult, Finding, ScenarioResult } from '../score-types.ts';

type Observation = ScenariosFile['scenarios'][number]['observations'][number];

/** A channel with fewer contacts than this is flagged: two answers cannot tell luck from a rule. */
export const MIN_CONTACTS = 3;

/**
 * "Ask twice" consistency: the same customer question put to several staff and channels.
 * Outcomes are compared as written (trimmed, case-insensitive), so "Covered" and "covered "
 * are the same outcome but "covered up to 5,000" is another.
 */
function outcomeKey(o: Observation): string {
  return o.outcome.trim().toLowerCase();
}

function tally(observations: readonly Observation[]) {
  const counts = new Map<string, { outcome: string; count: number; correct: boolean }>();
  for (const o of observations) {
    const key = outcomeKey(o);
    const entry = counts.get(key) ?? { outcome: o.outcome.trim(), count: 0, correct: false };
    entry.count++;
    entry.correct ||= o.correct;
    counts.set(key, entry);
  }
  // Most common first; ties by outcome text so the order is stable.
  return [...counts.values()].sort((a, b) => b.count - a.count || (a.outcome < b.outcome ? -1 : 1));
}

function stats(observations: readonly Observation[]) {
  const outcomes = tally(observations);
  const n = observations.length;
  const quality = observations.flatMap((o) => (o.quality === undefined ? [] : [o.quality]));
  return {
    observations: n,
    correct: observations.filter((o) => o.correct).length,
    agreement: round3(n ? outcomes[0].count / n : 0) ?? 0,
    luck: round3(luckFactor(outcomes.map((o) => o.count))) ?? 0,
    outcomes,
    quality: { ...range(quality), mean: round3(mean(quality)) },
  };
}

export function scoreScenarios(file: ScenariosFile | undefined): { results: ScenarioResult[]; findings: Finding[] } {
  const results: ScenarioResult[] = [];
  const findings: Finding[] = [];
  for (const scenario of file?.scenarios ?? []) {
    const all = stats(scenario.observations);
    const channels: ChannelResult[] = [];
    const byChannel = new Map<string, Observation[]>();
    for (const o of scenario.observations) byChannel.set(o.channel, [...(byChannel.get(o.channel) ?? []), o]);
    for (const channel of [...byChannel.keys()].sort()) {
      const s = stats(byChannel.get(channel)!);
      channels.push({ channel, observations: s.observations, correct: s.correct, agreement: s.agreement, luck: s.luck, outcomes: s.outcomes.length, quality: s.quality, small: s.observations < MIN_CONTACTS });
    }
    const minutes = scenario.observations.flatMap((o) => (o.minutes === undefined ? [] : [o.minutes]));
    results.push({
      id: scenario.id,
      question: scenario.question,
      ...(scenario.template ? { template: scenario.template } : {}),
      observations: all.observations,
      correct: all.correct,
      agreement: all.agreement,
      luck: all.luck,
      outcomes: all.outcomes,
      quality: all.quality,
      minutes: { median: median(minutes) },
      channels,
    });
    findings.push(...describe(scenario.question, all, channels));
  }
  return { results, findings };
}

function text(q: string | Bilingual): Bilingual {
  return typeof q === 'string' ? { en: q, zh: q } : q;
}


/** Plain-words findings: the sentences a report leads with (worded by the site's catalogues). */
function describe(question: string | Bilingual, all: ReturnType<typeof stats>, channels: ChannelResult[]): Finding[] {
  const q = text(question);
  const out: Finding[] = [];
  for (const c of channels) {
    if (c.outcomes > 1) {
      out.push({
        kind: 'channel', severity: 'warning',
        message: { id: 'findingChannel', params: { channel: channelWord(c.channel), question: q, outcomes: c.outcomes, observations: c.observations, correct: c.correct } },
      });
    }
  }
  if (all.outcomes.length > 1) {
    out.push({
      kind: 'scenario', severity: 'warning',
      message: { id: 'findingLuck', params: { question: q, pct: Math.round(all.luck * 100), outcomes: all.outcomes.length, count: channels.length } },
    });
  } else if (all.correct < all.observations) {
    out.push({
      kind: 'scenario', severity: 'warning',
      message: { id: 'findingWrong', params: { question: q, wrong: all.observations - all.correct, observations: all.observations } },
    });
  }
  return out;
}

/**
 * The observations' score for the consistency part (0–100): the chance that a customer who asks
 * twice is told the correct thing both times — two different contacts of a scenario, picked at
 * random, both correct: c(c − 1) / (n(n − 1)) for c correct of n, which is exact for a small
 * sample where (c/n)² is not — averaged over the scenarios with two contacts or more. A wrong
 * answer lowers it twice: once as an error, once as the luck it leaves the customer to.
 */
export function askTwiceScore(results: readonly ScenarioResult[]): number | null {
  const chances = results.filter((s) => s.observations >= 2).map((s) => (s.correct * (s.correct - 1)) / (s.observations * (s.observations - 1)));
  return chances.length ? (100 * chances.reduce((a, b) => a + b, 0)) / chances.length : null;
}
