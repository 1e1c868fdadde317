/**
 * The site's own words, in both languages. Texts that come from the workspace (question texts,
 * names, levels, next steps) are bilingual in the YAML and never appear here.
 */
export const LANGS = ['en', 'zh'] as const;
export type Lang = (typeof LANGS)[number];

export function isLang(value: unknown): value is Lang {
  return value === 'en' || value === 'zh';
}

/** The BCP 47 tag for <html lang> and Intl. */
export const HTML_LANG: Record<Lang, string> = { en: 'en', zh: 'zh-Hans' };
export const INTL_LOCALE: Record<Lang, string> = { en: 'en-GB', zh: 'zh-CN' };
export const LANG_NAME: Record<Lang, string> = { en: 'English', zh: '中文' };

const strings = {
  siteName: { en: 'Touchstone', zh: 'Touchstone 试金石' },
  tagline: { en: 'Customer-experience audits against best-in-class service', zh: '对照业界最佳的客户体验审计' },
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
  withoutEvidence: { en: 'claimed without evidence, so it counts one level lower', zh: '未附证据，按低一级计分' },
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
  recoveryReadiness: { en: 'Recovery readiness', zh: '补救准备度' },
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
  disputedLong: { en: 'Respondents are two or more levels apart: discuss it.', zh: '答卷人相差两级或以上：值得讨论。' },
  weight: { en: 'Weight', zh: '权重' },
  agreement: { en: 'Agreement (α)', zh: '一致度（α）' },
  agreementUndefined: { en: 'not defined', zh: '无法计算' },
  trace: { en: 'answers', zh: '答案' },
  na: { en: 'n/a', zh: '不适用' },
  unanswered: { en: 'not answered', zh: '未作答' },

  // Consistency
  consistency: { en: 'Consistency', zh: '一致性' },
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
  benchmark: { en: 'Cross-industry benchmark', zh: '跨行业标杆' },
  practice: { en: 'Practice', zh: '做法' },
  exemplar: { en: 'Exemplar', zh: '标杆企业' },

  // Recovery
  recovery: { en: 'Recovery readiness', zh: '补救准备度' },
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
} satisfies Record<string, Record<Lang, string>>;

export type StringKey = keyof typeof strings;

/** A UI string in the given language. */
export function ui(lang: Lang, key: StringKey): string {
  return strings[key][lang];
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

const CHANNELS: Record<string, BilingualText> = {
  phone: { en: 'Phone', zh: '电话' }, hotline: { en: 'Hotline', zh: '热线' }, store: { en: 'Store', zh: '门店' },
  branch: { en: 'Branch', zh: '网点' }, counter: { en: 'Counter', zh: '柜面' }, chat: { en: 'Chat', zh: '在线客服' },
  app: { en: 'App', zh: '应用' }, web: { en: 'Website', zh: '网站' }, website: { en: 'Website', zh: '网站' },
  email: { en: 'Email', zh: '邮件' }, wechat: { en: 'WeChat', zh: '微信' }, 'mini-program': { en: 'Mini program', zh: '小程序' },
  social: { en: 'Social media', zh: '社交媒体' }, courier: { en: 'Courier', zh: '快递员' }, depot: { en: 'Depot', zh: '网点' },
  field: { en: 'Field staff', zh: '外勤' }, bot: { en: 'Chatbot', zh: '智能客服' }, chatbot: { en: 'Chatbot', zh: '智能客服' },
};

/** A scenario channel id (a slug) as words; unknown ids are shown as written. */
export function channelName(id: string, lang: Lang): string {
  return CHANNELS[id]?.[lang] ?? id;
}
