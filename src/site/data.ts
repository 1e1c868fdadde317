/**
 * The one bridge from the workspace to the site: loads, validates and scores the workspace
 * named by TOUCHSTONE_ROOT (default: the current folder). Pages never parse YAML themselves.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { INSTALLED_SCHEMAS, schemasDirFor } from '../core/index.ts';
import { hasErrors } from '../core/index.ts';
import type { QuestionnaireModel, Workspace } from '../core/index.ts';
import { siteModel, type AuditEntry, type OrgEntry, type SiteModel } from '../core/index.ts';
import { RESERVED_ORG_NAMES } from '../core/index.ts';
import { validateWorkspace } from '../core/index.ts';
import { sharedParseCache } from '../core/index.ts';
import { workspaceEntries } from '../core/index.ts';
import { SITE_MODEL_ENV, siteOrgs, takeValidatedWorkspace } from './preloaded.ts';
import { selectOrgs } from '../core/index.ts';
import { LANGS, tr, type Lang } from './i18n.ts';

/** An audit as its pages see it (core/report/site-model.ts), with the one before it. */
export type AuditView = AuditEntry & { previous?: AuditView };

export interface OrgView extends OrgEntry {
  audits: AuditView[];
  latest?: AuditView;
}

/**
 * The site model (what the report pages render) and, for the questionnaire browser, answer form
 * and methodology pages, the workspace's questionnaires (none when the site is rendered from a
 * site-model file).
 */
export interface SiteData extends Omit<SiteModel, 'orgs'> {
  root: string;
  orgs: OrgView[];
  questionnaireModels: QuestionnaireModel[];
  git: { commit: string; date: string } | null;
}

let cached: Promise<SiteData> | undefined;
let cachedStamp: string | undefined;

export function workspaceRoot(): string {
  return resolve(process.env.TOUCHSTONE_ROOT || process.cwd());
}

/**
 * Loads the workspace once per build; in `astro dev` again after any change, so edits show
 * at once. A promise: `touchstone build` starts Astro while it is still validating the workspace.
 */
export function siteData(): Promise<SiteData> {
  if (cached && !import.meta.env?.DEV) return cached;
  // In `astro dev` a page view (its route, page and layout each ask) reuses the last load
  // while no workspace file has changed: a listing costs milliseconds, a load most of a second.
  const root = workspaceRoot();
  const stamp = import.meta.env?.DEV ? fingerprint(root) : '';
  if (cached && stamp === cachedStamp) return cached;
  cachedStamp = stamp;
  cached = load(root);
  return cached;
}

/** What changes when any workspace file is added, removed, renamed or written. */
function fingerprint(root: string): string {
  return workspaceEntries(root).map((e) => `${e.rel}\0${e.size}\0${e.mtimeMs}`).join('\n');
}

async function load(root: string): Promise<SiteData> {
  const modelFile = process.env[SITE_MODEL_ENV];
  if (modelFile) return loadModelFile(modelFile, root);
  // In a build, the CLI validates this workspace (and hands it over); in `astro dev`, or a plain
  // `astro build`, it is read here, afresh each time.
  const handoff = import.meta.env?.DEV ? undefined : takeValidatedWorkspace(root);
  const { workspace: validated, diagnostics } = handoff
    ? await handoff
    // In `astro dev`, a save re-parses only the files it changed (every check still runs).
    : validateWorkspace(root, import.meta.env?.DEV ? { preparsed: sharedParseCache().preparse(root) } : {});
  if (hasErrors(diagnostics)) {
    const lines = diagnostics.filter((d) => d.severity === 'error').slice(0, 20)
      .map((d) => `${d.file}:${d.line}:${d.col}: error ${d.code}: ${d.message}`);
    // A problem in the data, not in Touchstone: no stack (`astro dev` printed one in the terminal
    // and sent it to the page), and in `touchstone dev` no absolute path (the page may be on the
    // room's network). The files are named relative to the workspace.
    const where = import.meta.env?.DEV ? 'The workspace' : `The workspace at ${root}`;
    const error = new Error(`${where} has errors; run \`touchstone validate\`.\n${lines.join('\n')}`);
    error.stack = '';
    throw error;
  }
  const workspace = onlyChosenOrgs(validated);
  const questionnaireModels = [...workspace.questionnaires.values()]
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return siteDataOf(siteModel(workspace), root, questionnaireModels, gitInfo(root));
}

/** The views of a site model: each organisation's audits linked to the one before. */
function siteDataOf(model: SiteModel, root: string, questionnaireModels: QuestionnaireModel[], git: SiteData['git']): SiteData {
  const orgs: OrgView[] = model.orgs.map((o) => {
    const audits: AuditView[] = [];
    // Prototype-linked rather than spread: each report stays computed on first use.
    for (const entry of o.audits) audits.push(Object.assign(Object.create(entry) as AuditEntry, { previous: audits.at(-1) }));
    return { ...o, audits, latest: audits.at(-1) };
  });
  return {
    ...(model.title !== undefined ? { title: model.title } : {}),
    defaultLang: model.defaultLang, hideNames: model.hideNames, questionnaires: model.questionnaires,
    get portfolio() { return model.portfolio; },
    root, orgs, questionnaireModels, git,
  };
}

/**
 * A site rendered from a site-model file (TOUCHSTONE_SITE_MODEL) rather than a workspace: the
 * report, trend and portfolio pages, from whatever computed the model. The sentinel test renders
 * one made by hand, to show that every number on those pages comes from the model.
 */
function loadModelFile(file: string, root: string): SiteData {
  // Said as a data problem (no stack), like a workspace error: the file is the input, not Touchstone.
  const refuse = (why: string): never => {
    const error = new Error(`the site model ${file} ${why}`);
    error.stack = '';
    throw error;
  };
  let model: SiteModel & { git?: SiteData['git'] };
  try {
    model = JSON.parse(readFileSync(file, 'utf8')) as typeof model;
  } catch (error) {
    return refuse(`could not be read as JSON: ${(error as Error).message}`);
  }
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObject(model) || !Array.isArray(model.orgs) || !isObject(model.questionnaires) || !isObject(model.portfolio)) {
    return refuse('is not a site model: it needs "orgs" (a list), "questionnaires" and "portfolio"');
  }
  for (const o of model.orgs as unknown[]) {
    const audits = isObject(o) && Array.isArray(o.audits) ? (o.audits as unknown[]) : refuse('has an organisation without "audits"');
    for (const a of audits) {
      const report = isObject(a) ? a.report : undefined;
      if (!isObject(report) || report.schemaVersion !== 1) refuse('has an audit without a report model of schemaVersion 1');
      else if (!isObject(model.questionnaires[String(report.questionnaire)])) refuse(`has no words for the questionnaire "${String(report.questionnaire)}"`);
    }
  }
  return siteDataOf(model, root, [], model.git ?? null);
}

/**
 * The workspace as the site may show it: with `build --org` (and in `pdf`), only the chosen
 * organisations, before anything is scored, so that no page, data file, ranking or portfolio
 * figure is made from any other (core/compare/select.ts).
 */
function onlyChosenOrgs(workspace: Workspace): Workspace {
  const ids = siteOrgs();
  if (ids === undefined) return workspace;
  const chosen = selectOrgs(workspace, ids);
  if (chosen.ok) return chosen.workspace;
  // The CLI checks the ids first; this stops a build that was started before they could be checked.
  const error = new Error(`--org: there is no organisation "${chosen.unknown}"`);
  error.stack = '';
  throw error;
}

/** The workspace's last commit and its date (never the wall clock), or null outside git. */
function gitInfo(root: string): { commit: string; date: string } | null {
  try {
    const out = execFileSync('git', ['log', '-1', '--format=%H%x09%cI'], {
      cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000,
    }).trim();
    const [commit, date] = out.split('\t');
    if (!commit || !/^[0-9a-f]{40}$/.test(commit) || !date) return null;
    return { commit, date };
  } catch {
    return null;
  }
}

export function findAudit(data: SiteData, org: string, version: string): AuditView | undefined {
  return data.orgs.find((o) => o.id === org)?.audits.find((a) => a.version === version);
}

/** What every per-audit page (report, presenter view) starts from: its audit, in its language. */
export async function auditPage(params: { lang?: string; org?: string; version?: string }) {
  const lang = params.lang as Lang;
  const data = await siteData();
  const org = data.orgs.find((o) => o.id === params.org)!;
  const view = findAudit(data, params.org!, params.version!)!;
  const audit = view.audit;
  // The questionnaire's own words (level descriptions, units) and its method, for this report.
  const words = data.questionnaires[view.report.questionnaire]!;
  return {
    lang, data, org, view, audit, r: view.report, words,
    method: words.method,
    orgName: tr(org.name, lang),
    periodLabel: auditLabel(view, lang),
    change: indexChange(view),
  };
}

/** What an audit is called on its pages: its period's label, or its version. */
export function auditLabel(view: AuditView, lang: Lang): string {
  return tr(view.audit.period.label ?? view.version, lang);
}

/** Delta of the index since the previous audit of the same organisation (core/compare/diff.ts). */
export function indexChange(view: AuditView | undefined): number | null {
  return view?.report.changes?.index.delta ?? null;
}

/** Site paths, with the configured base (so the site can live under a sub-folder). */
export function href(path: string): string {
  const base = (import.meta.env?.BASE_URL ?? '/').replace(/\/$/, '');
  return `${base}${path}`;
}

export const paths = {
  portfolio: (lang: Lang) => `/${lang}/`,
  report: (lang: Lang, org: string, version: string) => `/${lang}/${org}/${version}/`,
  /** One per audit, whatever the page's language (the organisation's locale, as `touchstone score --json`). */
  auditData: (org: string, version: string) => `/data/${org}/${version}.json`,
  trend: (lang: Lang, org: string) => `/${lang}/${org}/`,
  questionnaire: (lang: Lang, id: string, version: string) => `/${lang}/questionnaires/${id}/${version}/`,
  methodology: (lang: Lang) => `/${lang}/methodology/`,
  present: (lang: Lang, org: string, version: string) => `/${lang}/${org}/${version}/present/`,
  answer: (lang: Lang, id: string, version: string) => `/${lang}/questionnaires/${id}/${version}/answer/`,
};


/** getStaticPaths of every per-questionnaire route (browser, answer page): each version in each language. */
export async function questionnairePagePaths(): Promise<{ params: { lang: Lang; id: string; version: string } }[]> {
  const data = await siteData();
  return LANGS.flatMap((lang) => data.questionnaireModels.map((q) => ({ params: { lang, id: q.data.id, version: q.data.version } })));
}

export function findQuestionnaire(data: SiteData, id: string, version: string): QuestionnaireModel | undefined {
  return data.questionnaireModels.find((q) => q.data.id === id && q.data.version === version);
}

/** Where the schemas a written response file should name are (see src/core/check/schema-location.ts). */
export function schemasDir(data: SiteData): string {
  return schemasDirFor(data.root, process.env.TOUCHSTONE_PACKAGE_SCHEMAS ?? join(data.root, INSTALLED_SCHEMAS));
}

/** getStaticPaths of the per-audit data files: each audit once. */
export async function auditDataPaths(): Promise<{ params: { org: string; version: string } }[]> {
  return (await siteData()).orgs.flatMap((o) => o.audits.map((a) => ({ params: { org: o.id, version: a.version } })));
}

/** getStaticPaths of every per-audit page (report, presenter view): each audit in each language. */
export async function auditPagePaths(): Promise<{ params: { lang: Lang; org: string; version: string } }[]> {
  const data = await siteData();
  return LANGS.flatMap((lang) => data.orgs.filter((o) => !RESERVED_ORG_NAMES.has(o.id))
    .flatMap((o) => o.audits.map((a) => ({ params: { lang, org: o.id, version: a.version } }))));
}
