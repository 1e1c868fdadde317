/**
 * `npm run bench`: measured speed at portfolio scale, as ratios against baselines measured
 * in the same run (never as timed assertions in tests). Prints a table and writes
 * bench/results.json. See bench/README.md for what each figure means.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { scoreAudit, validateWorkspace } from '../src/core/index.ts';
import { generateWorkspace } from './generate.ts';

const repo = join(import.meta.dirname, '..');
const outDir = join(repo, 'bench/out');
const quick = process.argv.includes('--quick');
const REPEAT = quick ? 1 : 3;

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.yaml')).map((f) => join(dir, f));
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

/** Baseline: only read and parse the same YAML files with the same parser. */
function parseOnly(root: string): void {
  for (const file of yamlFiles(root)) {
    const doc = parseDocument(readFileSync(file, 'utf8'));
    doc.toJS();
  }
}

/** Touchstone: validate the whole workspace and score every audit. */
function validateAndScore(root: string): number {
  const { workspace, diagnostics } = validateWorkspace(root);
  if (diagnostics.some((d) => d.severity === 'error')) throw new Error(`generated workspace is invalid: ${diagnostics[0].message}`);
  let n = 0;
  for (const org of workspace.orgs) for (const audit of org.audits) {
    scoreAudit(audit, workspace);
    n++;
  }
  return n;
}

interface Row { figure: string; value: string; target: string; ok: boolean | null }
const rows: Row[] = [];
const results: Record<string, unknown> = {
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
};

// --- validate + score against parse-only, at 1×, 2× and 4× the data
const base = quick ? 10 : 25;
const scales = [1, 2, 4];
const pipeline: { scale: number; orgs: number; files: number; mb: number; parseMs: number; touchstoneMs: number; ratio: number }[] = [];
for (const scale of scales) {
  const root = join(outDir, `ws-${scale}x`);
  const orgs = base * scale;
  const { files, bytes } = generateWorkspace(repo, root, { orgs, versions: 3, respondents: 8 });
  // Warm up both paths once so that JIT and ajv compilation are not billed to the first measurement.
  parseOnly(root);
  validateAndScore(root);
  const parseMs = time(() => parseOnly(root));
  const touchstoneMs = time(() => validateAndScore(root));
  pipeline.push({ scale, orgs, files, mb: bytes / 1e6, parseMs, touchstoneMs, ratio: touchstoneMs / parseMs });
}
results.pipeline = pipeline;
for (const p of pipeline) {
  rows.push({
    figure: `validate+score ${p.orgs} orgs × 3 × 8 (${p.files} files, ${p.mb.toFixed(1)} MB) vs parse only`,
    value: `${p.touchstoneMs.toFixed(0)} ms vs ${p.parseMs.toFixed(0)} ms = ${p.ratio.toFixed(2)}×`,
    target: '≤ 1.5×', ok: p.ratio <= 1.5,
  });
}
for (let i = 1; i < pipeline.length; i++) {
  const growth = pipeline[i].touchstoneMs / pipeline[i - 1].touchstoneMs;
  rows.push({ figure: `growth ${pipeline[i - 1].scale}× → ${pipeline[i].scale}× data`, value: `${growth.toFixed(2)}×`, target: '≤ 2.2× per doubling', ok: growth <= 2.2 });
}

const width = Math.max(...rows.map((r) => r.figure.length));
console.log(`\nTouchstone benchmarks — ${String((results.machine as { cpus: number }).cpus)} cores, ${String((results.machine as { memoryGiB: number }).memoryGiB)} GiB, Node ${process.version}\n`);
for (const r of rows) console.log(`${r.figure.padEnd(width)}  ${r.value.padEnd(34)}  ${r.target.padEnd(20)} ${r.ok === null ? '' : r.ok ? 'ok' : 'MISSED'}`);
results.rows = rows;
writeFileSync(join(repo, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('\nwrote bench/results.json');
void statSync;
