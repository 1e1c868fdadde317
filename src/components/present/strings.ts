// The presenter view's own words, in both languages (the site's shared words come from src/site/i18n.ts).
import type { Lang } from '../../site/i18n.ts';

const strings = {
  presenter: { en: 'Presenter view', zh: '演示视图' },
  backToReport: { en: 'Back to the report', zh: '返回报告' },
  previousSlide: { en: 'Previous', zh: '上一页' },
  nextSlide: { en: 'Next', zh: '下一页' },
  slides: { en: 'Slides', zh: '幻灯片' },
  slideOf: { en: 'Slide {n} of {total}', zh: '第 {n} 页，共 {total} 页' },
  keys: {
    en: 'Keys: ← → or Page Up / Page Down to move, Home / End for the first and last slide, F for full screen.',
    zh: '按键：← → 或 Page Up / Page Down 翻页，Home / End 到首页和末页，F 全屏。',
  },
  disputedFirst: { en: 'Where the room disagrees', zh: '意见分歧之处' },
  noDisputes: { en: 'No disputed question: respondents are within {within} of each other.', zh: '没有分歧问题：答卷人之间相差不超过 {within}。' },
  otherQuestions: { en: 'The other questions', zh: '其他问题' },
  moreDisputed: { en: '{n} more disputed questions are in the table on the next slide and in the report.', zh: '另有 {n} 个分歧问题见下一页的表格及报告。' },
  topActions: { en: 'The three things to do next', zh: '接下来要做的三件事' },
  disputedCount: { en: 'disputed questions', zh: '个有分歧的问题' },
  level: { en: 'Level', zh: '等级' },
  levelsSideBySide: { en: 'Each respondent’s answer', zh: '每位答卷人的答案' },
  countedAs: { en: 'counted as', zh: '计为' },
  fullScreen: { en: 'Full screen', zh: '全屏' },
} satisfies Record<string, Record<Lang, string>>;

export type PresentKey = keyof typeof strings;

export function pt(lang: Lang, key: PresentKey, vars: Record<string, string | number> = {}): string {
  return strings[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}
