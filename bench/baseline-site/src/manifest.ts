// What the baseline must write: the byte size of every HTML page and JSON file of the Touchstone
// build it is compared with (bench/run.ts writes it), so both builds write the same output.
import { readFileSync } from 'node:fs';

export interface Manifest { html: number[]; json: number[] }

let cached: Manifest | undefined;
export function manifest(): Manifest {
  const file = process.env.BASELINE_MANIFEST;
  cached ??= file ? (JSON.parse(readFileSync(file, 'utf8')) as Manifest) : { html: Array(10).fill(50_000), json: [] };
  return cached;
}
