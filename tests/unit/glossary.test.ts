// docs/glossary.yaml: one Chinese term per concept. Every Chinese word Touchstone writes itself (the
// site's catalogue, the answer form, the command line, core's findings) and the bundled question
// bank and profile use the preferred term, never a rejected variant.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import zh from '../../src/site/messages/zh.ts';
import { REPO } from '../helpers/cli.ts';
import { GLOSSARY, rejectedIn } from '../helpers/glossary.ts';

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && ext.test(e.name)).map((e) => join(e.parentPath, e.name));
}

describe('the glossary', () => {
  it('names each concept once, with a preferred term that is no other concept\'s rejected one', () => {
    expect(GLOSSARY.length).toBeGreaterThan(8);
    const rejected = new Set(GLOSSARY.flatMap((t) => t.rejected));
    for (const t of GLOSSARY) expect(rejected.has(t.zh), t.zh).toBe(false);
  });

  it('finds a rejected variant where there is one (the check is not blind)', () => {
    expect(rejectedIn('本次审计的受访者')).toHaveLength(2);
  });

  it('holds in the site\'s Chinese catalogue', () => {
    expect(Object.entries(zh).flatMap(([key, text]) => rejectedIn(text).map((r) => `${key}: ${r}`))).toEqual([]);
  });

  it('holds in the answer form, the command line and core', () => {
    const sources = files(join(REPO, 'src'), /\.(ts|tsx|astro)$/).filter((f) => !f.includes('/messages/'));
    const found = sources.flatMap((f) => rejectedIn(readFileSync(f, 'utf8')).map((r) => `${f.slice(REPO.length + 1)}: ${r}`));
    expect(found).toEqual([]);
  });

  it('holds in the bundled question bank and benchmark profile', () => {
    const bank = [...files(join(REPO, 'questionnaires'), /\.yaml$/), ...files(join(REPO, 'benchmarks'), /\.yaml$/)];
    expect(bank.length).toBeGreaterThan(1);
    const found = bank.flatMap((f) => rejectedIn(readFileSync(f, 'utf8')).map((r) => `${f.slice(REPO.length + 1)}: ${r}`));
    expect(found).toEqual([]);
  });
});
