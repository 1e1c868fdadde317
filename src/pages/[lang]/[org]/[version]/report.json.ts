// The report's data beside the page: the ScoreResult, the same data `touchstone score --json` prints.
import type { APIRoute } from 'astro';
import type { Lang } from '../../../../site/i18n.ts';
import { auditPagePaths, findAudit, siteData } from '../../../../site/data.ts';

export const getStaticPaths = auditPagePaths;

export const GET: APIRoute = ({ params }) => {
  const view = findAudit(siteData(), params.org!, params.version!)!;
  // Compact, and encoded here: 600 reports of a few hundred KB each made pretty-printing and the
  // string body's WebIDL conversion a sixth of a large build (bench/README.md). Browsers'
  // JSON viewers and jq indent it for reading.
  const body = Buffer.from(JSON.stringify(view.score[params.lang as Lang]), 'utf8');
  return new Response(body, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
