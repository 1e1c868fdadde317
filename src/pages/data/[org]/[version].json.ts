// The data behind each report: /data/<org>/<version>.json is the ScoreResult that
// `touchstone score <org>/<version> --json` prints (action texts in the organisation's language),
// one file per audit for both languages' pages. Compact, and encoded here: a portfolio build
// writes hundreds of these, and pretty-printing and a string body cost more than the pages.
import type { APIRoute } from 'astro';
import { auditDataPaths, findAudit, siteData } from '../../../site/data.ts';

export const getStaticPaths = auditDataPaths;

export const GET: APIRoute = async ({ params }) => {
  const data = await siteData();
  const view = findAudit(data, params.org!, params.version!)!;
  const org = data.orgs.find((o) => o.id === params.org)!;
  const body = Buffer.from(JSON.stringify(view.score[org.locale]), 'utf8');
  return new Response(body, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
