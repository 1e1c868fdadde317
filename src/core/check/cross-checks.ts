import type { DiagnosticBag } from '../diagnostics.ts';
import { answerValue, isAsked, type AuditModel, type QuestionnaireModel, type ResponseModel, type Workspace } from '../read/model.ts';
import type { Condition, Detail } from '../schema-types.ts';
import { anonymityMinimum } from './anonymity.ts';
import { checkLink } from './links.ts';
import { didYouMean } from '../suggest.ts';
import { checkNotesAgainstAudit } from '../read/notes.ts';

/** The tests a condition of a rule or gate can make; a condition needs at least one. */
const CONDITION_TESTS = ['at-most', 'at-least', 'below', 'above', 'is-na', 'unanswered'] as const;

/**
 * Checks that need more than one file: references between files, answers against the
 * questionnaire version they answer, and the questionnaire's own internal consistency.
 * Runs on the loaded model only; every finding points at the line that caused it.
 */
export function crossCheck(ws: Workspace, bag: DiagnosticBag): void {
  for (const q of ws.questionnaires.values()) checkQuestionnaire(q, ws, bag);
  for (const b of ws.benchmarks.values()) checkBenchmark(b, ws, bag);
  for (const audit of ws.allAudits) checkAudit(audit, ws, bag);
  for (const org of ws.orgs) {
    const targets = org.org.data.targets ?? {};
    const drivers = new Set(org.audits.flatMap((a) => a.questionnaire?.data.drivers.map((d) => d.id) ?? []));
    if (drivers.size === 0) continue;
    for (const [driver, target] of Object.entries(targets)) {
      if (!drivers.has(driver)) {
        bag.error(org.org.source.file, org.org.source.locate(['targets', driver], { key: true }), 'org/unknown-driver',
          `"${driver}" is not a driver of this organisation's questionnaires${didYouMean(driver, drivers)}`);
        continue;
      }
      // A target is a level on the scale of each questionnaire the organisation's audits use
      // (the schema cannot know that scale): 4.5 on a 1–4 scale would be reported as 116.7.
      for (const audit of org.audits) {
        const q = audit.questionnaire;
        if (!q || !q.data.drivers.some((d) => d.id === driver)) continue;
        if (target < q.scale.min || target > q.scale.max) {
          bag.error(org.org.source.file, org.org.source.locate(['targets', driver]), 'org/off-scale',
            `the target ${target} for "${driver}" is not on the scale of ${q.key} (used by ${audit.version}): a level from ${q.scale.min} to ${q.scale.max}`);
          break;
        }
      }
    }
  }
}

function checkQuestionnaire(q: QuestionnaireModel, ws: Workspace, bag: DiagnosticBag): void {
  const { source, data } = q;
  const span = q.scale.max - q.scale.min + 1;
  if (q.scale.max <= q.scale.min) {
    bag.error(source.file, source.locate(['scale', 'max']), 'questionnaire/bad-scale', 'the scale\'s max must be greater than its min');
  }
  const seenQuestions = new Map<string, string>();
  const seenParts = new Set<string>();
  for (const [i, d] of data.drivers.entries()) {
    if (seenParts.has(d.id) || ['consistency', 'benchmark', 'recovery', 'index'].includes(d.id)) {
      bag.error(source.file, source.locate(['drivers', i, 'id']), 'questionnaire/duplicate-id', `the driver id "${d.id}" is used twice or is reserved`);
    }
    seenParts.add(d.id);
  }
  for (const part of q.parts) {
    for (const question of part.questions) {
      const at = (key: string) => source.locate([...question.path, key]);
      if (seenQuestions.has(question.id)) {
        bag.error(source.file, at('id'), 'questionnaire/duplicate-id', `the question id "${question.id}" is already used in ${seenQuestions.get(question.id)}`);
      } else seenQuestions.set(question.id, part.id);
      const def = question.def;
      if (question.type === 'level') {
        if (def.levels && def.levels.length !== span) {
          bag.error(source.file, at('levels'), 'questionnaire/levels-count',
            `"${question.id}" describes ${def.levels.length} levels; the scale ${q.scale.min}–${q.scale.max} has ${span}`);
        }
        if (def.next && def.next.length !== span - 1) {
          bag.error(source.file, at('next'), 'questionnaire/next-count',
            `"${question.id}" gives ${def.next.length} next steps; one per level below the top is ${span - 1}`);
        }
        if (Array.isArray(def.effort) && def.effort.length !== span - 1) {
          bag.error(source.file, at('effort'), 'questionnaire/effort-count',
            `"${question.id}" sizes ${def.effort.length} next steps; one size per level below the top is ${span - 1} (or one size, e.g. effort: M, for every step)`);
        }
      } else {
        if (Array.isArray(def.effort) && def.effort.length !== 1) {
          bag.error(source.file, at('effort'), 'questionnaire/effort-count', `"${question.id}" is a metric, with one next step: give it one size (e.g. effort: M)`);
        }
        const { target = 0, floor = 0, direction } = def;
        if ((direction === 'higher' && !(target > floor)) || (direction === 'lower' && !(target < floor))) {
          bag.error(source.file, at('target'), 'questionnaire/metric-bounds',
            `"${question.id}": with direction "${direction}" the target must be ${direction === 'higher' ? 'above' : 'below'} the floor (${floor})`);
        }
        if (def.min !== undefined && def.max !== undefined && def.min > def.max) {
          bag.error(source.file, at('min'), 'questionnaire/metric-bounds', `"${question.id}": min is above max`);
        }
      }
      const declared = (data.groups ?? []).map((g) => g.id);
      for (const [k, group] of (def.groups ?? []).entries()) {
        if (!declared.includes(group)) {
          bag.error(source.file, source.locate([...question.path, 'groups', k]), 'questionnaire/unknown-group',
            `"${group}" is not one of the questionnaire's groups${declared.length ? `: ${list(declared)}${didYouMean(group, declared)}` : ' (declare it under "groups:" at the top level)'}`);
        }
      }
      if (def.effort !== undefined && !data.effort) {
        bag.error(source.file, at('effort'), 'questionnaire/effort-without-sizes',
          `"${question.id}" sizes its next steps, but the questionnaire declares no sizes: add e.g. "effort: { S: 5, M: 20, L: 60 }" (person-days) at the top level`);
      }
    }
  }
  const known = [...q.questions.keys()];
  const checkRef = (id: string, path: (string | number)[]) => {
    if (!q.questions.has(id)) {
      bag.error(source.file, source.locate(path), 'questionnaire/unknown-question',
        `"${id}" is not a question of this questionnaire${didYouMean(id, known)}`);
    }
  };
  // A condition tests one question's answer or one figure of the observations, with a test
  // (core/score/conditions.ts says what each test means).
  const checkCondition = (c: Condition, path: (string | number)[]) => {
    const at = source.locate(path, { key: true });
    if (c.question !== undefined && c.observed !== undefined) {
      bag.error(source.file, at, 'questionnaire/condition-target', 'a condition tests either a question ("question:") or an observation ("observed:"), not both: write two conditions');
    } else if (c.question === undefined && c.observed === undefined) {
      bag.error(source.file, at, 'questionnaire/condition-target', 'a condition needs "question: <id>" or "observed: correct | luck | ask-twice"');
    } else if (c.question !== undefined) checkRef(c.question, [...path, 'question']);
    if (c.observed !== undefined && (c['is-na'] !== undefined || c.unanswered !== undefined)) {
      bag.error(source.file, at, 'questionnaire/condition-test', 'an observation is a number: test it with at-most, at-least, below or above, not is-na or unanswered');
    }
    if (!CONDITION_TESTS.some((t) => c[t] !== undefined)) {
      bag.error(source.file, at, 'questionnaire/condition-test', `a condition needs a test: ${CONDITION_TESTS.join(', ')}`);
    }
  };
  data.consistency?.rules?.forEach((rule, i) => {
    rule.when.forEach((c, j) => checkCondition(c, ['consistency', 'rules', i, 'when', j]));
    // A rule is checked in each response: it needs an answer of the respondent's to compare.
    if (rule.when.every((c) => c.question === undefined)) {
      bag.error(source.file, source.locate(['consistency', 'rules', i, 'when'], { key: true }), 'questionnaire/rule-without-answer',
        `the rule "${rule.id}" tests no question: a rule compares a respondent's answer with other answers, a fact or the observations; a test of the observations alone is a gate`);
    }
  });
  // Gates and rules are named in reports and in `check` assertions by id: one id, one rule.
  const firstAt = new Map<string, number>();
  data.consistency?.rules?.forEach((rule, i) => {
    const first = firstAt.get(`rule:${rule.id}`);
    if (first !== undefined) {
      bag.error(source.file, source.locate(['consistency', 'rules', i, 'id']), 'questionnaire/duplicate-id',
        `the rule id "${rule.id}" is already used by rule ${first + 1} (line ${source.locate(['consistency', 'rules', first, 'id']).line})`);
    } else firstAt.set(`rule:${rule.id}`, i);
  });
  q.gates.forEach((gate, i) => {
    const first = firstAt.get(`gate:${gate.id}`);
    if (first !== undefined) {
      bag.error(source.file, source.locate(['gates', i, 'id']), 'questionnaire/duplicate-id',
        `the gate id "${gate.id}" is already used by gate ${first + 1} (line ${source.locate(['gates', first, 'id']).line})`);
    } else firstAt.set(`gate:${gate.id}`, i);
  });
  const scopes = new Set(['index', ...q.parts.map((p) => p.id)]);
  q.gates.forEach((gate, i) => {
    if (!scopes.has(gate.scope)) {
      bag.error(source.file, source.locate(['gates', i, 'scope']), 'questionnaire/unknown-scope',
        `a gate can cap ${[...scopes].map((s) => `"${s}"`).join(', ')}; "${gate.scope}" is none of them${didYouMean(gate.scope, scopes)}`);
    }
    gate.when.forEach((c, j) => checkCondition(c, ['gates', i, 'when', j]));
  });
  // Bands cover 0–100 from the bottom up, each named once.
  const bands = data.bands ?? [];
  bands.forEach((band, i) => {
    const at = source.locate(['bands', i, 'from']);
    if (i === 0 && band.from !== 0) {
      bag.error(source.file, at, 'questionnaire/bands-start', `the first band must start at 0 (it starts at ${band.from}), so that every score has a band`);
    } else if (i > 0 && band.from <= bands[i - 1]!.from) {
      bag.error(source.file, at, 'questionnaire/bands-order', `band "${band.id}" starts at ${band.from}, not above the band before it ("${bands[i - 1]!.id}", from ${bands[i - 1]!.from}): list bands lowest first`);
    }
    const first = bands.findIndex((b) => b.id === band.id);
    if (first < i) {
      bag.error(source.file, source.locate(['bands', i, 'id']), 'questionnaire/duplicate-id',
        `the band id "${band.id}" is already used by band ${first + 1} (line ${source.locate(['bands', first, 'id']).line})`);
    }
  });
  // The index can count only a part that has questions to score it.
  for (const part of ['consistency', 'benchmark', 'recovery'] as const) {
    if (data.index?.[part] === undefined || (q.parts.find((p) => p.id === part)?.questions.length ?? 0) > 0) continue;
    bag.error(source.file, source.locate(['index', part]), 'questionnaire/index-part',
      `the index counts the ${part} part, but this questionnaire asks no ${part} questions: add them, or take "${part}" out of the index`);
  }
  const changes = data.changes;
  if (changes) {
    const previous = ws.questionnaires.get(`${data.id}@${changes.from}`);
    if (!previous) {
      bag.error(source.file, source.locate(['changes', 'from']), 'questionnaire/unknown-version',
        `there is no questionnaire ${data.id}@${changes.from} to map from`);
    } else {
      for (const [from, to] of Object.entries(changes.renamed ?? {})) {
        if (!previous.questions.has(from)) bag.error(source.file, source.locate(['changes', 'renamed', from], { key: true }), 'questionnaire/unknown-question', `"${from}" is not a question of ${previous.key}${didYouMean(from, previous.questions.keys())}`);
        checkRef(to, ['changes', 'renamed', from]);
      }
      (changes.removed ?? []).forEach((id, i) => {
        if (!previous.questions.has(id)) bag.error(source.file, source.locate(['changes', 'removed', i]), 'questionnaire/unknown-question', `"${id}" is not a question of ${previous.key}${didYouMean(id, previous.questions.keys())}`);
      });
      (changes.added ?? []).forEach((id, i) => checkRef(id, ['changes', 'added', i]));
    }
  }
}

function checkBenchmark(b: Workspace['benchmarks'] extends Map<string, infer B> ? B : never, ws: Workspace, bag: DiagnosticBag): void {
  const versions = [...ws.questionnaires.values()].filter((q) => q.data.id === b.data.questionnaire);
  const brokenVersion = [...ws.broken].some((f) => f.startsWith(`questionnaires/${b.data.questionnaire}/`));
  if (versions.length === 0 && !brokenVersion) {
    bag.error(b.source.file, b.source.locate(['questionnaire']), 'ref/questionnaire',
      `there is no questionnaire "${b.data.questionnaire}" in questionnaires/${didYouMean(b.data.questionnaire, new Set([...ws.questionnaires.values()].map((q) => q.data.id)))}`);
  }
  if (versions.length === 0) return;
  const all = new Set(versions.flatMap((q) => [...q.questions.keys()]));
  for (const [id, target] of Object.entries(b.data.targets)) {
    if (!all.has(id)) {
      bag.warning(b.source.file, b.source.locate(['targets', id], { key: true }), 'benchmark/unknown-question',
        `"${id}" is not a question of any version of ${b.data.questionnaire}${didYouMean(id, all)}`);
      continue;
    }
    for (const q of versions) {
      const question = q.questions.get(id);
      if (!question) continue;
      if (question.type === 'level' && target.level === undefined || question.type === 'metric' && target.value === undefined) {
        bag.error(b.source.file, b.source.locate(['targets', id]), 'benchmark/wrong-kind',
          `"${id}" is a ${question.type} question: give its target as ${question.type === 'level' ? '"level"' : '"value"'}`);
        break;
      }
      if (target.level !== undefined && (target.level < q.scale.min || target.level > q.scale.max)) {
        bag.error(b.source.file, b.source.locate(['targets', id, 'level']), 'benchmark/off-scale',
          `target level ${target.level} is not on the scale ${q.scale.min}–${q.scale.max}`);
        break;
      }
    }
  }
  for (const q of versions) {
    const missing = [...q.questions.keys()].filter((id) => !(id in b.data.targets));
    if (missing.length) {
      bag.warning(b.source.file, b.source.locate(['targets'], { key: true }), 'benchmark/missing-target',
        `${missing.length} question(s) of ${q.key} have no target: ${list(missing)}`);
    }
  }
}

function checkAudit(audit: AuditModel, ws: Workspace, bag: DiagnosticBag): void {
  const { source, data } = audit.audit;
  const [qId, qVersion] = data.questionnaire.split('@');
  const [bId, bVersion] = data.benchmark.split('@');
  // A referenced file that exists but is broken has its own diagnostics; do not pile a second one on.
  if (!audit.questionnaire && !ws.broken.has(`questionnaires/${qId}/${qVersion}.yaml`)) {
    bag.error(source.file, source.locate(['questionnaire']), 'ref/questionnaire',
      `there is no questionnaire "${data.questionnaire}"; the workspace has ${list([...ws.questionnaires.keys()]) || 'none'}${didYouMean(data.questionnaire, ws.questionnaires.keys())}`);
  }
  if (!audit.benchmark) {
    if (!ws.broken.has(`benchmarks/${bId}/${bVersion}.yaml`)) bag.error(source.file, source.locate(['benchmark']), 'ref/benchmark',
      `there is no benchmark profile "${data.benchmark}"; the workspace has ${list([...ws.benchmarks.keys()]) || 'none'}${didYouMean(data.benchmark, ws.benchmarks.keys())}`);
  } else if (audit.questionnaire && audit.benchmark.data.questionnaire !== audit.questionnaire.data.id) {
    bag.error(source.file, source.locate(['benchmark']), 'ref/benchmark',
      `the benchmark profile "${data.benchmark}" is for the questionnaire "${audit.benchmark.data.questionnaire}", not "${audit.questionnaire.data.id}"`);
  }
  if (data.period.end < data.period.start) {
    bag.error(source.file, source.locate(['period', 'end']), 'audit/period-order', `the period ends (${data.period.end}) before it starts (${data.period.start})`);
  }
  const minimum = anonymityMinimum(audit, ws);
  if (data.anonymous && audit.responses.length > 0 && audit.responses.length < minimum) {
    bag.warning(source.file, source.locate(['anonymous']), 'audit/too-few-respondents',
      `this anonymous audit has ${audit.responses.length} respondent${audit.responses.length === 1 ? '' : 's'}, fewer than ${minimum}: ` +
      'its report shows aggregates only (no answers, comments, ranges or roles), so that nobody\'s answers can be singled out');
  }
  if (audit.responses.length === 0) {
    bag.warning(source.file, { line: 1, col: 1 }, 'audit/no-responses', `the audit ${audit.org}/${audit.version} has no response files in responses/ yet`);
  }
  const ids = new Map<string, ResponseModel>();
  for (const response of audit.responses) {
    const id = response.data.respondent.id;
    const first = ids.get(id);
    if (first) {
      bag.error(response.source.file, response.source.locate(['respondent', 'id']), 'respondent/duplicate-id',
        `the respondent id "${id}" is already used by ${first.source.file}`);
    } else ids.set(id, response);
    if (audit.questionnaire) checkAnswers(response, audit.questionnaire, bag);
  }
  if (audit.facts && audit.questionnaire) checkFacts(audit.facts, audit.questionnaire, bag);
  if (audit.actions && audit.questionnaire) checkActions(audit.actions, audit.questionnaire, bag);
  if (audit.scenarios && audit.questionnaire) {
    const templates = new Set((audit.questionnaire.data.consistency?.scenarios ?? []).map((s) => s.id));
    audit.scenarios.data.scenarios.forEach((s, i) => {
      if (s.template && !templates.has(s.template)) {
        bag.error(audit.scenarios!.source.file, audit.scenarios!.source.locate(['scenarios', i, 'template']), 'scenarios/unknown-template',
          `"${s.template}" is not a scenario template of ${audit.questionnaire!.key}${didYouMean(s.template, templates)}`);
      }
    });
    // An observation's quality is a level on the audit questionnaire's scale, which the schema cannot know.
    const { min, max } = audit.questionnaire.scale;
    audit.scenarios.data.scenarios.forEach((s, i) => s.observations.forEach((o, j) => {
      if (o.quality !== undefined && (o.quality < min || o.quality > max)) {
        bag.error(audit.scenarios!.source.file, audit.scenarios!.source.locate(['scenarios', i, 'observations', j, 'quality']), 'scenarios/off-scale',
          `quality ${o.quality} is not on the scale of ${audit.questionnaire!.key}: a whole number from ${min} to ${max}`);
      }
    }));
    const seen = new Set<string>();
    audit.scenarios.data.scenarios.forEach((s, i) => {
      if (seen.has(s.id)) bag.error(audit.scenarios!.source.file, audit.scenarios!.source.locate(['scenarios', i, 'id']), 'scenarios/duplicate-id', `the scenario id "${s.id}" is used twice`);
      seen.add(s.id);
    });
  }
}

function checkAnswers(response: ResponseModel, q: QuestionnaireModel, bag: DiagnosticBag): void {
  const { source, data } = response;
  const file = source.file;
  const unanswered: string[] = [];
  const groups = (q.data.groups ?? []).map((g) => g.id);
  if (data.respondent.group !== undefined && !groups.includes(data.respondent.group)) {
    bag.error(file, source.locate(['respondent', 'group']), 'respondent/unknown-group', groups.length
      ? `"${data.respondent.group}" is not a group of ${q.key}: ${list(groups)}${didYouMean(data.respondent.group, groups)}`
      : `${q.key} routes no questions to groups: remove "group"`);
  }
  for (const [id, raw] of Object.entries(data.answers)) {
    const question = q.questions.get(id);
    if (!question) {
      bag.error(file, source.locate(['answers', id], { key: true }), 'answer/unknown-question',
        `"${id}" is not a question of ${q.key}${didYouMean(id, q.questions.keys())}`);
      continue;
    }
    if (!isAsked(question, data.respondent)) {
      // Routed to other groups: an answer here would count nowhere, which the respondent should know.
      if (answerValue(raw) !== null) {
        bag.warning(file, source.locate(['answers', id], { key: true }), 'answer/not-asked',
          `"${id}" is asked of ${list(question.def.groups!)} only, not of group "${data.respondent.group}": this answer is not counted (remove it, or change the respondent's group)`);
      }
      continue;
    }
    const detail = typeof raw === 'object' && raw !== null ? (raw as Detail) : undefined;
    if (detail) {
      if (question.type === 'level' && detail.value !== undefined) {
        bag.error(file, source.locate(['answers', id, 'value'], { key: true }), 'answer/wrong-kind', `"${id}" is answered with a level; write "level:" instead of "value:"`);
        continue;
      }
      if (question.type === 'metric' && detail.level !== undefined) {
        bag.error(file, source.locate(['answers', id, 'level'], { key: true }), 'answer/wrong-kind', `"${id}" is a metric (${question.def.unit?.en ?? 'a number'}); write "value:" instead of "level:"`);
        continue;
      }
    }
    detail?.evidence?.forEach((e, k) => {
      if (e.link === undefined) return;
      const link = checkLink(e.link);
      if (!link.ok) bag.error(file, source.locate(['answers', id, 'evidence', k, 'link']), 'evidence/unsafe-link', link.problem!);
    });
    const value = answerValue(raw);
    const path = detail ? ['answers', id, question.type === 'level' ? 'level' : 'value'] : ['answers', id];
    const at = () => source.locate(path);
    if (value === null || value === undefined) {
      unanswered.push(id);
    } else if (value === 'n/a') {
      if (!question.na) bag.error(file, at(), 'answer/na-not-allowed', `"${id}" cannot be answered n/a; pick a level${question.type === 'metric' ? ' (give a number)' : ''}`);
    } else if (value === 'dont-know') {
      // Any question may be answered so: an honest answer, not a blank (no "unanswered" warning).
    } else if (question.type === 'level') {
      if (!Number.isInteger(value) || value < q.scale.min || value > q.scale.max) {
        bag.error(file, at(), 'answer/off-scale', `level ${value} is not on the scale of "${id}": a whole number from ${q.scale.min} to ${q.scale.max}`);
      }
    } else {
      const { min, max } = question.def;
      if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
        bag.error(file, at(), 'answer/metric-range',
          `${value} is outside the plausible range of "${id}" (${min ?? '−∞'} to ${max ?? '∞'} ${question.def.unit?.en ?? ''})`.trim());
      }
    }
  }
  for (const [id, question] of q.questions) if (!(id in data.answers) && isAsked(question, data.respondent)) unanswered.push(id);
  if (unanswered.length > 0) {
    bag.warning(file, source.locate(['answers'], { key: true }), 'answer/unanswered',
      `${unanswered.length} of ${[...q.questions.values()].filter((x) => isAsked(x, data.respondent)).length} questions not answered yet: ${list(unanswered)}`);
  }
}

function list(items: readonly string[], max = 5): string {
  return items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

/** checkNotesAgainstAudit for every audit of the workspace that has notes which parsed. */
export function checkWorkspaceNotes(ws: Workspace, bag: DiagnosticBag): void {
  for (const audit of ws.allAudits) {
    if (!audit.notesDoc) continue;
    const data = audit.audit.data;
    const roles = new Map<string, number>();
    for (const r of audit.responses) roles.set(r.data.respondent.role, (roles.get(r.data.respondent.role) ?? 0) + 1);
    checkNotesAgainstAudit(audit.notesDoc, {
      // Without its questionnaire (reported elsewhere) the notes' part ids cannot be checked.
      parts: audit.questionnaire ? audit.questionnaire.parts.map((p) => p.id) : [],
      ...(data.anonymous ? { anonymous: { roles, minRoleSize: anonymityMinimum(audit, ws) } } : {}),
    }, bag, Boolean(audit.questionnaire));
  }
}

/**
 * facts.yaml: each fact is a metric of the audit's questionnaire, in its plausible range, stated
 * once. The same metric twice (by hand and by an import, or from two systems) is an error naming
 * both: which figure is true is a decision for a person, not for Touchstone.
 */
function checkFacts(facts: NonNullable<AuditModel['facts']>, q: QuestionnaireModel, bag: DiagnosticBag): void {
  const { source, data } = facts;
  const metrics = [...q.questions.values()].filter((x) => x.type === 'metric').map((x) => x.id);
  const first = new Map<string, number>();
  data.facts.forEach((f, i) => {
    const question = q.questions.get(f.metric);
    if (!question) {
      bag.error(source.file, source.locate(['facts', i, 'metric']), 'facts/unknown-metric',
        `"${f.metric}" is not a question of ${q.key}${didYouMean(f.metric, metrics)}`);
      return;
    }
    if (question.type !== 'metric') {
      bag.error(source.file, source.locate(['facts', i, 'metric']), 'facts/not-a-metric',
        `"${f.metric}" is a level question: a fact is a measured figure, so only a metric can have one (${metrics.length ? `this questionnaire's metrics: ${list(metrics)}` : 'this questionnaire has no metric'})`);
      return;
    }
    const before = first.get(f.metric);
    if (before !== undefined) {
      const earlier = data.facts[before]!;
      bag.error(source.file, source.locate(['facts', i, 'metric']), 'facts/duplicate',
        `"${f.metric}" is already stated at line ${source.locate(['facts', before, 'metric']).line} (${earlier.value} from ${textOf(earlier.from) ?? earlier.source}); ` +
        `this one says ${f.value} from ${textOf(f.from) ?? f.source}. Keep the one that is true and remove the other`);
      return;
    }
    first.set(f.metric, i);
    const { min, max } = question.def;
    if ((min !== undefined && f.value < min) || (max !== undefined && f.value > max)) {
      bag.error(source.file, source.locate(['facts', i, 'value']), 'facts/metric-range',
        `${f.value} is outside the plausible range of "${f.metric}" (${min ?? '−∞'} to ${max ?? '∞'} ${question.def.unit?.en ?? ''})`.trim());
    }
    if (f.link !== undefined) {
      const link = checkLink(f.link);
      if (!link.ok) bag.error(source.file, source.locate(['facts', i, 'link']), 'evidence/unsafe-link', link.problem!);
    }
  });
}

/** A workspace text in a diagnostic: as written, or its English. */
function textOf(text: string | { en: string } | undefined): string | undefined {
  return typeof text === 'object' ? text.en : text;
}

/** actions.yaml: each action raises a question of the audit's questionnaire, one action per question. */
function checkActions(actions: NonNullable<AuditModel['actions']>, q: QuestionnaireModel, bag: DiagnosticBag): void {
  const { source, data } = actions;
  const first = new Map<string, number>();
  data.actions.forEach((a, i) => {
    const at = source.locate(['actions', i, 'question']);
    if (!q.questions.has(a.question)) {
      bag.error(source.file, at, 'actions/unknown-question', `"${a.question}" is not a question of ${q.key}${didYouMean(a.question, [...q.questions.keys()])}`);
      return;
    }
    const before = first.get(a.question);
    if (before !== undefined) {
      bag.error(source.file, at, 'actions/duplicate', `"${a.question}" already has an action at line ${source.locate(['actions', before, 'question']).line}: agree one action per question (write both steps in its "step")`);
    } else first.set(a.question, i);
  });
}
