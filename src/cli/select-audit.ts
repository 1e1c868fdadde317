import { closest, findAudit, printable, type AuditModel, type Lang, type OrgModel, type Workspace } from '../core/index.ts';
import { ui, uif } from '../site/i18n.ts';
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
  const chosen = lang ?? ws.settings?.data['default-locale'] ?? 'en';
  throw new UsageError(notFound(found.reason, shown(orgId), version === undefined ? '' : shown(version), found.available, chosen));
}

/** What a name on the command line names: the words of the catalogues (src/site/messages/, "The terminal"). */
export type NameKind = 'cliOrganisation' | 'cliQuestionnaireNoun' | 'cliBenchmarkProfile';

/** One line: there is no such (organisation, questionnaire …) in the workspace, what there is, and the closest name. */
export function unknownName(what: NameKind, name: string, available: readonly string[], lang: Lang): string {
  return `${uif(lang, 'cliUnknownName', { what: ui(lang, what), name: shown(name) })}${listed(available, lang)}${hint(name, available, lang)}`;
}

/** A name from the command line as a message shows it: controls as markers, at most 80 characters (ids are slugs, far shorter). */
function shown(name: string): string {
  const text = printable(name);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

function notFound(reason: 'no-org' | 'no-version' | 'no-audits', org: string, version: string, available: string[], lang: Lang): string {
  if (reason === 'no-org') return unknownName('cliOrganisation', org, available, lang);
  if (reason === 'no-audits') return uif(lang, 'cliNoAudits', { org });
  return `${uif(lang, 'cliNoVersion', { org, version, list: list(available, lang) })}${hint(version, available, lang)}`;
}

function listed(available: readonly string[], lang: Lang): string {
  return available.length === 0 ? ui(lang, 'cliNoneListed') : uif(lang, 'cliListed', { list: list(available, lang) });
}

function list(items: readonly string[], lang: Lang, max = 10): string {
  const shown = items.slice(0, max).map(printable);
  const more = items.length - shown.length;
  // Counts as digits, as they were: uif would group them (1,000), which a list of ids need not.
  return `${shown.join(ui(lang, 'cliListSeparator'))}${more > 0 ? uif(lang, 'cliAndMore', { more: String(more) }) : ''}`;
}

function hint(name: string, available: readonly string[], lang: Lang): string {
  const near = closest(name, available);
  return near === undefined ? '' : uif(lang, 'cliDidYouMean', { name: printable(near) });
}
