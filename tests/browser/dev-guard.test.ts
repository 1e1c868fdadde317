// `touchstone dev` on the room's network: it serves the site's pages and what they load, never the
// files behind them (src/site/dev-guard.ts). Real dev server, real HTTP requests on 127.0.0.1.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, childEnv, launch, REPO, startDev, TMP, watchErrors } from './helpers.ts';

const WS = join(TMP, 'ws-dev-guard');
const children: ChildProcess[] = [];
let url = '';
/** Everything the server has printed (stdout and stderr). */
let output: () => string = () => '';

/** A GET with the path sent exactly as written (fetch would normalise it). */
function get(path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path, method: 'GET', headers: { accept: 'text/html,*/*' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => { body += c; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** No absolute path of this machine's folders, and no stack frame. */
function expectNothingLocal(text: string, what: string): void {
  expect(text, what).not.toContain(REPO);
  expect(text, what).not.toContain(WS);
  expect(text, what).not.toMatch(/\n\s+at \S/);
}

beforeAll(async () => {
  rmSync(WS, { recursive: true, force: true });
  cpSync(join(REPO, 'tests/fixtures/minimal'), WS, { recursive: true });
  const dev = await startDev(WS);
  children.push(dev.child);
  url = dev.url;
  output = dev.output;
}, 60_000);

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  rmSync(WS, { recursive: true, force: true });
});

describe('touchstone dev serves the pages, not the files behind them', () => {
  it('loads every kind of page with all it needs, and no response names a folder of this machine', async () => {
    expect(output()).not.toMatch(/warning/i); // on loopback, no network warning
    const browser = await launch();
    try {
      const page = await browser.newPage();
      const errors = watchErrors(page);
      const leaks: string[] = [];
      page.on('response', async (response) => {
        const body = await response.text().catch(() => '');
        if (body.includes(REPO) || body.includes(WS)) leaks.push(response.url());
      });
      page.on('websocket', (ws) => ws.on('framereceived', (frame) => {
        if (String(frame.payload).includes(REPO)) leaks.push(`websocket: ${String(frame.payload).slice(0, 200)}`);
      }));
      for (const path of ['/en/', '/en/acme/2026-q3/', '/zh/acme/', '/en/acme/2026-q3/present/', '/en/methodology/',
        '/en/questionnaires/mini/1.0.0/', '/en/questionnaires/mini/1.0.0/answer/']) {
        const response = await page.goto(url + path.slice(1), { waitUntil: 'networkidle' });
        expect(response?.status(), path).toBe(200);
      }
      // The answer page's island (React, ajv, the schemas) came up, and checks the draft with the schemas.
      await page.locator('[data-testid="progress"]').waitFor();
      await page.locator('[data-testid="check"]').waitFor();
      expect(errors).toEqual([]);
      expect(leaks).toEqual([]);
      expect((await fetch(`${url}data/acme/2026-q3.json`)).status).toBe(200);
      expect((await fetch(`${url}favicon.svg`)).status).toBe(200);
      // Astro's island loader asks again with ?astro-retry= when an import failed (a dependency re-optimised, say).
      expect((await fetch(`${url}src/components/capture/CaptureApp.tsx?astro-retry=1`)).status).toBe(200);
    } finally {
      await browser.close();
    }
  }, 120_000);

  // Each class of request that read a file before, with one that must be refused. (The workspace
  // is in tests/.tmp, inside the package: Vite's root, which also holds the sample workspace.)
  const ws = WS.slice(REPO.length); // the workspace, as a path under Vite's root
  const denied: [string, string][] = [
    ['/@fs into the workspace, raw', `/@fs${WS}/audits/acme/org.yaml?raw`],
    ['/@fs into the workspace', `/@fs${WS}/audits/acme/2026-q3/responses/ceo.yaml`],
    ['/@fs into the workspace, ?import', `/@fs${WS}/touchstone.yaml?import`],
    ['/@fs into the package', `/@fs${REPO}/package.json`],
    ['/@fs outside both', '/@fs/etc/passwd'],
    ['/@fs through the name responses use', '/@fs/@workspace/audits/acme/org.yaml'],
    ['a workspace file under Vite’s root', `${ws}/audits/acme/org.yaml`],
    ['a workspace file under Vite’s root, raw', `${ws}/audits/acme/org.yaml?raw`],
    ['the sample workspace’s settings', '/touchstone.yaml'],
    ['the sample workspace’s settings, ?url', '/touchstone.yaml?url'],
    ['an audit folder', '/audits/'],
    ['a questionnaire', '/questionnaires/cx-core/1.0.0.yaml'],
    ['a benchmark folder', '/benchmarks/'],
    ['a schema, as a file', '/schemas/response.schema.json'],
    ['a schema, raw', '/schemas/response.schema.json?raw'],
    ['git', '/.git/HEAD'],
    ['git config', '/.git/config'],
    ['the package manifest', '/package.json'],
    ['the package manifest, as a module', '/package'],
    ['the README', '/README.md'],
    ['the built site', '/dist/'],
    ['server-side source', '/src/site/data.ts'],
    ['server-side source, raw', '/src/site/data.ts?raw'],
    ['a page’s source', '/src/pages/index.astro'],
    ['a CLI source', '/src/cli/commands/dev.ts'],
    ['a stylesheet, raw', '/src/styles/site.css?raw'],
    ['a stylesheet, ?inline', '/src/styles/site.css?inline'],
    ['a stylesheet, ?url', '/src/styles/site.css?url'],
    ['a client module, raw', '/src/components/present/deck.ts?raw'],
    ['a client module, as a worker', '/src/components/present/deck.ts?worker'],
    ['the notes module (absolute paths)', '/@id/__x00__virtual:touchstone/notes'],
    ['an /@id/ of a file', `/@id/${REPO}/package.json`],
    ['a dependency, raw', '/node_modules/react/index.js?raw'],
    ['a dependency’s manifest', '/node_modules/vite/package.json'],
    ['the pre-bundle metadata', '/node_modules/.vite/deps/_metadata.json'],
    ['open in editor', '/__open-in-editor?file=package.json'],
    ['a page, raw', '/en/?raw'],
    ['a page, ?import', '/en/acme/2026-q3/?import'],
    ['the public folder by name', '/public/favicon.svg'],
    ['the tests', '/tests/fixtures/minimal/touchstone.yaml'],
  ];
  it.each(denied)('refuses %s (%s) with 403/404, no content and no path', async (_what, path) => {
    const { status, body } = await get(path);
    expect([403, 404]).toContain(status);
    expectNothingLocal(body, path);
    expect(body).not.toMatch(/Acme|respondent|questionnaire|"name"|\$schema|import |export /);
  });

  const malformed: [string, string, number][] = [
    ['a cut UTF-8 sequence', '/%E0%A4%A', 400],
    ['a byte that is not UTF-8', '/en/%ff/', 400],
    ['a cut sequence in a report path', '/en/acme/%E0%A4%A/', 400],
    ['encoded slashes climbing out', '/..%2f..%2fetc/passwd', 400],
    ['dot segments climbing out', '/en/../../etc/passwd', 400],
    ['/@fs with encoded slashes', '/@fs/..%2f..%2fetc/passwd', 400],
    ['a terminal escape', '/en/%1b[31mred/', 400],
    ['a NUL', '/en/%00/', 400],
    ['a very long page path', `/en/${'a'.repeat(5000)}/`, 400],
    ['a very long module path', `/src/${'a/'.repeat(3000)}x.ts`, 400],
  ];
  it.each(malformed)('answers a malformed URL (%s) with a plain 400 page, and prints no stack', async (_what, path, expected) => {
    const before = output().length;
    const { status, body } = await get(path);
    expect(status).toBe(expected);
    expectNothingLocal(body, path);
    expect(body.length).toBeLessThan(1000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const printed = output().slice(before);
    expectNothingLocal(printed, `terminal after ${path}`);
    expect(printed).not.toMatch(/error/i);
  });

  it('shows a workspace error with its file and line, and no stack or absolute path on the page or in the terminal', async () => {
    const file = join(WS, 'audits/acme/2026-q3/responses/ceo.yaml');
    const good = readFileSync(file, 'utf8');
    const before = output().length;
    const browser = await launch();
    try {
      const page = await browser.newPage();
      const frames: string[] = [];
      page.on('websocket', (ws) => ws.on('framereceived', (frame) => { frames.push(String(frame.payload)); }));
      writeFileSync(file, good.replace(/momentum\.act-now: \d/, 'momentum.act-now: [0'));
      const response = await page.goto(`${url}en/acme/2026-q3/`);
      expectNothingLocal(await response!.text(), 'the error page');
      await page.waitForFunction(() => /responses\/ceo\.yaml:\d+:\d+/.test([...document.querySelectorAll('*')].map((e) => e.shadowRoot?.textContent ?? '').join('')), undefined, { timeout: 10_000 });
      const error = frames.find((f) => f.includes('"type":"error"'));
      expect(error).toBeDefined();
      expectNothingLocal(error!, 'the error sent to the page');
      expect(JSON.parse(error!).err.stack).toBe('');
      const printed = output().slice(before);
      expect(printed).toMatch(/responses\/ceo\.yaml:\d+:\d+/);
      expectNothingLocal(printed, 'the terminal');
    } finally {
      writeFileSync(file, good);
      await browser.close();
    }
  }, 60_000);
});

describe('touchstone dev --host', () => {
  it('warns on stderr, in one line, that anyone on the network can read the reports', async () => {
    // It only listens (on every interface, port 0: any free one), is asked nothing, and is stopped.
    const child = spawn(process.execPath, [BIN, 'dev', '--root', WS, '--host', '0.0.0.0', '--port', '0'], {
      cwd: REPO, env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let stderr = '';
    const line = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no warning:\n${stderr}`)), 30_000);
      child.stderr!.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const found = stderr.split('\n').find((l) => /network/.test(l));
        if (found) { clearTimeout(timer); resolve(found); }
      });
      child.once('exit', (code) => reject(new Error(`touchstone dev exited (${code}):\n${stderr}`)));
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    expect(line).toMatch(/^Warning: --host 0\.0\.0\.0 .*network.*anyone .*read the reports/);
    expectNothingLocal(line, 'the warning');
  }, 40_000);
});
