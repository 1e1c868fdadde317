import { Option, type Command } from 'commander';
import { join, relative, sep } from 'node:path';
import {
  auditYaml, carriedActionsYaml, carryMapping, isAsked, carryOver, isSlug, latestKey, orgYaml, outsideWorkspace, parsePeriod, responseYaml,
  validateWorkspace, type AuditModel, type Lang, type RespondentInfo, type Workspace,
} from '../../core/index.ts';
import { resolveRoot, rootOption, type CommandContext } from '../context.ts';
import { UsageError, UserError } from '../output.ts';
import { exists, explainWriteError, schemaRef, schemasDirFor, writeFileAtomically, writeFolderAtomically } from '../scaffold-files.ts';
import { selectVersion, unknownName } from '../select-audit.ts';
import { wording } from '../text.ts';

interface NewOptions {
  root?: string;
  from?: string;
  respondent: string[];
  group: string[];
  lang?: Lang;
  questionnaire?: string;
  benchmark?: string;
  period?: string;
  label?: string;
  name?: string;
  industry?: string;
  locale?: Lang;
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerNew(program: Command, context: CommandContext): void {
  program
    .command('new')
    .description('scaffold an audit: audit.yaml and one response file per respondent; never overwrites anything')
    .argument('<audit>', '<org>/<version>, e.g. acme-retail/2026-q3 (lower-case letters, digits, hyphens)')
    .addOption(rootOption())
    .option('--period <start..end>', 'the period audited, e.g. 2026-07-01..2026-09-30 (required)')
    .option('--label <text>', 'a short label for the period, e.g. "Q3 2026"')
    .option('--from <version>', 'pre-fill answers from this earlier version of the same organisation (marked carried-over)')
    .option('--respondent <id[=role]>', 'a respondent, repeatable (default with --from: the same respondents)', collect, [])
    .option('--group <id=group>', 'the questionnaire group a respondent answers as (only the questions routed to it are asked), repeatable (default with --from: as before)', collect, [])
    .addOption(new Option('--lang <lang>', 'language of the comments (default: the organisation\'s locale, else en)').choices(['en', 'zh']))
    .option('--questionnaire <id[@version]>', 'the questionnaire (default: the latest version of the one in use)')
    .option('--benchmark <id[@version]>', 'the benchmark profile (default: the latest for the questionnaire)')
    .option('--name <name>', 'a new organisation\'s name (default: its id)')
    .option('--industry <id>', 'a new organisation\'s industry id (default: other)')
    .addOption(new Option('--locale <lang>', 'a new organisation\'s report language (default: --lang, else en)').choices(['en', 'zh']))
    .action((spec: string, options: NewOptions) => {
      const match = /^([^/]+)\/([^/]+)$/.exec(spec);
      if (!match) throw new UsageError(`expected <org>/<version>, e.g. acme-retail/2026-q3, got "${spec}"`);
      const [, orgId, version] = match;
      for (const [what, name] of [['organisation', orgId], ['version', version]] as const) {
        if (!isSlug(name)) {
          throw new UsageError(`the ${what} "${name}" must use only lower-case letters, digits and single hyphens (it becomes part of a URL), e.g. acme-retail/2026-q3`);
        }
      }
      if (options.from !== undefined && !isSlug(options.from)) throw new UsageError(`--from: "${options.from}" is not a version name (lower-case letters, digits, hyphens)`);
      if (options.industry !== undefined && !isSlug(options.industry)) throw new UsageError(`--industry: "${options.industry}" must be a slug, e.g. retail`);
      const root = resolveRoot(options.root);
      const orgDir = join(root, 'audits', orgId);
      const target = join(orgDir, version);
      const shown = (p: string) => relative(root, p).split(sep).join('/');
      // Written only where `validate` would read it: never through a link out of the workspace.
      const outside = outsideWorkspace(root, target);
      if (outside) throw new UserError(`${shown(target)}: ${outside}, where touchstone validate does not read; nothing was written`);
      if (exists(target)) {
        throw new UserError(`${shown(target)} already exists; touchstone new never overwrites an audit. Choose another version name, or edit the files there.`);
      }
      if (options.period === undefined) throw new UsageError('give the audited period with --period START..END, e.g. --period 2026-07-01..2026-09-30');
      const period = parsePeriod(options.period);
      if ('problem' in period) throw new UsageError(`--period: ${period.problem}`);
      const respondents = parseRespondents(options.respondent);
      const groupOf = parseGroups(options.group);

      const { workspace: ws } = validateWorkspace(root);
      const org = ws.orgs.find((o) => o.id === orgId);
      if (org === undefined && exists(join(orgDir, 'org.yaml'))) {
        throw new UserError(`${shown(join(orgDir, 'org.yaml'))} has errors; run \`touchstone validate\` and fix it first`);
      }
      let previous: AuditModel | undefined;
      if (options.from !== undefined) {
        // Names on the command line that the workspace does not have are usage errors (exit 2).
        if (!org) throw new UsageError(`--from: ${unknownName('cliOrganisation', orgId, ws.orgs.map((o) => o.id), messageLang(ws, options.lang))}`);
        previous = selectVersion(ws, orgId, options.from, options.lang).audit;
      }
      const questionnaire = chooseQuestionnaire(ws, options.questionnaire, options.lang, previous ?? (org ? org.audits[org.audits.length - 1] : undefined));
      const q = ws.questionnaires.get(questionnaire)!;
      const benchmark = chooseBenchmark(ws, options.benchmark, options.lang, q.data.id, previous ?? (org ? org.audits[org.audits.length - 1] : undefined));
      const lang: Lang = options.lang ?? org?.org.data.locale ?? options.locale ?? 'en';

      let people: { info: RespondentInfo; roleGiven: boolean }[] = respondents.map((r) => ({ info: { id: r.id, role: r.role ?? r.id }, roleGiven: r.role !== undefined }));
      if (people.length === 0 && previous) {
        people = previous.responses.map((r) => ({ info: { id: r.data.respondent.id, role: r.data.respondent.role }, roleGiven: true }))
          .sort((a, b) => (a.info.id < b.info.id ? -1 : 1));
      }
      if (people.length === 0) throw new UsageError('name at least one respondent: --respondent ID or --respondent ID=Role (repeatable)');

      const groups = (q.data.groups ?? []).map((g) => g.id);
      for (const [id, group] of groupOf) {
        if (!people.some((p) => p.info.id === id)) throw new UsageError(`--group: "${id}" is not one of the respondents (${people.map((p) => p.info.id).join(', ')})`);
        if (!groups.includes(group)) {
          throw new UsageError(`--group: ${q.key} has ${groups.length ? `the groups ${groups.join(', ')}` : 'no groups'}; "${group}" is not one of them`);
        }
      }
      const schemas = schemasDirFor(root);
      const mapping = previous?.questionnaire ? carryMapping(ws, previous.questionnaire.key, q.key) : undefined;
      const files: Record<string, string> = {};
      files['audit.yaml'] = auditYaml({
        schemaPath: schemaRef(join(target, 'audit.yaml'), schemas, 'audit.schema.json'),
        org: orgId, version, questionnaire, benchmark, period, label: options.label, carriedFrom: previous?.version, words: wording(lang),
      });
      // The plan agreed last time: its open actions come along, for the workshop to update.
      const actionsText = previous?.actions && mapping ? carriedActionsYaml({
        schemaPath: schemaRef(join(target, 'actions.yaml'), schemas, 'actions.schema.json'),
        from: previous.version, previous: previous.actions.data, mapping, words: wording(lang),
      }) : null;
      if (actionsText) files['actions.yaml'] = actionsText;
      let carried = 0;
      for (const person of people) {
        const file = join(target, 'responses', `${person.info.id}.yaml`);
        const before = previous?.responses.find((r) => r.data.respondent.id === person.info.id);
        const info: RespondentInfo = before ? {
          id: person.info.id,
          role: person.roleGiven ? person.info.role : before.data.respondent.role,
          ...(before.data.respondent.name !== undefined ? { name: before.data.respondent.name } : {}),
          ...(before.data.respondent.segment !== undefined ? { segment: before.data.respondent.segment } : {}),
        } : { ...person.info };
        // The group given, else the one the respondent answered as last time (if this questionnaire still has it).
        const group = groupOf.get(person.info.id) ?? before?.data.respondent.group;
        if (group !== undefined && groups.includes(group)) info.group = group;
        const all = before && mapping ? carryOver(before, mapping, q) : undefined;
        // Only the questions asked of this respondent are written, so only their answers are carried.
        const answers = all && Object.fromEntries(Object.entries(all).filter(([id]) => isAsked(q.questions.get(id)!, info)));
        carried += Object.keys(answers ?? {}).length;
        files[`responses/${person.info.id}.yaml`] = responseYaml({
          schemaPath: schemaRef(file, schemas, 'response.schema.json'),
          org: orgId, version, questionnaire: q, respondent: info, roleGiven: person.roleGiven || before !== undefined, words: wording(lang),
          answers, carriedFrom: previous?.version, carriedFound: previous ? before !== undefined : undefined,
        });
      }

      const orgYamlPath = join(orgDir, 'org.yaml');
      const locale: Lang = options.locale ?? options.lang ?? 'en';
      const newOrg = !exists(orgYamlPath);
      const orgText = newOrg ? orgYaml({
        schemaPath: schemaRef(orgYamlPath, schemas, 'org.schema.json'),
        name: options.name ?? orgId,
        industry: { id: options.industry ?? 'other', name: options.industry ?? 'Other' },
        locale,
        words: wording(locale),
      }) : undefined;

      try {
        if (!exists(orgDir)) {
          const all: Record<string, string> = { 'org.yaml': orgText! };
          for (const [rel, text] of Object.entries(files)) all[`${version}/${rel}`] = text;
          writeFolderAtomically(orgDir, all);
        } else {
          writeFolderAtomically(target, files);
          if (orgText !== undefined) writeFileAtomically(orgYamlPath, orgText);
        }
      } catch (error) {
        explainWriteError(error, shown(target));
      }

      const out: string[] = [];
      if (newOrg) out.push(`created ${shown(orgYamlPath)} (a new organisation: check its name, industry and locale)`);
      out.push(`created ${shown(join(target, 'audit.yaml'))} (${questionnaire}, ${benchmark}, ${period.start}..${period.end})`);
      for (const person of people) out.push(`created ${shown(join(target, 'responses', `${person.info.id}.yaml`))}`);
      if (previous) out.push(`carried over ${carried} answer(s) from ${orgId}/${previous.version}, marked carried-over: true`);
      if (actionsText) out.push(`created ${shown(join(target, 'actions.yaml'))} (the actions still open in ${previous!.version}: update their status)`);
      const rootFlag = options.root !== undefined ? ` --root ${options.root}` : '';
      out.push('', `Next: answer the questions in responses/, then run \`touchstone validate${rootFlag}\`.`);
      process.stdout.write(`${out.join('\n')}\n`);
      context.exitCode = 0;
    });
}

/** `--group <respondent id>=<group id>`, each respondent once. */
function parseGroups(specs: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const spec of specs) {
    const eq = spec.indexOf('=');
    const id = spec.slice(0, eq).trim();
    const group = spec.slice(eq + 1).trim();
    if (eq < 0 || !isSlug(id) || !isSlug(group)) throw new UsageError(`--group: expected <respondent id>=<group id>, e.g. --group ceo=leadership; got "${spec}"`);
    if (out.has(id)) throw new UsageError(`--group: "${id}" is given twice`);
    out.set(id, group);
  }
  return out;
}

function parseRespondents(specs: string[]): { id: string; role?: string }[] {
  const seen = new Set<string>();
  return specs.map((spec) => {
    const eq = spec.indexOf('=');
    const id = (eq < 0 ? spec : spec.slice(0, eq)).trim();
    const role = eq < 0 ? undefined : spec.slice(eq + 1).trim();
    if (!isSlug(id)) throw new UsageError(`--respondent: "${id}" must use only lower-case letters, digits and single hyphens (it names the file responses/<id>.yaml)`);
    if (role !== undefined && (role.length === 0 || role.length > 200)) throw new UsageError(`--respondent ${id}=…: the role must be 1 to 200 characters`);
    if (seen.has(id)) throw new UsageError(`--respondent: "${id}" is given twice`);
    seen.add(id);
    return { id, role };
  });
}

function chooseQuestionnaire(ws: Workspace, flag: string | undefined, lang: Lang | undefined, reference: AuditModel | undefined): string {
  const keys = [...ws.questionnaires.keys()].sort();
  if (keys.length === 0) throw new UserError('no valid questionnaire in questionnaires/ (run `touchstone validate` to see why, or `touchstone init` to start a workspace)');
  if (flag !== undefined) {
    const key = flag.includes('@') ? flag : latestKey(keys, flag);
    if (key === undefined || !ws.questionnaires.has(key)) {
      throw new UsageError(`--questionnaire: ${unknownName('cliQuestionnaireNoun', flag, flag.includes('@') ? keys : [...new Set(keys.map((k) => k.split('@')[0]))], messageLang(ws, lang))}`);
    }
    return key;
  }
  const ids = [...new Set([...ws.questionnaires.values()].map((q) => q.data.id))];
  const id = reference?.questionnaire?.data.id ?? (ids.length === 1 ? ids[0] : undefined);
  if (id === undefined) throw new UsageError(`the workspace has several questionnaires (${ids.join(', ')}): choose one with --questionnaire`);
  return latestKey(keys, id)!;
}

function chooseBenchmark(ws: Workspace, flag: string | undefined, lang: Lang | undefined, questionnaireId: string, reference: AuditModel | undefined): string {
  const fitting = [...ws.benchmarks.values()].filter((b) => b.data.questionnaire === questionnaireId).map((b) => b.key).sort();
  if (flag !== undefined) {
    const all = [...ws.benchmarks.keys()].sort();
    const key = flag.includes('@') ? flag : latestKey(all, flag);
    if (key === undefined || !ws.benchmarks.has(key)) {
      throw new UsageError(`--benchmark: ${unknownName('cliBenchmarkProfile', flag, flag.includes('@') ? all : [...new Set(all.map((k) => k.split('@')[0]))], messageLang(ws, lang))}`);
    }
    return key;
  }
  if (fitting.length === 0) throw new UserError(`no valid benchmark profile in benchmarks/ is for the questionnaire "${questionnaireId}"`);
  const ids = [...new Set(fitting.map((k) => k.split('@')[0]))];
  const previousId = reference?.benchmark?.data.id;
  const id = previousId !== undefined && ids.includes(previousId) ? previousId : ids.length === 1 ? ids[0] : undefined;
  if (id === undefined) throw new UsageError(`several benchmark profiles fit "${questionnaireId}" (${ids.join(', ')}): choose one with --benchmark`);
  return latestKey(fitting, id)!;
}

/** The language of a message about the command line: --lang, else the workspace's. */
function messageLang(ws: Workspace, lang: Lang | undefined): Lang {
  return lang ?? ws.settings?.data['default-locale'] ?? 'en';
}
