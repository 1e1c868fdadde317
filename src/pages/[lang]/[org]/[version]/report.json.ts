// The report's data beside the page: the ScoreResult, exactly as `touchstone score --json` prints it.
import type { APIRoute } from 'astro';
import { LANGS, type Lang } from '../../../../site/i18n.ts';
import { findAudit, siteData, RESERVED_ORG_IDS } from '../../../../site/data.ts';

export function getStaticPaths() {
  const data = siteData();
  return LANGS.flatMap((lang) => data.orgs.filter((o) => !RESERVED_ORG_IDS.has(o.id))
    .flatMap((o) => o.audits.map((a) => ({ params: { lang, org: o.id, version: a.version } }))));
}

export const GET: APIRoute = ({ params }) => {
  const view = findAudit(siteData(), params.org!, params.version!)!;
  const body = `${JSON.stringify(view.score[params.lang as Lang], null, 2)}\n`;
  return new Response(body, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
