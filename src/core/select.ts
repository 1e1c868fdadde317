import type { AuditModel, OrgModel, Workspace } from './model.ts';

/** Finding audits by organisation and version, with the alternatives listed when one does not exist. */
export type AuditLookup =
  | { ok: true; org: OrgModel; audit: AuditModel }
  | { ok: false; reason: 'no-org' | 'no-version' | 'no-audits'; available: string[] };

export function findAudit(ws: Workspace, orgId: string, version?: string): AuditLookup {
  const org = ws.orgs.find((o) => o.id === orgId);
  if (!org) return { ok: false, reason: 'no-org', available: ws.orgs.map((o) => o.id) };
  if (org.audits.length === 0) return { ok: false, reason: 'no-audits', available: [] };
  const audit = version === undefined ? latestAudit(org) : org.audits.find((a) => a.version === version);
  if (!audit) return { ok: false, reason: 'no-version', available: org.audits.map((a) => a.version) };
  return { ok: true, org, audit };
}

/** The most recent audit by period (audits are kept in time order). */
export function latestAudit(org: OrgModel): AuditModel | undefined {
  return org.audits[org.audits.length - 1];
}

/** The audit before this one in time, if any. */
export function previousAudit(org: OrgModel, audit: AuditModel): AuditModel | undefined {
  const i = org.audits.indexOf(audit);
  return i > 0 ? org.audits[i - 1] : undefined;
}
