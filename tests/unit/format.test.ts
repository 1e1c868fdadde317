import { describe, expect, it } from 'vitest';
import { alpha, date, delta, num, score } from '../../src/site/format.ts';
import { INTL_LOCALE, LANGS } from '../../src/site/i18n.ts';

// format.ts writes small numbers without Intl for speed; it must write exactly what Intl writes.
const intl = (lang: (typeof LANGS)[number], options: Intl.NumberFormatOptions) => new Intl.NumberFormat(INTL_LOCALE[lang], options);

function samples(): number[] {
  const values = [0, -0, 1, -1, 0.5, 1.5, 2.5, -2.5, 0.05, 0.15, 0.25, 0.35, 1.005, 1.045, 2.675, 99.95, 99.949999, 100, 999.95, 999.5, 1000, 1234.5678,
    -1234.5, 12345678.9, 0.125, 0.375, 1e-7, -1e-7, 33.333333, 66.666667, 37.5, 62.5, 87.5, 12.25, 12.35, 0.045, -0.045, -0.0049, 5e-324];
  for (let i = -1001; i <= 1001; i++) values.push(i); // whole numbers take a shorter way (format.ts)
  // A fixed-seed generator: the same cases every run.
  let seed = 42;
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let i = 0; i < 5000; i++) {
    const scale = [1, 10, 100, 1000, 5000][i % 5]!;
    const raw = (next() * 2 - 1) * scale;
    values.push(raw, Math.round(raw * 1000) / 1000, Math.round(raw * 20) / 20, Math.round(raw * 200) / 200);
  }
  return values;
}

describe('number formatting', () => {
  for (const lang of LANGS) {
    it(`writes what Intl.NumberFormat writes (${lang})`, () => {
      const one = intl(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
      const two = intl(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
      const upTo = [0, 1, 2, 3, 4].map((d) => intl(lang, { maximumFractionDigits: d }));
      // Twice: the second time, numbers come from what format.ts remembers.
      for (const v of [...samples(), ...samples()]) {
        expect(score(v, lang), `score ${v}`).toBe(one.format(v));
        expect(alpha(v, lang), `alpha ${v}`).toBe(two.format(v));
        for (const d of [0, 1, 2, 3, 4]) expect(num(v, lang, d), `num ${v} ${d}`).toBe(upTo[d]!.format(v));
        if (Math.abs(v) >= 0.05) expect(delta(v, lang), `delta ${v}`).toBe(`${v > 0 ? '+' : '−'}${one.format(Math.abs(v))}`);
      }
    });
  }

  it('writes a dash for what could not be computed', () => {
    for (const v of [null, undefined, Number.NaN]) {
      expect(score(v, 'en')).toBe('—');
      expect(num(v, 'zh')).toBe('—');
    }
  });
});

describe('date formatting', () => {
  it('writes each date in each language, the same when asked again (it is remembered)', () => {
    for (let round = 0; round < 2; round++) {
      expect(date('2026-03-01', 'en')).toBe('1 Mar 2026');
      expect(date('2026-03-01', 'zh')).toBe('2026年3月1日');
      expect(date('2026-03-02', 'en')).toBe('2 Mar 2026');
      expect(date('2026-03-01T23:30:00Z', 'en')).toBe('1 Mar 2026');
      expect(date('not a date', 'zh')).toBe('not a date');
      expect(date('', 'en')).toBe('');
    }
  });
});
