/**
 * Whether a link from the workspace (evidence, consultant notes) is safe to put in a page, judged
 * by what a browser resolves it to, not by how it looks: WHATWG URL parsing strips leading
 * control characters and spaces, drops tabs and newlines anywhere, and reads `\` as `/`, so
 * `/\evil.example/x` and `\u0001javascript:…` are not the relative path and the harmless text
 * they seem to be.
 */

/** A base no real page has: a relative link must resolve to this origin to stay relative. */
const BASE = 'https://touchstone.invalid/site/page/';

export type LinkKind = 'web' | 'mail' | 'relative';

export interface LinkCheck {
  ok: boolean;
  /** What kind of link it is, when ok. */
  kind?: LinkKind;
  /** Why it was refused (English, for a diagnostic), when not ok. */
  problem?: string;
}

/**
 * Checks one link. Allowed: http(s) URLs, relative paths and #anchors (which stay on this
 * site), and — only where `mailto` is set — mailto: addresses. Anything else (javascript:,
 * data:, file:, vbscript:, a protocol-relative `//host`, a `/\host` that browsers read as one,
 * control characters or whitespace anywhere) is refused.
 */
export function checkLink(link: string, options: { mailto?: boolean } = {}): LinkCheck {
  if (link.length === 0) return { ok: false, problem: 'the link is empty' };
  // Browsers strip or ignore these, so what they open differs from what a reviewer reads.
  if (/[\u0000-\u0020\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/u.test(link)) {
    return { ok: false, problem: 'the link contains a space, control or invisible character' };
  }
  let absolute: URL | undefined;
  try {
    absolute = new URL(link);
  } catch {
    absolute = undefined;
  }
  if (absolute) {
    if (absolute.protocol === 'http:' || absolute.protocol === 'https:') return { ok: true, kind: 'web' };
    if (absolute.protocol === 'mailto:' && options.mailto) return { ok: true, kind: 'mail' };
    return { ok: false, problem: `a link must be http:// or https://${options.mailto ? ', mailto:' : ''} or a relative path; "${absolute.protocol}" links are not allowed` };
  }
  let resolved: URL;
  try {
    resolved = new URL(link, BASE);
  } catch {
    return { ok: false, problem: 'the link is not a valid URL or path' };
  }
  if (resolved.origin !== new URL(BASE).origin) {
    return { ok: false, problem: 'the link looks relative but a browser opens it on another host (it starts with // or /\\); write the full https:// address' };
  }
  return { ok: true, kind: 'relative' };
}
