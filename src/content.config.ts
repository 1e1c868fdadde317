// The consultant's commentary: audits/<org>/<version>/notes.mdx in the workspace, compiled as MDX
// at build time (the only workspace files rendered as markup; everything else is escaped text).
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(process.env.TOUCHSTONE_ROOT || process.cwd());
const audits = resolve(root, 'audits');

/** Whether any audit has notes (the glob loader warns about an empty match, which would only confuse). */
function anyNotes(): boolean {
  if (!existsSync(audits)) return false;
  for (const org of readdirSync(audits, { withFileTypes: true })) {
    if (!org.isDirectory()) continue;
    for (const version of readdirSync(join(audits, org.name), { withFileTypes: true })) {
      if (version.isDirectory() && existsSync(join(audits, org.name, version.name, 'notes.mdx'))) return true;
    }
  }
  return false;
}

const notes = defineCollection({
  loader: anyNotes()
    ? glob({ pattern: '*/*/notes.mdx', base: audits, generateId: ({ entry }) => entry.replace(/\/notes\.mdx$/, '') })
    : async () => [],
});

export const collections = { notes };
