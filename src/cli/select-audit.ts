import { closest, findAudit, printable, type AuditModel, type Lang, type OrgModel, type Workspace } from '../core/index.ts';
import { UsageError } from './output.ts';


/** Resolves "<org>[/<version>]" to an audit, or explains what exists instead. */
export function selectAudit(ws: Workspace, spec: string, lang?: Lang): { org: OrgModel; audit: AuditModel } {
  const match = /^([^/]+)(?:\/([^/]+))?$/.exec(spec);
  if (!match) throw new UsageError(`expected <org> or <org>/<version>, got "${printable(spec)}"`);
  return selectVersion(ws, match[1], match[2], lang);
}

/**
 * The audit an organisation and version named on the command line stand for. A name that is
 * not in the workspace is a usage error (exit 2), said in one line in the language asked for
 * (else the workspace's), with what exists and the closest name when one is close.
 */
export function selectVersion(ws: Workspace, orgId: string, version: string | undefined, lang?: Lang): { org: OrgModel; audit: AuditModel } {
  const found = findAudit(ws, orgId, version);
  if (found.ok) return found;
  const zh = (lang ?? ws.settings?.data['default-locale'] ?? 'en') === 'zh';
  throw new UsageError(notFound(found.reason, shown(orgId), version === undefined ? '' : shown(version), found.available, zh));
}

/** One line: there is no such (organisation, questionnaire …) in the workspace, what there is, and the closest name. */
export function unknownName(what: { en: string; zh: string }, name: string, available: readonly string[], zh: boolean): string {
  return zh
    ? `工作区中没有${what.zh}“${shown(name)}”${listed(available, true)}${hint(name, available, true)}`
    : `there is no ${what.en} "${shown(name)}"${listed(available, false)}${hint(name, available, false)}`;
}

/** A name from the command line as a message shows it: controls as markers, at most 80 characters (ids are slugs, far shorter). */
function shown(name: string): string {
  const text = printable(name);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

function notFound(reason: 'no-org' | 'no-version' | 'no-audits', org: string, version: string, available: string[], zh: boolean): string {
  if (reason === 'no-org') return unknownName({ en: 'organisation', zh: '组织' }, org, available, zh);
  if (reason === 'no-audits') {
    return zh ? `组织“${org}”还没有评估；用 touchstone new ${org}/<版本> --period 开始..结束 新建一个`
      : `the organisation "${org}" has no audits yet; start one with touchstone new ${org}/<version> --period START..END`;
  }
  return zh ? `组织“${org}”没有评估版本“${version}”；现有版本：${list(available, true)}${hint(version, available, true)}`
    : `"${org}" has no audit version "${version}"; it has: ${list(available, false)}${hint(version, available, false)}`;
}

function listed(available: readonly string[], zh: boolean): string {
  if (available.length === 0) return zh ? '；工作区中还没有' : '; the workspace has none';
  return zh ? `；现有：${list(available, true)}` : `; the workspace has: ${list(available, false)}`;
}

function list(items: readonly string[], zh: boolean, max = 10): string {
  const shown = items.slice(0, max).map(printable);
  const more = items.length - shown.length;
  return zh ? `${shown.join('、')}${more > 0 ? ` 等 ${items.length} 个` : ''}` : `${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}

function hint(name: string, available: readonly string[], zh: boolean): string {
  const near = closest(name, available);
  if (near === undefined) return '';
  return zh ? `（是否指“${printable(near)}”？）` : ` (did you mean "${printable(near)}"?)`;
}
