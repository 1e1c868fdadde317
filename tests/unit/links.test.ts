import { describe, expect, it } from 'vitest';
import { checkLink } from '../../src/core/check/links.ts';
import { safeHref } from '../../src/site/format.ts';

/**
 * Links are judged by what a browser opens (the WHATWG URL parser): each refused payload below
 * looks harmless or relative to a reader, and leaves the site or runs code once parsed.
 */
const REFUSED = [
  'javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', '\u0001javascript:alert(1)', 'java\tscript:alert(1)',
  'java\nscript:alert(1)', 'javascript&#58;alert(1)'.replace('&#58;', ':'), 'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox', 'file:///etc/passwd', '//evil.example/x', '/\\evil.example/x', '\\\\evil.example\\x', '\\/evil.example',
  '/\t/evil.example', 'https://evil.example/\u202egnp.exe', 'x\u200b', 'mailto:someone@example.com', 'blob:https://a/b', '',
];
const ALLOWED = ['https://intranet.example/mystery-shop-2026q3', 'http://a.example', 'HTTPS://A.EXAMPLE/x', 'docs/drill-2026.pdf',
  '../evidence/notes.md', '/reports/acme/', '#part-recovery', '?q=1', 'evidence/a:b.pdf', 'docs/%E6%8A%A5%E5%91%8A.pdf', 'docs/报告.pdf'];

describe('checkLink', () => {
  it.each(REFUSED.map((l) => [JSON.stringify(l), l]))('refuses %s', (_, link) => {
    const check = checkLink(link);
    expect(check.ok).toBe(false);
    expect(check.problem).toBeTruthy();
    expect(safeHref(link)).toBeNull();
  });

  it.each(ALLOWED.map((l) => [l]))('allows %s', (link) => {
    expect(checkLink(link)).toMatchObject({ ok: true });
    expect(safeHref(link)).toBe(link);
  });

  it('allows mailto: only where asked', () => {
    expect(checkLink('mailto:a@example.com', { mailto: true })).toEqual({ ok: true, kind: 'mail' });
    expect(checkLink('mailto:a@example.com').ok).toBe(false);
  });

  it('a relative link that passes resolves to the page\'s own origin in the URL parser browsers use', () => {
    for (const link of ALLOWED.filter((l) => !/^https?:/i.test(l))) {
      expect(new URL(link, 'https://reports.example/en/acme/').origin).toBe('https://reports.example');
    }
  });
});
