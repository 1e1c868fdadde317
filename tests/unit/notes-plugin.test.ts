// Which notes.mdx files the site compiles: exactly those the validation accepts as an audit's notes.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listNotes, notesProblem } from '../../src/site/notes-plugin.ts';

const made: string[] = [];
afterEach(() => { for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true }); });

function tree(files: Record<string, string>, prefix = 'touchstone-notes-'): string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  made.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('listNotes', () => {
  it('finds each audit’s notes by the validation’s rules: no hidden or unsafe folders, links only within the workspace', () => {
    const outside = tree({ 'secret.mdx': '# not yours' });
    const root = tree({
      'audits/acme/2026-q3/notes.mdx': '# Q3',
      'audits/acme/2026-q1/audit.yaml': 'x: 1',
      'audits/.archive/2024-q1/notes.mdx': '# {broken',
      'audits/acme/.draft/notes.mdx': '# draft',
      'audits/Acme_Old/2025-q1/notes.mdx': '# not a slug',
      'shared/q2.mdx': '# Q2, kept elsewhere in the workspace',
    });
    mkdirSync(join(root, 'audits/acme/2026-q2'), { recursive: true });
    symlinkSync(join(root, 'shared/q2.mdx'), join(root, 'audits/acme/2026-q2/notes.mdx'));
    mkdirSync(join(root, 'audits/acme/2026-q4'), { recursive: true });
    symlinkSync(join(outside, 'secret.mdx'), join(root, 'audits/acme/2026-q4/notes.mdx'));

    const notes = listNotes(root);
    expect([...notes.keys()].sort()).toEqual(['acme/2026-q2', 'acme/2026-q3']);
    expect(notes.get('acme/2026-q3')).toBe(join(root, 'audits/acme/2026-q3/notes.mdx'));
  });

  it('says, before the bundler fails on it, that a note under a path with "?" cannot be built', () => {
    expect(notesProblem(tree({ 'audits/acme/2026-q3/notes.mdx': '# Q3' }))).toBeUndefined();
    const odd = tree({ 'audits/acme/2026-q3/notes.mdx': '# Q3' }, 'touchstone-notes?');
    expect(notesProblem(odd)).toMatch(/notes\.mdx cannot be built: the path has a "\?"/);
    expect(notesProblem(tree({ 'audits/acme/2026-q3/audit.yaml': 'x: 1' }, 'touchstone-notes?'))).toBeUndefined();
  });

  it('is empty for a folder that is not there', () => {
    expect(listNotes(join(tmpdir(), 'touchstone-no-such-workspace')).size).toBe(0);
  });
});
