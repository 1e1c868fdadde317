// Site-side helpers that guard what reaches the page: link schemes, label fitting, locale formatting.
import { describe, expect, it } from 'vitest';
import { date, delta, safeHref, score } from '../../src/site/format.ts';
import { switchPath } from '../../src/site/i18n.ts';
import { textUnits, truncate, wrap } from '../../src/site/text-fit.ts';

describe('safeHref', () => {
  it('keeps http(s) and relative links', () => {
    for (const ok of ['https://intranet.example/a?b=1', 'http://x.example', 'docs/evidence.pdf', './a/b', '../up.md', '/root/file', '#anchor'])
      expect(safeHref(ok)).toBe(ok);
  });
  it('refuses every other scheme, protocol-relative hosts and control characters', () => {
    for (const bad of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,<script>', 'vbscript:x', 'file:///etc/passwd',
      '//evil.example/x', 'mailto:a@b', 'java\tscript:alert(1)', 'a\nb'])
      expect(safeHref(bad), bad).toBeNull();
  });
});

describe('locale formatting', () => {
  it('formats scores and changes, and never shows a missing number as 0', () => {
    expect(score(61.44, 'en')).toBe('61.4');
    expect(score(null, 'zh')).toBe('—');
    expect(delta(3.21, 'en')).toBe('+3.2');
    expect(delta(-1, 'en')).toBe('−1.0');
    expect(delta(0.01, 'en')).toBe('±0.0');
  });
  it('writes dates the way each language reads them, without the time zone moving the day', () => {
    expect(date('2026-09-30', 'en')).toBe('30 Sept 2026');
    expect(date('2026-09-30', 'zh')).toBe('2026年9月30日');
  });
});

describe('language switch paths', () => {
  it('swaps only the language segment', () => {
    expect(switchPath('/en/acme/2026-q3/', 'zh')).toBe('/zh/acme/2026-q3/');
    expect(switchPath('/zh/methodology/', 'en')).toBe('/en/methodology/');
    expect(switchPath('/404.html', 'zh')).toBe('/zh/');
  });
});

describe('chart label fitting', () => {
  it('counts CJK as double width, wraps and truncates within the limit', () => {
    expect(textUnits('可靠ab')).toBe(6);
    expect(textUnits(truncate('让顾客对你的可靠习以为常', 12))).toBeLessThanOrEqual(12);
    expect(truncate('Momentum', 18)).toBe('Momentum');
    const lines = wrap('Touchpoint experience across every channel', 16, 2);
    expect(lines.length).toBe(2);
    for (const line of lines) expect(textUnits(line)).toBeLessThanOrEqual(16);
    expect(wrap('让顾客对你的可靠习以为常', 16, 2)).toEqual(['让顾客对你的可靠', '习以为常']);
  });
});
