import type { AnswerTrace, PartScore, Respondent } from '../core/index.ts';
import { answer, date, factProvenance, num, safeHref, score } from './format.ts';
import { escapeText, html, Html } from './html.ts';
import { levelCount, say, tr, ui, uif, type Lang } from './i18n.ts';
import type { Method } from '../core/index.ts';

/** What backs an answer, as the report model carries it. */
type Evidence = AnswerTrace['evidence'][number];

export interface TraceAppendixOptions {
  lang: Lang; anonymous: boolean; people: Respondent[]; auditFolder: string;
  /** The questionnaire's discount of unevidenced answers, explained in the legend (none: no legend). */
  evidencePolicy?: Method['evidencePolicy'];
}

/**
 * The traceability appendix: from each question to every respondent's answer, comment and
 * evidence (by role when anonymous). It is most of a report's markup (75 questions × every
 * respondent), and rendered through Astro's per-expression runtime it took half of a report
 * page's time and a sixth of a portfolio build (bench/README.md); as one escaped string it
 * costs a fraction of that. Every value from the workspace is escaped (`html`, or escapeText in the traces),
 * every link through safeHref.
 */
export function traceAppendix(parts: PartScore[], options: TraceAppendixOptions): Html {
  const { lang, anonymous, people, auditFolder, evidencePolicy } = options;
  const t = (k: Parameters<typeof ui>[1]) => ui(lang, k);
  // A report has one trace per answer (75 questions × every respondent, 600 in a report of
  // eight), so each trace is written by plain concatenation: what is the same in every trace
  // (the interface's words, each respondent's label, each file's path) is escaped once per
  // report; only each answer's own values are escaped as they come.
  const label = {
    answer: `${escapeText(t('colon'))}${escapeText(t('answer'))} <strong>`,
    counted: ` → ${escapeText(t('counted'))} <strong>`,
    noEvidence: `<span class="muted small">${escapeText(t('openParen'))}${escapeText(t('noEvidence'))}${escapeText(t('closeParen'))}</span>`,
    carriedOver: ` <span class="badge warn">${escapeText(t('carriedOver'))}</span>`,
    reviewedBy: ` · ${escapeText(t('reviewedBy'))} `,
  };
  const order = new Map(people.map((p, i) => [p.id, i + 1]));
  const names = new Map(people.map((p) => [p.id, p.name]));
  const who = (respondent: string, role: string | null): string => {
    // Anonymous audits carry pseudonymous ids and no names; a rare role comes as null (min-role-size).
    if (anonymous) return `${role ?? t('respondent')} #${order.get(respondent) ?? '?'}`;
    const name = names.get(respondent);
    return name ? `${name} — ${role ?? ''}` : `${role ?? t('respondent')}${t('openParen')}${respondent}${t('closeParen')}`;
  };
  // Each respondent's label, escaped once; a trace whose role is not its respondent's gets its own.
  const labels = new Map(people.map((p) => [p.id, { role: p.role, html: escapeText(who(p.id, p.role)) }]));
  const whoOf = (respondent: string, role: string | null): string => {
    const known = labels.get(respondent);
    return known && known.role === role ? known.html : escapeText(who(respondent, role));
  };
  // Paths are shown from the audit's folder (named once in the introduction), not the workspace root.
  const prefix = `${auditFolder}/`;
  const fileHtml = new Map<string, string>();
  const fileOf = (file: string): string => {
    let text = fileHtml.get(file);
    if (text === undefined) fileHtml.set(file, (text = escapeText(file.startsWith(prefix) ? file.slice(prefix.length) : file)));
    return text;
  };

  const evidence = (e: Evidence): string => {
    const link = typeof e.link === 'string' ? e.link : undefined;
    const safe = safeHref(link);
    let out = '<li>';
    if (safe) out += `<a${e.note ? ' class="print-url"' : ''} href="${escapeText(safe)}" rel="noopener noreferrer">${escapeText(e.note || link!)}</a>`;
    else if (link) out += `<code>${escapeText(link)}</code>`;
    if (e.note && (!safe || !link)) out += `<span>${link ? ' · ' : ''}${escapeText(e.note)}</span>`;
    if (e.date) out += ` · <time datetime="${escapeText(e.date)}">${escapeText(date(e.date, lang))}</time>`;
    if (e['reviewed-by']) out += `${label.reviewedBy}${escapeText(e['reviewed-by'])}`;
    return `${out}</li>`;
  };
  const trace = (a: AnswerTrace): string => {
    let out = `<li><strong>${whoOf(a.respondent, a.role)}</strong>${label.answer}${escapeText(answer(a.answer, lang))}</strong>`;
    if (a.counted !== a.answer) out += `${label.counted}${escapeText(answer(a.counted, lang))}</strong>`;
    if (a.discounted) out += label.noEvidence;
    if (a.carriedOver) out += label.carriedOver;
    if (!anonymous && a.file) out += `<span class="muted small"> · <code>${fileOf(a.file)}:${a.line ?? 1}</code></span>`;
    if (a.comment) out += `<p class="comment">${escapeText(a.comment)}</p>`;
    if (a.evidence.length > 0) {
      out += '<ul class="evidence">';
      for (const e of a.evidence) out += evidence(e);
      out += '</ul>';
    }
    return `${out}</li>`;
  };
  const traces = (answers: AnswerTrace[]): Html => {
    let out = '';
    for (const a of answers) out += trace(a);
    return new Html(out);
  };

  // The pieces are joined once, into one flat string: left as the tree of pieces that `+=` builds,
  // a report's appendix (about 160,000 characters in thousands of pieces) lived in the young
  // generation until Astro wrote the page, and every collection meanwhile copied it (the
  // collector's pauses in a portfolio build: 0.39 → 0.18 s, bench/README.md).
  const legend = evidencePolicy
    ? uif(lang, 'withoutEvidence', { label: t('noEvidence'), from: evidencePolicy.from, penalty: levelCount(evidencePolicy.penalty, lang) })
    : null;
  const out = [html`<p>${t('traceIntro')} <span class="small muted">${legend}${
    anonymous ? null : html`${t('sentenceGap')}${t('filesUnder')} <code>${prefix}</code>${t('sentenceEnd')}`}</span></p>`.value];
  for (const p of parts) {
    out.push(html`<h3>${say(lang, p.name)}</h3>`.value);
    for (const q of p.questions) {
      // A measured metric: the fact that counted, where it comes from and where it is written.
      const fact = q.fact ? html`<p><span class="badge">${t('basisFact')}</span> <strong>${num(q.fact.value, lang)}</strong> <span class="small">${factProvenance(q.fact, lang)}</span><span class="muted small"> · <code>${q.fact.file}:${q.fact.line}</code></span></p>` : null;
      out.push(html`<details id="trace-${q.id}"><summary>${tr(q.text, lang)} <span class="muted small">· ${t('score')} ${score(q.score, lang)} · ${q.answers.length} ${t('trace')}</span></summary><p class="small"><a href="#q-${q.id}">↑ ${t('backToScore')}</a> · <code>${q.id}</code></p>${fact}<ul class="answers">${traces(q.answers)}</ul></details>`.value);
    }
  }
  return new Html(out.join(''));
}
