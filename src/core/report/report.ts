import { diffScores } from '../compare/diff.ts';
import type { AuditModel, Workspace } from '../read/model.ts';
import { scoreAudit } from '../score/score.ts';
import type { AuditDiff, ReportModel, ScoreResult } from '../score-types.ts';

/** The version of the report model's shape (schemas/report.schema.json); raised when a field changes meaning or goes. */
export const REPORT_SCHEMA_VERSION = 1;

/**
 * The report model of one audit: everything a report page, its PDF, the presenter view and
 * `touchstone score` show, computed here once and in no language (texts are the workspace's
 * bilingual ones or message ids with figures). `/data/<org>/<version>.json` is this object.
 * `previous` is the score of the organisation's audit before this one, for what changed.
 */
export function reportModel(score: ScoreResult, ws: Workspace, previous?: ScoreResult): ReportModel {
  const changes = previous ? diffScores(ws, previous, score) : null;
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    ...score,
    changes,
    roles: rolesOf(score),
    knowledgeGaps: knowledgeGapsOf(score),
    followUp: previous ? followUpOf(previous, changes) : [],
  };
}

/** Scores an audit and the one before it, and gives its report model (for the CLI). */
export function reportOf(audit: AuditModel, ws: Workspace, previous?: AuditModel): ReportModel {
  return reportModel(scoreAudit(audit, ws), ws, previous ? scoreAudit(previous, ws) : undefined);
}

/**
 * Who answered, by role, in the order roles first appear among the respondents; an anonymous
 * audit's roles too rare to show (null) are counted together, last.
 */
function rolesOf(score: ScoreResult): ReportModel['roles'] {
  return countRoles(score.people.map((p) => p.role));
}

/** Roles with their counts, in the order they first appear; the hidden ones (null) together, last. */
function countRoles(roles: readonly (string | null)[]): { role: string | null; count: number }[] {
  const counts = new Map<string | null, number>();
  for (const role of roles) counts.set(role, (counts.get(role) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : 0)).map(([role, count]) => ({ role, count }));
}

/**
 * What the organisation does not know about itself: the questions some respondents answered
 * "dont-know", most such answers first (ties in questionnaire order), with who did not know by
 * role. The roles come from the published answers, so an anonymous audit's rare roles are
 * already null and one published as aggregates only gives the counts without roles.
 */
function knowledgeGapsOf(score: ScoreResult): ReportModel['knowledgeGaps'] {
  const questions = [...score.drivers, score.consistency, score.benchmark, score.recovery].flatMap((p) => p.questions);
  return questions.map((q, i) => ({ q, i })).filter(({ q }) => q.dontKnow > 0)
    .sort((a, b) => b.q.dontKnow - a.q.dontKnow || a.i - b.i)
    .map(({ q }) => {
      return {
        // Of those asked: a question routed to some groups is not asked of the others.
        question: q.id, part: q.part, text: q.text, count: q.dontKnow, of: q.count + q.na + q.dontKnow + q.unanswered,
        roles: countRoles(q.answers.filter((a) => a.answer === 'dont-know').map((a) => a.role)),
      };
    });
}

/**
 * What the previous audit agreed (its actions.yaml) and whether each question's score moved since:
 * the question's change as the diff computed it (through renames; null when the question was
 * removed, or the diff could not compare the two versions).
 */
function followUpOf(previous: ScoreResult, changes: AuditDiff | null): ReportModel['followUp'] {
  return previous.agreed.map(({ question, text, file, line, ...agreed }) => {
    void file, line;
    const change = changes?.questions.find((c) => (c.was ?? c.id) === question && c.status !== 'added') ?? null;
    const now = change && change.status !== 'removed' ? change.id : question;
    return {
      question: now, ...(now !== question ? { was: question } : {}), text: change && change.status !== 'removed' ? change.text : text, ...agreed,
      change: change && change.status !== 'removed' && change.status !== 'not-comparable'
        ? { before: change.before, after: change.after, delta: change.delta, meaningful: change.meaningful, interval: change.interval } : null,
    };
  });
}
