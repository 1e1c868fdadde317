// Validates a response document in the browser with the workspace's own JSON Schema (draft 2020-12),
// by the validator src/site/schema-validators.ts precompiles at build time with the options of
// src/core/read/schemas.ts (the page's Content-Security-Policy allows no run-time compilation).
// Loaded on demand (a separate chunk).
import type { ErrorObject } from 'ajv/dist/2020.js';
import localizeZhModule from 'ajv-i18n/localize/zh/index.js';
import validate from 'virtual:touchstone/schema-validator/response';

// ajv-i18n's messages (CommonJS): rewrites each error's message in Chinese, in place.
const localizeZh = ((localizeZhModule as unknown as { default?: unknown }).default ?? localizeZhModule) as (errors: ErrorObject[]) => void;

export interface SchemaProblem {
  /** JSON pointer of the offending value, e.g. /answers/momentum.owner/evidence/0/link */
  path: string;
  message: string;
}

/**
 * The schema's own hints for a failed pattern (shared with editors through `patternErrorMessage`,
 * which is English), in Chinese for the Chinese page.
 */
const PATTERN_HINTS_ZH: Record<string, string> = {
  'use lower-case letters, digits and single hyphens, e.g. "acme-retail"': '只能使用小写字母、数字和单个连字符，例如 "acme-retail"',
  'a question id is "<part>.<name>" in lower case with hyphens, e.g. "delivery.on-time"': '问题编号的格式是 "<部分>.<名称>"，小写并用连字符，例如 "delivery.on-time"',
  'a version like "1.0.0"': '版本号形如 "1.0.0"',
  'a version like "2026.1"': '版本号形如 "2026.1"',
  'name a questionnaire and its version, e.g. "service-review@1.0.0"': '写出问卷及其版本，例如 "service-review@1.0.0"',
  'name a benchmark profile and its version, e.g. "peers@2026.1"': '写出标杆档案及其版本，例如 "peers@2026.1"',
  'a link must start with http:// or https://, or be a relative path (no javascript:, data: or file: links, no // or /\\ at the start)': '链接必须以 http:// 或 https:// 开头，或是相对路径（不接受 javascript:、data: 或 file: 链接，也不能以 // 或 /\\ 开头）',
};

/** ajv's errors for a response document, in the page's language; [] when it is valid. */
export function validateResponse(doc: unknown, lang: 'en' | 'zh' = 'en'): SchemaProblem[] {
  if (validate(doc)) return [];
  // Copies: ajv reuses its error objects, and localizing rewrites their messages in place.
  const errors = (validate.errors ?? []).map((e) => ({ ...e })) as ErrorObject[];
  if (lang === 'zh') localizeZh(errors);
  const out: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    // anyOf branches repeat themselves; the schema's own words explain a failed pattern best.
    const hint = (e.parentSchema as { patternErrorMessage?: string } | undefined)?.patternErrorMessage;
    const message = e.keyword === 'pattern' && hint ? (lang === 'zh' ? PATTERN_HINTS_ZH[hint] ?? hint : hint) : (e.message ?? e.keyword);
    const key = `${e.instancePath}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ path: e.instancePath.replace(/~1/g, '/').replace(/~0/g, '~') || '/', message });
  }
  return out;
}
