import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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
