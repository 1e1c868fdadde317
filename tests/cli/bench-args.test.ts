import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO } from '../helpers/cli.ts';

// `npm run bench` takes minutes; a mistyped flag must stop it at once rather than measure the wrong thing.
describe('npm run bench, with a flag it does not know', () => {
  for (const args of [['--no-lighthose'], ['--quick', 'extra'], ['--quick=yes']]) {
    it(`${args.join(' ')}: exit 1, says what is wrong and what it takes, no stack, nothing written`, () => {
      const results = join(REPO, 'bench/results.json');
      const before = existsSync(results) ? statSync(results).mtimeMs : undefined;
      const run = spawnSync(process.execPath, [join(REPO, 'bench/run.ts'), ...args], { cwd: REPO, encoding: 'utf8', timeout: 30_000 });
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/^bench: /);
      expect(run.stderr).toContain('usage: npm run bench -- [--quick] [--no-site] [--no-pipeline] [--no-lighthouse]');
      expect(run.stderr).not.toMatch(/^\s+at /m);
      expect(run.stdout).toBe('');
      expect(existsSync(results) ? statSync(results).mtimeMs : undefined).toBe(before);
    });
  }
});

// bench/generate.ts replaces its output folder: it must never delete one it did not write.
describe('bench/generate.ts, with a wrong folder or count', () => {
  const dir = mkdtempSync(join(tmpdir(), 'touchstone-generate-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const generate = (...args: string[]) => spawnSync(process.execPath, [join(REPO, 'bench/generate.ts'), ...args], { cwd: REPO, encoding: 'utf8', timeout: 30_000 });
  const refused = (run: ReturnType<typeof generate>, message: string) => {
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`generate: ${message}`);
    expect(run.stderr).toContain('usage: node bench/generate.ts');
    expect(run.stderr).not.toMatch(/^\s+at /m);
  };

  it('refuses a file, and leaves it as it was', () => {
    const file = join(dir, 'notes.txt');
    writeFileSync(file, 'mine');
    refused(generate('1', '1', '1', file), `${file} is not a folder`);
    expect(readFileSync(file, 'utf8')).toBe('mine');
  });
  it('refuses a folder it did not write (a real workspace, say), and leaves it as it was', () => {
    const workspace = join(dir, 'client');
    mkdirSync(join(workspace, 'audits'), { recursive: true });
    writeFileSync(join(workspace, 'touchstone.yaml'), 'title: mine\n');
    refused(generate('1', '1', '1', workspace), `${workspace} holds files this generator did not write`);
    expect(readdirSync(workspace).sort()).toEqual(['audits', 'touchstone.yaml']);
  });
  it('refuses a count that is not a whole number from 1', () => {
    refused(generate('abc'), 'the number of organisations must be a whole number from 1 to 10000, not "abc"');
    refused(generate('2', '0'), 'the number of versions must be a whole number from 1 to 10000, not 0');
    refused(generate('2', '1.5'), 'the number of versions must be a whole number from 1 to 10000, not "1.5"');
    refused(generate('99999'), 'the number of organisations must be a whole number from 1 to 10000, not 99999');
  });
  it('writes into a new folder, and replaces a workspace it wrote before', () => {
    const out = join(dir, 'generated');
    expect(generate('2', '1', '1', out).status).toBe(0);
    expect(readdirSync(join(out, 'audits'))).toEqual(['org-0000', 'org-0001']);
    expect(generate('1', '1', '1', out).status).toBe(0);
    expect(readdirSync(join(out, 'audits'))).toEqual(['org-0000']);
  });
});
