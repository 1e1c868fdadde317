import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO, hasStackTrace, removeWorkspace, touchstone } from '../helpers/cli.ts';

/**
 * The example pull-request workflow (examples/github-workflow.yml, copied by `touchstone init`)
 * is tested without GitHub: its YAML parses, it uses the actions it documents, and every
 * `npx touchstone …` command in it runs — placeholders substituted — against a workspace made by
 * `touchstone init` with a second audit version, using the real binary, with the exit codes expected.
 */
const WORKFLOW = join(REPO, 'examples/github-workflow.yml');

interface Step { name?: string; uses?: string; run?: string; with?: Record<string, unknown>; if?: string }

const workflow = parse(readFileSync(WORKFLOW, 'utf8')) as { on: Record<string, unknown>; jobs: Record<string, { steps: Step[] }> };
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);

/** The `npx touchstone …` command lines of the workflow's run scripts, split into words. */
function touchstoneCommands(): { line: string; args: string[] }[] {
  const out: { line: string; args: string[] }[] = [];
  for (const step of steps) {
    for (const m of (step.run ?? '').matchAll(/npx touchstone ([^\n;|&>]+)/g)) {
      const line = m[1].trim();
      const args = [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((w) => w[1] ?? w[2]);
      out.push({ line, args });
    }
  }
  return out;
}

const ORG = 'example-retail';
const created: string[] = [];
let ws = '';

beforeAll(() => {
  const parent = mkdtempSync(join(tmpdir(), 'touchstone-workflow-'));
  created.push(parent);
  ws = join(parent, 'client');
  expect(touchstone(['init', ws]).status).toBe(0);
  // Stands in for `npm install`: the client's node_modules holds Touchstone's dependencies
  // (the site build resolves packages from the working folder, as it will in a client repository).
  symlinkSync(join(REPO, 'node_modules'), join(ws, 'node_modules'));
  // A second version, carried over from the first, so that the diff step has two versions to compare.
  expect(touchstone(['new', `${ORG}/2026-h2`, '--period', '2026-07-01..2026-12-31', '--from', '2026-h1'], { cwd: ws }).status).toBe(0);
});
afterAll(() => created.forEach(removeWorkspace));

describe('examples/github-workflow.yml', () => {
  it('runs on pull requests and pushes, with checkout, Node 24, npm install, artifact and Pages upload', () => {
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['pull_request', 'push']));
    const uses = steps.map((s) => s.uses?.split('@')[0]).filter(Boolean);
    expect(uses).toEqual(expect.arrayContaining([
      'actions/checkout', 'actions/setup-node', 'actions/upload-artifact', 'actions/upload-pages-artifact', 'actions/deploy-pages',
    ]));
    expect(steps.find((s) => s.uses?.startsWith('actions/setup-node'))?.with?.['node-version']).toBe(24);
    expect(steps.some((s) => s.run?.trim() === 'npm install')).toBe(true);
    expect(steps.find((s) => s.uses?.startsWith('actions/upload-artifact'))?.with?.path).toBe('dist');
  });

  it('calls validate (annotations), check, diff (markdown) and build', () => {
    const lines = touchstoneCommands().map((c) => c.line);
    expect(lines).toEqual([
      'validate --format github',
      'check',
      'diff "$org" "$from" "$to" --format markdown',
      'build --out dist',
    ]);
  });

  it('names only real commands and flags', () => {
    for (const { args } of touchstoneCommands()) {
      const help = touchstone([args[0], '--help']);
      expect(help.status, args[0]).toBe(0);
      for (const flag of args.filter((a) => a.startsWith('--'))) expect(help.stdout, `${args[0]} ${flag}`).toContain(flag);
    }
  });

  it('every touchstone command of the workflow succeeds on a fresh `touchstone init` workspace', () => {
    const values: Record<string, string> = { $org: ORG, $from: '2026-h1', $to: '2026-h2' };
    const expected: Record<string, number> = { validate: 0, check: 0, diff: 0, build: 0 };
    for (const { args } of touchstoneCommands()) {
      const real = args.map((a) => values[a] ?? a);
      const result = touchstone(real, { cwd: ws });
      expect(result.status, `${real.join(' ')}\n${result.stdout}\n${result.stderr}`).toBe(expected[real[0]]);
      expect(hasStackTrace(result.stderr)).toBe(false);
      if (real[0] === 'validate') expect(result.stdout).not.toMatch(/^::error/m);
      if (real[0] === 'diff') expect(result.stdout).toMatch(/^### Example Retail: 2026-h1 → 2026-h2/m);
    }
    expect(existsSync(join(ws, 'dist', 'index.html'))).toBe(true);
  });

  it('the validate step fails the run (exit 1, an ::error annotation) on a broken file', () => {
    const broken = join(ws, 'audits', ORG, '2026-h2', 'responses', 'ceo.yaml');
    const text = readFileSync(broken, 'utf8');
    try {
      spawnSync('sh', ['-c', `sed -i 's/^  momentum.named-owner: .*/  momentum.named-owner: 9/' "${broken}"`]);
      const result = touchstone(['validate', '--format', 'github'], { cwd: ws });
      expect(result.stdout).toMatch(/^::error file=audits\/example-retail\/2026-h2\/responses\/ceo\.yaml,line=\d+,col=\d+,title=answer\/off-scale::/m);
      expect(result.status).toBe(1);
    } finally {
      spawnSync('sh', ['-c', 'cat > "$1"', 'sh', broken], { input: text });
    }
    expect(readFileSync(broken, 'utf8')).toBe(text);
  });

  it('the diff step picks the version before the changed one by folder order', () => {
    const script = steps.find((s) => s.run?.includes('touchstone diff'))!.run!;
    const pick = /from=\$\((.+)\)$/m.exec(script)![1];
    const run = (to: string) => spawnSync('bash', ['-c', `org=${ORG}; to=${to}; cd "${ws}"; ${pick}`], { encoding: 'utf8' }).stdout.trim();
    expect(run('2026-h2')).toBe('2026-h1');
    // The first version has no predecessor: the step sees itself and writes a note instead of a diff.
    expect(run('2026-h1')).toBe('2026-h1');
  });
});
