import fc from 'fast-check';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scoreAudit, validateWorkspace } from '../../src/core/index.ts';
import { FIXTURES } from '../helpers/cli.ts';

/**
 * Fuzzing: valid sample files mutated at random (bytes, lines, values, keys). Whatever the
 * mutation, `validate` must not throw or hang, every diagnostic must point at a file and a
 * line, and a workspace it accepts must score without error and within 0–100.
 * TOUCHSTONE_FUZZ_RUNS=5000 npm test -- tests/hardening runs a longer campaign.
 */
const RUNS = Number(process.env.TOUCHSTONE_FUZZ_RUNS ?? 200);
/** A hang detector, not a performance measure: one small workspace validates in milliseconds. */
const HANG_MS = 10_000;

const root = mkdtempSync(join(tmpdir(), 'touchstone-fuzz-'));
cpSync(join(FIXTURES, 'minimal'), root, { recursive: true });
afterAll(() => rmSync(root, { recursive: true, force: true }));
const files = readdirSync(root, { recursive: true }).map(String).filter((f) => f.endsWith('.yaml')).sort();
const originals = new Map(files.map((f) => [f, readFileSync(join(root, f))]));

const HOSTILE_VALUES = ['', '-1', '4.5', '99999999999999999999', '1e309', '"<script>alert(1)</script>"', '[', '{', '}', '*a', '&a x',
  'n/a', 'null', '~', '!!binary AAAA', '!!js/function "function(){}"', '!!str', 'x'.repeat(5000), '"\\u202e"', '[[[[[[[[[[]]]]]]]]]]',
  '{ __proto__: { x: 1 } }', '2026-02-30', '"javascript:alert(1)"', 'yes', '0x10', '.inf', '\t2'];
const HOSTILE_KEYS = ['__proto__', 'constructor', 'x', 'level', 'LEVEL', 'a.b', '"quoted key"', '? complex', 'answers', '- item'];

type Mutation =
  | { kind: 'byte'; at: number; byte: number }
  | { kind: 'delete-line' | 'duplicate-line'; at: number }
  | { kind: 'swap-lines'; at: number; other: number }
  | { kind: 'value'; at: number; value: string }
  | { kind: 'key'; at: number; key: string }
  | { kind: 'indent'; at: number; by: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('byte' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constantFrom('delete-line' as const, 'duplicate-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap-lines' as const), at: fc.nat(), other: fc.nat() }),
  fc.record({ kind: fc.constant('value' as const), at: fc.nat(), value: fc.oneof(fc.constantFrom(...HOSTILE_VALUES), fc.string({ maxLength: 20 })) }),
  fc.record({ kind: fc.constant('key' as const), at: fc.nat(), key: fc.oneof(fc.constantFrom(...HOSTILE_KEYS), fc.string({ minLength: 1, maxLength: 12 })) }),
  fc.record({ kind: fc.constant('indent' as const), at: fc.nat(), by: fc.constantFrom(' ', '  ', '\t', '   ') }),
);

function mutate(bytes: Uint8Array, m: Mutation): Uint8Array {
  if (m.kind === 'byte') {
    const out = new Uint8Array(bytes);
    out[m.at % out.length] = m.byte;
    return out;
  }
  const lines = new TextDecoder().decode(bytes).split('\n');
  const i = m.at % lines.length;
  switch (m.kind) {
    case 'delete-line': lines.splice(i, 1); break;
    case 'duplicate-line': lines.splice(i, 0, lines[i]); break;
    case 'swap-lines': { const j = m.other % lines.length; [lines[i], lines[j]] = [lines[j], lines[i]]; break; }
    case 'value': lines[i] = lines[i].replace(/:\s.*$|:$/, `: ${m.value}`); break;
    case 'key': lines[i] = lines[i].replace(/^(\s*-?\s*)[^:\s][^:]*:/, `$1${m.key}:`); break;
    case 'indent': lines[i] = m.by + lines[i]; break;
  }
  return new TextEncoder().encode(lines.join('\n'));
}

describe('fuzzing validate with mutated sample files', () => {
  it(`never throws or hangs, always points at a file and line, and what it accepts scores cleanly (${RUNS} cases)`, () => {
    fc.assert(fc.property(fc.constantFrom(...files), fc.array(mutation, { minLength: 1, maxLength: 3 }), (file, mutations) => {
      const original = originals.get(file)!;
      const mutated = mutations.reduce(mutate, original);
      writeFileSync(join(root, file), mutated);
      try {
        const start = performance.now();
        const { workspace, diagnostics } = validateWorkspace(root);
        expect(performance.now() - start).toBeLessThan(HANG_MS);
        for (const d of diagnostics) {
          expect(d.file.length).toBeGreaterThan(0);
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.col).toBeGreaterThanOrEqual(1);
          expect(d.message.length).toBeGreaterThan(0);
        }
        if (diagnostics.some((d) => d.severity === 'error')) return;
        // Accepted: then every audit must score, with every score in range.
        for (const org of workspace.orgs) for (const audit of org.audits) {
          const r = scoreAudit(audit, workspace);
          for (const s of [r.index, ...r.drivers.map((d) => d.score), r.recovery.score, r.consistency.score, r.benchmark.score]) {
            if (s !== null) expect(s >= 0 && s <= 100).toBe(true);
          }
        }
      } finally {
        writeFileSync(join(root, file), original);
      }
    }), { numRuns: RUNS });
  });
});
