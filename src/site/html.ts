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

function piece(value: unknown): string {
  if (value instanceof Html) return value.value;
  if (value === null || value === undefined || typeof value === 'boolean') return '';
  if (Array.isArray(value)) return value.map(piece).join('');
  return escape(String(value));
}
