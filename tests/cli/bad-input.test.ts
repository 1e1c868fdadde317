import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO, hasStackTrace, removeWorkspace, touchstone, workspaceFrom } from '../helpers/cli.ts';
import { CASES } from './bad-input.cases.ts';

const created: string[] = [];
afterAll(() => created.forEach(removeWorkspace));

interface JsonDiagnostic { file: string; line: number; col: number; severity: string; code: string; message: string }

describe('touchstone validate on bad input', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const root = workspaceFrom('minimal', c.overlay);
    created.push(root);
    const json = touchstone(['validate', '--root', root, '--format', 'json']);
    const diagnostics = JSON.parse(json.stdout) as JsonDiagnostic[];
    const found = diagnostics.find((d) => d.code === c.expect.code);
    expect(found, `expected ${c.expect.code}; got:\n${json.stdout}`).toBeDefined();
    expect({ file: found!.file, line: found!.line, col: found!.col, severity: found!.severity }).toEqual({
      file: c.expect.file, line: c.expect.line, col: c.expect.col, severity: c.expect.severity ?? 'error',
    });
    if (c.expect.message) expect(found!.message).toMatch(c.expect.message);
    const warningOnly = (c.expect.severity ?? 'error') === 'warning';
    expect(json.status).toBe(warningOnly ? 0 : 1);

    // The human format says the same thing, in the documented `path:line:col: severity code: message` form.
    const text = touchstone(['validate', '--root', root]);
    expect(text.status).toBe(json.status);
    expect(text.stdout).toContain(`${c.expect.file}:${c.expect.line}:${c.expect.col}: ${c.expect.severity ?? 'error'} ${c.expect.code}: `);
    // Whatever the workspace holds, nothing but line breaks reaches the terminal as a control character.
    expect(text.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(hasStackTrace(text.stdout + text.stderr)).toBe(false);
  });

  it('covers every diagnostic code the validator can produce', () => {
    // Every code literal in src/core must have a fixture above.
    const sources = readdirSync(join(REPO, 'src/core'), { recursive: true }).filter((f) => String(f).endsWith('.ts'));
    const codes = new Set<string>();
    for (const file of sources) {
      const text = readFileSync(join(REPO, 'src/core', String(file)), 'utf8');
      for (const m of text.matchAll(/'((?:yaml|file|text|schema|evidence|ref|answer|respondent|path|org|audit|workspace|limit|questionnaire|benchmark|scenarios|facts|actions|notes)\/[a-z-]+)'/g)) codes.add(m[1]);
      if (text.includes('`${what}/path-mismatch`')) codes.add('questionnaire/path-mismatch').add('benchmark/path-mismatch');
    }
    codes.delete('schema/invalid'); // the fallback for an ajv keyword the schemas do not use
    const covered = new Set(CASES.map((c) => c.expect.code));
    expect([...codes].filter((code) => !covered.has(code)).sort()).toEqual([]);
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });

  it('never prints the content of a file outside the workspace', () => {
    const root = workspaceFrom('minimal', { 'audits/acme/2026-q1/responses/intruder.yaml': { symlink: '/etc/passwd' } });
    created.push(root);
    const result = touchstone(['validate', '--root', root]);
    expect(result.stdout + result.stderr).not.toMatch(/root:x:0:0/);
  });
});
