/**
 * Deterministic synthetic workspaces for benchmarks: N organisations × V audit versions ×
 * R respondents, answering the repository's real questionnaire (cx-core@1.0.0) with the
 * real benchmark profile. Seeded, so the same arguments always write the same bytes.
 */
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { QuestionnaireFile } from '../src/core/schema-types.ts';

export interface GenerateOptions {
  orgs: number;
  versions: number;
  respondents: number;
  seed?: number;
}

/** mulberry32: a tiny, well-known seeded PRNG (no dependency needed for reproducible noise). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ROLES = ['Chief executive', 'Store operations', 'Customer service lead', 'Marketing', 'Frontline supervisor', 'Digital', 'Finance', 'Quality'];
const INDUSTRIES = ['retail', 'insurance', 'logistics', 'banking', 'telecom', 'hospitality'];

/** Written into every workspace generated here: the only kind of folder the generator replaces. */
const MARK = '.touchstone-bench-workspace';

export class GenerateError extends Error {}

/**
 * Makes `out` ready for a new workspace: a missing or empty folder is used, and a workspace this
 * generator wrote before is replaced. Anything else (a file, a real workspace, a typo for one)
 * is refused, never deleted.
 */
function prepare(out: string): void {
  if (!existsSync(out)) return;
  if (!lstatSync(out).isDirectory()) throw new GenerateError(`${out} is not a folder; give a new folder for the workspace`);
  const entries = readdirSync(out);
  if (entries.length > 0 && !entries.includes(MARK)) {
    throw new GenerateError(`${out} holds files this generator did not write; give a new or empty folder (nothing was changed)`);
  }
  rmSync(out, { recursive: true, force: true });
}

/** A count of organisations, versions or respondents, as a number or as typed: a whole number from 1 to 10000. */
function count(name: string, value: number | string): number {
  const n = typeof value === 'number' ? value : /^\d{1,5}$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > 10_000) {
    throw new GenerateError(`the number of ${name} must be a whole number from 1 to 10000, not ${Number.isNaN(n) ? `"${String(value).slice(0, 40)}"` : n}`);
  }
  return n;
}

export function generateWorkspace(repo: string, out: string, options: GenerateOptions): { files: number; bytes: number } {
  for (const [name, value] of Object.entries({ organisations: options.orgs, versions: options.versions, respondents: options.respondents })) count(name, value);
  const random = prng(options.seed ?? 42);
  prepare(out);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, MARK), 'Written by bench/generate.ts; the next run may replace this whole folder.\n');
  cpSync(join(repo, 'questionnaires'), join(out, 'questionnaires'), { recursive: true });
  cpSync(join(repo, 'benchmarks'), join(out, 'benchmarks'), { recursive: true });
  const bank = parse(readFileSync(join(repo, 'questionnaires/cx-core/1.0.0.yaml'), 'utf8')) as QuestionnaireFile;
  const questions = [...bank.drivers.flatMap((d) => d.questions), ...(bank.consistency?.questions ?? []),
    ...(bank.benchmark?.questions ?? []), ...(bank.recovery?.questions ?? [])];
  let files = 0;
  let bytes = 0;
  const write = (path: string, text: string) => {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
    files++;
    bytes += Buffer.byteLength(text);
  };
  for (let o = 0; o < options.orgs; o++) {
    const org = `org-${String(o).padStart(4, '0')}`;
    const industry = INDUSTRIES[o % INDUSTRIES.length];
    write(join(out, 'audits', org, 'org.yaml'),
      `name: { en: Organisation ${o}, zh: 机构 ${o} }\nindustry: { id: ${industry}, name: ${industry} }\nlocale: ${o % 2 ? 'zh' : 'en'}\n`);
    const maturity = 0.8 + random() * 2.2;
    for (let v = 0; v < options.versions; v++) {
      const year = 2024 + Math.floor(v / 2);
      const half = (v % 2) + 1;
      const version = `${year}-h${half}`;
      const dir = join(out, 'audits', org, version);
      write(join(dir, 'audit.yaml'), `questionnaire: cx-core@1.0.0\nbenchmark: best-in-class@2026.1\nperiod: { start: ${year}-${half === 1 ? '01' : '07'}-01, end: ${year}-${half === 1 ? '06-30' : '12-31'} }\nstatus: final\n`);
      for (let r = 0; r < options.respondents; r++) {
        const id = `resp-${r}`;
        const lines = [`respondent: { id: ${id}, role: ${ROLES[r % ROLES.length]} }`, 'answers:'];
        for (const q of questions) {
          if (q.type === 'metric') {
            const lo = q.min ?? Math.min(q.target ?? 0, q.floor ?? 0);
            const hi = q.max ?? Math.max(q.target ?? 0, q.floor ?? 0);
            lines.push(`  ${q.id}: ${Math.round(lo + random() * (Math.min(hi, lo + 2 * Math.abs((q.floor ?? 0) - (q.target ?? 0))) - lo))}`);
            continue;
          }
          const level = Math.max(0, Math.min(4, Math.round(maturity + v * 0.3 + (random() - 0.5) * 2)));
          if (random() < 0.15) {
            lines.push(`  ${q.id}:`, `    level: ${level}`, `    comment: Respondent ${r} on ${q.id} in ${version}`,
              `    evidence: [{ link: "https://intranet.example/${org}/${q.id}", date: ${year}-03-01, reviewed-by: qa }]`);
          } else lines.push(`  ${q.id}: ${level}`);
        }
        write(join(dir, 'responses', `${id}.yaml`), `${lines.join('\n')}\n`);
      }
    }
  }
  return { files, bytes };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const [orgs = '10', versions = '3', respondents = '8', out = 'bench/out/workspace'] = process.argv.slice(2);
  const repo = join(import.meta.dirname, '..');
  try {
    const result = generateWorkspace(repo, out, { orgs: count('organisations', orgs), versions: count('versions', versions), respondents: count('respondents', respondents) });
    console.log(`wrote ${result.files} files (${(result.bytes / 1e6).toFixed(1)} MB) to ${out}`);
  } catch (error) {
    if (!(error instanceof GenerateError)) throw error;
    console.error(`generate: ${error.message}\nusage: node bench/generate.ts [organisations] [versions] [respondents] [folder]`);
    process.exitCode = 1;
  }
}
