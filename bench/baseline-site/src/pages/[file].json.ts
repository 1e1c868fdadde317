// One JSON file of the baseline per data file Touchstone wrote (/data/<org>/<version>.json), each
// with as many bytes and non-ASCII characters (see ../manifest.ts): rows of about 60 bytes.
import type { APIRoute } from 'astro';
import { manifest, rowTexts, utf8 } from '../manifest.ts';

export function getStaticPaths() {
  return manifest().json.map(([bytes, wide], i) => ({ params: { file: `d-${i}` }, props: { bytes, wide } }));
}

// A row and the comma after it; ids and scores of fixed width, so that every row adds as much.
const OVERHEAD = utf8(JSON.stringify({ id: 'q100000', score: 10, note: '' })) + 1;

export const GET: APIRoute = ({ props }) => {
  const { bytes, wide } = props as { bytes: number; wide: number };
  // `{"rows":[` and `]}` are 11 bytes, less the comma the last row does not have.
  const texts = rowTexts(bytes - 10, wide, Math.round(bytes / 60), OVERHEAD);
  const rows = texts.map((note, r) => ({ id: `q${100000 + r}`, score: 10 + ((r * 7) % 90), note }));
  return new Response(Buffer.from(JSON.stringify({ rows }), 'utf8'), { headers: { 'Content-Type': 'application/json' } });
};
