import { printable, type Bilingual, type Lang, type Message, type Wording } from '../core/index.ts';
import { say } from '../site/i18n.ts';

/**
 * A text in one language, as a terminal may show it: a workspace text (the same in both
 * languages, or {en, zh}) or a word of Touchstone's own (a message); workspace text never reaches
 * a terminal with its control characters.
 */
export function localText(text: string | Bilingual | Message, lang: Lang): string {
  return printable(pickLang(text, lang));
}

/** The text in one language, as written (for an output that escapes it itself, e.g. Markdown). */
export function pickLang(text: string | Bilingual | Message, lang: Lang): string {
  return say(lang, text);
}

/** How the files `new` and `init` scaffold word their comments in a language (core/scaffold Wording). */
export function wording(lang: Lang): Wording {
  return (text) => say(lang, text);
}
