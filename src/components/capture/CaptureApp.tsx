// Answer capture: one participant answers a questionnaire version in the browser and gets a response
// YAML file that `touchstone validate` accepts. A React island (client:load); all text is escaped by React.
import { useEffect, useMemo, useRef, useState } from 'react';
import { isAsked, type QuestionModel } from '../../core/browser.ts';
import type { QuestionnaireFile } from '../../core/browser.ts';
import {
  answerProblems, draftKey, draftRespondent, draftScores, emptyAnswer, emptyDraft, emptyEvidence, parseDraft, questionnaireModel, toResponse, toYaml,
  type AnswerDraft, type Draft, type EvidenceDraft,
} from '../../site/capture/response.ts';
import type { SchemaProblem } from '../../site/capture/validate.ts';
import { fill, fmtScore, partName, trText as tr, type CaptureKey, type CaptureWords, type Lang } from './strings.ts';

export interface CaptureProps {
  lang: Lang;
  /** The form's words in the page's language (strings.ts CAPTURE_MESSAGES, from the site's catalogue). */
  words: CaptureWords;
  /** The page language's BCP 47 locale, for its numbers. */
  locale: string;
  questionnaire: QuestionnaireFile;
  /** The modeline's path from audits/<org>/<version>/responses/<file> to response.schema.json. */
  schemaPath: string;
  /** Folders of the audits that use this questionnaire version, e.g. audits/acme/2026-q3/responses/ */
  targets: string[];
}

type Check = { yaml: string; problems: SchemaProblem[] } | null;

export default function CaptureApp({ lang, words, locale, questionnaire, schemaPath, targets }: CaptureProps) {
  const t = (k: CaptureKey, vars?: Record<string, string | number>) => fill(words[k], vars);
  const q = useMemo(() => questionnaireModel(questionnaire), [questionnaire]);
  const key = draftKey(q.key);
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [loaded, setLoaded] = useState(false);
  const [check, setCheck] = useState<Check>(null);
  const [copyState, setCopyState] = useState<'' | 'copied' | 'failed'>('');
  const preRef = useRef<HTMLPreElement>(null);

  // The draft is read after hydration (the server renders the empty form) and saved on every change.
  useEffect(() => {
    let stored: string | null = null;
    try { stored = localStorage.getItem(key); } catch { /* storage may be disabled */ }
    const restored = parseDraft(stored);
    if (restored) setDraft(restored);
    setLoaded(true);
  }, [key]);
  useEffect(() => {
    if (!loaded) return;
    try { localStorage.setItem(key, JSON.stringify(draft)); } catch { /* full or disabled: the draft lives in the page only */ }
  }, [draft, loaded, key]);

  const response = useMemo(() => toResponse(draft, q), [draft, q]);
  const yaml = useMemo(() => toYaml(response, { schemaPath, comment: `${q.key} — answered in the browser` }), [response, schemaPath, q.key]);
  const scores = useMemo(() => draftScores(response, q), [response, q]);
  const extra = useMemo(() => answerProblems(response, q), [response, q]);
  // The questions asked of the respondent's group (all of them without one).
  const respondent = draftRespondent(draft);
  const allQuestions = q.parts.flatMap((p) => p.questions).filter((m) => isAsked(m, respondent));
  const groups = q.data.groups ?? [];
  const answered = allQuestions.filter((m) => (draft.answers[m.id]?.choice ?? '') !== '').length;

  // ajv runs on the generated document (loaded on demand: it is the larger part of this page's code).
  useEffect(() => {
    if (!loaded) return;
    let cancelled = false;
    void import('../../site/capture/validate.ts').then((m) => {
      if (!cancelled) setCheck({ yaml, problems: m.validateResponse(response, lang, words) });
    });
    return () => { cancelled = true; };
  }, [yaml, response, loaded, lang, words]);

  const ready = check !== null && check.yaml === yaml && check.problems.length === 0 && extra.length === 0;
  const fileName = `${/^[a-z0-9]+(-[a-z0-9]+)*$/.test(response.respondent.id) ? response.respondent.id : 'response'}.yaml`;
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!ready) { setUrl(null); return; }
    const u = URL.createObjectURL(new Blob([yaml], { type: 'application/yaml' }));
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [ready, yaml]);
  useEffect(() => setCopyState(''), [yaml]);

  const setAnswer = (id: string, change: (a: AnswerDraft) => AnswerDraft) =>
    setDraft((d) => ({ ...d, answers: { ...d.answers, [id]: change(d.answers[id] ?? emptyAnswer()) } }));
  const setEvidence = (id: string, i: number, field: keyof EvidenceDraft, value: string) =>
    setAnswer(id, (a) => ({ ...a, evidence: a.evidence.map((e, k) => (k === i ? { ...e, [field]: value } : e)) }));

  async function copy() {
    try {
      await navigator.clipboard.writeText(yaml);
      setCopyState('copied');
    } catch {
      setCopyState('failed');
      const pre = preRef.current;
      if (pre) window.getSelection()?.selectAllChildren(pre);
    }
  }

  function startOver() {
    try { localStorage.removeItem(key); } catch { /* ignore */ }
    setDraft(emptyDraft());
  }

  const questionText = (id: string) => {
    const m = q.questions.get(id);
    return m ? tr(m.def.text, lang) : id;
  };
  const describe = (path: string) => {
    const m = /^\/answers\/([^/]+)/.exec(path);
    if (m) return { href: `#cq-${m[1]}`, label: questionText(m[1]!) };
    if (path.startsWith('/respondent/id')) return { href: '#respondent-id', label: t('respondentId') };
    if (path.startsWith('/respondent/role')) return { href: '#respondent-role', label: t('role') };
    return { href: '#respondent', label: path };
  };

  return (
    <div className="capture">
      <section aria-labelledby="respondent" className="capture-you">
        <h2 id="respondent">{t('you')}</h2>
        <div className="field">
          <label htmlFor="respondent-id">{t('respondentId')}</label>
          <input id="respondent-id" name="respondent-id" type="text" maxLength={64} autoComplete="off" autoCapitalize="none" spellCheck={false}
            aria-describedby="respondent-id-help" value={draft.respondent.id}
            onChange={(e) => { const id = e.target.value; setDraft((d) => ({ ...d, respondent: { ...d.respondent, id } })); }} />
          <span id="respondent-id-help" className="help">{t('respondentIdHelp')}</span>
        </div>
        <div className="field">
          <label htmlFor="respondent-role">{t('role')}</label>
          <input id="respondent-role" name="respondent-role" type="text" maxLength={200} autoComplete="organization-title" aria-describedby="respondent-role-help"
            value={draft.respondent.role}
            onChange={(e) => { const role = e.target.value; setDraft((d) => ({ ...d, respondent: { ...d.respondent, role } })); }} />
          <span id="respondent-role-help" className="help">{t('roleHelp')}</span>
        </div>
        {groups.length > 0 && (
          <div className="field">
            <label htmlFor="respondent-group">{t('group')}</label>
            <select id="respondent-group" name="respondent-group" aria-describedby="respondent-group-help" value={draft.respondent.group}
              onChange={(e) => { const group = e.target.value; setDraft((d) => ({ ...d, respondent: { ...d.respondent, group } })); }}>
              <option value="">{t('groupAll')}</option>
              {groups.map((g) => <option key={g.id} value={g.id}>{tr(g.name, lang)}</option>)}
            </select>
            <span id="respondent-group-help" className="help">{t('groupHelp')}</span>
          </div>
        )}
        <p className="help" aria-live="polite" data-testid="progress">{t('progress', { n: answered, total: allQuestions.length })}</p>
      </section>

      {q.parts.filter((part) => part.questions.some((m) => isAsked(m, respondent))).map((part) => (
        <section key={part.id} aria-labelledby={`cp-${part.id}`} className="capture-part">
          <h2 id={`cp-${part.id}`}>{partName(part.name, lang, words)}</h2>
          {part.summary && <p className="lede">{tr(part.summary, lang)}</p>}
          {part.questions.filter((m) => isAsked(m, respondent)).map((m) => (
            <Question key={m.id} m={m} lang={lang} words={words} scale={q.scale} a={draft.answers[m.id] ?? emptyAnswer()}
              evidenceFrom={q.data['evidence-policy']?.from}
              onChoice={(choice) => setAnswer(m.id, (a) => ({ ...a, choice }))}
              onComment={(comment) => setAnswer(m.id, (a) => ({ ...a, comment }))}
              onEvidence={(i, field, value) => setEvidence(m.id, i, field, value)}
              onAddEvidence={() => setAnswer(m.id, (a) => ({ ...a, evidence: [...a.evidence, emptyEvidence()] }))}
              onRemoveEvidence={(i) => setAnswer(m.id, (a) => ({ ...a, evidence: a.evidence.filter((_, k) => k !== i) }))} />
          ))}
        </section>
      ))}

      <section aria-labelledby="draft-scores" className="capture-scores">
        <h2 id="draft-scores">{t('draftScores')}</h2>
        <p className="help">{t('draftScoresNote')}</p>
        <p className="draft-index">{t('index')}{t('colon')}<strong data-testid="draft-index">{fmtScore(scores.index, locale)}</strong> / 100</p>
        <div className="table-wrap">
          <table id="draft-table">
            <thead><tr><th scope="col">{t('part')}</th><th scope="col" className="n">{t('score')}</th><th scope="col" className="n">{t('answered')}</th></tr></thead>
            <tbody>
              {scores.parts.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{partName(p.name, lang, words)}{p.capped && <span className="help"> · {t('capped')}</span>}</th>
                  <td className="n" data-part={p.id}>{fmtScore(p.score, locale)}</td>
                  <td className="n">{p.answered}/{p.total}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="your-file" className="capture-file">
        <h2 id="your-file">{t('yourFile')}</h2>
        {targets.length > 0
          ? <p className="help">{t('saveAs')}{t('colon')}{targets.map((dir, i) => <span key={dir}>{i > 0 && ' · '}<code>{dir}{fileName}</code></span>)}</p>
          : <p className="help">{t('saveAsAny')}{t('colon')}<code>{`audits/<org>/<version>/responses/${fileName}`}</code></p>}
        <div aria-live="polite" data-testid="check">
          {check === null || check.yaml !== yaml ? <p className="help">{t('checking')}</p>
            : check.problems.length === 0 && extra.length === 0 ? <p className="ok">✓ {t('valid')}</p>
              : (
                <div className="problems">
                  <p>{t('invalid')}</p>
                  <ul>
                    {check.problems.map((p, i) => { const d = describe(p.path); return <li key={`s${i}`}><a href={d.href}>{d.label}</a>: {p.message} <code>{p.path}</code></li>; })}
                    {extra.map((p, i) => <li key={`x${i}`}><a href={`#cq-${p.question}`}>{questionText(p.question)}</a>: {t(p.message, p.params)}</li>)}
                  </ul>
                </div>
              )}
        </div>
        <div className="file-actions">
          {ready && url ? <a className="button" href={url} download={fileName} data-testid="download">{t('download', { file: fileName })}</a> : null}
          <button type="button" className="button secondary" onClick={() => void copy()} disabled={!ready}>{t('copy')}</button>
          <span aria-live="polite" className="help">{copyState === 'copied' ? t('copied') : copyState === 'failed' ? t('copyFailed') : ''}</span>
        </div>
        <h3>{t('preview')}</h3>
        <pre ref={preRef} className="yaml-preview" data-testid="yaml" tabIndex={0} aria-label={t('preview')}>{yaml}</pre>
        <p className="help">{loaded ? t('draftSaved') : ''} <button type="button" className="linkish" onClick={startOver}>{t('startOver')}</button></p>
      </section>
    </div>
  );
}

interface QuestionProps {
  m: QuestionModel;
  lang: Lang;
  words: CaptureWords;
  scale: { min: number; max: number };
  a: AnswerDraft;
  evidenceFrom?: number;
  onChoice: (choice: string) => void;
  onComment: (comment: string) => void;
  onEvidence: (i: number, field: keyof EvidenceDraft, value: string) => void;
  onAddEvidence: () => void;
  onRemoveEvidence: (i: number) => void;
}

function Question({ m, lang, words, scale, a, onChoice, onComment, onEvidence, onAddEvidence, onRemoveEvidence }: QuestionProps) {
  const t = (k: CaptureKey) => words[k];
  const d = m.def;
  const name = `a-${m.id}`;
  const levels = Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i);
  const hasExtras = a.comment !== '' || a.evidence.length > 0;
  const [open, setOpen] = useState(hasExtras);
  useEffect(() => { if (hasExtras) setOpen(true); }, [hasExtras]);
  return (
    <fieldset className="cq" id={`cq-${m.id}`} data-question={m.id}>
      <legend>{tr(d.text, lang)}</legend>
      <p className="help"><code>{m.id}</code>{m.evidence === 'expected' && <> · {t('evidenceExpected')}</>}</p>
      {d.help && <p className="help">{tr(d.help, lang)}</p>}
      {d.exemplar && <p className="help">{t('exemplar')}{t('colon')}{d.exemplar.company}{t('openParen')}{tr(d.exemplar.industry, lang)}{t('closeParen')}{d.exemplar.practice && <> — {tr(d.exemplar.practice, lang)}</>}</p>}
      {m.type === 'level' ? (
        <div className="levels">
          {levels.map((level) => (
            <label key={level} className="level">
              <input type="radio" name={name} value={String(level)} checked={a.choice === String(level)} onChange={() => onChoice(String(level))} />
              <span className="lvl-n">{level}</span>
              <span className="lvl-text">{d.levels?.[level - scale.min] ? tr(d.levels[level - scale.min], lang) : ''}</span>
            </label>
          ))}
          {m.na && (
            <label className="level">
              <input type="radio" name={name} value="n/a" checked={a.choice === 'n/a'} onChange={() => onChoice('n/a')} />
              <span className="lvl-n">—</span>
              <span className="lvl-text">{t('na')}</span>
            </label>
          )}
          <label className="level">
            <input type="radio" name={name} value="dont-know" checked={a.choice === 'dont-know'} onChange={() => onChoice('dont-know')} />
            <span className="lvl-n">?</span>
            <span className="lvl-text">{t('dontKnow')}</span>
          </label>
        </div>
      ) : (
        <div className="metric">
          <label htmlFor={`${m.id}-value`}>{t('value')}{d.unit && <>{t('openParen')}{tr(d.unit, lang)}{t('closeParen')}</>}</label>
          <input id={`${m.id}-value`} type="number" inputMode="decimal" step="any" min={d.min} max={d.max}
            value={a.choice === 'n/a' || a.choice === 'dont-know' ? '' : a.choice} disabled={a.choice === 'n/a' || a.choice === 'dont-know'} onChange={(e) => onChoice(e.target.value)} />
          {m.na && (
            <label className="level inline">
              <input type="checkbox" checked={a.choice === 'n/a'} onChange={(e) => onChoice(e.target.checked ? 'n/a' : '')} />
              <span className="lvl-text">{t('na')}</span>
            </label>
          )}
          <label className="level inline">
            <input type="checkbox" checked={a.choice === 'dont-know'} onChange={(e) => onChoice(e.target.checked ? 'dont-know' : '')} />
            <span className="lvl-text">{t('dontKnow')}</span>
          </label>
        </div>
      )}
      {a.choice !== '' && <button type="button" className="linkish" onClick={() => onChoice('')}>{t('clear')}</button>}
      <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>{t('commentEvidence')}</summary>
        <div className="field">
          <label htmlFor={`${m.id}-comment`}>{t('comment')}</label>
          <textarea id={`${m.id}-comment`} rows={2} maxLength={4000} value={a.comment} onChange={(e) => onComment(e.target.value)} />
        </div>
        {a.evidence.map((e, i) => (
          <fieldset key={i} className="evidence">
            <legend>{t('evidenceItem')} {i + 1}</legend>
            <div className="field"><label htmlFor={`${m.id}-ev${i}-link`}>{t('link')}</label>
              <input id={`${m.id}-ev${i}-link`} type="text" maxLength={2000} inputMode="url" autoCapitalize="none" spellCheck={false} value={e.link} onChange={(x) => onEvidence(i, 'link', x.target.value)} /></div>
            <div className="field"><label htmlFor={`${m.id}-ev${i}-note`}>{t('note')}</label>
              <input id={`${m.id}-ev${i}-note`} type="text" maxLength={4000} value={e.note} onChange={(x) => onEvidence(i, 'note', x.target.value)} /></div>
            <div className="field"><label htmlFor={`${m.id}-ev${i}-date`}>{t('date')}</label>
              <input id={`${m.id}-ev${i}-date`} type="date" value={e.date} onChange={(x) => onEvidence(i, 'date', x.target.value)} /></div>
            <div className="field"><label htmlFor={`${m.id}-ev${i}-reviewed`}>{t('reviewedBy')}</label>
              <input id={`${m.id}-ev${i}-reviewed`} type="text" maxLength={200} value={e.reviewedBy} onChange={(x) => onEvidence(i, 'reviewedBy', x.target.value)} /></div>
            <button type="button" className="button secondary" onClick={() => onRemoveEvidence(i)}>{t('removeEvidence')}</button>
          </fieldset>
        ))}
        <button type="button" className="button secondary" onClick={onAddEvidence}>{t('addEvidence')}</button>
      </details>
    </fieldset>
  );
}
