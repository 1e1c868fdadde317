/**
 * `npm run bench`: measured speed at portfolio scale, as ratios against baselines measured
 * in the same run (never as timed assertions in tests). Prints a table and writes
 * bench/results.json. See bench/README.md for what each figure means.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseDocument } from 'yaml';
import { scoreAudit, validateWorkspace } from '../src/core/index.ts';
import { CHROMIUM_ARGS } from '../src/cli/commands/pdf.ts';
import { generateWorkspace } from './generate.ts';
import { clientPage, type FileShape, type Manifest } from './baseline-site/src/manifest.ts';

const repo = join(import.meta.dirname, '..');
const outDir = join(repo, 'bench/out');
// The flags of bench/README.md; anything else is a typo that would silently measure the wrong thing.
const FLAGS = { quick: { type: 'boolean' }, 'no-site': { type: 'boolean' }, 'no-pipeline': { type: 'boolean' }, 'no-lighthouse': { type: 'boolean' } } as const;
let flags: { [K in keyof typeof FLAGS]?: boolean };
try {
  flags = parseArgs({ options: FLAGS, allowPositionals: false }).values;
} catch (error) {
  console.error(`bench: ${(error as Error).message}\nusage: npm run bench -- [${Object.keys(FLAGS).map((f) => `--${f}`).join('] [')}]`);
  process.exit(1);
}
const quick = flags.quick === true;
const REPEAT = quick ? 1 : 3;
/** Measured site builds of each kind, after one warm-up build of each. */
const SITE_REPEAT = quick ? 1 : 5;

/** A folder of bench/out, this script's own (git-ignored) scratch space, emptied for a new workspace. */
function scratch(name: string): string {
  const dir = join(outDir, name);
  rmSync(dir, { recursive: true, force: true });
  return dir;
}

/** Every file under `dir` whose name ends with `ending`, as full paths. */
function filesEnding(dir: string, ending: string): string[] {
  return readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith(ending)).map((f) => join(dir, f));
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn: () => void): number {
  const runs: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    const start = performance.now();
    fn();
    runs.push(performance.now() - start);
  }
  return median(runs);
}

/**
 * Baseline: only read and parse the same YAML files with the same parser, into data, and no
 * more: without the package's check for duplicate keys (Touchstone finds those itself).
 */
function parseOnly(root: string): void {
  for (const file of filesEnding(root, '.yaml')) {
    const doc = parseDocument(readFileSync(file, 'utf8'), { uniqueKeys: false });
    doc.toJS();
  }
}

/** Touchstone: validate the whole workspace and score every audit (without the bootstrap: to tell its own cost). */
function validateAndScore(root: string, resample = true): number {
  const { workspace, diagnostics } = validateWorkspace(root);
  if (diagnostics.some((d) => d.severity === 'error')) throw new Error(`generated workspace is invalid: ${diagnostics[0].message}`);
  let n = 0;
  for (const org of workspace.orgs) for (const audit of org.audits) {
    scoreAudit(audit, workspace, { resample });
    n++;
  }
  return n;
}

interface Row { figure: string; value: string; target: string; ok: boolean | null }
const rows: Row[] = [];
const results: Record<string, unknown> = {
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
};

/** Runs a command to completion, timing it and sampling its peak resident memory from /proc. */
/** A process's wall time and peak resident memory. */
interface Measured { ms: number; peakRssMb: number }

function measureProcess(command: string, args: string[], env: Record<string, string> = {}): Measured {
  const script = `
    const { spawn } = require('node:child_process'); const { readFileSync } = require('node:fs');
    const start = performance.now(); let peak = 0;
    const child = spawn(${JSON.stringify(command)}, ${JSON.stringify(args)}, { stdio: ['ignore', 'ignore', 'inherit'] });
    const sample = () => { try { const m = /VmHWM:\\s+(\\d+)/.exec(readFileSync('/proc/' + child.pid + '/status', 'utf8')); if (m) peak = Math.max(peak, Number(m[1])); } catch {} };
    const timer = setInterval(sample, 100);
    child.on('exit', (code) => { clearInterval(timer); console.log(JSON.stringify({ code, ms: performance.now() - start, peakRssMb: peak / 1024 })); });`;
  const result = spawnSync(process.execPath, ['-e', script], { env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1e8 });
  const measured = JSON.parse(result.stdout.trim().split('\n').pop()!) as Measured & { code: number };
  if (measured.code !== 0) throw new Error(`${args.join(' ')} failed with exit code ${measured.code}`);
  return { ms: measured.ms, peakRssMb: measured.peakRssMb };
}

/**
 * What the baseline must write to mirror a file (bench/baseline-site/src/manifest.ts): its bytes
 * and non-ASCII characters; for a page, also the tags rendered through templates, and the bytes
 * and non-ASCII characters of the HTML a report writes prebuilt (its traceability appendix).
 */
function fileShape(file: string): FileShape {
  const bytes = readFileSync(file);
  const text = bytes.toString('utf8');
  const wide = nonAscii(text);
  if (!file.endsWith('.html')) return [bytes.length, wide];
  // The appendix: what follows its heading, up to the end of its section.
  const raw = /aria-labelledby="traceability">.*?<\/h2>(.*?)<\/section>/s.exec(text)?.[1] ?? '';
  return [bytes.length, wide, tagCount(text) - tagCount(raw), Buffer.byteLength(raw), nonAscii(raw)];
}
function nonAscii(text: string): number {
  let n = 0;
  for (const c of text) if (c.charCodeAt(0) > 0x7f) n++;
  return n;
}
const tagCount = (html: string): number => html.match(/<[a-zA-Z]/g)?.length ?? 0;


/** Gzipped bytes of a page's HTML and of every script it loads (module imports followed). */
function pageWeight(siteRoot: string, page: string): { htmlGzip: number; jsGzip: number; scripts: string[] } {
  const html = readFileSync(page, 'utf8');
  const seen = new Set<string>();
  const queue = [...html.matchAll(/<script[^>]+src="([^"]+)"/g), ...html.matchAll(/import\s*(?:[^'"]*from\s*)?["']([^"']+\.js)["']/g), ...html.matchAll(/component-url="([^"]+)"/g), ...html.matchAll(/renderer-url="([^"]+)"/g)].map((m) => m[1]);
  let jsGzip = 0;
  while (queue.length) {
    const src = queue.shift()!;
    if (seen.has(src) || !src.startsWith('/')) continue;
    seen.add(src);
    const file = join(siteRoot, src);
    if (!existsSync(file)) continue;
    const js = readFileSync(file, 'utf8');
    jsGzip += gzipSync(js).length;
    for (const m of js.matchAll(/(?:import|from)\s*\(?["'](\.\/[^"']+\.js|\/[^"']+\.js)["']/g)) queue.push(m[1].startsWith('./') ? join(src, '..', m[1]) : m[1]);
  }
  return { htmlGzip: gzipSync(html).length, jsGzip, scripts: [...seen] };
}

/** Google's Lighthouse CLI (fetched with npx, not a dependency) against the page served on loopback, with Debian's Chromium. */
async function lighthouse(siteRoot: string, path: string): Promise<Record<string, number> | null> {
  const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.png': 'image/png', '.ico': 'image/x-icon' };
  const serverScript = `
    const http = require('node:http'); const fs = require('node:fs'); const path = require('node:path');
    const root = ${JSON.stringify(siteRoot)}; const types = ${JSON.stringify(types)};
    const server = http.createServer((req, res) => {
      let p = path.join(root, decodeURIComponent(req.url.split('?')[0]));
      if (fs.existsSync(p) && fs.statSync(p).isDirectory()) p = path.join(p, 'index.html');
      if (!fs.existsSync(p)) { res.writeHead(404); return res.end(); }
      res.writeHead(200, { 'content-type': types[path.extname(p)] || 'application/octet-stream', 'cache-control': 'max-age=31536000' });
      res.end(fs.readFileSync(p));
    }).listen(0, '127.0.0.1', () => console.log(server.address().port));`;
  const server = spawn(process.execPath, ['-e', serverScript], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const port = await new Promise<string>((resolvePort) => server.stdout!.once('data', (d) => resolvePort(String(d).trim())));
    const report = join(outDir, 'lighthouse.json');
    // The browser as `touchstone pdf` and the browser tests run it (one list of arguments).
    const flags = ['--headless=new', ...CHROMIUM_ARGS].join(' ');
    const run = spawnSync('npx', ['-y', 'lighthouse@13', `http://127.0.0.1:${port}${path}`, '--chrome-path=/usr/bin/chromium', `--chrome-flags=${flags}`,
      '--only-categories=performance,accessibility,best-practices', '--output=json', `--output-path=${report}`, '--quiet'], { stdio: 'inherit', env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' } });
    if (run.status !== 0 || !existsSync(report)) return null;
    const categories = (JSON.parse(readFileSync(report, 'utf8')) as { categories: Record<string, { score: number }> }).categories;
    return Object.fromEntries(Object.entries(categories).map(([k, v]) => [k, Math.round(v.score * 100)]));
  } finally {
    server.kill();
  }
}

// --- full static build: 100 organisations × 3 versions (300 reports, both languages)
if (!flags['no-site']) {
  const orgs = quick ? 10 : 100;
  const root = scratch('ws-site');
  generateWorkspace(repo, root, { orgs, versions: 3, respondents: 8 });
  const siteOut = join(outDir, 'site');
  const buildTouchstone = () => measureProcess(process.execPath, [join(repo, 'bin/touchstone.js'), 'build', '--root', root, '--out', siteOut]);
  // The first build after a code change also fills Node's compile cache (a user's builds after
  // the first start from it): one build of each is a warm-up, not measured.
  buildTouchstone();
  const pages = filesEnding(siteOut, '.html');
  const reports = pages.filter((p) => /\/(en|zh)\/[^/]+\/[^/]+\/index\.html$/.test(p) && !/\/(questionnaires|methodology)\//.test(p));
  const reportBytes = reports.reduce((n, p) => n + statSync(p).size, 0) / Math.max(1, reports.length);
  // The baseline writes what Touchstone wrote: as many HTML pages and JSON files, each with as
  // many bytes and as many non-ASCII characters (which cost more to encode).
  const jsonFiles = filesEnding(siteOut, '.json');
  const manifestFile = join(outDir, 'baseline-manifest.json');
  const sizes: Manifest = { html: pages.map(fileShape), json: jsonFiles.map(fileShape) };
  writeFileSync(manifestFile, JSON.stringify(sizes));
  const baselineOut = join(outDir, 'baseline-site');
  const buildBaseline = () => measureProcess(process.execPath, [join(repo, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', join(repo, 'bench/baseline-site')], {
    BASELINE_MANIFEST: manifestFile, BASELINE_OUT: baselineOut,
  });
  // A build varies by up to 10% from run to run on 2 cores, the baseline's by up to 15%: after
  // the warm-up, each build runs five times, alternating, and the medians are compared.
  buildBaseline();
  const touchstoneRuns: Measured[] = [];
  const baselineRuns: Measured[] = [];
  for (let i = 0; i < SITE_REPEAT; i++) {
    touchstoneRuns.push(buildTouchstone());
    baselineRuns.push(buildBaseline());
  }
  const medianRun = (runs: Measured[]) => ({
    ms: median(runs.map((r) => r.ms)), peakRssMb: Math.max(...runs.map((r) => r.peakRssMb)), runsMs: runs.map((r) => Math.round(r.ms)),
  });
  const touchstoneBuild = medianRun(touchstoneRuns);
  const baseline = medianRun(baselineRuns);
  const baselinePages = filesEnding(baselineOut, '.html');
  if (baselinePages.length !== pages.length) throw new Error(`the baseline wrote ${baselinePages.length} pages, not ${pages.length}`);
  // The comparison means something only if the baseline wrote as much: each file within 1% (or
  // 64 bytes) of the one it mirrors, with as many non-ASCII characters; the page carrying the
  // client code within 5%; all within 1%; and about as many tags through templates (5%).
  const written = (files: string[]) => files.reduce((n, f) => n + statSync(f).size, 0);
  const baselineJson = filesEnding(baselineOut, '.json');
  const [ours, theirs] = [written(pages) + written(jsonFiles), written(baselinePages) + written(baselineJson)];
  if (Math.abs(theirs / ours - 1) > 0.01) throw new Error(`the baseline wrote ${theirs} bytes, not about ${ours}`);
  const client = clientPage(sizes.html);
  let [ourTags, theirTags] = [0, 0];
  const mirror = (mine: string, its: string, shape: FileShape, slack: number) => {
    const [bytes, wide, tags] = fileShape(its);
    if (Math.abs(bytes - shape[0]) > Math.max(64, shape[0] * slack) || Math.abs(wide - shape[1]) > shape[1] * slack) {
      throw new Error(`the baseline's ${its} has ${bytes} bytes and ${wide} non-ASCII characters, not about ${shape[0]} and ${shape[1]} as ${mine}`);
    }
    ourTags += shape[2] ?? 0;
    theirTags += tags ?? 0;
  };
  pages.forEach((p, i) => mirror(p, join(baselineOut, i === client ? 'client' : `p-${i}`, 'index.html'), sizes.html[i]!, i === client ? 0.05 : 0.01));
  jsonFiles.forEach((f, i) => mirror(f, join(baselineOut, `d-${i}.json`), sizes.json[i]!, 0.01));
  if (Math.abs(theirTags / ourTags - 1) > 0.05) throw new Error(`the baseline rendered ${theirTags} tags through templates, not about ${ourTags}`);
  // …and bundled the same client code (bench/baseline-site/src/pages/client.astro): the same scripts, by name and hash.
  const scripts = (dir: string) => (existsSync(join(dir, '_astro')) ? readdirSync(join(dir, '_astro')).filter((f) => f.endsWith('.js')).sort().join(', ') : '');
  if (scripts(baselineOut) !== scripts(siteOut)) {
    throw new Error(`the baseline bundled other scripts than Touchstone (${scripts(baselineOut)} against ${scripts(siteOut)}): update bench/baseline-site/src/pages/client.astro`);
  }
  const ratio = touchstoneBuild.ms / baseline.ms;
  results.site = { orgs, pages: pages.length, reports: reports.length, reportHtmlBytes: Math.round(reportBytes), bytesWritten: { touchstone: ours, baseline: theirs }, templateTags: { touchstone: ourTags, baseline: theirTags }, touchstone: touchstoneBuild, baseline };
  rows.push({ figure: `site build ${orgs} orgs × 3 versions (${reports.length} report pages, ${pages.length} pages) vs an Astro site writing the same files without the pipeline`, value: `${(touchstoneBuild.ms / 1000).toFixed(1)} s vs ${(baseline.ms / 1000).toFixed(1)} s = ${ratio.toFixed(2)}×`, target: '≤ 2×', ok: ratio <= 2 });
  rows.push({ figure: 'site build pages per second', value: `${(pages.length / (touchstoneBuild.ms / 1000)).toFixed(1)} pages/s`, target: '', ok: null });
  rows.push({ figure: 'site build peak memory (RSS)', value: `${(touchstoneBuild.peakRssMb / 1024).toFixed(2)} GiB`, target: '≤ 2 GiB', ok: touchstoneBuild.peakRssMb <= 2048 });

  // Per report page: what a reader downloads, gzipped.
  const sample = reports.find((p) => p.includes('/en/')) ?? reports[0];
  if (sample) {
    const weight = pageWeight(siteOut, sample);
    results.pageWeight = { page: sample.slice(siteOut.length), ...weight };
    rows.push({ figure: `report page HTML (gzip) ${sample.slice(siteOut.length)}`, value: `${(weight.htmlGzip / 1024).toFixed(1)} KB`, target: '≤ 150 KB', ok: weight.htmlGzip <= 150 * 1024 });
    rows.push({ figure: 'report page JavaScript (gzip, all scripts it loads)', value: `${(weight.jsGzip / 1024).toFixed(1)} KB`, target: '≤ 100 KB', ok: weight.jsGzip <= 100 * 1024 });
  }

  // Incremental rebuild: Astro's static build re-renders every page; report what one changed file costs.
  const response = readdirSync(join(root, 'audits/org-0000/2025-h1/responses'))[0];
  const responsePath = join(root, 'audits/org-0000/2025-h1/responses', response);
  writeFileSync(responsePath, readFileSync(responsePath, 'utf8').replace(/: (\d)$/m, (_, d) => `: ${(Number(d) + 1) % 5}`));
  const rebuild = measureProcess(process.execPath, [join(repo, 'bin/touchstone.js'), 'build', '--root', root, '--out', siteOut]);
  results.incremental = { ms: rebuild.ms, note: 'astro build has no incremental mode for static output: the whole site is rebuilt; `touchstone dev` re-renders only the page being viewed' };
  rows.push({ figure: 'rebuild after one response file changed (full rebuild)', value: `${(rebuild.ms / 1000).toFixed(1)} s`, target: 'report', ok: null });

  if (!flags['no-lighthouse'] && sample) {
    const lh = await lighthouse(siteOut, sample.slice(siteOut.length).replace(/index\.html$/, ''));
    results.lighthouse = lh;
    if (lh) {
      rows.push({ figure: 'lighthouse performance', value: String(lh.performance), target: '≥ 95', ok: lh.performance >= 95 });
      rows.push({ figure: 'lighthouse accessibility', value: String(lh.accessibility), target: '100', ok: lh.accessibility >= 100 });
      rows.push({ figure: 'lighthouse best practices', value: String(lh['best-practices']), target: '≥ 95', ok: lh['best-practices'] >= 95 });
    } else rows.push({ figure: 'lighthouse', value: 'could not run (see log above)', target: '', ok: null });
  }
}

// --- validate + score against parse-only, at 1×, 2× and 4× the data. Measured after the site
// builds: the workspaces these runs load stay in this process's memory, and builds started
// beside that ran up to 20% slower (13 s instead of 11 s), which the baseline did not show.
const siteRows = rows.splice(0);
const base = quick ? 10 : 25;
const scales = [1, 2, 4];
const pipeline: { scale: number; orgs: number; files: number; mb: number; parseMs: number; touchstoneMs: number; withoutBootstrapMs: number; ratio: number }[] = [];
for (const scale of flags['no-pipeline'] ? [] : scales) {
  const root = scratch(`ws-${scale}x`);
  const orgs = base * scale;
  const { files, bytes } = generateWorkspace(repo, root, { orgs, versions: 3, respondents: 8 });
  // Warm up both paths once so that JIT and ajv compilation are not billed to the first measurement.
  parseOnly(root);
  validateAndScore(root);
  const parseMs = time(() => parseOnly(root));
  const touchstoneMs = time(() => validateAndScore(root));
  const withoutBootstrapMs = time(() => validateAndScore(root, false));
  pipeline.push({ scale, orgs, files, mb: bytes / 1e6, parseMs, touchstoneMs, withoutBootstrapMs, ratio: touchstoneMs / parseMs });
}
results.pipeline = pipeline;
for (const p of pipeline) {
  rows.push({
    figure: `validate+score ${p.orgs} orgs × 3 × 8 (${p.files} files, ${p.mb.toFixed(1)} MB) vs parse only`,
    value: `${p.touchstoneMs.toFixed(0)} ms vs ${p.parseMs.toFixed(0)} ms = ${p.ratio.toFixed(2)}×`,
    target: '≤ 1.5×', ok: p.ratio <= 1.5,
  });
}
for (const p of pipeline) {
  // The bootstrap's own share: the same run with and without it (2,000 resamples per audit).
  rows.push({
    figure: `  of which the bootstrap, ${p.orgs} orgs (${p.orgs * 3} audits)`,
    value: `${(p.touchstoneMs - p.withoutBootstrapMs).toFixed(0)} ms = ${((p.touchstoneMs - p.withoutBootstrapMs) / p.parseMs).toFixed(2)}× parse only`,
    target: 'reported', ok: null,
  });
}
for (let i = 1; i < pipeline.length; i++) {
  const growth = pipeline[i].touchstoneMs / pipeline[i - 1].touchstoneMs;
  rows.push({ figure: `growth ${pipeline[i - 1].scale}× → ${pipeline[i].scale}× data`, value: `${growth.toFixed(2)}×`, target: '≤ 2.2× per doubling', ok: growth <= 2.2 });
}
rows.push(...siteRows);

const width = Math.max(...rows.map((r) => r.figure.length));
console.log(`\nTouchstone benchmarks — ${String((results.machine as { cpus: number }).cpus)} cores, ${String((results.machine as { memoryGiB: number }).memoryGiB)} GiB, Node ${process.version}\n`);
for (const r of rows) console.log(`${r.figure.padEnd(width)}  ${r.value.padEnd(34)}  ${r.target.padEnd(20)} ${r.ok === null ? '' : r.ok ? 'ok' : 'MISSED'}`);
results.rows = rows;
writeFileSync(join(repo, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('\nwrote bench/results.json');
