// docs/glossary.yaml read for the tests: the preferred Chinese term of each concept, and its rejected variants.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { REPO } from './cli.ts';

interface Term { en: string; zh: string; rejected: string[] }
export const GLOSSARY = (parse(readFileSync(join(REPO, 'docs/glossary.yaml'), 'utf8')) as { terms: Term[] }).terms;

/** Each rejected variant found in `text`, with a little of its context. */
export function rejectedIn(text: string): string[] {
  return GLOSSARY.flatMap((t) => t.rejected.flatMap((r) => {
    const at = text.indexOf(r);
    return at === -1 ? [] : [`${r} (use ${t.zh} for "${t.en}"): …${text.slice(Math.max(0, at - 12), at + r.length + 12)}…`];
  }));
}
