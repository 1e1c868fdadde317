/**
 * The site's own words, in both languages. Texts that come from the workspace (question texts,
 * names, levels, next steps) are bilingual in the YAML and never appear here.
 */
import { isLang, type Lang } from '../core/lang.ts';

export { LANGS, isLang, type Lang } from '../core/lang.ts';

/** The BCP 47 tag for <html lang> and Intl. */
export const HTML_LANG: Record<Lang, string> = { en: 'en', zh: 'zh-Hans' };
export const INTL_LOCALE: Record<Lang, string> = { en: 'en-GB', zh: 'zh-CN' };
export const LANG_NAME: Record<Lang, string> = { en: 'English', zh: '中文' };

const strings = {
  siteName: { en: 'Touchstone', zh: 'Touchstone 试金石' },
  tagline: { en: 'Customer-experience audits, scored against the best', zh: '对照最佳水平的客户体验审计' },
  skip: { en: 'Skip to content', zh: '跳到正文' },
  nav: { en: 'Site', zh: '站点导航' },
  portfolio: { en: 'Portfolio', zh: '组合总览' },
  methodology: { en: 'Methodology', zh: '方法说明' },
  questionnaires: { en: 'Questionnaires', zh: '问卷' },
  language: { en: 'Language', zh: '语言' },
  switchTo: { en: '中文', zh: 'English' },
  switchToLabel: { en: '阅读中文版', zh: 'Read in English' },
  redirecting: { en: 'Opening the report site…', zh: '正在打开报告网站……' },
  continue: { en: 'Continue', zh: '继续' },
  footer: { en: 'Built by Touchstone from the workspace', zh: '由 Touchstone 根据工作区生成' },
  commit: { en: 'commit', zh: '提交' },
  notGit: { en: 'not a git repository', zh: '非 git 仓库' },

  // Portfolio
  organisations: { en: 'Organisations', zh: '机构' },
  organisation: { en: 'Organisation', zh: '机构' },
  industry: { en: 'Industry', zh: '行业' },
  latest: { en: 'Latest audit', zh: '最新审计' },
  index: { en: 'Index', zh: '指数' },
  change: { en: 'Change', zh: '变化' },
  changeSince: { en: 'since', zh: '较' },
  trend: { en: 'Trend', zh: '趋势' },
  audits: { en: 'Audits', zh: '审计' },
  noAudits: { en: 'No audit yet.', zh: '尚无审计。' },
  noOrgs: { en: 'This workspace has no organisations yet.', zh: '此工作区尚无机构。' },
  sortBy: { en: 'Sort by', zh: '排序' },
  comparison: { en: 'Comparison', zh: '对比' },
  comparisonIntro: {
    en: 'Drivers of each organisation’s latest audit side by side, and its rank in the portfolio (1 = highest index).',
    zh: '各机构最新审计的驱动因素并列对比，以及其在组合中的排名（1 = 指数最高）。',
  },
  rank: { en: 'Rank', zh: '排名' },
  rankOverall: { en: 'Rank overall', zh: '总排名' },
  rankIndustry: { en: 'Rank in industry', zh: '行业内排名' },
  of: { en: 'of', zh: '/' },
  namesHidden: { en: 'Names are hidden in this comparison (workspace setting).', zh: '按工作区设置，对比中隐去机构名称。' },
  orgLetter: { en: 'Organisation', zh: '机构' },
  sparklineOf: { en: 'Index over audits', zh: '历次审计指数' },
  questionnaireList: { en: 'Question banks', zh: '题库' },
  reportIn: { en: 'Report', zh: '报告' },
  defaultLanguage: { en: 'default language', zh: '默认语言' },

  // Report header
  report: { en: 'Report', zh: '报告' },
  period: { en: 'Period', zh: '周期' },
  questionnaire: { en: 'Questionnaire', zh: '问卷' },
  benchmarkProfile: { en: 'Benchmark profile', zh: '标杆档案' },
  respondents: { en: 'Respondents', zh: '答卷人' },
  status: { en: 'Status', zh: '状态' },
  draft: { en: 'Draft', zh: '草稿' },
  final: { en: 'Final', zh: '定稿' },
  draftWarning: { en: 'Draft: answers may still change.', zh: '草稿：答案仍可能变化。' },
  anonymous: { en: 'Anonymous: respondents are shown by role only.', zh: '匿名：答卷人仅以角色显示。' },
  aggregatesOnly: { en: 'Anonymous, with too few respondents to show anyone’s answers: only totals are published — no individual answers, comments, ranges or roles.', zh: '匿名审计，答卷人过少，无法在不暴露身份的前提下展示个人答案：仅发布汇总结果，不含个人答案、评论、分布范围或角色。' },
  source: { en: 'Source', zh: '来源' },
  consultant: { en: 'Consultant', zh: '顾问' },
  data: { en: 'Data (JSON)', zh: '数据（JSON）' },
  withoutEvidence: { en: '“{label}”: a level of {from} or higher claimed without evidence counts {penalty} lower.', zh: '“{label}”：{from} 级或以上却未附证据，按低 {penalty}计分。' },
  sentenceEnd: { en: '.', zh: '。' },
  /** After a label: "Versions: …" / "版本：…" (full-width in Chinese, no space after). */
  colon: { en: ': ', zh: '：' },
  listSeparator: { en: ', ', zh: '、' },
  semicolon: { en: '; ', zh: '；' },
  openParen: { en: ' (', zh: '（' },
  closeParen: { en: ')', zh: '）' },
  /** Between two sentences: a space in English, nothing after Chinese full-width punctuation. */
  sentenceGap: { en: ' ', zh: '' },
  noEvidence: { en: 'no evidence', zh: '无证据' },
  filesUnder: { en: 'File paths are relative to', zh: '文件路径相对于' },
  presenterView: { en: 'Presenter view (for the projector)', zh: '演示视图（投影用）' },
  answerThis: { en: 'Answer this questionnaire in the browser', zh: '在浏览器中填写本问卷' },
  contents: { en: 'Contents', zh: '目录' },
  versions: { en: 'Versions', zh: '版本' },
  trendPage: { en: 'Trend over all audits', zh: '历次审计趋势' },

  // Summary
  summary: { en: 'Summary', zh: '摘要' },
  cxIndex: { en: 'CX index', zh: '客户体验指数' },
  outOf100: { en: 'out of 100', zh: '满分 100' },
  bestInClass: { en: 'Best in class', zh: '业界最佳' },
  you: { en: 'This audit', zh: '本次审计' },
  respondentRange: { en: 'Each respondent’s own index ranges', zh: '各答卷人自评指数范围' },
  ownTarget: { en: 'Own target', zh: '自定目标' },
  gap: { en: 'Gap', zh: '差距' },
  firstAudit: { en: 'first audit', zh: '首次审计' },
  previous: { en: 'previous', zh: '上次' },
  drivers: { en: 'Drivers', zh: '驱动因素' },
  driver: { en: 'Driver', zh: '驱动因素' },
  score: { en: 'Score', zh: '得分' },
  target: { en: 'Target', zh: '目标' },
  driversVsBest: { en: 'The drivers against best in class', zh: '各驱动因素对照业界最佳' },
  largestGaps: { en: 'Largest gaps', zh: '最大差距' },
  strengths: { en: 'Strengths', zh: '优势' },
  cappedBy: { en: 'capped by', zh: '被封顶，原因：' },
  capAt: { en: 'cap', zh: '上限' },
  beforeCap: { en: 'before the cap', zh: '封顶前' },
  noCap: { en: 'no gate capped it', zh: '未触发任何上限' },
  indexCapped: { en: 'The index is capped', zh: '指数被封顶' },
  consistencyWarning: { en: 'Consistency warning', zh: '一致性警示' },
  noWarnings: { en: 'Respondents and channels broadly agree.', zh: '答卷人与各渠道基本一致。' },
  notScored: { en: 'not scored', zh: '未计分' },
  insufficient: { en: 'too few answers: read with care', zh: '答案过少：请谨慎解读' },
  answeredOf: { en: 'answered', zh: '已答' },
  none: { en: 'None.', zh: '无。' },
  chartAlt: { en: 'Chart; the table below holds the same numbers.', zh: '图表；下表列出相同数据。' },

  // Questions
  question: { en: 'Question', zh: '问题' },
  median: { en: 'Median', zh: '中位数' },
  spread: { en: 'Spread (min–max)', zh: '分布（最低–最高）' },
  evidence: { en: 'Evidence', zh: '证据' },
  comments: { en: 'Comments', zh: '评论' },
  disputed: { en: 'disputed', zh: '有分歧' },
  disputedLong: { en: 'Respondents are {spread} or more apart: discuss it.', zh: '答卷人相差 {spread}或以上：值得讨论。' },
  weight: { en: 'Weight', zh: '权重' },
  agreement: { en: 'Agreement (α)', zh: '一致度（α）' },
  agreementUndefined: { en: 'not defined', zh: '无法计算' },
  trace: { en: 'answers', zh: '答案' },
  na: { en: 'n/a', zh: '不适用' },
  unanswered: { en: 'not answered', zh: '未作答' },

  // Consistency
  disputedQuestions: { en: 'Disputed questions', zh: '有分歧的问题' },
  scenarios: { en: '“Ask twice” scenarios', zh: '“问两次”情景' },
  noScenarios: { en: 'No “ask twice” observations in this audit.', zh: '本次审计没有“问两次”观察记录。' },
  channel: { en: 'Channel', zh: '渠道' },
  observations: { en: 'Contacts', zh: '接触次数' },
  correct: { en: 'Correct', zh: '正确' },
  sameOutcome: { en: 'Same outcome', zh: '结果一致' },
  luck: { en: 'Luck factor', zh: '运气因子' },
  luckExplained: {
    en: 'The chance that two customers asking the same thing get different outcomes (1 − Σpᵢ²).',
    zh: '两位顾客问同一问题却得到不同结果的概率（1 − Σpᵢ²）。',
  },
  outcomes: { en: 'Outcomes', zh: '结果' },
  quality: { en: 'Quality', zh: '质量' },
  minutes: { en: 'Minutes (median)', zh: '分钟（中位数）' },
  rules: { en: 'Contradictions within a response', zh: '答卷内部的矛盾' },
  findings: { en: 'Findings', zh: '发现' },
  expectedOutcome: { en: 'expected', zh: '正确答案' },

  // Benchmark
  practice: { en: 'Practice', zh: '做法' },
  exemplar: { en: 'Exemplar', zh: '标杆企业' },

  // Recovery
  checklist: { en: 'Checklist', zh: '清单' },
  metrics: { en: 'Metrics', zh: '指标' },
  metric: { en: 'Metric', zh: '指标' },
  value: { en: 'Value', zh: '数值' },
  met: { en: 'Met', zh: '达标' },
  notMet: { en: 'Not met', zh: '未达标' },
  unknown: { en: 'Unknown', zh: '未知' },
  gates: { en: 'Gates', zh: '门槛' },
  gate: { en: 'Gate', zh: '门槛' },
  passed: { en: 'passed', zh: '通过' },
  failed: { en: 'closed', zh: '未通过' },
  applied: { en: 'set the score', zh: '决定了得分' },
  because: { en: 'because', zh: '原因' },
  scope: { en: 'Caps', zh: '封顶对象' },
  lowerBetter: { en: 'lower is better', zh: '越低越好' },
  higherBetter: { en: 'higher is better', zh: '越高越好' },

  // Actions
  actions: { en: 'Action plan', zh: '行动计划' },
  priority: { en: 'Priority', zh: '优先级' },
  why: { en: 'Why', zh: '原因' },
  next: { en: 'Next step', zh: '下一步' },
  impact: { en: 'Impact (points)', zh: '影响（分）' },
  noActions: { en: 'No action: every question meets its target.', zh: '无需行动：每个问题都已达标。' },

  notes: { en: 'Consultant’s notes', zh: '顾问评注' },
  traceability: { en: 'Traceability', zh: '可追溯性' },
  traceIntro: {
    en: 'Every score above comes from these answers. Open a question to see who answered what, with comments and evidence.',
    zh: '上面的每个分数都来自这些答案。展开问题即可查看每位答卷人的答案、评论和证据。',
  },
  respondent: { en: 'Respondent', zh: '答卷人' },
  role: { en: 'Role', zh: '角色' },
  otherRoles: { en: 'other roles', zh: '其他角色' },
  answer: { en: 'Answer', zh: '答案' },
  counted: { en: 'Counted', zh: '计入' },
  comment: { en: 'Comment', zh: '评论' },
  carriedOver: { en: 'carried over', zh: '沿用上次' },
  reviewedBy: { en: 'reviewed by', zh: '审核人' },
  file: { en: 'file', zh: '文件' },
  backToScore: { en: 'back to the score', zh: '返回分数' },

  // Trend
  trendTitle: { en: 'Trend', zh: '趋势' },
  trendChart: { en: 'Index and drivers over audits', zh: '历次审计的指数与驱动因素' },
  version: { en: 'Version', zh: '版本' },
  diff: { en: 'What changed', zh: '变化' },
  from: { en: 'from', zh: '从' },
  to: { en: 'to', zh: '到' },
  questionnaireChanged: { en: 'Questionnaire changed', zh: '问卷已变更' },
  renamed: { en: 'renamed', zh: '改名' },
  removed: { en: 'removed', zh: '删除' },
  added: { en: 'added', zh: '新增' },
  changedQuestions: { en: 'Questions that changed', zh: '有变化的问题' },
  notComparable: { en: 'not comparable', zh: '无法比较' },
  diffNoise: { en: 'Changes in colour are larger than the spread between respondents; the others are within noise.', zh: '彩色标出的变化超出了答卷人之间的差异幅度；其余变化在误差范围内。' },
  notFound: { en: 'Page not found', zh: '找不到页面' },
  notFoundText: { en: 'This page does not exist (any more). Start again from the portfolio.', zh: '此页面不存在（或已移除）。请从组合总览重新开始。' },
  noDiff: { en: 'The diff between versions is not available in this build.', zh: '此版本未提供版本间差异。' },
  onlyOne: { en: 'Only one audit so far: the trend starts with the next one.', zh: '目前只有一次审计：趋势将从下一次开始。' },

  // Questionnaire browser
  levels: { en: 'Levels', zh: '等级' },
  nextSteps: { en: 'Next steps', zh: '下一步' },
  fromLevel: { en: 'from level', zh: '从等级' },
  help: { en: 'Help', zh: '说明' },
  naAllowed: { en: '“n/a” allowed', zh: '可答“不适用”' },
  evidenceExpected: { en: 'evidence expected', zh: '需提供证据' },
  seed: { en: 'source article', zh: '来源文章' },
  unit: { en: 'unit', zh: '单位' },
  scenarioTemplates: { en: '“Ask twice” scenario templates', zh: '“问两次”情景模板' },
  ruleChecks: { en: 'Rule checks', zh: '规则检查' },
  aboutDrivers: { en: 'About the drivers', zh: '关于驱动因素' },
  origin: { en: 'origin', zh: '出处' },
  originSource: { en: 'named in the source', zh: '原文所列' },
  originCompletion: { en: 'completion by this bank', zh: '本题库补充' },
  metricQuestion: { en: 'metric', zh: '指标题' },
  changesFrom: { en: 'Changes from version', zh: '相对版本的变化' },
  scale: { en: 'Scale', zh: '量表' },

  // Methodology: every rule stated with the questionnaire's own figures (core/method.ts)
  noQuestionnaires: { en: 'This workspace has no questionnaire yet.', zh: '此工作区尚无问卷。' },
  mAnswersH: { en: 'Answers and levels', zh: '答案与等级' },
  mAnswersLevel: {
    en: 'Each respondent answers every question in their own YAML file: a level from {min} to {max} on an anchored scale of {levels} levels, each described in words.',
    zh: '每位答卷人在自己的 YAML 文件中回答每个问题：在 {min}–{max} 的锚定量表（共 {levels} 级，每级都有文字描述）上选一个等级。',
  },
  mAnswersNa: { en: 'Where a question allows it, “n/a” is an answer too; it is left out of the median.', zh: '问题允许时，也可以回答“不适用”；该答案不计入中位数。' },
  mAnswersMetric: { en: 'A metric question takes a number in its own unit ({units}).', zh: '指标题填写该指标单位下的数字（{units}）。' },
  mLevelScore: {
    en: 'A level becomes a score by its place on the scale: level ℓ scores 100 × (ℓ − {min}) / ({max} − {min}).',
    zh: '等级按其在量表中的位置换算为分数：等级 ℓ 得 100 × (ℓ − {min}) / ({max} − {min}) 分。',
  },
  mMetricScore: {
    en: 'A metric scores 100 at its target, 0 at its floor, and linearly in between (lower-is-better metrics run the other way).',
    zh: '指标题达到目标值得 100 分，达到下限值得 0 分，中间按线性计算（越低越好的指标方向相反）。',
  },
  mMedianH: { en: 'Across respondents: the median', zh: '跨答卷人：中位数' },
  mMedian: {
    en: 'For each question the report takes the median of the respondents’ levels, so one optimist (or one pessimist) cannot move the result on their own. The lowest and highest answers are shown beside it. A question nobody could answer has no score (shown as “—”): it is never counted as 0 and never silently dropped.',
    zh: '每个问题取答卷人等级的中位数，因此单个乐观者（或悲观者）无法独自左右结果。旁边同时列出最低与最高答案。无人能回答的问题没有分数（显示为“—”）：既不按 0 分计算，也不会被悄悄略去。',
  },
  mDisputed: {
    en: 'A question is “disputed” when respondents’ levels are {spread} or more apart. Disputes are findings in their own right and the best topics for a workshop.',
    zh: '答卷人的等级相差 {spread}或以上时，该问题标记为“有分歧”。分歧本身就是发现，也是研讨会最值得讨论的话题。',
  },
  mEvidenceH: { en: 'Evidence policy', zh: '证据规则' },
  mEvidence: {
    en: 'Claims need backing. {scope}, a level of {from} or higher given without any evidence counts {penalty} lower. The report shows both what was written and what counted, and why.',
    zh: '自评需要依据。{scope}，若给出 {from} 级或以上却没有任何证据，则按低 {penalty}计分。报告同时列出填写的答案、实际计入的答案及原因。',
  },
  mEvidenceExpected: { en: 'On questions that ask for evidence', zh: '对要求提供证据的问题' },
  mEvidenceAll: { en: 'On every question', zh: '对所有问题' },
  mWeightedH: { en: 'Drivers and the index: weighted means', zh: '驱动因素与指数：加权平均' },
  mWeighted: {
    en: 'A driver’s score is the weighted mean of its questions’ scores (weights are in the questionnaire; unanswered questions are left out of the mean and the driver is flagged when fewer than half of its weight was answered). The CX index is the weighted mean of the driver scores, 0–100.',
    zh: '驱动因素得分是其下各问题得分的加权平均（权重写在问卷中；未作答的问题不计入平均，若作答部分不足权重的一半，该驱动因素会被标注）。客户体验指数是各驱动因素得分的加权平均，范围 0–100。',
  },
  mGatesH: { en: 'Gates (caps)', zh: '门槛（封顶）' },
  mGates: {
    en: 'Some essentials cannot be averaged away. A gate is a rule in the questionnaire: when it closes, it caps a score — a driver, a part or the whole index — at a set value, however good the rest looks. The report names the gate that set a score and the score before the cap.',
    zh: '有些基本要求不能被平均掉。门槛是问卷中的规则：一旦触发，无论其他方面多好，相应分数（某个驱动因素、某个部分或整体指数）都会被限制在设定的上限。报告会指出是哪道门槛决定了分数，以及封顶前的分数。',
  },
  mBenchmarkH: { en: 'Best in class and the gap', zh: '业界最佳与差距' },
  mBenchmark: {
    en: 'A benchmark profile sets, for each question, the level the best companies reach, and can name the exemplar that set the bar. Best-in-class scores are computed the same way as yours. The gap is best in class minus you: per question (in levels), per driver and for the index (in points).',
    zh: '标杆档案为每个问题设定最佳企业所达到的等级，并可注明树立标杆的企业。业界最佳的分数与贵方分数的计算方法相同。差距 = 业界最佳 − 贵方：按问题（以等级计）、按驱动因素和整体指数（以分计）。',
  },
  mAlphaH: { en: 'Respondent agreement: Krippendorff’s alpha', zh: '答卷人一致度：Krippendorff α 系数' },
  mAlpha: {
    en: 'Alpha measures how much the respondents agree beyond what chance would give, treating levels as ordered (ordinal metric) and allowing missing answers. 1 means full agreement, 0 means no more agreement than chance, below 0 means systematic disagreement. With too few answers it is not defined and shown as such.',
    zh: 'α 系数衡量答卷人之间超出随机水平的一致程度，把等级视为有序（顺序尺度），并允许缺失答案。1 表示完全一致，0 表示与随机无异，小于 0 表示系统性分歧。答案过少时无法计算，并如实注明。',
  },
  mLuckH: { en: '“Ask twice” and the luck factor', zh: '“问两次”与运气因子' },
  mLuck: {
    en: 'A customer must never depend on the luck of which employee they get. In an “ask twice” scenario the same customer question is put to several staff or channels and each outcome recorded. The report shows the share of correct answers, the share agreeing with the most common outcome, and the luck factor: the chance that two random contacts get different outcomes, 1 − Σpᵢ², where pᵢ is the share of contacts with outcome i. 0 % means everyone hears the same; higher means more luck.',
    zh: '顾客绝不应依赖于碰上哪位员工的运气。“问两次”情景把同一个顾客问题提给多位员工或多个渠道，并记录每次的结果。报告给出正确答案的比例、与最常见结果一致的比例，以及运气因子：随机两次接触得到不同结果的概率，即 1 − Σpᵢ²，其中 pᵢ 为得到结果 i 的接触占比。0% 表示人人听到相同答复；数值越高，越靠运气。',
  },
  mActionsH: { en: 'The action plan', zh: '行动计划' },
  mActions: {
    en: 'Actions are ranked by impact: the question’s weight times its gap to best in class, in score points. Each action quotes the questionnaire’s next step for climbing one level from where you are.',
    zh: '行动按影响排序：问题权重 × 与业界最佳的差距（以分计）。每项行动引用问卷中从当前等级上升一级的下一步做法。',
  },
  mTraceH: { en: 'Traceability', zh: '可追溯性' },
  mTrace: {
    en: 'Every number links to the questions behind it, and every question to each respondent’s answer, comment and evidence (by role only when the audit is anonymous). The same numbers are published as JSON, one file per audit (/data/<organisation>/<version>.json, the output of touchstone score --json).',
    zh: '每个数字都链接到背后的问题，每个问题又链接到每位答卷人的答案、评论和证据（匿名审计仅显示角色）。相同数据以 JSON 形式发布，每次审计一个文件（/data/<组织>/<版本>.json，即 touchstone score --json 的输出）。',
  },
} satisfies Record<string, Record<Lang, string>>;

export type StringKey = keyof typeof strings;

/** A UI string in the given language. */
export function ui(lang: Lang, key: StringKey): string {
  return strings[key][lang];
}

/** A UI string with its {placeholders} filled; numbers are written in the language's style. */
export function uif(lang: Lang, key: StringKey, vars: Record<string, string | number>): string {
  return strings[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = vars[name];
    if (v === undefined) throw new Error(`UI string ${key} needs {${name}}`);
    return typeof v === 'number' ? new Intl.NumberFormat(INTL_LOCALE[lang]).format(v) : v;
  });
}

const LEVEL_COUNT: Record<Lang, Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }> = {
  en: { one: '{n} level', other: '{n} levels' },
  zh: { other: '{n} 级' },
};

/** "1 level", "2 levels", "2 级": a count of levels by the language's plural rules. */
export function levelCount(n: number, lang: Lang): string {
  const forms = LEVEL_COUNT[lang];
  const form = forms[new Intl.PluralRules(INTL_LOCALE[lang]).select(n)] ?? forms.other;
  return form.replace('{n}', new Intl.NumberFormat(INTL_LOCALE[lang]).format(n));
}

export interface BilingualText {
  en: string;
  zh: string;
}

/** Text from the workspace: either one string for both languages or an {en, zh} pair. */
export function tr(text: string | BilingualText | undefined | null, lang: Lang): string {
  if (text === undefined || text === null) return '';
  if (typeof text === 'string') return text;
  return text[lang] ?? text.en ?? '';
}

export function otherLang(lang: Lang): Lang {
  return lang === 'en' ? 'zh' : 'en';
}

/** The same page in the other language: swaps the first path segment. */
export function switchPath(path: string, to: Lang): string {
  const parts = path.split('/');
  if (isLang(parts[1])) parts[1] = to;
  else return `/${to}/`;
  return parts.join('/');
}

export { channelName } from '../core/channels.ts';
