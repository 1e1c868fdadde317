import { findAudit, type AuditModel, type OrgModel, type Workspace } from '../core/index.ts';
import { UsageError, UserError } from './output.ts';

/** Resolves "<org>[/<version>]" to an audit, or explains what exists instead. */
export function selectAudit(ws: Workspace, spec: string): { org: OrgModel; audit: AuditModel } {
  const match = /^([^/]+)(?:\/([^/]+))?$/.exec(spec);
  if (!match) throw new UsageError(`expected <org> or <org>/<version>, got "${spec}"`);
  return selectVersion(ws, match[1], match[2]);
}

export function selectVersion(ws: Workspace, orgId: string, version: string | undefined): { org: OrgModel; audit: AuditModel } {
  const found = findAudit(ws, orgId, version);
  if (found.ok) return found;
  if (found.reason === 'no-org') {
    throw new UserError(`there is no organisation "${orgId}"; the workspace has: ${found.available.join(', ') || 'none'}`);
  }
  if (found.reason === 'no-audits') throw new UserError(`the organisation "${orgId}" has no audits yet`);
  throw new UserError(`"${orgId}" has no audit version "${version}"; it has: ${found.available.join(', ')}`);
}
