import { printable, type Bilingual } from '../core/index.ts';

/**
 * Picks the language from text that is either the same in both languages or {en, zh}, as a
 * terminal may show it: workspace text never reaches a terminal with its control characters.
 */
export function localText(text: string | Bilingual, lang: 'en' | 'zh'): string {
  return printable(pickLang(text, lang));
}

/** The text in one language, as written (for an output that escapes it itself, e.g. Markdown). */
export function pickLang(text: string | Bilingual, lang: 'en' | 'zh'): string {
  return typeof text === 'string' ? text : text[lang];
}
