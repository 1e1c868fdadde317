/**
 * How the site says things: message ids looked up in one catalogue per language
 * (src/site/messages/), formatted late (placeholders, Intl numbers and plurals). Texts that come
 * from the workspace (question texts, names, levels, next steps) are bilingual in the YAML.
 */
import { channelWord, isLang, type Lang } from '../core/index.ts';
import type { Message } from '../core/index.ts';
import en from './messages/en.ts';
import zh from './messages/zh.ts';

export { LANGS, isLang, type Lang } from '../core/index.ts';

/** The BCP 47 tag for <html lang> and Intl. */
export const HTML_LANG: Record<Lang, string> = { en: 'en', zh: 'zh-Hans' };
export const INTL_LOCALE: Record<Lang, string> = { en: 'en-GB', zh: 'zh-CN' };
export const LANG_NAME: Record<Lang, string> = { en: 'English', zh: '中文' };

type Catalogue = Partial<Record<StringKey, string>>;

/** The message ids: those of the English catalogue, which every other language's has too. */
export type StringKey = keyof typeof en;

// One catalogue per language (src/site/messages/<lang>.ts). Nothing here assumes two languages:
// a catalogue added with addCatalogue is used like these (tests/unit/i18n.test.ts).
const catalogues = new Map<string, Catalogue>([['en', en], ['zh', zh]]);
const locales = new Map<string, string>(Object.entries(INTL_LOCALE));

/** Adds (or replaces) the UI catalogue of a language, with its BCP 47 locale for Intl. */
export function addCatalogue(lang: string, messages: Catalogue, locale = lang): void {
  catalogues.set(lang, messages);
  locales.set(lang, locale);
  numberFormats.delete(lang);
  pluralRules.delete(lang);
}

/**
 * A message in a language's catalogue. One it lacks is an error (a build, and CI, stop on it);
 * only in `dev` it falls back to English, so a page under translation still shows.
 */
export function lookup(lang: string, key: StringKey, options: { dev: boolean }): string {
  const text = catalogues.get(lang)?.[key];
  if (text !== undefined) return text;
  if (options.dev) return en[key];
  throw new Error(`the UI message "${key}" has no ${lang} text: add it to src/site/messages/${lang}.ts`);
}

function localeOf(lang: string): string {
  return locales.get(lang) ?? lang;
}

// Astro's `dev`; outside Astro (the CLI formats the report model's messages too) there is no env.
const dev = (): boolean => Boolean((import.meta as { env?: { DEV?: boolean } }).env?.DEV);

/** A UI string in the given language. */
export function ui(lang: string, key: StringKey): string {
  return lookup(lang, key, { dev: dev() });
}

/** Several messages of one language, by the names a caller knows them by (an island's words, handed to it by its page). */
export function wordsIn<K extends string>(lang: string, ids: Readonly<Record<K, StringKey>>): Record<K, string> {
  return Object.fromEntries(Object.entries<StringKey>(ids).map(([name, id]) => [name, ui(lang, id)])) as Record<K, string>;
}

/** A UI string with its {placeholders} filled; numbers are written in the language's style. */
export function uif(lang: string, key: StringKey, vars: Record<string, string | number>): string {
  return ui(lang, key).replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = vars[name];
    if (v === undefined) throw new Error(`UI string ${key} needs {${name}}`);
    return typeof v === 'number' ? numberFormat(lang).format(v) : v;
  });
}

// Intl formatters, made once per language (and style): creating one costs far more than formatting
// with it, and a portfolio build words hundreds of thousands of messages and numbers. The one home
// of them for the site; src/site/format.ts takes its number formats from here.
const numberFormats = new Map<string, Map<Intl.NumberFormatOptions | undefined, Intl.NumberFormat>>();
const pluralRules = new Map<string, Intl.PluralRules>();

/** A language's number format; `options` must be the same object each time (a module constant). */
export function numberFormat(lang: string, options?: Intl.NumberFormatOptions): Intl.NumberFormat {
  let byOptions = numberFormats.get(lang);
  if (!byOptions) numberFormats.set(lang, (byOptions = new Map()));
  let format = byOptions.get(options);
  if (!format) byOptions.set(options, (format = new Intl.NumberFormat(localeOf(lang), options)));
  return format;
}

function plurals(lang: string): Intl.PluralRules {
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(localeOf(lang))));
  return rules;
}

/**
 * The message for a count, by the language's plural rules (Intl.PluralRules): `<id>_<category>`
 * when the language's catalogue has that form, else `<id>_other`.
 */
function pluralKey(lang: string, id: string, n: number): StringKey {
  const key = `${id}_${plurals(lang).select(n)}`;
  return (key in en && catalogues.get(lang)?.[key as StringKey] !== undefined ? key : `${id}_other`) as StringKey;
}

/** "1 level", "2 levels", "2 级": a count of levels by the language's plural rules. */
export function levelCount(n: number, lang: string): string {
  return uif(lang, pluralKey(lang, 'levelCount', n), { n });
}

/**
 * A text of the report model in a language: the workspace's own (one string, or bilingual), or a
 * message id with its parameters, worded by this language's catalogue (a `count` parameter picks
 * the plural form). Workspace texts inside a message are picked in the same language.
 */
export function say(lang: Lang, text: string | BilingualText | Message | null | undefined): string {
  if (text === undefined || text === null || typeof text === 'string' || !('id' in text)) return tr(text, lang);
  const count = text.params.count;
  const key = typeof count === 'number' ? pluralKey(lang, text.id, count) : text.id;
  if (!(key in en)) throw new Error(`the report message "${key}" is in no catalogue: add it to src/site/messages/`);
  // A parameter is a figure, a workspace text, or a word of Touchstone's own (a message itself).
  const vars = Object.fromEntries(Object.entries(text.params).map(([k, v]) => [k, typeof v === 'object' ? say(lang, v) : v]));
  return uif(lang, key as StringKey, vars);
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

/** A scenario channel id in words (its catalogue message), or as written when Touchstone has none for it. */
export function channelName(id: string, lang: Lang): string {
  return say(lang, channelWord(id));
}
