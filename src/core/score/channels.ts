import type { Message } from '../score-types.ts';

/**
 * The scenario channels Touchstone has words for (slugs). The words are messages of the site's
 * catalogues, `channel_<id>` (src/site/messages/); a channel not listed here is shown as written.
 */
export const KNOWN_CHANNELS = [
  'phone', 'hotline', 'store', 'branch', 'counter', 'chat', 'app', 'web', 'website', 'email', 'wechat',
  'mini-program', 'social', 'courier', 'depot', 'field', 'bot', 'chatbot',
] as const;

const known = new Set<string>(KNOWN_CHANNELS);

/** A scenario channel id as a report model says it: its message when Touchstone has words for it, else the id as written. */
export function channelWord(id: string): Message | string {
  return known.has(id) ? { id: `channel_${id}`, params: {} } : id;
}
