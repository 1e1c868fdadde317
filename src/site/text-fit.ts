/** Fitting label text into build-time SVG charts, where the browser cannot wrap it for us. */

/** Rough display width in "half-width" units: CJK and other wide characters count 2. */
export function textUnits(s: string): number {
  let n = 0;
  for (const ch of s) n += isWide(ch) ? 2 : 1;
  return n;
}

function isWide(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  return (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6);
}

/** Cuts a label to at most `max` units, with an ellipsis. */
export function truncate(s: string, max: number): string {
  if (textUnits(s) <= max) return s;
  let out = '';
  for (const ch of s) {
    if (textUnits(out + ch) > max - 1) break;
    out += ch;
  }
  return `${out.trimEnd()}…`;
}

/** Wraps a label into at most `lines` lines of `max` units: at spaces for Latin text, anywhere for CJK. */
export function wrap(s: string, max: number, lines = 2): string[] {
  const out: string[] = [];
  let line = '';
  const tokens = s.match(/[\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uffef]|[^\s\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uffef]+|\s+/g) ?? [s];
  for (const token of tokens) {
    const candidate = line + token;
    if (textUnits(candidate.trim()) <= max || line.trim() === '') line = candidate;
    else {
      out.push(line.trim());
      line = token.trimStart();
    }
  }
  if (line.trim()) out.push(line.trim());
  if (out.length <= lines) return out;
  const kept = out.slice(0, lines);
  kept[lines - 1] = truncate(`${kept[lines - 1]} ${out.slice(lines).join(' ')}`, max);
  return kept;
}
