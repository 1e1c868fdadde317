import { round1 } from '../score/aggregate.ts';
import type { IndexPart, QuestionnaireModel, Workspace } from '../read/model.ts';
import { resamplesOf, scoreAudit } from '../score/score.ts';
import { differenceOf } from '../score/bootstrap.ts';
import { findAudit } from './select.ts';
import type { Bilingual } from '../schema-types.ts';
import type { AuditDiff, Change, QuestionChange, ScoreResult } from '../score-types.ts';

// What changed between two versions of an audit (the report model's `changes`; its types are
// schemas/report.schema.json's). Questions are matched across questionnaire versions only
// through the mapping the newer questionnaire declares (`changes`: renamed, removed, added);
// anything else is reported as not comparable, never compared as if it were the same question.
export type { AuditDiff, Change, QuestionChange } from '../score-types.ts';

/** Maps question ids of the older questionnaire onto the newer one by walking `changes` back. */
export function questionMapping(ws: Workspace, fromKey: string, toKey: string):
  { map: Map<string, string | null>; renamed: [string, string][]; removed: string[]; added: string[] } | null {
  if (fromKey === toKey) {
    const q = ws.questionnaires.get(toKey);
    return q ? { map: new Map([...q.questions.keys()].map((id) => [id, id])), renamed: [], removed: [], added: [] } : null;
  }
  // Walk from the newer version back to the older one through each version's declared `from`.
  const chain: QuestionnaireModel[] = [];
  let current = ws.questionnaires.get(toKey);
  const seen = new Set<string>();
  while (current && current.key !== fromKey && !seen.has(current.key)) {
    seen.add(current.key);
    chain.push(current);
    const from = current.data.changes?.from;
    current = from ? ws.questionnaires.get(`${current.data.id}@${from}`) : undefined;
  }
  const start = ws.questionnaires.get(fromKey);
  if (!current || !start) return null;
  let map = new Map<string, string | null>([...start.questions.keys()].map((id) => [id, id]));
  const renamed: [string, string][] = [];
  const removed: string[] = [];
  const added: string[] = [];
  for (const q of chain.reverse()) {
    const changes = q.data.changes!;
    const next = new Map<string, string | null>();
    for (const [origin, id] of map) {
      if (id === null) next.set(origin, null);
      else if ((changes.removed ?? []).includes(id)) { next.set(origin, null); removed.push(origin); }
      else if (changes.renamed?.[id]) { next.set(origin, changes.renamed[id]); renamed.push([origin, changes.renamed[id]]); }
      else next.set(origin, q.questions.has(id) ? id : null);
    }
    added.push(...(changes.added ?? []));
    map = next;
  }
  return { map, renamed, removed, added };
}

/**
 * A change of a score, meaningful when the bootstrap interval of the difference excludes zero
 * (core/score/bootstrap.ts differenceOf). Either version below 3 respondents has no resamples, so
 * no interval and no verdict: the change is shown, never called real.
 */
function change(before: number | null, after: number | null, resampledBefore?: Float64Array | Float32Array, resampledAfter?: Float64Array | Float32Array): Change {
  const delta = before === null || after === null ? null : round1(after - before);
  if (delta === null) return { before, after, delta, meaningful: false, interval: null };
  const { interval, meaningful } = differenceOf(resampledBefore, resampledAfter);
  return { before, after, delta, meaningful, interval };
}

const unchanged = { delta: null, meaningful: false, interval: null } as const;

export function diffScores(ws: Workspace, before: ScoreResult, after: ScoreResult): AuditDiff {
  const mapping = questionMapping(ws, before.questionnaire, after.questionnaire);
  const partsBefore = [...before.drivers, before.consistency, before.benchmark, before.recovery];
  const partsAfter = [...after.drivers, after.consistency, after.benchmark, after.recovery];
  const qBefore = new Map(partsBefore.flatMap((p) => p.questions.map((q) => [q.id, q] as const)));
  const qAfter = new Map(partsAfter.flatMap((p) => p.questions.map((q) => [q.id, q] as const)));
  const rb = resamplesOf(before);
  const ra = resamplesOf(after);
  const questions: QuestionChange[] = [];
  const matched = new Set<string>();
  for (const [id, qb] of qBefore) {
    const target = mapping ? mapping.map.get(id) : undefined;
    const qa = target ? qAfter.get(target) : undefined;
    if (mapping && target === null) {
      questions.push({ id, status: 'removed', part: qb.part, text: qb.text, medianBefore: qb.median, medianAfter: null, before: qb.score, after: null, ...unchanged });
      continue;
    }
    if (!qa) {
      questions.push({ id, status: 'not-comparable', part: qb.part, text: qb.text, medianBefore: qb.median, medianAfter: null, before: qb.score, after: null, ...unchanged });
      continue;
    }
    matched.add(qa.id);
    questions.push({
      id: qa.id, ...(qa.id !== id ? { was: id } : {}), status: qa.id !== id ? 'renamed' : 'same', part: qa.part, text: qa.text,
      medianBefore: qb.median, medianAfter: qa.median, ...change(qb.score, qa.score, rb?.questions.get(id), ra?.questions.get(qa.id)),
    });
  }
  for (const [id, qa] of qAfter) {
    if (matched.has(id)) continue;
    questions.push({ id, status: mapping?.added.includes(id) ? 'added' : 'not-comparable', part: qa.part, text: qa.text, medianBefore: null, medianAfter: qa.median, before: null, after: qa.score, ...unchanged });
  }
  const driversBefore = new Map(before.drivers.map((d) => [d.id, d]));
  const { method, index } = comparableIndex(ws, before, after);
  const ri = resamplesOf(index);
  return {
    org: after.org,
    from: before.version,
    to: after.version,
    questionnaires: { from: before.questionnaire, to: after.questionnaire, mapped: mapping !== null },
    index: method === 'break' ? { before: null, after: after.index, ...unchanged } : change(index.index, after.index, ri?.index, ra?.index),
    indexMethod: method,
    drivers: after.drivers.map((d) => {
      const b = driversBefore.get(d.id);
      return { id: d.id, name: d.name, ...change(b?.score ?? null, d.score, rb?.parts.get(d.id), ra?.parts.get(d.id)) };
    }),
    questions,
    mapping: { renamed: mapping?.renamed ?? [], removed: mapping?.removed ?? [], added: mapping?.added ?? [] },
  };
}

/**
 * The older version's index as the newer one is made. When the newer questionnaire composes its
 * index differently (another `index`), a change of method must not read as a change of
 * performance: the older audit is scored again, from its own answers, under the newer
 * composition; where a component the newer index counts has no score in it, the two indexes
 * cannot be compared at all (a break).
 */
export function comparableIndex(ws: Workspace, before: ScoreResult, after: ScoreResult): { method: AuditDiff['indexMethod']; index: ScoreResult } {
  // The method: the index's composition, and how much the consistency part counts "ask twice" observations.
  const same = before.composition.length === after.composition.length
    && before.composition.every((c, i) => c.part === after.composition[i]!.part && c.share === after.composition[i]!.share)
    && before.consistency.observedWeight === after.consistency.observedWeight;
  if (same) return { method: 'same', index: before };
  const older = findAudit(ws, before.org, before.version);
  const newer = ws.questionnaires.get(after.questionnaire);
  if (!older.ok || !newer) return { method: 'break', index: before };
  // Resampled again only when the older result was (a diff's interval needs it; `check` does not).
  const recomputed = scoreAudit(older.audit, ws, { index: newer.index, observedWeight: newer.data.consistency?.observed ?? null, resample: resamplesOf(before) !== undefined });
  const scored = (r: ScoreResult, part: IndexPart) => (part === 'drivers' ? r.drivers.some((d) => d.score !== null) : r[part].score !== null);
  const missing = newer.index.some((c) => scored(after, c.part) && !scored(recomputed, c.part));
  return missing ? { method: 'break', index: before } : { method: 'recomputed', index: recomputed };
}

/** The questions that moved meaningfully (their change's interval excludes zero), the largest movement first (a pull-request comment lists them so). */
export function movedQuestions(diff: AuditDiff): AuditDiff['questions'] {
  return diff.questions.filter((q) => q.meaningful).sort((a, b) => Math.abs(b.delta ?? 0) - Math.abs(a.delta ?? 0));
}
