import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, REPO, hasStackTrace, removeWorkspace, touchstone, workspaceFrom, type OverlayContent } from '../helpers/cli.ts';
import { join } from 'node:path';

const created: string[] = [];
afterAll(() => created.forEach(removeWorkspace));

describe('touchstone validate', () => {
  it('accepts the minimal sample workspace', () => {
    const result = touchstone(['validate', '--root', join(FIXTURES, 'minimal')]);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('valid');
    expect(result.status).toBe(0);
  });

  it('accepts the repository sample portfolio (the default workspace)', () => {
    const result = touchstone(['validate'], { cwd: REPO });
    expect(result.stdout.split('\n').filter((l) => l.includes(': error ')), result.stdout).toEqual([]);
    expect(result.status).toBe(0);
  });

  it('prints all five errors of a workspace with errors in three files', () => {
    const q1 = 'audits/acme/2026-q1';
    const root = workspaceFrom('minimal', {
      [`${q1}/responses/ceo.yaml`]: { edit: (t) => t.replace('momentum.owner: 2', 'momentum.owner: 9').replace('reliability.stores: 2', 'reliability.store: 2') },
      [`${q1}/responses/store-ops.yaml`]: { edit: (t) => t.replace('role: Store operations', 'role: Store operations, mood: grumpy').replace('momentum.owner: 1', 'momentum.owner: high') },
      'audits/acme/org.yaml': { edit: (t) => t.replace('locale: en', 'locale: fr') },
    });
    created.push(root);
    const result = touchstone(['validate', '--root', root]);
    const errors = result.stdout.split('\n').filter((l) => l.includes(': error '));
    expect(errors.map((l) => l.replace(/: error ([^:]+):.*/, ' $1'))).toEqual([
      `${q1}/responses/ceo.yaml:4:19 answer/off-scale`,
      `${q1}/responses/ceo.yaml:7:3 answer/unknown-question`,
      `${q1}/responses/store-ops.yaml:2:54 schema/unknown-key`,
      `${q1}/responses/store-ops.yaml:4:19 schema/type`,
      'audits/acme/org.yaml:4:9 schema/enum',
    ]);
    expect(errors).toHaveLength(5);
    expect(new Set(errors.map((l) => l.split(':')[0])).size).toBe(3);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('5 errors');
  });

  it('prints GitHub annotations with --format github', () => {
    const root = workspaceFrom('minimal', { 'audits/acme/2026-q1/responses/ceo.yaml': { edit: (t) => t.replace('momentum.owner: 2', 'momentum.owner: 9') } });
    created.push(root);
    const result = touchstone(['validate', '--root', root, '--format', 'github']);
    expect(result.stdout).toMatch(/^::error file=audits\/acme\/2026-q1\/responses\/ceo\.yaml,line=4,col=19,title=answer\/off-scale::level 9 is not on the scale/m);
    expect(result.status).toBe(1);
  });

  it('treats unknown flags and formats as usage errors (exit 2)', () => {
    expect(touchstone(['validate', '--format', 'xml']).status).toBe(2);
    expect(touchstone(['validate', '--bogus']).status).toBe(2);
    expect(touchstone(['frobnicate']).status).toBe(2);
    const missing = touchstone(['validate', '--root', '/nonexistent/workspace']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('no workspace folder');
    expect(hasStackTrace(missing.stderr)).toBe(false);
  });

  it('reads the workspace from TOUCHSTONE_ROOT', () => {
    const result = touchstone(['validate'], { cwd: '/', env: { TOUCHSTONE_ROOT: join(FIXTURES, 'minimal') } });
    expect(result.status).toBe(0);
  });
});

describe('touchstone validate on worker threads', () => {
  it('reports exactly what a single-threaded run reports, for every kind of broken file', async () => {
    const { CASES } = await import('./bad-input.cases.ts');
    const ceo = 'audits/acme/2026-q1/responses/ceo.yaml';
    // Every case that breaks one response file, each in a file of its own, in one workspace.
    const overlay: Record<string, OverlayContent> = {};
    CASES.forEach((c, i) => {
      const keys = Object.keys(c.overlay);
      if (keys.length === 1 && keys[0] === ceo) overlay[`audits/acme/2026-q1/responses/case-${String(i).padStart(2, '0')}.yaml`] = c.overlay[ceo]!;
    });
    expect(Object.keys(overlay).length).toBeGreaterThan(20);
    const root = workspaceFrom('minimal', overlay);
    created.push(root);
    const single = touchstone(['validate', '--root', root, '--format', 'json'], { env: { TOUCHSTONE_PARSE_THREADS: '0' } });
    const threaded = touchstone(['validate', '--root', root, '--format', 'json'], { env: { TOUCHSTONE_PARSE_THREADS: '3' } });
    expect(threaded.status).toBe(1);
    expect(threaded.stderr).not.toMatch(/\n\s+at /);
    const codes = new Set((JSON.parse(threaded.stdout) as { code: string }[]).map((d) => d.code));
    for (const code of ['yaml/syntax', 'yaml/duplicate-key', 'yaml/alias-limit', 'yaml/too-deep', 'yaml/unsafe-key', 'file/too-large', 'file/encoding', 'file/empty', 'schema/type'])
      expect(codes, code).toContain(code);
    expect(threaded.stdout).toBe(single.stdout);
  });

  it('refuses a thread count that is not a whole number from 0 to 16 (exit 2), and ignores an empty one', () => {
    const minimal = join(FIXTURES, 'minimal');
    for (const bad of ['abc', '-1', '2.5', '17', '99999999999999999999']) {
      const result = touchstone(['validate', '--root', minimal], { env: { TOUCHSTONE_PARSE_THREADS: bad } });
      expect(result.status, bad).toBe(2);
      expect(result.stderr).toContain('TOUCHSTONE_PARSE_THREADS must be a whole number from 0 to 16');
      expect(hasStackTrace(result.stderr)).toBe(false);
    }
    const empty = touchstone(['validate', '--root', minimal], { env: { TOUCHSTONE_PARSE_THREADS: '' } });
    expect(empty.status).toBe(0);
  });
});
