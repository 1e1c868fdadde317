// Validates a response document in the browser with the workspace's own JSON Schema (draft 2020-12),
// by the validator src/site/schema-validators.ts precompiles at build time with the options of
// src/core/read/schemas.ts (the page's Content-Security-Policy allows no run-time compilation).
// Loaded on demand (a separate chunk).
import type { ErrorObject } from 'ajv/dist/2020.js';
import localizeZhModule from 'ajv-i18n/localize/zh/index.js';
import validate from 'virtual:touchstone/schema-validator/response';
import { SCHEMA_HINTS, type CaptureWords, type Lang } from '../../components/capture/strings.ts';

// ajv-i18n's messages (CommonJS): rewrites each error's message in Chinese, in place.
const localizeZh = ((localizeZhModule as unknown as { default?: unknown }).default ?? localizeZhModule) as (errors: ErrorObject[]) => void;

export interface SchemaProblem {
  /** JSON pointer of the offending value, e.g. /answers/momentum.owner/evidence/0/link */
  path: string;
  message: string;
}

// ajv-i18n's localisers, by page language (English is ajv's own); one line per language.
const LOCALIZE: Readonly<Record<string, (errors: ErrorObject[]) => void>> = { zh: localizeZh };

/** A schema's hint in the page's language: its word in the form's words, else the schema's English. */
function hintIn(hint: string, words: Partial<CaptureWords> | undefined): string {
  const key = SCHEMA_HINTS[hint];
  return (key && words?.[key]) || hint;
}

/**
 * ajv's errors for a response document, in the page's language; [] when it is valid. `words` are
 * the form's words in that language (the schemas' hints among them); without them the hints stay English.
 */
export function validateResponse(doc: unknown, lang: Lang = 'en', words?: Partial<CaptureWords>): SchemaProblem[] {
  if (validate(doc)) return [];
  // Copies: ajv reuses its error objects, and localizing rewrites their messages in place.
  const errors = (validate.errors ?? []).map((e) => ({ ...e })) as ErrorObject[];
  LOCALIZE[lang]?.(errors);
  const out: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    // anyOf branches repeat themselves; the schema's own words explain a failed pattern best.
    const hint = (e.parentSchema as { patternErrorMessage?: string } | undefined)?.patternErrorMessage;
    const message = e.keyword === 'pattern' && hint ? hintIn(hint, words) : (e.message ?? e.keyword);
    const key = `${e.instancePath}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ path: e.instancePath.replace(/~1/g, '/').replace(/~0/g, '~') || '/', message });
  }
  return out;
}
