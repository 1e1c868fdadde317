// What the baseline must write: for every HTML page and JSON file of the Touchstone build it is
// compared with (bench/run.ts writes this), its size in bytes and how many of its characters are
// not ASCII (Chinese pages, typographic punctuation), so that both builds write and encode the
// same output.
import { readFileSync } from 'node:fs';

/** One file: [bytes, non-ASCII characters]. */
export type FileShape = [bytes: number, wide: number];
export interface Manifest { html: FileShape[]; json: FileShape[] }

let cached: Manifest | undefined;
export function manifest(): Manifest {
  const file = process.env.BASELINE_MANIFEST;
  cached ??= file ? (JSON.parse(readFileSync(file, 'utf8')) as Manifest) : { html: Array.from({ length: 10 }, () => [50_000, 500]), json: [] };
  return cached;
}

/** The page that stands in client.astro: the largest, so that its stylesheets and island fit in it. */
export function clientPage(): number {
  const { html } = manifest();
  return html.reduce((best, shape, i) => (shape[0] > html[best]![0] ? i : best), 0);
}

const utf8 = (text: string) => Buffer.byteLength(text, 'utf8');

/**
 * Rows of filler making `bytes` UTF-8 bytes with `wide` non-ASCII characters, once `frame`
 * bytes of surrounding markup are counted: rows of Chinese text until the wide characters are
 * placed, rows of English text while another fits, then a last row padded to the exact size.
 */
export function fillerRows<R>(bytes: number, wide: number, frame: number, row: (i: number, text: string) => R, measure: (r: R) => number): R[] {
  const rows: R[] = [];
  let left = bytes - frame;
  // 24 characters, 72 bytes: about as many bytes as an English row's text, so that a Chinese
  // page is not made of more rows than an English one.
  const WIDE_TEXT = '这个问题的回答在各个渠道与各个部门之间是否一致呢';
  for (let placed = 0; placed < wide;) {
    const text = WIDE_TEXT.slice(0, Math.min(WIDE_TEXT.length, wide - placed));
    const r = row(rows.length, text);
    rows.push(r);
    left -= measure(r);
    placed += text.length;
  }
  for (;;) {
    const r = row(rows.length, `Question ${rows.length}: how consistent is the answer across channels?`);
    const size = measure(r);
    if (size > left) break;
    rows.push(r);
    left -= size;
  }
  if (left > 0) {
    const empty = measure(row(rows.length, ''));
    rows.push(row(rows.length, 'x'.repeat(Math.max(0, left - empty))));
  }
  return rows;
}
export { utf8 };
