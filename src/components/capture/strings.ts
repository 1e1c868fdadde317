// The answer form's words are messages of the site's catalogues (src/site/messages/, under
// "Answer form"). Its page hands the island the few it uses, in the page's language only
// (src/site/i18n.ts `wordsIn`), so the island's script carries no catalogue.
import type { Lang, PartName } from '../../core/browser.ts';
import type { StringKey } from '../../site/i18n.ts';

export type { Lang } from '../../core/browser.ts';

export const CAPTURE_MESSAGES = {
  colon: 'colon',
  openParen: 'openParen',
  closeParen: 'closeParen',
  title: 'answerTitle',
  intro: 'answerIntro',
  noScript: 'answerNoScript',
  backToQuestionnaire: 'answerBackToQuestionnaire',
  you: 'answerYou',
  respondentId: 'answerRespondentId',
  respondentIdHelp: 'answerRespondentIdHelp',
  role: 'role',
  roleHelp: 'answerRoleHelp',
  group: 'answerGroup',
  groupHelp: 'answerGroupHelp',
  groupAll: 'answerGroupAll',
  clear: 'answerClear',
  na: 'answerNa',
  dontKnow: 'answerDontKnow',
  value: 'value',
  commentEvidence: 'answerCommentEvidence',
  comment: 'comment',
  evidenceItem: 'evidence',
  link: 'answerLink',
  note: 'answerNote',
  date: 'answerDate',
  reviewedBy: 'answerReviewedBy',
  addEvidence: 'answerAddEvidence',
  removeEvidence: 'answerRemoveEvidence',
  evidenceExpected: 'evidenceExpected',
  draftScores: 'answerDraftScores',
  draftScoresNote: 'answerDraftScoresNote',
  index: 'answerIndex',
  part: 'answerPart',
  score: 'score',
  answered: 'answerAnswered',
  capped: 'answerCapped',
  progress: 'answerProgress',
  yourFile: 'answerYourFile',
  saveAs: 'answerSaveAs',
  saveAsAny: 'answerSaveAsAny',
  checking: 'answerChecking',
  valid: 'answerValid',
  invalid: 'answerInvalid',
  download: 'answerDownload',
  copy: 'answerCopy',
  copied: 'answerCopied',
  copyFailed: 'answerCopyFailed',
  preview: 'answerPreview',
  draftSaved: 'answerDraftSaved',
  startOver: 'answerStartOver',
  exemplar: 'exemplar',
  notNa: 'answerNotNa',
  offScale: 'answerOffScale',
  outOfRange: 'answerOutOfRange',
  hintSlug: 'schemaHintSlug',
  hintQuestionId: 'schemaHintQuestionId',
  hintVersion: 'schemaHintVersion',
  hintCalendarVersion: 'schemaHintCalendarVersion',
  hintQuestionnaireRef: 'schemaHintQuestionnaireRef',
  hintBenchmarkRef: 'schemaHintBenchmarkRef',
  hintLink: 'schemaHintLink',
  part_consistency: 'part_consistency',
  part_benchmark: 'part_benchmark',
  part_recovery: 'part_recovery',
} as const satisfies Record<string, StringKey>;

export type CaptureKey = keyof typeof CAPTURE_MESSAGES;
/** The answer form's words in one language, by CaptureKey. */
export type CaptureWords = Record<CaptureKey, string>;

/**
 * The schemas' hints for a value of the wrong shape (their patternErrorMessage, in English), by the
 * form's word for each: ajv reports the English, and the page shows its own language's.
 */
export const SCHEMA_HINTS: Readonly<Record<string, CaptureKey>> = {
  "use lower-case letters, digits and single hyphens, e.g. \"acme-retail\"": 'hintSlug',
  "a question id is \"<part>.<name>\" in lower case with hyphens, e.g. \"delivery.on-time\"": 'hintQuestionId',
  "a version like \"1.0.0\"": 'hintVersion',
  "a version like \"2026.1\"": 'hintCalendarVersion',
  "name a questionnaire and its version, e.g. \"service-review@1.0.0\"": 'hintQuestionnaireRef',
  "name a benchmark profile and its version, e.g. \"peers@2026.1\"": 'hintBenchmarkRef',
  "a link must start with http:// or https://, or be a relative path (no javascript:, data: or file: links, no // or /\\ at the start)": 'hintLink',
};

/** A word of the form with its {placeholders} filled. */
export function fill(text: string, vars: Record<string, string | number> = {}): string {
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}

/** Text from the workspace in the page language (a copy of i18n.ts's tr, so the island does not ship the site's word list). */
export function trText(text: string | { en: string; zh: string } | undefined | null, lang: Lang): string {
  if (text === undefined || text === null) return '';
  if (typeof text === 'string') return text;
  return text[lang] ?? text.en ?? '';
}

/** A part's name: the questionnaire's, or the form's word for a part it leaves unnamed (a message). */
export function partName(name: PartName, lang: Lang, words: CaptureWords): string {
  return typeof name === 'object' && 'id' in name ? words[name.id as CaptureKey] ?? name.id : trText(name, lang);
}

/** A 0–100 score with one decimal, as format.ts writes it; an em dash when there is none. */
let scoreFormat: Intl.NumberFormat | undefined;
export function fmtScore(value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  if (scoreFormat?.resolvedOptions().locale !== locale) scoreFormat = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return scoreFormat.format(value);
}
