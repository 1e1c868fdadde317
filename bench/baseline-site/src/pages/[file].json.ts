// One JSON file of the baseline per data file Touchstone wrote (/data/<org>/<version>.json), each of the same size.
import type { APIRoute } from 'astro';
import { manifest } from '../manifest.ts';

export function getStaticPaths() {
  return manifest().json.map((bytes, i) => ({ params: { file: `d-${i}` }, props: { bytes } }));
}

export const GET: APIRoute = ({ props }) => {
  const rows = Array.from({ length: Math.max(1, Math.round((props.bytes as number) / 60)) }, (_, r) => ({ id: `q-${r}`, score: (r * 7) % 100, note: 'an answer' }));
  return new Response(Buffer.from(JSON.stringify({ rows }), 'utf8'), { headers: { 'Content-Type': 'application/json' } });
};
