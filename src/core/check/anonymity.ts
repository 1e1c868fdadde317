/**
 * What an anonymous audit publishes: one home for its minimum group size, its pseudonyms and
 * what it leaves out (scoreAudit applies it; validate warns with the same minimum).
 */
import { createHash, createHmac } from 'node:crypto';
import type { AuditModel, Workspace } from '../read/model.ts';
import type { PartScore, ScoreResult } from '../score-types.ts';

/**
 * The smallest group an anonymous report shows on its own: an audit with fewer respondents is
 * published as aggregates only, and a role held by fewer people is not named. The audit's
 * `min-role-size`, else the workspace's `anonymous-minimum`, else 3.
 */
export function anonymityMinimum(audit: AuditModel, ws: Workspace): number {
  return audit.audit.data['min-role-size'] ?? ws.settings?.data['anonymous-minimum'] ?? 3;
}

/**
 * The order of pseudonyms: by a keyed hash of each respondent id, so that neither the ids nor
 * their order (the order a named audit of the same organisation lists people in) tells a reader
 * who respondent-1 is. The key is something the site never shows: the workspace's secret
 * (TOUCHSTONE_SECRET, which CI passes in) or else the response files' own bytes, so the same
 * files always give the same pseudonyms.
 */
export function pseudonymOrder(audit: AuditModel, ws: Workspace, ids: readonly string[]): Map<string, string> {
  const key = ws.secret ?? createHash('sha256').update(audit.responses.map((r) => r.source.digest).sort().join('\n')).digest('hex');
  const keyed = ids.map((id) => ({ id, mark: createHmac('sha256', key).update(`${audit.org}/${audit.version}\0${id}`).digest('hex') }));
  keyed.sort((a, b) => (a.mark < b.mark ? -1 : a.mark > b.mark ? 1 : 0));
  return new Map(keyed.map((k, i) => [k.id, `respondent-${i + 1}`]));
}

/**
 * Anonymous audits: pseudonyms in a keyed order (pseudonymOrder), no names, no file paths (a
 * file name is often a person's name), and roles held by fewer than the minimum hidden, since
 * "the only finance respondent said 1" names that person as surely as their name would. An audit
 * with fewer respondents than the minimum is published as aggregates only: no per-respondent
 * answers, comments, ranges, rules or people.
 */
export function anonymize<R extends Omit<ScoreResult, 'actions'>>(result: R, alias: Map<string, string>, minimum: number): R {
  const aggregatesOnly = result.people.length < minimum;
  const rank = (pseudonym: string) => Number(pseudonym.slice('respondent-'.length));
  const roleCount = new Map<string, number>();
  for (const p of result.people) if (p.role !== null) roleCount.set(p.role, (roleCount.get(p.role) ?? 0) + 1);
  const role = (r: string | null) => (r !== null && (roleCount.get(r) ?? 0) >= minimum ? r : null);
  const noRange = { min: null, max: null };
  const fixPart = <T extends PartScore>(part: T): T => ({
    ...part,
    ...(aggregatesOnly ? { respondentRange: noRange } : {}),
    questions: part.questions.map((q) => ({
      ...q,
      ...(aggregatesOnly ? { min: null, max: null } : {}),
      answers: aggregatesOnly ? [] : q.answers
        .map(({ file, line, col, ...a }) => {
          void file, line, col;
          return { ...a, respondent: alias.get(a.respondent) ?? a.respondent, role: role(a.role) };
        })
        .sort((a, b) => rank(a.respondent) - rank(b.respondent)),
    })),
  });
  return {
    ...result,
    aggregatesOnly,
    ...(aggregatesOnly ? { respondentRange: noRange } : {}),
    drivers: result.drivers.map(fixPart),
    consistency: {
      ...fixPart(result.consistency),
      rules: aggregatesOnly ? [] : result.consistency.rules.map((r) => ({
        ...r,
        respondent: alias.get(r.respondent) ?? r.respondent,
        // Where a respondent wrote an answer goes; where a fact or the observations are written stays.
        answers: r.answers.map(({ question, value, fact, file, line, col }) => (fact ? { question, value, fact, file, line, col } : { question, value })),
      })),
      // A dispute's levels are a range ("from 1 to 4"): with too few respondents, their answers.
      disputes: aggregatesOnly ? [] : result.consistency.disputes,
      findings: result.consistency.findings.filter((f) => !aggregatesOnly || (f.kind !== 'rule' && f.kind !== 'dispute')).map((f) => {
        if (f.kind !== 'rule') return f;
        const respondent = f.message.params.respondent as string;
        return { ...f, message: { ...f.message, params: { ...f.message.params, respondent: alias.get(respondent) ?? respondent } } };
      }),
    },
    benchmark: fixPart(result.benchmark),
    recovery: fixPart(result.recovery),
    people: aggregatesOnly ? [] : result.people.map((p) => ({ id: alias.get(p.id)!, role: role(p.role) })).sort((a, b) => rank(a.id) - rank(b.id)),
  };
}
