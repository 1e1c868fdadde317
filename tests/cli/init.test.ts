import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO, hasStackTrace, removeWorkspace, touchstone, workspaceFrom } from '../helpers/cli.ts';
import { treeHash } from './tree-hash.ts';

const created: string[] = [];
afterAll(() => created.forEach(removeWorkspace));

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'touchstone-init-'));
  created.push(dir);
  return dir;
}

const version = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string }).version;

describe('touchstone init', () => {
  it('starts a workspace in an empty folder on which validate, score and check succeed', () => {
    const dir = tempDir();
    const result = touchstone(['init', dir]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.trimEnd().split('\n').slice(-3)).toEqual(['  npm install', '  npx touchstone validate', '  npx touchstone build']);
    for (const file of [
      'package.json', '.gitignore', 'touchstone.yaml', '.vscode/settings.json', '.github/workflows/touchstone.yml',
      'questionnaires/cx-core/1.0.0.yaml', 'questionnaires/cx-core/1.1.0.yaml', 'benchmarks/best-in-class/2026.1.yaml',
      'audits/example-retail/org.yaml', 'audits/example-retail/2026-h1/audit.yaml',
    ]) expect(existsSync(join(dir, file)), file).toBe(true);

    const validate = touchstone(['validate', '--root', dir]);
    expect(validate.stdout).toBe('');
    expect(validate.status).toBe(0);
    const score = touchstone(['score', 'example-retail', '--root', dir, '--json']);
    expect(score.status).toBe(0);
    const result2 = JSON.parse(score.stdout);
    expect(result2.respondents).toBe(3);
    expect(result2.index).toBeGreaterThan(0);
    // Every question is answered by every respondent: a complete example.
    for (const d of result2.drivers) for (const q of d.questions) expect(q.unanswered, q.id).toBe(0);
    const check = touchstone(['check', '--root', dir]);
    expect(check.status).toBe(0);
    expect(check.stdout).toContain('✓ pass  index-floor');
  });

  // --from-checkout (a packed tarball in vendor/) is tested, with a real npm install, in package.test.ts.
  it('depends on the published package by default, or on $TOUCHSTONE_PACKAGE_SPEC', () => {
    const plain = tempDir();
    touchstone(['init', plain]);
    expect(JSON.parse(readFileSync(join(plain, 'package.json'), 'utf8')).dependencies).toEqual({ '@touchstone-cx/touchstone': `^${version}` });
    // Node 24 comes with npm install, as in Touchstone's own repository, so a Node 20 machine works too.
    expect(JSON.parse(readFileSync(join(plain, 'package.json'), 'utf8')).devDependencies).toEqual({ node: '^24' });
    expect(readFileSync(join(plain, '.nvmrc'), 'utf8')).toBe('24\n');
    const env = tempDir();
    touchstone(['init', env], { env: { TOUCHSTONE_PACKAGE_SPEC: 'file:/opt/touchstone' } });
    expect(JSON.parse(readFileSync(join(env, 'package.json'), 'utf8')).dependencies).toEqual({ '@touchstone-cx/touchstone': 'file:/opt/touchstone' });
  });

  it('maps each file kind to its schema for the editor, and points every modeline at the installed schemas', () => {
    const dir = tempDir();
    touchstone(['init', dir]);
    const settings = JSON.parse(readFileSync(join(dir, '.vscode/settings.json'), 'utf8'))['yaml.schemas'];
    expect(settings).toEqual({
      './node_modules/@touchstone-cx/touchstone/schemas/questionnaire.schema.json': ['questionnaires/**/*.yaml'],
      './node_modules/@touchstone-cx/touchstone/schemas/benchmark.schema.json': ['benchmarks/**/*.yaml'],
      './node_modules/@touchstone-cx/touchstone/schemas/org.schema.json': ['audits/*/org.yaml'],
      './node_modules/@touchstone-cx/touchstone/schemas/audit.schema.json': ['audits/*/*/audit.yaml'],
      './node_modules/@touchstone-cx/touchstone/schemas/response.schema.json': ['audits/*/*/responses/*.yaml'],
      './node_modules/@touchstone-cx/touchstone/schemas/scenarios.schema.json': ['audits/*/*/scenarios.yaml'],
      './node_modules/@touchstone-cx/touchstone/schemas/facts.schema.json': ['audits/*/*/facts.yaml'],
      './node_modules/@touchstone-cx/touchstone/schemas/actions.schema.json': ['audits/*/*/actions.yaml'],
      './node_modules/@touchstone-cx/touchstone/schemas/workspace.schema.json': ['touchstone.yaml'],
    });
    // Every schema named exists in this package (which npm install puts at node_modules/touchstone).
    for (const schema of Object.keys(settings)) expect(existsSync(join(REPO, schema.replace('./node_modules/@touchstone-cx/touchstone/', ''))), schema).toBe(true);
    const firstLine = (file: string) => readFileSync(join(dir, file), 'utf8').split('\n')[0];
    expect(firstLine('questionnaires/cx-core/1.1.0.yaml')).toBe('# yaml-language-server: $schema=../../node_modules/@touchstone-cx/touchstone/schemas/questionnaire.schema.json');
    expect(firstLine('audits/example-retail/2026-h1/responses/ceo.yaml'))
      .toBe('# yaml-language-server: $schema=../../../../node_modules/@touchstone-cx/touchstone/schemas/response.schema.json');
    // Apart from the modeline, the bundled question bank is copied byte for byte.
    const rest = (text: string) => text.split('\n').slice(1).join('\n');
    expect(rest(readFileSync(join(dir, 'questionnaires/cx-core/1.1.0.yaml'), 'utf8'))).toBe(rest(readFileSync(join(REPO, 'questionnaires/cx-core/1.1.0.yaml'), 'utf8')));
    expect(readFileSync(join(dir, '.github/workflows/touchstone.yml'), 'utf8')).toBe(readFileSync(join(REPO, 'examples/github-workflow.yml'), 'utf8'));
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toMatch(/^node_modules\/$/m);
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toMatch(/^dist\/$/m);
    expect(parse(readFileSync(join(dir, 'touchstone.yaml'), 'utf8')).assertions.length).toBeGreaterThan(0);
  });

  it('creates a missing folder', () => {
    const dir = join(tempDir(), 'new', 'clients');
    expect(touchstone(['init', dir]).status).toBe(0);
    expect(existsSync(join(dir, 'touchstone.yaml'))).toBe(true);
  });

  it('accepts a folder that holds only .git', () => {
    const dir = tempDir();
    mkdirSync(join(dir, '.git'));
    expect(touchstone(['init', dir]).status).toBe(0);
  });

  it('refuses a non-empty folder that is not a workspace, and writes nothing', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'README.md'), '# my project\n');
    const before = treeHash(dir);
    const result = touchstone(['init', dir]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('is not empty and is not a Touchstone workspace');
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(treeHash(dir)).toBe(before);
  });

  it('refuses a file as DIR (usage error)', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'file'), 'x');
    const result = touchstone(['init', join(dir, 'file')]);
    expect(result.status).toBe(2);
    expect(hasStackTrace(result.stderr)).toBe(false);
  });

  it('on an existing workspace adds only what is missing and changes no existing file', () => {
    const root = workspaceFrom('minimal', { 'touchstone.yaml': 'title: Mine\n' });
    created.push(root);
    const existing = ['touchstone.yaml', 'audits/acme/org.yaml', 'benchmarks/best-in-class/2026.1.yaml', 'questionnaires/mini/1.0.0.yaml',
      'audits/acme/2026-q3/responses/ceo.yaml'];
    const before = Object.fromEntries(existing.map((f) => [f, readFileSync(join(root, f), 'utf8')]));
    const result = touchstone(['init', root]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('created package.json');
    expect(result.stdout).toContain('created .github/workflows/touchstone.yml');
    expect(result.stdout).not.toContain('created touchstone.yaml');
    expect(result.stdout).toMatch(/kept \d+ existing file/);
    for (const f of existing) expect(readFileSync(join(root, f), 'utf8'), f).toBe(before[f]);
    // The workspace already has organisations: no example organisation is added.
    expect(existsSync(join(root, 'audits/example-retail'))).toBe(false);

    // A second run adds nothing at all.
    const hash = treeHash(root);
    const again = touchstone(['init', root]);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('nothing to add');
    expect(treeHash(root)).toBe(hash);
  });

  it('on a workspace with its own bank writes example assertions from that bank, and adds none of the sample', () => {
    const root = workspaceFrom('client');
    created.push(root);
    const result = touchstone(['init', root]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('created touchstone.yaml');
    // Its site would show the bundled bank and profile beside its own.
    expect(existsSync(join(root, 'questionnaires/cx-core'))).toBe(false);
    expect(existsSync(join(root, 'benchmarks/best-in-class'))).toBe(false);
    const settings = readFileSync(join(root, 'touchstone.yaml'), 'utf8');
    const metrics = (parse(settings) as { assertions: { metric: string }[] }).assertions.map((a) => a.metric);
    expect(metrics).toEqual(['index', 'index', 'arrival', 'gates']);
    expect(settings).toContain('a driver id (arrival, stay, departure), recovery, gates');
    expect(settings).not.toMatch(/reliability|momentum|consistency|benchmark/);
    // So check runs every assertion on it (none names a driver it does not have).
    const check = touchstone(['check', '--root', root]);
    expect(check.status, check.stdout + check.stderr).toBe(0);
    expect(check.stdout).toContain('arrival-floor');
    expect(check.stdout + check.stderr).not.toMatch(/unknown metric/);
  });

  it('in a folder whose own bank does not parse, adds nothing of the sample, and validate points at the broken line', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'questionnaires/mine'), { recursive: true });
    writeFileSync(join(dir, 'questionnaires/mine/1.0.0.yaml'), 'id: mine\nversion: [1\n');
    const result = touchstone(['init', dir]);
    expect(result.status, result.stderr).toBe(0);
    expect(hasStackTrace(result.stderr)).toBe(false);
    for (const f of ['questionnaires/cx-core', 'benchmarks/best-in-class', 'audits/example-retail']) expect(existsSync(join(dir, f)), f).toBe(false);
    // Only the assertions that name no driver: there is no bank to take one from.
    expect((parse(readFileSync(join(dir, 'touchstone.yaml'), 'utf8')) as { assertions: { metric: string }[] }).assertions.map((a) => a.metric)).toEqual(['index', 'index']);
    expect(readFileSync(join(dir, 'questionnaires/mine/1.0.0.yaml'), 'utf8')).toBe('id: mine\nversion: [1\n');
    const validate = touchstone(['validate', '--root', dir]);
    expect(validate.status).toBe(1);
    expect(validate.stdout).toMatch(/^questionnaires\/mine\/1\.0\.0\.yaml:\d+:\d+: error yaml\//m);
    expect(validate.stdout).not.toContain('best-in-class');
  });

  it('in a folder holding only a bank of its own, answers the example audit on that bank', () => {
    const root = workspaceFrom('client');
    created.push(root);
    rmSync(join(root, 'audits'), { recursive: true });
    const result = touchstone(['init', root]);
    expect(result.status, result.stderr).toBe(0);
    expect(readFileSync(join(root, 'audits/example-retail/2026-h1/audit.yaml'), 'utf8')).toMatch(/questionnaire: guest-journey@2\.0\.0\nbenchmark: peer-leaders@2026\.2/);
    expect(existsSync(join(root, 'questionnaires/cx-core'))).toBe(false);
    const validate = touchstone(['validate', '--root', root]);
    expect(validate.status, validate.stdout).toBe(0);
    expect(touchstone(['check', '--root', root]).status).toBe(0);
  });
});
