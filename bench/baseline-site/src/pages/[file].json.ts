// One JSON file of the baseline per data file Touchstone wrote (/data/<org>/<version>.json), each
// with as many bytes and as many non-ASCII characters (see ../manifest.ts).
import type { APIRoute } from 'astro';
import { fillerRows, manifest, utf8 } from '../manifest.ts';

export function getStaticPaths() {
  return manifest().json.map(([bytes, wide], i) => ({ params: { file: `d-${i}` }, props: { bytes, wide } }));
}

export const GET: APIRoute = ({ props }) => {
  const { bytes, wide } = props as { bytes: number; wide: number };
  // `{"rows":[` … `]}`, rows separated by commas: 11 bytes of frame, and a comma counted with each row.
  const rows = fillerRows(bytes, wide, 11, (r, note) => ({ id: `q-${r}`, score: (r * 7) % 100, note }), (row) => utf8(JSON.stringify(row)) + 1);
  return new Response(Buffer.from(JSON.stringify({ rows }), 'utf8'), { headers: { 'Content-Type': 'application/json' } });
};
