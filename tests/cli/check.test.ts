import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, hasStackTrace, removeWorkspace, touchstone, workspaceFrom } from '../helpers/cli.ts';

const created: string[] = [];
afterAll(() => created.forEach(removeWorkspace));

/** The minimal fixture (acme: 2026-q1 index 35.4 → 2026-q3 index 60.4) with these assertions. */
function withAssertions(lines: string[], overlay: Record<string, string | null> = {}): string {
  const root = workspaceFrom('minimal', { 'touchstone.yaml': `assertions:\n${lines.map((l) => `  - ${l}`).join('\n')}\n`, ...overlay });
  created.push(root);
  return root;
}

const check = (root: string, ...args: string[]) => touchstone(['check', '--root', root, ...args]);

describe('touchstone check', () => {
  it('passes when every assertion holds, with one line per assertion and organisation', () => {
    const root = withAssertions([
      '{ id: index-floor, level: error, metric: index, min: 60 }',
      '{ id: momentum-floor, level: error, metric: momentum, min: 70 }',
      '{ id: recovery-floor, level: error, org: acme, metric: recovery, min: 50 }',
    ]);
    const result = check(root);
    expect(result.stdout.split('\n').filter(Boolean)).toEqual([
      '✓ pass  index-floor     acme/2026-q3: index 60.4 ≥ 60',
      '✓ pass  momentum-floor  acme/2026-q3: momentum 70.8 ≥ 70',
      '✓ pass  recovery-floor  acme/2026-q3: recovery 77.8 ≥ 50',
    ]);
    expect(result.stderr).toContain('3 passed');
    expect(result.status).toBe(0);
  });

  it('fails (exit 1) when an error assertion fails, and prints the numbers', () => {
    const root = withAssertions(['{ id: index-floor, level: error, metric: index, min: 61 }']);
    const result = check(root);
    expect(result.stdout).toContain('✗ error index-floor  acme/2026-q3: index 60.4 < 61');
    expect(result.stderr).toContain('1 failed');
    expect(result.status).toBe(1);
  });

  it('only prints a failed warn assertion (exit 0)', () => {
    const root = withAssertions([
      '{ id: index-floor, level: error, metric: index, min: 50 }',
      '{ id: index-ambition, level: warn, metric: index, min: 90 }',
    ]);
    const result = check(root);
    expect(result.stdout).toContain('! warn  index-ambition  acme/2026-q3: index 60.4 < 90');
    expect(result.stderr).toMatch(/1 passed, 1 warning/);
    expect(result.status).toBe(0);
  });

  it('compares with the previous version for max-drop', () => {
    // Swap the two periods: 2026-q3 becomes the earlier audit, so the index drops 60.4 → 35.4.
    const root = withAssertions(['{ id: no-big-drop, level: error, metric: index, max-drop: 20 }'], {
      'audits/acme/2026-q1/audit.yaml': 'questionnaire: mini@1.0.0\nbenchmark: best-in-class@2026.1\nperiod: { start: 2026-10-01, end: 2026-12-31 }\nstatus: final\n',
    });
    const failed = check(root);
    expect(failed.stdout).toContain('✗ error no-big-drop  acme/2026-q1: index 60.4 → 35.4 since 2026-q3: dropped 25.0 > 20 allowed');
    expect(failed.status).toBe(1);

    const rising = withAssertions(['{ id: no-big-drop, level: error, metric: index, max-drop: 0 }']);
    const passed = check(rising);
    expect(passed.stdout).toContain('✓ pass  no-big-drop  acme/2026-q3: index 35.4 → 60.4 since 2026-q1: rose 25.0');
    expect(passed.status).toBe(0);
  });

  it('compares the index under the newer method when the questionnaire changes how it is made', () => {
    // 2026-q3 answers mini@1.1.0, whose index counts recovery three times as much as the drivers.
    const mini = readFileSync(join(FIXTURES, 'minimal/questionnaires/mini/1.0.0.yaml'), 'utf8');
    const root = withAssertions(['{ id: no-big-drop, level: error, metric: index, max-drop: 0 }'], {
      'questionnaires/mini/1.1.0.yaml': mini.replace('version: 1.0.0', 'version: 1.1.0').replace('drivers:\n', 'index: { drivers: 1, recovery: 3 }\ndrivers:\n').concat('changes:\n  from: 1.0.0\n'),
      'audits/acme/2026-q3/audit.yaml': readFileSync(join(FIXTURES, 'minimal/audits/acme/2026-q3/audit.yaml'), 'utf8').replace('mini@1.0.0', 'mini@1.1.0'),
    });
    const result = check(root);
    // 2026-q1 recomputed: drivers 35.41…, recovery 30.55… → (35.41… + 3 × 30.55…) / 4 = 31.77…
    expect(result.stdout).toMatch(/acme\/2026-q3: index 31\.8 → \d+\.\d since 2026-q1 \(2026-q1 recomputed as 2026-q3's questionnaire makes the index\): rose/);
    expect(result.status).toBe(0);
  });

  it('skips max-drop for an organisation with a single audit', () => {
    const root = withAssertions(['{ id: no-big-drop, level: error, metric: index, max-drop: 0 }'], { 'audits/acme/2026-q1': null });
    const result = check(root);
    expect(result.stdout).toContain('- skip  no-big-drop  acme/2026-q3: no previous version to compare with');
    expect(result.status).toBe(0);
  });

  it('checks that every gate passes with metric gates, all-pass', () => {
    const passing = withAssertions(['{ id: gates, level: error, metric: gates, all-pass: true }']);
    expect(check(passing).stdout).toContain('✓ pass  gates  acme/2026-q3: every gate passes (1)');
    expect(check(passing).status).toBe(0);

    const closed = withAssertions(['{ id: gates, level: error, metric: gates, all-pass: true }'], {
      'audits/acme/2026-q3/responses/store-ops.yaml': null,
      'audits/acme/2026-q3/responses/ceo.yaml': 'respondent: { id: ceo, role: CEO }\nanswers:\n  recovery.tracking: 1\n',
    });
    const result = check(closed);
    expect(result.stdout).toContain('✗ error gates  acme/2026-q3: 1 of 1 gates not passed: no-tracking');
    expect(result.status).toBe(1);
    const warnOnly = withAssertions(['{ id: gates, level: warn, metric: gates, all-pass: true }'], {
      'audits/acme/2026-q3/responses/store-ops.yaml': null,
      'audits/acme/2026-q3/responses/ceo.yaml': 'respondent: { id: ceo, role: CEO }\nanswers:\n  recovery.tracking: 1\n',
    });
    expect(check(warnOnly).status).toBe(0);
  });

  it('prints structured results with --format json', () => {
    const root = withAssertions(['{ id: index-floor, level: error, metric: index, min: 61 }']);
    const result = check(root, '--format', 'json');
    const report = JSON.parse(result.stdout);
    expect(report.failed).toBe(true);
    expect(report.outcomes[0]).toMatchObject({ assertion: 'index-floor', org: 'acme', version: '2026-q3', status: 'fail', value: 60.4, limit: 61, test: 'min' });
    expect(result.status).toBe(1);
  });

  it('says so when there are no assertions (exit 0)', () => {
    const root = workspaceFrom('minimal');
    created.push(root);
    const result = check(root);
    expect(result.stderr).toContain('No assertions to check');
    expect(result.status).toBe(0);
  });

  describe('bad input', () => {
    it('an unknown organisation is reported at its line, exit 1, even for a warn assertion', () => {
      const root = withAssertions(['{ id: typo, level: warn, org: acmee, metric: index, min: 10 }']);
      const result = check(root);
      expect(result.stdout).toContain('✗ error typo  touchstone.yaml:2:35: acmee: there is no organisation "acmee"; the workspace has: acme (did you mean "acme"?)');
      expect(result.status).toBe(1);
      expect(hasStackTrace(result.stdout + result.stderr)).toBe(false);
    });

    it('an unknown metric, or an assertion that checks nothing, is invalid (exit 1)', () => {
      const root = withAssertions([
        '{ id: typo, level: warn, metric: reliabilty, min: 10 }',
        '{ id: empty, level: warn, metric: index }',
        '{ id: mixed, level: warn, metric: index, all-pass: true }',
      ]);
      const result = check(root);
      expect(result.stdout).toContain('unknown metric "reliabilty": use index, recovery, consistency, benchmark, gates, momentum, reliability (did you mean "reliability"?)');
      expect(result.stdout).toContain('says nothing to check');
      expect(result.stdout).toContain('all-pass goes with metric gates');
      expect(result.status).toBe(1);
    });

    it('refuses an invalid workspace like score does', () => {
      const root = withAssertions(['{ id: index-floor, level: error, metric: index, min: 10 }'], {
        'audits/acme/org.yaml': 'name: Acme\nindustry: { id: retail, name: Retail }\nlocale: fr\n',
      });
      const result = check(root);
      expect(result.stderr).toContain('schema/enum');
      expect(result.stderr).toContain('the workspace has errors');
      expect(result.status).toBe(1);
      expect(hasStackTrace(result.stderr)).toBe(false);
    });

    it('an assertion not allowed by the schema is a validation error, not a crash', () => {
      const root = withAssertions(['{ id: x, level: fatal, metric: index, min: 10 }']);
      const result = check(root);
      expect(result.stderr).toContain('touchstone.yaml:2');
      expect(result.status).toBe(1);
      expect(hasStackTrace(result.stderr)).toBe(false);
    });

    it('an unknown format is a usage error', () => {
      const root = withAssertions(['{ id: x, level: warn, metric: index, min: 10 }']);
      expect(check(root, '--format', 'xml').status).toBe(2);
    });
  });
});
