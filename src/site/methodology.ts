// The methodology's words: one home for the page and the generated docs/METHODOLOGY.md.
import type { Method } from '../core/index.ts';
import { indexMadeOf, num, pct, score } from './format.ts';
import { levelCount, say, tr, ui, uif, type Lang, type StringKey } from './i18n.ts';

/** One section of the methodology: its anchor, heading and paragraphs, in one language. */
export interface MethodSection { id: string; h: string; p: string[] }
/**
 * The methodology of one questionnaire, in one language: every rule in plain words with its
 * worked example, stated with the questionnaire's own figures and only for what it has. The
 * methodology page renders it, and scripts/gen-methodology.ts writes docs/METHODOLOGY.md from it.
 */
export function methodSections(m: Method, lang: Lang): MethodSection[] {
  const t = (k: StringKey) => ui(lang, k);
  const { min, max } = m.scale;
  // The worked examples' figures are core's (core/score/method.ts); the page only words them.
  const x = m.examples;
  const units = m.metricUnits.map((u) => tr(u, lang)).join(t('listSeparator'));
  const out: MethodSection[] = [
    { id: 'answers', h: t('mAnswersH'), p: [
      [uif(lang, 'mAnswersLevel', { min, max, levels: m.levels }), m.allowsNa ? t('mAnswersNa') : '', t('mAnswersDontKnow'), units ? uif(lang, 'mAnswersMetric', { units }) : '']
        .filter(Boolean).join(t('sentenceGap')),
      [uif(lang, 'mLevelScore', { min, max }), uif(lang, 'mLevelExample', { level: x.level.level, score: score(x.level.score, lang) }), units ? t('mMetricScore') : ''].filter(Boolean).join(t('sentenceGap')),
    ] },
    ...(m.groups.length ? [{ id: 'groups', h: t('mGroupsH'), p: [uif(lang, 'mGroups', { groups: m.groups.map((g) => tr(g.name, lang)).join(t('listSeparator')) })] }] : []),
    { id: 'median', h: t('mMedianH'), p: [
      t('mMedian'),
      uif(lang, 'mMedianExample', { a: x.median.answers[0], b: x.median.answers[1], c: x.median.answers[2], median: num(x.median.median, lang), score: score(x.median.score, lang) }),
      uif(lang, 'mDontKnowExample', { a: x.dontKnow.answers[0], b: x.median.answers[1], c: x.dontKnow.answers[1], median: num(x.dontKnow.median, lang), score: score(x.dontKnow.score, lang) }),
      uif(lang, 'mDisputed', { spread: levelCount(m.disputeSpread, lang) }),
    ] },
  ];
  if (m.evidencePolicy) {
    const e = m.evidencePolicy;
    out.push({ id: 'evidence', h: t('mEvidenceH'), p: [uif(lang, 'mEvidence', {
      scope: t(e.appliesTo === 'all' ? 'mEvidenceAll' : 'mEvidenceExpected'), from: e.from, penalty: levelCount(e.penalty, lang),
    }), ...(x.evidence ? [uif(lang, 'mEvidenceExample', { claimed: x.evidence.claimed, counted: x.evidence.counted })] : []),
    ...(units ? [uif(lang, 'mEvidenceMetric', { from: e.from, penalty: levelCount(e.penalty, lang) })] : [])] });
  }
  // Metrics: a fact the organisation measured counts instead of the respondents' opinions.
  if (units) out.push({ id: 'facts', h: t('mFactsH'), p: [t('mFacts'), t('mFactsExample')] });
  const composed = m.index.length > 1
    ? [uif(lang, 'mIndexComposed', { madeOf: indexMadeOf(m.index, (p) => say(lang, m.parts.find((x) => x.id === p)?.name ?? p), lang) }), ...(m.aboutIndex ? [tr(m.aboutIndex, lang)] : []), t('mIndexMethod')]
    : [];
  out.push({ id: 'weighted', h: t('mWeightedH'), p: [
    t(composed.length ? 'mWeightedParts' : 'mWeighted'),
    uif(lang, 'mWeightedExample', { s1: score(x.weighted.scores[0], lang), w1: x.weighted.weights[0], s2: score(x.weighted.scores[1], lang), w2: x.weighted.weights[1], mean: score(x.weighted.mean, lang) }),
    ...composed,
  ] });
  if (m.bands.length > 0) {
    out.push({ id: 'bands', h: t('mBandsH'), p: [t('mBands'), ...m.bands.map((b) => `${num(b.from, lang)}–${num(b.to, lang)}${t('colon')}${tr(b.name, lang)}${t('sentenceEnd')}${t('sentenceGap')}${tr(b.meaning, lang)}`)] });
  }
  // Observed conditions are worth a sentence only where there are observations to test.
  if (m.gates) out.push({ id: 'gates', h: t('mGatesH'), p: [t('mGates'), t('mGatesExample'), ...(m.scenarios ? [t('mGatesObserved')] : [])] });
  out.push({ id: 'benchmark', h: t('mBenchmarkH'), p: [t('mBenchmark')] });
  out.push({ id: 'alpha', h: t('mAlphaH'), p: [t('mAlpha'), uif(lang, 'mAlphaInterval', { resamples: num(m.uncertainty.resamples, lang, 0) })] });
  if (m.scenarios) out.push({ id: 'luck', h: t('mLuckH'), p: [t('mLuck'), uif(lang, 'mLuckExample', { contacts: x.luck.contacts, same: x.luck.same, pairs: x.luck.pairs, agree: x.luck.agree, luck: pct(x.luck.luck, lang) }), ...(m.observedWeight !== null ? [uif(lang, 'mObserved', { weight: num(m.observedWeight, lang) })] : [])] });
  const u = m.uncertainty;
  out.push({ id: 'uncertainty', h: t('mBootstrapH'), p: [
    uif(lang, 'mBootstrap', { resamples: num(u.resamples, lang, 0), min: u.minRespondents }), uif(lang, 'mBootstrapChange', { min: u.minRespondents }),
    ...(m.scenarios ? [uif(lang, 'mBootstrapContacts', { contacts: u.minContacts })] : []),
  ] });
  out.push({ id: 'actions', h: t('mActionsH'), p: [
    t('mActions'),
    ...(m.effort ? [uif(lang, 'mActionsEffort', { s: num(m.effort.S, lang), m: num(m.effort.M, lang), l: num(m.effort.L, lang) })] : []),
    t('mActionsAgreed'),
  ] });
  out.push({ id: 'trace', h: t('mTraceH'), p: [t('mTrace')] });
  return out;
}
