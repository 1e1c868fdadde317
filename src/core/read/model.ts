import type {
  AuditFile, BenchmarkFile, Bilingual, Gate, OrgFile, Question, QuestionnaireFile, ResponseFile, ScenariosFile, FactsFile, ActionsFile, WorkspaceFile,
} from '../schema-types.ts';
import type { NotesDocument } from './notes.ts';
import type { SourceFile } from './yaml-file.ts';
import type { Message } from '../score-types.ts';

export type * from '../schema-types.ts';

/** A file that parsed and passed its schema: typed data plus the way back to its lines. */
export interface Loaded<T> {
  source: SourceFile;
  data: T;
}

export type PartKind = 'driver' | 'consistency' | 'benchmark' | 'recovery';

/** A scored group of questions: one of the drivers, or one of the other three parts. */
export interface PartModel {
  /** The driver id, or `consistency` / `benchmark` / `recovery`. */
  id: string;
  kind: PartKind;
  /** The questionnaire's name, or Touchstone's word for a part it leaves unnamed. */
  name: Bilingual | Message;
  summary?: Bilingual;
  weight: number;
  questions: QuestionModel[];
}

export interface QuestionModel {
  id: string;
  part: string;
  type: 'level' | 'metric';
  weight: number;
  evidence: 'expected' | 'optional';
  na: boolean;
  def: Question;
  /** Where the question sits in its questionnaire file, for diagnostics. */
  path: (string | number)[];
}

export interface QuestionnaireModel extends Loaded<QuestionnaireFile> {
  /** `id@version` */
  key: string;
  scale: { min: number; max: number };
  parts: PartModel[];
  questions: Map<string, QuestionModel>;
  gates: Gate[];
  /** What the index is made of (the questionnaire's `index`, or the drivers alone), in a fixed order. */
  index: IndexComponent[];
}

/** One component of the index: the drivers together (each by its own weight), or one part. */
export interface IndexComponent {
  part: IndexPart;
  /** Relative weight, as the questionnaire gives it. */
  weight: number;
}
export type IndexPart = 'drivers' | Exclude<PartKind, 'driver'>;
export const INDEX_PARTS: readonly IndexPart[] = ['drivers', 'consistency', 'benchmark', 'recovery'];

/** A questionnaire that says nothing of its index: the drivers' weighted mean, as before `index` existed. */
export const DRIVERS_ONLY: readonly IndexComponent[] = [{ part: 'drivers', weight: 1 }];

export interface BenchmarkModel extends Loaded<BenchmarkFile> {
  key: string;
}

export interface ResponseModel extends Loaded<ResponseFile> {}

export interface AuditModel {
  org: string;
  version: string;
  /** audits/<org>/<version> relative to the root */
  dir: string;
  audit: Loaded<AuditFile>;
  responses: ResponseModel[];
  scenarios?: Loaded<ScenariosFile>;
  /** Metrics measured for the audit (facts.yaml), which replace the respondents' opinions on them. */
  facts?: Loaded<FactsFile>;
  /** The action plan agreed for the audit (actions.yaml): owner, due date and status per question. */
  actions?: Loaded<ActionsFile>;
  /** Relative path of notes.mdx when present. */
  notes?: string;
  /** notes.mdx parsed (absent when it could not be read or parsed): what the site renders. */
  notesDoc?: NotesDocument;
  questionnaire?: QuestionnaireModel;
  benchmark?: BenchmarkModel;
}

export interface OrgModel {
  id: string;
  org: Loaded<OrgFile>;
  /** In time order: by period start, then by version name. */
  audits: AuditModel[];
}

export interface Workspace {
  root: string;
  settings?: Loaded<WorkspaceFile>;
  questionnaires: Map<string, QuestionnaireModel>;
  benchmarks: Map<string, BenchmarkModel>;
  orgs: OrgModel[];
  /** Every audit that loaded, including those of an organisation whose org.yaml is broken (for cross-checks). */
  allAudits: AuditModel[];
  /** Files that exist but failed to parse or validate (relative paths); their diagnostics are already reported. */
  broken: Set<string>;
  /** The workspace's secret (TOUCHSTONE_SECRET), which keys anonymous audits' pseudonyms; never published. */
  secret?: string;
}

export const DEFAULT_SCALE = { min: 0, max: 4 } as const;

/** Flattens a questionnaire's drivers and parts into one ordered list and an id index. */
/**
 * A part the questionnaire leaves unnamed is called by Touchstone's own word for it (a catalogue
 * message, `part_<kind>`), never by the sample bank's name.
 */
export function undeclaredPartName(kind: Exclude<PartKind, 'driver'>): Message {
  return { id: `part_${kind}`, params: {} };
}

export function indexQuestionnaire(loaded: Loaded<QuestionnaireFile>): QuestionnaireModel {
  const q = loaded.data;
  const parts: PartModel[] = [];
  const questions = new Map<string, QuestionModel>();
  const addPart = (id: string, kind: PartKind, name: Bilingual | Message, summary: Bilingual | undefined, weight: number,
    defs: Question[], base: (string | number)[]) => {
    const models = defs.map((def, i): QuestionModel => ({
      id: def.id, part: id, type: def.type ?? 'level', weight: def.weight ?? 1, evidence: def.evidence ?? 'optional',
      na: def.na ?? false, def, path: [...base, i],
    }));
    for (const m of models) if (!questions.has(m.id)) questions.set(m.id, m);
    parts.push({ id, kind, name, summary, weight, questions: models });
  };
  q.drivers.forEach((d, i) => addPart(d.id, 'driver', d.name, d.summary, d.weight ?? 1, d.questions, ['drivers', i, 'questions']));
  for (const kind of ['consistency', 'benchmark', 'recovery'] as const) {
    const part = q[kind];
    // Unnamed, a part is called by a plain generic name, never by the sample bank's.
    if (part) addPart(kind, kind, part.name ?? undeclaredPartName(kind), part.summary, 1, part.questions, [kind, 'questions']);
  }
  return {
    ...loaded, key: `${q.id}@${q.version}`, scale: q.scale ?? DEFAULT_SCALE, parts, questions, gates: q.gates ?? [],
    index: q.index ? INDEX_PARTS.flatMap((part) => (q.index![part] === undefined ? [] : [{ part, weight: q.index![part]! }])) : [...DRIVERS_ONLY],
  };
}

export function driverParts(q: QuestionnaireModel): PartModel[] {
  return q.parts.filter((p) => p.kind === 'driver');
}

/**
 * An answer's plain value: a level or metric value; "n/a" (the question does not apply);
 * "dont-know" (the respondent does not know: no level, but not a blank either, since it is an
 * answer and a knowledge gap the report shows); null, not answered yet.
 */
export type AnswerValue = number | 'n/a' | 'dont-know' | null;

/**
 * Whether a question is asked of a respondent: always, unless the question is routed to some of
 * the questionnaire's groups (`groups`) and the respondent is in another (`respondent.group`).
 * Those not asked are not counted there: not in its median, its counts or its warnings.
 */
export function isAsked(question: Pick<QuestionModel, 'def'>, respondent: ResponseFile['respondent']): boolean {
  const groups = question.def.groups;
  return !groups || respondent.group === undefined || groups.includes(respondent.group);
}

/** The plain value of an answer, whatever form it was written in. */
export function answerValue(answer: ResponseFile['answers'][string]): AnswerValue {
  if (answer === undefined || answer === null) return null;
  if (typeof answer === 'number' || answer === 'n/a' || answer === 'dont-know') return answer;
  if (typeof answer === 'object') return answer.level ?? answer.value ?? null;
  return null;
}
