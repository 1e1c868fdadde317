// What the baseline must write (bench/run.ts writes this manifest from the Touchstone build it is
// compared with): for every HTML page and JSON file, its size in bytes and how many of its
// characters are not ASCII (Chinese pages, typographic punctuation: they cost more to encode);
// for a page, also how many tags Touchstone rendered through Astro's templates, and how much of
// it Touchstone wrote as one prebuilt string (the traceability appendix, `set:html`). So the
// baseline writes the same output with the same amount of template work, without the pipeline.
import { readFileSync } from 'node:fs';

/** bytes, non-ASCII characters; for a page also: tags through templates, bytes and non-ASCII characters of prebuilt HTML. */
export type FileShape = [bytes: number, wide: number, tags?: number, rawBytes?: number, rawWide?: number];
export interface Manifest { html: FileShape[]; json: FileShape[] }

let cached: Manifest | undefined;
export function manifest(): Manifest {
  const file = process.env.BASELINE_MANIFEST;
  cached ??= file ? (JSON.parse(readFileSync(file, 'utf8')) as Manifest) : { html: Array.from({ length: 10 }, (): FileShape => [50_000, 500, 900, 20_000, 100]), json: [] };
  return cached;
}

/** The page that client.astro stands in for: the largest, so that its stylesheets and island fit in it. */
export function clientPage(html: FileShape[] = manifest().html): number {
  return html.reduce((best, shape, i) => (shape[0] > html[best]![0] ? i : best), 0);
}

export const utf8 = (text: string): number => Buffer.byteLength(text, 'utf8');

// 24 characters, 72 bytes; and an English sentence. Neither needs escaping in HTML or JSON.
const WIDE = '这个问题的回答在各个渠道与各个部门之间是否一致呢';
const ASCII = 'How consistent is the answer across channels and teams, and who owns it? ';

/** Text of exactly `bytes` UTF-8 bytes, `wide` of its characters Chinese (fewer if they would not fit). */
export function filler(bytes: number, wide: number): string {
  const w = Math.max(0, Math.min(wide, Math.floor(bytes / 3)));
  const ascii = Math.max(0, bytes - 3 * w);
  return WIDE.repeat(Math.ceil(w / WIDE.length)).slice(0, w) + ASCII.repeat(Math.ceil(ascii / ASCII.length)).slice(0, ascii);
}

/** `text` cut into `n` pieces of about equal length (n ≥ 1). */
export function pieces(text: string, n: number): string[] {
  const size = Math.ceil(text.length / n) || 1;
  return Array.from({ length: n }, (_, i) => text.slice(i * size, (i + 1) * size));
}

/**
 * Texts for `rows` rows (fewer if they would not fit) that each add `overhead` bytes of markup
 * around their text, making `bytes` bytes in all, `wide` characters of them Chinese. Computed,
 * not measured row by row: the baseline's build should spend its time rendering and writing.
 */
export function rowTexts(bytes: number, wide: number, rows: number, overhead: number): string[] {
  const n = Math.max(1, Math.min(rows, Math.floor((bytes - 3 * wide) / overhead)));
  return pieces(filler(bytes - n * overhead, wide), n);
}
