import fc from 'fast-check';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scoreAudit, validateWorkspace } from '../../src/core/index.ts';
import { FIXTURES } from '../helpers/cli.ts';
import { mutate, mutation } from '../helpers/mutations.ts';

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
