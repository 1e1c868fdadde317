// Touchstone as a client gets it: `init --from-checkout` packs this checkout (`npm pack`, which
// compiles the command line to JavaScript) into the new repository's vendor/ folder; a real
// `npm install` there installs it and its dependencies from the registry; then the copied CI
// workflow's steps run in order, as GitHub would run them on a pull request, and validate, build,
// pdf and dev run from the installed package, with no path of this checkout anywhere in what
// they make. The slowest test of the suite (two to three minutes, most of it npm install).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PACKAGE_NAME } from '../../src/core/check/schema-location.ts';
import { REPO, hasStackTrace, removeWorkspace, touchstone } from '../helpers/cli.ts';

const created: string[] = [];
afterAll(() => created.forEach(removeWorkspace));

let ws = '';
const installed = () => join(ws, 'node_modules', ...PACKAGE_NAME.split('/'));

/** The environment of a user's shell, not vitest's (Astro changes course when it sees VITEST). */
function shellEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', TOUCHSTONE_ROOT: '', npm_config_loglevel: 'error', ...extra };
  for (const key of Object.keys(env)) if (key.startsWith('VITEST') || key === 'NODE_ENV' || key === 'TEST') delete env[key];
  return env;
}

/** A command in the new workspace, as its owner would type it (npx finds the installed touchstone). */
function run(command: string, env: Record<string, string> = {}) {
  const result = spawnSync('bash', ['-c', command], {
    cwd: ws, encoding: 'utf8', timeout: 300_000, env: shellEnv(env),
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, all: `${result.stdout}\n${result.stderr}` };
}

function git(...args: string[]): string {
  const result = spawnSync('git', args, { cwd: ws, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.invalid' } });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout.trim();
}

function everyFile(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

beforeAll(() => {
  const parent = mkdtempSync(join(tmpdir(), 'touchstone-client-'));
  created.push(parent);
  ws = join(parent, 'acme-cx');
  const init = touchstone(['init', ws, '--from-checkout']);
  expect(init.status, init.stderr).toBe(0);
}, 120_000);

describe('a client repository made by init --from-checkout', () => {
  it('depends on the packed checkout in vendor/, by a relative path', () => {
    const pkg = JSON.parse(readFileSync(join(ws, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const spec = pkg.dependencies[PACKAGE_NAME]!;
    expect(spec).toMatch(/^file:vendor\/touchstone-cx-touchstone-\d+\.\d+\.\d+\.tgz$/);
    expect(existsSync(join(ws, spec.slice('file:'.length)))).toBe(true);
    expect(readFileSync(join(ws, 'package.json'), 'utf8')).not.toContain(REPO);
    // The packing compiled into the package, never into this checkout.
    const left = spawnSync('git', ['status', '--porcelain', '--untracked-files=all', 'src'], { cwd: REPO, encoding: 'utf8' }).stdout;
    expect(left.split('\n').filter((l) => l.startsWith('??') && l.endsWith('.js'))).toEqual([]);
  });

  it('runs the copied workflow\'s steps in order on a pull request that adds an audit version', () => {
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'base');
    const base = git('rev-parse', 'HEAD');

    const workflow = parse(readFileSync(join(ws, '.github/workflows/touchstone.yml'), 'utf8')) as { jobs: Record<string, { steps: { name?: string; run?: string; if?: string }[] }> };
    const steps = workflow.jobs.audit!.steps.filter((s) => s.run !== undefined);
    expect(steps.map((s) => s.name)).toEqual(['Install Touchstone', 'Validate', 'Check assertions', 'What changed', 'Comment on the pull request', 'Build the report site']);

    const summary = join(ws, '..', 'step-summary.md');
    writeFileSync(summary, '');
    const env = { BASE: base, GITHUB_STEP_SUMMARY: summary, TOUCHSTONE_SECRET: '' };
    for (const step of steps) {
      if (step.name === 'Install Touchstone') {
        const result = run(step.run!, env);
        expect(result.status, result.all).toBe(0);
        // The pull request: a second audit version, made with the installed touchstone.
        const next = run('npx touchstone new example-retail/2026-h2 --period 2026-07-01..2026-12-31 --from 2026-h1');
        expect(next.status, next.all).toBe(0);
        git('add', 'audits');
        git('commit', '-q', '-m', 'H2 audit');
        continue;
      }
      // The comment step needs GitHub's token and gh: what it would post is checked instead.
      if (step.name === 'Comment on the pull request') continue;
      const result = run(step.run!, env);
      expect(result.status, `${step.name}:\n${result.all}`).toBe(0);
      expect(hasStackTrace(result.all), step.name).toBe(false);
    }
    const comment = readFileSync(join(ws, 'touchstone-diff.md'), 'utf8');
    expect(comment).toMatch(/^### Example Retail: 2026-h1 → 2026-h2/m);
    expect(readFileSync(summary, 'utf8')).toBe(comment);
    expect(existsSync(join(ws, 'dist/en/example-retail/2026-h2/index.html'))).toBe(true);
  }, 600_000);

  it('installed the package as compiled JavaScript, with its runtime dependencies', () => {
    expect(lstatSync(installed()).isSymbolicLink()).toBe(false);
    expect(existsSync(join(installed(), 'src/cli/main.js'))).toBe(true);
    expect(existsSync(join(installed(), 'audits'))).toBe(false); // the sample portfolio stays in the checkout
    expect(existsSync(join(ws, 'node_modules/playwright-core/package.json'))).toBe(true);
  });

  it('validates, builds, prints a PDF and serves the live site from the installed package', async () => {
    expect(run('npx touchstone validate').status).toBe(0);
    const build = run('npx touchstone build --out dist');
    expect(build.status, build.all).toBe(0);
    const pdf = run('npx touchstone pdf example-retail/2026-h2 --lang zh --out report.pdf');
    expect(pdf.status, pdf.all).toBe(0);
    const text = spawnSync('pdftotext', [join(ws, 'report.pdf'), '-'], { encoding: 'utf8' }).stdout;
    expect(text).toContain('示例零售');

    // dev: start it on a free port, load a report page, stop it.
    // In a process group of its own: npx does not pass a SIGTERM on to the server it started,
    // which would be left running after the test; the group is stopped whole.
    const dev = spawn('bash', ['-c', 'exec npx touchstone dev --port 0'], { cwd: ws, env: shellEnv(), detached: true });
    let output = '';
    dev.stdout.on('data', (d: Buffer) => { output += d.toString(); });
    dev.stderr.on('data', (d: Buffer) => { output += d.toString(); });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`dev did not start:\n${output}`)), 90_000);
        const poll = setInterval(() => {
          const m = /live at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
          if (m) { clearTimeout(timer); clearInterval(poll); resolve(m[1]!); }
        }, 100);
      });
      const page = await fetch(`${url}en/example-retail/2026-h2/`);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('Example Retail');
      expect(html).not.toContain(REPO);
    } finally {
      const exited = new Promise((resolve) => dev.on('exit', resolve));
      process.kill(-dev.pid!, 'SIGTERM');
      await exited;
    }
    expect(output).not.toContain(REPO);

    // Nothing that was made names this checkout.
    for (const file of [...everyFile(join(ws, 'dist')), join(ws, 'touchstone-diff.md')]) {
      expect(readFileSync(file, 'utf8').includes(REPO), file).toBe(false);
    }
    expect(text).not.toContain(REPO);
    for (const result of [build, pdf]) expect(result.all).not.toContain(REPO);
  }, 300_000);
});
