import { escape } from 'html-escaper';

/**
 * Safe HTML as a string, for the few places where a report repeats one small piece of markup
 * hundreds of times (see trace-appendix.ts). Every interpolated value is escaped with
 * html-escaper (the escaper Astro itself uses) unless it is already Html; lists are joined;
 * null, undefined and booleans write nothing, as in a template's `{cond && …}`. Values go only
 * into text or double-quoted attributes, where escaping & < > " ' is enough.
 */
export class Html {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += piece(values[i]) + strings[i + 1]!;
  return new Html(out);
}

// Most values (names, levels, file:line) need no escaping: testing first skips escape's
// replace-with-callback. Lists are appended, not mapped and joined. Together these made the
// traceability appendix, with its encoding to UTF-8, about a quarter faster (bench/README.md).
const SPECIAL = /[&<>'"]/;
/** A value escaped for text or a double-quoted attribute (what html`…` does to each string). */
export const escapeText = (text: string): string => (SPECIAL.test(text) ? escape(text) : text);

function piece(value: unknown): string {
  if (typeof value === 'string') return escapeText(value);
  if (value instanceof Html) return value.value;
  if (value === null || value === undefined || typeof value === 'boolean') return '';
  if (Array.isArray(value)) {
    let out = '';
    for (const item of value) out += piece(item);
    return out;
  }
  return escapeText(String(value));
}
