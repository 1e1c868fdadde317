import { round1 } from '../score/aggregate.ts';
import type { Position } from '../diagnostics.ts';
import type { AuditModel, Workspace } from '../read/model.ts';
import type { WorkspaceFile } from '../schema-types.ts';
import type { ScoreResult } from '../score-types.ts';
import { scoreAudit } from '../score/score.ts';
import { latestAudit, previousAudit } from './select.ts';
import { comparableIndex } from './diff.ts';
import { didYouMean } from '../suggest.ts';

/**
 * The workspace's assertions (`touchstone.yaml` → `assertions:`), evaluated in the manner of
 * Lighthouse CI: each assertion against the latest audit of every organisation it applies to
 * (`max-drop` against that organisation's previous version). Pure: returns structured outcomes;
 * the CLI formats them and sets the exit code.
 */
export type Assertion = NonNullable<WorkspaceFile['assertions']>[number];

export type OutcomeStatus = 'pass' | 'fail' | 'skip' | 'invalid';

export interface Outcome {
  assertion: string;
  level: 'warn' | 'error';
  metric: string;
  /** Which test: `min`, `max-drop`, `all-pass`, or null for an assertion that could not be evaluated at all. */
  test: 'min' | 'max-drop' | 'all-pass' | null;
  status: OutcomeStatus;
  org: string | null;
  version: string | null;
  /** The audit compared with (max-drop). */
  previous?: string;
  value: number | null;
  /** min: the floor; max-drop: the largest allowed drop. */
  limit: number | null;
  /** max-drop: the previous value and the drop (positive = went down). */
  before?: number | null;
  drop?: number | null;
  /** all-pass: the gates that did not pass. */
  failedGates?: string[];
  /** A plain-language account of the outcome (English). */
  message: string;
  /** Where the assertion is written in touchstone.yaml. */
  file: string;
  position: Position;
}

export interface AssertionReport {
  outcomes: Outcome[];
  /** An `error` assertion failed, or an assertion is invalid. */
  failed: boolean;
  counts: { pass: number; fail: number; warn: number; skip: number; invalid: number };
}

const PARTS = ['index', 'recovery', 'consistency', 'benchmark', 'gates'];

export function evaluateAssertions(ws: Workspace): AssertionReport {
  const settings = ws.settings;
  const assertions = settings?.data.assertions ?? [];
  const outcomes: Outcome[] = [];
  const scores = new Map<AuditModel, ScoreResult>();
  const score = (audit: AuditModel) => {
    let result = scores.get(audit);
    if (!result) {
      // No assertion reads an interval: the bootstrap would only cost (core/score/bootstrap.ts).
      result = scoreAudit(audit, ws, { resample: false });
      scores.set(audit, result);
    }
    return result;
  };
  assertions.forEach((a, i) => {
    const file = settings!.source.file;
    const at = (key?: string) => settings!.source.locate(key ? ['assertions', i, key] : ['assertions', i]);
    const base = { assertion: a.id, level: a.level, metric: a.metric, file, value: null, limit: null, version: null };
    const invalid = (message: string, key?: string, org: string | null = null) =>
      outcomes.push({ ...base, test: null, status: 'invalid', org, message, position: at(key) });

    const tests: Outcome['test'][] = [];
    if (a.min !== undefined) tests.push('min');
    if (a['max-drop'] !== undefined) tests.push('max-drop');
    if (a['all-pass'] !== undefined) tests.push('all-pass');
    if (tests.length === 0) return invalid('says nothing to check: give min, max-drop, or (with metric gates) all-pass: true');
    if (a.metric === 'gates' && (a.min !== undefined || a['max-drop'] !== undefined)) return invalid('metric gates takes only all-pass: true', 'metric');
    if (a['all-pass'] !== undefined && a.metric !== 'gates') return invalid('all-pass goes with metric gates', 'all-pass');
    if (a['all-pass'] === false) return invalid('all-pass: false checks nothing; write all-pass: true', 'all-pass');

    const orgs = a.org === undefined ? ws.orgs : ws.orgs.filter((o) => o.id === a.org);
    if (a.org !== undefined && orgs.length === 0) {
      return invalid(`there is no organisation "${a.org}"; the workspace has: ${ws.orgs.map((o) => o.id).join(', ') || 'none'}${didYouMean(a.org, ws.orgs.map((o) => o.id))}`, 'org', a.org);
    }
    const drivers = new Set(ws.orgs.flatMap((o) => o.audits.flatMap((x) => x.questionnaire?.data.drivers.map((d) => d.id) ?? [])));
    if (!PARTS.includes(a.metric) && !drivers.has(a.metric)) {
      const known = [...PARTS, ...[...drivers].sort()];
      return invalid(`unknown metric "${a.metric}": use ${known.join(', ')}${didYouMean(a.metric, known)}`, 'metric');
    }

    for (const org of orgs) {
      const latest = latestAudit(org);
      const where = { org: org.id, position: at(), file };
      if (!latest) {
        outcomes.push({ ...base, ...where, test: tests[0], status: 'skip', message: `${org.id} has no audits yet` });
        continue;
      }
      const current = score(latest);
      const common = { ...base, ...where, version: latest.version };
      for (const test of tests) {
        if (test === 'all-pass') {
          const failed = current.recovery.gates.filter((g) => !g.passed).map((g) => g.id);
          outcomes.push({
            ...common, test, status: failed.length ? 'fail' : 'pass', value: failed.length, limit: 0, failedGates: failed,
            message: failed.length ? `${failed.length} of ${current.recovery.gates.length} gates not passed: ${failed.join(', ')}` : `every gate passes (${current.recovery.gates.length})`,
          });
          continue;
        }
        const value = metricOf(current, a.metric);
        if (value === undefined) {
          outcomes.push({ ...common, test, status: 'skip', message: `${a.metric} is not a driver of ${current.questionnaire}` });
          continue;
        }
        if (test === 'min') {
          const min = a.min!;
          if (value === null) {
            outcomes.push({ ...common, test, status: 'fail', limit: min, message: `${a.metric} has no score (not enough answers); needs ≥ ${min}` });
          } else {
            const ok = value >= min;
            outcomes.push({ ...common, test, status: ok ? 'pass' : 'fail', value, limit: min, message: `${a.metric} ${value.toFixed(1)} ${ok ? '≥' : '<'} ${min}` });
          }
          continue;
        }
        const maxDrop = a['max-drop']!;
        const prev = previousAudit(org, latest);
        if (!prev) {
          outcomes.push({ ...common, test, status: 'skip', value, limit: maxDrop, message: 'no previous version to compare with' });
          continue;
        }
        // The index is compared as the latest questionnaire makes it (core/compare/diff.ts comparableIndex).
        const comparable = a.metric === 'index' ? comparableIndex(ws, score(prev), current) : undefined;
        if (comparable?.method === 'break') {
          outcomes.push({ ...common, test, status: 'skip', previous: prev.version, value, before: null, limit: maxDrop,
            message: `the index is made differently in ${latest.version}, and ${prev.version} has no score for a part it now counts; drop not measured` });
          continue;
        }
        const before = comparable ? comparable.index.index : metricOf(score(prev), a.metric);
        if (value === null || before === null || before === undefined) {
          outcomes.push({ ...common, test, status: 'skip', previous: prev.version, value, before: before ?? null, limit: maxDrop,
            message: `${a.metric} has no score in ${value === null ? latest.version : prev.version}; drop not measured` });
          continue;
        }
        const drop = round1(before - value)!;
        const ok = drop <= maxDrop;
        const change = drop > 0 ? `dropped ${drop.toFixed(1)}` : drop < 0 ? `rose ${(-drop).toFixed(1)}` : 'unchanged';
        outcomes.push({
          ...common, test, status: ok ? 'pass' : 'fail', previous: prev.version, value, before, drop, limit: maxDrop,
          message: `${a.metric} ${before.toFixed(1)} → ${value.toFixed(1)} since ${prev.version}${comparable?.method === 'recomputed' ? ` (${prev.version} recomputed as ${latest.version}'s questionnaire makes the index)` : ''}: ${change}${drop > 0 ? ` ${ok ? '≤' : '>'} ${maxDrop} allowed` : ''}`,
        });
      }
    }
  });
  const counts = { pass: 0, fail: 0, warn: 0, skip: 0, invalid: 0 };
  for (const o of outcomes) {
    if (o.status === 'fail') counts[o.level === 'error' ? 'fail' : 'warn']++;
    else counts[o.status]++;
  }
  return { outcomes, failed: counts.fail > 0 || counts.invalid > 0, counts };
}

/** A score by metric name; undefined when the audit's questionnaire has no such driver. */
function metricOf(r: ScoreResult, metric: string): number | null | undefined {
  if (metric === 'index') return r.index;
  if (metric === 'recovery' || metric === 'consistency' || metric === 'benchmark') return r[metric].total > 0 ? r[metric].score : null;
  const driver = r.drivers.find((d) => d.id === metric);
  return driver ? driver.score : undefined;
}
