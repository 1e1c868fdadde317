import type { AuditModel, OrgModel, Workspace } from '../read/model.ts';

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

/** The workspace narrowed to some organisations, or the first id that names none. */
export type OrgSelection =
  | { ok: true; workspace: Workspace }
  | { ok: false; unknown: string; available: string[] };

/**
 * The workspace as if it held only the organisations `ids` (`build --org`): a site, its data
 * files and its PDFs are made from this, so that nothing about any other organisation (its name,
 * its scores, its place in a ranking or a portfolio average) can reach them. Applied before
 * anything is scored. The question bank, benchmarks and settings stay, as they belong to no
 * organisation; assertions that name another organisation go, with their organisations.
 */
export function selectOrgs(ws: Workspace, ids: readonly string[]): OrgSelection {
  const known = new Set(ws.orgs.map((o) => o.id));
  const unknown = ids.find((id) => !known.has(id));
  if (unknown !== undefined) return { ok: false, unknown, available: ws.orgs.map((o) => o.id) };
  const chosen = new Set(ids);
  const settings = ws.settings && {
    ...ws.settings,
    data: { ...ws.settings.data, ...(ws.settings.data.assertions
      ? { assertions: ws.settings.data.assertions.filter((a) => a.org === undefined || chosen.has(a.org)) } : {}) },
  };
  const otherFolder = (rel: string) => {
    const [top, org] = rel.split('/');
    return top === 'audits' && org !== undefined && !chosen.has(org);
  };
  return {
    ok: true,
    workspace: {
      ...ws,
      ...(settings ? { settings } : {}),
      orgs: ws.orgs.filter((o) => chosen.has(o.id)),
      allAudits: ws.allAudits.filter((a) => chosen.has(a.org)),
      broken: new Set([...ws.broken].filter((rel) => !otherFolder(rel))),
    },
  };
}
