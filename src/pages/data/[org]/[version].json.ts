// The data behind each report: /data/<org>/<version>.json is its report model (core/report/report.ts,
// schemas/report.schema.json), the object `touchstone score <org>/<version> --json` prints, in no
// language: one file per audit for both languages' pages. Compact, and encoded here: a portfolio
// build writes hundreds of these, and pretty-printing and a string body cost more than the pages.
import type { APIRoute } from 'astro';
import { auditDataPaths, findAudit, siteData } from '../../../site/data.ts';

export const getStaticPaths = auditDataPaths;

export const GET: APIRoute = async ({ params }) => {
  const view = findAudit(await siteData(), params.org!, params.version!)!;
  const body = Buffer.from(JSON.stringify(view.report), 'utf8');
  return new Response(body, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
