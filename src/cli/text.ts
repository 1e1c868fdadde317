import type { Bilingual } from '../core/index.ts';

/** Picks the language from text that is either the same in both languages or {en, zh}. */
export function localText(text: string | Bilingual, lang: 'en' | 'zh'): string {
  return typeof text === 'string' ? text : text[lang];
}
