import { INTL_LOCALE, type Lang, ui } from './i18n.ts';

/** Numbers and dates per locale. Never the wall clock: a build must be reproducible. */

// Intl formatters are costly to create and a portfolio build formats hundreds of thousands of
// numbers: one formatter per language and style, made on first use, keyed by identity of the
// options object (each style below passes the same constant object every time).
const cache = new Map<Intl.NumberFormatOptions, Partial<Record<Lang, Intl.NumberFormat>>>();
function nf(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  let byLang = cache.get(options);
  if (!byLang) cache.set(options, (byLang = {}));
  return (byLang[lang] ??= new Intl.NumberFormat(INTL_LOCALE[lang], options));
}
const ONE_DECIMAL: Intl.NumberFormatOptions = { minimumFractionDigits: 1, maximumFractionDigits: 1 };
const TWO_DECIMALS: Intl.NumberFormatOptions = { minimumFractionDigits: 2, maximumFractionDigits: 2 };
const PERCENT: Intl.NumberFormatOptions = { style: 'percent', maximumFractionDigits: 0 };
const UP_TO: Intl.NumberFormatOptions[] = [0, 1, 2, 3, 4, 5, 6].map((d) => ({ maximumFractionDigits: d }));
const dateFormats: Partial<Record<Lang, Intl.DateTimeFormat>> = {};

/** A 0–100 score with one decimal; an em dash when it could not be computed. */
export function score(value: number | null | undefined, lang: Lang): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return nf(lang, ONE_DECIMAL).format(value);
}

/** A signed change: +3.2 / −1.0 / ±0.0. */
export function delta(value: number | null | undefined, lang: Lang): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  const abs = nf(lang, ONE_DECIMAL).format(Math.abs(value));
  if (Math.abs(value) < 0.05) return `±${abs}`;
  return `${value > 0 ? '+' : '−'}${abs}`;
}

/** A plain number: levels, metric values, counts. */
export function num(value: number | null | undefined, lang: Lang, digits = 2): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return nf(lang, UP_TO[digits] ?? { maximumFractionDigits: digits }).format(value);
}

/** A share 0–1 as a percentage. */
export function pct(value: number | null | undefined, lang: Lang): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return nf(lang, PERCENT).format(value);
}

/** Krippendorff's alpha, two decimals. */
export function alpha(value: number | null | undefined, lang: Lang): string {
  if (value === null || value === undefined || Number.isNaN(value)) return ui(lang, 'agreementUndefined');
  return nf(lang, TWO_DECIMALS).format(value);
}

/** A calendar date (YYYY-MM-DD or an ISO timestamp) in the reader's language, in UTC. */
export function date(value: string | undefined | null, lang: Lang): string {
  if (!value) return '';
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(d.getTime())) return value;
  return (dateFormats[lang] ??= new Intl.DateTimeFormat(INTL_LOCALE[lang], { dateStyle: 'medium', timeZone: 'UTC' })).format(d);
}

export function dateRange(start: string, end: string, lang: Lang): string {
  return `${date(start, lang)} – ${date(end, lang)}`;
}

/** An answer as written: level, value, n/a or not answered. */
export function answer(value: number | 'n/a' | null | undefined, lang: Lang): string {
  if (value === 'n/a') return ui(lang, 'na');
  if (value === null || value === undefined) return ui(lang, 'unanswered');
  return num(value, lang);
}

/** Only http(s) links and relative paths become links; anything else is shown as text. */
export function safeHref(link: string | undefined): string | null {
  if (!link) return null;
  const trimmed = link.trim();
  if (/^https?:\/\//i.test(trimmed)) return trimmed;
  // A relative path: no scheme (no colon before the first slash), no protocol-relative //host.
  if (trimmed.startsWith('//')) return null;
  const firstSlash = trimmed.indexOf('/');
  const colon = trimmed.indexOf(':');
  if (colon !== -1 && (firstSlash === -1 || colon < firstSlash)) return null;
  if (/[\u0000-\u001f]/.test(trimmed)) return null;
  return trimmed;
}
