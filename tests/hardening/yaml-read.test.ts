import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../src/core/diagnostics.ts';
import { LIMITS } from '../../src/core/read/limits.ts';
import { parseYaml } from '../../src/core/read/yaml-file.ts';
import { REPO } from '../helpers/cli.ts';
import { mutate, mutation } from '../helpers/mutations.ts';

/**
 * Touchstone takes a file's data out of the yaml package's Document itself, and finds duplicate
 * keys itself (src/core/read/yaml-file.ts, readDocument), rather than with the package's toJS and
 * uniqueKeys. For any text, that must come to what the package would have given: the same data
 * for a file it accepts, and a duplicate key wherever it finds one. The one difference is on
 * purpose: keys that differ in YAML but name the same property (`1` and `"1"`) are duplicates
 * here, where toJS would let the second overwrite the first.
 * TOUCHSTONE_FUZZ_RUNS=20000 npx vitest run tests/hardening runs a longer campaign.
 */
const RUNS = Number(process.env.TOUCHSTONE_FUZZ_RUNS ?? 200);

const bytesOf = (text: string) => new TextEncoder().encode(text);

const WALK_REFUSALS = new Set(['yaml/duplicate-key', 'yaml/too-deep', 'yaml/unsafe-key', 'yaml/complex-key']);

/** Touchstone's reading of a text against the yaml package's own: 'same', or what differs. */
function compare(text: string): string {
  const bag = new DiagnosticBag();
  const ours = parseYaml('f.yaml', bytesOf(text), bag);
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, strict: true, stringKeys: false });
  const codes = bag.items.map((d) => d.code);
  // A file whose only fault for the yaml package is a duplicate key must be refused here too,
  // for that or for a key or depth problem the walk meets first.
  const onlyDuplicates = doc.errors.length > 0 && doc.errors.every((e) => e.code === 'DUPLICATE_KEY');
  if (onlyDuplicates && !codes.some((c) => WALK_REFUSALS.has(c))) {
    return `the yaml package finds a duplicate key and Touchstone ${ours ? 'accepts the file' : `says ${codes.join(', ')}`}`;
  }
  if (!ours) return 'same'; // refused, for a reason of its own (syntax, limits, keys): the reasons are tested elsewhere
  if (doc.errors.length > 0) return `Touchstone accepts what the yaml package refuses: ${doc.errors[0]!.code}`;
  let theirs: unknown;
  try {
    theirs = doc.toJS({ maxAliasCount: LIMITS.aliasCount });
  } catch {
    return 'Touchstone accepts aliases that expand past the limit';
  }
  try {
    expect(ours.data).toStrictEqual(theirs);
  } catch {
    return `different data: ${JSON.stringify(ours.data)} against ${JSON.stringify(theirs)}`;
  }
  return 'same';
}

/** Every YAML file of the repository's sample workspace and test fixtures. */
const samples = ['questionnaires', 'benchmarks', 'audits', 'tests/fixtures'].flatMap((dir) =>
  readdirSync(join(REPO, dir), { recursive: true }).map(String).filter((f) => f.endsWith('.yaml')).map((f) => join(REPO, dir, f)));

describe('Touchstone reads YAML data as the yaml package does', () => {
  it('reads every sample file the same way', () => {
    let read = 0;
    for (const file of samples) {
      const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
      expect(compare(text), file).toBe('same');
      if (parseYaml(file, bytesOf(text), new DiagnosticBag())) read++;
    }
    expect(read).toBeGreaterThan(50);
  });

  it.each([
    ['scalars of every core type', 'a: 0o17\nb: 0x1F\nc: 1e3\nd: .inf\ne: -.5\nf: 2024-01-01\ng: ~\nh: TRUE\ni: 12345678901234567890\nj:\n'],
    ['nested lists and maps, block and flow', 'a:\n  - 1\n  - [2, {b: c, d: [e]}]\n  - x: y\n    z: [ ]\nh: {}\n'],
    ['keys of other types, made text', '1: a\ntrue: b\n~: c\n1.50: d\n'],
    ['anchors and aliases', 'a: &x [1, 2]\nb: *x\nc: { d: *x }\n'],
    ['block scalars and quoted text', 'a: |\n  x\n  y\nb: >-\n  z\nc: "q\\u00e9"\nd: \'it\'\'s\'\n'],
    ['a pair inside a flow list', 'a: [b: 1, c]\n'],
  ])('reads %s as the yaml package does', (_, text) => {
    expect(compare(text)).toBe('same');
    expect(parseYaml('f.yaml', bytesOf(text), new DiagnosticBag())).toBeDefined();
  });

  it.each([
    ['a block map', 'a: 1\nb: 2\na: 3\n', 3, 1, 'the key "a" is already in this map, on line 1'],
    ['a nested map', 'x:\n  a: 1\n  a: 2\n', 3, 3, 'the key "a" is already in this map, on line 2'],
    ['a flow map', 'x: { a: 1, a: 2 }\n', 1, 12, 'the key "a" is already in this map, on line 1'],
    ['a list item map', '- a: 1\n  a: 2\n', 2, 3, 'the key "a" is already in this map, on line 1'],
    ['keys that differ in YAML but name the same property', '1: a\n"1": b\n', 2, 1, 'the key "1" is already in this map, on line 1'],
    ['an empty key and a null one', '"": a\n~: b\n', 2, 1, 'the key "" is already in this map, on line 1'],
  ])('reports a duplicate key in %s at the second key, and where the first is', (_, text, line, col, message) => {
    const bag = new DiagnosticBag();
    expect(parseYaml('f.yaml', bytesOf(text), bag)).toBeUndefined();
    expect(bag.items).toMatchObject([{ code: 'yaml/duplicate-key', line, col }]);
    expect(bag.items[0]!.message).toContain(message);
  });

  it(`reads sample files mutated at random as the yaml package does (${RUNS} cases)`, () => {
    const originals = samples.map((f) => readFileSync(f));
    fc.assert(fc.property(fc.nat(originals.length - 1), fc.array(mutation, { minLength: 1, maxLength: 3 }), (i, mutations) => {
      const text = new TextDecoder().decode(mutations.reduce(mutate, originals[i]!));
      expect(compare(text), samples[i]).toBe('same');
    }), { numRuns: RUNS });
  }, 60_000 + RUNS * 15);

  // Short texts from YAML's own punctuation, keys among them, to meet the corners of maps, lists and keys.
  const pieces = ['a', 'b', '1', '"1"', ':', ': ', '- ', '-', '"', "'", '#', '\n', '  ', ' ', '{', '}', '[', ']', ', ',
    '|', '>', '?', '&x', '*x', '!!str', '~', 'true', '0x1', '.5', ''];
  it(`reads texts made of YAML's punctuation as the yaml package does (${RUNS * 5} cases)`, () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 24 }), (parts) => {
      const text = parts.join('');
      expect(compare(text), JSON.stringify(text)).toBe('same');
    }), { numRuns: RUNS * 5 });
  });
});
