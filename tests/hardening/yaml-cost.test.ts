import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../src/core/diagnostics.ts';
import { LIMITS } from '../../src/core/read/limits.ts';
import { depthBound, firstTooDeep, tooDeepAt } from '../../src/core/read/yaml-depth.ts';
import { parseYaml } from '../../src/core/read/yaml-file.ts';
import { REPO } from '../helpers/cli.ts';

/**
 * Reading a file costs time in proportion to its size, whatever its shape, and nesting deeper
 * than the limit is refused before the yaml package builds (and recurses into) a tree. No timing
 * is asserted: each shape is read at 1× and 8× its size in the same test, and linear work grows
 * about 8×, quadratic work 64× (80,000 blank lines took 15 s before the line scan in yaml-file.ts).
 */
const SHAPES: Record<string, (n: number) => string> = {
  'blank lines': (n) => '\n'.repeat(n),
  'lines of spaces': (n) => '   \n'.repeat(n),
  'comment lines': (n) => '# a comment\n'.repeat(n),
  'spaces then a comment': (n) => `${' '.repeat(n)}# x\n`,
  'one long line': (n) => `a: ${'x'.repeat(n)}\n`,
  'blank lines, then data': (n) => `${'\n'.repeat(n)}a: 1\n`,
  'open flow lists': (n) => '['.repeat(n),
  'nested block lists on one line': (n) => `${'- '.repeat(n)}x\n`,
  'open flow maps': (n) => '{a: '.repeat(n),
  'spaces and hyphens': (n) => `${' -'.repeat(n)}\n`,
};

function readingTime(text: string): number {
  const bytes = new TextEncoder().encode(text);
  const start = performance.now();
  for (let i = 0; i < 3; i++) parseYaml('f.yaml', bytes, new DiagnosticBag());
  return performance.now() - start;
}

describe('reading YAML of hostile shapes', () => {
  it.each(Object.keys(SHAPES))('%s: 8× the input costs far less than 64× the time', (shape) => {
    const make = SHAPES[shape]!;
    const n = 12_000;
    readingTime(make(n)); // warm up the parser's code
    // The best of three at each size: another process on the machine only ever adds time.
    const small = Math.min(...[0, 1, 2].map(() => readingTime(make(n))));
    const large = Math.min(...[0, 1, 2].map(() => readingTime(make(8 * n))));
    expect(large / Math.max(small, 1)).toBeLessThan(24);
  });

  it.each([['open flow lists', '['.repeat(300_000)], ['nested block lists', `${'- '.repeat(300_000)}x`],
    ['open flow maps', '{a: '.repeat(100_000)], ['a staircase of keys', Array.from({ length: 1400 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')]])(
    '%s: refused as too deep before parsing, with the same diagnostic every time', (_, text) => {
      const runs = [0, 1, 2].map(() => {
        const bag = new DiagnosticBag();
        expect(parseYaml('f.yaml', new TextEncoder().encode(text), bag)).toBeUndefined();
        return bag.items.map((d) => `${d.line}:${d.col} ${d.code} ${d.message}`);
      });
      expect(runs[0]).toHaveLength(1);
      expect(runs[0]![0]).toMatch(new RegExp(`yaml/too-deep nesting is deeper than ${LIMITS.depth} levels$`));
      expect(runs[1]).toEqual(runs[0]);
      expect(runs[2]).toEqual(runs[0]);
    });
});

/** Nested data of a given depth, in block style, flow style or a mix, as the yaml package writes it. */
function nested(depth: number, kinds: ('map' | 'seq')[]): unknown {
  let value: unknown = 'leaf';
  for (let i = depth - 1; i >= 0; i--) value = kinds[i % kinds.length] === 'map' ? { [`k${i}`]: value, other: i } : [value, i];
  return value;
}

describe('the nesting check', () => {
  it('bounds the depth of every sample file from above, and finds none too deep', () => {
    for (const file of ['questionnaires/cx-core/1.1.0.yaml', 'benchmarks/best-in-class/2026.1.yaml', 'audits/anbao-insurance/org.yaml']) {
      const text = readFileSync(join(REPO, file), 'utf8');
      expect(firstTooDeep(text, LIMITS.depth)).toBeUndefined();
      expect(tooDeepAt(text)).toBeUndefined();
    }
  });

  it('agrees with the depth of the parsed data, in block, flow and mixed styles', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 40 }), fc.array(fc.constantFrom('map' as const, 'seq' as const), { minLength: 1, maxLength: 4 }),
      fc.integer({ min: 1, max: 4 }),
      (depth, kinds, indent) => {
        const block = stringify(nested(depth, kinds), { indent });
        const flow = stringify(nested(depth, kinds), { collectionStyle: 'flow', lineWidth: 0 });
        const mixed = stringify({ top: nested(Math.ceil(depth / 2), kinds) }, { indent })
          .replace(/leaf/, stringify(nested(depth - Math.ceil(depth / 2), kinds), { collectionStyle: 'flow', lineWidth: 0 }).trim());
        // `depth` collections nest in block and flow; one more (the `top` map) in the mixed text.
        for (const [t, levels] of [[block, depth], [flow, depth], [mixed, depth + 1]] as const) {
          expect(parseDocument(t).errors).toEqual([]);
          expect(firstTooDeep(t, LIMITS.depth) !== undefined, t).toBe(levels > LIMITS.depth);
          expect(depthBound(t)).toBeGreaterThanOrEqual(levels);
        }
      }), { numRuns: 300 });
  });
});
