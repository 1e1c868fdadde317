import { join } from 'node:path';
import { DiagnosticBag, FILE_START, type Diagnostic } from '../diagnostics.ts';
import { LANGS } from '../lang.ts';
import { LIMITS } from './limits.ts';
import {
  indexQuestionnaire, type AuditModel, type BenchmarkModel, type Loaded, type OrgModel, type QuestionnaireModel,
  type ResponseModel, type Workspace,
} from './model.ts';
import type { AuditFile, BenchmarkFile, OrgFile, QuestionnaireFile, ResponseFile, ScenariosFile, FactsFile, ActionsFile, WorkspaceFile } from '../schema-types.ts';
import { reportSchemaErrors } from './schema-errors.ts';
import { parseNotes, type NotesDocument } from './notes.ts';
import { markBidiControls } from '../text-safety.ts';
import { validators, type FileKind } from './schemas.ts';
import { WorkspaceReader, workspaceEntries } from './workspace-files.ts';
import { parseYaml, parseYamlFile, sourceFromParsed, type DataPath, type ParsedYaml, type SourceFile } from './yaml-file.ts';

/**
 * A file parsed ahead of loading (by the CLI's worker threads): what parseYamlFile would have
 * returned for it, and the diagnostics it would have reported. Keyed by path relative to the root.
 */
export interface PreparsedFile { parsed?: ParsedYaml; diagnostics: Diagnostic[] }
export type Preparsed = ReadonlyMap<string, PreparsedFile>;

/** At most this many files are parsed ahead; loadWorkspace reads any others itself. */
const MAX_AHEAD = 50_000;

/**
 * The files that may be parsed ahead of loading (by worker threads, or from a cache): the
 * workspace's YAML files within the size limit, as workspaceEntries lists them (no links, nothing
 * hidden). Whatever else loadWorkspace reads, it reads and reports itself.
 */
export function filesToParseAhead(root: string): { rel: string; size: number }[] {
  return workspaceEntries(root, MAX_AHEAD)
    .filter((e) => e.rel.endsWith('.yaml') && e.size <= LIMITS.fileBytes)
    .map(({ rel, size }) => ({ rel, size }));
}

/** One file parsed ahead: what loadWorkspace would have made of these bytes, and said about them. */
export function parseAhead(rel: string, bytes: Uint8Array): PreparsedFile {
  const bag = new DiagnosticBag();
  const parsed = parseYaml(rel, bytes, bag);
  return parsed ? { parsed, diagnostics: bag.items } : { diagnostics: bag.items };
}

/**
 * Reads a workspace folder into typed models. Every file is parsed and checked against its
 * schema; a file that fails is reported and left out of the model (so later stages only ever
 * see well-formed data), but loading goes on so that one run reports every problem.
 */
export function loadWorkspace(root: string, bag: DiagnosticBag, preparsed?: Preparsed): Workspace {
  const reader = new WorkspaceReader(root, bag);
  const workspace: Workspace = { root, questionnaires: new Map(), benchmarks: new Map(), orgs: [], allAudits: [], broken: new Set() };
  // The one secret of a workspace, set by CI from its secret store (README, Anonymity); read here, with the files.
  if (process.env.TOUCHSTONE_SECRET) workspace.secret = process.env.TOUCHSTONE_SECRET;
  // Only the parse moves to another thread: which files are read, and every check on them,
  // stay here, in this one order.
  const parse = (absolute: string): SourceFile | undefined => {
    const ahead = preparsed?.get(reader.rel(absolute));
    if (ahead) {
      for (const d of ahead.diagnostics) bag.add(d);
      return ahead.parsed && sourceFromParsed(ahead.parsed);
    }
    const bytes = reader.read(absolute);
    return bytes && parseYamlFile(reader.rel(absolute), bytes, bag);
  };
  const load = <T>(absolute: string, kind: FileKind): Loaded<T> | undefined => {
    const source = parse(absolute);
    if (!source) {
      workspace.broken.add(reader.rel(absolute));
      return undefined;
    }
    const validate = validators()[kind];
    if (!validate(source.data)) {
      reportSchemaErrors(source, validate.errors ?? [], bag);
      workspace.broken.add(reader.rel(absolute));
      return undefined;
    }
    neutralizeBidiControls(source, bag);
    return { source, data: source.data as T };
  };

  if (!['questionnaires', 'benchmarks', 'audits'].some((dir) => reader.exists(join(root, dir)) === 'dir')) {
    bag.error('.', FILE_START, 'workspace/empty',
      'no questionnaires/, benchmarks/ or audits/ folder here: is --root pointing at a Touchstone workspace?');
  }
  const settingsPath = join(root, 'touchstone.yaml');
  if (reader.exists(settingsPath) === 'file') workspace.settings = load<WorkspaceFile>(settingsPath, 'workspace');

  for (const dir of reader.list(join(root, 'questionnaires'))) {
    if (dir.kind !== 'dir') continue;
    for (const file of yamlFiles(reader, dir.path, bag)) {
      const loaded = load<QuestionnaireFile>(file.path, 'questionnaire');
      if (!loaded) continue;
      checkFileName(loaded, dir.name, file.name, bag, 'questionnaire');
      const model = indexQuestionnaire(loaded);
      if (workspace.questionnaires.has(model.key)) continue;
      workspace.questionnaires.set(model.key, model);
    }
  }
  for (const dir of reader.list(join(root, 'benchmarks'))) {
    if (dir.kind !== 'dir') continue;
    for (const file of yamlFiles(reader, dir.path, bag)) {
      const loaded = load<BenchmarkFile>(file.path, 'benchmark');
      if (!loaded) continue;
      checkFileName(loaded, dir.name, file.name, bag, 'benchmark');
      const key = `${loaded.data.id}@${loaded.data.version}`;
      if (!workspace.benchmarks.has(key)) workspace.benchmarks.set(key, { ...loaded, key });
    }
  }

  for (const orgDir of reader.list(join(root, 'audits'))) {
    if (orgDir.kind !== 'dir') continue;
    if (!reader.checkSlug(orgDir.path, orgDir.name, 'organisation folder')) continue;
    if (RESERVED_ORG_NAMES.has(orgDir.name)) {
      bag.error(reader.rel(orgDir.path), FILE_START, 'path/reserved-name',
        `"${orgDir.name}" is the name of a page of the report site; give the organisation folder another name`);
      continue;
    }
    const orgPath = join(orgDir.path, 'org.yaml');
    if (reader.exists(orgPath) !== 'file') {
      bag.error(reader.rel(orgDir.path), FILE_START, 'org/missing-file',
        `the organisation folder "${orgDir.name}" has no org.yaml (name, industry, locale)`);
    }
    const org = reader.exists(orgPath) === 'file' ? load<OrgFile>(orgPath, 'org') : undefined;
    const audits: AuditModel[] = [];
    for (const entry of reader.list(orgDir.path)) {
      if (entry.kind === 'file') {
        if (entry.name !== 'org.yaml') unexpected(reader, entry.path, bag, 'only org.yaml and audit version folders belong here');
        continue;
      }
      if (!reader.checkSlug(entry.path, entry.name, 'audit version folder')) continue;
      const audit = loadAudit(reader, entry.path, orgDir.name, entry.name, load, bag, workspace.broken);
      if (audit) audits.push(audit);
    }
    for (const audit of audits) {
      audit.questionnaire = workspace.questionnaires.get(audit.audit.data.questionnaire);
      audit.benchmark = workspace.benchmarks.get(audit.audit.data.benchmark);
    }
    workspace.allAudits.push(...audits);
    if (!org) continue;
    audits.sort((a, b) => (a.audit.data.period.start < b.audit.data.period.start ? -1 : a.audit.data.period.start > b.audit.data.period.start ? 1 : a.version < b.version ? -1 : 1));
    workspace.orgs.push({ id: orgDir.name, org, audits });
  }
  return workspace;
}

/** Organisation folders become URLs beside the site's own pages (/<lang>/methodology/ …). */
/** Folder names that are the site's own routes (and its languages), so no organisation may take one. */
export const RESERVED_ORG_NAMES: ReadonlySet<string> = new Set(['questionnaires', 'methodology', 'capture', ...LANGS]);

type LoadFn = <T>(absolute: string, kind: FileKind) => Loaded<T> | undefined;

function loadAudit(reader: WorkspaceReader, dir: string, org: string, version: string, load: LoadFn, bag: DiagnosticBag, broken: Set<string>): AuditModel | undefined {
  const auditPath = join(dir, 'audit.yaml');
  const entries = reader.list(dir);
  if (!entries.some((e) => e.name === 'audit.yaml' && e.kind === 'file')) {
    bag.error(reader.rel(dir), FILE_START, 'audit/missing-file',
      `the audit folder "${org}/${version}" has no audit.yaml (questionnaire, benchmark, period, status)`);
    return undefined;
  }
  const audit = load<AuditFile>(auditPath, 'audit');
  const responses: ResponseModel[] = [];
  let scenarios: Loaded<ScenariosFile> | undefined;
  let facts: Loaded<FactsFile> | undefined;
  let actions: Loaded<ActionsFile> | undefined;
  let notes: string | undefined;
  let notesDoc: NotesDocument | undefined;
  for (const entry of entries) {
    if (entry.name === 'audit.yaml') continue;
    if (entry.name === 'scenarios.yaml' && entry.kind === 'file') scenarios = load<ScenariosFile>(entry.path, 'scenarios');
    else if (entry.name === 'facts.yaml' && entry.kind === 'file') facts = load<FactsFile>(entry.path, 'facts');
    else if (entry.name === 'actions.yaml' && entry.kind === 'file') actions = load<ActionsFile>(entry.path, 'actions');
    else if (entry.name === 'notes.mdx' && entry.kind === 'file') {
      notes = reader.rel(entry.path);
      // Read by the reader's rules (size limit) and checked as prose: see notes.ts.
      const bytes = reader.read(entry.path);
      notesDoc = bytes && parseNotes(notes, bytes, bag);
      if (!notesDoc) broken.add(notes);
    } else if (entry.name === 'responses' && entry.kind === 'dir') {
      const files = yamlFiles(reader, entry.path, bag);
      if (files.length > LIMITS.respondents) {
        bag.error(reader.rel(entry.path), FILE_START, 'limit/too-many-respondents',
          `${files.length} response files; an audit takes at most ${LIMITS.respondents} respondents`);
      }
      for (const file of files.slice(0, LIMITS.respondents)) {
        if (!reader.checkSlug(file.path, file.name.replace(/\.yaml$/, ''), 'response file')) continue;
        const response = load<ResponseFile>(file.path, 'response');
        if (response) responses.push(response);
      }
    } else unexpected(reader, entry.path, bag, 'an audit folder holds audit.yaml, responses/, scenarios.yaml, facts.yaml, actions.yaml and notes.mdx');
  }
  if (!audit) return undefined;
  return { org, version, dir: reader.rel(dir), audit, responses, scenarios, facts, actions, notes, notesDoc };
}

function yamlFiles(reader: WorkspaceReader, dir: string, bag: DiagnosticBag) {
  const out = [];
  for (const entry of reader.list(dir)) {
    if (entry.kind === 'file' && entry.name.endsWith('.yaml')) out.push(entry);
    else if (entry.kind === 'file' && entry.name.endsWith('.yml')) {
      unexpected(reader, entry.path, bag, `rename it to ${entry.name.replace(/\.yml$/, '.yaml')} (Touchstone reads .yaml files)`);
    } else unexpected(reader, entry.path, bag, 'only .yaml files are read here');
  }
  return out;
}

function unexpected(reader: WorkspaceReader, path: string, bag: DiagnosticBag, hint: string): void {
  bag.warning(reader.rel(path), FILE_START, 'path/unexpected-file', `not a workspace file, so it was ignored: ${hint}`);
}

function checkFileName(loaded: Loaded<{ id: string; version: string }>, dir: string, file: string, bag: DiagnosticBag, what: string): void {
  const { id, version } = loaded.data;
  if (id !== dir) {
    bag.error(loaded.source.file, loaded.source.locate(['id']), `${what}/path-mismatch`,
      `the ${what} id "${id}" must match its folder "${dir}"`);
  }
  if (`${version}.yaml` !== file) {
    bag.error(loaded.source.file, loaded.source.locate(['version']), `${what}/path-mismatch`,
      `the ${what} version "${version}" must match its file name "${file}"`);
  }
}

/** Every string of a loaded file with its direction controls shown as markers, and a warning where (text-safety.ts). */
export function neutralizeBidiControls(source: SourceFile, bag: DiagnosticBag): void {
  const visit = (value: unknown, path: (string | number)[]): unknown => {
    if (typeof value === 'string') {
      const marked = markBidiControls(value);
      if (!marked) return value;
      bag.warning(source.file, source.locate(path as DataPath), 'text/bidi-control', marked.warning);
      return marked.text;
    }
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) value[i] = visit(value[i], [...path, i]);
    } else if (value !== null && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      for (const key of Object.keys(record)) record[key] = visit(record[key], [...path, key]);
    }
    return value;
  };
  visit(source.data, []);
}
