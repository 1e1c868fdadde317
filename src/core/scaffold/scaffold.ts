import { stringify } from 'yaml';
import { questionMapping } from '../compare/diff.ts';
import { answerLines, respondentLines, yamlString } from './response-yaml.ts';
import { answerValue, type QuestionModel, type QuestionnaireModel, type ResponseModel, type Workspace } from '../read/model.ts';
import type { Bilingual, Detail, ResponseFile } from '../schema-types.ts';

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

const one = (text: string | Bilingual, lang: Lang) => (typeof text === 'string' ? text : text[lang]);
/** A comment line's text: no line breaks, collapsed spaces. */
const flat = (text: string) => text.replace(/\s+/g, ' ').trim();
/** A YAML scalar on one line (quoted when needed). */
const scalar = (value: unknown) => stringify(value, { lineWidth: 0 }).trimEnd();

export function modeline(schemaPath: string): string {
  return `# yaml-language-server: $schema=${schemaPath}`;
}

const WORDS = {
  en: {
    response: 'Touchstone response',
    intro: [
      'Write each answer after its question id:',
      '  a level on the scale, e.g.       some.question: 3',
      '  n/a, only where the question says it is allowed',
      '  a number for a metric, in the unit given',
      '  or with a comment and evidence:',
      '    some.question: { level: 3, comment: "…", evidence: [{ link: "https://…", date: 2026-09-01 }] }',
      'Leave a question blank while you do not know; `touchstone validate` counts what is still unanswered.',
    ],
    carried: (from: string) => [
      `Answers marked \`carried-over: true\` were copied from ${from}: confirm or change each one,`,
      'then delete `carried-over: true`.',
    ],
    newRespondent: (from: string) => `This respondent did not answer ${from}: nothing was carried over.`,
    role: 'the respondent\'s role, e.g. "Store operations"',
    evidence: (from: number) => `Evidence expected: without it, a level of ${from} or more counts one level lower.`,
    evidenceNoPolicy: 'Evidence expected.',
    na: 'n/a allowed.',
    exemplar: (company: string, industry: string, practice: string) => `Bar set by ${company} (${industry}): ${practice}`,
    metric: (unit: string, direction: string, target: number, floor: number) =>
      `Metric in ${unit}: ${direction === 'lower' ? 'lower' : 'higher'} is better; ${target} scores 100, ${floor} scores 0. Answer with a number.`,
    range: (min?: number, max?: number) => `Plausible range: ${min ?? '−∞'} to ${max ?? '∞'}.`,
    audit: (org: string, version: string) => `Touchstone audit ${org}/${version}. Answers go in responses/<respondent>.yaml, one file per person.`,
    auditCarried: (from: string) => `Answers were pre-filled from ${from} (carried-over: true in each response): confirm or change them.`,
    status: 'draft while answers come in; final once the workshop has agreed them',
    orgName: 'the organisation\'s name, or { en: …, zh: … } for both languages',
    industry: 'the industry: a slug id and a name',
    locale: 'the report\'s default language: en or zh',
  },
  zh: {
    response: 'Touchstone 自评答卷',
    intro: [
      '请在每个题目 id 后面填写答案：',
      '  量表上的级别，例如               some.question: 3',
      '  n/a，仅限题目注明允许的情况',
      '  指标题填数字，单位见题目说明',
      '  也可以附上说明和证据：',
      '    some.question: { level: 3, comment: "…", evidence: [{ link: "https://…", date: 2026-09-01 }] }',
      '暂时不确定的题目可以留空；`touchstone validate` 会统计尚未作答的题目。',
    ],
    carried: (from: string) => [
      `标有 \`carried-over: true\` 的答案沿用自 ${from}：请逐题确认或修改，`,
      '确认后删除 `carried-over: true`。',
    ],
    newRespondent: (from: string) => `该答卷人未参加 ${from}，没有可沿用的答案。`,
    role: '答卷人的职务，例如“门店运营”',
    evidence: (from: number) => `需要证据：没有证据时，${from} 级及以上按低一级计分。`,
    evidenceNoPolicy: '需要证据。',
    na: '可以填 n/a。',
    exemplar: (company: string, industry: string, practice: string) => `标杆：${company}（${industry}）：${practice}`,
    metric: (unit: string, direction: string, target: number, floor: number) =>
      `指标（单位：${unit}）：${direction === 'lower' ? '越低越好' : '越高越好'}；${target} 得 100 分，${floor} 得 0 分。请填写数字。`,
    range: (min?: number, max?: number) => `合理范围：${min ?? '−∞'} 至 ${max ?? '∞'}。`,
    audit: (org: string, version: string) => `Touchstone 评估 ${org}/${version}。答卷放在 responses/<答卷人>.yaml，每人一个文件。`,
    auditCarried: (from: string) => `答案已从 ${from} 预填（各答卷中标有 carried-over: true）：请确认或修改。`,
    status: '收集答案期间为 draft；研讨会确认后改为 final',
    orgName: '机构名称；两种语言可写 { en: …, zh: … }',
    industry: '所属行业：slug 形式的 id 和名称',
    locale: '报告的默认语言：en 或 zh',
  },
} as const;

export interface RespondentInfo {
  id: string;
  role: string;
  name?: string;
  segment?: string;
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
  lang: Lang;
  /** Answers to write instead of blanks (e.g. carried over), by question id. */
  answers?: Record<string, Answer>;
  /** The version the answers were carried over from (writes `carried-over-from`). */
  carriedFrom?: string;
  /** With `carriedFrom`: whether this respondent answered that version. */
  carriedFound?: boolean;
}

/** One response file: every question of the questionnaire, commented, answered or blank. */
export function responseYaml(o: ResponseScaffoldOptions): string {
  const w = WORDS[o.lang];
  const q = o.questionnaire;
  const out: string[] = [modeline(o.schemaPath)];
  out.push(`# ${w.response}${o.lang === 'zh' ? '：' : ': '}${o.org}/${o.version} · ${flat(q.data.title[o.lang])} (${q.key})`);
  out.push('#');
  const example = [...q.questions.values()].find((x) => x.type === 'level')?.id ?? 'some.question';
  for (const line of w.intro) out.push(`# ${line.replaceAll('some.question', example)}`.trimEnd());
  if (o.carriedFrom) {
    out.push('#');
    for (const line of o.carriedFound === false ? [w.newRespondent(o.carriedFrom)] : w.carried(o.carriedFrom)) out.push(`# ${line}`);
  }
  out.push('');
  out.push(...respondentLines(o.respondent, o.roleGiven ? undefined : w.role));
  if (o.carriedFrom && o.carriedFound !== false) out.push(`carried-over-from: ${yamlString(o.carriedFrom)}`); // quoted: a version such as 2026 would read as a number
  out.push('answers:');
  const policy = q.data['evidence-policy'];
  for (const part of q.parts) {
    out.push('');
    out.push(`  # ${'='.repeat(3)} ${flat(part.name[o.lang])} ${'='.repeat(3)}`);
    if (part.summary) out.push(`  # ${flat(part.summary[o.lang])}`);
    for (const question of part.questions) {
      out.push('');
      for (const line of questionComment(question, q, o.lang, policy?.from)) out.push(`  # ${line}`.trimEnd());
      out.push(...answerLines(question.id, o.answers?.[question.id]));
    }
  }
  return `${out.join('\n')}\n`;
}

function questionComment(question: QuestionModel, q: QuestionnaireModel, lang: Lang, evidenceFrom: number | undefined): string[] {
  const w = WORDS[lang];
  const def = question.def;
  const lines = [`${question.id}: ${flat(def.text[lang])}`];
  if (def.help) lines.push(`  ${flat(def.help[lang])}`);
  if (def.exemplar) lines.push(`  ${w.exemplar(def.exemplar.company, flat(def.exemplar.industry[lang]), flat(def.exemplar.practice[lang]))}`);
  if (question.type === 'metric') {
    lines.push(`  ${w.metric(flat(def.unit?.[lang] ?? ''), def.direction ?? 'higher', def.target ?? 0, def.floor ?? 0)}`);
    if (def.min !== undefined || def.max !== undefined) lines.push(`  ${w.range(def.min, def.max)}`);
  } else {
    (def.levels ?? []).forEach((level, i) => lines.push(`  ${q.scale.min + i} = ${flat(level[lang])}`));
  }
  if (question.evidence === 'expected') lines.push(`  ${evidenceFrom === undefined ? w.evidenceNoPolicy : w.evidence(evidenceFrom)}`);
  if (question.na) lines.push(`  ${w.na}`);
  return lines;
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
  lang: Lang;
}

export function auditYaml(o: AuditScaffoldOptions): string {
  const w = WORDS[o.lang];
  const out = [modeline(o.schemaPath), `# ${w.audit(o.org, o.version)}`];
  if (o.carriedFrom) out.push(`# ${w.auditCarried(o.carriedFrom)}`);
  out.push(`questionnaire: ${o.questionnaire}`);
  out.push(`benchmark: ${scalar(o.benchmark)}`);
  const label = o.label === undefined ? '' : `, label: ${stringify(o.label, { lineWidth: 0 }).trimEnd().includes('\n') ? JSON.stringify(o.label) : flowScalar(o.label)}`;
  out.push(`period: { start: ${o.period.start}, end: ${o.period.end}${label} }`);
  out.push(`status: draft  # ${w.status}`);
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
}

export function orgYaml(o: OrgScaffoldOptions): string {
  const w = WORDS[o.locale];
  return [
    modeline(o.schemaPath),
    `name: ${scalar(o.name)}  # ${w.orgName}`,
    `industry: { id: ${o.industry.id}, name: ${flowScalar(o.industry.name)} }  # ${w.industry}`,
    `locale: ${o.locale}  # ${w.locale}`,
    '',
  ].join('\n');
}
