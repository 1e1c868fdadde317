// The capture page's own words, in both languages (shared site words come from src/site/i18n.ts).
import type { Lang } from '../../core/lang.ts';

export type { Lang } from '../../core/lang.ts';

const strings = {
  // The reader's punctuation: full-width in Chinese.
  colon: { en: ': ', zh: '：' },
  openParen: { en: ' (', zh: '（' },
  closeParen: { en: ')', zh: '）' },
  title: { en: 'Answer this questionnaire', zh: '填写此问卷' },
  intro: {
    en: 'Pick a level for each question, add comments and evidence, then download your response file and add it to the audit’s responses/ folder (or hand it to your consultant). Nothing leaves this browser: the draft is kept on this device only.',
    zh: '请为每个问题选择一个等级，可附评论和证据，然后下载答卷文件，放入评估的 responses/ 文件夹（或交给顾问）。所有内容都不会离开本浏览器：草稿只保存在本设备上。',
  },
  noScript: { en: 'This form needs JavaScript to compute scores and build your file. Without it, answer in YAML as described on the questionnaire page.', zh: '此表单需要 JavaScript 来计算分数并生成文件。没有 JavaScript 时，请按问卷页面的说明直接编写 YAML。' },
  backToQuestionnaire: { en: 'Back to the questionnaire', zh: '返回问卷' },
  you: { en: 'About you', zh: '关于你' },
  respondentId: { en: 'Respondent id', zh: '答卷人 id' },
  respondentIdHelp: { en: 'lower-case letters, digits and hyphens, e.g. store-ops; it names your file', zh: '小写字母、数字和连字符，例如 store-ops；也是文件名' },
  role: { en: 'Role', zh: '角色' },
  roleHelp: { en: 'e.g. Store operations', zh: '例如：门店运营' },
  clear: { en: 'Clear answer', zh: '清除答案' },
  na: { en: 'n/a — does not apply', zh: '不适用' },
  value: { en: 'Value', zh: '数值' },
  commentEvidence: { en: 'Comment and evidence', zh: '评论与证据' },
  comment: { en: 'Comment', zh: '评论' },
  evidenceItem: { en: 'Evidence', zh: '证据' },
  link: { en: 'Link (https://… or a path in the repository)', zh: '链接（https://… 或仓库内路径）' },
  note: { en: 'Note', zh: '说明' },
  date: { en: 'Date', zh: '日期' },
  reviewedBy: { en: 'Reviewed by', zh: '审核人' },
  addEvidence: { en: 'Add evidence', zh: '添加证据' },
  removeEvidence: { en: 'Remove this evidence', zh: '删除此证据' },
  evidenceExpected: { en: 'evidence expected', zh: '需提供证据' },
  draftScores: { en: 'Draft scores', zh: '草稿分数' },
  draftScoresNote: { en: 'Your answers alone, scored as the report scores them (before other respondents’ answers and the benchmark).', zh: '仅根据你的答案、按报告的方法计分（未计入其他答卷人和标杆）。' },
  index: { en: 'Draft index', zh: '草稿指数' },
  part: { en: 'Part', zh: '部分' },
  score: { en: 'Score', zh: '得分' },
  answered: { en: 'Answered', zh: '已答' },
  capped: { en: 'capped by a gate', zh: '被门槛封顶' },
  progress: { en: '{n} of {total} questions answered', zh: '已回答 {n} / {total} 题' },
  yourFile: { en: 'Your response file', zh: '你的答卷文件' },
  saveAs: { en: 'Save it as', zh: '保存为' },
  saveAsAny: { en: 'No audit is open for answers (draft) with this questionnaire; save it in an audit\'s responses folder', zh: '目前没有使用本问卷、仍在收集答案（草稿）的评估；请保存到相应评估的 responses 文件夹' },
  checking: { en: 'Checking the file against the schema…', zh: '正在按 schema 检查文件……' },
  valid: { en: 'The file is valid against response.schema.json.', zh: '文件通过 response.schema.json 校验。' },
  invalid: { en: 'Fix these before downloading:', zh: '下载前请先修正：' },
  download: { en: 'Download {file}', zh: '下载 {file}' },
  copy: { en: 'Copy to clipboard', zh: '复制到剪贴板' },
  copied: { en: 'Copied.', zh: '已复制。' },
  copyFailed: { en: 'Could not copy: select the text below and copy it.', zh: '无法复制：请选中下面的文本手动复制。' },
  preview: { en: 'Preview', zh: '预览' },
  draftSaved: { en: 'Draft saved on this device.', zh: '草稿已保存在本设备。' },
  startOver: { en: 'Start over (delete the draft)', zh: '重新开始（删除草稿）' },
  exemplar: { en: 'Exemplar', zh: '标杆企业' },
} satisfies Record<string, Record<Lang, string>>;

export type CaptureKey = keyof typeof strings;

export function ct(lang: Lang, key: CaptureKey, vars: Record<string, string | number> = {}): string {
  return strings[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}

/** Text from the workspace in the page language (a copy of i18n.ts's tr, so the island does not ship the site's word list). */
export function trText(text: string | { en: string; zh: string } | undefined | null, lang: Lang): string {
  if (text === undefined || text === null) return '';
  if (typeof text === 'string') return text;
  return text[lang] ?? text.en ?? '';
}

/** A 0–100 score with one decimal, as format.ts writes it; an em dash when there is none. */
export function fmtScore(value: number | null | undefined, lang: Lang): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}
