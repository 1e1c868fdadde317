/**
 * A site model made by hand (not from a workspace) in which every number is a sentinel: a value
 * no page could arrive at by arithmetic of its own. The sentinel test renders it and checks that
 * every number on the report, presenter and portfolio pages is one of these, as formatting alone
 * would show it (rounded, grouped, as a percentage).
 */
import type { SiteModel, QuestionnaireWords } from '../../src/core/report/site-model.ts';
import type { Action, AnswerTrace, AuditDiff, Change, Finding, QuestionScore, ReportModel } from '../../src/core/score-types.ts';
import type { AuditFile, Bilingual } from '../../src/core/schema-types.ts';
import type { Method } from '../../src/core/score/method.ts';

/** Dates in the model; their parts (year, month, day) are allowed on the pages as they are. */
export const SENTINEL_DATES = ['2031-11-23', '2032-12-29', '2033-10-27', '2034-11-28', '2035-12-26'];

export class Sentinels {
  readonly values: number[] = [];
  #k = 0;
  /**
   * A fresh number: distinct from every other, and from anything a page might count or compute of
   * them (≥ 4000, and spaced unevenly, so that no sum, difference or mean of two is a third).
   */
  n(): number {
    return this.#take(0.3);
  }

  /** The same for a count (the schema says integer). */
  i(): number {
    return this.#take(0);
  }

  #take(fraction: number): number {
    const k = this.#k++;
    const v = 4011 + 13 * k + 7 * k * k + fraction;
    this.values.push(v);
    return v;
  }
}

const b = (en: string, zh: string): Bilingual => ({ en, zh });

export function sentinelSiteModel(): { model: SiteModel & { git: { commit: string; date: string } }; sentinels: Sentinels } {
  const s = new Sentinels();
  const answer = (respondent: string, role: string, level: number | 'n/a' | 'dont-know' | null): AnswerTrace => ({
    respondent, role, answer: level, counted: level, evidence: [], carriedOver: false,
  });
  const question = (id: string, part: string, disputed: boolean, type: 'level' | 'metric' = 'level'): QuestionScore => ({
    id, part, type, text: b(`Question ${id.replace(/[^a-z]/g, ' ')}`, `题目${id.replace(/[^a-z]/g, '')}`),
    weight: s.n(), score: s.n(), median: s.n(), min: s.n(), max: s.n(), count: s.i(), na: s.i(), dontKnow: s.i(), unanswered: s.i(),
    evidence: s.i(), disputed, target: s.n(), targetScore: s.n(), gap: s.n(),
    exemplar: { company: 'Exemplar Company', industry: b('Hospitality', '酒店业') },
    answers: [answer('ann', 'Front desk', s.n()), answer('bo', 'Manager', s.n()), answer('cy', 'Concierge', 'n/a')],
  });
  const part = (id: string, name: Bilingual, questions: QuestionScore[]) => ({
    id, name, score: s.n(), interval: { low: s.n(), high: s.n() }, target: s.n(), gap: s.n(), own: s.n(), weight: s.n(), agreement: s.n(),
    answered: s.i(), total: s.i(), insufficient: false, cap: null,
    respondentRange: { min: s.n(), max: s.n() }, questions,
  });
  const change = (): Change => ({ before: s.n(), after: s.n(), delta: s.n(), meaningful: true, interval: { low: s.n(), high: s.n() } });

  const report = (org: string, version: string, period: { start: string; end: string; label: Bilingual }, previous?: ReportModel): ReportModel => {
    const drivers = [
      { ...part('welcome', b('Welcome', '迎客'), [question('welcome.greeting', 'welcome', true), question('welcome.waiting', 'welcome', false)]), band: 'uneven' },
      { ...part('memory', b('Memory', '记住客人'), [question('memory.names', 'memory', false)]), band: 'steady' },
    ];
    const consistency = {
      ...part('consistency', b('Consistency', '一致性'), [question('consistency.same', 'consistency', true)]),
      correct: s.n(), observed: s.n(), observedWeight: s.n(), luck: s.n(), disputed: ['welcome.greeting', 'consistency.same'],
      disputes: [{ question: 'consistency.same', part: 'consistency', spread: s.n() }, { question: 'welcome.greeting', part: 'welcome', spread: s.n() }],
      scenarios: [{
        id: 'late-checkout', question: b('May I check out late?', '可以晚点退房吗？'), observations: s.i(), correct: s.i(), agreement: s.n(), luck: s.n(),
        outcomes: [{ outcome: 'yes', count: s.i(), correct: true }, { outcome: 'no', count: s.i(), correct: false }],
        quality: { min: s.n(), max: s.n(), mean: s.n() }, minutes: { median: s.n() },
        channels: [{ channel: 'phone', observations: s.i(), correct: s.i(), agreement: s.n(), luck: s.n(), outcomes: s.i(), quality: { min: s.n(), max: s.n(), mean: s.n() }, small: true }],
      }],
      rules: [{
        rule: 'greeting-vs-waiting', message: b('Greets everyone yet keeps them waiting', '都打招呼却让人久等'), respondent: 'ann',
        answers: [{ question: 'welcome.greeting', value: s.n(), file: 'responses/ann.yaml', line: s.i(), col: s.i() }],
        observations: [],
      }],
      findings: [
        { kind: 'scenario' as const, severity: 'warning' as const, message: { id: 'findingLuck', params: { question: b('May I check out late?', '可以晚点退房吗？'), pct: s.n(), outcomes: s.n(), count: s.n() } } },
        { kind: 'dispute' as const, severity: 'info' as const, message: { id: 'findingDispute', params: { question: b('Question welcome greeting', '题目welcomegreeting'), min: s.n(), max: s.n() } } },
      ] as Finding[],
    };
    const benchmark = { ...part('benchmark', b('Benchmark', '跨行业对标'), [question('benchmark.famous', 'benchmark', false)]), profile: 'sentinel-profile', disclaimer: b('Targets are judgement.', '目标为判断。') };
    const recovery = {
      ...part('recovery', b('Recovery', '补救'), [question('recovery.hours', 'recovery', false, 'metric')]),
      gates: [{ id: 'no-owner', name: b('No owner', '无人负责'), scope: 'recovery', passed: false, cap: s.n(), applied: true, because: [{ question: 'recovery.hours', value: s.n() }] }],
      metrics: [{ id: 'recovery.hours', text: b('Hours to resolve', '解决用时'), unit: b('hours', '小时'), direction: 'lower' as const, value: s.n(), target: s.n(), floor: s.n(), score: s.n(), met: false, basis: 'opinion' as const }],
    };
    const actions: Action[] = [
      { question: 'welcome.waiting', part: 'welcome', priority: s.i(), impact: s.n(), lifts: null, text: b('Shorten the wait', '缩短等待'),
        why: { id: 'actionWhyLevel', params: { now: s.n(), min: s.n(), max: s.n(), target: s.n() } }, next: b('Add a greeter at peak hours.', '高峰时段增设迎宾。'),
        effort: 'M', days: s.n(), perDay: s.n(), agreed: { owner: b('Front office manager', '前厅经理'), due: SENTINEL_DATES[4]!, status: 'in-progress' } },
      { question: 'recovery.hours', part: 'recovery', priority: s.i(), impact: s.n(), lifts: 'no-owner', text: b('Resolve faster', '更快解决'),
        why: { id: 'actionWhyMetric', params: { now: s.n(), unit: b('hours', '小时'), target: s.n() } }, next: { id: 'actionNextMetric', params: { now: s.n(), target: s.n(), unit: b('hours', '小时') } },
        effort: null, days: null, perDay: null, agreed: null },
    ];
    const index = s.n();
    const changes: AuditDiff | null = previous ? {
      org, from: previous.version, to: version, questionnaires: { from: previous.questionnaire, to: 'sentinel-bank@edition', mapped: true },
      index: change(), indexMethod: 'recomputed',
      drivers: [{ ...change(), id: 'welcome', name: b('Welcome', '迎客') }, { ...change(), id: 'memory', name: b('Memory', '记住客人') }],
      questions: [{ ...change(), id: 'welcome.greeting', status: 'same', part: 'welcome', text: b('Question welcome greeting', '题目welcomegreeting'), medianBefore: s.n(), medianAfter: s.n() }],
      mapping: { renamed: [], removed: [], added: [] },
    } : null;
    return {
      schemaVersion: 1, org, version, questionnaire: 'sentinel-bank@edition', profile: 'sentinel-profile', respondents: s.i(), period,
      status: 'final', anonymous: false, aggregatesOnly: false, index, interval: { low: s.n(), high: s.n() }, smallSample: false, target: s.n(), gap: s.n(),
      cap: { gate: 'no-owner', name: b('No owner', '无人负责'), cap: s.n(), uncapped: s.n() },
      composition: [{ part: 'drivers', share: s.n() }, { part: 'recovery', share: s.n() }],
      band: 'steady',
      bands: [
        { id: 'uneven', from: s.n(), to: s.n(), name: b('Uneven', '参差不齐'), meaning: b('Depends on whom a guest meets.', '取决于客人碰上谁。') },
        { id: 'steady', from: s.n(), to: s.n(), name: b('Steady', '稳定可靠'), meaning: b('Guests get the same service.', '客人得到同样的服务。') },
      ],
      respondentRange: { min: s.n(), max: s.n() }, agreement: s.n(), agreementInterval: { low: s.n(), high: s.n() },
      drivers, consistency, benchmark, recovery,
      headline: { gaps: ['welcome.waiting', 'recovery.hours'], strengths: ['memory.names'] },
      actions,
      people: [{ id: 'ann', role: 'Front desk', name: 'Ann' }, { id: 'bo', role: 'Manager', name: 'Bo' }, { id: 'cy', role: 'Concierge' }],
      changes,
      roles: [{ role: 'Front desk', count: s.i() }, { role: 'Manager', count: s.i() }],
      agreed: [{ question: 'welcome.waiting', text: b('Shorten the wait', '缩短等待'), owner: b('Front office manager', '前厅经理'), due: SENTINEL_DATES[4]!, status: 'in-progress', file: 'actions.yaml', line: s.i() }],
      followUp: previous ? [{ question: 'welcome.waiting', text: b('Shorten the wait', '缩短等待'), owner: b('Front office manager', '前厅经理'), due: SENTINEL_DATES[4]!, status: 'done', change: change() }] : [],
      knowledgeGaps: [{
        question: 'welcome.greeting', part: 'welcome', text: b('Question welcome greeting', '题目welcomegreeting'), count: s.i(), of: s.i(),
        roles: [{ role: 'Front desk', count: s.i() }, { role: null, count: s.i() }],
      }],
    };
  };

  const method: Method = {
    questionnaire: 'sentinel-bank@edition', scale: { min: s.n(), max: s.n() }, levels: s.n(), disputeSpread: s.n(), agreedSpread: s.n(),
    evidencePolicy: { from: s.n(), penalty: s.n(), appliesTo: 'all' }, allowsNa: true, metricUnits: [b('hours', '小时')],
    drivers: [{ id: 'welcome', name: b('Welcome', '迎客'), summary: b('How guests are met.', '如何迎接客人。') }, { id: 'memory', name: b('Memory', '记住客人') }],
    parts: [{ id: 'consistency', name: b('Consistency', '一致性') }, { id: 'benchmark', name: b('Benchmark', '跨行业对标') }, { id: 'recovery', name: b('Recovery', '补救') }],
    scenarios: true, gates: true, index: [{ part: 'drivers', share: s.n() }, { part: 'recovery', share: s.n() }],
    bands: [], observedWeight: null, effort: null, groups: [],
    examples: {
      level: { level: s.n(), score: s.n() }, median: { answers: [s.n(), s.n(), s.n()], median: s.n(), score: s.n() },
      dontKnow: { answers: [s.n(), s.n()], median: s.n(), score: s.n() }, evidence: { claimed: s.n(), counted: s.n() },
      weighted: { scores: [s.n(), s.n()], weights: [s.n(), s.n()], mean: s.n() }, luck: { contacts: s.i(), same: s.i(), pairs: s.i(), agree: s.i(), luck: s.n() },
    }, uncertainty: { resamples: s.i(), confidence: s.n(), minRespondents: s.i(), minContacts: s.i() },
  };
  const words: QuestionnaireWords = { method, levels: {}, units: { 'recovery.hours': b('hours', '小时') } };

  const first = report('harbour', 'spring', { start: SENTINEL_DATES[0]!, end: SENTINEL_DATES[1]!, label: b('Spring review', '春季评估') });
  const second = report('harbour', 'autumn', { start: SENTINEL_DATES[2]!, end: SENTINEL_DATES[3]!, label: b('Autumn review', '秋季评估') }, first);
  const other = report('lighthouse', 'spring', { start: SENTINEL_DATES[0]!, end: SENTINEL_DATES[1]!, label: b('Spring review', '春季评估') });
  const auditFile = (r: ReportModel): AuditFile => ({ questionnaire: r.questionnaire, benchmark: r.profile, period: r.period, status: r.status, title: b('Guest experience', '宾客体验'), consultant: 'Dana Consultant' });
  const entry = (r: ReportModel) => ({ org: r.org, version: r.version, dir: `audits/${r.org}/${r.version}`, audit: auditFile(r), notes: null, report: r });
  const industry = { id: 'hotels', name: b('Hotels', '酒店') };
  const model = {
    title: b('Sentinel portfolio', '哨兵组合'), defaultLang: 'en' as const, hideNames: false,
    orgs: [
      { id: 'harbour', name: b('Harbour Hotel', '海港酒店'), industry, locale: 'en' as const, audits: [entry(first), entry(second)] },
      { id: 'lighthouse', name: b('Lighthouse Inn', '灯塔旅馆'), industry, locale: 'zh' as const, audits: [entry(other)] },
    ],
    questionnaires: { 'sentinel-bank@edition': words },
    portfolio: {
      order: ['lighthouse', 'harbour'],
      ranks: {
        lighthouse: { overall: { rank: s.n(), of: s.n() }, industry: { rank: s.n(), of: s.n() } },
        harbour: { overall: { rank: s.n(), of: s.n() }, industry: { rank: s.n(), of: s.n() } },
      },
    },
    git: { commit: 'abcdefabcdefabcdefabcdefabcdefabcdefabcd', date: `${SENTINEL_DATES[4]}T00:00:00Z` },
  };
  return { model, sentinels: s };
}
