import type { Lang } from '../lang.ts';
import type { Bilingual } from '../schema-types.ts';

/** Scenario channel ids (slugs) in words: one table for the report's tables and its findings. */
const CHANNELS: Record<string, Bilingual> = {
  phone: { en: 'Phone', zh: '电话' }, hotline: { en: 'Hotline', zh: '热线' }, store: { en: 'Store', zh: '门店' },
  branch: { en: 'Branch', zh: '网点' }, counter: { en: 'Counter', zh: '柜面' }, chat: { en: 'Chat', zh: '在线客服' },
  app: { en: 'App', zh: '应用' }, web: { en: 'Website', zh: '网站' }, website: { en: 'Website', zh: '网站' },
  email: { en: 'Email', zh: '邮件' }, wechat: { en: 'WeChat', zh: '微信' }, 'mini-program': { en: 'Mini program', zh: '小程序' },
  social: { en: 'Social media', zh: '社交媒体' }, courier: { en: 'Courier', zh: '快递员' }, depot: { en: 'Depot', zh: '网点' },
  field: { en: 'Field staff', zh: '外勤' }, bot: { en: 'Chatbot', zh: '智能客服' }, chatbot: { en: 'Chatbot', zh: '智能客服' },
};

/** A scenario channel id (a slug) as words; unknown ids are shown as written. */
export function channelName(id: string, lang: Lang): string {
  return CHANNELS[id]?.[lang] ?? id;
}

/** A scenario channel id in words, in every language (for a report model's message). */
export function channelText(id: string): Bilingual {
  return CHANNELS[id] ?? { en: id, zh: id };
}
