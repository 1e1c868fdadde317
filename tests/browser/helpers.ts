// Shared by the browser tests: build a workspace with the real CLI, serve it on loopback, drive Debian's Chromium.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { serveStatic, type StaticServer } from '../../src/site/static-server.ts';
import { CHROMIUM_ARGS } from '../../src/cli/commands/pdf.ts';

export const REPO = resolve(import.meta.dirname, '../..');
export const TMP = join(REPO, 'tests/.tmp');
export const BIN = join(REPO, 'bin/touchstone.js');

/** The environment of a `touchstone` child: like a user's shell, not vitest's (Astro changes course when it sees VITEST). */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', ...extra };
  for (const key of Object.keys(env)) if (key.startsWith('VITEST') || key === 'NODE_ENV' || key === 'TEST') delete env[key];
  // vitest mirrors import.meta.env into process.env; in a child's Astro build, BASE_URL=/ would override --base.
  for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']) delete env[key];
  return env;
}

export function touchstone(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: REPO, encoding: 'utf8', env: childEnv(env), timeout: 300_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Builds a workspace into tests/.tmp/site-<name> with `touchstone build`; throws with its output on failure. */
export function buildSite(root: string, name: string): string {
  const out = join(TMP, `site-${name}`);
  const result = touchstone(['build', '--root', root, '--out', out]);
  if (result.code !== 0) throw new Error(`touchstone build ${root} failed (${result.code}):\n${result.stdout}\n${result.stderr}`);
  return out;
}

/** The repository's own sample portfolio, when it is there and valid (it is written alongside this site). */
export function sampleIsReady(): boolean {
  if (!existsSync(join(REPO, 'audits'))) return false;
  return touchstone(['validate', '--root', REPO]).code === 0;
}

// The arguments `touchstone pdf` runs Chromium with: the tests drive the browser as the tool does.
export { CHROMIUM_ARGS } from '../../src/cli/commands/pdf.ts';

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}

export interface Site { dir: string; server: StaticServer; url: string }

export async function serve(dir: string): Promise<Site> {
  const server = await serveStatic(dir);
  return { dir, server, url: server.url };
}

/** Records console errors, page errors and failed requests of a page. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  // A request aborted because the test navigated on is not an error of the page.
  page.on('requestfailed', (r) => { if (r.failure()?.errorText !== 'net::ERR_ABORTED') errors.push(`requestfailed: ${r.url()} ${r.failure()?.errorText}`); });
  page.on('response', (r) => { if (r.status() >= 400) errors.push(`http ${r.status()}: ${r.url()}`); });
  return errors;
}

const AXE = readFileSync(join(REPO, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** axe-core WCAG 2.1 A/AA violations on the page, as readable strings. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated over the DevTools protocol: the page's Content-Security-Policy refuses an injected <script>, rightly.
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; help: string; nodes: { target: string[]; failureSummary?: string }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`).join(' | ')}`);
  });
  return violations;
}

/** Every page path of a built site, from its folder (index.html files). */
export function pagePaths(dir: string, sub = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
    if (entry.isDirectory() && entry.name !== '_astro') out.push(...pagePaths(dir, `${sub}/${entry.name}`));
    else if (entry.name === 'index.html') out.push(`${sub}/`);
  }
  return out.sort();
}


/** A free loopback port (Astro's dev server does not report the real port for --port 0). */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export interface DevServer { child: ChildProcess; url: string; output: () => string }

/** `touchstone dev --root <root>` on a free loopback port, once it says it is live; the caller stops it. */
export async function startDev(root: string): Promise<DevServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, 'dev', '--root', root, '--port', String(port)], { cwd: REPO, env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /live at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match) resolve(match[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`touchstone dev exited (${code}):\n${output}`)));
  });
  return { child, url, output: () => output };
}
