/**
 * Everything the report pages render, as plain data: the report model of each audit
 * (core/report/report.ts), the few facts of audit.yaml and org.yaml the pages print beside it, the
 * questionnaire's own words (its level descriptions and units, and its method), and the
 * portfolio's order and ranks. The pages read nothing else, so a site can be rendered from a
 * site model that no workspace produced (the sentinel test does: tests/browser/sentinel.test.ts).
 */
import type { AuditFile, Bilingual, Question } from '../schema-types.ts';
import type { Lang } from '../lang.ts';
import type { QuestionnaireModel, Workspace } from '../read/model.ts';
import type { NotesDocument } from '../read/notes.ts';
import type { ReportModel, ScoreResult } from '../score-types.ts';
import { methodOf, type Method } from '../score/method.ts';
import { rankPortfolio, type Portfolio } from '../compare/portfolio.ts';
import { reportModel } from './report.ts';
import { scoreAudit } from '../score/score.ts';

export interface AuditEntry {
  org: string;
  version: string;
  /** audits/<org>/<version>, relative to the workspace root. */
  dir: string;
  /** audit.yaml as written (its period, status, title, consultant). */
  audit: AuditFile;
  /** notes.mdx as the validation parsed it, or null. */
  notes: NotesDocument | null;
  /** Everything its pages show, in no language: what /data/<org>/<version>.json holds. */
  readonly report: ReportModel;
}

export interface OrgEntry {
  id: string;
  name: string | Bilingual;
  industry: { id: string; name: string | Bilingual };
  locale: Lang;
  /** In time order, oldest first. */
  audits: AuditEntry[];
}

/** What a report page shows of its questionnaire besides the report: the questionnaire's own words. */
export interface QuestionnaireWords {
  method: Method;
  /** Per question: what each level means, lowest first (level questions). */
  levels: Record<string, Bilingual[]>;
  /** Per metric question: its unit. */
  units: Record<string, Bilingual>;
}

export interface SiteModel {
  title?: string | Bilingual;
  defaultLang: Lang;
  hideNames: boolean;
  /** By id. */
  orgs: OrgEntry[];
  /** By questionnaire key (`id@version`), for every questionnaire an audit uses. */
  questionnaires: Record<string, QuestionnaireWords>;
  /** The organisations' order and ranks by latest index (core/compare/portfolio.ts). */
  readonly portfolio: Portfolio;
}

/**
 * The site model of a validated workspace. Reports are computed on first use: listing the pages
 * needs none, and in `astro dev` a page view scores only the audits it shows (and the one
 * before each, for what changed).
 */
export function siteModel(workspace: Workspace): SiteModel {
  const settings = workspace.settings?.data;
  const orgs: OrgEntry[] = workspace.orgs.map((o) => {
    const audits: AuditEntry[] = [];
    let scoreBefore: (() => ScoreResult) | undefined;
    for (const model of o.audits) {
      let score: ScoreResult | undefined;
      let report: ReportModel | undefined;
      const scored = () => (score ??= scoreAudit(model, workspace));
      const before = scoreBefore;
      audits.push({
        org: o.id,
        version: model.version,
        dir: model.dir,
        audit: model.audit.data,
        notes: model.notesDoc ?? null,
        get report() { return (report ??= reportModel(scored(), workspace, before?.())); },
      });
      scoreBefore = scored;
    }
    const data = o.org.data;
    return { id: o.id, name: data.name, industry: data.industry, locale: data.locale, audits };
  });
  orgs.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const questionnaires: Record<string, QuestionnaireWords> = {};
  for (const q of workspace.questionnaires.values()) questionnaires[q.key] = wordsOf(q);
  let portfolio: Portfolio | undefined;
  return {
    ...(settings?.title !== undefined ? { title: settings.title } : {}),
    defaultLang: settings?.['default-locale'] ?? 'en',
    hideNames: settings?.['hide-names-in-comparison'] ?? false,
    orgs,
    questionnaires,
    // On first use: it scores every organisation's latest audit.
    get portfolio() {
      return (portfolio ??= rankPortfolio(orgs.map((o) => ({ id: o.id, industry: o.industry.id, index: o.audits.at(-1)?.report.index ?? null }))));
    },
  };
}

function wordsOf(q: QuestionnaireModel): QuestionnaireWords {
  const levels: Record<string, Bilingual[]> = {};
  const units: Record<string, Bilingual> = {};
  for (const part of q.parts) {
    for (const question of part.questions) {
      const def: Question = question.def;
      if (def.levels) levels[question.id] = def.levels;
      if (def.unit) units[question.id] = def.unit;
    }
  }
  return { method: methodOf(q), levels, units };
}

