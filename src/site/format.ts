import { checkLink, type AnswerValue, type Condition, type IndexShare, type Interval, type WorkspaceText } from '../core/index.ts';
import { INTL_LOCALE, numberFormat, type Lang, tr, ui, uif } from './i18n.ts';

/** Numbers and dates per locale. Never the wall clock: a build must be reproducible. */

// A portfolio build formats hundreds of thousands of numbers: per language and style, the numbers
// written so far, and the style's formatter from i18n.ts (made once); keyed by identity of the
// options object (each style below passes the same constant object every time).
interface Style { written: Map<number, string> }
const styles = new Map<Intl.NumberFormatOptions, Partial<Record<Lang, Style>>>();
function style(lang: Lang, options: Intl.NumberFormatOptions): Style {
  let byLang = styles.get(options);
  if (!byLang) styles.set(options, (byLang = {}));
  return (byLang[lang] ??= { written: new Map() });
}

/**
 * What `make` gives for `key`, worked out once: a portfolio's reports repeat the same dates and
 * scores thousands of times. Within a bound, since `touchstone dev` runs for days.
 */
function remember<K, V>(memo: Map<K, V>, key: K, make: () => V): V {
  let value = memo.get(key);
  if (value === undefined) {
    value = make();
    if (memo.size >= 10_000) memo.clear();
    memo.set(key, value);
  }
  return value;
}
const ONE_DECIMAL: Intl.NumberFormatOptions = { minimumFractionDigits: 1, maximumFractionDigits: 1 };
const TWO_DECIMALS: Intl.NumberFormatOptions = { minimumFractionDigits: 2, maximumFractionDigits: 2 };
const PERCENT: Intl.NumberFormatOptions = { style: 'percent', maximumFractionDigits: 0 };
const UP_TO: Intl.NumberFormatOptions[] = [0, 1, 2, 3, 4, 5, 6].map((d) => ({ maximumFractionDigits: d }));
const dateFormats: Partial<Record<Lang, Intl.DateTimeFormat>> = {};

/**
 * A number with `min`–`max` decimals, exactly as Intl.NumberFormat writes it in English and
 * Chinese, without Intl in the common case (a portfolio build formats millions of numbers).
 * Below 1000 both locales write plain ASCII digits and "." with no grouping, and Intl rounds the
 * shortest decimal that reads back as the double (what String() writes), half away from zero:
 * so does this. Anything else goes to Intl. tests/unit/format.test.ts checks the two agree.
 */
function fixed(value: number, lang: Lang, min: number, max: number, options: Intl.NumberFormatOptions): string {
  // Most numbers in a report are whole (levels, counts): written as they are, zeros padded.
  if (Number.isInteger(value) && value > -1000 && value < 1000 && !Object.is(value, -0)) {
    return min === 0 ? String(value) : `${value}.${'0'.repeat(min)}`;
  }
  return remember(style(lang, options).written, value, () => rounded(value, lang, min, max, options));
}

function rounded(value: number, lang: Lang, min: number, max: number, options: Intl.NumberFormatOptions): string {
  const text = String(value);
  if (!(Math.abs(value) < 1000) || Object.is(value, -0) || text.includes('e')) return numberFormat(lang, options).format(value);
  const negative = value < 0;
  const abs = negative ? text.slice(1) : text;
  const dot = abs.indexOf('.');
  let digits = dot === -1 ? abs : abs.slice(0, dot) + abs.slice(dot + 1);
  let whole = dot === -1 ? abs.length : dot;
  let decimals = digits.length - whole;
  if (decimals > max) {
    const up = digits.charCodeAt(whole + max) >= 53; // the next digit is 5 or more
    digits = digits.slice(0, whole + max);
    decimals = max;
    if (up) {
      let i = digits.length - 1;
      while (i >= 0 && digits[i] === '9') i--;
      digits = i < 0 ? `1${'0'.repeat(digits.length)}` : `${digits.slice(0, i)}${Number(digits[i]) + 1}${'0'.repeat(digits.length - i - 1)}`;
      if (i < 0) whole++;
    }
  }
  while (decimals > min && digits[digits.length - 1] === '0') {
    digits = digits.slice(0, -1);
    decimals--;
  }
  if (decimals < min) {
    digits += '0'.repeat(min - decimals);
    decimals = min;
  }
  // 1,000 and up is grouped; a negative that rounds to zero is "-0" in Intl: leave both to it.
  if (whole > 3 || (negative && /^0*$/.test(digits))) return numberFormat(lang, options).format(value);
  return `${negative ? '-' : ''}${digits.slice(0, whole)}${decimals ? `.${digits.slice(whole)}` : ''}`;
}

/** A 0–100 score with one decimal; an em dash when it could not be computed. */
export function score(value: number | null | undefined, lang: Lang): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return fixed(value, lang, 1, 1, ONE_DECIMAL);
}

/** A 90% interval in words ("90% interval: 39.6–43.2"), its ends formatted as its figure is (a score, or alpha). */
export function intervalText(interval: Interval, lang: Lang, end: (value: number, lang: Lang) => string = score): string {
  return uif(lang, 'intervalOf', { low: end(interval.low, lang), high: end(interval.high, lang) });
}

/** A signed change: +3.2 / −1.0 / ±0.0. */
export function delta(value: number | null | undefined, lang: Lang): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  const abs = fixed(Math.abs(value), lang, 1, 1, ONE_DECIMAL);
  if (Math.abs(value) < 0.05) return `±${abs}`;
  return `${value > 0 ? '+' : '−'}${abs}`;
}

/** A plain number: levels, metric values, counts. */
export function num(value: number | null | undefined, lang: Lang, digits = 2): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  const options = UP_TO[digits];
  return options ? fixed(value, lang, 0, digits, options) : new Intl.NumberFormat(INTL_LOCALE[lang], { maximumFractionDigits: digits }).format(value) /* over 6 digits: never cached */;
}

/** A share 0–1 as a percentage. */
export function pct(value: number | null | undefined, lang: Lang): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return numberFormat(lang, PERCENT).format(value);
}

/** Krippendorff's alpha, two decimals. */
export function alpha(value: number | null | undefined, lang: Lang): string {
  if (value === null || value === undefined || Number.isNaN(value)) return ui(lang, 'agreementUndefined');
  return fixed(value, lang, 2, 2, TWO_DECIMALS);
}

/** A calendar date (YYYY-MM-DD or an ISO timestamp) in the reader's language, in UTC. */
export function date(value: string | undefined | null, lang: Lang): string {
  if (!value) return '';
  // Each evidence item's date, hundreds of times a report; Intl's format costs microseconds each.
  return remember(formattedDates, `${lang} ${value}`, () => {
    const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
    return Number.isNaN(d.getTime()) ? value
      : (dateFormats[lang] ??= new Intl.DateTimeFormat(INTL_LOCALE[lang], { dateStyle: 'medium', timeZone: 'UTC' })).format(d);
  });
}
const formattedDates = new Map<string, string>();

export function dateRange(start: string, end: string, lang: Lang): string {
  return `${date(start, lang)} – ${date(end, lang)}`;
}

/** An answer as written: level, value, n/a, don't know or not answered. */
export function answer(value: AnswerValue | undefined, lang: Lang): string {
  if (value === 'n/a') return ui(lang, 'na');
  if (value === 'dont-know') return ui(lang, 'dontKnow');
  if (value === null || value === undefined) return ui(lang, 'unanswered');
  return num(value, lang);
}

/** A figure of the "ask twice" observations that a rule or gate tested, named for a reader. */
export function observedName(observed: 'correct' | 'luck' | 'ask-twice', lang: Lang): string {
  return ui(lang, observed === 'correct' ? 'observedCorrect' : observed === 'luck' ? 'observedLuck' : 'observedAskTwice');
}

/** Such a figure's value (percent, or a 0–100 score). */
export function observedValue(observed: 'correct' | 'luck' | 'ask-twice', value: number | null, lang: Lang): string {
  return observed === 'ask-twice' ? score(value, lang) : pct(value === null ? null : value / 100, lang);
}

/**
 * A condition of a rule or gate as the questionnaire page lists it: the question's id (or the
 * observed figure, named) and its tests, e.g. `recovery.drills ≤ 1`, `correct answers observed < 90%`.
 */
export function conditionText(c: Condition, lang: Lang): string {
  const bound = (v: number) => (c.observed && c.observed !== 'ask-twice' ? pct(v / 100, lang) : num(v, lang));
  const tests = [
    c['at-most'] !== undefined ? ` ≤ ${bound(c['at-most'])}` : '', c['at-least'] !== undefined ? ` ≥ ${bound(c['at-least'])}` : '',
    c.below !== undefined ? ` < ${bound(c.below)}` : '', c.above !== undefined ? ` > ${bound(c.above)}` : '',
    c['is-na'] ? ' = n/a' : '', c.unanswered ? `${ui(lang, 'openParen')}${ui(lang, 'unanswered')}${ui(lang, 'closeParen')}` : '',
  ].join('');
  return `${c.observed ? observedName(c.observed, lang) : c.question ?? ''}${tests}`;
}

/** An agreed action's status, in words. */
export function statusWord(status: 'planned' | 'in-progress' | 'done' | 'dropped', lang: Lang): string {
  return ui(lang, status === 'planned' ? 'statusPlanned' : status === 'in-progress' ? 'statusInProgress' : status === 'done' ? 'statusDone' : 'statusDropped');
}

/** What was agreed for an action: its step (when it is not the questionnaire's), owner and due date. */
export function agreedText(a: { step?: WorkspaceText; owner: WorkspaceText; due: string }, lang: Lang): string {
  const who = uif(lang, 'agreedBy', { owner: tr(a.owner, lang), due: date(a.due, lang) });
  return a.step === undefined ? who : `${tr(a.step, lang)}${ui(lang, 'semicolon')}${who}`;
}

/** Where a fact comes from, in words: its kind of source, which one, who stands behind it, when. */
export function factProvenance(f: { source: 'system' | 'report' | 'extract'; from?: WorkspaceText; owner: WorkspaceText; date: string }, lang: Lang): string {
  const source = ui(lang, f.source === 'system' ? 'sourceSystem' : f.source === 'report' ? 'sourceReport' : 'sourceExtract');
  const owner = tr(f.owner, lang);
  return f.from ? uif(lang, 'factFrom', { source, from: tr(f.from, lang), owner, date: date(f.date, lang) })
    : uif(lang, 'factFromSource', { source, owner, date: date(f.date, lang) });
}

/** Only http(s) links and relative paths become links; anything else is shown as text. */
export function safeHref(link: string | undefined): string | null {
  // Judged by what a browser opens (core/check/links.ts), the same rule `validate` applies.
  return link && checkLink(link).ok ? link : null;
}

/** What the index is made of, in words: "drivers 75%, Recovery 25%" (a part by its report name). */
export function indexMadeOf(composition: readonly IndexShare[], partName: (part: Exclude<IndexShare['part'], 'drivers'>) => string, lang: Lang): string {
  return composition.map((c) => `${c.part === 'drivers' ? ui(lang, 'indexDrivers') : partName(c.part)} ${pct(c.share, lang)}`).join(ui(lang, 'listSeparator'));
}
