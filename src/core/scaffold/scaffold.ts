import { stringify } from 'yaml';
import { questionMapping } from '../compare/diff.ts';
import { answerLines, respondentLines, yamlString } from './response-yaml.ts';
import { answerValue, isAsked, type QuestionModel, type QuestionnaireModel, type ResponseModel, type Workspace } from '../read/model.ts';
import type { ActionsFile, Bilingual, Detail, ResponseFile } from '../schema-types.ts';
import type { Message } from '../score-types.ts';

/**
 * Text of the files `touchstone new` and `touchstone init` scaffold: an audit.yaml, an org.yaml
 * and one response file per respondent listing every question of the questionnaire, with its
 * text, levels and hints written out as YAML comments in one language. Pure: the caller decides
 * where the files go and writes them; the same input always gives the same bytes (no dates).
 */
import type { Lang } from '../lang.ts';

export type { Lang } from '../lang.ts';
type Answer = ResponseFile['answers'][string];

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function isSlug(text: string): boolean {
  return SLUG.test(text) && text.length <= 64;
}

/** Compares dotted numeric versions ("1.10.0" > "1.9.2", "2026.1" < "2026.2"). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The newest `id@version` key among `keys` for the given id, if any. */
export function latestKey(keys: Iterable<string>, id: string): string | undefined {
  const versions = [...keys].filter((k) => k.startsWith(`${id}@`)).map((k) => k.slice(id.length + 1));
  versions.sort(compareVersions);
  return versions.length ? `${id}@${versions[versions.length - 1]}` : undefined;
}

/** A real calendar date written YYYY-MM-DD. */
export function isDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** Parses "START..END"; returns an explanation instead when it is not a valid period. */
export function parsePeriod(text: string): { start: string; end: string } | { problem: string } {
  const m = /^(\S+)\.\.(\S+)$/.exec(text.trim());
  if (!m) return { problem: `expected START..END, e.g. 2026-07-01..2026-09-30, got "${text}"` };
  const [, start, end] = m;
  for (const d of [start, end]) if (!isDate(d)) return { problem: `"${d}" is not a date written YYYY-MM-DD` };
  if (end < start) return { problem: `the period ends (${end}) before it starts (${start})` };
  return { start, end };
}

/** A comment line's text: no line breaks, collapsed spaces. */
const flat = (text: string) => text.replace(/\s+/g, ' ').trim();
/** A YAML scalar on one line (quoted when needed). */
const scalar = (value: unknown) => stringify(value, { lineWidth: 0 }).trimEnd();

export function modeline(schemaPath: string): string {
  return `# yaml-language-server: $schema=${schemaPath}`;
}

/**
 * How a scaffold words its comments in the reader's language: a workspace text picked in it, and a
 * word of Touchstone's own (a message) from that language's catalogue. The caller supplies it
 * (the CLI: src/site/i18n.ts `say`), so core holds no sentence in any language.
 */
export type Wording = (text: string | Bilingual | Message) => string;

const m = (id: string, params: Message['params'] = {}): Message => ({ id, params });
/** A message that may run over several comment lines. */
const lines = (say: Wording, message: Message) => say(message).split('\n');

export interface RespondentInfo {
  id: string;
  role: string;
  name?: string;
  segment?: string;
  /** The questionnaire group the respondent answers as: only the questions routed to it are written. */
  group?: string;
}

export interface ResponseScaffoldOptions {
  /** Relative path from the response file to schemas/response.schema.json. */
  schemaPath: string;
  org: string;
  version: string;
  questionnaire: QuestionnaireModel;
  respondent: RespondentInfo;
  /** Whether the role was given (false: a placeholder role equal to the id, with a hint). */
  roleGiven: boolean;
  /** The respondent's language: the questionnaire's texts and the comments are in it. */
  words: Wording;
  /** Answers to write instead of blanks (e.g. carried over), by question id. */
  answers?: Record<string, Answer>;
  /** The version the answers were carried over from (writes `carried-over-from`). */
  carriedFrom?: string;
  /** With `carriedFrom`: whether this respondent answered that version. */
  carriedFound?: boolean;
}

/** One response file: every question of the questionnaire asked of the respondent, commented, answered or blank. */
export function responseYaml(o: ResponseScaffoldOptions): string {
  const say = o.words;
  const q = o.questionnaire;
  const out: string[] = [modeline(o.schemaPath)];
  out.push(`# ${say(m('scaffoldResponse'))}${say(m('colon'))}${o.org}/${o.version} · ${flat(say(q.data.title))} (${q.key})`);
  out.push('#');
  const example = [...q.questions.values()].find((x) => x.type === 'level')?.id ?? 'some.question';
  for (const line of lines(say, m('scaffoldIntro', { example }))) out.push(`# ${line}`.trimEnd());
  if (o.carriedFrom) {
    out.push('#');
    const carried = o.carriedFound === false ? m('scaffoldNewRespondent', { from: o.carriedFrom }) : m('scaffoldCarried', { from: o.carriedFrom });
    for (const line of lines(say, carried)) out.push(`# ${line}`);
  }
  const group = o.respondent.group === undefined ? undefined : q.data.groups?.find((g) => g.id === o.respondent.group);
  if (group) {
    out.push('#');
    for (const line of lines(say, m('scaffoldGroup', { group: flat(say(group.name)) }))) out.push(`# ${line}`);
  }
  out.push('');
  out.push(...respondentLines(o.respondent, o.roleGiven ? undefined : say(m('scaffoldRole'))));
  if (o.carriedFrom && o.carriedFound !== false) out.push(`carried-over-from: ${yamlString(o.carriedFrom)}`); // quoted: a version such as 2026 would read as a number
  out.push('answers:');
  const policy = q.data['evidence-policy'];
  for (const part of q.parts) {
    const asked = part.questions.filter((question) => isAsked(question, o.respondent));
    if (asked.length === 0) continue;
    out.push('');
    out.push(`  # ${'='.repeat(3)} ${flat(say(part.name))} ${'='.repeat(3)}`);
    if (part.summary) out.push(`  # ${flat(say(part.summary))}`);
    for (const question of asked) {
      out.push('');
      for (const line of questionComment(question, q, say, policy?.from)) out.push(`  # ${line}`.trimEnd());
      out.push(...answerLines(question.id, o.answers?.[question.id]));
    }
  }
  return `${out.join('\n')}\n`;
}

function questionComment(question: QuestionModel, q: QuestionnaireModel, say: Wording, evidenceFrom: number | undefined): string[] {
  const def = question.def;
  const out = [`${question.id}: ${flat(say(def.text))}`];
  if (def.help) out.push(`  ${flat(say(def.help))}`);
  if (def.exemplar) {
    const { company, industry, practice } = def.exemplar;
    out.push(`  ${flat(say(m('scaffoldExemplar', { company, industry: flat(say(industry)), practice: flat(say(practice)) })))}`);
  }
  if (question.type === 'metric') {
    const metric = def.direction === 'lower' ? 'scaffoldMetricLower' : 'scaffoldMetricHigher';
    // Figures as the answer is typed (10080, not 10,080: YAML would read that as text).
    out.push(`  ${say(m(metric, { unit: flat(say(def.unit ?? '')), target: String(def.target ?? 0), floor: String(def.floor ?? 0) }))}`);
    if (def.min !== undefined || def.max !== undefined) out.push(`  ${say(m('scaffoldRange', { min: String(def.min ?? '−∞'), max: String(def.max ?? '∞') }))}`);
  } else {
    (def.levels ?? []).forEach((level, i) => out.push(`  ${q.scale.min + i} = ${flat(say(level))}`));
  }
  if (question.evidence === 'expected') out.push(`  ${say(evidenceFrom === undefined ? m('scaffoldEvidenceNoPolicy') : m(question.type === 'metric' ? 'scaffoldEvidenceMetric' : 'scaffoldEvidence', { from: evidenceFrom }))}`);
  if (question.na) out.push(`  ${say(m('scaffoldNa'))}`);
  return out;
}


/**
 * The answers of a previous response, carried over to a (possibly newer) questionnaire:
 * question ids are mapped through the questionnaire's declared changes; answers to removed
 * questions are dropped, blank ones stay blank, and every carried answer is marked
 * `carried-over: true` (its comment and evidence kept).
 */
export function carryOver(previous: ResponseModel, mapping: Map<string, string | null>, q: QuestionnaireModel): Record<string, Answer> {
  const out: Record<string, Answer> = {};
  for (const [oldId, raw] of Object.entries(previous.data.answers)) {
    const id = mapping.get(oldId);
    if (!id) continue;
    const question = q.questions.get(id);
    if (!question) continue;
    const detail: Detail | undefined = typeof raw === 'object' && raw !== null ? raw as Detail : undefined;
    const value = answerValue(raw);
    if (value === null || value === undefined) continue;
    const key = question.type === 'metric' ? 'value' : 'level';
    const carried: Detail = { [key]: value, 'carried-over': true };
    if (detail?.comment !== undefined) carried.comment = detail.comment;
    if (detail?.evidence !== undefined) carried.evidence = detail.evidence;
    out[id] = carried;
  }
  return out;
}

/** The question-id mapping from an earlier questionnaire version to a later one (identity when equal). */
export function carryMapping(ws: Workspace, fromKey: string, toKey: string): Map<string, string | null> {
  const m = questionMapping(ws, fromKey, toKey);
  if (m) return m.map;
  // Unrelated versions: carry over only ids that exist in both, unchanged.
  const to = ws.questionnaires.get(toKey);
  const from = ws.questionnaires.get(fromKey);
  return new Map([...(from?.questions.keys() ?? [])].map((id) => [id, to?.questions.has(id) ? id : null]));
}

export interface AuditScaffoldOptions {
  schemaPath: string;
  org: string;
  version: string;
  questionnaire: string;
  benchmark: string;
  period: { start: string; end: string };
  label?: string;
  carriedFrom?: string;
  /** The comments' language. */
  words: Wording;
}

export function auditYaml(o: AuditScaffoldOptions): string {
  const say = o.words;
  const out = [modeline(o.schemaPath), `# ${say(m('scaffoldAudit', { org: o.org, version: o.version }))}`];
  if (o.carriedFrom) out.push(`# ${say(m('scaffoldAuditCarried', { from: o.carriedFrom }))}`);
  out.push(`questionnaire: ${o.questionnaire}`);
  out.push(`benchmark: ${scalar(o.benchmark)}`);
  const label = o.label === undefined ? '' : `, label: ${stringify(o.label, { lineWidth: 0 }).trimEnd().includes('\n') ? JSON.stringify(o.label) : flowScalar(o.label)}`;
  out.push(`period: { start: ${o.period.start}, end: ${o.period.end}${label} }`);
  out.push(`status: draft  # ${say(m('scaffoldStatus'))}`);
  return `${out.join('\n')}\n`;
}

export interface ActionsScaffoldOptions {
  schemaPath: string;
  /** The earlier version whose agreed actions these are. */
  from: string;
  /** Its actions.yaml. */
  previous: ActionsFile;
  /** Question ids from the earlier questionnaire version to this one (null: removed). */
  mapping: Map<string, string | null>;
  words: Wording;
}

/**
 * The next version's actions.yaml: the actions still open in the earlier one (planned or in
 * progress), their questions renamed as the questionnaire declares (those removed are left out),
 * with owner, due date, step and note as agreed, for the workshop to update. Null when none is open.
 */
export function carriedActionsYaml(o: ActionsScaffoldOptions): string | null {
  const open = o.previous.actions.filter((a) => (a.status === 'planned' || a.status === 'in-progress') && o.mapping.get(a.question));
  if (open.length === 0) return null;
  const text = (t: string | Bilingual) => (typeof t === 'string' ? yamlString(t) : `{ en: ${yamlString(t.en)}, zh: ${yamlString(t.zh)} }`);
  const out = [modeline(o.schemaPath), `# ${o.words(m('scaffoldActionsCarried', { from: o.from }))}`, 'actions:'];
  for (const a of open) {
    out.push(`  - question: ${o.mapping.get(a.question)}`, `    owner: ${text(a.owner)}`, `    due: ${a.due}`, `    status: ${a.status}`);
    if (a.step !== undefined) out.push(`    step: ${text(a.step)}`);
    if (a.note !== undefined) out.push(`    note: ${yamlString(a.note)}`);
  }
  return `${out.join('\n')}\n`;
}

/** A scalar safe inside a flow mapping (quoted when it holds flow indicators). */
function flowScalar(text: string): string {
  const plain = scalar(text);
  return /[,{}[\]]/.test(plain) && !/^["']/.test(plain) ? JSON.stringify(text) : plain;
}

export interface OrgScaffoldOptions {
  schemaPath: string;
  name: string;
  industry: { id: string; name: string };
  locale: Lang;
  /** The comments' language (the locale's). */
  words: Wording;
}

export function orgYaml(o: OrgScaffoldOptions): string {
  const say = o.words;
  return [
    modeline(o.schemaPath),
    `name: ${scalar(o.name)}  # ${say(m('scaffoldOrgName'))}`,
    `industry: { id: ${o.industry.id}, name: ${flowScalar(o.industry.name)} }  # ${say(m('scaffoldIndustry'))}`,
    `locale: ${o.locale}  # ${say(m('scaffoldLocale'))}`,
    '',
  ].join('\n');
}
