// Where `build`, `pdf`, `new` and `init` may write (src/core/read/paths.ts): never over the workspace,
// anything above it, its data folders, through a link out of it, or over files Touchstone did not write.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILD_MARK } from '../../src/core/read/paths.ts';
import { BIN, hasStackTrace, removeWorkspace, touchstone, workspaceFrom } from '../helpers/cli.ts';
import { treeHash } from './tree-hash.ts';

const created: string[] = [];
afterAll(() => created.forEach(removeWorkspace));

/** A client-like workspace with a git folder and a file of the user's own, as a real repository has. */
function workspace(): string {
  const root = workspaceFrom('minimal');
  created.push(root);
  mkdirSync(join(root, '.git'));
  writeFileSync(join(root, '.git/HEAD'), 'ref: refs/heads/main\n');
  writeFileSync(join(root, 'NOTES.md'), 'my own notes\n');
  return root;
}

function refused(result: { status: number | null; stdout: string; stderr: string }, reason: RegExp): void {
  expect(result.status, result.stderr).toBe(1);
  expect(result.stderr).toMatch(reason);
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(hasStackTrace(result.stdout + result.stderr)).toBe(false);
}

describe('build refuses an output folder that is not its own', () => {
  it.each([
    ['the workspace itself', '.', /will not build into .*: it is the workspace itself/],
    ['the folder above it', '..', /it contains the workspace/],
    ['the file system root', '/', /it contains the workspace/],
    ['a data folder of the workspace', 'audits/site', /inside the workspace's audits\/ folder/],
    ['a folder of the user\'s files', 'mine', /holds files Touchstone did not write \("a\.txt"\)/],
    ['a link to the workspace', 'link', /it is the workspace itself/],
  ])('%s', (_, out, reason) => {
    const root = workspace();
    mkdirSync(join(root, 'mine'));
    writeFileSync(join(root, 'mine/a.txt'), 'keep me');
    symlinkSync(root, join(root, 'link'));
    const before = treeHash(root);
    refused(touchstone(['build', '--out', out], { cwd: root }), reason);
    expect(treeHash(root)).toBe(before);
  });

  it('the same through TOUCHSTONE_OUT', () => {
    const root = workspace();
    const before = treeHash(root);
    refused(touchstone(['build'], { cwd: root, env: { TOUCHSTONE_OUT: '.' } }), /\(TOUCHSTONE_OUT\): it is the workspace itself/);
    expect(treeHash(root)).toBe(before);
  });

  it('marks its own output, replaces it, and takes an unmarked site of its own layout once, with a message', () => {
    const root = workspace();
    const out = join(root, 'dist');
    const first = touchstone(['build', '--out', 'dist'], { cwd: root });
    expect(first.status, first.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(out, BUILD_MARK), 'utf8'))).toMatchObject({ generator: 'touchstone' });
    // The output is readable by the web server's user, not the owner-only mode of a temporary folder.
    expect(statSync(out).mode & 0o755).toBe(0o755);

    rmSync(join(out, BUILD_MARK)); // as a site built before the mark existed
    const legacy = touchstone(['build', '--out', 'dist'], { cwd: root });
    expect(legacy.status, legacy.stderr).toBe(0);
    expect(legacy.stderr).toMatch(/looks like a site built before Touchstone marked its output; it is replaced this once/);
    expect(existsSync(join(out, BUILD_MARK))).toBe(true);
    expect(readFileSync(join(root, 'NOTES.md'), 'utf8')).toBe('my own notes\n');

    writeFileSync(join(out, 'extra.txt'), 'a file someone put in the marked site');
    const again = touchstone(['build', '--out', 'dist'], { cwd: root });
    expect(again.status, again.stderr).toBe(0);
    expect(existsSync(join(out, 'extra.txt'))).toBe(false);
    // No staging folder is left beside the output.
    expect(readdirSync(root).filter((n) => n.startsWith('.dist.'))).toEqual([]);
  });
});

describe('pdf refuses to overwrite the workspace\'s files', () => {
  it.each([
    ['a response file', 'audits/acme/2026-q1/responses/ceo.yaml', /inside the workspace's audits\/ folder/],
    ['a new file in the question bank', 'questionnaires/x.pdf', /inside the workspace's questionnaires\/ folder/],
    ['a file that is not a PDF', 'NOTES.md', /a file that is not a PDF is already there \(add --force to replace it\)/],
    ['the workspace folder', '.', /it is the workspace folder/],
    ['a path through a file', 'NOTES.md/report.pdf', /NOTES\.md is a file, where a folder would be needed/],
  ])('%s', (_, out, reason) => {
    const root = workspace();
    const before = treeHash(root);
    refused(touchstone(['pdf', 'acme/2026-q3', '--out', out], { cwd: root }), reason);
    expect(treeHash(root)).toBe(before);
  });
});

describe('new and init write only where validate reads', () => {
  it('new refuses an audits/ folder that links out of the workspace, writing nothing there', () => {
    const root = workspace();
    const elsewhere = mkdtempSync(join(tmpdir(), 'touchstone-elsewhere-'));
    created.push(elsewhere);
    rmSync(join(root, 'audits'), { recursive: true });
    symlinkSync(elsewhere, join(root, 'audits'));
    const result = touchstone(['new', 'acme/2027-q1', '--period', '2027-01-01..2027-03-31', '--respondent', 'ceo'], { cwd: root });
    refused(result, /audits\/acme\/2027-q1: it leads outside the workspace through a symbolic link, where touchstone validate does not read; nothing was written/);
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it('new refuses an organisation folder that links out', () => {
    const root = workspace();
    const elsewhere = mkdtempSync(join(tmpdir(), 'touchstone-elsewhere-'));
    created.push(elsewhere);
    symlinkSync(elsewhere, join(root, 'audits/beta'));
    refused(touchstone(['new', 'beta/2027-q1', '--period', '2027-01-01..2027-03-31', '--respondent', 'ceo'], { cwd: root }), /leads outside the workspace/);
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it('init refuses to add the bank through a questionnaires/ link out of an existing workspace', () => {
    const root = workspace();
    const elsewhere = mkdtempSync(join(tmpdir(), 'touchstone-elsewhere-'));
    created.push(elsewhere);
    rmSync(join(root, 'questionnaires'), { recursive: true });
    symlinkSync(elsewhere, join(root, 'questionnaires'));
    refused(touchstone(['init', root]), /questionnaires\/.*: it leads outside the workspace/);
    expect(readdirSync(elsewhere)).toEqual([]);
  });
});

describe('temporary folders', () => {
  /** Starts a build with its own temporary folder, resolving once the build's private project is there. */
  function startBuild(root: string, tmp: string) {
    const child = spawn(process.execPath, [BIN, 'build', '--out', join(root, 'dist')], { cwd: root, env: { ...process.env, TMPDIR: tmp, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const started = new Promise<string>((resolve, reject) => {
      const poll = setInterval(() => {
        const found = readdirSync(tmp).find((n) => n.startsWith('touchstone-site-'));
        if (found) {
          clearInterval(poll);
          resolve(join(tmp, found));
        }
      }, 20);
      void exited.then(() => { clearInterval(poll); reject(new Error(`build ended before its folder appeared: ${stderr}`)); });
    });
    return { child, started, exited, stderr: () => stderr };
  }

  it('are owner-only, removed when the build is stopped, and a killed build\'s are removed by the next run', async () => {
    const root = workspace();
    const tmp = mkdtempSync(join(tmpdir(), 'touchstone-tmpdir-'));
    created.push(tmp);

    const stopped = startBuild(root, tmp);
    const folder = await stopped.started;
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    stopped.child.kill('SIGTERM');
    expect(await stopped.exited).toBe(143);
    expect(readdirSync(tmp).filter((n) => n.startsWith('touchstone-'))).toEqual([]);

    const killed = startBuild(root, tmp);
    const left = await killed.started;
    killed.child.kill('SIGKILL');
    await killed.exited;
    expect(existsSync(left)).toBe(true); // no hook runs on SIGKILL

    const next = touchstone(['build', '--out', 'dist'], { cwd: root, env: { TMPDIR: tmp } });
    expect(next.status, next.stderr).toBe(0);
    expect(readdirSync(tmp).filter((n) => n.startsWith('touchstone-'))).toEqual([]);
  });
});

describe('build --base', () => {
  it('is not overridden by a BASE_URL in the environment (Vite reads it over the configured base)', () => {
    const root = workspace();
    const result = touchstone(['build', '--out', 'dist', '--base', '/reports/'], { cwd: root, env: { BASE_URL: '/' } });
    expect(result.status, result.stderr).toBe(0);
    const html = readFileSync(join(root, 'dist/en/acme/index.html'), 'utf8');
    expect(html).toContain('href="/reports/en/"');
    expect(html).not.toMatch(/href="\/en\//);
  });
});
