// The report's data beside the page: the ScoreResult, exactly as `touchstone score --json` prints it.
import type { APIRoute } from 'astro';
import type { Lang } from '../../../../site/i18n.ts';
import { auditPagePaths, findAudit, siteData } from '../../../../site/data.ts';

export const getStaticPaths = auditPagePaths;

export const GET: APIRoute = ({ params }) => {
  const view = findAudit(siteData(), params.org!, params.version!)!;
  const body = `${JSON.stringify(view.score[params.lang as Lang], null, 2)}\n`;
  return new Response(body, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
