/**
 * Invisible Unicode direction controls (embeddings, overrides, isolates) can make text display
 * in a different order from the one it is stored in — "Trojan Source" in a comment, or a
 * reversed file name in evidence. No answer needs them (Arabic or Hebrew text uses the implicit
 * direction of its letters), so wherever they appear they are replaced by a visible marker such
 * as "[U+202E]" before any report, terminal or JSON shows the text, and a warning says where.
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/** `text` with its direction controls shown as markers, and the warning that says so; undefined when it has none. */
export function markBidiControls(text: string): { text: string; warning: string } | undefined {
  BIDI_CONTROLS.lastIndex = 0;
  if (!BIDI_CONTROLS.test(text)) return undefined;
  BIDI_CONTROLS.lastIndex = 0;
  const found = [...new Set(text.match(BIDI_CONTROLS) ?? [])].map(codePoint);
  return {
    text: text.replace(BIDI_CONTROLS, (c) => `[${codePoint(c)}]`),
    warning: `this text contains invisible direction controls (${found.join(', ')}) that can make it display in a misleading order; they are shown as ${found.map((c) => `[${c}]`).join(', ')}`,
  };
}

/**
 * Characters a terminal or a log would act on rather than show: C0 and C1 controls (an escape
 * sequence can clear a screen or forge a line) and the direction controls above.
 */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** `text` with every unprintable character shown as a marker such as "[U+001B]". */
export function printable(text: string): string {
  UNPRINTABLE.lastIndex = 0;
  return UNPRINTABLE.test(text) ? text.replace(UNPRINTABLE, (c) => `[${codePoint(c)}]`) : text;
}

/** Text from a workspace, quoted for a message: at most `max` characters of it, then "…". */
export function quote(text: string, max = 40): string {
  return JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
}

/** A key, quoted for a message: in full up to 80 characters (question ids are about 35), then cut. */
export function quoteKey(key: string): string {
  return quote(key, 80);
}

function codePoint(c: string): string {
  return `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Text from a workspace as GitHub-flavoured Markdown that shows exactly that text (e.g. in the
 * pull-request comment of `diff --format markdown`): every ASCII punctuation character becomes a
 * numeric character reference, which CommonMark treats as literal text, never as syntax — no
 * emphasis, link, image, HTML, table pipe or code span can be made of it. What GitHub adds after
 * parsing works on the decoded text, so `@mentions`, `#123` references and bare URLs (`https://`,
 * `www.`) are broken by an invisible zero-width space, and line breaks and controls become spaces.
 */
export function markdownText(text: string): string {
  return printable(text.replace(/[\r\n\t\u2028\u2029]+/g, ' '))
    .replace(/[@#]/g, '$&\u200b')
    .replace(/:\/\//g, ':\u200b//')
    .replace(/\b(www)\./gi, '$1\u200b.')
    .replace(/[!-/:-@[-`{-~]/g, (c) => `&#${c.charCodeAt(0)};`);
}
