/**
 * Builds the static site for a workspace with Astro, atomically: into a temporary folder
 * next to the output, renamed into place only when the whole build succeeded.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILD_MARK, checkBuildOutput } from '../core/index.ts';
import { makeTempFolder, removeTempFolder } from './temp-folders.ts';
import { SITE_MODEL_ENV, SITE_ORGS_ENV } from './preloaded.ts';

/** The Touchstone package folder (where astro.config.mjs and src/pages live). */
export const PACKAGE_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

export interface BuildSiteOptions {
  root: string;
  out: string;
  logLevel?: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  base?: string;
  /**
   * Only these organisations (`build --org`): the site is made from the workspace narrowed to
   * them (core/compare/select.ts selectOrgs), so that no page, data file or PDF knows of any other.
   */
  orgs?: readonly string[];
  /**
   * Render this site-model file (core/report/site-model.ts, as JSON) instead of the workspace:
   * the sentinel test's way in. Never taken from the environment, so that no variable left in a
   * shell can make a build show anything but its validated workspace.
   */
  siteModelFile?: string;
  /**
   * Called about once a second while pages are written, with a way to count them so far.
   * Counting lists the whole output folder, so it is done only when the count will be shown.
   */
  onProgress?: (pagesWritten: () => number) => void;
}

export class SiteBuildError extends Error {}

export async function buildSite(options: BuildSiteOptions): Promise<{ out: string; pages: number }> {
  const out = resolve(options.out);
  // The CLI says this before it starts; checked here too, so that no caller can build over the workspace.
  const refused = checkBuildOutput(options.root, out).problem;
  if (refused) throw new SiteBuildError(`will not build into ${out}: ${refused}`);
  const parent = dirname(out);
  mkdirSync(parent, { recursive: true });
  // Astro keeps per-project state in <project>/.astro (the map of content modules), so builds of
  // different workspaces at once (or a build beside `touchstone dev`) would trample each other.
  // Each build therefore runs in a private copy of the site's sources (a few hundred KB).
  const project = isolatedProject();
  // Astro writes into the private project, where the bundle's imports resolve through the
  // project's node_modules link (a client workspace may have no node_modules of its own);
  // the finished site then moves next to the output folder and is swapped in.
  const built = join(project, 'dist');
  let staging: string | undefined;
  const cacheDir = join(project, '.cache');
  const saved = { root: process.env.TOUCHSTONE_ROOT, out: process.env.TOUCHSTONE_OUT, base: process.env.TOUCHSTONE_BASE, telemetry: process.env.ASTRO_TELEMETRY_DISABLED, baseUrl: process.env.BASE_URL, orgs: process.env[SITE_ORGS_ENV], model: process.env[SITE_MODEL_ENV] };
  // Vite reads BASE_URL from the environment over the configured base: a BASE_URL in the user's
  // shell would have given `--base /reports/` a site whose links all point at /.
  delete process.env.BASE_URL;
  process.env.TOUCHSTONE_ROOT = resolve(options.root);
  // Pages that write a modeline (the answer page) need this package's schemas as the fallback,
  // and inside Astro's bundle import.meta.url no longer says where the package is.
  process.env.TOUCHSTONE_PACKAGE_SCHEMAS = join(PACKAGE_ROOT, 'schemas');
  process.env.TOUCHSTONE_OUT = built;
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  if (options.base) process.env.TOUCHSTONE_BASE = options.base;
  // Set or cleared, never inherited: a build without --org is of the whole workspace.
  if (options.orgs) process.env[SITE_ORGS_ENV] = JSON.stringify(options.orgs);
  else delete process.env[SITE_ORGS_ENV];
  if (options.siteModelFile) process.env[SITE_MODEL_ENV] = resolve(options.siteModelFile);
  else delete process.env[SITE_MODEL_ENV];
  // Astro writes pages as it goes: counting them is the progress.
  const progress = options.onProgress
    ? setInterval(() => options.onProgress!(() => (existsSync(built) ? countHtml(built) : 0)), 1000)
    : undefined;
  // Parts of Astro's build resolve paths from the current folder (its prerender chunks land in
  // ./.astro): build from inside the private project so they resolve through its node_modules.
  const cwd = process.cwd();
  try {
    const { build } = await import('astro');
    process.chdir(project);
    await build({
      root: project,
      outDir: built,
      cacheDir,
      logLevel: options.logLevel ?? 'error',
      ...(options.base ? { base: options.base } : {}),
      // Astro's sync writes TypeScript types and loads content collections, through a second
      // Vite server; the site has no collections (notes are rendered from the validated workspace)
      // and a build needs no types. `sync` is an option of Astro's builder that its build()
      // passes on (Astro 7.3); should a later Astro drop it, a build only takes a second longer.
    }, { sync: false } as Parameters<typeof build>[1]);
    process.chdir(cwd);
    if (progress) clearInterval(progress);
    const pages = countHtml(built);
    if (pages === 0) throw new SiteBuildError('the build produced no pages');
    // The mark that lets the next build replace this folder (and nothing else): see core/read/paths.ts.
    writeFileSync(join(built, BUILD_MARK), `${JSON.stringify({ generator: 'touchstone', version: packageVersion(), replacedByEachBuild: true })}\n`);
    // The new site waits in an owner-only folder beside the output (one file system: the swap is a
    // rename), and the previous one is moved into it, so that one removal clears both.
    staging = makeTempFolder(parent, `.${basename(out)}.building-`);
    const site = join(staging, 'site');
    moveFolder(built, site);
    // Swap in the new site; the previous one stays until the new one is complete.
    if (existsSync(out)) renameSync(out, join(staging, 'previous'));
    renameSync(site, out);
    return { out, pages };
  } catch (error) {
    if (error instanceof SiteBuildError) throw error;
    const where = (error as { loc?: { file?: string; line?: number; column?: number } })?.loc;
    const at = where?.file ? `${where.file}${where.line ? `:${where.line}:${where.column ?? 1}` : ''}: ` : '';
    const wrapped = new SiteBuildError(`the site did not build: ${at}${readableMessage(error, resolve(options.root))}`);
    (wrapped as { cause?: unknown }).cause = error;
    throw wrapped;
  } finally {
    process.chdir(cwd);
    if (progress) clearInterval(progress);
    if (staging) removeTempFolder(staging);
    removeTempFolder(project);
    restore('TOUCHSTONE_ROOT', saved.root);
    restore('TOUCHSTONE_OUT', saved.out);
    restore('TOUCHSTONE_BASE', saved.base);
    restore('ASTRO_TELEMETRY_DISABLED', saved.telemetry);
    restore('BASE_URL', saved.baseUrl);
    restore(SITE_ORGS_ENV, saved.orgs);
    restore(SITE_MODEL_ENV, saved.model);
  }
}

/**
 * What a failed build says, for the person who wrote the workspace: the bundler's message with
 * workspace paths made relative, as in every other diagnostic, and without its own stack frames.
 */
function readableMessage(error: unknown, root: string): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n').filter((line) => !/^\s+at /.test(line)).join('\n')
    .replaceAll(`${root}/`, '').replace(/\n{3,}/g, '\n\n').trim();
}

function restore(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

/** A rename when both folders are on one file system; otherwise a copy, then the source is removed. */
function moveFolder(from: string, to: string): void {
  rmSync(to, { recursive: true, force: true });
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
}

function countHtml(dir: string): number {
  let n = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) n += countHtml(join(dir, entry.name));
    else if (entry.name.endsWith('.html')) n++;
  }
  return n;
}

function packageVersion(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

/** What the Astro project is made of; copied for each build. */
const PROJECT_FILES = ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'schemas', 'public'];

function isolatedProject(): string {
  const project = makeTempFolder(tmpdir(), 'touchstone-site-');
  for (const name of PROJECT_FILES) {
    const from = join(PACKAGE_ROOT, name);
    if (existsSync(from)) cpSync(from, join(project, name), { recursive: true });
  }
  symlinkSync(nodeModules(), join(project, 'node_modules'), 'junction');
  return project;
}

/** The node_modules folder Astro is installed in (the package's own, or a client repository's when hoisted). */
function nodeModules(): string {
  const astro = createRequire(join(PACKAGE_ROOT, 'package.json')).resolve('astro/package.json');
  return dirname(dirname(astro));
}
