// The presenter view's words are messages of the site's catalogues (src/site/messages/), under
// "Presenter view"; pt is the name the presenter's pages and scripts call them by.
import { uif, type StringKey } from '../../site/i18n.ts';
import type { Lang } from '../../site/i18n.ts';

export type PresentKey = StringKey;

export function pt(lang: Lang, key: PresentKey, vars: Record<string, string | number> = {}): string {
  return uif(lang, key, vars);
}
