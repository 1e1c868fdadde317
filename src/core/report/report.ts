import { diffScores } from '../compare/diff.ts';
import type { AuditModel, Workspace } from '../read/model.ts';
import { scoreAudit } from '../score/score.ts';
import type { ReportModel, ScoreResult } from '../score-types.ts';

/** The version of the report model's shape (schemas/report.schema.json); raised when a field changes meaning or goes. */
export const REPORT_SCHEMA_VERSION = 1;

/**
 * The report model of one audit: everything a report page, its PDF, the presenter view and
 * `touchstone score` show, computed here once and in no language (texts are the workspace's
 * bilingual ones or message ids with figures). `/data/<org>/<version>.json` is this object.
 * `previous` is the score of the organisation's audit before this one, for what changed.
 */
export function reportModel(score: ScoreResult, ws: Workspace, previous?: ScoreResult): ReportModel {
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    ...score,
    changes: previous ? diffScores(ws, previous, score) : null,
    roles: rolesOf(score),
    knowledgeGaps: knowledgeGapsOf(score),
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
  const counts = new Map<string | null, number>();
  for (const p of score.people) counts.set(p.role, (counts.get(p.role) ?? 0) + 1);
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
      const counts = new Map<string | null, number>();
      for (const a of q.answers) if (a.answer === 'dont-know') counts.set(a.role, (counts.get(a.role) ?? 0) + 1);
      return {
        question: q.id, part: q.part, text: q.text, count: q.dontKnow, of: score.respondents,
        roles: [...counts].sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : 0)).map(([role, count]) => ({ role, count })),
      };
    });
}
