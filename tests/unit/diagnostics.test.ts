import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../src/core/diagnostics.ts';
import { quote } from '../../src/core/text-safety.ts';

// Diagnostics quote the workspace's own text (folder names, keys, values) and go to terminals,
// CI logs, editors and pages: none of them may receive a character they would act on.
describe('a diagnostic', () => {
  it('shows control and direction characters in its file and message as markers', () => {
    const bag = new DiagnosticBag();
    bag.error('audits/a\u001b[2J/org.yaml', { line: 1, col: 1 }, 'path/unsafe-name', 'the name "a\u001b[2J\u0085\u202e\u0007" is not safe\u0000');
    expect(bag.items[0]).toMatchObject({
      file: 'audits/a[U+001B][2J/org.yaml',
      message: 'the name "a[U+001B][2J[U+0085][U+202E][U+0007]" is not safe[U+0000]',
    });
  });

  it('keeps ordinary text, Chinese and typographic punctuation as they are (a tab is a control too)', () => {
    const bag = new DiagnosticBag();
    bag.warning('audits/acme/2026-q1/notes.mdx', { line: 3, col: 7 }, 'text/x', '“中文” — 3:14 · tab\tkept? no');
    expect(bag.items[0]!.message).toBe('“中文” — 3:14 · tab[U+0009]kept? no');
  });
});

describe('quote', () => {
  it('quotes text as JSON, cut to the length given, with an ellipsis', () => {
    expect(quote('abc')).toBe('"abc"');
    expect(quote('say "hi"\n')).toBe('"say \\"hi\\"\\n"');
    expect(quote('x'.repeat(50))).toBe(`"${'x'.repeat(40)}…"`);
    expect(quote('x'.repeat(50), 80)).toBe(`"${'x'.repeat(50)}"`);
  });
});
