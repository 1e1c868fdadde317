import { range, round1, round3 } from './aggregate.ts';
import { answerValue, isAsked, undeclaredPartName } from '../read/model.ts';
import { anonymityMinimum, anonymize, pseudonymOrder } from '../check/anonymity.ts';
import { rankActions } from './actions.ts';
import { headline } from './summary.ts';
import { bandOf, bandRanges } from './bands.ts';
import { conditionHolds, type ObservedFigures } from './conditions.ts';
import type { AnswerValue, AuditModel, IndexComponent, QuestionnaireModel, ResponseModel, Workspace } from '../read/model.ts';
import type { SourceFile } from '../read/yaml-file.ts';
import { indexShares, numeric, roundCap, scoreResponses, strip, type InternalPart, type Observations } from './score-responses.ts';
import type { QuestionAggregate } from './question-score.ts';
import { askTwiceScore, scoreScenarios } from './scenarios.ts';
import { factsOf, observedFigures, type Fact } from './facts.ts';
import type { Detail } from '../schema-types.ts';
import type {
  Action, ConsistencyResult, Finding, MetricResult, PartName, RecoveryResult, RuleFinding, ScoreResult,
} from '../score-types.ts';
import { krippendorffAlpha, krippendorffBootstrap } from './stats/krippendorff.ts';
import { bootstrap, intervalOf, MIN_RESPONDENTS, RESAMPLES, seededRandom, type Resamples } from './bootstrap.ts';

/**
 * The bootstrap resamples behind each result scoreAudit made in this process, which the diff
 * bootstraps a change from (core/compare/diff.ts). Kept beside the result, not in it: they are
 * thousands of numbers no page shows; a result read back from JSON simply has none.
 */
const resamples = new WeakMap<ScoreResult, Resamples>();
export function resamplesOf(result: ScoreResult): Resamples | undefined {
  return resamples.get(result);
}

/** Thrown when an audit cannot be scored because validation has not passed; the CLI validates first. */
export class NotScorableError extends Error {}

export interface ScoreAuditOptions {
  /** Compose the index so rather than as the audit's questionnaire does: an older audit recomputed under a newer method. */
  index?: readonly IndexComponent[];
  /** Count the "ask twice" observations in the consistency part with this weight (null: not at all), for the same reason. */
  observedWeight?: number | null;
  /** False: no bootstrap, so no intervals (the bench's figure for what the bootstrap alone costs). */
  resample?: boolean;
}

/**
 * Scores one audit. Pure: the same model gives the same result, byte for byte once
 * serialised (respondents are taken in id order, so renaming or reordering files
 * changes nothing but the file names in the traces). Language-neutral: one result serves
 * every language (texts are the workspace's bilingual ones, or message ids with figures).
 */
export function scoreAudit(audit: AuditModel, ws: Workspace, options: ScoreAuditOptions = {}): ScoreResult {
  const q = audit.questionnaire;
  const benchmark = audit.benchmark;
  if (!q || !benchmark) throw new NotScorableError(`${audit.org}/${audit.version} refers to a questionnaire or benchmark that did not load`);
  const org = ws.orgs.find((o) => o.id === audit.org);
  const anonymous = audit.audit.data.anonymous ?? false;
  const responses = [...audit.responses].sort((a, b) => (a.data.respondent.id < b.data.respondent.id ? -1 : a.data.respondent.id > b.data.respondent.id ? 1 : 0));

  const composition = options.index ?? q.index;
  // What customers were actually told ("ask twice"), which the consistency part counts where the
  // questionnaire says (consistency.observed).
  const scenarios = scoreScenarios(audit.scenarios?.data);
  const observations = scenarios.results.reduce((n, s) => n + s.observations, 0);
  const correct = scenarios.results.reduce((n, s) => n + s.correct, 0);
  const askTwice = askTwiceScore(scenarios.results);
  const observedWeight = options.observedWeight !== undefined ? options.observedWeight : q.data.consistency?.observed ?? null;
  const observed: Observations = {
    item: askTwice !== null && observedWeight !== null ? { value: askTwice, weight: observedWeight } : null,
    figures: observedFigures(scenarios.results, askTwice),
  };
  // Metrics the audit measured (facts.yaml): each replaces the respondents' opinions on it.
  const facts = factsOf(audit);
  const bands = bandRanges(q.data.bands);
  const { aggregates, gates, parts, drivers, index, indexByRespondent } = scoreResponses(q, responses, { benchmark, ownTargets: org?.org.data.targets, index: composition, observed, facts });
  const indexRange = range(indexByRespondent);
  const resampled = options.resample === false ? null : bootstrap(q, aggregates, responses.map((r) => r.data.respondent.id), `${audit.org}/${audit.version}`, composition, observed);
  const withInterval = <P extends InternalPart>(p: P) => ({ ...p, interval: p.score === null ? null : intervalOf(resampled?.parts.get(p.id)) });

  const levelMatrix = (questions: readonly { id: string; type: string }[]) =>
    responses.map((r) => questions.filter((x) => x.type === 'level').map((x) => numeric(aggregates.get(x.id)!.byRespondent.get(r.data.respondent.id))));
  const allLevelQuestions = q.parts.flatMap((p) => p.questions);
  const agreement = round3(krippendorffAlpha(levelMatrix(allLevelQuestions), 'ordinal'));
  // Alpha's own interval, by Krippendorff's bootstrap of pairable values (not of respondents).
  const alphas = resampled && agreement !== null
    ? krippendorffBootstrap(levelMatrix(allLevelQuestions), 'ordinal', seededRandom(`${audit.org}/${audit.version}/agreement`), RESAMPLES) : null;

  // The plan agreed for this audit (actions.yaml), which the actions carry and the next report follows up.
  const agreed = agreedOf(audit, q);
  const actions = rankActions(q, aggregates, composition, observed, new Map(agreed.map((a) => [a.question, agreedStep(a)])));
  const rules = checkRules(q, responses, facts, observed.figures, audit.scenarios?.source);
  const disputed = [...aggregates.values()].filter((a) => a.disputed).map((a) => a.question.id);
  const findings: Finding[] = [
    ...scenarios.findings,
    ...rules.map((r): Finding => ({ kind: 'rule', severity: 'warning', message: { id: 'findingRule', params: { respondent: r.respondent, message: r.message } } })),
    ...disputed.map((id): Finding => {
      const a = aggregates.get(id)!;
      return { kind: 'dispute', severity: 'info', message: { id: 'findingDispute', params: { question: a.question.def.text, min: a.min!, max: a.max! } } };
    }),
  ];
  const emptyPart = (id: string, name: PartName): InternalPart => ({
    id, name, score: null, interval: null, target: null, gap: null, weight: 1, agreement: null, answered: 0, total: 0, insufficient: true, cap: null,
    respondentRange: { min: null, max: null }, questions: [], raw: null, rawTarget: null, byRespondent: new Map(),
  });
  const consistencyPart = parts.get('consistency') ?? emptyPart('consistency', undeclaredPartName('consistency'));
  const consistency: ConsistencyResult = {
    ...strip(withInterval(consistencyPart)),
    correct: observations ? round3(correct / observations) : null,
    observed: round1(askTwice),
    observedWeight,
    luck: scenarios.results.length ? round3(scenarios.results.reduce((s, r) => s + r.luck, 0) / scenarios.results.length) : null,
    scenarios: scenarios.results,
    rules,
    disputed,
    disputes: disputed.map((id, i) => ({ id, i, a: aggregates.get(id)! }))
      .sort((x, y) => (y.a.max! - y.a.min!) - (x.a.max! - x.a.min!) || x.i - y.i)
      .map(({ id, a }) => ({ question: id, part: a.question.part, spread: a.max! - a.min! })),
    findings,
  };
  const recoveryPart = parts.get('recovery') ?? emptyPart('recovery', undeclaredPartName('recovery'));
  const recovery: RecoveryResult = { ...strip(withInterval(recoveryPart)), gates, metrics: metricsOf(q, aggregates) };
  const benchmarkPart = parts.get('benchmark') ?? emptyPart('benchmark', undeclaredPartName('benchmark'));

  const result: ScoreResult = {
    org: audit.org,
    version: audit.version,
    questionnaire: q.key,
    profile: benchmark.key,
    respondents: responses.length,
    period: audit.audit.data.period,
    status: audit.audit.data.status,
    anonymous,
    aggregatesOnly: false,
    index: round1(index.score),
    interval: index.score === null ? null : intervalOf(resampled?.index),
    smallSample: responses.length < MIN_RESPONDENTS,
    target: round1(index.raw === null ? null : index.target),
    gap: round1(index.raw === null || index.target === null ? null : index.target - (index.score ?? 0)),
    cap: roundCap(index.cap),
    band: bandOf(round1(index.score), bands),
    bands,
    composition: indexShares(composition),
    respondentRange: { min: round1(indexRange.min), max: round1(indexRange.max) },
    agreement,
    agreementInterval: intervalOf(alphas, round3),
    drivers: drivers.map((d) => ({ ...strip(withInterval(d)), band: bandOf(d.score, bands) })),
    consistency,
    benchmark: { ...strip(withInterval(benchmarkPart)), profile: benchmark.key, disclaimer: benchmark.data.disclaimer },
    recovery,
    headline: headline([...drivers, consistencyPart, benchmarkPart, recoveryPart].map(strip), actions),
    actions,
    agreed,
    people: responses.map((r) => ({
      id: r.data.respondent.id,
      role: r.data.respondent.role,
      ...(!anonymous && r.data.respondent.name ? { name: r.data.respondent.name } : {}),
      file: r.source.file,
    })),
  };
  const published = anonymous ? anonymize(result, pseudonymOrder(audit, ws, result.people.map((p) => p.id)), anonymityMinimum(audit, ws)) : result;
  if (resampled) resamples.set(published, resampled);
  return published;
}

/** The audit's actions.yaml, each action with its question's text and where it is written. */
function agreedOf(audit: AuditModel, q: QuestionnaireModel): ScoreResult['agreed'] {
  const file = audit.actions;
  if (!file) return [];
  return file.data.actions.flatMap((a, i) => {
    const question = q.questions.get(a.question);
    if (!question) return [];
    return [{ question: a.question, text: question.def.text, ...agreedStep(a), file: file.source.file, line: file.source.locate(['actions', i]).line }];
  });
}

/** What was agreed for one question: owner, due date, status, and the step and note when given. */
function agreedStep(a: Pick<ScoreResult['agreed'][number], 'owner' | 'due' | 'status' | 'step' | 'note'>): NonNullable<Action['agreed']> {
  return { owner: a.owner, due: a.due, status: a.status, ...(a.step !== undefined ? { step: a.step } : {}), ...(a.note !== undefined ? { note: a.note } : {}) };
}

function metricsOf(q: QuestionnaireModel, aggregates: Map<string, QuestionAggregate>): MetricResult[] {
  return [...aggregates.values()].filter((a) => a.question.type === 'metric').map((a) => {
    const def = a.question.def;
    const direction = def.direction ?? 'higher';
    const target = def.target ?? 0;
    return {
      id: a.question.id, text: def.text, unit: def.unit ?? { en: '', zh: '' }, direction,
      value: a.median, target, floor: def.floor ?? 0, score: round1(a.score),
      met: a.median === null ? null : direction === 'higher' ? a.median >= target : a.median <= target,
      basis: a.fact ? 'fact' : a.median === null ? null : 'opinion',
    };
  });
}

/**
 * Rule checks: a respondent's answer contradicted by another of theirs, by a fact the audit
 * measured (a condition on a metric reads its fact, as every figure does), or by the "ask twice"
 * observations, each named with where it was written.
 */
function checkRules(q: QuestionnaireModel, responses: readonly ResponseModel[], facts: ReadonlyMap<string, Fact>, observed: ObservedFigures,
  scenarios: SourceFile | undefined): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const rule of q.data.consistency?.rules ?? []) {
    const observations: RuleFinding['observations'] = [];
    let holds = true;
    for (const c of rule.when) {
      if (c.observed === undefined) continue;
      const value = observed[c.observed];
      if (value === null || !conditionHolds(c, value) || !scenarios) {
        holds = false;
        break;
      }
      const at = scenarios.locate(['scenarios'], { key: true });
      observations.push({ observed: c.observed, value: round1(value)!, file: scenarios.file, line: at.line, col: at.col });
    }
    if (!holds) continue;
    const asked = rule.when.filter((c) => c.question !== undefined);
    for (const response of responses) {
      // A respondent not asked one of the rule's questions (routed to other groups) is not checked by it.
      if (asked.some((c) => { const x = q.questions.get(c.question!); return x !== undefined && !isAsked(x, response.data.respondent); })) continue;
      const values = asked.map((c) => {
        const id = c.question!;
        const fact = facts.get(id);
        if (fact) return { c, value: fact.value as AnswerValue, fact };
        const raw = response.data.answers[id];
        const detail = typeof raw === 'object' && raw !== null ? (raw as Detail) : undefined;
        return { c, value: answerValue(raw), detail };
      });
      if (!values.every(({ c, value }) => conditionHolds(c, value))) continue;
      out.push({
        rule: rule.id,
        message: rule.message,
        respondent: response.data.respondent.id,
        answers: values.map(({ c, value, detail, fact }) => {
          if (fact) return { question: c.question!, value, file: fact.file, line: fact.line, col: fact.col, fact: true };
          const pos = response.source.locate(detail ? ['answers', c.question!, 'level' in detail ? 'level' : 'value'] : ['answers', c.question!]);
          return { question: c.question!, value, file: response.source.file, line: pos.line, col: pos.col };
        }),
        observations,
      });
    }
  }
  return out;
}
