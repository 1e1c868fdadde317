import type { Bilingual, Evidence } from './schema-types.ts';

/**
 * The score result: the contract of `touchstone score --json`, of the site's
 * `/data/<org>/<version>.json`, and of everything the site shows. Fields may be added; none renamed.
 * Scores are 0–100 with one decimal; `null` means "could not be computed" (never 0).
 */
export interface ScoreResult {
  org: string;
  version: string;
  /** `id@version` */
  questionnaire: string;
  /**
   * The benchmark profile, `id@version`. (DESIGN.md's contract names both this reference and the
   * benchmark section `benchmark`; JSON cannot hold both, so the section keeps the name and carries
   * the reference as `benchmark.profile`, and the reference is here too.)
   */
  profile: string;
  respondents: number;
  period: { start: string; end: string; label?: string | Bilingual };
  status: 'draft' | 'final';
  anonymous: boolean;
  /**
   * An anonymous audit with fewer respondents than the minimum (audit `min-role-size`, workspace
   * `anonymous-minimum`, default 3): only aggregates are published, no answers, ranges or people.
   */
  aggregatesOnly: boolean;
  /** The headline number: weighted mean of the driver scores (after any index gate). */
  index: number | null;
  /** The best-in-class index, from the benchmark profile's targets. */
  target: number | null;
  gap: number | null;
  /** Set when a gate capped the index. */
  cap: Cap | null;
  /** Lowest and highest of the respondents' own index scores. */
  respondentRange: { min: number | null; max: number | null };
  /** Krippendorff's alpha (ordinal) over all level questions; null when undefined. */
  agreement: number | null;
  drivers: PartScore[];
  consistency: ConsistencyResult;
  benchmark: BenchmarkResult;
  recovery: RecoveryResult;
  /** The report's headline cards (core/summary.ts): the largest gaps and the strengths, by question id. */
  headline: Headline;
  actions: Action[];
  /**
   * Respondents in order of their ids. When the audit is anonymous: ids become `respondent-1…` in
   * an order keyed by a secret (not the ids' order), names and file paths are left out, and a role
   * held by fewer than the minimum is shown as null, so that no answer can be pinned on one person;
   * empty when the audit is published as aggregates only.
   */
  people: Respondent[];
}

export interface Respondent {
  id: string;
  role: string | null;
  name?: string;
  file?: string;
}

export interface Cap {
  gate: string;
  name: Bilingual;
  cap: number;
  /** The score before the cap. */
  uncapped: number | null;
}

export interface PartScore {
  id: string;
  name: Bilingual;
  score: number | null;
  /** Best-in-class score for this part (from the benchmark targets). */
  target: number | null;
  gap: number | null;
  /** The organisation's own target for this driver (org.yaml), as a 0–100 score; drivers only. */
  own?: number | null;
  weight: number;
  agreement: number | null;
  /** Questions with at least one answer / all questions. */
  answered: number;
  total: number;
  /** True when fewer than half of the questions' weight was answered: the score is shown but flagged. */
  insufficient: boolean;
  cap: Cap | null;
  /** Lowest and highest of the respondents' own scores for this part: the spread a change must exceed to mean something. */
  respondentRange: { min: number | null; max: number | null };
  questions: QuestionScore[];
}

export interface QuestionScore {
  id: string;
  part: string;
  type: 'level' | 'metric';
  text: Bilingual;
  weight: number;
  /** 0–100, null when nobody could answer. */
  score: number | null;
  /** Median level (or metric value) across respondents, after the evidence policy. */
  median: number | null;
  min: number | null;
  max: number | null;
  /** Answers with a level or value. */
  count: number;
  na: number;
  unanswered: number;
  /** Answers that cite evidence. */
  evidence: number;
  /** Respondents' levels are `dispute-spread` or more apart. */
  disputed: boolean;
  /** Best-in-class level (or value) and its score. */
  target: number | null;
  targetScore: number | null;
  /** target − median, in levels (or units); null when either is missing. */
  gap: number | null;
  exemplar?: { company: string; industry: Bilingual; practice?: Bilingual };
  answers: AnswerTrace[];
}

export interface AnswerTrace {
  respondent: string;
  role: string | null;
  /** What the respondent wrote: a level, a value, "n/a", or null when not answered. */
  answer: number | 'n/a' | null;
  /** What counted after the evidence policy. */
  counted: number | 'n/a' | null;
  /** Why `counted` differs from `answer`, when it does. */
  discounted?: string;
  comment?: string;
  evidence: Evidence[];
  carriedOver: boolean;
  /** Where the answer was written (left out when the audit is anonymous). */
  file?: string;
  line?: number;
  col?: number;
}

export interface ConsistencyResult extends PartScore {
  /** Share of scenario observations with the correct outcome (0–1); null without scenarios. */
  correct: number | null;
  /** Mean over scenarios of the chance that two random contacts get different outcomes (0–1). */
  luck: number | null;
  scenarios: ScenarioResult[];
  rules: RuleFinding[];
  disputed: string[];
  findings: Finding[];
}

export interface ScenarioResult {
  id: string;
  question: string | Bilingual;
  template?: string;
  observations: number;
  correct: number;
  /** Share of observations agreeing with the most common outcome. */
  agreement: number;
  luck: number;
  outcomes: { outcome: string; count: number; correct: boolean }[];
  quality: { min: number | null; max: number | null; mean: number | null };
  minutes: { median: number | null };
  channels: ChannelResult[];
}

export interface ChannelResult {
  channel: string;
  observations: number;
  correct: number;
  agreement: number;
  luck: number;
  outcomes: number;
  quality: { min: number | null; max: number | null; mean: number | null };
}

export interface RuleFinding {
  rule: string;
  message: Bilingual;
  respondent: string;
  /** Each answer involved, with where it was written. */
  answers: { question: string; value: number | 'n/a' | null; file?: string; line?: number; col?: number }[];
}

export interface Finding {
  kind: 'scenario' | 'channel' | 'rule' | 'dispute';
  severity: 'info' | 'warning';
  message: Bilingual;
}

export interface BenchmarkResult extends PartScore {
  /** `id@version` of the benchmark profile. */
  profile: string;
  /** The profile's own words on where its targets come from. */
  disclaimer: Bilingual;
}

export interface RecoveryResult extends PartScore {
  gates: GateResult[];
  metrics: MetricResult[];
}

export interface GateResult {
  id: string;
  name: Bilingual;
  scope: string;
  passed: boolean;
  cap: number;
  /** Whether this gate is the one that set its scope's score. */
  applied: boolean;
  /** The conditions that closed the gate, with the median values that met them. */
  because: { question: string; value: number | 'n/a' | null }[];
}

export interface MetricResult {
  id: string;
  text: Bilingual;
  unit: Bilingual;
  direction: 'higher' | 'lower';
  value: number | null;
  target: number;
  floor: number;
  score: number | null;
  met: boolean | null;
}

export interface Action {
  question: string;
  part: string;
  priority: number;
  /** weight × gap to target, in score points. */
  impact: number;
  why: string;
  next: string;
  text: string;
}

/** The report's headline cards: the questions with the largest gaps, and the strongest questions. */
export interface Headline {
  /** The first three actions of the action plan (largest weight × gap), by question id. */
  gaps: string[];
  /** The three best-scored questions (smaller gap, then id, on ties), by question id. */
  strengths: string[];
}
