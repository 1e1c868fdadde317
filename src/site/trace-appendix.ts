import type { AnswerTrace, PartScore, Respondent } from '../core/score-types.ts';
import type { Evidence } from '../core/schema-types.ts';
import { answer, date, safeHref, score } from './format.ts';
import { html, type Html } from './html.ts';
import { tr, ui, type Lang } from './i18n.ts';

export interface TraceAppendixOptions { lang: Lang; anonymous: boolean; people: Respondent[]; auditFolder: string }

/**
 * The traceability appendix: from each question to every respondent's answer, comment and
 * evidence (by role when anonymous). It is most of a report's markup (75 questions × every
 * respondent), and rendered through Astro's per-expression runtime it took half of a report
 * page's time and a sixth of a portfolio build (bench/README.md); as one escaped string it
 * costs a fraction of that. Every value from the workspace goes through `html` (escaped),
 * every link through safeHref.
 */
export function traceAppendix(parts: PartScore[], options: TraceAppendixOptions): Html {
  const { lang, anonymous, people, auditFolder } = options;
  const t = (k: Parameters<typeof ui>[1]) => ui(lang, k);
  const order = new Map(people.map((p, i) => [p.id, i + 1]));
  const names = new Map(people.map((p) => [p.id, p.name]));
  const who = (respondent: string, role: string | null): string => {
    // Anonymous audits carry pseudonymous ids and no names; a rare role comes as null (min-role-size).
    if (anonymous) return `${role ?? t('respondent')} #${order.get(respondent) ?? '?'}`;
    const name = names.get(respondent);
    return name ? `${name} — ${role ?? ''}` : `${role ?? t('respondent')} (${respondent})`;
  };
  // Paths are shown from the audit's folder (named once in the introduction), not the workspace root.
  const prefix = `${auditFolder}/`;
  const where = (file: string, line: number | undefined) => `${file.startsWith(prefix) ? file.slice(prefix.length) : file}:${line ?? 1}`;

  const evidence = (e: Evidence): Html => {
    const link = typeof e.link === 'string' ? e.link : undefined;
    const safe = safeHref(link);
    return html`<li>${safe ? html`<a${e.note ? html` class="print-url"` : null} href="${safe}" rel="noopener noreferrer">${e.note || link}</a>` : link ? html`<code>${link}</code>` : null}${
      e.note && (!safe || !link) ? html`<span>${link ? ' · ' : ''}${e.note}</span>` : null}${
      e.date ? html` · <time datetime="${e.date}">${date(e.date, lang)}</time>` : null}${
      e['reviewed-by'] ? html` · ${t('reviewedBy')} ${e['reviewed-by']}` : null}</li>`;
  };
  const trace = (a: AnswerTrace): Html => html`<li><strong>${who(a.respondent, a.role)}</strong>: ${t('answer')} <strong>${answer(a.answer, lang)}</strong>${
    a.counted !== a.answer ? html` → ${t('counted')} <strong>${answer(a.counted, lang)}</strong>` : null}${
    a.discounted ? html`<span class="muted small"> (${t('noEvidence')})</span>` : null}${
    a.carriedOver ? html` <span class="badge warn">${t('carriedOver')}</span>` : null}${
    !anonymous && a.file ? html`<span class="muted small"> · <code>${where(a.file, a.line)}</code></span>` : null}${
    a.comment ? html`<p class="comment">${a.comment}</p>` : null}${
    a.evidence.length > 0 ? html`<ul class="evidence">${a.evidence.map(evidence)}</ul>` : null}</li>`;

  return html`<p>${t('traceIntro')} <span class="small muted">“${t('noEvidence')}”: ${t('withoutEvidence')}.${
    anonymous ? null : html` ${t('filesUnder')} <code>${prefix}</code>.`}</span></p>${
    parts.map((p) => html`<h3>${tr(p.name, lang)}</h3>${p.questions.map((q) => html`<details id="trace-${q.id}"><summary>${tr(q.text, lang)} <span class="muted small">· ${t('score')} ${score(q.score, lang)} · ${q.answers.length} ${t('trace')}</span></summary><p class="small"><a href="#q-${q.id}">↑ ${t('backToScore')}</a> · <code>${q.id}</code></p><ul class="answers">${q.answers.map(trace)}</ul></details>`)}`)}`;
}
