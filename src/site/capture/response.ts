// Answer capture in the browser: a participant's draft, the response document it becomes, its YAML
// text and its draft scores. Pure and browser-safe (no node: modules); the scoring uses src/core's own
// functions, so a draft scores exactly as `touchstone score` would score this one response.
import {
  answerLines, answerValue, indexQuestionnaire, isAsked, oneLine, respondentLines, scoreResponses,
  type AnswerValue, type Detail, type PartName, type Evidence, type QuestionnaireFile, type QuestionnaireModel, type ResponseFile, type SourceFile,
} from '../../core/browser.ts';

export interface EvidenceDraft { link: string; note: string; date: string; reviewedBy: string }

export interface AnswerDraft {
  /** '' (not answered), 'n/a', 'dont-know', or the level / metric value as typed. */
  choice: string;
  comment: string;
  evidence: EvidenceDraft[];
}

export interface Draft {
  /** `group`: one of the questionnaire's groups, or '' (asked every question). */
  respondent: { id: string; role: string; group: string };
  answers: Record<string, AnswerDraft>;
}

export const emptyEvidence = (): EvidenceDraft => ({ link: '', note: '', date: '', reviewedBy: '' });
export const emptyAnswer = (): AnswerDraft => ({ choice: '', comment: '', evidence: [] });
export const emptyDraft = (): Draft => ({ respondent: { id: '', role: '', group: '' }, answers: {} });

/** The localStorage key of a questionnaire version's draft. */
export const draftKey = (questionnaire: string) => `touchstone:capture:${questionnaire}`;

/** Reads a stored draft defensively: anything malformed is dropped, never trusted. */
export function parseDraft(text: string | null): Draft | null {
  if (!text) return null;
  try {
    const raw = JSON.parse(text) as unknown;
    if (!raw || typeof raw !== 'object') return null;
    const r = raw as { respondent?: { id?: unknown; role?: unknown; group?: unknown }; answers?: Record<string, unknown> };
    const str = (v: unknown) => (typeof v === 'string' ? v : '');
    const answers: Record<string, AnswerDraft> = {};
    for (const [id, a] of Object.entries(r.answers && typeof r.answers === 'object' ? r.answers : {})) {
      if (!a || typeof a !== 'object') continue;
      const x = a as { choice?: unknown; comment?: unknown; evidence?: unknown };
      answers[id] = {
        choice: str(x.choice),
        comment: str(x.comment),
        evidence: Array.isArray(x.evidence) ? x.evidence.filter((e) => e && typeof e === 'object').map((e) => {
          const ev = e as Record<string, unknown>;
          return { link: str(ev.link), note: str(ev.note), date: str(ev.date), reviewedBy: str(ev.reviewedBy) };
        }) : [],
      };
    }
    return { respondent: { id: str(r.respondent?.id), role: str(r.respondent?.role), group: str(r.respondent?.group) }, answers };
  } catch {
    return null;
  }
}

/** The questionnaire as the engine sees it, from its parsed file (the page passes the data in). */
export function questionnaireModel(data: QuestionnaireFile): QuestionnaireModel {
  return indexQuestionnaire({ source: stubSource('questionnaire'), data });
}

function stubSource(file: string): SourceFile {
  return { file, locate: () => ({ line: 1, col: 1 }) } as unknown as SourceFile;
}

/** An answer's value: a number, 'n/a', 'dont-know', or null (not answered / not a number). */
export function choiceValue(choice: string): AnswerValue {
  if (choice === 'n/a' || choice === 'dont-know') return choice;
  if (choice.trim() === '') return null;
  const n = Number(choice);
  return Number.isFinite(n) ? n : null;
}

/** The draft's respondent as the response file has it: the group only when one is chosen. */
export function draftRespondent(draft: Draft): ResponseFile['respondent'] {
  const group = draft.respondent.group.trim();
  return { id: draft.respondent.id.trim(), role: draft.respondent.role.trim(), ...(group ? { group } : {}) };
}

/** The response document of a draft, questions in questionnaire order: those asked of the respondent's group. */
export function toResponse(draft: Draft, q: QuestionnaireModel): ResponseFile {
  const answers: ResponseFile['answers'] = {};
  const respondent = draftRespondent(draft);
  for (const part of q.parts) for (const question of part.questions) {
    if (!isAsked(question, respondent)) continue;
    const a = draft.answers[question.id] ?? emptyAnswer();
    const value = choiceValue(a.choice);
    const evidence: Evidence[] = a.evidence
      .filter((e) => e.link.trim() || e.note.trim() || e.date.trim() || e.reviewedBy.trim())
      .map((e) => ({
        ...(e.link.trim() ? { link: e.link.trim() } : {}),
        ...(e.note.trim() ? { note: e.note.trim() } : {}),
        ...(e.date.trim() ? { date: e.date.trim() } : {}),
        ...(e.reviewedBy.trim() ? { 'reviewed-by': e.reviewedBy.trim() } : {}),
      }) as Evidence);
    const comment = a.comment.trim();
    if (!comment && evidence.length === 0) {
      answers[question.id] = value;
      continue;
    }
    const detail: Detail = {
      ...(question.type === 'metric' ? { value } : { level: value }),
      ...(comment ? { comment } : {}),
      ...(evidence.length ? { evidence } : {}),
    } as Detail;
    answers[question.id] = detail;
  }
  return { respondent, answers };
}

/** A problem with one answer: the form's message (components/capture/strings.ts) and its parameters. */
export interface AnswerProblem { question: string; message: 'notNa' | 'offScale' | 'outOfRange'; params: Record<string, string | number> }

/** Checks `touchstone validate` makes beyond the schema: levels on the scale, n/a where allowed, metric ranges. */
export function answerProblems(response: ResponseFile, q: QuestionnaireModel): AnswerProblem[] {
  const out: AnswerProblem[] = [];
  for (const [id, raw] of Object.entries(response.answers)) {
    const question = q.questions.get(id);
    if (!question) continue;
    const value = answerValue(raw);
    if (value === null || value === undefined || value === 'dont-know') continue;
    if (value === 'n/a') {
      if (!question.na) out.push({ question: id, message: 'notNa', params: {} });
    } else if (question.type === 'level') {
      if (!Number.isInteger(value) || value < q.scale.min || value > q.scale.max) {
        out.push({ question: id, message: 'offScale', params: { value, min: q.scale.min, max: q.scale.max } });
      }
    } else {
      const { min, max } = question.def;
      if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
        out.push({ question: id, message: 'outOfRange', params: { value, min: min ?? '−∞', max: max ?? '∞' } });
      }
    }
  }
  return out;
}

export interface DraftScores {
  index: number | null;
  parts: { id: string; kind: string; name: PartName; score: number | null; answered: number; total: number; capped: boolean }[];
}

/**
 * Draft scores of one response: src/core's one scoring path (scoreResponses) applied to this
 * response alone, with no benchmark, so a draft scores exactly as `touchstone score` would
 * score this one response.
 */
export function draftScores(response: ResponseFile, q: QuestionnaireModel): DraftScores {
  const scored = scoreResponses(q, [{ source: stubSource('draft'), data: response }]);
  return {
    index: scored.index.score,
    parts: q.parts.map((part) => {
      const p = scored.parts.get(part.id)!;
      return { id: part.id, kind: part.kind, name: part.name, score: p.raw, answered: p.answered, total: p.total, capped: p.cap !== null };
    }),
  };
}

// ---- YAML text ----

/**
 * The response file's text: the schema modeline on the first line, then the respondent and the
 * answers in a fixed key order, by the response format's one emitter (core/scaffold/response-yaml.ts).
 */
export function toYaml(response: ResponseFile, options: { schemaPath: string; comment?: string }): string {
  const lines: string[] = [`# yaml-language-server: $schema=${options.schemaPath}`];
  if (options.comment) lines.push(`# ${oneLine(options.comment)}`);
  lines.push(...respondentLines(response.respondent), 'answers:');
  for (const [id, answer] of Object.entries(response.answers)) lines.push(...answerLines(id, answer));
  return `${lines.join('\n')}\n`;
}
